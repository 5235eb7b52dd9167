"""The search index: an inverted index of normalised words, kept in SQLite and built once.

A warm search reads only the postings of the words it needs and the facts it shows, so it
stays fast at 100,000 facts. The file is named by the data's content key, written to a
temporary file and renamed, so parallel runs never see half an index.

The index is data, never code: records are stored as JSON lists and rebuilt into named
tuples field by field, each value checked against kzru's schema (codec.py). A wrong value,
a file whose checksum changed (see freshness.py) or an SQLite error means a damaged index,
which is rebuilt: damage costs time, never an answer. This module reads; ``build.py``
writes.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from array import array
from pathlib import Path
from typing import Any, Callable, Iterable

from kzru import cache, codec, fact_columns, freshness, whole_reads
from kzru.codec import (  # noqa: F401 - search reads the field bits from here
    FIELD_BITS,
    FIELD_WEIGHT,
    FIELDS,
    TABLES,
)
from kzru.files import parse_json
from kzru.model import Dataset, Fact

# SQLite sorts what its page cache cannot hold (a large event's facts) in temporary files in
# TMPDIR (or /var/tmp, /tmp): a full or unwritable one fails a read of a sound index, so
# _recovering retries it with cache.MEMORY_TEMP.


def _recovering(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a read. One SQLite could not do (a full TMPDIR) runs again with its temporary
    files in memory, for the rest of the run; on damage found mid-run, the index is
    rebuilt once and the read run again."""
    def guarded(self: "Index", *args: Any) -> Any:
        try:
            return method(self, *args)
        except sqlite3.OperationalError as error:
            if not self.temp_in_memory:
                self.temp_in_memory = True
                try:
                    self.connection.execute(cache.MEMORY_TEMP)
                    return method(self, *args)
                except (sqlite3.Error, ValueError):
                    pass
            return self.rebuilt_for(method, args, error)
        except (sqlite3.Error, ValueError) as error:
            return self.rebuilt_for(method, args, error)

    guarded.__doc__ = method.__doc__
    return guarded


ACCEPTED = "review = 'accepted'"


