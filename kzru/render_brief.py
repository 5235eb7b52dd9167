"""A brief as Markdown (for a note or, drawn by rich, for the terminal): its heading, sections
by status and sector, figures, what was reported alongside and the sources. The preview
against the outcome is kzru.render_brief_checks, what is new since the last meeting
kzru.render_brief_novelty; how each fact is said on its line is kzru.brief_lines; the same page
as data is kzru.brief_data.

Every heading and note comes from kzru.labels in the reader's language.
"""

from __future__ import annotations

import io
from datetime import date
from itertools import islice
from typing import Iterable, Iterator

from kzru.brief import ATTRIBUTED, FAMILIES, NO_SECTOR, SEVERAL, Brief, Item
from kzru.brief_lines import (
    attribution_of,
    conflict_lines,
    date_mark,
    event_kind,
    event_precision,
    fact_text,
    later_list,
    members,
    number_text,
    quoted,
    reported_lines,
    said_status,
    sector_word,
    through_parts,
    verdict_label,
)
from kzru.cite import headline, published_label
from kzru.data_words import figure_said
from kzru.follow import LATEST, NO_REPORT, NOT_LINKED, Tracked, track
from kzru.labels import label
from kzru.model import Dataset, Event, Fact, Source
from kzru.render import WEB_URL, md, span_label
from kzru.render_brief_checks import write_checks, write_preview_side
from kzru.render_brief_novelty import (  # noqa: F401 - _earlier_of_other_kinds: read by tests
    _earlier_of_other_kinds,
    write_novelty,
)
from kzru.spool import Spool, Writable, lines_text, write_lines


def _section_title(status: str, lang: str) -> str:
    key = f"brief.section.{status}"
    return label(key, lang)


def _source_markdown(source: Source, lang: str = "en") -> str:
    """source_line in Markdown: the data escaped; the source's URL, which kzru prints for
    what it is, the one link drawn (and only when it is a plain web address)."""
    outlet = md(source.publisher) if source.publisher else label("brief.outlet_unnamed", lang)
    title = f"«{md(source.title)}»" if source.title else md(headline(source, lang))
    url = ""
    if source.url:
        url = f", <{source.url}>" if WEB_URL.fullmatch(source.url) else f", {md(source.url)}"
    return (f"{outlet}, {title}, {published_label(source, lang)}, {label('brief.file', lang)} "
            f"{md(source.file)}{url}")


