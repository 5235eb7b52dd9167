"""A reader's read of a data folder, whole: done again when a write changed the folder while
it was read, so what a command answers from is one version of the folder.

Why apart from freshness.py: freshness decides which cached store is current for the data and
whether its file is sound; this is about the data files themselves while a command reads them
(journal.py's writes rename each table in on its own, and an editor may save one in place).
Both compare the same file stats (freshness._signature).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, TypeVar

from kzru.errors import KzruError
from kzru.freshness import _signature
from kzru.paths import JOURNAL, data_files

# How many times a reader reads a folder, when writes keep changing it under the reader.
READ_TRIES = 3

Read = TypeVar("Read")


def generation(folder: Path) -> list[object]:
    """What any write into ``folder`` changes: whether a write journal is there, and each data
    file's stat (a rename gives the name another inode; a file put back by an undo is one
    whose change time a hard link and a rename have moved)."""
    found: list[object] = [os.path.lexists(folder / JOURNAL)]
    for path in data_files(folder):
        try:
            found.append(_signature(os.stat(path)))
        except (OSError, ValueError):
            found.append(None)
    return found


def files_state(place: Path) -> list[object]:
    """What a write into a folder of other files (articles, outside the data folder or in it)
    changes: whether the folder holding it has a write journal (a kzru write of that folder
    is under way or was killed), and each file's name and stat (a rename gives a new inode)."""
    found: list[object] = [os.path.lexists(place.parent / JOURNAL)]
    try:
        with os.scandir(place) as entries:
            found += sorted((entry.name, _signature(entry.stat(follow_symlinks=False)))
                            for entry in entries)
    except (OSError, ValueError):
        found.append(None)
    return found


def read_whole(folder: Path, read: Callable[[], Read],
               discard: Callable[[Read], None] | None = None,
               also: tuple[Path, ...] = ()) -> Read:
    """``read()``, which reads the folder's files one by one, done again when a write changed
    the folder while it ran (a journal seen, a file renamed). A reader that started before
    a live writer's renames would otherwise answer from old tables and new ones at once (or
    refuse a folder that is valid before and after). Between tries the write is waited
    for, or finished (journal.settle). A folder still changing at the last try is not a
    kzru write (each of those is whole at once), but an editor saving in place: refused in
    one line, since an answer from part of it would look whole. ``also``: folders of other
    files the read takes (check --sources' articles, wherever they are), watched the same
    way (files_state)."""
    def state() -> list[object]:
        return [generation(folder), *(files_state(place) for place in also)]

    for attempt in range(READ_TRIES):
        before = state()
        if not any(found[0] for found in before):
            last = attempt == READ_TRIES - 1
            try:
                result = read()
            except Exception:
                after = state()
                if after == before:
                    raise  # a problem of the folder itself, not of a write meanwhile
                if last:
                    raise _still_changing(folder, also, before, after) from None
            else:
                after = state()
                if after == before:
                    return result
                if discard is not None:
                    discard(result)
                if last:
                    raise _still_changing(folder, also, before, after)
        from kzru.journal import settle

        settle(folder)
        for place in also:  # a write of the folder that holds them: finished first
            if os.path.lexists(place.parent / JOURNAL):
                settle(place.parent)
    from kzru.labels import Said

    raise KzruError(Said("err.write_under_way", folder=folder))


def _still_changing(folder: Path, also: tuple[Path, ...], before: list[object],
                    after: list[object]) -> KzruError:
    """A folder that changed during every read is not a kzru write (each of those is whole
    at once): an editor saving a table in place, say. What was read may be any part of it,
    and a short answer would look whole: refused, naming the file that changed."""
    from kzru.labels import Said

    changed: object = folder
    files = data_files(folder)
    for path, old, new in zip(files, before[0][1:], after[0][1:]):
        if old != new:
            changed = path
            break
    else:
        changed = next((place for place, old, new in zip(also, before[1:], after[1:])
                        if old != new), folder)
    return KzruError(Said("err.changed_while_read", path=changed, tries=READ_TRIES))
