"""Answers derived from the store and kept beside it: track's judged items, a brief's page.

Why: judging every tracked item (47,000 at 100,000 facts) and writing each as JSON costs
seconds, and the result depends only on the data, on kzru's code and on how it is asked (the
format, the fields, the language). Like the search index it is derived data: worked out once,
kept in the cache, read back as text in SQL order with no Python record per item.

Why files of their own, not tables inside ``index-KEY.sqlite``: the index is sealed by the
checksum of its whole file and opened read-only by every run; writing into it would re-seal a
file other runs are reading. A kept answer is a file per question kind and variant,
``kept-KEY-VARIANT.sqlite``: named by the index's content key (so a data change, or a new
FORMAT_VERSION, names another file), and by a digest of the variant and of kzru's own files
(so another kzru, or an edited one, never reads it). It is written like the index: built into
a private temporary file, its checksum filed in its seal (``kept-KEY-VARIANT.json``, the
index's Seal, by the same rule: freshness.Sealed), then renamed in; read only when the seal
vouches for it, its meta says what it answers and its values are the types kzru writes
(every value checked whenever its checksum is read, and its stat recorded only then: a run
the recorded stat vouches for reads the meta alone, not the whole file again).
Anything else is rebuilt, never answered from. Nothing read from it is a path or code: only
text written out, ids, and numbers.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from kzru import cache, codec, freshness

KEPT_VERSION = "1"
KEPT_PAGE = 1 << 16  # the largest page SQLite takes
_code: list[str] = []


def code_digest() -> str:
    """A digest of kzru's own files (code, word lists, labels): a kept answer is the output of
    this code, so an upgraded or edited kzru names other files. A few milliseconds, paid only
    by the commands that keep answers."""
    if not _code:
        from kzru.files import content_digest

        digest = content_digest()
        root = Path(__file__).resolve().parent
        for folder, folders, files in os.walk(root):
            # the bundled table (an installed kzru's data folder) is the store's key already
            folders[:] = sorted(name for name in folders if name != "__pycache__"
                                and not (folder == str(root) and name == "data"))
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = Path(folder, name)
                digest.update(os.fsencode(path.relative_to(root)) + b"\0")
                try:
                    digest.update(path.read_bytes())
                except OSError:
                    digest.update(b"<unreadable>")
                digest.update(b"\0")
        _code.append(digest.hexdigest())
    return _code[0]


def variant_of(kind: str, parts: Iterable[object]) -> str:
    """32 hex digits naming one kind of answer asked one way, by this kzru."""
    from kzru.files import content_digest

    digest = content_digest()
    digest.update(repr((KEPT_VERSION, code_digest(), kind, tuple(parts))).encode())
    return digest.hexdigest()


class Kept:
    """An open kept answer, read-only, its meta checked; ``rows`` checks every value's type."""

    def __init__(self, connection: sqlite3.Connection, count: int) -> None:
        self.connection = connection
        self.count = count

    def rows(self, sql: str, params: Iterable[Any], types: tuple[type, ...],
             page: int = 2000) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of a query a page at a time, each value's type checked (the whole
        kept answer's types were checked on opening: ``_check``)."""
        cursor = self.connection.execute(sql, tuple(params))
        while True:
            found = cursor.fetchmany(page)
            if not found:
                return
            for row in found:
                if tuple(map(type, row)) != types:
                    raise codec.Damaged("a kept row is not what kzru writes")
            yield found

    def close(self) -> None:
        self.connection.close()


# What a builder gets: a connection to the new file, its tables made by ``schema``; it returns
# how many rows it wrote (checked on every opening).
Builder = Callable[[sqlite3.Connection], int]


def open_kept(index: Any, kind: str, parts: Iterable[object], schema: str,
              checks: str, build: Builder) -> Kept | None:
    """The answer of ``kind`` asked as ``parts`` for the store behind ``index``: opened when
    sound, else built (``build``) and opened. None when the store has no cached file (built in
    memory) or the cache cannot take it: the caller works the answer out afresh.
    ``checks``: a query counting the rows whose values are not what kzru writes (0 when
    sound)."""
    place = getattr(index, "place", None)
    if place is None:
        return None
    variant = variant_of(kind, parts)
    key = place.memo.key
    path = place.index.with_name(f"kept-{key}-{variant}.sqlite")
    name = f"{key}-{variant}"
    seal = freshness.Sealed(path, path.with_name(f"kept-{name}.json"), name, place.now)
    try:
        found = _open(path, seal, key, variant, checks)
        if found is not None:
            return found
        if not _build(path, seal, key, variant, schema, build, place.index):
            return None
        return _open(path, seal, key, variant, checks)
    except cache.Untrusted as error:
        from kzru.labels import Said

        cache.warn_once(Said("cache.kept_untrusted", problem=error.args[0] if error.args
                             else str(error)))
        return None
    except (OSError, sqlite3.Error, ValueError):
        return None