def _item_lines(item: Item, status: str, lang: str, brief: Brief, dataset: Dataset,
                quote: bool, later: Tracked | None = None) -> list[str]:
    """One bullet; the quotation follows unless the next item quotes the same words."""
    fact = item.fact
    attributed = status in ATTRIBUTED or fact.speaker or fact.source in brief.previews
    said = f" — *{attribution_of(item, brief, dataset, lang)}*" if attributed else ""
    dated = date_mark(fact, brief, lang)
    if item.areas:
        # each area by its short name: the bracket of a sector's name ("Russian language
        # included") is the sector's scope, not what the document covers (round 11)
        names = " · ".join(md(dataset.sectors[s].short(lang)) for s in item.areas)
        also = f" · {label('brief.areas', lang)}: {names}"
    else:
        others = [s for s in fact.sectors if s != item.fact.sectors[0]]
        also = f" · {label('brief.also', lang)} " \
               f"{', '.join(md(sector_word(o, dataset, lang)) for o in others)}" if others else ""
    lines = [f"- {fact_text(fact, lang)}{dated}{said} [{item.citation}] `{fact.id}`{also}"]
    named = members(item.parts, fact, lang)
    if named:  # one sentence six times over: the members by name, once (rounds 11 and 12)
        lines.append(f"  - {label('brief.members', lang)}: " + " · ".join(
            f"{md(name)} `{part.id}`" for name, part in named))
    for part in item.parts if not named else ():
        lines.append(f"  - {fact_text(part, lang)} `{part.id}`")
        if part.evidence != fact.evidence:
            lines.append(f"    > {quoted(part)}")
    for plan in item.announced:
        lines.append(f"  - {label('brief.announced', lang)}: {fact_text(plan.fact, lang)} — "
                     f"*{attribution_of(plan, brief, dataset, lang)}* [{plan.citation}] "
                     f"`{plan.fact.id}`")
    for other in item.also:
        lines.append(f"  - {label('brief.same_sentence', lang)}: {fact_text(other, lang)} "
                     f"`{other.id}` ({said_status(other.status, lang)})")
    lines += conflict_lines(item, brief, lang)
    lines += reported_lines(item, brief, lang)
    if later is not None:  # what became of it, as the next meeting's page says (round 13b)
        reports = dataset.sources.values()
        if later.later:
            lines.append(f"  - {label('brief.outcome_since', lang)}: "
                         f"**{verdict_label(later.verdict, lang)}** → "
                         f"{later_list(later.later, lang, reports)}{through_parts(later, lang)}")
        else:  # nothing linked: said too, with the candidates beside it (round 14: Astana)
            beside = f"; {label('brief.see_also_not_linked', lang)} " \
                f"{later_list(list(later.see_also), lang, reports)}" if later.see_also else ""
            lines.append(f"  - {label('brief.outcome_since', lang)}: "
                         f"**{verdict_label(later.verdict, lang)}**{beside}")
        for part in later.parts:  # a part's candidates, not linked (round 14: the rail lines)
            if part.see_also:
                lines.append(f"    - {label('brief.part_see_also', lang, id=part.fact.id)} "
                             f"{later_list(list(part.see_also), lang, reports)}")
    if quote:
        lines.append(f"\n  > {quoted(fact)}\n")
    return lines


def _group_lines(items: Iterable[Item], status: str, lang: str, brief: Brief,
                 dataset: Dataset) -> Iterator[list[str]]:
    """Each item's lines, made as the group is read (at 100,000 facts a group may be
    thousands of items, read a chunk at a time: never held whole), with what later became of
    the items later facts are linked to, judged a chunk at a time (round 13b)."""
    previous: Item | None = None
    before: Tracked | None = None
    chunks = iter(lambda: list(islice(iterator, LATER_CHUNK)), [])
    iterator = iter(items)
    for chunk in chunks:
        later = _later_reports(chunk, dataset, with_parts=True)
        for item in chunk:
            if previous is not None:
                shared = item.fact.evidence == previous.fact.evidence
                yield _item_lines(previous, status, lang, brief, dataset, quote=not shared,
                                  later=before)
            previous, before = item, later.get(item.fact.id)
    if previous is not None:
        yield _item_lines(previous, status, lang, brief, dataset, quote=True, later=before)


# A group's items judged for what later became of them this many at a time.
LATER_CHUNK = 1000


def markdown(brief: Brief, dataset: Dataset, lang: str = "en") -> str:
    """The whole page as one string (write_markdown's text): for the terminal, which rich
    draws whole, and for tests."""
    page = io.StringIO()
    write_markdown(brief, dataset, lang, page)
    return page.getvalue()


