"""The fact table as a SQLite database for Datasette and any SQL tool, or as the data package.

One table per CSV, every column as in the CSV (lists still '; '-separated, so a spreadsheet
reader sees what the CSV shows), each list field also as a link table with foreign keys, full-text
search on facts (FTS5), and views for the questions people ask first. Values are the ones
kzru's loader read and validated, so no row or digit is lost or altered. The data package is
kzru's five table files and kzru's own description of them, written into a new folder that is
swapped in whole.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import stat
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from kzru.errors import KzruError
from kzru.files import open_regular, parse_json
from kzru.labels import Said
from kzru.model import Dataset
from kzru.store import CSV_LIMIT, TABLES
from kzru.writer import sync_folder

SEPARATOR = "; "
# A number column has no type, so SQLite stores each value as given (a NUMERIC column would
# round the text of a long decimal to a float); the comment says so in the schema.
NUMBER = ("/* number: INTEGER or REAL, or TEXT holding every digit where SQLite cannot keep "
          "the value exactly (beyond 64 bits, more than 15 significant digits) */")
TYPES = {"string": "TEXT", "date": "TEXT", "list": "TEXT", "number": NUMBER,
         "integer": "INTEGER"}
PACKAGE_FILES = (*(f"{table}.csv" for table in TABLES), "datapackage.json")
# list field -> (link table, column for the item, referenced table or None)
LINKS = {
    ("facts", "sectors"): ("fact_sectors", "sector_id", "sectors"),
    ("facts", "follows"): ("fact_follows", "follows_id", "facts"),
    ("facts", "same_as"): ("fact_same_as", "same_as_id", "facts"),
    ("facts", "names"): ("fact_names", "name", None),
    ("events", "sources"): ("event_sources", "source_id", "sources"),
    ("events", "places"): ("event_places", "place", None),
    ("sectors", "aliases"): ("sector_aliases", "alias", None),
    ("glossary", "aliases"): ("glossary_aliases", "alias", None),
}
OWNER_COLUMN = {"facts": "fact_id", "events": "event_id", "sectors": "sector_id",
                "glossary": "glossary_id"}
VIEWS = {
    "top_level_facts": """
        SELECT * FROM facts WHERE part_of IS NULL""",
    "documents_signed_per_visit": """
        SELECT e.id AS event, e.title_en AS title, e.start, e."end", e.host,
               count(f.id) AS documents, group_concat(f.id, '; ') AS fact_ids
        FROM events e JOIN facts f ON f.event = e.id
        WHERE f.kind = 'document' AND f.status = 'signed' AND f.part_of IS NULL
        GROUP BY e.id ORDER BY e.start, e.id""",
    "facts_per_sector_and_visit": """
        SELECT fs.sector_id AS sector, f.event, e.start,
               count(*) AS facts, sum(f.status = 'signed') AS signed,
               sum(f.status = 'agreed') AS agreed
        FROM fact_sectors fs JOIN facts f ON f.id = fs.fact_id
        LEFT JOIN events e ON e.id = f.event
        WHERE f.part_of IS NULL
        GROUP BY fs.sector_id, f.event ORDER BY fs.sector_id, e.start""",
    "facts_per_sector": """
        SELECT s.id AS sector, s.name, count(f.id) AS facts,
               sum(f.status = 'signed') AS signed, sum(f.status = 'agreed') AS agreed,
               count(DISTINCT f.event) AS events, min(f.date) AS first, max(f.date) AS last
        FROM sectors s LEFT JOIN fact_sectors fs ON fs.sector_id = s.id
        LEFT JOIN facts f ON f.id = fs.fact_id AND f.part_of IS NULL
        GROUP BY s.id ORDER BY facts DESC, s.id""",
}
FTS_COLUMNS = ("summary", "text", "evidence", "names")


def _cell(value: Any) -> Any:
    """A validated value as SQLite keeps it exactly: lists '; '-joined, dates in ISO form,
    empty cells NULL, and numbers SQLite cannot hold (integers beyond 64 bits, decimals of
    more than 15 significant digits, read as Decimal) as their full decimal text."""
    if value is None or value == "" or value == ():
        return None
    if isinstance(value, tuple):
        return SEPARATOR.join(value)
    if isinstance(value, date):
        return value.isoformat()
    if type(value) is int:
        return value if -(1 << 63) <= value < (1 << 63) else str(value)
    if isinstance(value, (str, float)):
        return value
    return format(value, "f")  # a Decimal: every digit, never an exponent


def _create(connection: sqlite3.Connection, name: str, schema: dict[str, Any]) -> None:
    columns = [f'"{field["name"]}" {TYPES.get(field["type"], "TEXT")}'
               + (" NOT NULL" if field.get("constraints", {}).get("required") else "")
               for field in schema["fields"]]
    keys = schema.get("primaryKey") or []
    if keys:
        columns.append(f"PRIMARY KEY ({', '.join(keys)})")
    for key in schema.get("foreignKeys", []):
        target = key["reference"]["resource"] or name
        columns.append(f"FOREIGN KEY ({', '.join(key['fields'])}) REFERENCES {target} "
                       f"({', '.join(key['reference']['fields'])})")
    connection.execute(f"CREATE TABLE {name} ({', '.join(columns)})")


def _create_link(connection: sqlite3.Connection, owner: str, link: tuple[str, str, str | None]
                 ) -> None:
    table, column, target = link
    owner_column = OWNER_COLUMN[owner]
    reference = f" REFERENCES {target} (id)" if target else ""
    connection.execute(
        f"CREATE TABLE {table} ({owner_column} TEXT NOT NULL REFERENCES {owner} (id), "
        f"{column} TEXT NOT NULL{reference}, position INTEGER NOT NULL, "
        f"PRIMARY KEY ({owner_column}, position))")
    connection.execute(f"CREATE INDEX {table}_{column} ON {table} ({column})")


def write_database(dataset: Dataset, target: Path, bundled: dict[str, Any]) -> dict[str, int]:
    """Write the validated ``dataset`` (read by kzru's loader, so a byte order mark, a
    20-digit value or a long decimal is read as everywhere else) as a SQLite database at
    ``target``, laid out by kzru's schema ``bundled``, atomically; return the row count of
    each table. An error names the target, never the temporary file beside it."""
    try:
        return _write_database(dataset, target, bundled)
    except OSError as error:
        raise KzruError(Said("err.export_unwritable", target=target,
                             why=error.strerror or error)) from None


def _write_database(dataset: Dataset, target: Path, bundled: dict[str, Any]) -> dict[str, int]:
    handle, temporary = tempfile.mkstemp(prefix=".kzru-export-", suffix=".db",
                                         dir=target.parent)
    os.close(handle)
    # mkstemp makes the file private (0600), right for the cache but not for a file the
    # user asked for: it gets the mode a new file gets under the umask (0644 under 022),
    # or the mode of the file it replaces.
    mask = os.umask(0)
    os.umask(mask)
    mode = 0o666 & ~mask
    try:
        info = os.lstat(target)
        if stat.S_ISREG(info.st_mode):
            mode = stat.S_IMODE(info.st_mode)
    except OSError:
        pass
    os.chmod(temporary, mode)
    counts: dict[str, int] = {}
    try:
        connection = sqlite3.connect(temporary)
        with connection:
            for resource in bundled["resources"]:
                _write_resource(connection, dataset, resource, counts)
            _write_search(connection)
            for view, sql in VIEWS.items():
                connection.execute(f"CREATE VIEW {view} AS {sql.strip()}")
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        connection.close()
        if problems:
            raise KzruError(Said("err.export_broken", count=len(problems), first=problems[0]))
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return counts


def _write_resource(connection: sqlite3.Connection, dataset: Dataset, resource: dict[str, Any],
                    counts: dict[str, int]) -> None:
    name, schema = resource["name"], resource["schema"]
    fields = schema["fields"]
    _create(connection, name, schema)
    lists = [field["name"] for field in fields if field["type"] == "list"]
    for field in lists:
        if (name, field) in LINKS:
            _create_link(connection, name, LINKS[(name, field)])
    marks = ", ".join("?" * len(fields))
    columns = [field["name"] for field in fields]
    linked = [(field, LINKS[(name, field)][0]) for field in lists if (name, field) in LINKS]
    written = {name: 0, **{table: 0 for _, table in linked}}
    # the facts a page at a time (at 100,000 facts the table whole was 355 MB); each table's
    # rows in file order, as when every table was written in turn
    pages = dataset.pages() if name == "facts" else [list(getattr(dataset, name).values())]
    for rows in pages:
        connection.executemany(
            f"INSERT INTO {name} VALUES ({marks})",
            ([_cell(getattr(row, column)) for column in columns] for row in rows))
        written[name] += len(rows)
        for field, table in linked:
            links = [(row.id, item, position) for row in rows
                     for position, item in enumerate(getattr(row, field))]
            connection.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)", links)
            written[table] += len(links)
    counts.update(written)


def _write_search(connection: sqlite3.Connection) -> None:
    columns = ", ".join(FTS_COLUMNS)
    connection.execute(
        f'CREATE VIRTUAL TABLE facts_fts USING fts5({columns}, content="facts", '
        "content_rowid=rowid, tokenize='unicode61 remove_diacritics 2')")
    connection.execute(
        f"INSERT INTO facts_fts (rowid, {columns}) SELECT rowid, {columns} FROM facts")


def write_package(folder: Path, target: Path, package: dict[str, Any],
                  force: bool, drafts: bool = False) -> list[str]:
    """Write the data package into the folder ``target``: kzru's five table files, copied
    from the validated ``folder``, and the ``package`` kzru describes them with - nothing
    another package names. Built in a temporary folder beside ``target`` and swapped in
    whole, so an interrupted or failed export leaves the old folder as it was; no link is
    ever opened, and an existing folder is replaced only when it holds nothing but regular
    files of an earlier kzru export (and ``force`` is given). Returns the names written."""
    return file_package(stage_package(folder, target, package, force, drafts), target)


def stage_package(folder: Path, target: Path, package: dict[str, Any],
                  force: bool, drafts: bool = False) -> Path:
    """The package built in a new temporary folder beside ``target`` (returned), once the
    target is one ``force`` may replace; nothing of ``target`` is touched yet. A caller
    that must know the copies are of one version of ``folder`` stages again while it
    changes (whole_reads.read_whole), removing each discarded stage (remove_stage)."""
    _check_target(target, package, force)
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}-kzru-", dir=parent))
    try:
        for table in TABLES:
            _copy(folder / f"{table}.csv", building / f"{table}.csv", drafts)
        encoded = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
        _write_new(building / "datapackage.json", [encoded.encode("utf-8")])
    except OSError as error:
        remove_stage(building)
        where = error.filename or target
        raise KzruError(Said("err.export_failed", where=where, why=error.strerror or error,
                             target=target)) from None
    except BaseException:
        remove_stage(building)
        raise
    return building


def remove_stage(building: Path) -> None:
    if building.exists():
        _remove_export(building)


def file_package(building: Path, target: Path) -> list[str]:
    """Swap a staged package in as ``target``; return the names written."""
    try:
        _swap_in(building, target)
    finally:
        remove_stage(building)
    return list(PACKAGE_FILES)


def _check_target(target: Path, package: dict[str, Any], force: bool) -> None:
    """Refuse a target that is a link or anything but a folder, a folder holding files kzru
    did not write (or links), and an earlier export unless ``force``."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise KzruError(Said("err.export_link", target=target))
    if not stat.S_ISDIR(info.st_mode):
        raise KzruError(Said("err.not_a_folder", target=target))
    entries = sorted(os.listdir(target))
    if not entries:
        return
    foreign = [name for name in entries if name not in PACKAGE_FILES]
    if foreign:
        raise KzruError(Said("err.foreign_file", path=target / foreign[0]))
    for name in entries:
        if not stat.S_ISREG(os.lstat(target / name).st_mode):
            raise KzruError(Said("err.export_not_regular", path=target / name))
    if not _is_kzru_package(target / "datapackage.json", package):
        raise KzruError(Said("err.not_kzru_package", target=target))
    if not force:
        raise KzruError(Said("err.exists", target=target / entries[0]))


