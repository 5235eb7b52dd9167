"""kzru cite and kzru export: references to paste or import, and the table as SQLite or CSV."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from kzru.store import bundled_data_dir

# The variables a CSL-JSON item may hold that kzru uses (the schema forbids any others).
CSL_VARIABLES = {"id", "type", "title", "issued", "language", "archive_location", "abstract",
                 "note", "custom", "container-title", "publisher", "URL"}


def some_facts(run, count: int = 3) -> list[dict]:
    return json.loads(run("facts", "--fields", "all", "--format", "json").out)[:count]


def test_plain_citation_has_publisher_title_date_file_and_quoted_evidence(run) -> None:
    sources = {s["id"]: s for s in json.loads(run("sources", "--format", "json").out)}
    for fact in some_facts(run):
        out = run("cite", fact["id"]).out
        source = sources[fact["source"]]
        assert source["file"] in out and f"«{fact['evidence']}»" in out
        assert (source["publisher"] or "[publisher not named]") in out
        assert (source["title"] or "[untitled") in out
        precision = source["published_precision"]
        shown = source["published"][:{"year": 4, "month": 7}.get(precision, 10)]
        assert f". {shown}" in out and fact["id"] in out


def test_markdown_citation_quotes_the_evidence(run) -> None:
    fact = some_facts(run, 1)[0]
    out = run("cite", fact["id"], "--format", "md").out
    assert out.startswith("- ") and "\n  > «" in out and f"`{fact['source_file']}`" in out


def test_csl_json_items_are_newspaper_articles_with_dates_at_precision(run) -> None:
    facts = some_facts(run, 5)
    items = json.loads(run("cite", *[f["id"] for f in facts], "--format", "json").out)
    assert [item["id"] for item in items] == [f["id"] for f in facts]
    sources = {s["id"]: s for s in json.loads(run("sources", "--format", "json").out)}
    for item, fact in zip(items, facts):
        assert set(item) <= CSL_VARIABLES
        assert item["type"] == "article-newspaper" and isinstance(item["title"], str)
        source = sources[fact["source"]]
        parts = item["issued"]["date-parts"][0]
        size = {"year": 1, "month": 2}.get(source["published_precision"], 3)
        assert parts == [int(x) for x in source["published"].split("-")][:size]
        assert fact["evidence"] in item["note"]
        if source["publisher"]:
            assert item["container-title"] == source["publisher"]


def test_an_event_id_cites_its_top_level_facts(run) -> None:
    facts = json.loads(run("facts", "--event", "2024-11-csto-council", "--format", "json").out)
    items = json.loads(run("cite", "2024-11-csto-council", "--format", "json").out)
    assert {i["id"] for i in items} == {f["id"] for f in facts if not f["part_of"]}


def test_cite_unknown_id_is_one_line_exit_2(run) -> None:
    result = run("cite", "no-such-fact")
    assert result.code == 2 and result.err.startswith("kzru: no fact or event with id")


def test_url_is_shown_where_known(run, data_copy: Path) -> None:
    path = data_copy / "sources.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["url"] = "https://example.org/a000"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    source_id = rows[0]["id"]
    fact = next(f for f in json.loads(run("facts", "--data", str(data_copy), "--format",
                                          "json").out) if f["source"] == source_id)
    assert "https://example.org/a000" in run("cite", fact["id"], "--data", str(data_copy)).out
    item = json.loads(run("cite", fact["id"], "--data", str(data_copy), "--format",
                          "json").out)[0]
    assert item["URL"] == "https://example.org/a000"


# -- export ---------------------------------------------------------------------------------

@pytest.fixture
def database(run, tmp_path: Path) -> Path:
    target = tmp_path / "kzru.db"
    result = run("export", str(target))
    assert result.code == 0, result.err
    return target


def csv_rows(name: str) -> list[dict[str, str]]:
    with open(bundled_data_dir() / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_table_per_csv_with_every_row_and_digit(database: Path) -> None:
    connection = sqlite3.connect(database)
    for name in ("sources", "events", "facts", "sectors", "glossary"):
        rows = csv_rows(name)
        assert connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(rows)
    for row in csv_rows("facts"):
        if row["value"]:
            stored = connection.execute("SELECT value FROM facts WHERE id = ?",
                                        (row["id"],)).fetchone()[0]
            assert float(stored) == float(row["value"])
            assert str(stored).removesuffix(".0") == row["value"].removesuffix(".0")


def test_list_fields_become_link_tables_with_foreign_keys(database: Path) -> None:
    connection = sqlite3.connect(database)
    expected = sum(len(r["sectors"].split("; ")) for r in csv_rows("facts"))
    assert connection.execute("SELECT count(*) FROM fact_sectors").fetchone()[0] == expected
    keys = connection.execute("PRAGMA foreign_key_list(fact_sectors)").fetchall()
    assert {(k[2], k[3]) for k in keys} == {("facts", "fact_id"), ("sectors", "sector_id")}
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("event_sources", "event_places", "fact_names", "fact_follows"):
        connection.execute(f"SELECT * FROM {table}").fetchall()


def test_full_text_search_on_facts(database: Path) -> None:
    connection = sqlite3.connect(database)
    found = connection.execute(
        "SELECT facts.id FROM facts_fts JOIN facts ON facts.rowid = facts_fts.rowid "
        "WHERE facts_fts MATCH ?", ("Росатом",)).fetchall()
    assert found and all("росатом" in (r["summary"] + r["text"] + r["evidence"] + r["names"])
                         .lower() for r in csv_rows("facts") if r["id"] in {f[0] for f in found})


def test_datasette_finds_the_search_table(database: Path) -> None:
    """Datasette offers a search box when the FTS table names its content table this way."""
    sql = sqlite3.connect(database).execute(
        "SELECT sql FROM sqlite_master WHERE name = 'facts_fts'").fetchone()[0]
    assert 'USING fts5' in sql and 'content="facts"' in sql


def test_views_agree_with_kzru(run, database: Path) -> None:
    connection = sqlite3.connect(database)
    sectors = {r["id"]: r for r in json.loads(run("sectors", "--format", "json").out)}
    for sector, facts, signed, agreed in connection.execute(
            "SELECT sector, facts, signed, agreed FROM facts_per_sector"):
        assert (facts, signed or 0, agreed or 0) == (
            sectors[sector]["facts"], sectors[sector]["signed"], sectors[sector]["agreed"])
    signed = json.loads(run("facts", "--kind", "document", "--status", "signed", "--format",
                            "json").out)
    per_visit = dict(connection.execute(
        "SELECT event, documents FROM documents_signed_per_visit").fetchall())
    for event, count in per_visit.items():
        assert count == sum(1 for f in signed if f["event"] == event and not f["part_of"])
    matrix = {r["sector"]: r for r in json.loads(run("sectors", "--matrix", "--format",
                                                     "json").out)}
    for sector, event, facts in connection.execute(
            "SELECT sector, event, facts FROM facts_per_sector_and_visit WHERE event IS NOT NULL"):
        assert matrix[sector][event] == facts


def test_export_refuses_to_overwrite_without_force(run, database: Path) -> None:
    again = run("export", str(database))
    assert again.code == 2 and "--force" in again.err
    assert run("export", str(database), "--force").code == 0
    assert run("export").code == 2


def test_export_csv_writes_the_data_package(run, tmp_path: Path) -> None:
    target = tmp_path / "package"
    result = run("export", "--csv", str(target))
    assert result.code == 0, result.err
    for name in ("sources", "events", "facts", "sectors", "glossary"):
        assert (target / f"{name}.csv").read_bytes() == \
            (bundled_data_dir() / f"{name}.csv").read_bytes()
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} >= {"facts.csv", "events.csv"}
    assert run("check", "--data", str(target)).code == 0
    assert run("export", "--csv", str(target)).code == 2
