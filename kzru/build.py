"""Writing the store: the validated tables, their filter columns and the search postings,
into an empty SQLite database (index.py reads it, cache.py says where it lives).

Why apart from the reads: a build runs once per data version and may take seconds at 100,000
facts; every other run only opens what a build wrote, and each side changes for its own
reasons (what is stored vs how a command asks for it). Here: the rows, the indexes, and the
life of the file a build writes (scratch file, key, rename); the words of each fact are
build_words.py's, found in a forked process by word_worker.py when the build goes to a file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from array import array
from itertools import repeat
from pathlib import Path
from typing import Any, Callable, Iterable

from kzru import cache, codec, fact_columns, freshness, suggest_index
from kzru.build_words import Words
from kzru.codec import TABLES
from kzru.model import Dataset, Fact, GlossaryEntry
from kzru.text import normalized_fields
from kzru.word_worker import WorkerFailed, _Worker

PROGRESS_THRESHOLD = 2000

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE facts(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, date_note TEXT NOT NULL,
                   summary TEXT NOT NULL, text TEXT NOT NULL, evidence TEXT NOT NULL, value,
                   unit TEXT NOT NULL, names TEXT NOT NULL, follows TEXT NOT NULL,
                   same_as TEXT NOT NULL);
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


BATCH = 500  # facts written per executemany: memory stays flat however long the table


class Builder:
    """Writes a store fact by fact: each fact's rows (record, filter columns, links) go to
    SQLite in batches as it comes, its words to the postings (Words, here or in a forked
    worker when ``path`` names the database file); ``finish`` writes the vocabulary, the
    indexes and the tables kept beside the facts. A build from a stream (``stream``) never
    holds the facts themselves, only their postings."""

    def __init__(self, connection: sqlite3.Connection, glossary: Iterable[GlossaryEntry],
                 show_progress: bool = False, color: bool = True,
                 total: int | None = None, path: str | None = None) -> None:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        self.connection = connection
        self.glossary = list(glossary)
        self.words = Words(self.glossary)
        self.worker = _Worker.start(self.words, path) if path is not None else None
        self.dates = array("I")
        # Each name's facts, all and accepted only (suggest_index's name_counts).
        self.name_counts: dict[str, list[int]] = {}
        self.count = self.drafts = 0
        self.pending: dict[str, list[tuple[Any, ...]]] = {table: [] for table in INSERTS}
        self.progress = _progress(total, show_progress, color)

    def add(self, fact: Fact, line: int) -> None:
        rowid = self.count
        self.count += 1
        day = fact.date
        self.dates.append(day.toordinal())
        accepted = fact.review == "accepted"
        if not accepted:
            self.drafts += 1
        pending = self.pending
        # the fields filters does not hold, as columns (fact_columns.fact_sql reads them back)
        pending["facts"].append((
            rowid, fact.id, fact.date_note, fact.summary, fact.text, fact.evidence,
            fact_columns.stored_number(fact.value), fact.unit, fact_columns.stored_list(fact.names),
            fact_columns.stored_list(fact.follows), fact_columns.stored_list(fact.same_as)))
        pending["filters"].append((
            rowid, day.year, fact.event, fact.kind, fact.status,
            "|" + "|".join(fact.sectors) + "|", fact.date_basis, fact.id, day.toordinal(),
            PRECISION[fact.date_precision], fact.source, fact.part_of, fact.speaker,
            fact.review, line))
        pending["fact_sectors"].extend(zip(repeat(rowid), dict.fromkeys(fact.sectors)))
        pending["fact_follows"].extend(zip(repeat(rowid), fact.follows))
        fields = [fact.summary, fact.text, fact.evidence, fact.speaker, *fact.names]
        if self.worker is None:
            # Every field normalised and split into words once, for the names here and for
            # the postings and the words said only inside a name.
            texts = normalized_fields(fields)
            self.words.add(rowid, accepted, texts)
            named = set(texts[4:])
        else:
            self.worker.add(accepted, fields)
            named = set(normalized_fields(list(fact.names))) if fact.names else set()
        pending["fact_names"].extend(zip(repeat(rowid), named))
        for name in named:
            counts = self.name_counts.get(name)
            if counts is None:
                counts = self.name_counts[name] = [0, 0]
            counts[0] += 1
            counts[1] += accepted
        if len(pending["facts"]) >= BATCH:
            self.flush()
        self.progress.advance(self.count)

    def flush(self) -> None:
        for table, rows in self.pending.items():
            if rows:
                self.connection.executemany(INSERTS[table], rows)
                rows.clear()

    def stop(self) -> None:
        """The build is abandoned: no bar left on the screen, no worker left running."""
        self.progress.stop()
        if self.worker is not None:
            self.worker.stop()

    def finish(self, tables: dict[str, Iterable[Any]]) -> None:
        """Write what follows the facts; ``tables`` are sources, events, sectors and glossary."""
        from kzru.aliases import alias_table

        self.flush()
        self.progress.stop()
        connection = self.connection
        if self.worker is None:
            self.words.finish(connection)
        else:
            connection.commit()  # the worker writes its tables into the file now
            self.worker.finish()
        connection.executescript(INDEXES)
        suggest_index.write_names(connection, self.name_counts)
        kept = {name: [codec.plain(record) for record in tables[name]] for name in TABLES}
        meta = {
            "tables": json.dumps(kept, ensure_ascii=False),
            "aliases": codec.encode_aliases(alias_table(self.glossary)),
            "dates": self.dates.tobytes(),
            "count": str(self.count),
            "drafts": str(self.drafts),
            "format": cache.FORMAT_VERSION,
            "complete": "1",
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        connection.commit()


INSERTS = {
    "facts": "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "filters": "INSERT INTO filters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "fact_sectors": "INSERT INTO fact_sectors VALUES (?, ?)",
    "fact_follows": "INSERT INTO fact_follows VALUES (?, ?)",
    "fact_names": "INSERT INTO fact_names VALUES (?, ?)",
}


def build(dataset: Dataset, connection: sqlite3.Connection, show_progress: bool = False,
          color: bool = True) -> None:
    """Write a complete store of a loaded ``dataset`` into an empty database."""
    builder = Builder(connection, dataset.glossary.values(), show_progress, color,
                      len(dataset.facts))
    lines = dataset.fact_lines
    for fact in dataset.facts.values():
        builder.add(fact, lines.get(fact.id, 0))
    builder.finish({name: getattr(dataset, name).values() for name in TABLES})


def stream(folder: Path, connection: sqlite3.Connection, show_progress: bool = False,
           color: bool = True, path: str | None = None) -> None:
    """Validate ``folder`` and write its store into an empty database in one pass over the
    facts; raise DataError when the data has a problem (the database is then incomplete:
    the caller discards it). Memory holds the postings and what the checks across rows
    need, never every fact. With ``path`` (the database's file) the words are found in a
    forked worker while this process validates; WorkerFailed if it fails."""
    from kzru.store import read_folder

    builders: list[Builder] = []

    def start(tables: dict[str, Any]) -> Callable[[Fact, int], None]:
        builders.append(Builder(connection, tables["glossary"].rows, show_progress, color,
                                path=path))
        return builders[0].add

    try:
        tables, problems = read_folder(folder, start=start)
        if problems:
            raise problems.error()
        kept = {name: tables[name].rows for name in TABLES}
        # What the checks across rows kept of each fact is done with: let it go before the
        # word worker writes its tables, the moment both processes are at their largest,
        # and give the memory it took back to the system.
        del tables
        _give_back()
        builders[0].finish(kept)
    except BaseException:
        for builder in builders:
            builder.stop()
        raise


def _give_back() -> None:
    """Return the heap memory freed so far to the system (glibc's malloc_trim), where there
    is one: what a process frees stays its own otherwise, counted against the build while
    the word worker finishes."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # another C library
            pass


class _progress:
    """A rich progress bar on a terminal for a large build (shown from the
    PROGRESS_THRESHOLD-th fact on, so a small table never flashes one); nothing otherwise."""

    def __init__(self, total: int | None, enabled: bool, color: bool = True) -> None:
        self.total = total
        self.enabled = enabled and (total is None or total >= PROGRESS_THRESHOLD)
        self.color = color
        self.bar: Any = None
        self.task: Any = None
        self.step = max(1, (total or 0) // 200) if total else 500

    def advance(self, done: int) -> None:
        if not self.enabled or (done % self.step and done != self.total):
            return
        if self.bar is None:
            if done < PROGRESS_THRESHOLD and done != self.total:
                return
            from rich.progress import Progress

            console = _stderr_console()
            console.no_color = console.no_color or not self.color
            self.bar = Progress(transient=True, console=console)
            self.bar.start()
            self.task = self.bar.add_task("building search index", total=self.total)
        self.bar.update(self.task, completed=done)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
        self.enabled = False


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def in_memory(folder: Path, show: bool, color: bool,
              dataset: Dataset | None = None) -> sqlite3.Connection:
    """A store in memory: of ``dataset`` when given, else streamed from ``folder``. Its
    temporary files (an index's sort) are in memory too: this is the build that must work
    when the disk does not (a full cache or temporary folder)."""
    connection = sqlite3.connect(":memory:")
    connection.execute(cache.MEMORY_TEMP)
    try:
        if dataset is not None:
            build(dataset, connection, show, color)
        else:
            stream(folder, connection, show, color)
    except sqlite3.Error as error:  # out of memory: said in one line, not a traceback
        from kzru.errors import KzruError
        from kzru.labels import Said

        connection.close()
        raise KzruError(Said("err.cannot_build_index", why=str(error))) from None
    return connection


def build_file(place: freshness.Place, folder: Path, show: bool, color: bool,
               dataset: Dataset | None = None,
               reads: dict[str, list[Any]] | None = None) -> sqlite3.Connection | None:
    """Build into a private scratch file beside the index, renamed into place only when whole
    and valid and when the bytes it was built from are the content the index is named by;
    None then. ``reads`` are what loading ``dataset`` read (files.recording); a stream
    records its own. A file saved during the build files nothing, even if put back before
    it ends: the store built is copied into memory for this run and the scratch file
    removed (a connection to that copy is returned). A build SQLite could not write is
    done once more with its temporary files in memory (a full TMPDIR); sqlite3.Error if
    that fails too (the caller builds in memory)."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=place.index.parent, prefix="index-",
                                         suffix=".tmp")
    os.close(handle)
    try:
        try:
            copied = _scratch(place, temporary, folder, show, color, dataset, reads, False)
        except sqlite3.OperationalError:
            os.truncate(temporary, 0)
            copied = _scratch(place, temporary, folder, show, color, dataset, reads, True)
        if copied is not None:
            return copied
        cache.sync_file(temporary)  # built with synchronous=OFF: on disk before its rename
        digest = freshness.file_digest(Path(temporary))
        place.file_build(digest)  # named before it is in place: a reader finds either file
        os.replace(temporary, place.index)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    info = os.lstat(place.index)
    place.record([info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns,
                  info.st_ctime_ns], digest)
    cache.tidy(place.index.parent, place.index)
    return None


def _scratch(place: freshness.Place, temporary: str, folder: Path, show: bool, color: bool,
             dataset: Dataset | None, reads: dict[str, list[Any]] | None,
             memory_temp: bool) -> sqlite3.Connection | None:
    """One build into the (empty) scratch file: None when it may be filed, else a copy in
    memory (the files it read are not the content the index is named by)."""
    from kzru.files import recording

    connection = sqlite3.connect(temporary)
    try:
        if memory_temp:
            connection.execute(cache.MEMORY_TEMP)
        if dataset is not None:
            build(dataset, connection, show, color)
        else:
            with recording() as reads:
                try:
                    stream(folder, connection, show, color, temporary)
                except WorkerFailed:  # once more, in this process, into an empty file
                    connection.close()
                    os.truncate(temporary, 0)
                    connection = sqlite3.connect(temporary)
                    if memory_temp:
                        connection.execute(cache.MEMORY_TEMP)
                    stream(folder, connection, show, color)
        if reads is None or not place.built_from_key(reads):
            memory = sqlite3.connect(":memory:")
            connection.backup(memory)
            return memory
        return None
    finally:
        connection.close()