class Index:
    """Read side of the index: vocabulary look-ups, postings, facts by row.

    ``drafts`` says whether rows under review (``review = draft``) are read at all: every
    query over the facts goes through ``admit``, the one place that rule is applied.
    """

    def __init__(self, connection: sqlite3.Connection,
                 rebuild: Callable[[], sqlite3.Connection] | None = None) -> None:
        self._rebuild = rebuild
        self.drafts = False
        self.temp_in_memory = False  # set by a read that could not write temporary files
        # the cached file's place (freshness.Place) when the index is one, for the answers kept
        # beside it (kept.py); None for an index built in memory
        self.place: freshness.Place | None = None
        self._replace(connection)

    def admit(self, where: str = "1") -> str:
        """``where`` narrowed to the rows a reader may see (drafts only when asked for)."""
        return where if self.drafts else f"({where}) AND {ACCEPTED}"

    @property
    def has_drafts(self) -> bool:
        return self.draft_count > 0

    def rebuilt_for(self, method: Callable[..., Any], args: tuple[Any, ...],
                    error: Exception) -> Any:
        """``method`` run again on a rebuilt index; ``error`` raised when the index was
        rebuilt already this run (or cannot be)."""
        rebuild, self._rebuild = self._rebuild, None  # at most once a run
        if rebuild is None:
            raise error
        self._replace(rebuild())
        return method(self, *args)

    def _replace(self, connection: sqlite3.Connection) -> None:
        """Read and check the meta table of ``connection``; Damaged when anything is off."""
        try:
            if self.temp_in_memory:
                connection.execute(cache.MEMORY_TEMP)
            meta = dict(connection.execute("SELECT key, value FROM meta"))
            if meta.get("complete") != "1" or meta.get("format") != cache.FORMAT_VERSION:
                raise codec.Damaged("incomplete or outdated index")
            count, dates = meta.get("count"), meta.get("dates")
            if not (isinstance(count, str) and count.isdigit() and isinstance(dates, bytes)
                    and len(dates) == 4 * int(count)) or not isinstance(meta.get("tables"), str):
                raise codec.Damaged("the stored counts do not agree")
            if not isinstance(meta.get("aliases"), str):
                raise codec.Damaged("the stored aliases are not text")
        except (sqlite3.Error, ValueError):
            connection.close()
            raise
        self.connection = connection
        self.count = int(count)
        drafts = meta.get("drafts")
        if not (isinstance(drafts, str) and drafts.isdigit()):
            raise codec.Damaged("the stored draft count is not a number")
        self.draft_count = int(drafts)
        self.dates = array("I")
        self.dates.frombytes(dates)
        self._tables_text: Any = meta["tables"]
        self._tables: dict[str, dict[str, Any]] = {}
        self._aliases_text: str = meta["aliases"]
        self._aliases: codec.Aliases | None = None

    @property
    def aliases(self) -> codec.Aliases:
        """The alias table, decoded and checked when a command first reads a query with it
        (only search does: the others never pay for it)."""
        return self._alias_table()

    @_recovering
    def _alias_table(self) -> codec.Aliases:
        if self._aliases is None:
            self._aliases = codec.decode_aliases(self._aliases_text)
        return self._aliases

    @_recovering
    def table(self, name: str) -> dict[str, Any]:
        """sources, events, sectors or glossary, by id; decoded when a command needs them."""
        if name not in self._tables:
            if isinstance(self._tables_text, str):
                self._tables_text = parse_json(self._tables_text)
            stored = self._tables_text
            rows = stored.get(name) if isinstance(stored, dict) else None
            if not isinstance(rows, list):
                raise codec.Damaged(f"no stored {name} table")
            records = [codec.decode_record(TABLES[name], row) for row in rows]
            self._tables[name] = {record.id: record for record in records}
        return self._tables[name]

    @property
    def events(self) -> dict[str, Any]:
        return self.table("events")

    @property
    def sectors(self) -> dict[str, Any]:
        return self.table("sectors")

    @_recovering
    def lookup(self, sql: str, params: Iterable[Any]) -> list[tuple[str, bytes]]:
        rows = self.connection.execute(
            f"SELECT term, postings FROM vocab WHERE {sql}", tuple(params)).fetchall()
        for term, postings in rows:
            if not isinstance(term, str) or not isinstance(postings, bytes) or len(postings) % 4:
                raise codec.Damaged("a stored vocabulary row is not what kzru writes")
        return rows

    @_recovering
    def terms_like(self, first: str, low: int, high: int) -> list[str]:
        """Vocabulary terms starting with ``first``, of a length between ``low`` and ``high``."""
        rows = self.connection.execute(
            "SELECT term FROM vocab WHERE term >= ? AND term < ? AND length BETWEEN ? AND ?",
            (first, first + "\uffff", low, high))
        return [row[0] for row in rows if isinstance(row[0], str)]

    @_recovering
    def facts(self, rowids: list[int]) -> dict[int, Fact]:
        found: dict[int, Fact] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(
                f"SELECT x.rowid, {fact_columns.fact_sql()} FROM filters x JOIN facts f "
                f"ON f.rowid = x.rowid WHERE x.rowid IN ({marks})", chunk).fetchall()
            for rowid, (fact, _) in zip((row[0] for row in rows),
                                        fact_columns.fact_rows(row[1:] for row in rows)):
                found[rowid] = fact
        if len(found) != len(set(rowids)):
            raise codec.Damaged("a posting names a fact the index does not hold")
        return found

    @_recovering
    def sector_rows(self, sector: str) -> set[int]:
        """Rows of the facts a sector is one of, by the sectors' index: read from that index
        alone when every row may be seen (no drafts, or drafts asked for), else through the
        rows a reader may see (``admit``)."""
        if self.drafts or not self.has_drafts:
            rows = self.connection.execute(
                "SELECT rowid FROM fact_sectors WHERE sector = ?", (sector,))
        else:
            rows = self.connection.execute(
                "SELECT x.rowid FROM filters x WHERE "
                f"{self.admit('x.rowid IN (SELECT rowid FROM fact_sectors WHERE sector = ?)')}",
                (sector,))
        return {row[0] for row in rows}

    @_recovering
    def inside_names(self, key: str) -> set[int]:
        """Rows of facts that say the word (by its places.key) only inside a name."""
        rows = self.connection.execute("SELECT rowid FROM inname WHERE key = ?", (key,))
        return {row[0] for row in rows}

    @_recovering
    def names_a_field(self, key: str) -> bool:
        """True for a word a university is named for (places.university_fields)."""
        rows = self.connection.execute("SELECT 1 FROM inname WHERE key = ? AND rowid = -1",
                                       (key,))
        return rows.fetchone() is not None

    @_recovering
    def allowed(self, where: str, params: list[Any]) -> set[int]:
        rows = self.connection.execute(
            f"SELECT x.rowid FROM filters x WHERE {self.admit(where)}", params)
        return {row[0] for row in rows}

    @_recovering
    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """Any read; the caller applies ``admit`` to what it selects from ``filters``."""
        return self.connection.execute(sql, tuple(params)).fetchall()

    @_recovering
    def rare_names(self, names: list[str], common: int) -> list[tuple[str, int, array]]:
        """The link suggester's names among ``names`` (suggest_index.py) that at most
        ``common`` admitted facts hold: (name, how many, the rows holding it). Counted over
        every row with ``drafts``, over accepted rows otherwise; the rows include drafts
        either way (reading the facts admits them)."""
        column = "facts" if self.drafts else "accepted"
        found = []
        for start in range(0, len(names), 500):
            chunk = names[start:start + 500]
            rows = self.connection.execute(
                f"SELECT name, {column} FROM name_counts WHERE name IN "
                f"({','.join('?' * len(chunk))}) AND {column} <= ?", [*chunk, common]).fetchall()
            held: dict[str, array] = {}
            if rows:
                for name, rowid in self.connection.execute(
                        "SELECT name, rowid FROM fact_names WHERE name IN "
                        f"({','.join('?' * len(rows))}) ORDER BY rowid", [n for n, _ in rows]):
                    held.setdefault(name, array("I")).append(rowid)
            for name, frequency in rows:
                if not isinstance(name, str) or type(frequency) is not int:
                    raise codec.Damaged("a stored suggester name is not what kzru writes")
                found.append((name, frequency, held.get(name, array("I"))))
        return found

    @_recovering
    def rare_topics_of(self, rowids: list[int],
                       common: int) -> list[tuple[int, str, int, bytes]]:
        """For each of ``rowids``, its topic keys that at most ``common`` admitted facts hold
        (as ``rare_names`` counts them): (row, key, how many, the rows holding it, as stored)."""
        column = "facts" if self.drafts else "accepted"
        found = []
        for start in range(0, len(rowids), 500):
            chunk = rowids[start:start + 500]
            for row, key, frequency, postings in self.connection.execute(
                    f"SELECT t.rowid, t.key, k.{column}, k.postings FROM topic_rows t JOIN "
                    f"topic_keys k ON k.key = t.key WHERE t.rowid IN "
                    f"({','.join('?' * len(chunk))}) AND k.{column} <= ?", [*chunk, common]):
                if type(row) is not int or not isinstance(key, str) \
                        or type(frequency) is not int or not isinstance(postings, bytes) \
                        or len(postings) % 4:
                    raise codec.Damaged("a stored suggester key is not what kzru writes")
                found.append((row, key, frequency, postings))
        return found

    @_recovering
    def typed_rows(self, sql: str, params: Iterable[Any], types: tuple[type, ...]
                   ) -> list[tuple[Any, ...]]:
        """``rows`` with the type of every value checked: Damaged (and a rebuild) when one is
        not what kzru writes."""
        rows = self.connection.execute(sql, tuple(params)).fetchall()
        for row in rows:
            if tuple(map(type, row)) != types:  # every value's type, in one C call a row
                raise codec.Damaged("a stored fact is not what kzru writes")
        return rows

    @_recovering
    def typed_records(self, sql: str, params: Iterable[Any], types: tuple[type, ...],
                      make: Callable[[tuple[Any, ...]], Any], page: int = 2000) -> list[Any]:
        """``typed_rows``, each made into a record by ``make`` a page at a time: a large
        event's rows (25,000 at 100,000 facts) are never held twice, as SQLite's tuples and
        as records. ``make`` may run again from the first row (a read retried)."""
        cursor = self.connection.execute(sql, tuple(params))
        made: list[Any] = []
        while rows := cursor.fetchmany(page):
            for row in rows:
                if tuple(map(type, row)) != types:
                    raise codec.Damaged("a stored fact is not what kzru writes")
            made += map(make, rows)
        return made

    @_recovering
    def records(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Fact, int]]:
        """Facts and their lines from a query selecting ``fact_columns.fact_sql()``, each row held
        to what kzru writes."""
        return fact_columns.fact_rows(self.connection.execute(sql, tuple(params)))


