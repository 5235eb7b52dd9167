"""Loading and validation: the bundled table is valid; each kind of bad data gets its message."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, needs_seeds

from kzru.errors import DataError, KzruError
from kzru.model import Fact
from kzru.store import bundled_data_dir, load, resolve_data_dir, verify_evidence


def rewrite(path: Path, edit) -> None:  # noqa: ANN001
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


FACT_COLUMNS = list(Fact._fields)


def col(name: str) -> int:
    """Index of a facts.csv column (its 1-based column number is this plus one)."""
    return FACT_COLUMNS.index(name)


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(folder)
    return caught.value.problems


def test_bundled_data_loads_with_every_table_filled() -> None:
    dataset = load(bundled_data_dir())
    assert len(dataset.sources) == 5
    assert len(dataset.events) >= 9
    assert len(dataset.facts) > 150
    assert len(dataset.sectors) >= 19
    assert len(dataset.glossary) >= 50


def test_every_fact_of_the_expert_preview_is_not_an_agreement() -> None:
    dataset = load(bundled_data_dir())
    preview = [f for f in dataset.facts.values() if f.source == "a002"]
    assert preview
    assert not [f.id for f in preview if f.status in ("signed", "agreed")]


@needs_seeds
def test_every_evidence_excerpt_is_verbatim_in_its_article() -> None:
    assert verify_evidence(load(bundled_data_dir()), SEEDS) == []


def test_evidence_that_is_not_in_the_article_is_reported(data_copy: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    dataset = load(data_copy)
    for source in dataset.sources.values():
        (articles / source.file).write_text("nothing here", encoding="utf-8")
    hashes: list[str] = []
    problems = verify_evidence(dataset, articles, hashes)
    # each article is not the text its sha256 names: one line per source, apart
    assert len(hashes) == len(dataset.sources)
    assert hashes[0].startswith(f"{data_copy / 'sources.csv'}:2:11: ")
    pieces = sum(len(fact.evidence_pieces) for fact in dataset.facts.values())
    assert len(problems) == pieces > len(dataset.facts)
    first = dataset.facts[next(iter(dataset.facts))]
    which = "piece 1 of the evidence" if len(first.evidence_pieces) > 1 else "evidence"
    assert problems[0].startswith(f"{data_copy / 'facts.csv'}:2:13: {which} of ")
    assert "is not found verbatim in" in problems[0]


def test_truncated_row(data_copy: Path) -> None:
    rewrite(data_copy / "facts.csv", lambda rows: rows[3].__delitem__(slice(5, None)))
    assert problems_of(data_copy) == [
        f"{data_copy / 'facts.csv'}:4: row has 5 fields, the header has 21 "
        "(truncated row or stray comma?)"]


def test_date_that_does_not_exist(data_copy: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[2][3] = "2022-02-30"

    rewrite(data_copy / "facts.csv", edit)
    assert problems_of(data_copy) == [
        f"{data_copy / 'facts.csv'}:3:4: date '2022-02-30' is not a date that exists"]


def test_date_not_in_iso_form(data_copy: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[1][4] = "10.02.2022"

    rewrite(data_copy / "events.csv", edit)
    assert problems_of(data_copy) == [
        f"{data_copy / 'events.csv'}:2:5: start '10.02.2022' is not an ISO date (YYYY-MM-DD)"]


def test_duplicate_id(data_copy: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[5][0] = rows[4][0]

    rewrite(data_copy / "facts.csv", edit)
    found = problems_of(data_copy)
    assert len(found) == 1
    assert found[0].startswith(f"{data_copy / 'facts.csv'}:6:1: duplicate id ")
    assert found[0].endswith("first used on line 5")


def test_dangling_event_reference_suggests_the_closest_id(data_copy: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[1][2] = "2022-02-working-vist"

    rewrite(data_copy / "facts.csv", edit)
    assert problems_of(data_copy) == [
        f"{data_copy / 'facts.csv'}:2:3: event '2022-02-working-vist' is not an id in events.csv"
        " (did you mean '2022-02-working-visit'?)"]


def test_unknown_sector(data_copy: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[1][col("sectors")] = "nuclear; weather"

    rewrite(data_copy / "facts.csv", edit)
    found = problems_of(data_copy)
    assert len(found) == 1
    assert found[0].startswith(f"{data_copy / 'facts.csv'}:2:8: sectors 'weather' is not an id "
                               "in sectors.csv")


def test_unknown_status(data_copy: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[1][col("status")] = "rumoured"

    rewrite(data_copy / "facts.csv", edit)
    assert problems_of(data_copy) == [
        f"{data_copy / 'facts.csv'}:2:9: status 'rumoured' is not one of: signed, agreed, done, "
        "ongoing, planned, expected, proposed, reported"]


def test_every_problem_is_reported_not_just_the_first(data_copy: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[1][col("status")] = "rumoured"
        rows[2][col("date")] = "yesterday"
        rows[3][col("summary")] = ""

    rewrite(data_copy / "facts.csv", edit)
    found = problems_of(data_copy)
    assert [p.split(": ")[0].rsplit(":", 2)[1:] for p in found] == [
        ["2", "9"], ["3", "4"], ["4", "11"]]
    assert found[2].endswith("summary is required but empty")


def test_missing_table_and_bad_header(data_copy: Path) -> None:
    (data_copy / "glossary.csv").unlink()
    rewrite(data_copy / "sectors.csv", lambda rows: rows[0].__setitem__(1, "title"))
    found = problems_of(data_copy)
    assert f"{data_copy / 'glossary.csv'}: file not found (every data folder needs glossary.csv)" \
        in found
    assert any(p.startswith(f"{data_copy / 'sectors.csv'}:1: header does not match the schema "
                            "(missing name; unknown title)") for p in found)


def test_control_characters_and_padding_are_rejected(data_copy: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        rows[1][col("summary")] = "line one\nline two"
        rows[2][col("text")] = " padded"

    rewrite(data_copy / "facts.csv", edit)
    found = problems_of(data_copy)
    assert any(":2:11: summary contains a control character" in p for p in found)
    assert any(":4:12: text has leading or trailing whitespace" in p for p in found)


def test_value_needs_a_unit_and_end_follows_start(data_copy: Path) -> None:
    def facts(rows: list[list[str]]) -> None:
        rows[1][col("value")], rows[1][col("unit")] = "12", ""

    def events(rows: list[list[str]]) -> None:
        rows[2][5] = "2000-01-01"

    rewrite(data_copy / "facts.csv", facts)
    rewrite(data_copy / "events.csv", events)
    found = problems_of(data_copy)
    assert any(":2:16: value and unit go together" in p for p in found)
    assert any(":3:6: end 2000-01-01 is before start" in p for p in found)


def test_missing_folder_names_where_it_came_from(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(KzruError, match=r"data folder not found: .*nowhere \(from --data\)"):
        resolve_data_dir(tmp_path / "nowhere")
    monkeypatch.setenv("KZRU_DATA", str(tmp_path / "elsewhere"))
    with pytest.raises(KzruError, match=r"elsewhere \(from KZRU_DATA\)"):
        resolve_data_dir(None)


def test_top_level_signed_documents_per_visit_are_those_the_articles_name(run) -> None:
    import json

    rows = json.loads(run("facts", "--status", "signed", "--kind", "document", "--top-level",
                          "--fields", "event,id", "--format", "json").out)
    per_visit: dict[str, set[str]] = {}
    for row in rows:
        per_visit.setdefault(row["event"], set()).add(row["id"])
    assert per_visit == {
        "2022-02-working-visit": {"a000-agreements-package", "a000-digital-experience-memorandum",
                                  "a000-cip-bolashak-memoranda"},
        "2024-11-state-visit-astana": {"a001-joint-statement-strategic-partnership",
                                       "a001-20-agreements-exchanged",
                                       "a001-health-agreements"},
        "2025-11-state-visit-moscow": {"a004-declaration-strategic-partnership-alliance",
                                       "a004-innovation-documents-package"},
    }
    # a001 says «обменялись 20 соглашениями» and, in another paragraph, «В здравоохранении
    # подписаны соглашения»: it never says the health agreements are among the 20, so they are
    # a document of their own (docs/audits/2026-12-04-changes.md, part 11)
    parts = json.loads(run("show", "a001-20-agreements-exchanged", "--format", "json").out)
    assert "a001-health-agreements" not in parts[0]["parts"]


def test_the_row_check_for_hidden_characters_agrees_with_the_patterns() -> None:
    """Each row is checked for control and invisible characters in one pass of
    str.isprintable() (the regular expressions took seconds at 100,000 facts): for every
    code point, in Latin or Cyrillic text with no-break spaces around it, it must say what
    the two patterns say, so no such character passes."""
    import re

    from kzru.cells import is_clean as _is_clean
    from kzru.text import CONTROL_CHARACTERS, INVISIBLE_CHARACTERS

    exact = re.compile(f"{CONTROL_CHARACTERS}|{INVISIBLE_CHARACTERS}")
    wrong = []
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates: never in text decoded from UTF-8
        row = f"a001-fact\u00a0{chr(code)}Росатом\u202f"
        if _is_clean(row) != (exact.search(row) is None):
            wrong.append(hex(code))
    assert wrong == []
    assert not _is_clean("ok\u202eko") and not _is_clean("tab\there") and _is_clean("ok")


def test_problems_read_early_are_reported_in_their_place_and_capped() -> None:
    """A table read early (the glossary, before the facts) reports in its own place:
    extend keeps the lines, the counts and the cap per kind as if appended in order."""
    from kzru.errors import PER_KIND, Problems

    merged, late = Problems(), Problems()
    merged.append("first", "k")
    for number in range(PER_KIND + 5):
        late.append(f"late {number}", "k")
    late.append("no kind")
    merged.extend(late)
    assert len(merged) == PER_KIND + 7
    lines = merged.report()
    assert lines[0] == "first" and lines[PER_KIND - 1] == f"late {PER_KIND - 2}"
    assert lines[PER_KIND] == "… and 6 more of this kind (k); kzru check --all-problems " \
                              "lists every one"
    assert lines[-1] == "no kind"


def test_a_typo_hint_compares_an_id_with_a_few_neighbours_not_every_id() -> None:
    """At 100,000 ids a fuzzy 'did you mean' over every id took a second a line; the hint
    compares the mistyped id with the ids that sort next to it, read forwards and backwards,
    so a typo near the end or near the start still finds its id."""
    from kzru.links import NEAR, _Hints

    ids = {f"a{n % 7:03d}-{word}-memorandum-s{n}" for n, word in
           enumerate(["energy", "transport", "uranium", "grain", "water"] * 4000)}
    ids.add("a002-kamaz-service-centre-almaty")
    hints = _Hints(ids)
    late = "a002-kamaz-service-centre-almatty"  # a typo near the end
    early = "a020-kamaz-service-centre-almaty"  # and one near the start
    for typo in (late, early):
        assert len(hints.nearby(typo)) <= 4 * NEAR
        assert hints.hint(typo, fuzzy=True) == " (did you mean 'a002-kamaz-service-centre-almaty'?)"
    assert hints.hint("A002-KAMAZ-SERVICE-CENTRE-ALMATY", fuzzy=False) == \
        " (did you mean 'a002-kamaz-service-centre-almaty'?)"
    assert hints.hint("zzz", fuzzy=True) == ""


def test_articles_not_in_the_folder_are_said_not_checked(data_copy: Path, tmp_path: Path) -> None:
    """A table made by ``kzru init`` has only the articles its user added: those are checked,
    the others are named as not checked (not an error), unless no article is there at all."""
    dataset = load(data_copy)
    articles = tmp_path / "articles"
    articles.mkdir()
    first, second = list(dataset.sources.values())[:2]
    text = "\n".join(piece for fact in dataset.facts.values() if fact.source == first.id
                     for piece in fact.evidence_pieces)
    (articles / first.file).write_text(text, encoding="utf-8")
    absent: list[str] = []
    assert verify_evidence(dataset, articles, [], absent) == []
    assert absent == [s for s in dataset.sources if s != first.id]
    (articles / first.file).unlink()
    absent.clear()
    problems = verify_evidence(dataset, articles, [], absent)
    assert absent == [] and len(problems) == len(dataset.sources)
    assert problems[1] == (f"{articles / second.file}: cannot read article for source "
                           f"{second.id}: No such file or directory")
    (articles / first.file).write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kzru", "check", "--data", str(data_copy),
                           "--sources", str(articles)], capture_output=True,
                          text=True)
    checked = sum(fact.source == first.id for fact in dataset.facts.values())
    others = len(dataset.facts) - checked
    assert done.returncode == 0, done.stderr
    assert f"; {checked} evidence excerpts found verbatim in {articles}; {others} not checked: " \
           f"no article in that folder for {len(dataset.sources) - 1} sources (" in done.stdout
