"""A brief's preview against the outcome, as Markdown: each forecast, proposal and plan of the
preview with what the visit's report says (track's verdicts), and the preview's own background
beside the visit. Apart from kzru.render_brief because it is the one section that reads
track's judgements line by line; the rest of the page lays out the event's own facts.
"""

from __future__ import annotations

from kzru.brief import Brief, Check
from kzru.brief_lines import (
    attribution_of,
    cited,
    conflict_lines,
    date_mark,
    fact_text,
    number_of,
    reported_lines,
    said_status,
    verdict_label,
)
from kzru.follow import (
    LATEST,
    NO_REPORT,
    NOT_LINKED,
    NOT_MENTIONED,
    NOT_NAMED,
    VERDICTS,
    Tracked,
)
from kzru.labels import label
from kzru.model import Dataset
from kzru.render import md
from kzru.spool import Spool, Writable, lines_text, write_lines


def write_preview_side(brief: Brief, dataset: Dataset, lang: str, out: Writable) -> None:
    """The preview's own background beside the visit (openings, projects, figures), and how
    many of its assessments the page leaves out."""
    if not brief.preview_side and not brief.preview_said:
        return
    previews = " ".join(f"[{number_of(brief, s)}]" for s in sorted(brief.previews))
    write_lines(out, [f"## {label('brief.preview_side', lang, previews=previews)}", "",
                      f"*{label('brief.preview_side_note', lang)}*", ""])
    for item in brief.preview_side:
        fact = item.fact
        said = attribution_of(item, brief, dataset, lang)
        write_lines(out, [f"- {said_status(fact.status, lang)}: {fact_text(fact, lang)}"
                          f"{date_mark(fact, brief, lang)} — *{said}* [{item.citation}] "
                          f"`{fact.id}`", *conflict_lines(item, brief, lang),
                          *reported_lines(item, brief, lang)])
    if brief.preview_said:
        source = sorted(brief.previews)[0]
        write_lines(out, ["- " + label("brief.preview_said", lang, count=brief.preview_said,
                                       source=source)])
    write_lines(out, [""])


def write_checks(brief: Brief, dataset: Dataset, lang: str, out: Writable) -> None:
    """Each forecast, proposal and plan of the preview with what the visit's report says, in
    the order of track's verdicts as the page says them: each check's lines are made as it
    is judged and wait in a spool for their place (the checks are judged when read: once)."""
    with Spool() as checks:
        for check in brief.checks:
            checks.put(lines_text(_check_line(check, brief, dataset, lang)),
                       VERDICTS.index(check.shown or check.tracked.verdict))
        if not checks:
            return
        previews = " ".join(f"[{number_of(brief, s)}]" for s in sorted(brief.previews))
        reports = " ".join(f"[{n}]" for n, s in enumerate(brief.sources, 1)
                           if s.id in brief.reports)
        note = label("brief.checks_note", lang, previews=previews, reports=reports)
        write_lines(out, [f"## {label('brief.checks', lang)}", "", f"*{note}*", ""])
        checks.write_to(out)
    write_lines(out, [""])


def _check_line(check: Check, brief: Brief, dataset: Dataset, lang: str) -> list[str]:
    """One forecast with how the report answers it; a forecast of several fields lists each
    with its own verdict; an item taken up only around it names the report's fact there."""
    item, tracked = check.item, check.tracked
    verdict = check.shown or tracked.verdict
    said = attribution_of(item, brief, dataset, lang)
    line = (f"- **{verdict_label(verdict, lang)}** — {fact_text(item.fact, lang)} — "
            f"*{said}* [{item.citation}] `{item.fact.id}`")
    if not tracked.parts:  # a forecast of several fields: each part says what decided it
        line += _decider(tracked, brief, lang)
    if check.see is not None:
        via = f"`{check.via.id}` → " if check.via is not None else ""
        line += f" · {label('brief.check_see_also', lang)} {via}" \
                f"`{check.see.id}`{cited(check.see, brief)}"
    if check.field:
        line += f" · {label('brief.check_field', lang)} " + ", ".join(
            f"`{row.id}`{cited(row, brief)}" for row in check.field)
    if verdict == NOT_NAMED and tracked.see_also:
        line = _unnamed(line, tracked, brief, lang)
    lines = [line]
    for part in tracked.parts:
        # a part track holds no preview verdict for, which the report is silent on, is not
        # mentioned; every other part keeps track's own word (a forecast's field: not named;
        # the GRES-2 of the energy projects: not taken up)
        shown = NOT_MENTIONED if part.verdict in (NO_REPORT, NOT_LINKED, LATEST) \
            else part.verdict
        said = f"  - **{verdict_label(shown, lang)}** — {fact_text(part.fact, lang)} " \
               f"`{part.fact.id}`{_decider(part, brief, lang)}"
        lines.append(_unnamed(said, part, brief, lang) if shown == NOT_NAMED
                     and part.see_also else said)
    return [*lines, *reported_lines(item, brief, lang)]


def _unnamed(line: str, tracked: Tracked, brief: Brief, lang: str) -> str:
    """A forecast of a field the report does not name, beside the documents the visit signed
    (suggest.field_documents): "not named", not "not mentioned", since a reader may count a
    document in the field (scientific-technical cooperation and the documents on space and
    nuclear energy); the curators leave the pair unlinked (RUBRIC-follows 4)."""
    documents = [row for row in tracked.see_also if row.kind == "document"]
    said = [row for row in tracked.see_also if row.kind != "document"]
    if documents:
        line += f" · {label('brief.check_documents', lang)} " + ", ".join(
            f"`{row.id}`{cited(row, brief)}" for row in documents)
    if said:  # what the report says of the same field (round 14: the IT sector)
        line += f" · {label('brief.check_field_said', lang)} " + ", ".join(
            f"`{row.id}`{cited(row, brief)}" for row in said)
    return line


def _decider(tracked: Tracked, brief: Brief, lang: str = "en") -> str:
    """" → `the later fact` [n] «its words»", then the other later facts track links to it
    (the nuclear forecast: the nuclear documents, and the Rosatom work singled out; round-13b
    briefs reader B), or nothing when nothing later decided."""
    later = tracked.decisive
    if later is None:
        return ""
    words = f" «{md(tracked.words)}»" if tracked.words else ""
    others = [fact for fact in tracked.later if fact.id != later.id]
    also = f"; {label('brief.also', lang)} " + ", ".join(
        f"`{fact.id}`{cited(fact, brief)}" for fact in others) if others else ""
    return f" → `{later.id}`{cited(later, brief)}{words}{also}"
