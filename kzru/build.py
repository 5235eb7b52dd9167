"""Writing the store: the validated tables, their filter columns and the search postings,
into an empty SQLite database (index.py reads it, cache.py says where it lives).

Why apart from the reads: a build runs once per data version and may take seconds at 100,000
facts; every other run only opens what a build wrote, and each side changes for its own
reasons (what is stored vs how a command asks for it).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
from array import array
from collections import defaultdict
from itertools import repeat
from pathlib import Path
from typing import Any, Callable, Iterable

from kzru import cache, codec, fact_columns, freshness, suggest_index
from kzru.codec import FIELD_BITS, FIELDS, TABLES
from kzru.model import Dataset, Fact, GlossaryEntry
from kzru.text import WORD, compound_parts, normalized_fields, skeleton, stem_many

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


BATCH = 2000  # facts written per executemany: memory stays flat however long the table


class Words:
    """The word side of a build: each fact's words into the postings (word -> its rows, with
    the fields it is in), and the words it says only inside a name (places.py). ``finish``
    writes the vocabulary, the suggester's keys, compound parts and those words. Apart from
    the rows (Builder) so that a build into a file can run it in a forked process (_Worker)
    while the main process validates: it is most of a build's work."""

    def __init__(self, glossary: list[GlossaryEntry]) -> None:
        from kzru.places import inside_names, name_keys, name_table

        self.glossary = glossary
        self.names = name_table(glossary)
        self.parts = name_keys(self.names)
        self.inside_names = inside_names
        self.keys: dict[str, str] = {}  # word -> places.key, memoised across facts
        self.draft_rows = array("I")  # rows not accepted (the suggester counts both ways)
        self.postings: dict[str, array] = defaultdict(lambda: array("I"))
        # inname rows, (key, row) compactly: each key once, then two numbers a row
        self.inside_keys: dict[str, int] = {}
        self.inside_rows = array("I")
        self.inside_at = array("I")

    def add(self, rowid: int, accepted: bool, texts: list[str]) -> None:
        """``texts``: summary, text, evidence, speaker and each name, normalised."""
        if not accepted:
            self.draft_rows.append(rowid)
        summary, text, evidence, speaker, *names = map(find_words, texts)
        masks: dict[str, int] = dict.fromkeys(speaker, NAMES_BIT)
        for found in names:
            masks.update(dict.fromkeys(found, NAMES_BIT))
        for bit, found in ((EVIDENCE_BIT, evidence), (TEXT_BIT, text), (SUMMARY_BIT, summary)):
            for word in found:
                masks[word] = masks.get(word, 0) | bit
        postings = self.postings
        row = rowid << FIELD_BITS
        for word, mask in masks.items():
            postings[word].append(row | mask)
        if self.names:
            inside = self.inside_names(self.names, [summary, text, evidence, *names], self.keys,
                                       self.parts)
            keys = self.inside_keys
            for found in inside:
                self.inside_at.append(keys.setdefault(found, len(keys)))
                self.inside_rows.append(rowid)

    def finish(self, connection: sqlite3.Connection) -> None:
        from kzru.places import university_fields

        spelled = list(self.inside_keys)
        connection.executemany("INSERT INTO inname VALUES (?, ?)",
                               zip(map(spelled.__getitem__, self.inside_at), self.inside_rows))
        # Row -1 marks a word a university is named for (see places.university_fields).
        connection.executemany("INSERT INTO inname VALUES (?, -1)",
                               ((found,) for found in university_fields(self.glossary)))
        terms, stems = _store_vocabulary(connection, self.postings)
        suggest_index.write(connection, self.postings, terms, stems, self.draft_rows)
        _store_parts(connection, self.postings)
        self.postings = {}


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


class WorkerFailed(Exception):
    """The forked word worker ended without writing its tables (killed, out of memory):
    the build is done again in one process."""


FRAME = 8  # bytes of a frame's length; a length of 0 ends the facts


