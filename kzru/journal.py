"""A data folder's lock and its write journal: how a write of several files stays whole.

``kzru add`` and ``kzru review`` replace several files of a folder at once (three tables, the
reviewer's notes, new articles). Each file is renamed into place on its own, and a SIGKILL or
a power cut between two renames cannot be held off. So before the first rename the writer
files a journal (DIR/.kzru-journal) naming every staged file and its target: from then on the
write has happened. Whoever next opens the folder (any kzru command, reader or writer) and
finds a journal finishes the write from it, under the folder's lock, before reading anything:
the renames not yet done are done, the leftovers removed. A writer that failed (a rename
refused) turns its journal back ("back") and undoes its renames from the old files it kept
as hard links; if it dies doing so, the next kzru finishes undoing. Every command therefore
reads the folder as it was before the write or as it is after, never a mix, and nothing
staged is lost.

Only names kzru itself writes are ever moved: a journal naming anything else (another folder,
a link, a file that is not a table, the notes or an article) is refused, never followed.
"""

from __future__ import annotations

import json
import os
import stat
import time
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Iterator, Sequence

from kzru.errors import KzruError, tell
from kzru.files import parse_json, read_limited
from kzru.held_signals import hold, release
from kzru.labels import Said
from kzru.paths import JOURNAL, TABLES

TEMP_PREFIX = ".kzru-write-"
LOCK_NAME = ".kzru-lock"
JOURNAL_LIMIT = 1 << 20
SETTLE_WAIT_S = 10.0  # how long a reader waits for a live writer to finish its renames
KNOWN_FILES = {f"{table}.csv" for table in TABLES} | {"datapackage.json", "review.json"}
ARTICLES = "articles"

# One staged file: (target, staged file, the old file kept as a hard link or None, each a name
# relative to the folder; the staged file's [device, inode] or None). Turning a write back
# removes a new target only when it is that very file: a journal never makes kzru delete a
# file it did not stage (one planted, or from a kzru that kept no identity, names any).
Entry = tuple[str, str, "str | None", "list[int] | None"]


# The lock descriptors this process holds: a worker process forked from it closes them
# (release_inherited), or a worker outliving a killed parent would hold the folder forever.
HELD: set[int] = set()


def release_inherited() -> None:
    """In a forked worker: let go of the parent's locks (the parent keeps them)."""
    for descriptor in list(HELD):
        try:
            os.close(descriptor)
        except OSError:
            pass
    HELD.clear()


class FolderBusy(KzruError):
    """Another kzru holds the folder."""


