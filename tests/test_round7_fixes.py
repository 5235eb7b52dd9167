"""What the round-7 fresh reading of `kzru track --explain` and the nine briefs found
(`docs/audits/2026-12-04-round7-track-briefs.md`), each fix held by a test whose expected values
come from the articles (quoted here) and the rubric, not from today's output."""

from __future__ import annotations

import pytest
from conftest import read_table

from kzru.brief import build
from kzru.brief_data import data
from kzru.render_brief import markdown
from kzru.store import bundled_data_dir, load

DATA = bundled_data_dir()
FACTS = {row["id"]: row for row in read_table(DATA, "facts")}


def _line(page: str, fact_id: str) -> str:
    return next(text for text in page.splitlines() if f"`{fact_id}`" in text)


# -- every brief: an inferred date says so where it is shown (rubric 4) -------------------------

@pytest.mark.parametrize(("event", "fact_id", "shown"), [
    # «В прошлом году … до рекордных $24 миллиардов», in a report of August 2022
    ("2022-08-sochi-talks", "a003-trade-turnover-2021", "(2021, inferred)"),
    # «В мае текущего года … «Аллея Вечной дружбы»», in an article of 12 November 2025
    ("2025-11-state-visit-moscow", "a004-alley-eternal-friendship-astana", "(2025-05, inferred)"),
    # «уже в сентябре», the year not given
    ("2024-11-state-visit-astana", "a001-kaznu-omsk-first-applicants-sept", "(2025-09, inferred)"),
])
def test_an_inferred_date_is_marked_on_its_line(bundled, event: str, fact_id: str,
                                                shown: str) -> None:
    assert FACTS[fact_id]["date_basis"] == "inferred"
    assert shown in _line(markdown(build(bundled, event), bundled), fact_id)


def test_a_stated_date_carries_no_mark(bundled) -> None:
    """«Также сегодня состоялись переговоры»: the article's own date, nothing inferred."""
    page = markdown(build(bundled, "2025-11-state-visit-moscow"), bundled)
    assert "inferred" not in _line(page, "a004-nine-russian-university-branches")


def test_an_inferred_date_is_marked_in_russian_too(bundled) -> None:
    page = markdown(build(bundled, "2022-08-sochi-talks"), bundled, "ru")
    assert "(2021, дата выведена)" in _line(page, "a003-trade-turnover-2021")


# -- the forum: rows of one sentence that share only their speaker are separate lines -----------

def test_rows_sharing_only_the_speakers_institute_are_not_folded(bundled) -> None:
    """«Планируется также проведение Молодежно-волонтерского форума, заседаний деловых советов
    и биржи контактов» — three side events; the contact exchange shares nothing with the
    business councils but the expert's institute (KazISS), which says who speaks."""
    page = markdown(build(bundled, "2025-11-xxi-interregional-forum"), bundled)
    for fact_id in ("a002-business-council-meetings", "a002-contact-exchange",
                    "a002-youth-volunteer-forum"):
        assert _line(page, fact_id).startswith("- "), fact_id
    assert "the same sentence is also recorded as" not in page


def test_the_rosatom_sentence_is_still_shown_once(bundled) -> None:
    """«Особо отмечена плодотворная работа с компанией «Росатом», в том числе по проекту
    строительства первой АЭС»: the NPP project is a part of the Rosatom work (round 8), so
    the sentence is one item, the project one line under it."""
    page = markdown(build(bundled, "2025-11-state-visit-moscow"), bundled)
    assert _line(page, "a004-rosatom-cooperation").startswith("- ")
    assert _line(page, "a004-first-npp-kazakhstan").startswith("  - ")
    # one item (its citation, then its id); elsewhere the id is only named as what bore out
    # the preview's nuclear forecast (round 13b)
    assert page.count("] `a004-rosatom-cooperation`") == 1


# -- "New since the last meeting": as of this meeting, later news apart ---------------------------