class _Worker:
    """Words in a forked process. The main process sends each fact's text fields (JSON
    frames of BATCH facts on a pipe: data, never code) as it validates; once every table is
    valid and its own rows are committed, an empty frame tells the worker to write its
    tables into the database file; one byte back on a second pipe says it did (its exit
    status alone is lost where SIGCHLD is ignored: a parent that ignores it passes that on
    to kzru, and the child is then reaped by the system). Any other end (bad data, Ctrl-C,
    an error) kills it, and it writes nothing without that frame."""

    def __init__(self, pid: int, pipe: Any, done: int) -> None:
        self.pid = pid
        self.pipe = pipe
        self.done = done  # the reading end of the worker's "written" byte
        self.batch: list[list[Any]] = []
        self.broken = False

    @classmethod
    def start(cls, words: Words, path: str) -> "_Worker | None":
        """A worker forked now (it keeps ``words`` as they are), or None where processes
        are not forked, or not safely: with another thread running, a lock that thread held
        at the fork would be held in the worker for good (the words are then found in this
        process)."""
        if not FORK or not hasattr(os, "fork") or _other_threads():
            return None
        reading, writing = os.pipe()
        done_reading, done_writing = os.pipe()
        # Ctrl-C is held over the fork: one arriving just after it would otherwise raise
        # KeyboardInterrupt in the worker before it ignores SIGINT, and the worker would go
        # on running the caller's code (its clean-up removed the build's file).
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            pid = os.fork()
        except OSError:  # refused (no memory, too many processes): words found here
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            for descriptor in (reading, writing, done_reading, done_writing):
                os.close(descriptor)
            return None
        if pid == 0:  # the worker: never returns, never runs the caller's code
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
                os.close(writing)
                os.close(done_reading)
                _release_locks()
                code = _serve(words, os.fdopen(reading, "rb"), path)
                if code == 0:
                    os.write(done_writing, b"1")
            except BaseException:  # noqa: BLE001 - any failure is its exit status
                code = 1
            finally:
                os._exit(code)
        os.close(reading)
        os.close(done_writing)
        worker = cls(pid, os.fdopen(writing, "wb"), done_reading)
        try:  # a Ctrl-C held over the fork is raised here, with the worker to stop
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        except BaseException:
            worker.stop()
            raise
        return worker

    def add(self, accepted: bool, fields: list[str]) -> None:
        self.batch.append([accepted, *fields])
        if len(self.batch) >= BATCH:
            self._send()

    def _send(self) -> None:
        frame = json.dumps(self.batch, ensure_ascii=False).encode()
        self.batch.clear()
        self._write(len(frame).to_bytes(FRAME, "big") + frame)

    def _write(self, data: bytes) -> None:
        if self.broken:
            return
        try:
            self.pipe.write(data)
        except OSError:  # the worker is gone: finish() says so
            self.broken = True

    def finish(self) -> None:
        """Send the last facts and the end; wait for the worker's tables. WorkerFailed when
        it did not write them."""
        if self.batch:
            self._send()
        self._write(bytes(FRAME))
        try:
            self.pipe.close()
        except OSError:
            self.broken = True
        written = os.read(self.done, 1) == b"1"  # b"" once the worker ended without it
        self._reap()
        if self.broken or not written:
            raise WorkerFailed()

    def stop(self) -> None:
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            self._reap()
        try:
            self.pipe.close()
        except OSError:
            pass

    def _reap(self) -> None:
        """Wait for the worker to end, so no zombie is left; where the system reaps it
        (SIGCHLD ignored) there is nothing to wait for."""
        pid, self.pid = self.pid, 0
        if self.done >= 0:
            os.close(self.done)
            self.done = -1
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _other_threads() -> bool:
    import sys

    threading = sys.modules.get("threading")  # never started one if never imported
    return threading is not None and threading.active_count() > 1


