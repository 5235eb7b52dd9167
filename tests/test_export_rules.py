"""The exported database by the README's rules, expected values worked out from the CSV rows
read here: one table per CSV with every row and cell as written; a link table per list field,
one row per item in its position; foreign keys that hold; the views for the questions people
ask first; `--csv` gives back the data package itself.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import kzru_here, read_table

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
TABLES = ("sources", "events", "facts", "sectors", "glossary")
LISTS = {("facts", "sectors"): "fact_sectors", ("facts", "follows"): "fact_follows",
         ("facts", "names"): "fact_names", ("events", "sources"): "event_sources",
         ("events", "places"): "event_places", ("sectors", "aliases"): "sector_aliases",
         ("glossary", "aliases"): "glossary_aliases"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    target = tmp_path_factory.mktemp("export-rules") / "kzru.db"
    done = kzru_here("export", str(target), cache=target.parent / "c")
    assert done.code == 0, done.err
    # the summary line names every table with its row count
    for table in TABLES:
        assert f"{len(read_table(DATA, table))} {table}" in done.out
    return sqlite3.connect(target)


def items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("; ") if item.strip()]


@pytest.mark.parametrize("table", TABLES)
def test_every_row_and_text_cell_as_written(db: sqlite3.Connection, table: str) -> None:
    rows = read_table(DATA, table)
    columns = list(rows[0])
    found = db.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM {table}").fetchall()
    assert len(found) == len(rows)
    by_id = {row[0]: row for row in found}
    for row in rows:
        stored = dict(zip(columns, by_id[row["id"]]))
        for column, text in row.items():
            if column == "value" and text:
                continue  # numbers: test_promises checks them as numbers
            assert stored[column] == (text if text != "" else None), (table, row["id"], column)


@pytest.mark.parametrize("owner, field", sorted(LISTS))
def test_every_list_item_is_a_link_row_in_its_position(db: sqlite3.Connection, owner: str,
                                                       field: str) -> None:
    table = LISTS[(owner, field)]
    expected = sorted((row["id"], item, position) for row in read_table(DATA, owner)
                      for position, item in enumerate(items(row[field])))
    found = sorted(db.execute(f"SELECT * FROM {table}").fetchall())
    assert found == expected


def test_foreign_keys_hold(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    referencing = {row[2] for table in LISTS.values()
                   for row in db.execute(f"PRAGMA foreign_key_list({table})")}
    assert {"facts", "sectors", "sources", "events", "glossary"} <= referencing


def test_the_views_answer_from_the_rows(db: sqlite3.Connection) -> None:
    facts = read_table(DATA, "facts")
    top = [row for row in facts if not row["part_of"]]
    assert db.execute("SELECT count(*) FROM top_level_facts").fetchone()[0] == len(top)
    signed: dict[str, list[str]] = {}
    for row in top:
        if row["kind"] == "document" and row["status"] == "signed" and row["event"]:
            signed.setdefault(row["event"], []).append(row["id"])
    found = {event: (count, sorted(ids.split("; "))) for event, count, ids in db.execute(
        "SELECT event, documents, fact_ids FROM documents_signed_per_visit")}
    assert found == {event: (len(ids), sorted(ids)) for event, ids in signed.items()}
    per_sector = {}
    for row in top:
        for sector in items(row["sectors"]):
            count = per_sector.setdefault(sector, [0, 0, 0])
            count[0] += 1
            count[1] += row["status"] == "signed"
            count[2] += row["status"] == "agreed"
    for sector, facts_, signed_, agreed in db.execute(
            "SELECT sector, facts, signed, agreed FROM facts_per_sector"):
        assert [facts_, signed_ or 0, agreed or 0] == per_sector.get(sector, [0, 0, 0])
    pairs = {}
    for row in top:
        for sector in items(row["sectors"]):
            pairs[(sector, row["event"] or None)] = pairs.get((sector, row["event"] or None),
                                                              0) + 1
    found_pairs = {(sector, event): count for sector, event, count in db.execute(
        "SELECT sector, event, facts FROM facts_per_sector_and_visit")}
    assert found_pairs == pairs


def test_export_csv_gives_back_the_data_package(run, tmp_path: Path) -> None:
    target = tmp_path / "package"
    done = run("export", "--csv", str(target))
    assert done.code == 0, done.err
    for name in [f"{table}.csv" for table in TABLES] + ["datapackage.json"]:
        assert (target / name).read_bytes() == (DATA / name).read_bytes(), name