def _is_kzru_package(path: Path, package: dict[str, Any]) -> bool:
    try:
        with open_regular(path, 1 << 20) as handle:
            found = parse_json(handle.read().decode("utf-8-sig"))
    except (OSError, ValueError, KzruError):
        return False
    return isinstance(found, dict) and found.get("name") == package.get("name")


def _copy(source: Path, target: Path, drafts: bool = True) -> None:
    """Copy a data file (a regular file, read as kzru reads data) into a new file; without
    ``drafts``, rows under review (review = draft) stay behind: they are not facts."""
    try:
        reader = open_regular(source, CSV_LIMIT)
    except OSError as error:
        raise KzruError(Said("err.cannot_read", path=source, why=error.strerror)) from None
    with reader:
        if drafts:
            _write_new(target, iter(lambda: reader.read(1 << 20), b""))
            return
        raw = reader.read()
    _write_new(target, [_without_drafts(raw)])


def _without_drafts(raw: bytes) -> bytes:
    """The CSV without its draft rows (unchanged, byte for byte, when it has none)."""
    import io

    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or "review" not in rows[0]:
        return raw
    column = rows[0].index("review")
    kept = [rows[0], *(row for row in rows[1:] if len(row) <= column or row[column] != "draft")]
    if len(kept) == len(rows):
        return raw
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(kept)
    return out.getvalue().encode("utf-8")