def _open(path: Path, seal: freshness.Sealed, key: str, variant: str,
          checks: str) -> Kept | None:
    """The kept answer when its seal vouches for it and its meta and values are as kzru writes.
    Every value is checked (``checks``: a read of the whole file, 30,000 rows of track at
    100,000 facts) whenever the checksum is read, and its stat recorded only after: a run
    whose recorded stat vouches for the file reads a file whose values were found sound, and
    reads only its meta (unless the file was replaced while it was opened)."""
    from kzru.index import _read_only

    opened: list[tuple[sqlite3.Connection, int]] = []

    def checked(connection: sqlite3.Connection) -> int | None:
        """The row count the meta files, when the meta says the file answers what is asked,
        complete; None otherwise."""
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        count = meta.get("count")
        if meta.get("complete") != "1" or meta.get("key") != key \
                or meta.get("variant") != variant or meta.get("version") != KEPT_VERSION \
                or not (isinstance(count, str) and count.isdigit()):
            return None
        return int(count)

    def whole() -> bool:
        """The meta and every value as kzru writes them (asked when the checksum was read:
        the file's stat is recorded only when this holds)."""
        connection = _read_only(path)
        opened.append((connection, -1))
        count = checked(connection)
        if count is None:
            return False
        (wrong,), = connection.execute(checks).fetchall()
        if wrong != 0:
            return False
        opened[-1] = (connection, count)
        return True

    kept = None
    try:
        stat = seal.vouched_stat()
        if stat is None:
            if not seal.is_sound(whole):
                return None
            if not opened:  # vouched by a stat another run recorded meanwhile: check it all
                whole()
            connection, count = opened[-1]
        else:
            connection = _read_only(path)
            opened.append((connection, -1))
            found = checked(connection)
            if found is None:
                return None
            count = found
            if not seal.stat_is(stat):  # replaced since its stat was taken: check it whole
                (wrong,), = connection.execute(checks).fetchall()
                if wrong != 0:
                    return None
        if count < 0:
            return None
        kept = Kept(connection, count)
        return kept
    except (sqlite3.Error, ValueError):
        return None
    finally:
        if kept is None:
            for connection, _ in opened:
                connection.close()


def _build(path: Path, seal: freshness.Sealed, key: str, variant: str, schema: str,
           build: Builder, current: Path) -> bool:
    """Build the kept answer into a private temporary file, seal it, rename it in. False when the
    cache folder cannot take it (the answer is then worked out afresh)."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix="kept-", suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            # set before any table: read back in rows of a few kilobytes (track's items) or
            # pieces of a megabyte (a brief's page), a 64 KiB page is one read where 4 KiB
            # pages took sixteen (a warm track at 100,000 facts reads 94 MB)
            connection.execute(f"PRAGMA page_size = {KEPT_PAGE}")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA journal_mode = OFF")
            connection.executescript(f"CREATE TABLE meta (key TEXT PRIMARY KEY, value); "
                                     f"{schema}")
            count = build(connection)
            connection.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("key", key), ("variant", variant), ("version", KEPT_VERSION),
                ("count", str(count)), ("complete", "1")])
            connection.commit()
        finally:
            connection.close()
        cache.sync_file(temporary)
        digest = freshness.file_digest(Path(temporary))
        seal.file_build(digest)  # named before it is in place, as an index's build is
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    cache.tidy(path.parent, current)
    return True


PAGES = "CREATE TABLE pages (seq INTEGER PRIMARY KEY, text TEXT NOT NULL)"
PAGE_CHECKS = ("SELECT (SELECT COUNT(*) FROM pages WHERE typeof(seq) != 'integer' OR "
               "typeof(text) != 'text') + ((SELECT COUNT(*) FROM pages) != (SELECT "
               "CAST(value AS INTEGER) FROM meta WHERE key = 'count'))")
# A kept document's piece, in characters: tens of kilobytes, not megabytes. Each piece is
# made, stored, read back and written out as one string; megabyte strings made one after
# another are what the C allocator keeps (past the first freed, it serves them from a heap
# that grows): at 100,000 facts the Moscow brief's 117 MB of Markdown read back a megabyte
# at a time took a warm run to 162 MB, and its first run from 97 to 116 MB.
PAGE_SIZE = 1 << 15


class _Pieces:
    """A text stream kept as pieces of PAGE_SIZE characters, inserted as they fill: a long
    document (a brief at 100,000 facts: tens of megabytes) is never held whole."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.held: list[str] = []
        self.size = 0
        self.count = 0

    def write(self, text: str) -> int:
        start = 0
        while start < len(text):  # a long write (a brief's section) cut into pieces
            piece = text[start:start + PAGE_SIZE - self.size]
            start += len(piece)
            self.held.append(piece)
            self.size += len(piece)
            if self.size >= PAGE_SIZE:
                self.flush()
        return len(text)

    def flush(self) -> None:
        if self.held:
            self.count += 1
            self.connection.execute("INSERT INTO pages VALUES (?, ?)",
                                    (self.count, "".join(self.held)))
            self.held, self.size = [], 0


def kept_text(index: Any, kind: str, parts: Iterable[object],
              write: Callable[[Any], None]) -> Kept | None:
    """The kept answer of a whole document (``write(stream)`` writes it), opened or built: a
    brief's page, asked one way. None as for ``open_kept``."""
    def build(connection: sqlite3.Connection) -> int:
        pieces = _Pieces(connection)
        write(pieces)
        pieces.flush()
        return pieces.count

    return open_kept(index, kind, parts, PAGES, PAGE_CHECKS, build)


def write_text(kept: Kept, out: Any) -> None:
    """Write a kept document out, a piece at a time."""
    try:
        for page in kept.rows("SELECT text FROM pages ORDER BY seq", (), (str,), page=1):
            out.write(page[0][0])
    finally:
        kept.close()