def write_markdown(brief: Brief, dataset: Dataset, lang: str, out: Writable) -> None:
    """The whole page as Markdown: heading, sections by status and sector, the preview against
    the outcome, figures, what is new and what became of the last meeting's commitments,
    sources. Written to ``out`` a part at a time, as each is made: at 100,000 facts a page
    is tens of megabytes, never held whole (what must be ordered after it is made waits in a
    spool.Spool)."""
    event = brief.event
    title = md(event.title(lang))
    route = _route(event, lang)
    when = span_label(event.start, event.end, event_precision(event, dataset))
    own = set(brief.own) or {source.id for source in brief.sources}
    cites = " ".join(f"[{n}]" for n, source in enumerate(brief.sources, 1) if source.id in own)
    # the articles cited only where they report one of the page's facts too (round 12: the
    # header listed fewer sources than the page cites)
    others = " ".join(f"[{n}]" for n, source in enumerate(brief.sources, 1)
                      if source.id not in own)
    if others:
        cites += f" ({label('brief.also_cited', lang)} {others})"
    mark = f" {label('brief.inferred', lang)}" if event.date_basis == "inferred" else ""
    places = ", ".join(md(place) for place in event.places)
    where = f" · {places}" if places else ""  # an article may name no place: say nothing
    lines = [f"# {title}", "",
             f"**{when}**{mark}{where} · {event_kind(event.kind, lang)}"
             f"{', ' + route if route else ''} · "
             f"{label('brief.sources_word', lang)} {cites}  ", f"`{event.id}`", ""]
    for key, events in _related(brief):
        if events:
            together = " · ".join(
                f"{md(other.title(lang))} ({_related_when(other, lang)}) `{other.id}`"
                for other in events)
            lines += [f"*{label(key, lang)}:* {together}", ""]
    if brief.announcing and not brief.reports:  # only announced (the CSTO session): say so
        lines += [f"*{label('brief.not_reported_held', lang)}*", ""]
    if event.date_note:
        head = label("brief.date_inferred" if mark else "brief.date", lang)
        lines += [f"*{head}: {md(event.date_note)}*", ""]
    write_lines(out, lines)
    _write_sections(brief, dataset, lang, out)
    write_checks(brief, dataset, lang, out)
    if brief.figures:
        write_lines(out, [f"## {label('brief.figures', lang)}", ""])
        for item in brief.figures:
            # the unit in the reader's language by rule ("более 4 часов"), else as the table
            figure = figure_said(number_text(item.fact.value), item.fact.unit, lang, md)
            write_lines(out, [f"- **{figure}** — {fact_text(item.fact, lang)} "
                              f"[{item.citation}] `{item.fact.id}`", f"  > {quoted(item.fact)}",
                              *conflict_lines(item, brief, lang),
                              *reported_lines(item, brief, lang)])
        write_lines(out, [""])
    if brief.alongside:
        _write_alongside(brief, dataset, lang, out)
    write_preview_side(brief, dataset, lang, out)
    write_novelty(brief, dataset, lang, out)
    write_lines(out, [f"## {label('brief.sources', lang)}", "",
                      *(f"{number}. {_source_markdown(source, lang)}"
                        f"{_source_role(source, brief, dataset, lang)}"
                        for number, source in enumerate(brief.sources, 1))])


def _write_sections(brief: Brief, dataset: Dataset, lang: str, out: Writable) -> None:
    """The sections by status and sector, after the note on their undated lines, which only
    the sections, once read, decide (sections are made as they are read: read once)."""
    undated = _Undated(brief, lang)
    with Spool() as sections:
        for section in brief.sections:
            sections.put(lines_text([f"## {_section_title(section.status, lang)}", ""]))
            for group in section.groups:
                heading = label("brief.several", lang) if group.sector == SEVERAL else \
                    label("brief.no_sector", lang) if group.sector == NO_SECTOR else \
                    dataset.sectors[group.sector].label(lang)
                sections.put(lines_text([f"### {md(heading)}", ""]))
                for lines in _group_lines(undated.noted(group.items), section.status, lang,
                                          brief, dataset):
                    sections.put(lines_text(lines))
                sections.put("\n")
        if undated.seen:  # every page with a line showing no date says why (round 12: the
            # forums)
            note = label("brief.undated_lines", lang)
            if undated.days:
                dates = "; ".join(label("brief.dated_article", lang, date=str(day),
                                        number=number) for day, number in sorted(undated.days))
                note += ". " + label("brief.dated_by_report", lang, dates=dates)
            write_lines(out, [f"*{note}.*", ""])
        sections.write_to(out)