def _write_new(path: Path, blocks: Any) -> None:
    """Write a file that must not exist yet, never following a link, and flush it to disk."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o666)
    with open(descriptor, "wb") as handle:
        for block in blocks:
            handle.write(block)
        handle.flush()
        os.fsync(handle.fileno())


def _swap_in(building: Path, target: Path) -> None:
    """Put the new folder at ``target`` in one step: a rename when there is nothing there,
    an atomic exchange with the old folder otherwise (Linux), which is then removed."""
    old_mode = None
    try:
        old_mode = stat.S_IMODE(os.lstat(target).st_mode)
    except FileNotFoundError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(building, old_mode if old_mode is not None else 0o777 & ~mask)
    if old_mode is None:
        os.rename(building, target)
    elif not _exchange(building, target):
        # No atomic exchange here: the old folder steps aside for a moment.
        aside = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.rmdir(aside)
        os.rename(target, aside)
        os.rename(building, target)
        os.rename(aside, building)
    sync_folder(target.parent)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (renameat2 with RENAME_EXCHANGE); False where unsupported."""
    import ctypes
    import errno

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _remove_export(folder: Path) -> None:
    """Remove a folder kzru built or replaced: only kzru's own file names, never a link's
    target; a folder someone added other files to is left in place."""
    for name in PACKAGE_FILES:
        path = folder / name
        try:
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                os.unlink(path)
        except FileNotFoundError:
            pass
    try:
        os.rmdir(folder)
    except OSError:
        pass
