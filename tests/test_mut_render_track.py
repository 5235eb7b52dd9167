"""track's terminal blocks, read in-process (kzru.render_track), by the layout the README and
the module promise: a summary line; then, after a blank line, one block per item — a head line
(date at its precision, status, verdict), the text indented, the id on its own line, the later
reports (``→ date status id``), the parts (``· id`` and the part's verdict, its own later
reports and candidates deeper in), the see-also candidates (``? date status id``) under the
header that says what they are, and with --explain the reason. Later reports stay inside their
block at any width and an id is never broken: a line that does not fit puts the id on a line of
its own. The machine row carries the same item field by field.

Each item here is built from a fact of the bundled table with the fields the case needs set by
the test, so that every expected line is worked out from those values and the rule. The last
tests run ``kzru track`` in-process with stdout taken for a terminal of a fixed width and hold
each block against the same items' JSON.
"""

from __future__ import annotations

import io
import json
import re
import sys
from datetime import date

import pytest

from kzru import follow, store
from kzru.follow import Tracked
from kzru.render_track import blocks, reason_of, row, summary_line, why
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
TEMPLATE = next(iter(store.load(DATA).facts.values()))


def fact(fact_id: str, day: str = "2025-11-12", precision: str = "day", status: str = "agreed",
         summary: str = "Both sides agreed on it.", text: str = "Стороны договорились.") -> object:
    """A fact with the fields the block shows set here (the rest from the table's first fact)."""
    return TEMPLATE._replace(id=fact_id, date=date.fromisoformat(day), date_precision=precision,
                             status=status, summary=summary, text=text, part_of="")


def item(subject: object, verdict: str = follow.NO_REPORT, **rest: object) -> Tracked:
    return Tracked(subject, rest.pop("later", []), verdict, rest.pop("reason", "a reason"),
                   **rest)


def console(width: int | None, color: bool = False):  # noqa: ANN201
    from rich.console import Console

    return Console(file=io.StringIO(), width=width or 1000, force_terminal=color,
                   color_system="truecolor" if color else None, highlight=False, markup=False,
                   emoji=False, soft_wrap=True)


def drawn(entries: list[Tracked], width: int | None = 100, lang: str = "en",
          explain: bool = False) -> list[str]:
    """The lines track prints for ``entries`` at ``width`` columns (None: a pipe's no wrap)."""
    return [line.plain for line in blocks(entries, width, lang, explain, console(width))]