def test_new_since_judges_the_last_meetings_commitments_as_of_this_meeting(bundled) -> None:
    """SPIEF, June 2022: the February branches are reported open only in November 2025
    (a002 «открыты филиалы … МИФИ», a004): not news by June 2022, so not "done" there, but
    said as what later articles report."""
    brief = build(bundled, "2022-06-spief-meeting")
    page = markdown(brief, bundled)
    block = page.split("What became of its commitments by this meeting")[1].split("\n## ")[0]
    lines = block.splitlines()
    at = next(i for i, text in enumerate(lines) if "`a000-mephi-almaty-branch`" in text)
    assert lines[at].startswith("  - **no report by this meeting**")
    assert "a002-mephi-branch" not in lines[at]
    assert lines[at + 1].startswith("    - later, as of the newest article in this table: "
                                    "**done** → `a002-mephi-branch` (reported as of 2025-11-11)")
    assert "**done**:" not in block
    commitments = {c["id"]: c for c in data(brief)["new"]["previous_commitments"]}
    assert commitments["a000-mephi-almaty-branch"]["verdict"] == "no later report"
    assert commitments["a000-mephi-almaty-branch"]["later"] == []
    assert commitments["a000-mephi-almaty-branch"]["verdict_now"] == "done"


def test_new_since_keeps_what_this_meetings_own_report_says(bundled) -> None:
    """Moscow 2025: the checkpoints restated at this very visit («Подчеркнули важность …
    пунктов пропуска», a004, published on its last day) count by this meeting."""
    brief = build(bundled, "2025-11-state-visit-moscow")
    outcomes = {entry.fact.id: entry for entry in brief.novelty.outcomes}
    assert outcomes["a001-agreed-transport-infrastructure"].verdict == "reaffirmed — still open"
    assert brief.novelty.since == {}
    assert "later, as of the newest article" not in markdown(brief, bundled)


# -- the Moscow preview against its outcome ---------------------------------------------------

def _checks(bundled) -> dict:  # noqa: ANN001
    return {check.item.fact.id: check for check in build(bundled,
                                                          "2025-11-state-visit-moscow").checks}


def test_a_forecast_of_three_fields_is_partly_borne_out(bundled) -> None:
    """a002: «Главный акцент … будет сделан на расширении промышленной, научно-технической и
    транспортно-логистической кооперации»; a004 agrees on the corridors («Договорились
    последовательно расширять возможности транспортных коридоров») and says nothing of
    industrial or scientific-technical cooperation: borne out in one field of three."""
    parts = {row["id"]: row for row in FACTS.values()
             if row["part_of"] == "a002-expected-focus-industrial-cooperation"}
    assert {row["sectors"] for row in parts.values()} == {"industry", "education", "transport"}
    check = _checks(bundled)["a002-expected-focus-industrial-cooperation"]
    assert check.tracked.verdict == "partly borne out"
    by_part = {part.fact.id: part for part in check.tracked.parts}
    assert by_part["a002-expected-focus-transport-logistics"].verdict == "borne out"
    assert [f.id for f in by_part["a002-expected-focus-transport-logistics"].later] == [
        "a004-transport-corridors-expansion"]
    assert by_part["a002-expected-focus-industrial"].verdict == "not named"
    page = markdown(build(bundled, "2025-11-state-visit-moscow"), bundled)
    lines = page.splitlines()
    at = next(i for i, text in enumerate(lines)
              if "`a002-expected-focus-industrial-cooperation`" in text)
    assert lines[at].startswith("- **partly borne out** — ")
    # a field the report does not name (round 9: "not mentioned" was too strong beside the
    # signed documents on space and nuclear energy), the visit's documents beside it
    assert lines[at + 1].startswith("  - **not named in the visit's report** — Industrial")
    assert "not linked to it" in lines[at + 1] and \
        "`a004-innovation-documents-package` [2]" in lines[at + 1]
    assert lines[at + 3].startswith("  - **borne out** — Transport-logistics") and \
        "→ `a004-transport-corridors-expansion` [2]" in lines[at + 3]
    ru = markdown(build(bundled, "2025-11-state-visit-moscow"), bundled, "ru")
    assert "- **подтвердилось частично** — " in ru