def _release_locks() -> None:
    """In the worker: close the folder locks the main process holds (journal.HELD), so a
    worker never keeps a folder locked longer than kzru does."""
    import sys

    journal = sys.modules.get("kzru.journal")
    if journal is not None:
        journal.release_inherited()


FORK = True  # tests turn the worker off to compare both ways


def _serve(words: Words, pipe: Any, path: str) -> int:
    """The worker's whole life: read the facts' fields frame by frame, then, on the empty
    frame, write the word tables into ``path`` (its own connection: the main process's is
    never used across the fork). 0 when written; 1 when the facts ended without it."""
    rowid = 0
    while True:
        head = pipe.read(FRAME)
        if len(head) != FRAME:
            return 1  # the main process stopped: write nothing
        size = int.from_bytes(head, "big")
        if size == 0:
            break
        frame = pipe.read(size)
        if len(frame) != size:
            return 1
        for accepted, *fields in json.loads(frame):
            words.add(rowid, accepted, normalized_fields(fields))
            rowid += 1
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        words.finish(connection)
        connection.commit()
    finally:
        connection.close()
    return 0


find_words = WORD.findall  # text.words of a field that text.normalized_fields normalised
SUMMARY_BIT, TEXT_BIT, EVIDENCE_BIT, NAMES_BIT = (
    FIELDS["summary"], FIELDS["text"], FIELDS["evidence"], FIELDS["names"])
INSERTS = {
    "facts": "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "filters": "INSERT INTO filters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "fact_sectors": "INSERT INTO fact_sectors VALUES (?, ?)",
    "fact_follows": "INSERT INTO fact_follows VALUES (?, ?)",
    "fact_names": "INSERT INTO fact_names VALUES (?, ?)",
}


def _store_parts(connection: sqlite3.Connection, terms: Iterable[str]) -> None:
    """Compound parts of the vocabulary: газоснабжение is found by газ and by снабжение."""
    connection.executemany(
        "INSERT INTO parts VALUES (?, ?)",
        ((part, term) for term in terms for part in compound_parts(term)))


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
        builders[0].finish({name: tables[name].rows for name in TABLES})
    except BaseException:
        for builder in builders:
            builder.stop()
        raise


def _store_vocabulary(connection: sqlite3.Connection,
                      postings: dict[str, array]) -> tuple[list[str], list[str]]:
    """Write the vocabulary; return its terms and their stems (the suggester's keys use
    them)."""
    terms = sorted(postings)
    stems = stem_many(terms)
    connection.executemany(
        "INSERT INTO vocab VALUES (?, ?, ?, ?, ?)",
        ((term, stem, skeleton(stem), len(term), postings[term].tobytes())
         for term, stem in zip(terms, stems)),
    )
    return terms, stems


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
    """A store in memory: of ``dataset`` when given, else streamed from ``folder``."""
    connection = sqlite3.connect(":memory:")
    if dataset is not None:
        build(dataset, connection, show, color)
    else:
        stream(folder, connection, show, color)
    return connection


def build_file(place: freshness.Place, folder: Path, show: bool, color: bool,
               dataset: Dataset | None = None,
               reads: dict[str, list[Any]] | None = None) -> sqlite3.Connection | None:
    """Build into a private scratch file beside the index, renamed into place only when whole
    and valid and when the bytes it was built from are the content the index is named by;
    None then. ``reads`` are what loading ``dataset`` read (files.recording); a stream
    records its own. A file saved during the build files nothing, even if put back before
    it ends: the store built is copied into memory for this run and the scratch file
    removed (a connection to that copy is returned)."""
    import tempfile

    from kzru.files import recording

    handle, temporary = tempfile.mkstemp(dir=place.index.parent, prefix="index-",
                                         suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
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
                        stream(folder, connection, show, color)
            if reads is None or not place.built_from_key(reads):
                memory = sqlite3.connect(":memory:")
                connection.backup(memory)
                return memory
        finally:
            connection.close()
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
