"""A brief's "new since the last meeting" section, as Markdown: the sectors and names new
since the previous meeting of its kind (or the first in the table) and what became of that
meeting's commitments (track's verdicts then and now, with the unlinked candidates). Apart
from kzru.render_brief because it looks across the table's meetings, not at the one event.
"""

from __future__ import annotations

from typing import Iterable

from kzru.brief import FAMILIES, Brief
from kzru.brief_lines import (
    event_kind,
    event_precision,
    fact_text,
    later_list,
    names_shown,
    number_of,
    through_parts,
    verdict_label,
)
from kzru.follow import NO_REPORT, NOT_LINKED, VERDICTS, Tracked
from kzru.labels import label
from kzru.model import Dataset, Event, Source
from kzru.novelty import Novelty, organisation_names
from kzru.render import md, span_label
from kzru.spool import Spool, Writable, lines_text, write_lines


def _family(event: Event, dataset: Dataset, lang: str) -> str:
    """The kind of meeting a page compares with (novelty.FAMILIES) as a reader says it: a
    working visit is held against the last bilateral meeting, not the CIS summit before it
    (round 10: "kind" was never said); a summit, against the last of its organisation's (the
    CSTO's session is the first CSTO summit, not the CIS summit's successor: round 12)."""
    kind = event.kind
    family = FAMILIES.get(kind, kind)
    named = organisation_names(dataset, event, lang)
    if family == "summit" and named:
        return label("brief.family.summit_of", lang, org=md(min(named.values(), key=len)))
    key = f"brief.family.{family}"
    return label(key, lang) if family in ("bilateral", "summit", "forum") \
        else event_kind(kind, lang)


def _when(event: Event, dataset: Dataset) -> str:
    """An earlier meeting's dates, no more precise than its own rows give (the CIS summit:
    «в конце прошлого года», 2021; SPIEF: «в июне», 2022-06), as its page's header says."""
    return span_label(event.start, event.end, event_precision(event, dataset))


def _earlier_of_other_kinds(brief: Brief, dataset: Dataset, lang: str) -> str:
    """The first meeting of its kind may follow meetings of other kinds (the working visit of
    2022 after the CIS summit of 2021): the newest three are named, so that "first" is not
    read as first in the table. The first summit of an organisation names the earlier summits
    of others apart, first (the CSTO session after the CIS summit: round 12)."""
    event = brief.event
    others = sorted((other for other in dataset.events.values() if other.start < event.start),
                    key=lambda other: (other.start, other.id), reverse=True)
    if not others:
        return ""
    summits: list[Event] = []
    if FAMILIES.get(event.kind) == "summit":
        summits = [other for other in others if FAMILIES.get(other.kind) == "summit"]
        others = [other for other in others if other not in summits]
    said = label("brief.new_earlier_summits", lang, events=_newest(summits, dataset, lang)) \
        if summits else ""
    if others:
        said += label("brief.new_earlier", lang, events=_newest(others, dataset, lang))
    return said


def _newest(events: list[Event], dataset: Dataset, lang: str) -> str:
    """The newest three events (newest first), then how many more."""
    named = [f"{md(other.title(lang))} ({_when(other, dataset)})" for other in events[:3]]
    more = f" {label('brief.and_more', lang, count=len(events) - 3)}" if len(events) > 3 else ""
    return "; ".join(named) + more


