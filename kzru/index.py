"""The search index: an inverted index of normalised words, kept in SQLite and built once.

A warm search reads only the postings of the words it needs and the facts it shows, so it
stays fast at 100,000 facts. The file is named by the data's content key, written to a
temporary file and renamed, so parallel runs never see half an index.

The index is data, never code: records are stored as JSON lists and rebuilt into named
tuples field by field, each value checked against kzru's schema (codec.py). A wrong value,
a file whose checksum changed (see cache.py) or an SQLite error means a damaged index,
which is rebuilt: damage costs time, never an answer.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from array import array
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from kzru import cache, codec
from kzru.model import Dataset, Event, Fact, GlossaryEntry, Sector, Source
from kzru.text import compound_parts, normalize, skeleton, stem_many, words

# Field bits kept in each posting, and how much a match in that field counts.
FIELDS = {"summary": 1, "text": 2, "evidence": 4, "names": 8, "tags": 16}
FIELD_WEIGHT = {1: 1.0, 2: 1.0, 4: 0.9, 8: 1.0, 16: 0.6}
FIELD_BITS = 5
PROGRESS_THRESHOLD = 2000

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE facts(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE vocab(term TEXT PRIMARY KEY, stem TEXT NOT NULL, tkey TEXT NOT NULL,
                   length INTEGER NOT NULL, postings BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE filters(rowid INTEGER PRIMARY KEY, year INTEGER, event TEXT, kind TEXT,
                     status TEXT, sectors TEXT, basis TEXT, id TEXT NOT NULL,
                     date INTEGER NOT NULL, precision INTEGER NOT NULL, source TEXT NOT NULL,
                     part_of TEXT NOT NULL, speaker TEXT NOT NULL, review TEXT NOT NULL,
                     line INTEGER NOT NULL);
CREATE TABLE fact_sectors(rowid INTEGER NOT NULL, sector TEXT NOT NULL);
CREATE TABLE fact_follows(rowid INTEGER NOT NULL, earlier TEXT NOT NULL);
CREATE TABLE fact_names(rowid INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE parts(part TEXT NOT NULL, term TEXT NOT NULL);
CREATE TABLE inname(key TEXT NOT NULL, rowid INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX vocab_stem ON vocab(stem);
CREATE INDEX vocab_tkey ON vocab(tkey);
CREATE INDEX vocab_length ON vocab(length, term);
CREATE UNIQUE INDEX facts_id ON facts(id);
CREATE INDEX parts_part ON parts(part);
CREATE INDEX inname_key ON inname(key);
CREATE INDEX filters_date ON filters(date, id);
CREATE INDEX filters_event ON filters(event, part_of);
CREATE INDEX filters_source ON filters(source);
CREATE INDEX filters_part_of ON filters(part_of);
CREATE INDEX filters_status ON filters(status, date);
CREATE INDEX fact_sectors_sector ON fact_sectors(sector, rowid);
CREATE INDEX fact_follows_earlier ON fact_follows(earlier);
CREATE INDEX fact_names_name ON fact_names(name);
"""
# Precision of a date as a number, so SQL can order "2025-05" (month) after "2025-05-01".
PRECISION = {"day": 0, "month": 1, "year": 2}
TABLES = {"sources": Source, "events": Event, "sectors": Sector, "glossary": GlossaryEntry}


def fact_fields(fact: Fact) -> dict[int, str]:
    """The searchable text of a fact by field bit.

    Sector names are not text here: a fact of the energy sector does not *say* "gas", so the
    sector is matched as a signal (see understand.py) instead of as words every fact holds.
    """
    return {
        FIELDS["summary"]: fact.summary,
        FIELDS["text"]: fact.text,
        FIELDS["evidence"]: fact.evidence,
        FIELDS["names"]: " ".join((*fact.names, fact.speaker)),
    }


def _postings(connection: sqlite3.Connection, dataset: Dataset, facts: list[Fact],
              progress: Any) -> dict[str, array]:
    """Postings of every word, and (stored as it goes) the words each fact says only inside
    a name (places.py): each field is split into words once for both."""
    from kzru.places import inside_names, name_table

    names = name_table(dataset.glossary.values())
    keys: dict[str, str] = {}
    inside: list[tuple[str, int]] = []
    postings: dict[str, array] = defaultdict(lambda: array("I"))
    summary, text, evidence = FIELDS["summary"], FIELDS["text"], FIELDS["evidence"]
    for rowid, fact in enumerate(facts):
        masks: dict[str, int] = defaultdict(int)
        split = {bit: words(content) for bit, content in fact_fields(fact).items()}
        for bit, found in split.items():
            for word in found:
                masks[word] |= bit
        for word, mask in masks.items():
            postings[word].append(rowid << FIELD_BITS | mask)
        if names:
            fields = [split[summary], split[text], split[evidence],
                      *(words(name) for name in fact.names)]
            inside.extend((word, rowid) for word in inside_names(names, fields, keys))
            if len(inside) >= 50_000:
                connection.executemany("INSERT INTO inname VALUES (?, ?)", inside)
                inside.clear()
        if progress:
            progress(rowid + 1)
    connection.executemany("INSERT INTO inname VALUES (?, ?)", inside)
    return postings