def greedy(text: str, room: int) -> list[str]:
    """Words filled into lines of at most ``room`` characters, one space between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


# --- one block, line by line ------------------------------------------------------------

def test_a_block_is_head_text_and_id_after_the_summary_and_a_blank_line() -> None:
    one = item(fact("x-agreed", status="agreed", summary="Both sides agreed on it."))
    assert drawn([one]) == [
        "1 tracked — no later report 1",
        "",
        "2025-11-12  agreed  no later report",
        "  Both sides agreed on it.",
        "  x-agreed",
    ]


def test_each_item_is_its_own_block_after_a_blank_line_in_the_given_order() -> None:
    first = item(fact("x-first", day="2024-05-02", status="planned", summary="First one."),
                 follow.DONE)
    second = item(fact("x-second", day="2023-01-09", status="proposed", summary="Second one."),
                  follow.LATEST)
    assert drawn([first, second]) == [
        "2 tracked — done 1, latest report 1",
        "",
        "2024-05-02  planned  done",
        "  First one.",
        "  x-first",
        "",
        "2023-01-09  proposed  latest report",
        "  Second one.",
        "  x-second",
    ]


@pytest.mark.parametrize(("precision", "shown"), [("day", "2025-11-12"), ("month", "2025-11"),
                                                  ("year", "2025")])
def test_every_date_in_a_block_is_shown_at_its_precision(precision: str, shown: str) -> None:
    later = fact("x-later", precision=precision, status="signed")
    candidate = fact("x-maybe", precision=precision, status="reported")
    part = fact("x-part", precision=precision)
    parent = item(fact("x-parent", precision=precision), follow.DONE, later=[later],
                  parts=(item(part, follow.IN_PROGRESS, later=[later]),),
                  see_also=(candidate,))
    lines = drawn([parent])
    assert lines[2] == f"{shown}  agreed  done"
    assert f"  → {shown} signed x-later" in lines
    assert f"      → {shown} signed x-later" in lines
    assert f"  ? {shown} reported x-maybe" in lines
    assert not any("2025-11-12" in line for line in lines) or precision == "day"


def test_what_the_status_column_says_for_a_discussed_item_a_document_and_a_commentator() -> None:
    discussed = item(fact("x-talk", status="reported"), follow.LATEST, role=follow.DISCUSSED)
    document = item(fact("x-doc", status="signed"), follow.LATEST, role=follow.DOCUMENT)
    view = item(fact("x-view", status="expected"), follow.NOT_MENTIONED,
                voice=follow.COMMENTATOR)
    both = item(fact("x-both", status="reported"), follow.LATEST, role=follow.DISCUSSED,
                voice=follow.COMMENTATOR)
    heads = [drawn([entry])[2] for entry in (discussed, document, view, both)]
    assert heads == ["2025-11-12  discussed  latest report",
                     "2025-11-12  signed document  latest report",
                     "2025-11-12  expected · commentator  not mentioned",
                     "2025-11-12  discussed · commentator  latest report"]
    ru = [drawn([entry], lang="ru")[2] for entry in (discussed, document, view)]
    assert ru == ["2025-11-12  обсуждалось  последнее сообщение",
                  "2025-11-12  подписано (документ)  последнее сообщение",
                  "2025-11-12  ожидается · мнение комментатора  не упомянуто"]


def test_later_reports_follow_the_id_in_the_order_given_each_with_date_and_status() -> None:
    earlier = fact("x-step-one", day="2025-02-01", status="ongoing")
    latest = fact("x-step-two", day="2025-09-30", precision="month", status="done")
    entry = item(fact("x-plan", day="2024-11-27", status="planned", summary="A plan."),
                 follow.DONE, later=[earlier, latest])
    assert drawn([entry])[2:] == [
        "2024-11-27  planned  done",
        "  A plan.",
        "  x-plan",
        "  → 2025-02-01 ongoing x-step-one",
        "  → 2025-09 done x-step-two",
    ]


def test_a_later_report_that_does_not_fit_puts_its_id_on_a_line_of_its_own() -> None:
    later = fact("x-a-rather-long-identifier-of-a-later-report", status="signed")
    entry = item(fact("x-short", summary="Short."), follow.DONE, later=[later])
    whole = f"  → 2025-11-12 signed {later.id}"
    # exactly as wide as the line: it fits, on one line
    assert whole in drawn([entry], width=len(whole))
    # one column narrower: the head, then the id whole, two spaces further in
    lines = drawn([entry], width=len(whole) - 1)
    at = lines.index("  → 2025-11-12 signed")
    assert lines[at + 1] == f"    {later.id}"
    assert whole not in lines


def test_a_part_shows_its_id_its_verdict_and_its_own_reports_deeper_in() -> None:
    report = fact("x-part-report", day="2025-12-01", status="done")
    maybe = fact("x-part-maybe", day="2026-01-15", status="reported")
    done_part = item(fact("x-part-done"), follow.DONE, later=[report])
    open_part = item(fact("x-part-open"), follow.NO_REPORT, see_also=(maybe,))
    parent_report = fact("x-parent-report", day="2025-11-20", status="signed")
    parent = item(fact("x-parent", status="agreed", summary="Two things."), follow.DONE,
                  later=[parent_report], parts=(done_part, open_part))
    assert drawn([parent])[2:] == [
        "2025-11-12  agreed  done",
        "  Two things.",
        "  x-parent",
        "  → 2025-11-20 signed x-parent-report",
        "  · x-part-done",
        "      done",
        "      → 2025-12-01 done x-part-report",
        "  · x-part-open",
        "      no later report",
        "      see also, unconfirmed (not linked by the curators):",
        "      ? 2026-01-15 reported x-part-maybe",
    ]


def test_a_parts_report_that_does_not_fit_keeps_its_id_whole_under_the_part() -> None:
    report = fact("x-a-long-identifier-for-the-parts-own-report", status="done")
    parent = item(fact("x-parent", summary="Parent."), follow.DONE,
                  parts=(item(fact("x-part"), follow.DONE, later=[report]),))
    whole = f"      → 2025-11-12 done {report.id}"
    assert whole in drawn([parent], width=len(whole))
    lines = drawn([parent], width=len(whole) - 1)
    at = lines.index("      → 2025-11-12 done")
    assert lines[at + 1] == f"        {report.id}"


def test_see_also_says_unconfirmed_beside_no_later_report_and_around_beside_not_as_such() \
        -> None:
    first = fact("x-maybe-one", day="2026-02-03", status="agreed")
    second = fact("x-maybe-two", day="2026-01-01", precision="year", status="reported")
    lonely = item(fact("x-lonely", summary="Alone."), follow.NO_REPORT, see_also=(first, second))
    assert drawn([lonely])[5:] == [
        "  see also, unconfirmed (not linked by the curators):",
        "  ? 2026-02-03 agreed x-maybe-one",
        "  ? 2026 reported x-maybe-two",
    ]
    around = item(fact("x-background", status="ongoing", summary="Work."), follow.NOT_AS_SUCH,
                  see_also=(first,))
    assert drawn([around])[5:] == [
        "  see also, the report's rows around it (not its progress):",
        "  ? 2026-02-03 agreed x-maybe-one",
    ]
    part = item(fact("x-part"), follow.NOT_AS_SUCH, see_also=(first,))
    parent = item(fact("x-parent"), follow.NOT_AS_SUCH, parts=(part,))
    assert "      see also, the report's rows around it (not its progress):" in drawn([parent])
    # no candidates: no header at all
    assert not any("see also" in line for line in drawn([item(fact("x-none"))]))


def test_a_candidate_that_does_not_fit_keeps_its_id_whole() -> None:
    candidate = fact("x-a-long-identifier-of-an-unconfirmed-candidate", status="reported")
    entry = item(fact("x-open", summary="Open."), see_also=(candidate,))
    whole = f"  ? 2025-11-12 reported {candidate.id}"
    assert whole in drawn([entry], width=len(whole))
    lines = drawn([entry], width=len(whole) - 1)
    at = lines.index("  ? 2025-11-12 reported")
    assert lines[at + 1] == f"    {candidate.id}"


def test_the_text_wraps_under_its_indent_and_a_pipe_gets_it_on_one_line() -> None:
    summary = ("The sides agreed to extend the joint programme of technical education for "
               "another five years and to open two new branches in the regions.")
    entry = item(fact("x-long", summary=summary), follow.NO_REPORT)
    for width in (40, 60, 80):
        lines = drawn([entry], width=width)
        body = lines[3:lines.index("  x-long")]
        assert body == ["  " + line for line in greedy(summary, width - 2)], width
        assert all(len(line) <= width for line in lines)
    # no width (a pipe, or --fields off): nothing is wrapped
    assert drawn([entry], width=None)[3] == f"  {summary}"


def test_the_head_wraps_at_the_width_and_no_line_ends_in_a_space() -> None:
    entry = item(fact("x-head", status="ongoing", summary="Work."), follow.NOT_AS_SUCH)
    head = "2025-11-12  ongoing  not taken up as such"
    assert drawn([entry], width=len(head))[2] == head
    narrow = drawn([entry], width=len(head) - 1)
    # words stay whole: the last word moves to the next line, the space before it not kept
    assert narrow[2:4] == ["2025-11-12  ongoing  not taken up as", "such"]
    twenty = drawn([entry], width=20)
    at = twenty.index("2025-11-12  ongoing")
    assert twenty[at:at + 3] == ["2025-11-12  ongoing", "not taken up as such", "  Work."]
    for width in (20, 30, len(head) - 1, 60, None):
        assert all(line == line.rstrip() for line in drawn([entry], width=width)), width


def test_the_summary_line_counts_each_verdict_strongest_first_and_skips_absent_ones() -> None:
    verdicts = [follow.NO_REPORT, follow.LATEST, follow.DONE, follow.NO_REPORT,
                follow.NOT_AS_SUCH, follow.PARTLY_BORNE_OUT, follow.REAFFIRMED]
    entries = [item(fact(f"x-{n}"), verdict) for n, verdict in enumerate(verdicts)]
    assert summary_line(entries) == (
        "7 tracked — done 1, partly borne out 1, reaffirmed — still open 1, "
        "not taken up as such 1, latest report 1, no later report 2")
    assert drawn(entries, width=None)[0] == summary_line(entries)
    assert summary_line(entries, "ru") == (
        "отслеживается 7 — выполнено 1, подтвердилось частично 1, "
        "подтверждено снова — не завершено 1, в таком виде не затронуто 1, "
        "последнее сообщение 1, более поздних сообщений нет 2")
    # the summary wraps like any text, never wider than the screen
    assert drawn(entries, width=30)[:3] == greedy(summary_line(entries), 30)[:3]


def test_russian_blocks_show_the_russian_text_and_words() -> None:
    later = fact("x-done-later", day="2025-12-01", status="done")
    entry = item(fact("x-ru", status="agreed", summary="English summary.",
                      text="Русский текст факта."), follow.DONE, later=[later])
    assert drawn([entry], lang="ru") == [
        "отслеживается 1 — выполнено 1",
        "",
        "2025-11-12  договорились  выполнено",
        "  Русский текст факта.",
        "  x-ru",
        "  → 2025-12-01 состоялось x-done-later",
    ]


def test_russian_parts_and_candidates_are_said_in_russian_too() -> None:
    report = fact("x-part-report", day="2025-12-01", status="signed")
    maybe = fact("x-part-maybe", day="2026-01-15", status="agreed")
    other = fact("x-other-maybe", day="2026-02-01", status="reported")
    part = item(fact("x-part"), follow.REAFFIRMED, later=[report], see_also=(maybe,))
    parent = item(fact("x-parent", text="Родитель."), follow.NO_REPORT, parts=(part,),
                  see_also=(other,))
    assert drawn([parent], lang="ru")[2:] == [
        "2025-11-12  договорились  более поздних сообщений нет",
        "  Родитель.",
        "  x-parent",
        "  · x-part",
        "      подтверждено снова — не завершено",
        "      → 2025-12-01 подписано x-part-report",
        "      см. также, не подтверждено (кураторы не связали):",
        "      ? 2026-01-15 договорились x-part-maybe",
        "  см. также, не подтверждено (кураторы не связали):",
        "  ? 2026-02-01 сообщается x-other-maybe",
    ]
    around = item(fact("x-around", text="Фон."), follow.NOT_AS_SUCH, see_also=(other,))
    assert "  см. также — строки отчёта рядом с этим (не продвижение):" in \
        drawn([around], lang="ru")


def test_a_parts_verdict_and_candidates_fit_the_width_under_the_part() -> None:
    maybe = fact("x-a-long-identifier-of-a-parts-candidate", status="reported")
    part = item(fact("x-part"), follow.REAFFIRMED, see_also=(maybe,))
    parent = item(fact("x-parent", summary="Parent."), follow.REAFFIRMED, parts=(part,))
    lines = drawn([parent], width=20)
    at = lines.index("  · x-part")
    # "reaffirmed — still open" is 23 characters: wrapped in the 14 left after the indent
    assert lines[at + 1:at + 3] == ["      reaffirmed —", "      still open"]
    # the see-also header wraps under the part like its verdict, each line within the width
    header = lines[at + 3:lines.index("      ? 2025-11-12 reported")]
    assert header[0] == "      see also," and all(line.startswith("      ") for line in header)
    assert " ".join(line.strip() for line in header) == \
        "see also, unconfirmed (not linked by the curators):"
    assert all(len(line) <= 20 for line in header)
    assert "        " + maybe.id in lines  # whole, on a line of its own, two further in
    assert lines[lines.index("        " + maybe.id) - 1] == "      ? 2025-11-12 reported"
    whole = f"      ? 2025-11-12 reported {maybe.id}"
    assert whole in drawn([parent], width=len(whole))
    assert whole not in drawn([parent], width=len(whole) - 1)


def test_a_parts_later_report_has_its_id_in_cyan() -> None:
    report = fact("x-part-report", day="2025-12-01", status="done")
    parent = item(fact("x-parent", summary="Parent."), follow.DONE,
                  parts=(item(fact("x-part"), follow.DONE, later=[report]),))
    lines = styled([parent])
    assert "      → 2025-12-01 done x-part-report" in [line.plain for line in lines]
    assert style_of(lines, "x-part-report") == "cyan"
    assert style_of(lines, "→ 2025-12-01 done") == "none"


# --- --explain ------------------------------------------------------------------------------

def test_explain_adds_the_reason_and_the_deciding_words_last() -> None:
    later = fact("x-signed", day="2025-12-01", status="signed")
    entry = item(fact("x-plan", summary="Plan."), follow.DONE, later=[later],
                 reason="x-signed reports it signed", decisive=later, words="подписали")
    lines = drawn([entry], explain=True)
    assert lines[-1] == "  why: x-signed reports it signed; the words: «подписали»"
    assert lines[-2] == "  → 2025-12-01 signed x-signed"
    assert not any(line.startswith("  why") for line in drawn([entry]))  # only with --explain
    plain = item(fact("x-quiet", summary="Quiet."), follow.NO_REPORT,
                 reason="nothing later in this table reports on it")
    assert drawn([plain], explain=True)[-1] == \
        "  why: nothing later in this table reports on it"
    assert drawn([entry], lang="ru", explain=True)[-1] == \
        "  почему: x-signed reports it signed; решили слова: «подписали»"


def test_explain_beside_no_later_report_with_candidates_says_what_see_also_is() -> None:
    candidate = fact("x-maybe", day="2026-01-01", status="reported")
    reason = "nothing later in this table reports on it"
    lonely = item(fact("x-open", summary="Open."), follow.NO_REPORT, reason=reason,
                  see_also=(candidate,))
    # round 9: the reason names the candidate and says why it is not linked, never that
    # nothing later reports on the item (a later row may well name it)
    # "not linked" reads right for one row or many (round 12: "but are not linked")
    said = ("no later fact in this table is linked to it as its progress; "
            f"x-maybe ({candidate.source}, 2026-01-01, reported) may report on it (see also), "
            "not linked: curators link only where careful readers agree the later "
            "fact reports on this very item (RUBRIC-follows, which lists the pairs considered "
            "and left out, with the rule)")
    assert why(lonely, "en") == f"why: {said}"
    assert str(reason_of(lonely)) == said
    assert drawn([lonely], width=None, explain=True)[-1] == f"  why: {said}"
    # wrapped under its indent at a terminal
    assert drawn([lonely], width=50, explain=True)[-len(greedy(f"why: {said}", 48)):] == \
        ["  " + line for line in greedy(f"why: {said}", 48)]
    # the see-also clause belongs to "no later report" with candidates only
    assert reason_of(lonely._replace(see_also=())) == reason
    around = lonely._replace(verdict=follow.NOT_AS_SUCH)
    assert reason_of(around) == reason and why(around, "en") == f"why: {reason}"


# --- the machine row ------------------------------------------------------------------------

def test_the_row_carries_the_item_field_by_field() -> None:
    later = fact("x-signed", day="2025-12-01", status="signed")
    maybe = fact("x-maybe", day="2026-01-01", status="reported")
    part = item(fact("x-part"), follow.NO_REPORT)
    subject = fact("x-plan", day="2025-05-01", precision="month", status="planned",
                   summary="Plan.", text="План.")
    entry = item(subject, follow.DONE, later=[later], parts=(part,), see_also=(maybe,),
                 role=follow.DOCUMENT, voice=follow.COMMENTATOR, decisive=later,
                 words="подписали", reason="x-signed reports it signed")
    english = row(entry, "en")
    assert list(english) == ["id", "date", "date_precision", "status", "role", "voice", "event",
                             "source", "summary", "text", "kind", "sectors", "verdict", "later",
                             "parts", "see_also", "decided_by", "words", "reason"]
    assert english == {
        "id": "x-plan", "date": date(2025, 5, 1), "date_precision": "month",
        "status": "planned", "role": follow.DOCUMENT, "voice": follow.COMMENTATOR,
        "event": TEMPLATE.event, "source": TEMPLATE.source, "summary": "Plan.",
        "text": "План.", "kind": TEMPLATE.kind, "sectors": list(TEMPLATE.sectors),
        "verdict": "done", "later": ["x-signed"], "parts": ["x-part: no later report"],
        "see_also": ["x-maybe"], "decided_by": "x-signed", "words": "подписали",
        "reason": "x-signed reports it signed"}
    russian = row(entry, "ru")
    assert russian["summary"] == "План." and russian["verdict"] == "done"  # a machine value
    assert row(entry._replace(decisive=None), "en")["decided_by"] == ""


def test_the_rows_reason_is_said_in_the_readers_language() -> None:
    candidate = fact("x-maybe", day="2026-01-01", status="reported")
    from kzru.labels import Said

    reason = Said("track.why.no_report")
    entry = item(fact("x-open"), follow.NO_REPORT, reason=reason, see_also=(candidate,))
    assert row(entry, "ru")["reason"] == (
        "ни один более поздний факт в таблице не связан с этим как его продвижение; "
        f"x-maybe ({candidate.source}, 2026-01-01, сообщается), возможно, сообщают об этом "
        "(см. также), но не связаны: кураторы связывают, только когда внимательные читатели "
        "согласны, что более поздний факт сообщает именно об этом (RUBRIC-follows, где "
        "перечислены рассмотренные и не связанные пары с правилом)")
    assert row(entry, "en")["reason"].startswith(
        "no later fact in this table is linked to it as its progress; x-maybe (")


# --- styles at a colour terminal ------------------------------------------------------------

def styled(entries: list[Tracked], width: int = 100, explain: bool = False) -> list[object]:
    return blocks(entries, width, "en", explain, console(width, color=True))


def style_of(lines: list[object], fragment: str) -> str:
    """The style rich gives the first character of ``fragment`` after its leading spaces (in
    the first line that holds the fragment)."""
    where = console(100, color=True)
    line = next(line for line in lines if fragment in line.plain)
    skip = len(fragment) - len(fragment.lstrip())
    return str(line.get_style_at_offset(where, line.plain.index(fragment) + skip))


def test_ids_are_cyan_candidates_dim_and_a_verdict_coloured_by_what_it_says() -> None:
    later = fact("x-signed", status="signed")
    maybe = fact("x-maybe", status="reported")
    parts = (item(fact("x-part-done"), follow.DONE), item(fact("x-part-open"), follow.NO_REPORT))
    entry = item(fact("x-plan", summary="Plan."), follow.DONE, later=[later], parts=parts,
                 see_also=(maybe,))
    lines = styled([entry], explain=True)
    assert style_of(lines, "x-plan") == "cyan"
    assert style_of(lines, "x-signed") == "cyan" and style_of(lines, "x-part-done") == "cyan"
    assert style_of(lines, "x-maybe") == "dim"
    assert style_of(lines, "see also") == "dim" and style_of(lines, "why:") == "dim"
    assert style_of(lines, "2025-11-12  agreed") == "bold"
    assert style_of(lines, "agreed  done") == "bold dim"  # the head is bold throughout
    assert style_of(lines, "1 tracked") == "dim"
    head = next(line for line in lines if line.plain.startswith("2025-11-12  agreed"))
    assert str(head.get_style_at_offset(console(100), len(head.plain) - 1)) == "bold green"
    assert style_of(lines, "Plan.") == "none"  # the text is plain
    # a part's verdict: its colour, or dim when the verdict has none
    assert style_of(lines, "      done") == "bold green"
    assert style_of(lines, "      no later report") == "dim"


def test_the_commentator_mark_is_dim_in_the_bold_head() -> None:
    lines = styled([item(fact("x-view", status="expected"), follow.NOT_MENTIONED,
                         voice=follow.COMMENTATOR)])
    assert style_of(lines, "· commentator") == "bold dim"
    assert style_of(lines, "expected") == "bold dim"


def test_an_id_on_a_line_of_its_own_keeps_its_colour() -> None:
    later = fact("x-a-rather-long-identifier-of-a-later-report", status="signed")
    maybe = fact("x-a-rather-long-identifier-of-a-candidate-fact", status="reported")
    entry = item(fact("x-open", summary="Open."), follow.DONE, later=[later], see_also=(maybe,))
    lines = styled([entry], width=30)
    assert [line.plain for line in lines if line.plain.strip() in (later.id, maybe.id)] == \
        [f"    {later.id}", f"    {maybe.id}"]
    assert style_of(lines, f"    {later.id}") == "cyan"
    assert style_of(lines, f"    {maybe.id}") == "dim"


def test_a_part_whose_id_does_not_fit_beside_its_dot_has_it_on_a_line_of_its_own() -> None:
    part = item(fact("x-a-long-identifier-of-one-part-of-the-item"), follow.DONE)
    parent = item(fact("x-parent", summary="Parent."), follow.DONE, parts=(part,))
    whole = f"  · {part.fact.id}"
    assert whole in drawn([parent], width=len(whole))
    lines = drawn([parent], width=len(whole) - 1)
    at = lines.index("  ·")
    assert lines[at:at + 3] == ["  ·", f"    {part.fact.id}", "      done"]
    assert style_of(styled([parent], width=len(whole) - 1), f"    {part.fact.id}") == "cyan"


@pytest.mark.parametrize(("verdict", "colour"), [
    (follow.DONE, "bold green"), (follow.IN_PROGRESS, "bold yellow"),
    (follow.BORNE_OUT, "bold green"), (follow.PARTLY_BORNE_OUT, "bold yellow"),
    (follow.REAFFIRMED, "bold cyan"), (follow.NOT_MENTIONED, "bold magenta"),
    (follow.NOT_NAMED, "bold magenta"),
    (follow.NOT_AS_SUCH, "magenta"), (follow.NOT_TAKEN_UP, "magenta"),
    (follow.LATEST, ""), (follow.NO_REPORT, "")])
def test_each_verdict_has_its_colour_and_renders_at_a_colour_terminal(verdict: str,
                                                                    colour: str) -> None:
    """Completed green, under way yellow, restated cyan, failed or not taken up magenta;
    nothing to report plain (in the bold head). A part's verdict line has the colour alone,
    or dim. Printed through a colour console, as the writer prints it."""
    from rich.text import Text

    entry = item(fact("x-v", summary="V."), verdict, parts=(item(fact("x-p"), verdict),))
    lines = styled([entry])
    head = lines[2]
    assert str(head.get_style_at_offset(console(100), len(head.plain) - 1)) == \
        " ".join(["bold", *colour.split()]).replace("bold bold", "bold")
    assert style_of(lines, f"      {verdict}") == (colour or "dim")
    where = console(100, color=True)
    where.print(Text("\n").join(lines), soft_wrap=True)
    printed = where.file.getvalue()
    assert re.sub(r"\x1b\[[0-9;]*m", "", printed).splitlines() == drawn([entry])


# --- kzru track in-process, at a terminal of a fixed width ----------------------------------

@pytest.fixture
def at_terminal():  # noqa: ANN201
    """Run kzru in-process with stdout taken for a terminal of ``columns`` columns."""
    from conftest import Result

    from kzru.cli import main

    def invoke(columns: int, *args: str) -> Result:
        buffer = io.StringIO()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(buffer, "isatty", lambda: True, raising=False)
            patch.setattr(sys, "stdout", buffer)
            patch.setenv("COLUMNS", str(columns))
            patch.setenv("LINES", "5000")
            patch.setenv("KZRU_PAGER", "")
            try:
                main(list(args))
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 0
        return Result(code, buffer.getvalue(), "")

    return invoke


def split_blocks(shown: str) -> tuple[str, list[list[str]]]:
    """The summary (its lines joined) and the blocks after it (each after a blank line)."""
    summary, *rest = shown.rstrip("\n").split("\n\n")
    return " ".join(summary.split("\n")), [block.split("\n") for block in rest]


def at_precision(day: str, precision: str) -> str:
    return day[:{"year": 4, "month": 7}.get(precision, 10)]


def said_line(block: list[str], fact_id: str, marker: str, indent: str = "  ") -> str:
    """The line that names ``fact_id`` after ``indent`` and ``marker``; when the id went to a
    line of its own (two further in), the two lines joined back into one."""
    for at, line in enumerate(block):
        if line.startswith(indent + marker) and line.endswith(f" {fact_id}"):
            return line
        if line == f"{indent}  {fact_id}" and block[at - 1].startswith(indent + marker):
            return f"{block[at - 1]} {fact_id}"
    raise AssertionError(f"{fact_id} not in the block")


@pytest.mark.parametrize("columns", [60, 120])
@pytest.mark.parametrize("selection", [("--sector", "energy"),
                                       ("--event", "2025-11-state-visit-moscow")])
def test_kzru_track_at_a_terminal_shows_each_items_block_as_its_json_says(
        run, at_terminal, columns: int, selection: tuple[str, ...]) -> None:  # noqa: ANN001
    machine = run("track", *selection, "--format", "json", "--fields", "all")
    assert machine.code == 0, machine.err
    items = json.loads(machine.out)
    facts = store.load(DATA).facts
    shown = at_terminal(columns, "track", *selection, "--no-color")
    assert shown.code == 0
    assert "\x1b" not in shown.out  # --no-color: plain text
    summary, found = split_blocks(shown.out)
    counts: dict[str, int] = {}
    for entry in items:
        counts[entry["verdict"]] = counts.get(entry["verdict"], 0) + 1
    assert summary == f"{len(items)} tracked — " + ", ".join(
        f"{verdict} {counts[verdict]}" for verdict in follow.VERDICTS if verdict in counts)
    assert len(found) == len(items) > 3
    for entry, block in zip(items, found):
        # the head: its date at its precision, what the status column says, the verdict
        status = "discussed" if entry["role"] == follow.DISCUSSED else entry["status"]
        if entry["role"] == follow.DOCUMENT:
            status += " document"
        if entry["voice"] == follow.COMMENTATOR:
            status += " · commentator"
        at_id = block.index(f"  {entry['id']}")  # the id whole, on its own line
        head = [line for line in block[:at_id] if not line.startswith("  ")]
        assert " ".join(head).split() == \
            [*at_precision(entry["date"], entry["date_precision"]).split(), *status.split(),
             *entry["verdict"].split()], head
        # the summary between head and id, wrapped at the width, every word in order
        body = [line[2:] for line in block[len(head):at_id]]
        assert all(line.startswith("  ") for line in block[len(head):at_id])
        assert " ".join(body).split() == entry["summary"].split()
        # each later report inside the block, after the id, with its date and status
        for later in entry["later"]:
            fact_ = facts[later]
            line = said_line(block[at_id:], later, "→ ")
            assert line == (f"  → {at_precision(fact_.date.isoformat(), fact_.date_precision)}"
                            f" {fact_.status} {later}")
        for part in entry["parts"]:
            part_id, _, verdict = part.partition(": ")
            line = said_line(block[at_id:], part_id, "·")
            assert line == f"  · {part_id}"
            after = block[block.index(line) + 1 if line in block else
                          block.index(f"    {part_id}") + 1]
            assert after == f"      {verdict}"
        for candidate in entry["see_also"]:  # the item's own, then its parts' (under each)
            fact_ = facts[candidate]
            indent = "  " if any(line.startswith("  ? ") and line.endswith(candidate)
                                 or line == f"    {candidate}" for line in block) else "      "
            assert said_line(block[at_id:], candidate, "? ", indent).endswith(
                f"? {at_precision(fact_.date.isoformat(), fact_.date_precision)} "
                f"{fact_.status} {candidate}")
        # nothing wider than the screen
        assert all(len(line) <= columns for line in block), block


NOT_LINKED = ("no later fact in this table is linked to it as its progress; {rows} may report "
              "on it (see also), not linked: curators link only where careful readers "
              "agree the later fact reports on this very item (RUBRIC-follows, which lists the "
              "pairs considered and left out, with the rule)")


def test_a_reason_names_three_candidates_at_their_precision_and_counts_the_rest() -> None:
    """A reason is one line: it names the first three see-also rows (each dated at its
    precision: a month stays a month) and says how many more the list holds."""
    first = fact("x-month", day="2026-01-01", precision="month", status="reported")
    rest = [fact(f"x-day{n}", day=f"2026-02-0{n}", status="reported") for n in (1, 2, 3, 4)]
    lonely = item(fact("x-open", summary="Open."), follow.NO_REPORT,
                  reason="nothing later in this table reports on it",
                  see_also=(first, *rest))
    source = first.source
    rows = (f"x-month ({source}, 2026-01, reported), x-day1 ({source}, 2026-02-01, reported), "
            f"x-day2 ({source}, 2026-02-02, reported), 2 more")
    assert str(reason_of(lonely)) == NOT_LINKED.format(rows=rows)


def test_a_parents_reason_adds_each_part_whose_candidates_are_not_linked() -> None:
    """A part with see-also rows and no later report of its own: the parent's reason goes on
    with "part ID: verdict, the part's own reason" (which names its candidates)."""
    candidate = fact("x-maybe", day="2026-01-01", status="reported")
    part = item(fact("x-part"), follow.NO_REPORT, reason="nothing later reports on it",
                see_also=(candidate,))
    quiet = item(fact("x-quiet"), follow.NO_REPORT, reason="nothing later reports on it")
    parent = item(fact("x-whole"), follow.NO_REPORT, reason="the whole's reason",
                  parts=(part, quiet))
    part_reason = NOT_LINKED.format(rows=f"x-maybe ({candidate.source}, 2026-01-01, reported)")
    assert str(reason_of(parent)) == (f"the whole's reason; part x-part: no later report, "
                                      f"{part_reason}")