def sync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (best effort: not every file system can)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for one kzru writer: two curators changing one folder at once would
    each rewrite the tables whole from what they read, and one's work would be lost. The
    lock is an exclusive flock on DIR/.kzru-lock, which holds the holder's pid and is
    removed by it on the way out (while still locked), so a folder is left as it was; a
    process that locked a file just removed tries again. A second writer is refused at
    once, naming the process that holds the folder. The lock dies with its process, and
    its holder first finishes any write a killed kzru left (the journal) and removes what
    such a write had staged, before anything is read."""
    path = folder / LOCK_NAME
    # Ctrl-C, SIGTERM and SIGHUP are held from the lock file's creation until the block
    # that removes it is entered: one in between left .kzru-lock behind for good.
    held = hold()
    try:
        descriptor = _take(folder, path)
    except BaseException:
        release(held)
        raise
    HELD.add(descriptor)
    try:
        release(held)  # a signal held meanwhile is raised here, and cleaned up
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        recover(folder)
        tidy(folder)
        yield
    finally:
        try:
            os.unlink(path)  # still locked: nobody can take the file being removed
        except OSError:
            pass
        HELD.discard(descriptor)
        os.close(descriptor)  # releases the lock


def _take(folder: Path, path: Path) -> int:
    """The lock file's descriptor, locked (see folder_lock); FolderBusy when another kzru
    holds it."""
    import fcntl

    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_NONBLOCK", 0)  # a FIFO planted there never blocks the open
    while True:
        try:
            descriptor = os.open(path, flags, 0o600)
        except OSError as error:
            if path.is_symlink():
                raise KzruError(Said("err.lock_is_link", path=path)) from None
            if path.exists() and not path.is_file():
                raise KzruError(Said("err.lock_not_regular", path=path)) from None
            raise KzruError(Said("err.lock_unwritable", folder=folder,
                                 why=error.strerror or error)) from None
        try:
            found = os.fstat(descriptor)
            if stat.S_ISREG(found.st_mode) and found.st_nlink == 0:
                os.close(descriptor)  # its holder removed it as this process opened it
                continue
            if not stat.S_ISREG(found.st_mode) or found.st_nlink != 1:
                # a FIFO, a device, or a hard link to a file elsewhere that a truncate
                # would empty: never kzru's own lock file
                raise KzruError(Said("err.lock_not_regular", path=path))
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
            os.close(descriptor)
            raise FolderBusy(Said("err.folder_busy", folder=folder,
                                  pid=holder if holder.isdigit() else "?")) from None
        except BaseException:
            os.close(descriptor)
            raise
        try:
            mine = os.path.samestat(os.fstat(descriptor), os.lstat(path))
        except OSError:
            mine = False
        if mine:
            return descriptor
        os.close(descriptor)  # its holder removed it as this process opened it


def settle(folder: Path) -> None:
    """A command found a journal in ``folder``: a write is under way or was killed. Wait for a
    live writer to finish its renames (a few milliseconds), or finish a killed one's write
    under the lock; only then is the folder read. A folder this user cannot change is not
    read: it would be half of one write and half of another."""
    deadline = time.monotonic() + SETTLE_WAIT_S
    while os.path.lexists(folder / JOURNAL):
        try:
            with folder_lock(folder):
                return
        except FolderBusy:
            if time.monotonic() > deadline:
                raise KzruError(Said("err.write_under_way", folder=folder)) from None
            time.sleep(0.02)
        except KzruError as error:
            said = error.args[0] if error.args else ""
            if getattr(said, "key", "") == "err.lock_unwritable":
                raise KzruError(Said("err.unfinished_write", folder=folder)) from None
            raise


def tidy(folder: Path) -> None:
    """Remove what a killed write staged and never filed (its .kzru-write-* files). Called
    with the lock held and no journal left, so no live write can still be making them."""
    for place in (folder, folder / ARTICLES):
        try:
            if place.is_symlink():
                continue
            with os.scandir(place) as entries:
                for entry in entries:
                    if entry.name.startswith(TEMP_PREFIX) and entry.is_file(
                            follow_symlinks=False):
                        os.unlink(entry.path)
        except OSError:
            continue  # tidying is a courtesy, never a reason to fail


def write(folder: Path, state: str, entries: Sequence[Entry]) -> None:
    """File the journal whole (staged, flushed, renamed, the folder flushed): from the rename
    on, the next kzru finishes the write in this direction."""
    payload = json.dumps({"kzru": "journal", "version": 2, "state": state,
                          "files": [list(entry) for entry in entries]}).encode("utf-8")
    import tempfile

    descriptor, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, folder / JOURNAL)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    sync_folder(folder)


def roll(folder: Path, state: str, entries: Sequence[Entry],
         removed: list[str] | None = None) -> list[str]:
    """Carry the write the journal describes to its end: forward (every staged file still
    there renamed over its target) or back (every target put back as it was: a new one
    removed only when it is the file the write staged, and named in ``removed``); then
    remove the old copies and, last, the journal itself. Doing it twice does no harm. The
    targets a turn back kept (not the write's own files), for the caller to say."""
    kept: list[str] = []  # new targets turned back but not removed: not this write's files
    removed = [] if removed is None else removed
    if state == "forward":
        for name, temp, _, _ in entries:
            if os.path.lexists(folder / temp):
                os.replace(folder / temp, folder / name)
    else:
        for name, temp, backup, staged in entries:
            if backup is not None:
                if os.path.lexists(folder / backup):
                    os.replace(folder / backup, folder / name)
                if os.path.lexists(folder / temp):
                    os.unlink(folder / temp)
            elif os.path.lexists(folder / temp):
                os.unlink(folder / temp)  # never renamed: the target is still absent
            elif os.path.lexists(folder / name):
                if identity(folder / name) == staged:
                    os.unlink(folder / name)  # the new file this write renamed in: out
                    removed.append(name)
                else:
                    kept.append(name)
    for place in {(folder / entry[0]).parent for entry in entries}:
        sync_folder(place)
    for _, temp, backup, _ in entries:
        for left in (backup, temp):
            if left is not None and os.path.lexists(folder / left):
                os.unlink(folder / left)
    os.unlink(folder / JOURNAL)
    sync_folder(folder)
    return kept


def identity(path: Path) -> list[int] | None:
    """A staged file's [device, inode]: what it still is once renamed over its target."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return [found.st_dev, found.st_ino]



def recover(folder: Path) -> None:
    """Finish the write a killed kzru left in ``folder`` (the lock is held)."""
    path = folder / JOURNAL
    if not os.path.lexists(path):
        return
    state, entries = _read(folder)
    removed: list[str] = []
    try:
        kept = roll(folder, state, entries, removed)
    except OSError as error:
        raise KzruError(Said("err.cannot_finish_write", path=path,
                             why=error.strerror or error)) from None
    # a write nobody said was finished or undone is said now, once, on stderr, with each
    # file an undo removed (the one a curator would miss) and each it kept
    tell(Said("err.finished_write" if state == "forward" else "err.undid_write",
                 folder=folder, count=len(entries)))
    for name in removed:
        tell(Said("err.removed_staged", path=folder / name))
    for name in kept:
        tell(Said("err.kept_unstaged", path=folder / name))


def _read(folder: Path) -> tuple[str, list[Entry]]:
    """The journal, checked: only kzru's own files, each inside the folder, no link. Read as
    every small file of kzru's is (files.read_limited: a regular file, not through a link,
    within its size); each refusal says why in the reader's language."""
    path = folder / JOURNAL
    try:
        journal = parse_json(read_limited(path, JOURNAL_LIMIT, follow=False).decode("utf-8"))
        if not isinstance(journal, dict) or journal.get("kzru") != "journal" or \
                journal.get("state") not in ("forward", "back") or \
                not isinstance(journal.get("files"), list):
            raise _Refused(Said("err.journal.not_journal"))
        entries = [_entry(folder, item) for item in journal["files"]]
    except (OSError, ValueError, KzruError) as error:
        raise KzruError(Said("err.bad_journal", path=path, why=_why(error))) from None
    return journal["state"], entries


