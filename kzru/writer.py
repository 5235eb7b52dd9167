"""Write a data folder's tables: whole or not at all.

Curation (``kzru add``, ``kzru review``, ``kzru init``) changes several CSV files at once. Rows
are handled as the CSV's own cells (strings), so a row nobody touched is written back byte for
byte; records become cells through the schema (dates ISO, lists joined by '; ', numbers with
every digit). Every new file is written beside its target and fsynced first; only then are they
renamed into place, with Ctrl-C and termination held back until the last rename, so an
interrupted run leaves the folder as it was.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from kzru.errors import KzruError
from kzru.files import read_limited
from kzru.labels import Said

CSV_LIMIT = 256 << 20
TEMP_PREFIX = ".kzru-write-"
LOCK_NAME = ".kzru-lock"


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


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT/SIGTERM/SIGHUP until the block ends (then they are delivered)."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # not the main thread, or no such call
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for one kzru writer: two curators changing one folder at once would
    each rewrite the tables whole from what they read, and one's work would be lost. The
    lock is an exclusive flock on DIR/.kzru-lock, which holds the holder's pid and is
    removed by it on the way out (while still locked), so a folder is left as it was; a
    process that locked a file just removed tries again. A second writer is refused at
    once, naming the process that holds the folder. The lock dies with its process."""
    import fcntl

    path = folder / LOCK_NAME
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        try:
            descriptor = os.open(path, flags, 0o600)
        except OSError as error:
            if path.is_symlink():
                raise KzruError(Said("err.lock_is_link", path=path)) from None
            raise KzruError(Said("err.lock_unwritable", folder=folder,
                                 why=error.strerror or error)) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
            os.close(descriptor)
            raise KzruError(Said("err.folder_busy", folder=folder,
                                 pid=holder if holder.isdigit() else "?")) from None
        except BaseException:
            os.close(descriptor)
            raise
        try:
            mine = os.path.samestat(os.fstat(descriptor), os.lstat(path))
        except OSError:
            mine = False
        if mine:
            break
        os.close(descriptor)  # its holder removed it as this process opened it
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        try:
            os.unlink(path)  # still locked: nobody can take the file being removed
        except OSError:
            pass
        os.close(descriptor)  # releases the lock


def _refuse_links(path: Path) -> None:
    if path.is_symlink():
        raise KzruError(Said("err.is_link", path=path))
    if path.exists() and not path.is_file():
        raise KzruError(Said("err.not_regular", path=path))


def commit(folder: Path, contents: Mapping[str, bytes],
           modes: Mapping[str, int] | None = None) -> None:
    """Replace (or create) files of ``folder`` by name, all of them or none. A replaced file
    keeps its mode; a new one gets the umask's, narrowed to ``modes[name]`` when given (an
    article copied from a private file stays private: never more than its source allowed)."""
    if folder.is_symlink():
        raise KzruError(Said("err.folder_is_link", folder=folder))
    _tidy(folder, contents)
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
        with _signals_held():
            _swap_in(folder, staged)
            staged = []
            created = []
            swapped = True
            sync_folder(folder)
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


STALE_TEMPORARY_S = 900  # a live write renames its files within seconds


def _tidy(folder: Path, contents: Mapping[str, bytes]) -> None:
    """Remove what a killed write left behind (SIGKILL cannot be held): its staged files in
    the folders this write uses, old enough that no write can still be making them (add
    and review also hold the folder's lock while they write)."""
    import time

    cutoff = time.time() - STALE_TEMPORARY_S
    for place in {(folder / name).parent for name in contents}:
        try:
            with os.scandir(place) as entries:
                for entry in entries:
                    if entry.name.startswith(TEMP_PREFIX) and entry.is_file(
                            follow_symlinks=False) and \
                            entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)
        except OSError:
            continue  # tidying is a courtesy, never a reason to fail a write


def _swap_in(folder: Path, staged: list[tuple[str, Path]]) -> None:
    """Rename every staged file over its target; if one rename fails, put back the ones
    already done (each old file is kept as a hard link until all are in)."""
    done: list[tuple[Path, Path | None]] = []  # (target, backup or None when it was new)
    try:
        for name, temp in staged:
            target = folder / name
            backup = None
            if target.exists():
                backup = target.with_name(f"{TEMP_PREFIX}old-{target.name}")
                if backup.exists():
                    backup.unlink()
                os.link(target, backup)
            try:
                os.replace(temp, target)
            except BaseException:
                if backup is not None:
                    backup.unlink()
                raise
            done.append((target, backup))
    except BaseException:
        for target, backup in reversed(done):
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink()
        raise
    for _, backup in done:
        if backup is not None:
            backup.unlink()


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


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


def render_tables(tables: Mapping[str, Table]) -> dict[str, bytes]:
    return {f"{name}.csv": table.render() for name, table in tables.items()}


def sorted_by(rows: Sequence[dict[str, str]], key: str) -> list[dict[str, str]]:
    return sorted(rows, key=lambda row: row.get(key, ""))