def decode(blob: bytes) -> array:
    postings = array("I")
    postings.frombytes(blob)
    return postings


def _read_only(path: Path) -> sqlite3.Connection:
    """Open an index file read-only. The URI escapes every byte but a few safe ones, so a
    cache folder with '#', '?' or '%' in its name (or bytes that are not UTF-8) works."""
    safe = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~"
    escaped = "".join(chr(byte) if byte in safe else f"%{byte:02X}"
                      for byte in os.fsencode(os.path.abspath(path)))
    return sqlite3.connect(f"file:{escaped}?mode=ro", uri=True)



def open_index(folder: Path, load: Callable[[], Dataset] | None = None,
               color: bool = True) -> Index:
    """Open the cached index for ``folder``, building it when missing or bad: streamed from
    the folder, validated as it is written (build.stream), or from ``load()`` when given.
    Read again if a write changed the folder meanwhile (whole_reads.read_whole): the index
    answers for the folder as it was before the write or as it is after, never a mix.

    Never fatal: a damaged file is rebuilt, an unwritable or untrusted cache falls back to
    memory. Raises KzruError for data files that are not regular files, DataError for data
    that fails validation.
    """
    return whole_reads.read_whole(folder, lambda: _open_index(folder, load, color),
                                  lambda index: index.connection.close())


