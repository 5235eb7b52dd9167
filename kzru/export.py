"""The fact table as a SQLite database for Datasette and any SQL tool, or as the data package.

One table per CSV, every column as in the CSV (lists still '; '-separated, so a spreadsheet
reader sees what the CSV shows), each list field also as a link table with foreign keys, full-text
search on facts (FTS5), and views for the questions people ask first. Values are written from the
CSV text after kzru has validated the folder, so no row or digit is lost or altered.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from kzru.errors import KzruError

SEPARATOR = "; "
TYPES = {"string": "TEXT", "date": "TEXT", "list": "TEXT", "number": "NUMERIC",
         "integer": "INTEGER"}
INTEGER = re.compile(r"-?\d+")
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


def _package(folder: Path, bundled: dict[str, Any]) -> dict[str, Any]:
    path = folder / "datapackage.json"
    if path.is_file():
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    return bundled


def _cell(raw: str, kind: str) -> Any:
    if raw == "":
        return None
    if kind in ("number", "integer"):
        return int(raw) if INTEGER.fullmatch(raw) else float(raw)
    return raw


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


def write_database(folder: Path, target: Path, bundled: dict[str, Any]) -> dict[str, int]:
    """Write ``folder`` (already validated against kzru's schema, ``bundled``) as a SQLite
    database at ``target``, atomically; return the row count of each table."""
    package = bundled
    handle, temporary = tempfile.mkstemp(prefix=".kzru-export-", suffix=".db",
                                         dir=target.parent)
    os.close(handle)
    counts: dict[str, int] = {}
    try:
        connection = sqlite3.connect(temporary)
        with connection:
            for resource in package["resources"]:
                _write_resource(connection, folder, resource, counts)
            _write_search(connection)
            for view, sql in VIEWS.items():
                connection.execute(f"CREATE VIEW {view} AS {sql.strip()}")
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        connection.close()
        if problems:
            raise KzruError(f"export: {len(problems)} broken references, first {problems[0]}")
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return counts


def _write_resource(connection: sqlite3.Connection, folder: Path, resource: dict[str, Any],
                    counts: dict[str, int]) -> None:
    name, schema = resource["name"], resource["schema"]
    fields = schema["fields"]
    _create(connection, name, schema)
    lists = [field["name"] for field in fields if field["type"] == "list"]
    for field in lists:
        if (name, field) in LINKS:
            _create_link(connection, name, LINKS[(name, field)])
    marks = ", ".join("?" * len(fields))
    with open(folder / resource["path"], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    connection.executemany(
        f"INSERT INTO {name} VALUES ({marks})",
        ([_cell(row[field["name"]], field["type"]) for field in fields] for row in rows))
    counts[name] = len(rows)
    for field in lists:
        if (name, field) not in LINKS:
            continue
        table = LINKS[(name, field)][0]
        links = [(row["id"], item.strip(), position) for row in rows
                 for position, item in enumerate(row[field].split(SEPARATOR)) if item.strip()]
        connection.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)", links)
        counts[table] = len(links)


def _write_search(connection: sqlite3.Connection) -> None:
    columns = ", ".join(FTS_COLUMNS)
    connection.execute(
        f'CREATE VIRTUAL TABLE facts_fts USING fts5({columns}, content="facts", '
        "content_rowid=rowid, tokenize='unicode61 remove_diacritics 2')")
    connection.execute(
        f"INSERT INTO facts_fts (rowid, {columns}) SELECT rowid, {columns} FROM facts")


def copy_package(folder: Path, target: Path, bundled: dict[str, Any]) -> list[str]:
    """Copy the data package (its CSV files and datapackage.json) into ``target``."""
    package = _package(folder, bundled)
    target.mkdir(parents=True, exist_ok=True)
    names = [resource["path"] for resource in package["resources"]]
    for name in names:
        shutil.copyfile(folder / name, target / name)
    with open(target / "datapackage.json", "w", encoding="utf-8") as handle:
        json.dump(package, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return [*names, "datapackage.json"]
