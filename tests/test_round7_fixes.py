"""What the round-7 fresh reading of `kzru track --explain` and the nine briefs found
(`docs/audits/2026-12-04-round7-track-briefs.md`), each fix held by a test whose expected values
come from the articles (quoted here) and the rubric, not from today's output."""

from __future__ import annotations

import pytest
from conftest import read_table

from kzru.brief import build
from kzru.render_brief import data, markdown
from kzru.store import bundled_data_dir, load

DATA = bundled_data_dir()
FACTS = {row["id"]: row for row in read_table(DATA, "facts")}


@pytest.fixture(scope="module")
def bundled():  # noqa: ANN201
    return load(DATA)


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
    строительства первой АЭС»: two rows of one sentence naming Rosatom, one line."""
    page = markdown(build(bundled, "2025-11-state-visit-moscow"), bundled)
    assert _line(page, "a004-rosatom-cooperation").startswith(
        "  - the same sentence is also recorded as")


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
                                    "**done** → `a002-mephi-branch` (2025-11-11)")
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
