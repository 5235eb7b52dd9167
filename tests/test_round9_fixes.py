"""The round-9 checks of track and the briefs (docs/audits/2026-12-05-round9-*.md), each point
as the change log (Part 17) decides it: expected values from the articles and RUBRIC-follows."""

from __future__ import annotations

import json

from kzru.brief import build, main_sector
from kzru.follow import NOT_LINKED, NOT_NAMED, track
from kzru.render_brief import markdown
from kzru.render_track import reason_of
from kzru.suggest import see_also

MOSCOW = "2025-11-state-visit-moscow"
LANGUAGE_2024 = "a001-talks-russian-language-support"
LANGUAGE_2025 = "a004-russian-culture-language-promotion"
PACKAGE = "a004-innovation-documents-package"


def _tracked(bundled) -> dict:  # noqa: ANN001
    return {entry.fact.id: entry for entry in see_also(bundled, track(bundled))}


def test_the_russian_language_link_reads_reaffirmed_with_the_whole_phrase(bundled, run) -> None:  # noqa
    """Round 13 (change log Part 22): «В Казахстане уделяют должное внимание продвижению
    русской культуры и языка» is linked to the 2024 «обсудили вопросы … поддержки русского
    языка» under 2b: reaffirmed — still open, the deciding words quoted from the 2025
    evidence, and the Moscow brief's "what became of" says the same."""
    assert LANGUAGE_2024 in bundled.facts[LANGUAGE_2025].follows
    rows = {row["id"]: row for row in json.loads(
        run("track", "--explain", "--format", "json").out)}
    row = rows[LANGUAGE_2024]
    # a topic only discussed, taken up again: nothing was undertaken (round 14)
    assert row["verdict"] == "taken up again" and row["later"] == [LANGUAGE_2025]
    assert "продвижению русской" in row["words"]
    assert row["words"] in bundled.facts[LANGUAGE_2025].evidence
    assert f"{LANGUAGE_2025} (a004, 2025-11-12, reported) takes the topic up again" in \
        row["reason"]
    page = markdown(build(bundled, MOSCOW), bundled)
    lines = page.split("What became of its commitments")[1].splitlines()
    line = next(text for text in lines if f"`{LANGUAGE_2024}`" in text)
    assert line.startswith("  - **taken up again**: ") and f"`{LANGUAGE_2025}`" in line
    # a pair left out still says so beside the item (the Ekibastuz GRES-2, rule 4)
    at = next(i for i, text in enumerate(lines) if "`a001-ekibastuz-gres2-emissions`" in text)
    assert lines[at + 1].startswith("    - later facts that may report on it, not linked as "
                                    "its progress (RUBRIC-follows lists the pairs considered")


def test_a_field_the_report_does_not_name_is_not_named_beside_the_visits_documents(
        bundled, run) -> None:  # noqa: ANN001
    """«научно-технической … кооперации» (a002) against «Ряд подписанных … документов
    позволят … продвинуться в вопросах освоения космоса, атомной энергетики …» (a004): not
    linked (rule 4), "not named" rather than "not mentioned", the signed package beside it.
    The Declaration (politics, the relations as a whole) takes up no field; a forecast naming
    a thing of its own (the Eurasian Route Council) is still "not mentioned"."""
    forecast = _tracked(bundled)["a002-expected-focus-industrial-cooperation"]
    parts = {part.fact.id: part for part in forecast.parts}
    science = parts["a002-expected-focus-scientific-technical"]
    assert science.verdict == NOT_NAMED and science.later == []
    assert [fact.id for fact in science.see_also] == [PACKAGE]
    assert [fact.id for fact in parts["a002-expected-focus-industrial"].see_also] == [PACKAGE]
    assert parts["a002-expected-focus-transport-logistics"].see_also == ()
    reason = str(reason_of(forecast))
    assert "part a002-expected-focus-scientific-technical: not named, the report " \
           f"of {MOSCOW} (a004) does not name it; the documents the visit signed, " \
           f"{PACKAGE} (a004, 2025-11-12, signed), may take up this field (see also) but are " \
           "not linked to it" in reason
    rows = {row["id"]: row for row in json.loads(
        run("track", "--explain", "--format", "json").out)}
    assert f"does not name it; the documents the visit signed, {PACKAGE} " in \
        rows["a002-expected-focus-industrial-cooperation"]["reason"]
    page = markdown(build(bundled, MOSCOW), bundled)
    line = next(text for text in page.splitlines()
                if "`a002-expected-focus-scientific-technical`" in text)
    assert line.startswith("  - **not named in the visit's report** — Scientific-technical")
    assert f"not linked to it (whether they take up this field is a reader's judgement: " \
           f"RUBRIC-follows rule 4): `{PACKAGE}` [2]" in line
    assert "a004-declaration-strategic-partnership-alliance" not in line
    council = next(text for text in page.splitlines()
                   if "`a002-eurasian-route-development-council`" in text)
    assert council.startswith("- **not mentioned in the visit's report** — ")
    assert "documents the visit signed" not in council


