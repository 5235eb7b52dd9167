"""Each ranking rule the README states, isolated: a copy of the bundled table gets two new
facts that differ only in what the rule decides, about a made-up town (Зорбаград) no other
fact mentions. The rule then alone decides their order, or whether one is listed at all;
without it (or reversed) the test fails.

The rules (README, "How search reads a query"): facts that match every part of the query
come first; then the score; then the newest; when the query names a constraint, the
documents and decisions of an event rank before background facts; a month ranks the facts
dated then first; "сколько"/"how many" ranks figures first; a fact matching only a small
share of the query (a common word alone) is not listed (the "nonsense finds nothing" row of
the relevance set).
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import add_facts

TOWN_RU, TOWN_EN = "Зорбаград", "Zorbagrad"
# A background statement about the town; each test changes what its rule looks at.
BASE = {"kind": "statement", "event": "", "date": "2025-11-12", "date_precision": "day",
        "date_basis": "stated", "date_note": "", "sectors": "culture", "status": "reported",
        "speaker": "", "summary": f"A museum of local history opened talks in {TOWN_RU}.",
        "text": f"В городе {TOWN_RU} музей краеведения начал переговоры.",
        "evidence": f"в городе {TOWN_RU} музей краеведения начал переговоры",
        "source": "a004", "value": "", "unit": "", "names": ""}


def fact(fact_id: str, **changes: str) -> dict[str, str]:
    return {**BASE, "id": fact_id, **changes}


def ranked(run, folder: Path, *query: str) -> list[dict]:  # noqa: ANN001
    done = run("search", *query, "--limit", "0", "--data", str(folder), "--format", "json")
    assert done.code in (0, 1), done.err
    return json.loads(done.out)


def order(rows: list[dict], *wanted: str) -> list[str]:
    return [row["id"] for row in rows if row["id"] in wanted]


def test_newest_first_among_equal_scores(run, data_copy: Path) -> None:
    # the newer fact is written last, so file order alone would put it second
    add_facts(data_copy, fact("a001-test-older", date="2024-11-27", source="a001"),
              fact("a004-test-newer", date="2025-11-12"))
    rows = ranked(run, data_copy, TOWN_RU)
    assert order(rows, "a001-test-older", "a004-test-newer") == ["a004-test-newer",
                                                               "a001-test-older"]
    assert rows[0]["score"] == rows[1]["score"]


def test_facts_matching_every_word_come_first(run, data_copy: Path) -> None:
    # "complete" names the town once, in another script, and says Казахстан; "strong" says
    # the town in summary, text and evidence but never Казахстан: it scores higher on the
    # town alone, yet matches one word of two
    add_facts(data_copy,
              fact("a004-test-complete", summary=f"A museum in {TOWN_EN} opened talks.",
                   text="Музей начал переговоры с Казахстаном.",
                   evidence="музей начал переговоры с Казахстаном"),
              fact("a004-test-strong"))
    rows = ranked(run, data_copy, TOWN_RU, "Казахстан")
    assert order(rows, "a004-test-complete", "a004-test-strong") == ["a004-test-complete",
                                                                   "a004-test-strong"]
    alone = {row["id"]: row["score"] for row in ranked(run, data_copy, TOWN_RU)}
    assert alone["a004-test-strong"] > alone["a004-test-complete"]  # the rule, not the score


def test_an_events_decisions_rank_first_only_when_the_query_names_a_constraint(
        run, data_copy: Path) -> None:
    visit = "2025-11-state-visit-moscow"
    add_facts(data_copy,
              # the same visit; the talk is a day newer, the signed document is the decision
              fact("a004-test-signed", event=visit, kind="document", status="signed",
                   date="2025-11-11"),
              fact("a004-test-talk", event=visit, date="2025-11-12"))
    # a year named: the decision first, though the talk is newer
    rows = ranked(run, data_copy, TOWN_RU, "2025")
    assert order(rows, "a004-test-talk", "a004-test-signed") == ["a004-test-signed",
                                                               "a004-test-talk"]
    # nothing named but the topic: no lift, so the newest first
    plain = ranked(run, data_copy, TOWN_RU)
    assert order(plain, "a004-test-talk", "a004-test-signed") == ["a004-test-talk",
                                                                "a004-test-signed"]


def test_an_events_facts_rank_before_background_facts_when_the_query_names_a_constraint(
        run, data_copy: Path) -> None:
    add_facts(data_copy,
              fact("a004-test-background", kind="document", status="signed"),
              fact("a004-test-at-the-visit", kind="document", status="signed",
                   event="2025-11-state-visit-moscow"))
    rows = ranked(run, data_copy, TOWN_RU, "2025")
    assert order(rows, "a004-test-background", "a004-test-at-the-visit") == [
        "a004-test-at-the-visit", "a004-test-background"]


def test_a_month_ranks_the_facts_dated_then_first(run, data_copy: Path) -> None:
    # the November fact is the older one: newest-first alone would put it second
    add_facts(data_copy, fact("a001-test-november", date="2024-11-27", source="a001"),
              fact("a004-test-may", date="2025-05-12"))
    for month in ("ноябрь", "в ноябре", "November"):
        rows = ranked(run, data_copy, TOWN_RU, *month.split())
        assert order(rows, "a001-test-november", "a004-test-may") == [
            "a001-test-november", "a004-test-may"], month
    may = ranked(run, data_copy, TOWN_RU, "май", "2025")  # "may" is a month beside a year
    assert order(may, "a004-test-may") == ["a004-test-may"]


def test_how_many_ranks_figures_first(run, data_copy: Path) -> None:
    # the figure is the older one, so without the reading the statement would come first
    add_facts(data_copy,
              fact("a001-test-figure", kind="figure", value="12", unit="museums",
                   date="2024-11-27", source="a001"),
              fact("a004-test-statement"))
    for question in ("сколько", "how many"):
        rows = ranked(run, data_copy, *question.split(), TOWN_RU)
        assert order(rows, "a001-test-figure", "a004-test-statement") == [
            "a001-test-figure", "a004-test-statement"], question


def test_a_common_word_alone_does_not_list_a_fact(run, data_copy: Path) -> None:
    # both say Казахстан, a word most facts hold; only one names the town
    add_facts(data_copy,
              fact("a004-test-town", text=f"Музей города {TOWN_RU} в Казахстане."),
              fact("a004-test-country-only", summary="A museum of local history opened.",
                   text="Музей краеведения в Казахстане начал переговоры.",
                   evidence="музей краеведения в Казахстане начал переговоры"))
    rows = ranked(run, data_copy, TOWN_RU, "Казахстан")
    listed = {row["id"] for row in rows}
    assert "a004-test-town" in listed
    assert "a004-test-country-only" not in listed
    # the same fact is found when the common word is the whole query: the threshold is
    # relative to what the query asks, not a property of the fact
    assert "a004-test-country-only" in {row["id"] for row in ranked(run, data_copy,
                                                                    "Казахстан")}