def test_partly_borne_out_needs_a_field_left_out(bundled, tmp_path) -> None:  # noqa: ANN001
    """The rule, on a copy: when the report bears out every field, the forecast is borne
    out; when it bears out none, it is not."""
    import shutil

    from kzru.follow import track

    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    path = copy / "facts.csv"
    text = path.read_text(encoding="utf-8")
    every = "a002-expected-focus-transport-logistics; a002-expected-focus-industrial; " \
        "a002-expected-focus-scientific-technical"
    path.write_text(text.replace("; a002-expected-focus-transport-logistics,",
                                 f"; {every},"), encoding="utf-8")
    entry = next(e for e in track(load(copy))
                 if e.fact.id == "a002-expected-focus-industrial-cooperation")
    assert entry.verdict == "borne out"
    path.write_text(text.replace("; a002-expected-focus-transport-logistics,", ","),
                    encoding="utf-8")
    entry = next(e for e in track(load(copy))
                 if e.fact.id == "a002-expected-focus-industrial-cooperation")
    assert entry.verdict == "not named"


def test_the_eastern_branch_is_not_taken_up_as_such(bundled) -> None:
    """a002: «участвуют в развитии … коридора «Север – Юг», включая его восточную ветку,
    которая позволит соединить рынки … с портами Ирана, Индии и государств залива»; a004
    agrees to expand the North–South corridor and names neither the branch nor the ports."""
    check = _checks(bundled)["a002-eastern-branch-links-iran-india-gulf"]
    assert check.shown == "not taken up as such"
    assert check.see.id == "a004-north-south-corridor"
    assert check.via.id == "a002-north-south-corridor"
    line = _line(markdown(build(bundled, "2025-11-state-visit-moscow"), bundled),
                 "a002-eastern-branch-links-iran-india-gulf")
    assert line.startswith("- **not taken up as such in the visit's report** — ")
    assert line.endswith("`a002-north-south-corridor` → `a004-north-south-corridor` [2]")


def test_the_grain_clusters_stand_with_their_agricultural_neighbours(bundled) -> None:
    """«Особое внимание уделяется формированию кластеров по глубокой переработке зерна»
    (present tense, «уделя» an ongoing cue): the preview's agricultural background, which
    a004 — no word on agriculture — does not take up, as its neighbours of the passage."""
    assert FACTS["a002-grain-deep-processing-clusters"]["status"] == "ongoing"
    checks = _checks(bundled)
    assert {checks[i].shown for i in ("a002-grain-deep-processing-clusters",
                                      "a002-agritech-startups",
                                      "a002-joint-food-chains-central-asia")} == {
        "not taken up at the visit"}
    page = markdown(build(bundled, "2025-11-state-visit-moscow"), bundled)
    preview = page.split("## Also in the preview")[1].split("\n## ")[0]
    assert "a002-grain-deep-processing-clusters" not in preview
    # the energy background is taken up only as its sector: gas and electricity discussed
    assert checks["a002-gas-power-generation-projects"].shown == "not taken up as such"


# -- Astana 2024: the September intake is part of the visit's report ----------------------------

def test_the_kaznu_intake_is_a_plan_of_the_visit(bundled) -> None:
    """«В этот день главы стран официально открыли филиал КазНУ в Омске … Университет начнёт
    принимать первых абитуриентов уже в сентябре»: said at the opening, in the visit's report."""
    assert FACTS["a001-kaznu-omsk-first-applicants-sept"]["event"] == \
        "2024-11-state-visit-astana"
    page = markdown(build(bundled, "2024-11-state-visit-astana"), bundled)
    planned = page.split("## Planned")[1].split("\n## ")[0]
    assert "- The KazNU branch in Omsk is to start admitting its first applicants as early " \
           "as September. (2025-09, inferred) [1] `a001-kaznu-omsk-first-applicants-sept`" \
        in planned
    assert "a001-kaznu-omsk-first-applicants-sept" not in page.split("## Reported alongside")[-1]