class _Undated:
    """The lines shown with no date, gathered as the sections are read: whether there is one,
    and the days of those dated only by their article, each with its article's number (rubric
    4: as of which it is reported). The page says so once, plainly, so a reader knows the
    signing and the agreements stand on the article's day (rounds 9 and 11)."""

    def __init__(self, brief: Brief, lang: str) -> None:
        self.brief, self.lang = brief, lang
        self.seen = False
        self.days: set[tuple[date, int]] = set()

    def noted(self, items: Iterable[Item]) -> Iterator[Item]:
        for item in items:
            if not date_mark(item.fact, self.brief, self.lang):
                self.seen = True
                if item.fact.date_basis == "publication":
                    self.days.add((item.fact.date, item.citation))
            yield item


def _write_alongside(brief: Brief, dataset: Dataset, lang: str, out: Writable) -> None:
    """What was reported alongside, with what later became of the rows later facts follow."""
    write_lines(out, [f"## {label('brief.alongside', lang)}", "",
                      f"*{label('brief.alongside_note', lang)}*", ""])
    alongside = list(brief.alongside)
    # the page's note on undated lines speaks of the event's own: a row alongside with no
    # date of its own is as of its article (about 1,000 KamAZ trucks a year is no fact
    # of the Sochi talks' day: round-13b briefs reader A)
    undated = sorted({(item.fact.date, item.citation) for item in alongside
                      if not date_mark(item.fact, brief, lang)})
    if undated:
        dates = "; ".join(label("brief.dated_article", lang, date=str(day), number=number)
                          for day, number in undated)
        write_lines(out, [f"*{label('brief.alongside_undated', lang, dates=dates)}.*", ""])
    later = _later_reports(alongside, dataset)
    unlinked = _unlinked(alongside, later, dataset)
    reports = dataset.sources.values()
    for item in alongside:
        fact = item.fact
        attributed = fact.speaker or fact.status in ATTRIBUTED or fact.source in brief.previews
        said = f" — *{attribution_of(item, brief, dataset, lang)}*" if attributed else ""
        lines = [f"- {said_status(fact.status, lang)}: {fact_text(fact, lang)}"
                 f"{date_mark(fact, brief, lang)}{said} [{item.citation}] `{fact.id}`",
                 *conflict_lines(item, brief, lang), *reported_lines(item, brief, lang)]
        if fact.id in later:
            entry = later[fact.id]
            lines.append(f"  - {label('brief.outcome_since', lang)}: "
                         f"**{verdict_label(entry.verdict, lang)}** → "
                         f"{later_list(entry.later, lang, reports)}")
        elif fact.id in unlinked:  # nothing linked: the candidates, marked unconfirmed
            lines.append(f"  - {label('brief.outcome_since', lang)}: "
                         f"**{verdict_label(NOT_LINKED, lang)}**; "
                         f"{label('brief.see_also_not_linked', lang)} "
                         f"{later_list(list(unlinked[fact.id]), lang, reports)}")
        write_lines(out, lines)
    write_lines(out, [""])


def _related(brief: Brief) -> list[tuple[str, list[Event]]]:
    """The events of the same trip, each under what the page can say of the two: held
    alongside; announced alongside, not reported held (the CSTO session on the state visit's
    page); and, on the page of an event its articles only announce, the event in whose report
    it was announced (the state visit on the CSTO session's page: the session is not
    reported held, so it was held alongside nothing: round-13 briefs reader A)."""
    announcer = set(brief.announcing.values())
    announced_here = bool(announcer) and not brief.reports
    held, announced, announcing = [], [], []
    for other in brief.related:
        if other.id in brief.related_announced:
            announced.append(other)
        elif announced_here and other.id in announcer:
            announcing.append(other)
        else:
            held.append(other)
    return [("brief.related", held), ("brief.related_announced", announced),
            ("brief.related_announcer", announcing)]


def _related_when(other: Event, lang: str) -> str:
    """An event's days as its own page's header gives them, marked inferred where its
    header is (the state visit's end on the XX forum's page rests on the public record, as
    the visit's date note says: round-13 briefs reader B)."""
    when = span_label(other.start, other.end, other.date_precision)
    return label("brief.date_inferred_item", lang, date=when) \
        if other.date_basis == "inferred" else when