def write_novelty(brief: Brief, dataset: Dataset, lang: str, out: Writable) -> None:
    """What is new since the previous meeting of the kind, then what became of its
    commitments: by this meeting's verdict, and among equals what later articles settled
    first; each item's lines made as it is read and kept in a spool until its place."""
    novelty = brief.novelty
    names_of = {sector: md(dataset.sectors[sector].label(lang)) for sector in dataset.sectors}
    none = label("brief.none", lang)
    family = _family(brief.event, dataset, lang)
    earlier = ""
    if novelty.previous is None:
        head = f"## {label('brief.new_first', lang, family=family)}"
        earlier = _earlier_of_other_kinds(brief, dataset, lang)
    else:
        previous = novelty.previous
        head = "## " + label("brief.new_since", lang, family=family,
                             title=md(previous.title(lang)),
                             when=_when(previous, dataset))
    reports = dataset.sources.values()
    lines = [head, "", f"*{label('brief.new_rule', lang, earlier=earlier)}*", ""]
    if novelty.previous is not None:
        lines.append(f"- {label('brief.sectors_not_last', lang)}: " +
                     (", ".join(names_of[s] for s in novelty.sectors) or none))
        if novelty.last_alongside:  # told of last time, but not as that meeting's (round 13)
            lines.append(f"- {label('brief.sectors_last_alongside', lang)}: " +
                         ", ".join(names_of[s] for s in novelty.last_alongside))
    lines.append(f"- {label('brief.sectors_new', lang)}: " +
                 (", ".join(names_of[s] for s in novelty.first_sectors) or none))
    if novelty.first_alongside:
        lines.append(f"- {label('brief.sectors_new_alongside', lang)}: " +
                     ", ".join(names_of[s] for s in novelty.first_alongside))
    with_others = novelty.with_others
    shared = {name for names in with_others.values() for name in names}
    names = [md(name) for name in names_shown(novelty.names, dataset) if name not in shared]
    more = f" {label('brief.and_more', lang, count=len(names) - 20)}" if len(names) > 20 else ""
    lines.append(f"- {label('brief.names_first', lang)}: " + (", ".join(names[:20]) or none)
                 + more)
    if novelty.names_alongside:  # as the sectors above (round 13)
        beside = [md(name) for name in names_shown(novelty.names_alongside, dataset)]
        more = f" {label('brief.and_more', lang, count=len(beside) - 20)}" \
            if len(beside) > 20 else ""
        lines.append(f"- {label('brief.names_first_alongside', lang)}: "
                     + ", ".join(beside[:20]) + more)
    # then the names only the preview gives, marked as such (round 11)
    only = [md(name) for name in names_shown(novelty.preview_only, dataset)
            if name not in shared]
    if only:
        previews = " ".join(f"[{number_of(brief, s)}]" for s in sorted(brief.previews))
        more = f" {label('brief.and_more', lang, count=len(only) - 20)}" if len(only) > 20 \
            else ""
        lines.append(f"- {label('brief.names_first_preview', lang, previews=previews)}: "
                     + ", ".join(only[:20]) + more)
    for other, together in with_others.items():
        event = dataset.events[other]
        lines.append(f"- {label('brief.names_first_with', lang, title=md(event.title(lang)))}: "
                     + ", ".join(md(name) for name in names_shown(together, dataset)))
    write_lines(out, lines)
    with Spool() as outcomes:
        for entry in novelty.outcomes:
            now = novelty.since.get(entry.fact.id)
            lines = _outcome_lines(entry, now, novelty, lang, reports)
            # by this meeting's verdict; among equals, what later articles settled first
            outcomes.put(lines_text(lines), (VERDICTS.index(entry.verdict), VERDICTS.index(
                now.verdict) if now is not None else len(VERDICTS)))
        if outcomes:
            write_lines(out, [f"- {label('brief.outcomes', lang)}:"])
            outcomes.write_to(out)
    write_lines(out, [""])


def _outcome_lines(entry: Tracked, now: Tracked | None, novelty: Novelty, lang: str,
                   reports: Iterable[Source]) -> list[str]:
    """One of the last meeting's items: its verdict by this meeting and the later facts,
    its verdict now where later articles moved it, and the candidates not linked to it or
    to its parts."""
    verdict = verdict_label(entry.verdict, lang)
    if entry.verdict == NO_REPORT and (entry.fact.id in novelty.see_also or any(
            part.fact.id in novelty.see_also for part in entry.parts)):
        # candidates follow: the line does not say nothing later exists (round 14)
        verdict = verdict_label(NOT_LINKED, lang)
    if now is not None and not entry.later:
        verdict = label("brief.verdict.no_report_by_then", lang)
    lines = [f"  - **{verdict}**: {fact_text(entry.fact, lang)} `{entry.fact.id}`"
             + (f" → {later_list(entry.later, lang, reports)}{through_parts(entry, lang)}"
                if entry.later else "")]
    if now is not None:
        lines.append(f"    - {label('brief.outcome_since', lang)}: "
                     f"**{verdict_label(now.verdict, lang)}** → "
                     f"{later_list(now.later, lang, reports)}{through_parts(now, lang)}")
    if entry.fact.id in novelty.see_also:
        candidates = list(novelty.see_also[entry.fact.id])
        lines.append(f"    - {label('brief.see_also_not_linked', lang)} "
                     f"{later_list(candidates, lang, reports)}")
    for part in entry.parts:  # a part's candidates under its parent, as track has them
        if part.fact.id in novelty.see_also:
            candidates = list(novelty.see_also[part.fact.id])
            lines.append(f"    - {label('brief.part_see_also', lang, id=part.fact.id)} "
                         f"{later_list(candidates, lang, reports)}")
    return lines
