"""kzru cite and kzru export: references to paste or import, and the table as SQLite or CSV."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kzru.store import bundled_data_dir

SCHEMA = Path(__file__).parent / "schemas" / "csl-data.json"


def some_facts(run, count: int = 3) -> list[dict]:
    return json.loads(run("facts", "--fields", "all", "--format", "json").out)[:count]


def all_sources(run) -> dict[str, dict]:
    return {s["id"]: s for s in json.loads(run("sources", "--fields", "all", "--format",
                                               "json").out)}


def every_event(run) -> list[str]:
    return [e["id"] for e in json.loads(run("visits", "--format", "json").out)]


def write_sources(folder: Path, change) -> list[dict[str, str]]:
    path = folder / "sources.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    change(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def test_one_csl_item_per_article_not_per_fact(run) -> None:
    """An event's facts from several articles: exactly one item per article, each listing
    the facts cited from it (in its note and custom), none lost, none twice."""
    for event in every_event(run):
        facts = [f for f in json.loads(run("facts", "--event", event, "--fields", "all",
                                           "--format", "json").out) if not f["part_of"]]
        items = json.loads(run("cite", event, "--format", "json").out)
        assert len(items) == len({f["source"] for f in facts})
        assert len({item["id"] for item in items}) == len(items)
        cited = [fact_id for item in items for fact_id in item["custom"]["kzru_facts"]]
        assert sorted(cited) == sorted(f["id"] for f in facts)
        for item in items:
            for fact in facts:
                if fact["id"] in item["custom"]["kzru_facts"]:
                    assert fact["source"] == item["custom"]["kzru_source"]
                    assert f"{fact['id']} (" in item["note"]
                    assert f"«{fact['evidence']}»" in item["note"]


def test_citation_keys_are_stable_readable_and_unique(run) -> None:
    """The key of an article is the same whatever else is cited: publisher (or "unnamed"),
    year, a headline word (or the source id)."""
    sources = all_sources(run)
    whole = {item["custom"]["kzru_source"]: item["id"]
             for item in json.loads(run("cite", *sources, "--format", "json").out)}
    assert set(whole) == set(sources) and len(set(whole.values())) == len(whole)
    for fact in some_facts(run, 40)[::7]:
        alone = json.loads(run("cite", fact["id"], "--format", "json").out)
        assert [item["id"] for item in alone] == [whole[fact["source"]]]
    for source_id, key in whole.items():
        source = sources[source_id]
        assert key.isascii() and key.isalnum() and key == key.lower()
        assert source["published"][:4] in key
        if not source["publisher"]:
            assert key.startswith("unnamed")
        if not source["title"]:
            assert key.endswith(source_id)
    assert whole["a004"] == "kazinform2025gosvizit"  # Kazinform, 2025, «Госвизит …»
    assert whole["a003"] == "mir242022putin"  # МИР 24, 2022, «Путин и Токаев …»


def test_untitled_article_has_one_placeholder_title_everywhere(run) -> None:
    sources = all_sources(run)
    untitled = [s for s in sources.values() if not s["title"]]
    assert untitled, "the bundled table has untitled articles; this test needs one"
    events = {e["id"]: e for e in json.loads(run("visits", "--fields", "all", "--format",
                                                 "json").out)}
    for source in untitled:
        facts = [f for f in json.loads(run("facts", "--fields", "all", "--format", "json").out)
                 if f["source"] == source["id"]]
        ids = [f["id"] for f in facts]
        items = json.loads(run("cite", *ids, "--format", "json").out)
        assert [i["title"] for i in items] == ["[headline not given]"]
        text = run("cite", *ids).out
        assert text.count("[headline not given]") == 1
        for event_id in {f["event"] for f in facts if f["event"]}:
            assert events[event_id]["title_en"] not in text
        assert "title = {[headline not given]}" in run("cite", *ids, "--format", "bibtex").out


def test_plain_text_reference_once_then_each_fact_and_its_quote(run) -> None:
    sources = all_sources(run)
    facts = some_facts(run, 6)
    out = run("cite", *[f["id"] for f in facts]).out
    for fact in facts:
        source = sources[fact["source"]]
        assert out.count(f"File {source['file']}.") == 1
        assert f"«{fact['evidence']}»" in out and f"kzru {fact['id']} ({fact['status']}" in out
        assert (source["publisher"] or "[outlet not named]") in out
        precision = source["published_precision"]
        shown = source["published"][:{"year": 4, "month": 7}.get(precision, 10)]
        assert f". {shown}" in out


def test_markdown_citation_gives_the_pandoc_key_and_quotes_the_evidence(run) -> None:
    fact = some_facts(run, 1)[0]
    item = json.loads(run("cite", fact["id"], "--format", "json").out)[0]
    out = run("cite", fact["id"], "--format", "md").out
    assert out.startswith("- ") and "\n    > «" in out and f"`{fact['source_file']}`" in out
    assert f"`[@{item['id']}]`" in out


def test_csl_json_is_valid_against_the_official_csl_data_schema(run) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    items = json.loads(run("cite", *all_sources(run), *every_event(run), "--format",
                           "json").out)
    jsonschema.validate(items, schema)
    lines = run("cite", *every_event(run), "--format", "jsonl").out.splitlines()
    jsonschema.validate([json.loads(line) for line in lines], schema)
    # the check is real: the schema refuses a key CSL does not define
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**items[0], "kzru_fact": "x"}], schema)


def test_csl_dates_at_their_precision_and_circa_when_inferred(run) -> None:
    sources = all_sources(run)
    for item in json.loads(run("cite", *sources, "--format", "json").out):
        source = sources[item["custom"]["kzru_source"]]
        size = {"year": 1, "month": 2}.get(source["published_precision"], 3)
        assert item["issued"]["date-parts"][0] == \
            [int(x) for x in source["published"].split("-")][:size]
        assert item["issued"].get("circa", False) == (source["published_basis"] != "stated")
        if source["publisher"]:
            assert item["container-title"] == source["publisher"]


def test_an_event_id_cites_its_top_level_facts(run) -> None:
    facts = json.loads(run("facts", "--event", "2024-11-csto-council", "--format", "json").out)
    items = json.loads(run("cite", "2024-11-csto-council", "--format", "json").out)
    cited = {fact_id for item in items for fact_id in item["custom"]["kzru_facts"]}
    assert cited == {f["id"] for f in facts if not f["part_of"]}


def test_cite_unknown_id_is_one_line_exit_2(run) -> None:
    result = run("cite", "no-such-fact")
    assert result.code == 2 and result.err.startswith("kzru: no fact, event or source with id")
    assert "did you mean" not in result.err  # nothing is close to it


def test_url_and_access_date_are_shown_where_known(run, data_copy: Path) -> None:
    def add_url(rows: list[dict[str, str]]) -> None:
        rows[0]["url"] = "https://www.example.org/news/a000"
        rows[0]["url_note"] = "Matched by its dateline; checked 2026-12-01."

    source_id = write_sources(data_copy, add_url)[0]["id"]
    fact = next(f for f in json.loads(run("facts", "--data", str(data_copy), "--format",
                                          "json").out) if f["source"] == source_id)
    args = ("cite", fact["id"], "--data", str(data_copy))
    assert "https://www.example.org/news/a000" in run(*args).out
    item = json.loads(run(*args, "--format", "json").out)[0]
    assert item["URL"] == "https://www.example.org/news/a000"
    assert item["accessed"] == {"date-parts": [[2026, 12, 1]]}
    bib = run(*args, "--format", "bibtex").out
    assert "url = {https://www.example.org/news/a000}" in bib and "urldate = {2026-12-01}" in bib
    # no publisher: the site's name stands in the key
    assert item["id"].startswith("example2022")


def test_bibtex_entries_escape_tex_and_are_online_without_an_outlet(run, data_copy) -> None:
    def odd_title(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["publisher"]:
                row["title"] = "Rates of 5% & {50_000} #1 $ ~ ^ \\end"
                break

    rows = write_sources(data_copy, odd_title)
    out = run("cite", *[r["id"] for r in rows], "--data", str(data_copy), "--format",
              "bibtex").out
    entries = out.strip().split("\n\n")
    assert len(entries) == len(rows)
    for row, entry in zip(rows, entries):
        kind = "@article{" if row["publisher"] else "@online{"
        assert entry.startswith(kind) and entry.endswith("}")
        assert entry.count("{") - entry.count("\\{") == entry.count("}") - entry.count("\\}")
    assert (r"title = {Rates of 5\% \& \{50\_000\} \#1 \$ \textasciitilde{} "
            r"\textasciicircum{} \textbackslash{}end}") in out


def _pandoc(*args: str, cwd: Path) -> str:
    done = subprocess.run(["pandoc", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(shutil.which("pandoc") is None,
                    reason="pandoc is not installed: this test would render a document citing "
                           "every article through `pandoc --citeproc`, with kzru's CSL-JSON and "
                           "BibLaTeX as the bibliography (install pandoc >= 2.11 to run it)")
@pytest.mark.parametrize("fmt,suffix", [("json", "json"), ("bibtex", "bib")])
def test_pandoc_citeproc_reads_one_item_per_article(run, tmp_path: Path, fmt: str,
                                                     suffix: str) -> None:
    event = "2025-11-state-visit-moscow"
    items = json.loads(run("cite", event, "--format", "json").out)
    (tmp_path / f"refs.{suffix}").write_text(run("cite", event, "--format", fmt).out,
                                             encoding="utf-8")
    facts = [fact for item in items for fact in item["custom"]["kzru_facts"]]
    cites = "\n\n".join(f"Fact {n} [@{item['id']}]." for n, item in enumerate(items)
                         for _ in item["custom"]["kzru_facts"])
    (tmp_path / "doc.md").write_text(f"{cites}\n\n# References\n", encoding="utf-8")
    out = _pandoc("doc.md", "--citeproc", f"--bibliography=refs.{suffix}", "-t", "plain",
                  "--wrap=none", cwd=tmp_path)
    assert len(facts) > len(items) > 1  # several facts per article, several articles
    body, _, bibliography = out.partition("References")
    entries = [line for line in bibliography.split("\n\n") if line.strip()]
    assert len(entries) == len(items)  # one reference per article, not per fact
    assert "2025a" not in out and "2025b" not in out  # no letters: one item per author-year
    for item in items:
        assert item["title"].strip("[]") in out
    assert "[@" not in body and "???" not in out  # every key resolved


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


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_cite_at_a_terminal_never_spills_past_its_width(columns: int) -> None:
    """A source's address is never broken, but when it would fit unindented it loses its indent
    instead of leaving its last characters alone on the next line (a 79-character URL at 80)."""
    from conftest import terminal

    shown = terminal("cite", "2025-11-state-visit-moscow", "a004-energy-partnership-agreement",
                     columns=columns)
    url = next(word for word in shown.split() if word.startswith("https://"))
    assert url.endswith("0e4098")  # the whole address, on one line
    for line in shown.splitlines():
        assert len(line) <= columns or line.strip() == url and len(url) > columns, line


@pytest.mark.parametrize("args", [["--csv", "-"], ["-"]])
def test_export_to_a_dash_is_refused_not_made_a_file(run, args: list[str], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' means standard output to a pipe user; a package or a database cannot go there, and
    a folder or file named '-' would be a surprise."""
    monkeypatch.chdir(tmp_path)
    done = run("export", *args)
    assert done.code == 2 and "cannot go to standard output" in done.err
    assert list(tmp_path.iterdir()) == []