def _later_reports(items: list[Item], dataset: Dataset,
                   with_parts: bool = False) -> dict[str, Tracked]:
    """Track's verdict on the rows that later facts are linked to, as the page says it of the
    last meeting's commitments: the rows reported alongside (MSU's branch teaching in 2022,
    named open in 2025: restated — still operating; round-13 briefs reader) and, ``with_parts``,
    the event's own rows or one of their parts (the 2022 branches, later open: the page of
    the visit says so, not only the next meeting's; round-13b briefs reader A)."""
    if with_parts:  # every item track follows, nothing linked to it too (round 14: the
        # Astana page showed 5 of its 16; the others' see also stood only on the next page)
        entries = [entry for entry in track(dataset, [item.fact for item in items])
                   if entry.verdict != LATEST]
        if any(entry.verdict == NO_REPORT or any(part.verdict == NO_REPORT
                                                  for part in entry.parts)
               for entry in entries):
            from kzru.suggest import see_also  # the candidates, as track shows them

            entries = see_also(dataset, entries)
        return {entry.fact.id: entry for entry in entries}
    linked = dataset.followers([item.fact.id for item in items])
    chosen = [item.fact for item in items if linked.get(item.fact.id)]
    if not chosen:
        return {}
    return {entry.fact.id: entry for entry in track(dataset, chosen) if entry.later}


def _unlinked(items: list[Item], later: dict[str, Tracked],
              dataset: Dataset) -> dict[str, tuple[Fact, ...]]:
    """Of the rows reported alongside that track follows and no later fact is linked to, the
    later facts the suggester proposes beside them, unconfirmed (the 2022 peaceful-atom work
    beside the 2025 Rosatom work and nuclear documents: round-13b re-readers, who would not
    link them, rule 1). Track's own see also, as its page shows it."""
    from kzru.suggest import see_also  # the suggester only where a page has such rows

    followed = [entry for entry in track(dataset, [item.fact for item in items
                                                   if item.fact.id not in later])
                if entry.verdict == NO_REPORT and not entry.parts]
    if not followed:
        return {}
    return {entry.fact.id: entry.see_also for entry in see_also(dataset, followed)
            if entry.see_also}


def _source_role(source: Source, brief: Brief, dataset: Dataset, lang: str) -> str:
    """What a source is to this page: a preview, a report of another event that announced
    this one, or an article cited only where it reports one of the page's facts too."""
    if source.id in brief.announcing:
        other = dataset.events[brief.announcing[source.id]]
        return " — " + label("brief.source_announcing", lang, title=md(other.title(lang)))
    if source.id in brief.previews:
        return " — " + label("brief.source_preview", lang)
    if brief.own and source.id not in brief.own:
        return " — " + label("brief.source_other", lang)
    if source.id in brief.recalling:  # (round-13 briefs reader: the CIS summit, SPIEF)
        other = dataset.events[brief.recalling[source.id]]
        return " — " + label("brief.source_recalling", lang, title=md(other.title(lang)))
    return ""


def _route(event: Event, lang: str) -> str:
    """Who went where: "KZ → RU" for a trip of one side to the other; a summit or a forum,
    which many attend, says only its host (round 10: "KZ → RU" read as a bilateral trip to
    the CIS summit; round 12: the forums), and only where its place is recorded."""
    if FAMILIES.get(event.kind) in ("summit", "forum"):
        # hosting is where a summit or forum is held (many take part; nobody need travel: the
        # XX forum was held in Ufa by video, round 12): with no place recorded (the CSTO
        # session, «под руководством» only), the page says no host either (round 11)
        return label("brief.hosted_by", lang, host=event.host.upper()) if event.places \
            else ""
    return f"{event.guest.upper()} → {event.host.upper()}"