class _Refused(ValueError):
    """A journal kzru did not write; its one argument says why (a Said)."""


def _why(error: Exception) -> object:
    """Why a journal was refused, said in the reader's language."""
    import errno
    import json

    if isinstance(error, _Refused):
        return error.args[0]
    if isinstance(error, json.JSONDecodeError):
        return Said("err.journal.json", problem=error.msg, line=error.lineno,
                    column=error.colno)
    if isinstance(error, UnicodeDecodeError):
        return Said("err.journal.not_utf8", byte=error.start)
    if isinstance(error, KzruError):  # files.read_limited: not a regular file, too big
        said = error.args[0] if error.args else None
        if getattr(said, "key", "") == "err.too_big":
            return Said("err.journal.too_big", limit=JOURNAL_LIMIT >> 20)
        kind = getattr(said, "fields", {}).get("kind", Said("err.kind.other"))
        return Said("err.journal.not_regular", kind=kind)
    if isinstance(error, OSError) and error.errno == errno.ELOOP:
        return Said("err.journal.not_regular", kind=Said("err.kind.link"))
    return getattr(error, "strerror", None) or str(error)[:80]


def _entry(folder: Path, item: object) -> Entry:
    if not (isinstance(item, list) and len(item) in (3, 4) and isinstance(item[0], str) and
            isinstance(item[1], str) and (item[2] is None or isinstance(item[2], str))):
        raise _Refused(Said("err.journal.bad_entry"))
    staged_as = item[3] if len(item) == 4 else None  # version 1 kept no identity
    if staged_as is not None and not (isinstance(staged_as, list) and len(staged_as) == 2 and
                                      all(type(n) is int for n in staged_as)):
        raise _Refused(Said("err.journal.bad_identity"))
    name, temp, backup = item[:3]
    target = PurePosixPath(name)
    parent = str(target.parent)
    inside = (parent == "." and name in KNOWN_FILES) or (  # an article: any plain name add
        parent == ARTICLES and target.name not in ("", ".", "..") and  # gives one (A.TXT,
        not target.name.startswith(".kzru-") and "\\" not in target.name)  # .notes.txt)
    if not inside or "\x00" in name:
        raise _Refused(Said("err.journal.foreign_file", name=repr(name[:40])))
    for other in (temp, backup):
        if other is None:
            continue
        staged = PurePosixPath(other)
        if str(staged.parent) != parent or not staged.name.startswith(TEMP_PREFIX) or \
                "\x00" in other:
            raise _Refused(Said("err.journal.foreign_staged", name=repr(other[:40])))
    if parent == ARTICLES and (folder / ARTICLES).is_symlink():
        raise _Refused(Said("err.journal.link", name=ARTICLES))
    for other in (name, temp, backup):
        if other is not None and os.path.islink(folder / other):
            raise _Refused(Said("err.journal.link", name=repr(other[:40])))
    return name, temp, backup, staged_as