def _open_index(folder: Path, load: Callable[[], Dataset] | None, color: bool) -> Index:
    show = sys.stderr.isatty()
    directory = cache.trusted_dir()
    place = None
    if directory is not None:
        try:
            place = freshness.locate(folder, directory)
            if place.index_is_sound():
                index = Index(_read_only(place.index),
                              lambda: _rebuilt(place, folder, load, show, color))
                index.place = place
                return index
        except cache.Untrusted as error:
            from kzru.labels import Said

            cache.warn_once(Said("cache.untrusted", problem=error.args[0] if error.args
                                 else str(error)))
            place = None
        except (sqlite3.Error, ValueError, OSError):
            pass
    return _rebuilt(place, folder, load, show, color, wrap=True)


def _rebuilt(place: freshness.Place | None, folder: Path,
             load: Callable[[], Dataset] | None,
             show: bool, color: bool, wrap: bool = False) -> Any:
    """A fresh index on disk when the cache allows, else in memory (as an Index if ``wrap``,
    else its connection, for an Index replacing a damaged one). Data saved while it was read
    files nothing: that run answers from a copy in memory."""
    from kzru.files import recording

    with recording() as reads:  # what the load read: the key is filed only for those bytes
        dataset = load() if load is not None else None
    connection = None
    if place is not None:
        try:
            from kzru import build  # only to build: a warm run never imports it

            copied = build.build_file(place, folder, show, color, dataset, reads)
            connection = copied if copied is not None else _read_only(place.index)
            if wrap:
                index = Index(connection)
                index.place = place if copied is None else None
                return index
        except (OSError, sqlite3.Error, ValueError, cache.Untrusted):
            connection = None
    if connection is None:
        from kzru import build

        connection = build.in_memory(folder, show, color, dataset)
        if wrap:
            return Index(connection)
    return connection
