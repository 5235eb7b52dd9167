"""The search index: an inverted index of normalised words, kept in SQLite and built once.

A warm search reads only the postings of the words it needs and the facts it shows, so it
stays fast at 100,000 facts. The file is named by the data's content key, written to a
temporary file and renamed, so parallel runs never see half an index.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import sys
from array import array
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

from kzru.cache import FORMAT_VERSION, cache_dir, content_key
from kzru.model import Dataset, Fact
from kzru.text import compound_parts, skeleton, stem_many, words

# Field bits kept in each posting, and how much a match in that field counts.
FIELDS = {"summary": 1, "text": 2, "evidence": 4, "names": 8, "tags": 16}
FIELD_WEIGHT = {1: 1.0, 2: 1.0, 4: 0.9, 8: 1.0, 16: 0.6}
FIELD_BITS = 5
PROGRESS_THRESHOLD = 2000

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE facts(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, record BLOB NOT NULL);
CREATE TABLE vocab(term TEXT PRIMARY KEY, stem TEXT NOT NULL, tkey TEXT NOT NULL,
                   length INTEGER NOT NULL, postings BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE filters(rowid INTEGER PRIMARY KEY, year INTEGER, event TEXT, kind TEXT,
                     status TEXT, sectors TEXT);
CREATE TABLE parts(part TEXT NOT NULL, term TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX vocab_stem ON vocab(stem);
CREATE INDEX vocab_tkey ON vocab(tkey);
CREATE INDEX vocab_length ON vocab(length, term);
CREATE UNIQUE INDEX facts_id ON facts(id);
CREATE INDEX parts_part ON parts(part);
"""


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


def _postings(dataset: Dataset, facts: list[Fact], progress: Any) -> dict[str, array]:
    postings: dict[str, array] = defaultdict(lambda: array("I"))
    for rowid, fact in enumerate(facts):
        masks: dict[str, int] = defaultdict(int)
        for bit, content in fact_fields(fact).items():
            for word in words(content):
                masks[word] |= bit
        for word, mask in masks.items():
            postings[word].append(rowid << FIELD_BITS | mask)
        if progress:
            progress(rowid + 1)
    return postings


def _store_parts(connection: sqlite3.Connection, terms: Iterable[str]) -> None:
    """Compound parts of the vocabulary: газоснабжение is found by газ and by снабжение."""
    connection.executemany(
        "INSERT INTO parts VALUES (?, ?)",
        ((part, term) for term in terms for part in compound_parts(term)))


def build(dataset: Dataset, connection: sqlite3.Connection, show_progress: bool = False) -> None:
    """Write a complete index of ``dataset`` into an empty database.

    Facts are stored before the postings are built, so the two never peak together.
    """
    facts = list(dataset.facts.values())
    connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    _store_facts(connection, dataset, facts)
    with _progress(len(facts), show_progress) as progress:
        postings = _postings(dataset, facts, progress)
    _store_vocabulary(connection, postings)
    _store_parts(connection, postings)
    connection.executescript(INDEXES)
    connection.execute("INSERT INTO meta VALUES ('complete', '1')")
    connection.commit()


def _store_facts(connection: sqlite3.Connection, dataset: Dataset, facts: list[Fact]) -> None:
    connection.executemany(
        "INSERT INTO facts VALUES (?, ?, ?)",
        ((rowid, fact.id, pickle.dumps(fact, protocol=pickle.HIGHEST_PROTOCOL))
         for rowid, fact in enumerate(facts)),
    )
    connection.executemany(
        "INSERT INTO filters VALUES (?, ?, ?, ?, ?, ?)",
        ((rowid, fact.date.year, fact.event, fact.kind, fact.status, "|" + "|".join(fact.sectors)
          + "|") for rowid, fact in enumerate(facts)),
    )
    tables = {
        "sources": dataset.sources, "events": dataset.events,
        "sectors": dataset.sectors, "glossary": dataset.glossary,
    }
    dates = array("I", (fact.date.toordinal() for fact in facts))
    from kzru.aliases import alias_table

    meta = {
        "tables": pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL),
        "aliases": pickle.dumps(alias_table(dataset.glossary.values()),
                                protocol=pickle.HIGHEST_PROTOCOL),
        "dates": dates.tobytes(),
        "count": str(len(facts)),
        "folder": dataset.folder,
        "format": FORMAT_VERSION,
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

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total >= PROGRESS_THRESHOLD
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        from rich.progress import Progress

        self.bar = Progress(transient=True, console=_stderr_console())
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


class Index:
    """Read side of the index: vocabulary look-ups, postings, facts by row."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        if meta.get("complete") != "1" or meta.get("format") != FORMAT_VERSION:
            raise sqlite3.DatabaseError("incomplete or outdated index")
        self.count = int(meta["count"])
        self.folder = meta["folder"]
        self._tables_blob = meta["tables"]
        self._tables: dict[str, Any] | None = None
        self.dates = array("I")
        self.dates.frombytes(meta["dates"])
        self.aliases = pickle.loads(meta["aliases"])

    def table(self, name: str) -> dict[str, Any]:
        """sources, events, sectors or glossary; unpickled only when a command needs them."""
        if self._tables is None:
            self._tables = pickle.loads(self._tables_blob)
        return self._tables[name]

    @property
    def events(self) -> dict[str, Any]:
        return self.table("events")

    @property
    def sectors(self) -> dict[str, Any]:
        return self.table("sectors")

    def lookup(self, sql: str, params: Iterable[Any]) -> list[tuple[str, bytes]]:
        return self.connection.execute(
            f"SELECT term, postings FROM vocab WHERE {sql}", tuple(params)).fetchall()

    def terms_like(self, first: str, low: int, high: int) -> list[str]:
        """Vocabulary terms starting with ``first``, of a length between ``low`` and ``high``."""
        rows = self.connection.execute(
            "SELECT term FROM vocab WHERE term >= ? AND term < ? AND length BETWEEN ? AND ?",
            (first, first + "\uffff", low, high))
        return [row[0] for row in rows]

    def facts(self, rowids: list[int]) -> dict[int, Fact]:
        found: dict[int, Fact] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for rowid, record in self.connection.execute(
                    f"SELECT rowid, record FROM facts WHERE rowid IN ({marks})", chunk):
                found[rowid] = pickle.loads(record)
        return found

    def allowed(self, where: str, params: list[Any]) -> set[int]:
        rows = self.connection.execute(f"SELECT rowid FROM filters WHERE {where}", params)
        return {row[0] for row in rows}


def decode(blob: bytes) -> array:
    postings = array("I")
    postings.frombytes(blob)
    return postings


def open_index(folder: Path, load: Any) -> Index:
    """Open the cached index for ``folder``, building it (via ``load()``) when missing or bad.

    Never fatal: a corrupt file is rebuilt, an unwritable cache falls back to memory.
    """
    key = content_key(folder)
    path = cache_dir() / f"index-{key}.sqlite"
    if path.exists():
        try:
            return Index(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
        except Exception:  # noqa: BLE001 - any unreadable cache is rebuilt, never fatal
            pass
    dataset = load()
    show = sys.stderr.isatty()
    try:
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix="index-", suffix=".tmp")
        os.close(handle)
        try:
            connection = sqlite3.connect(temporary)
            try:
                build(dataset, connection, show)
            finally:
                connection.close()
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return Index(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    except (OSError, sqlite3.Error):
        connection = sqlite3.connect(":memory:")
        build(dataset, connection, show)
        return Index(connection)


