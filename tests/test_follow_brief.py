"""Follow-through (links, verdicts, suggestions) and the one-page brief, on the bundled table
and on small hand-made tables where each verdict is forced."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kzru.brief import SECTION_ORDER, build, previous_event
from kzru.follow import DONE, IN_PROGRESS, NO_REPORT, suggest_follows, track, with_earlier
from kzru.render_brief import data, markdown
from kzru.store import bundled_data_dir, load


@pytest.fixture(scope="module")
def bundled():  # noqa: ANN201
    return load(bundled_data_dir())


def _rewrite_facts(folder: Path, edit) -> None:  # noqa: ANN001
    path = folder / "facts.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _verdicts(dataset) -> dict[str, str]:  # noqa: ANN001
    return {entry.fact.id: entry.verdict for entry in track(dataset)}


def test_each_verdict_follows_from_the_links(data_copy: Path) -> None:
    def edit(rows: list[dict]) -> None:
        for row in rows:
            row["follows"] = ""
        planned = next(r for r in rows if r["status"] == "planned")
        proposed = next(r for r in rows if r["status"] == "proposed")
        later_done = max((r for r in rows if r["status"] in ("done", "signed")),
                         key=lambda r: r["date"])
        later_ongoing = max((r for r in rows if r["status"] == "ongoing"),
                            key=lambda r: r["date"])
        assert later_done["date"] >= planned["date"] and later_ongoing["date"] >= proposed["date"]
        later_done["follows"] = planned["id"]
        later_ongoing["follows"] = proposed["id"]
        edit.ids = (planned["id"], proposed["id"])  # type: ignore[attr-defined]

    _rewrite_facts(data_copy, edit)
    planned, proposed = edit.ids  # type: ignore[attr-defined]
    verdicts = _verdicts(load(data_copy))
    assert verdicts[planned] == DONE
    assert verdicts[proposed] == IN_PROGRESS
    assert sum(v == NO_REPORT for v in verdicts.values()) == len(verdicts) - 2


def test_a_later_fact_may_not_be_followed_by_an_earlier_one(data_copy: Path, run) -> None:
    def edit(rows: list[dict]) -> None:
        ordered = sorted(rows, key=lambda r: r["date"])
        ordered[0]["follows"] = ordered[-1]["id"]

    _rewrite_facts(data_copy, edit)
    result = run("check", "--data", str(data_copy))
    assert result.code == 2
    assert "later than this fact" in result.err


def test_a_cycle_of_follows_is_reported(data_copy: Path, run) -> None:
    def edit(rows: list[dict]) -> None:
        same_day = [r for r in rows if r["date"] == rows[0]["date"]][:2]
        same_day[0]["follows"], same_day[1]["follows"] = same_day[1]["id"], same_day[0]["id"]

    _rewrite_facts(data_copy, edit)
    result = run("check", "--data", str(data_copy))
    assert result.code == 2 and "a cycle" in result.err


def test_university_branch_chain_from_2022_to_2025(bundled) -> None:  # noqa: ANN001
    wanted = "a000-expand-russian-university-branches"
    entry = next(e for e in track(bundled) if e.fact.id == wanted)
    assert entry.fact.date.year == 2022 and entry.verdict == DONE
    years = [later.date.year for later in entry.later]
    assert years == sorted(years) and years[0] > 2022 and years[-1] == 2025
    assert {"a002-mgimo-astana-branch", "a004-nine-russian-university-branches"} <= {
        later.id for later in entry.later}


def test_nuclear_expectation_is_followed_and_the_route_council_is_not(bundled) -> None:  # noqa
    verdicts = _verdicts(bundled)
    assert verdicts["a002-expected-nuclear-cooperation-focus"] == DONE
    assert verdicts["a002-eurasian-route-development-council"] == NO_REPORT


def test_a_query_brings_in_the_commitments_its_matches_follow(bundled) -> None:  # noqa: ANN001
    branch = bundled.facts["a002-mgimo-astana-branch"]
    ids = {fact.id for fact in with_earlier(bundled, [branch])}
    assert ids == {"a002-mgimo-astana-branch", "a000-expand-russian-university-branches"}


def test_suggestions_are_unrecorded_later_pairs_and_change_nothing(bundled) -> None:  # noqa
    before = (bundled_data_dir() / "facts.csv").read_bytes()
    found = suggest_follows(bundled)
    assert found
    published = {s.id: s.published for s in bundled.sources.values()}
    for item in found:
        assert item.earlier.id not in item.later.follows
        assert published[item.later.source] > published[item.earlier.source]
        assert item.later.date >= item.earlier.date
    assert (bundled_data_dir() / "facts.csv").read_bytes() == before


@pytest.mark.parametrize("event_id", sorted(load(bundled_data_dir()).events))
def test_brief_of_every_event_holds_each_of_its_facts_once(bundled, event_id: str) -> None:  # noqa
    brief = build(bundled, event_id)
    shown = [item.fact.id for section in brief.sections for group in section.groups
             for item in group.items] + [item.fact.id for item in brief.figures]
    parts = [part.id for section in brief.sections for group in section.groups
             for item in group.items for part in item.parts]
    assert len(shown) == len(set(shown))
    assert sorted(shown + parts) == sorted(f.id for f in bundled.facts_by_event[event_id])
    order = [section.status for section in brief.sections]
    assert order == [s for s in SECTION_ORDER if s in order]
    page = markdown(brief, bundled)
    assert page.startswith(f"# {bundled.events[event_id].title_en}")
    assert "## Sources" in page
    json.dumps(data(brief))


def test_expected_and_proposed_are_always_attributed(bundled) -> None:  # noqa: ANN001
    brief = build(bundled, "2025-11-state-visit-moscow")
    attributed = [item for section in brief.sections if section.status in ("expected", "proposed")
                  for group in section.groups for item in group.items]
    assert attributed and all(item.attribution for item in attributed)
    page = markdown(brief, bundled)
    for item in attributed:
        assert f"*{item.attribution}*" in page


def test_brief_compares_with_the_previous_meeting_of_its_kind(bundled) -> None:  # noqa: ANN001
    assert previous_event(bundled, bundled.events["2025-11-state-visit-moscow"]).id == \
        "2024-11-state-visit-astana"
    assert previous_event(bundled, bundled.events["2021-12-cis-informal-summit"]) is None
    brief = build(bundled, "2025-11-state-visit-moscow")
    assert "nuclear" in brief.novelty.sectors


def test_an_event_with_a_single_fact(run) -> None:
    result = run("brief", "2022-06-spief-meeting", "--format", "md")
    assert result.code == 0
    assert result.out.count("\n- ") == 1 + 3  # the one fact, and three lines of what is new


def test_brief_command_formats_and_errors(run) -> None:
    as_json = json.loads(run("brief", "2024-11-state-visit-astana", "--format", "json").out)
    assert as_json["event"]["id"] == "2024-11-state-visit-astana"
    assert as_json["sections"][0]["status"] == "signed"
    unknown = run("brief", "2024-11-state-visit-astna")
    assert unknown.code == 2 and "did you mean '2024-11-state-visit-astana'" in unknown.err
    wrong = run("brief", "2024-11-state-visit-astana", "--format", "csv")
    assert wrong.code == 2 and "brief prints table, md, json" in wrong.err


def test_track_command(run) -> None:
    result = run("track", "--format", "json", "--explain")
    rows = json.loads(result.out)
    assert result.code == 0 and rows
    assert {row["verdict"] for row in rows} == {DONE, IN_PROGRESS, NO_REPORT}
    assert all(row["reason"] for row in rows)
    proposed = run("track", "--status", "proposed", "--since", "2025", "--format", "json")
    assert {row["status"] for row in json.loads(proposed.out)} == {"proposed"}
    assert run("track", "--since", "soon").code == 2
    assert run("track", "--status", "signed").code == 2
    assert run("track", "--since", "2030").code == 1


def test_check_suggest_follows_lists_and_does_not_write(run) -> None:
    before = (bundled_data_dir() / "facts.csv").read_bytes()
    result = run("check", "--suggest-follows")
    assert result.code == 0 and "follows?" in result.out
    assert (bundled_data_dir() / "facts.csv").read_bytes() == before


def test_the_first_event_brings_its_own_sectors_and_names_as_new(bundled) -> None:  # noqa
    brief = build(bundled, "2021-12-cis-informal-summit")
    assert brief.novelty.previous is None
    assert "politics" in brief.novelty.first_sectors and brief.novelty.names
    page = markdown(brief, bundled)
    assert "Sectors not covered last time" not in page


def test_background_of_the_same_article_is_shown_apart(bundled) -> None:  # noqa: ANN001
    brief = build(bundled, "2022-02-working-visit")
    alongside = {item.fact.id for item in brief.alongside}
    assert "a000-mephi-almaty-branch" in alongside
    assert all(not item.fact.event for item in brief.alongside)
    assert "## Reported alongside" in markdown(brief, bundled)
    # An article's background goes with the event it tells most about, once.
    spief = build(bundled, "2022-06-spief-meeting")
    assert not spief.alongside


def test_an_inferred_event_date_says_so(bundled) -> None:  # noqa: ANN001
    page = markdown(build(bundled, "2024-11-state-visit-astana"), bundled)
    assert "(inferred)" in page.splitlines()[2] and "*Date inferred:" in page


def test_a_preview_reads_as_a_preview_not_as_an_outcome(bundled) -> None:  # noqa: ANN001
    brief = build(bundled, "2025-11-state-visit-moscow")
    assert brief.previews == {"a002"}
    page = markdown(brief, bundled)
    planned = [line for line in page.splitlines() if "a002-state-visit-moscow-upcoming" in line]
    assert planned and "in a preview written before the event" in planned[0]
    assert "a preview written before the event" in page.split("## Sources")[1]
    # A same-day report that records outcomes is not a preview.
    assert build(bundled, "2024-11-state-visit-astana").previews == set()
    assert build(bundled, "2024-11-csto-council").previews == {"a001"}


def test_a_previews_general_background_stays_out_of_the_visit_brief(bundled) -> None:  # noqa
    brief = build(bundled, "2025-11-state-visit-moscow")
    sources = {item.fact.source for item in brief.alongside}
    assert sources == {"a004"}  # the report's culture and education items, not a002's
    assert "(date inferred)" in markdown(build(bundled, "2022-08-sochi-talks"), bundled)