# -- XXI forum: a background fact told inside the forum's passage is beside it ------------------

def test_the_year_of_working_professions_is_beside_the_forum(bundled) -> None:
    """a002, in the forum's passage: «Его тема – «Рабочие профессии – драйвер роста экономики»
    … Эта тема также тесно связана с приоритетами внутренней политики Казахстана – 2025-й …
    проходит под знаком Года рабочих профессий» — background (no event), told inside it."""
    assert FACTS["a002-year-of-working-professions-2025"]["event"] == ""
    page = markdown(build(bundled, "2025-11-xxi-interregional-forum"), bundled)
    alongside = page.split("## Reported alongside")[1].split("\n## ")[0]
    assert "`a002-year-of-working-professions-2025`" in alongside
    # only what the passage holds: the branches listed after the forum's passage stay out
    assert "a002-mephi-branch" not in page and "a002-afghanistan-transit" not in page


def test_a_report_of_the_event_itself_keeps_all_its_background(bundled) -> None:
    """Sochi 2022 (a003 is its report): «В прошлом году … $24 миллиардов» is beside it."""
    page = markdown(build(bundled, "2022-08-sochi-talks"), bundled)
    assert "`a003-trade-turnover-2021`" in page.split("## Reported alongside")[1]


# -- track says what the brief says of the preview's background ------------------------------

@pytest.fixture(scope="module")
def tracked(bundled):  # noqa: ANN001, ANN201
    from kzru.follow import track

    return {entry.fact.id: entry for entry in track(bundled)}


def test_track_says_the_eastern_branch_is_not_taken_up_as_such(tracked) -> None:
    """The same rule as the brief's: the report agrees on the North–South corridor
    («расширять возможности транспортных коридоров Север — Юг»), not the branch's ports."""
    entry = tracked["a002-eastern-branch-links-iran-india-gulf"]
    assert entry.verdict == "not taken up as such"
    assert [fact.id for fact in entry.see_also] == ["a004-north-south-corridor"]
    assert entry.later == [] and entry.decisive is None  # no curated link: not progress
    assert "a002-north-south-corridor" in str(entry.reason)


def test_track_holds_the_previews_background_work_against_the_report(tracked) -> None:
    """Ongoing work of the preview's background, as the brief holds it: the energy projects
    («В энергетическом блоке сохраняется фокус на реализацию совместных проектов по газовой и
    электрогенерации») meet a report that discusses gas and electricity, not the projects;
    the grain clusters meet a report with no word on agriculture."""
    assert tracked["a002-gas-power-generation-projects"].verdict == "not taken up as such"
    # ... but work that names a thing of its own the report never names (the GRES-2,
    # «модернизацию Экибастузской ГРЭС-2») is not taken up at all (round 8)
    # (a part of the energy projects since round 8: «…включая строительство новых ТЭЦ и
    # модернизацию Экибастузской ГРЭС-2»)
    parts = {part.fact.id: part for part in tracked["a002-gas-power-generation-projects"].parts}
    assert parts["a002-ekibastuz-gres2-modernisation"].verdict == "not taken up at the visit"
    assert tracked["a002-grain-deep-processing-clusters"].verdict == "not taken up at the visit"
    # work the report does take up keeps its verdict: the corridor, work reported as going
    # on and agreed on again, is taken up again (round 14)
    assert tracked["a002-north-south-corridor"].verdict == "taken up again"
    # a forecast of the preview for no event, with nothing around it: not taken up at all
    assert tracked["a002-afghanistan-transit-south-asia"].verdict == "not taken up at the visit"
