"""A visit on one page: what was signed, agreed, done, planned, expected and proposed, by
sector, with the figures, what is new since the previous meeting of the same kind, and numbered
citations. Pure data; kzru.render_brief turns it into a page (each fact's line said by
kzru.brief_lines), kzru.brief_data into data for scripts. What the event has beside the
others (new since the previous meeting, the events of the same trip) is kzru.novelty's.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from kzru.brief_types import (  # noqa: F401 - read from here by the renderers and tests
    ATTRIBUTED,
    NO_SECTOR,
    SECTION_ORDER,
    SECTION_TITLES,
    SEVERAL,
    Brief,
    Check,
    Item,
    Section,
    SectorGroup,
    attribution,
    main_sector,
)
from kzru.follow import (
    FORECASTS,
    LATEST,
    NO_REPORT,
    NOT_AS_SUCH,
    NOT_MENTIONED,
    NOT_TAKEN_UP,
    Linked,
    Namer,
    Tracked,
    context_of,
    main_events,
    period_end,
    preview_sources,
    preview_work,
    report_sources,
    track,
)
from kzru.model import Dataset, Event, Fact, Row
from kzru.novelty import (  # noqa: F401 - read from here by the renderers and tests
    FAMILIES,
    Named,
    Novelty,
    announced_only,
    novelty,
    previous_event,
    related_events,
)
from kzru.pages import Deferred, Pages  # noqa: F401 - Pages read from here by tests
from kzru.text import normalize


def _own_date(fact: Fact) -> tuple[date, date] | None:
    """The span a fact's own date stands for; None when it is only its article's date."""
    if fact.date_basis == "publication":
        return None
    return fact.date, period_end(fact.date, fact.date_precision)


def conflicts(dataset: Dataset, fact: Fact) -> list[Fact]:
    """Rows of other articles recording the same fact (same_as) on a date that cannot be the
    same: the KazNU branch in Omsk opened 27 November 2024 in one, in 2025 in another."""
    mine = _own_date(fact)
    found = []
    for other_id in fact.same_as:
        other = dataset.facts.get(other_id)
        theirs = _own_date(other) if other is not None else None
        if mine and theirs and (theirs[1] < mine[0] or mine[1] < theirs[0]):
            found.append(other)  # type: ignore[arg-type]
    return found


def same_as(dataset: Dataset, fact: Fact) -> list[Fact]:
    """The rows of other articles that report the same thing (validated same_as links)."""
    return [dataset.facts[other] for other in fact.same_as if other in dataset.facts]


def _one_sentence(dataset: Dataset, facts: list[Row]) -> dict[str, str]:
    """Rows of the same sentence that name the same thing (beyond places, people and who says
    so) in the same main sector: fact id -> the row they are shown under (the Rosatom sentence
    once; the forum's business councils and contact exchange, which share only their
    speaker's institute, each on a line of its own)."""
    namer = Namer(dataset)
    merged: dict[str, str] = {}
    kept: dict[tuple[str, object, str], list[tuple[Row, set[str]]]] = {}
    for fact in facts:
        key = (fact.source, fact.sentence, fact.sectors[0] if fact.sectors else NO_SECTOR)
        names = namer.naming(fact.names, fact.speaker)
        for first, first_names in kept.get(key, []):
            if names & first_names:
                merged[fact.id] = first.id
                break
        else:
            kept.setdefault(key, []).append((fact, names))
    return merged


def series_names(dataset: Dataset, event: Event) -> set[str]:
    """The names (folded) of the series an event is one of: a glossary event whose own name
    is part of the event's title, word for word, and is not the title itself (the Forum of
    Interregional Cooperation of Kazakhstan and Russia, of which the XXI forum is one)."""
    found: set[str] = set()
    titles = [normalize(event.title_en), normalize(event.title_ru)]
    for entry in dataset.glossary.values():
        if entry.kind != "event":
            continue
        own = [normalize(entry.name_en), normalize(entry.name_ru)]
        if any(name and name != title and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", title)
               for name, title in zip(own, titles)):
            found |= {normalize(name) for name in entry.all_names()}
    return found


def _on_series(dataset: Dataset, event: Event, sources: list[str]) -> list[Row]:
    """The background rows of ``sources`` (reports mostly about another event) that name the
    series the event is one of: the article ties them to it by that name."""
    names = series_names(dataset, event) if sources else set()
    if not names:
        return []
    return [fact for fact in dataset.rows_of(sources, [""], top_level=True)
            if any(normalize(name) in names for name in fact.names)]


def _alongside(dataset: Dataset, event: Event, facts: list[Row], previews: set[str],
               main_event: dict[str, str]) -> list[Row]:
    """The rows the page reports alongside the event's own (``facts``): the background of
    its reports (a preview's general background is not about it), in section order."""
    line = dataset.fact_lines
    reporting = [s for s in event.sources if s not in previews and main_event.get(s) == event.id]
    # A report mostly about another event gives this one a passage: its background facts told
    # inside that passage (between the event's first and last fact, in the article's order)
    # belong beside it too (the Year of Working Professions, in the XXI forum's theme).
    passage = [s for s in event.sources if s not in previews and s not in reporting]
    spans = {s: (min(lines_), max(lines_)) for s in passage
             if (lines_ := [line.get(f.id, 0) for f in facts if f.source == s])}
    told_inside = [fact for fact in dataset.rows_of(list(spans), [""], top_level=True)
                   if spans[fact.source][0] < line.get(fact.id, 0) < spans[fact.source][1]]
    # ... and its background rows on the series the event is one of (the interregional forums
    # the XXI forum "continues the tradition" of: a002's rows on the forums, round 11)
    inside = {fact.id for fact in told_inside}
    told_inside += [fact for fact in _on_series(dataset, event, passage)
                    if fact.id not in inside]
    return sorted([*dataset.rows_of(reporting, [""], top_level=True), *told_inside],
                  key=lambda fact: (SECTION_ORDER.index(fact.status), fact.date,
                                    line.get(fact.id, 0)))


def alongside_sectors(dataset: Dataset, event: Event | None) -> set[str]:
    """The sectors of the rows an event's page reports alongside its own: what its reports
    told of beside it (Sochi 2022: the MSU branch, KamAZ, the trade record), which a later
    page's "not covered last time" must not call uncovered (round-13 briefs reader B)."""
    if event is None:
        return set()
    facts = list(dataset.event_rows(event.id))
    rows = _alongside(dataset, event, facts, preview_sources(dataset, event),
                      main_events(dataset))
    return {sector for row in rows for sector in row.sectors}


def build(dataset: Dataset, event_id: str) -> Brief:
    """The brief of one event; every fact tied to it appears once, parts under their parent.
    The layout is worked out from the rows (model.Row: no words); each section's facts are
    read whole only as it is written (``Pages``), so a page of 20,000 facts is never held
    whole."""
    event = dataset.events[event_id]
    # In date order, then in the order the curated table gives (the article's own order).
    line = dataset.fact_lines
    facts = sorted(dataset.event_rows(event_id), key=lambda f: (f.date, line.get(f.id, 0)))
    previews = preview_sources(dataset, event)
    main_event = main_events(dataset)
    reports = report_sources(dataset, event, previews)
    # The preview's forecasts, plans and projects: its own items for the event and its
    # background, held against the visit's report in a section of their own.
    # Only an event that has a report of its own can hold a preview against it (the CSTO
    # session is only announced): otherwise the preview's items are the event's plans.
    # The preview's own rows for the event and its background, read once for both uses.
    preview_rows = dataset.rows_of(sorted(previews), [event_id, ""], top_level=True) \
        if reports else []
    # Work under way of the preview's background is what track holds against the report
    # (follow.preview_work: projects and initiatives, not what another event's passage tells).
    work = {fact_id for fact_id, held in preview_work(dataset).items() if held.id == event_id} \
        if reports else set()
    previewed = [fact for fact in preview_rows
                 if reports and (fact.event == event_id
                                 or main_event.get(fact.source) == event_id)
                 and (fact.status in (*FORECASTS, "planned")
                      or (fact.status == "ongoing"
                          and (fact.kind == "project" if fact.event else fact.id in work)))]
    linked = Linked(dataset)
    own = {fact.id for fact in facts}
    # A preview's "visit scheduled" folds into what the visit's report says happened.
    announced: dict[str, list[Row]] = {}
    for fact in (fact for fact in previewed if fact.status == "planned"):
        done = [later for later in linked.get(fact.id, [])
                if later.id in own and later.status in ("done", "signed")]
        if done:
            announced.setdefault(done[0].id, []).append(fact)
    folded = {fact.id for facts_ in announced.values() for fact in facts_}
    checked = [fact for fact in previewed if fact.id not in folded]
    # The preview's comments on the visit ("the state visit is the highest format") are said
    # beforehand, not what the visit discussed: they go with the rest of the preview.
    commentary = [fact for fact in facts if fact.source in previews and reports
                  and fact.status == "reported" and not fact.part_of]
    shown_elsewhere = folded | {fact.id for fact in [*checked, *commentary]}
    top = [fact for fact in facts if (not fact.part_of or fact.part_of not in own)
           and fact.id not in shown_elsewhere]
    merged = _one_sentence(dataset, sorted(
        top, key=lambda f: (SECTION_ORDER.index(f.status), line.get(f.id, 0))))
    background = _alongside(dataset, event, facts, previews, main_event)
    # The preview's background beside the visit: its facts of substance (openings, projects,
    # figures), not its assessments, and none another source on the page already reports.
    on_page = {fact.id for fact in [*facts, *background]}
    previewed_ids = {f.id for f in previewed}
    side = sorted((fact for fact in preview_rows
                   if not fact.event and reports and main_event.get(fact.source) == event_id
                   and fact.id not in previewed_ids and not set(fact.same_as) & on_page),
                  key=lambda fact: (SECTION_ORDER.index(fact.status), fact.date,
                                    dataset.fact_lines.get(fact.id, 0)))
    said_only = [fact for fact in side if fact.kind == "statement"]
    side = [*sorted(commentary, key=lambda fact: line.get(fact.id, 0)),
            *(fact for fact in side if fact.kind != "statement")]
    extra = [other for fact in [*facts, *checked, *background, *side]
             for other in [*conflicts(dataset, fact), *same_as(dataset, fact)]]
    own_ids = list(dict.fromkeys([*event.sources, *(fact.source for fact in facts),
                                  *(fact.source for fact in checked)]))
    source_ids = list(dict.fromkeys([*own_ids, *(fact.source for fact in extra)]))
    sources = [dataset.sources[source_id] for source_id in source_ids]
    number = {source.id: position for position, source in enumerate(sources, 1)}
    others: dict[str, list[str]] = {}
    for merged_id, kept_id in merged.items():
        others.setdefault(kept_id, []).append(merged_id)
    taken_up = {f.sectors[0] for f in facts if f.source in reports and f.sectors}
    # what novelty reads of the event's rows: their sectors and names, each list once, in
    # the rows' order (worked out when the page reaches it: Deferred)
    named = [Named(*pair) for pair in dict.fromkeys((f.sectors, f.names) for f in facts)]
    # the names its own reports give, where a preview tells of it too: the names only the
    # preview gives are said apart, after them (round 11)
    reported = list(dict.fromkeys(name for f in facts if f.source not in previews
                                  for name in f.names)) if previews and reports else None
    beside = [Named(*pair) for pair in dict.fromkeys((f.sectors, f.names) for f in background)]
    del facts, preview_rows, extra, on_page
    top = [fact for fact in top if fact.id not in merged]

    def items(rows: list[Row], known: dict[str, Fact] | None = None) -> Iterator[Item]:
        """The rows' items, their facts (and parts, plans, rows of the same sentence) read
        whole a chunk at a time, held only while the chunk is written."""
        for start in range(0, len(rows), PAGE):
            chunk = rows[start:start + PAGE]
            ids = [row.id for row in chunk]
            plans = [plan.id for row in chunk for plan in announced.get(row.id, ())]
            also = [other for row in chunk for other in others.get(row.id, ())]
            whole = dataset.fetch([*ids, *plans, *also], known, keep=False)
            parts_of = dataset.parts_of([*ids, *plans], known, keep=False)
            yield from (item(whole[row.id], whole, parts_of) for row in chunk)

    def item(fact: Fact, whole: dict[str, Fact], parts_of: dict[str, list[Fact]]) -> Item:
        parts = sorted(parts_of.get(fact.id, []), key=lambda part: line.get(part.id, 0))
        said = attribution(fact, dataset.sources[fact.source])
        preview = ""
        if fact.source in previews:
            said = f"{said}, {preview_label(dataset, fact.source, event_id, main_event)}"
            other = main_event.get(fact.source, event_id)
            preview = other if other != event_id and other in dataset.events else "preview"
        areas = list(fact.sectors) if fact.kind == "document" and len(fact.sectors) > 1 \
            else []
        plans = [item(whole[plan.id], whole, parts_of) for plan in announced.get(fact.id, [])]
        return Item(fact, parts, said, number[fact.source], plans,
                    [whole[other] for other in others.get(fact.id, [])], areas,
                    conflicts(dataset, fact), preview, same_as(dataset, fact))

    def section(status: str, chosen: list[Row]) -> Section:
        """A section whose sector groups are made as they are read, one at a time, and
        each group's items a chunk at a time (a group may be thousands of facts)."""
        by_sector: dict[str, list[Row]] = {}
        for row in chosen:
            by_sector.setdefault(main_sector(row), []).append(row)
        order = [sector for sector in (SEVERAL, *dataset.sectors, NO_SECTOR)
                 if sector in by_sector]
        return Section(status, SECTION_TITLES[status], Pages(len(order), lambda: (
            SectorGroup(sector, Pages(len(rows), lambda rows=rows: items(rows)))
            for sector in order for rows in (by_sector[sector],))))

    statuses = [(status, [fact for fact in top if fact.status == status
                          and fact.kind != "figure"]) for status in SECTION_ORDER]
    statuses = [(status, chosen) for status, chosen in statuses if chosen]
    figures = [fact for fact in top if fact.kind == "figure"]
    def judged() -> Iterator[Check]:
        """The preview's items held against the report, as track judges them, when the page
        reaches them (not held while the sections are written), each item made as it is
        written. Judged a chunk at a time, twice: first only to learn which items have a
        verdict and which item each later fact decided (a check names the preview row
        another's later fact decided: ``decided``), then again as each chunk is written. At
        100,000 facts the preview has thousands of items; holding them all judged, their
        facts whole, is what took the memory."""
        from kzru.suggest import with_field_documents  # the visit's documents beside a field

        context = context_of(dataset)  # what judging reads once (the preview's names, …)

        def verdicts(rows: list[Row], documents: bool = True
                     ) -> tuple[dict[str, Fact], dict[str, Tracked]]:
            """The rows whole, and track's entries (an item's own, or its parent's when a
            parent with a role is followed instead: track's choice); ``documents``: with the
            visit's documents beside a field (they decide nothing)."""
            whole = dataset.fetch([row.id for row in rows], keep=False)
            context.linked.known.clear()  # the later facts: of this chunk only
            entries = track(dataset, [whole[row.id] for row in rows], context=context)
            return whole, {entry.fact.id: entry for entry in (
                with_field_documents(dataset, entries) if documents else entries)}

        in_order = sorted(checked, key=lambda f: line.get(f.id, 0))
        decisive: dict[str, str | None] = {}  # an item with a verdict -> its deciding fact
        for start in range(0, len(in_order), PAGE):
            for fact_id, entry in verdicts(in_order[start:start + PAGE], False)[1].items():
                decisive[fact_id] = entry.decisive.id if entry.decisive is not None else None
        shown = [fact for fact in in_order if fact.id in decisive]
        decided = {found: fact.id for fact in shown if (found := decisive[fact.id]) is not None}
        # an item is followed through a part of it that is checked too: judged beside it
        parts: dict[str, list[Row]] = {}
        for fact in checked:
            if fact.part_of in decisive:
                parts.setdefault(fact.part_of, []).append(fact)
        del decisive
        for start in range(0, len(shown), PAGE):
            chunk = shown[start:start + PAGE]
            whole, entries = verdicts([*chunk, *(part for fact in chunk
                                                 for part in parts.get(fact.id, ()))])
            via = dataset.fetch((decided[entry.see_also[0].id] for entry in entries.values()
                                 if entry.see_also and entry.see_also[0].id in decided),
                                whole, keep=False)
            for item in items(chunk, whole):
                yield _shown(Check(item, entries[item.fact.id]), decided, via, taken_up)

    announcing = {source: main_event[source] for source in previews
                  if main_event.get(source, event_id) != event_id
                  and main_event[source] in dataset.events}
    recalling = {source.id: main_event[source.id] for source in sources
                 if source.id not in previews and source.id not in announcing
                 and main_event.get(source.id, event_id) != event_id
                 and main_event[source.id] in dataset.events and source.published > event.end}
    related = related_events(dataset, event)
    return Brief(event, sources, previews,
                 Pages(len(statuses), lambda: (section(*one) for one in statuses)),
                 Pages(len(figures), lambda: items(figures)),
                 Deferred(lambda: novelty(dataset, event, named, beside,  # type: ignore[arg-type]
                                          reported, alongside_sectors)),
                 Pages(len(background), lambda: items(background)),
                 Pages(None, judged), related, reports, own_ids, announcing,
                 Pages(len(side), lambda: items(side)), len(said_only),
                 announced_only(dataset, related), recalling)


# Facts read whole at a time while a brief is written (Pages).
PAGE = 1000


def _shown(check: Check, decided: dict[str, str], via: dict[str, Fact],
           taken_up: set[str]) -> Check:
    """How the page says a verdict: track's, but where the report is silent on an item
    track holds no preview verdict for (a plan of the preview): a plan for the visit is not
    mentioned in its report; background is not taken up as such when the report takes up its
    main sector, else not taken up. An item the report takes up only through the same named
    thing (track's "not taken up as such" with a see also) shows that fact and the preview's
    row it came through (``decided``: a later fact's id -> the id of the preview row it
    decided; ``via``: those rows whole)."""
    fact, tracked = check.item.fact, check.tracked
    verdict = tracked.verdict
    if verdict == NOT_AS_SUCH and getattr(tracked.reason, "key", "") == "track.why.field_rows":
        return check._replace(shown=verdict, field=tracked.see_also)
    if verdict == NOT_AS_SUCH and tracked.see_also:
        see = tracked.see_also[0]
        return check._replace(shown=verdict, see=see, via=via.get(decided.get(see.id, "")))
    if verdict not in (NO_REPORT, LATEST):
        return check._replace(shown=verdict)
    if fact.event:
        return check._replace(shown=NOT_MENTIONED)
    if fact.sectors and fact.sectors[0] in taken_up:
        return check._replace(shown=NOT_AS_SUCH)
    return check._replace(shown=NOT_TAKEN_UP)


def preview_label(dataset: Dataset, source_id: str, event_id: str,
                  main_event: dict[str, str]) -> str:
    """How an article written before the event is named: a preview when the event is what it
    is about, else an announcement in a report of another event (a001's CSTO paragraph)."""
    other = main_event.get(source_id, event_id)
    if other != event_id and other in dataset.events:
        return f"announced beforehand in a report of {dataset.events[other].title_en}"
    return "in a preview written before the event"