def _store_parts(connection: sqlite3.Connection, terms: Iterable[str]) -> None:
    """Compound parts of the vocabulary: газоснабжение is found by газ and by снабжение."""
    connection.executemany(
        "INSERT INTO parts VALUES (?, ?)",
        ((part, term) for term in terms for part in compound_parts(term)))


def build(dataset: Dataset, connection: sqlite3.Connection, show_progress: bool = False,
          color: bool = True) -> None:
    """Write a complete index of ``dataset`` into an empty database.

    Facts are stored before the postings are built, so the two never peak together.
    """
    facts = list(dataset.facts.values())
    connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    _store_facts(connection, dataset, facts)
    with _progress(len(facts), show_progress, color) as progress:
        postings = _postings(connection, dataset, facts, progress)
    _store_vocabulary(connection, postings)
    _store_parts(connection, postings)
    connection.executescript(INDEXES)
    connection.execute("INSERT INTO meta VALUES ('complete', '1')")
    connection.commit()


def _store_facts(connection: sqlite3.Connection, dataset: Dataset, facts: list[Fact]) -> None:
    connection.executemany(
        "INSERT INTO facts VALUES (?, ?, ?)",
        ((rowid, fact.id, codec.encode(fact)) for rowid, fact in enumerate(facts)),
    )
    lines = dataset.fact_lines
    connection.executemany(
        "INSERT INTO filters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((rowid, fact.date.year, fact.event, fact.kind, fact.status, "|" + "|".join(fact.sectors)
          + "|", fact.date_basis, fact.id, fact.date.toordinal(), PRECISION[fact.date_precision],
          fact.source, fact.part_of, fact.speaker, fact.review, lines.get(fact.id, 0))
         for rowid, fact in enumerate(facts)),
    )
    connection.executemany("INSERT INTO fact_sectors VALUES (?, ?)", (
        (rowid, sector) for rowid, fact in enumerate(facts)
        for sector in dict.fromkeys(fact.sectors)))
    connection.executemany("INSERT INTO fact_follows VALUES (?, ?)", (
        (rowid, earlier) for rowid, fact in enumerate(facts) for earlier in fact.follows))
    connection.executemany("INSERT INTO fact_names VALUES (?, ?)", (
        (rowid, name) for rowid, fact in enumerate(facts)
        for name in {normalize(name) for name in fact.names}))
    from kzru.places import university_fields

    # Row -1 marks a word a university is named for (see places.university_fields).
    connection.executemany("INSERT INTO inname VALUES (?, -1)",
                           ((found,) for found in university_fields(dataset.glossary.values())))
    tables = {name: [codec.plain(record) for record in getattr(dataset, name).values()]
              for name in TABLES}
    dates = array("I", (fact.date.toordinal() for fact in facts))
    from kzru.aliases import alias_table

    aliases = codec.encode_aliases(alias_table(dataset.glossary.values()))
    meta = {
        "tables": json.dumps(tables, ensure_ascii=False),
        "aliases": aliases,
        "dates": dates.tobytes(),
        "count": str(len(facts)),
        "drafts": str(sum(fact.review != "accepted" for fact in facts)),
        "format": cache.FORMAT_VERSION,
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _store_vocabulary(connection: sqlite3.Connection, postings: dict[str, array]) -> None:
    terms = sorted(postings)
    stems = stem_many(terms)
    connection.executemany(
        "INSERT INTO vocab VALUES (?, ?, ?, ?, ?)",
        ((term, stem, skeleton(stem), len(term), postings[term].tobytes())
         for term, stem in zip(terms, stems)),
    )


class _progress:
    """A rich progress bar on a terminal for a large build; nothing otherwise."""

    def __init__(self, total: int, enabled: bool, color: bool = True) -> None:
        self.total = total
        self.enabled = enabled and total >= PROGRESS_THRESHOLD
        self.color = color
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        from rich.progress import Progress

        console = _stderr_console()
        console.no_color = console.no_color or not self.color
        self.bar = Progress(transient=True, console=console)
        self.bar.start()
        task = self.bar.add_task("building search index", total=self.total)
        step = max(1, self.total // 200)

        def advance(done: int) -> None:
            if done % step == 0 or done == self.total:
                self.bar.update(task, completed=done)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _recovering(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a read; on damage found mid-run, rebuild the index once and run it again."""
    def guarded(self: "Index", *args: Any) -> Any:
        try:
            return method(self, *args)
        except (sqlite3.Error, ValueError):
            rebuild, self._rebuild = self._rebuild, None  # at most once a run
            if rebuild is None:
                raise
            self._replace(rebuild())
            return method(self, *args)

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
        self._replace(connection)

    def admit(self, where: str = "1") -> str:
        """``where`` narrowed to the rows a reader may see (drafts only when asked for)."""
        return where if self.drafts else f"({where}) AND {ACCEPTED}"

    @property
    def has_drafts(self) -> bool:
        return self.draft_count > 0

    def _replace(self, connection: sqlite3.Connection) -> None:
        """Read and check the meta table of ``connection``; Damaged when anything is off."""
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta"))
            if meta.get("complete") != "1" or meta.get("format") != cache.FORMAT_VERSION:
                raise codec.Damaged("incomplete or outdated index")
            count, dates = meta.get("count"), meta.get("dates")
            if not (isinstance(count, str) and count.isdigit() and isinstance(dates, bytes)
                    and len(dates) == 4 * int(count)) or not isinstance(meta.get("tables"), str):
                raise codec.Damaged("the stored counts do not agree")
            self.aliases = codec.decode_aliases(meta["aliases"])
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

    @_recovering
    def table(self, name: str) -> dict[str, Any]:
        """sources, events, sectors or glossary, by id; decoded when a command needs them."""
        if name not in self._tables:
            if isinstance(self._tables_text, str):
                self._tables_text = json.loads(self._tables_text)
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
            for rowid, record in self.connection.execute(
                    f"SELECT rowid, record FROM facts WHERE rowid IN ({marks})", chunk):
                found[rowid] = codec.decode_record(Fact, json.loads(record))
        if len(found) != len(set(rowids)):
            raise codec.Damaged("a posting names a fact the index does not hold")
        return found

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
    def records(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Fact, int]]:
        """Facts decoded from a query selecting ``record`` and ``line``, each value checked."""
        found = []
        for record, line in self.connection.execute(sql, tuple(params)):
            if not isinstance(record, str) or type(line) is not int:
                raise codec.Damaged("a stored fact is not what kzru writes")
            found.append((codec.decode_record(Fact, json.loads(record)), line))
        return found


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


def _in_memory(dataset: Dataset, show: bool, color: bool) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    build(dataset, connection, show, color)
    return connection


def _build_file(place: cache.Place, dataset: Dataset, show: bool, color: bool) -> None:
    """Build into a private temporary file, record its checksum, then rename it into place."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=place.index.parent, prefix="index-",
                                         suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            build(dataset, connection, show, color)
        finally:
            connection.close()
        digest = cache.file_digest(Path(temporary))
        os.replace(temporary, place.index)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    info = os.lstat(place.index)
    place.record([info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns,
                  info.st_ctime_ns], digest)
    cache.tidy(place.index.parent, place.index)


def open_index(folder: Path, load: Callable[[], Dataset], color: bool = True) -> Index:
    """Open the cached index for ``folder``, building it (via ``load()``) when missing or bad.

    Never fatal: a damaged file is rebuilt, an unwritable or untrusted cache falls back to
    memory. Raises KzruError only for data files that are not regular files.
    """
    show = sys.stderr.isatty()
    directory = cache.trusted_dir()
    place = None
    if directory is not None:
        try:
            place = cache.locate(folder, directory)
            if place.index_is_sound():
                return Index(_read_only(place.index), lambda: _rebuilt(place, load, show, color))
        except cache.Untrusted as error:
            cache.warn_once(f"{error}; not using the cache, the index is built in memory")
            place = None
        except (sqlite3.Error, ValueError, OSError):
            pass
    return _rebuilt(place, load, show, color, wrap=True)


def _rebuilt(place: cache.Place | None, load: Callable[[], Dataset], show: bool, color: bool,
             wrap: bool = False) -> Any:
    """A fresh index on disk when the cache allows, else in memory (as an Index if ``wrap``,
    else its connection, for an Index replacing a damaged one)."""
    dataset = load()
    connection = None
    if place is not None and not place.still_current():
        place = None  # the data changed while it was read: build in memory, file nothing
    if place is not None:
        try:
            _build_file(place, dataset, show, color)
            connection = _read_only(place.index)
            if wrap:
                return Index(connection)
        except (OSError, sqlite3.Error, ValueError, cache.Untrusted):
            connection = None
    if connection is None:
        connection = _in_memory(dataset, show, color)
        if wrap:
            return Index(connection)
    return connection
