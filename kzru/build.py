"""Writing the store: the validated tables, their filter columns and the search postings,
into an empty SQLite database (index.py reads it, cache.py says where it lives).

Why apart from the reads: a build runs once per data version and may take seconds at 100,000
facts; every other run only opens what a build wrote, and each side changes for its own
reasons (what is stored vs how a command asks for it).
"""

from __future__ import annotations

import json
import os
import sqlite3
from array import array
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

from kzru import cache, codec
from kzru.codec import FIELD_BITS, FIELDS, TABLES
from kzru.model import Dataset, Fact
from kzru.text import compound_parts, normalize, skeleton, stem_many, words

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




def in_memory(dataset: Dataset, show: bool, color: bool) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    build(dataset, connection, show, color)
    return connection


def build_file(place: cache.Place, dataset: Dataset, show: bool, color: bool) -> None:
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