def test_the_2025_package_has_its_areas_as_parts_and_the_nuclear_one_decides(bundled) -> None:  # noqa
    """Rubric 6 (round-9 reservation 6): «в вопросах освоения космоса, атомной энергетики,
    развития особых экономических зон и креативных индустрий» — four areas, four parts, each
    signed; the nuclear forecast is borne out by the nuclear area, not the whole package."""
    entries = _tracked(bundled)
    parts = [part.fact for part in entries[PACKAGE].parts]
    assert [(fact.id, fact.sectors[0], fact.status) for fact in parts] == [
        ("a004-documents-space", "space", "signed"),
        ("a004-documents-nuclear-energy", "nuclear", "signed"),
        ("a004-documents-special-economic-zones", "trade", "signed"),
        ("a004-documents-creative-industries", "culture", "signed")]
    nuclear = entries["a002-expected-nuclear-cooperation-focus"]
    assert nuclear.verdict == "borne out"
    assert nuclear.decisive.id == "a004-documents-nuclear-energy"
    assert "атомной энергетики" in nuclear.words
    # the 2022 space agreements: the 2025 space documents beside them, not linked (rule 1)
    space = next(part for part in entries["a000-agreements-package"].parts
                 if part.fact.id == "a000-agreements-space")
    assert space.verdict == NOT_LINKED and "a004-documents-space" in [
        fact.id for fact in space.see_also]


def test_the_gas_discussion_holds_its_two_members(bundled) -> None:  # noqa: ANN001
    """«Детально обсуждены перспективы газового сотрудничества, в частности газоснабжение …,
    а также транзит в третьи страны» — «в частности» names members (round-9 reservation 7)."""
    entry = _tracked(bundled)["a004-gas-cooperation-prospects"]
    assert [part.fact.id for part in entry.parts] == [
        "a004-gas-supply-border-regions", "a004-gas-transit-third-countries"]
    page = markdown(build(bundled, MOSCOW), bundled)
    at = page.index("`a004-gas-cooperation-prospects`")
    assert page.index("  - Gas supply to the regions") > at


def test_the_branch_expansion_is_borne_out_by_mephi_and_gubkin_too(bundled) -> None:  # noqa
    """«договоренности по расширению сети филиалов … В этом направлении уже начата работа по
    созданию филиалов МИФИ в Алматы и университета имени Губкина в Атырау» (2022); both named
    among the open branches in 2025 (a002): later lists them beside MGIMO (reservation 1)."""
    entry = _tracked(bundled)["a000-expand-russian-university-branches"]
    assert entry.verdict == "in progress"  # open-ended: no end point (round 13b)
    assert {"a002-mgimo-astana-branch", "a004-mgimo-astana-branch", "a002-mephi-branch",
            "a002-gubkin-university-branch"} == {fact.id for fact in entry.later}


def test_the_peaceful_atom_work_shows_the_2025_nuclear_rows_beside_it(bundled) -> None:  # noqa
    """«работа с мирным атомом» (2022), the nuclear line as a whole, is linked since round 14
    to the 2025 Rosatom work «особо отмечена» — the same line told again at the field's level
    (change log Part 23): taken up again, never "still open"; the nuclear documents are new
    documents and stay unlinked."""
    entry = _tracked(bundled)["a003-peaceful-atom-joint-project"]
    assert entry.verdict == "taken up again"
    assert [fact.id for fact in entry.later] == ["a004-rosatom-cooperation"]
    assert "a003-peaceful-atom-joint-project" not in \
        bundled.facts["a004-documents-nuclear-energy"].follows


def test_a_row_of_four_areas_sits_under_several_areas(bundled) -> None:  # noqa: ANN001
    """«Договоренности … коснулись сфер транспорта, экономики, культуры, образования и
    спорта» is no transport row (round-9 brief point 4)."""
    overview = bundled.facts["a004-agreements-sectors-overview"]
    assert len(overview.sectors) == 5 and main_sector(overview) == "several"
    page = markdown(build(bundled, MOSCOW), bundled)
    reported = page.split("## Discussed and reported")[1]
    assert reported.index("### Several areas") < reported.index("`a004-agreements-sectors-"
                                                                 "overview`")
    assert reported.index("`a004-agreements-sectors-overview`") < \
        reported.index("### Transport")


def test_lines_dated_by_their_report_say_so_once(bundled) -> None:  # noqa: ANN001
    """Rubric 4: a row the article gives no day is dated as of its report; the page says so
    once (round-9 brief point 3), naming the report's day; a page with none says nothing."""
    page = markdown(build(bundled, MOSCOW), bundled)
    assert page.count("the fact's date is its article's date: 2025-11-12, article [2]") == 1
    sochi = markdown(build(bundled, "2022-08-sochi-talks"), bundled)
    assert "its article's date" not in sochi
    ru = markdown(build(bundled, MOSCOW), bundled, "ru")
    assert "дата факта — дата его статьи: 2025-11-12, статья [2]" in ru
