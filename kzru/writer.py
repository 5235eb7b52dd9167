"""Write a data folder's tables: whole or not at all.

Curation (``kzru add``, ``kzru review``, ``kzru init``) changes several CSV files at once. Rows
are handled as the CSV's own cells (strings), so a row nobody touched is written back byte for
byte; records become cells through the schema (dates ISO, lists joined by '; ', numbers with
every digit). Every new file is written beside its target and fsynced first; only then are they
renamed into place, with Ctrl-C and termination held back until the last rename, so an
interrupted run leaves the folder as it was. A kill that cannot be held (SIGKILL, a power cut)
is covered by the journal filed before the first rename (kzru.journal): the next kzru finishes
the write, so no command ever reads half of it.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Mapping, Sequence

from kzru import journal
from kzru.errors import KzruError
from kzru.files import read_limited
from kzru.held_signals import signals_held
from kzru.journal import LOCK_NAME, TEMP_PREFIX, folder_lock, sync_folder
from kzru.labels import Said

CSV_LIMIT = 256 << 20
__all__ = ["LOCK_NAME", "TEMP_PREFIX", "Table", "cell", "cells", "commit", "folder_lock",
           "read_table", "render_tables", "sorted_by", "sync_folder"]


class Table:
    """One CSV file as its header and rows of cells (column -> text)."""

    def __init__(self, header: list[str], rows: list[dict[str, str]]) -> None:
        self.header = header
        self.rows = rows

    def ids(self) -> set[str]:
        return {row["id"] for row in self.rows}

    def render(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.header)
        writer.writerows([row.get(column, "") for column in self.header] for row in self.rows)
        return out.getvalue().encode("utf-8")


def read_table(path: Path) -> Table:
    """A CSV table as cells (the loader has validated it: this only splits it)."""
    text = read_limited(path, CSV_LIMIT).decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = next(reader, [])
    return Table(header, [dict(zip(header, cells)) for cells in reader if cells])


def cell(value: Any, delimiter: str = "; ") -> str:
    """A record's value as its CSV cell: the inverse of the loader's parsing."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return delimiter.join(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def cells(record: Any) -> dict[str, str]:
    """Every field of a record (a named tuple) as cells."""
    return {name: cell(value) for name, value in record._asdict().items()}


def _refuse_links(path: Path) -> None:
    if path.is_symlink():
        raise KzruError(Said("err.is_link", path=path))
    if path.exists() and not path.is_file():
        raise KzruError(Said("err.not_regular", path=path))


def commit(folder: Path, contents: Mapping[str, bytes],
           modes: Mapping[str, int] | None = None) -> None:
    """Replace (or create) files of ``folder`` by name, all of them or none. A replaced file
    keeps its mode; a new one gets the umask's, narrowed to ``modes[name]`` when given (an
    article copied from a private file stays private: never more than its source allowed).
    The caller holds the folder (folder_lock), which has already finished any write a killed
    kzru left (its journal) before this one is staged."""
    if folder.is_symlink():
        raise KzruError(Said("err.folder_is_link", folder=folder))
    staged: list[tuple[str, Path]] = []
    created: list[Path] = []  # folders made for new files, removed again on failure
    name, swapped = "", False
    try:
        for name, payload in contents.items():
            target = folder / name
            _refuse_links(target)
            for parent in target.relative_to(folder).parents:
                if parent != Path(".") and (folder / parent).is_symlink():
                    raise KzruError(Said("err.inner_link", path=folder / parent))
            if not target.parent.exists():
                target.parent.mkdir(parents=True)
                created.append(target.parent)
            descriptor, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
            staged.append((name, Path(temp)))
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            if target.exists():
                os.chmod(temp, target.stat().st_mode & 0o777)
            else:
                allowed = 0o600 | ((modes or {}).get(name, 0o644) & 0o044)
                os.chmod(temp, 0o644 & ~_umask() & allowed)
        name = ""  # from here on a failure is the folder's, not one file's
        with signals_held():
            _swap_in(folder, staged)  # takes the staged files over once its journal is filed
            created = []
            swapped = True
    except OSError as error:
        # the user's file, never the temporary one beside it
        if swapped:
            raise KzruError(Said("err.not_flushed", folder=folder,
                                 why=error.strerror or error)) from None
        raise KzruError(Said("err.not_written", path=folder / name if name else folder,
                             why=error.strerror or error)) from None
    finally:
        for _, temp in staged:
            try:
                temp.unlink()
            except OSError:
                pass
        for made in reversed(created):
            try:
                made.rmdir()
            except OSError:
                pass


def _swap_in(folder: Path, staged: list[tuple[str, Path]]) -> None:
    """Rename every staged file over its target, as one write: each old file is first kept as
    a hard link, then the journal is filed (kzru.journal), then the renames are done, then
    the old copies and the journal removed. A kzru killed anywhere in between leaves a
    journal the next kzru finishes the write from; a rename that fails here is undone at
    once (the journal turned back first, so that an undo cut short is finished too)."""
    entries: list[journal.Entry] = []
    made: list[Path] = []
    try:
        for name, temp in staged:
            target = folder / name
            backup = None
            if os.path.lexists(target):
                backup = target.with_name(f"{TEMP_PREFIX}old-{target.name}")
                if os.path.lexists(backup):
                    os.unlink(backup)
                os.link(target, backup)
                made.append(backup)
            entries.append((name, str(Path(name).with_name(temp.name)),
                            str(Path(name).with_name(backup.name)) if backup else None,
                            journal.identity(temp)))
        for place in {temp.parent for _, temp in staged}:
            sync_folder(place)  # every staged file is on disk before the journal names it
        journal.write(folder, "forward", entries)
        staged_now = list(staged)
        staged.clear()  # the journal's now: the caller never removes them
    except BaseException:
        for backup in made:
            try:
                backup.unlink()
            except OSError:
                pass
        raise
    try:
        for name, temp in staged_now:
            os.replace(temp, folder / name)
    except BaseException as error:
        try:
            journal.write(folder, "back", entries)
        except OSError:
            # A double fault: the journal still says forward, so the next kzru finishes this
            # write forward whatever this one reports. It is written: finish it here if the
            # renames now go through, else say it is written and who finishes it.
            try:
                journal.roll(folder, "forward", entries)
            except OSError as again:
                raise KzruError(Said("err.written_unfinished", folder=folder,
                                     why=again.strerror or again)) from None
            if isinstance(error, OSError):
                return
            raise
        try:
            journal.roll(folder, "back", entries)
        except OSError:
            pass  # the journal says back: the next kzru finishes undoing it
        raise
    try:
        journal.roll(folder, "forward", entries)  # nothing left to rename: the leftovers go
    except OSError:
        pass  # written; the journal is left, and the next kzru removes the leftovers


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def render_tables(tables: Mapping[str, Table]) -> dict[str, bytes]:
    return {f"{name}.csv": table.render() for name, table in tables.items()}


def sorted_by(rows: Sequence[dict[str, str]], key: str) -> list[dict[str, str]]:
    return sorted(rows, key=lambda row: row.get(key, ""))
