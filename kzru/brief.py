"""A visit on one page: what was signed, agreed, done, planned, expected and proposed, by
sector, with the figures, what is new since the previous meeting of the same kind, and numbered
citations. Pure data; kzru.render_brief turns it into a page.
"""

from __future__ import annotations

from typing import NamedTuple

from kzru.follow import main_events, preview_sources
from kzru.model import Dataset, Event, Fact, Source
from kzru.text import normalize

SECTION_ORDER = ("signed", "agreed", "done", "ongoing", "planned", "expected", "proposed",
                 "reported")
SECTION_TITLES = {
    "signed": "Signed", "agreed": "Agreed", "done": "Done", "ongoing": "Ongoing",
    "planned": "Planned", "expected": "Expected", "proposed": "Proposed",
    "reported": "Discussed and reported",
}
ATTRIBUTED = ("expected", "proposed")
# Meetings compare with the previous meeting of the same family: a state visit with the last
# visit or talks, a summit with the last summit, a forum with the last forum.
FAMILIES = {"state-visit": "bilateral", "working-visit": "bilateral",
            "official-visit": "bilateral", "talks": "bilateral", "meeting": "bilateral",
            "summit": "summit", "forum": "forum"}


class Item(NamedTuple):
    """One fact on the page, with its parts, who says so, and its citation number."""

    fact: Fact
    parts: list[Fact]
    attribution: str
    citation: int


class SectorGroup(NamedTuple):
    sector: str
    items: list[Item]


class Section(NamedTuple):
    status: str
    title: str
    groups: list[SectorGroup]


class Novelty(NamedTuple):
    """What this event has that the previous one of its family had not."""

    previous: Event | None
    sectors: list[str]
    first_sectors: list[str]
    names: list[str]


class Brief(NamedTuple):
    event: Event
    sources: list[Source]
    previews: set[str]
    sections: list[Section]
    figures: list[Item]
    novelty: Novelty
    alongside: list[Item]


def attribution(fact: Fact, source: Source) -> str:
    """Who says so: the speaker, else the outlet (or the article) that reports it."""
    if fact.speaker:
        return fact.speaker
    return f"according to {source.publisher}" if source.publisher else \
        f"according to article {source.id}"


def previous_event(dataset: Dataset, event: Event) -> Event | None:
    family = FAMILIES.get(event.kind, event.kind)
    earlier = [other for other in dataset.events.values()
               if FAMILIES.get(other.kind, other.kind) == family and other.start < event.start]
    return max(earlier, key=lambda other: (other.start, other.id), default=None)


def _earlier_facts(dataset: Dataset, event: Event) -> list[Fact]:
    """Facts known before ``event``: those of earlier events, and background facts of articles
    published before it. Never the event's own facts, whatever precision their dates have."""
    first_report = min((dataset.sources[s].published for s in event.sources), default=event.start)
    earlier_events = {other.id for other in dataset.events.values() if other.start < event.start}
    return [fact for fact in dataset.facts.values()
            if fact.event in earlier_events
            or (not fact.event and dataset.sources[fact.source].published < first_report
                and fact.date < event.start)]


def _novelty(dataset: Dataset, event: Event, facts: list[Fact]) -> Novelty:
    previous = previous_event(dataset, event)
    before = dataset.facts_by_event.get(previous.id, []) if previous else []
    earlier_facts = _earlier_facts(dataset, event)
    seen_sectors = {sector for fact in before for sector in fact.sectors}
    ever_sectors = {sector for fact in earlier_facts for sector in fact.sectors}
    own_sectors = list(dict.fromkeys(sector for fact in facts for sector in fact.sectors))
    ever_names = {normalize(name) for fact in earlier_facts for name in fact.names}
    names = list(dict.fromkeys(name for fact in facts for name in fact.names
                               if normalize(name) not in ever_names))
    return Novelty(previous, [s for s in own_sectors if s not in seen_sectors],
                   [s for s in own_sectors if s not in ever_sectors], names)


def build(dataset: Dataset, event_id: str) -> Brief:
    """The brief of one event; every fact tied to it appears once, parts under their parent."""
    event = dataset.events[event_id]
    # In date order, then in the order the curated table gives (the article's own order).
    facts = sorted(dataset.facts_by_event.get(event_id, []),
                   key=lambda f: (f.date, dataset.fact_lines.get(f.id, 0)))
    source_ids = list(dict.fromkeys([*event.sources, *(fact.source for fact in facts)]))
    sources = [dataset.sources[source_id] for source_id in source_ids]
    number = {source.id: position for position, source in enumerate(sources, 1)}

    previews = preview_sources(dataset, event)
    line = dataset.fact_lines

    def item(fact: Fact) -> Item:
        parts = sorted(dataset.parts.get(fact.id, []), key=lambda part: line.get(part.id, 0))
        said = attribution(fact, dataset.sources[fact.source])
        if fact.source in previews:
            said = f"{said}, in a preview written before the event"
        return Item(fact, parts, said, number[fact.source])

    own = {other.id for other in facts}  # once: a large event has thousands of facts
    top = [fact for fact in facts if not fact.part_of or fact.part_of not in own]
    figures = [item(fact) for fact in top if fact.kind == "figure"]
    sections = []
    for status in SECTION_ORDER:
        chosen = [fact for fact in top if fact.status == status and fact.kind != "figure"]
        if not chosen:
            continue
        by_sector: dict[str, list[Item]] = {}
        for fact in chosen:
            by_sector.setdefault(fact.sectors[0], []).append(item(fact))
        order = [sector for sector in dataset.sectors if sector in by_sector]
        sections.append(Section(status, SECTION_TITLES[status],
                                [SectorGroup(sector, by_sector[sector]) for sector in order]))
    # Background of the reports of the event (a preview's general background is not about it).
    main_event = main_events(dataset)
    background = sorted((fact for fact in dataset.facts.values()
                         if not fact.event and not fact.part_of
                         and fact.source in event.sources and fact.source not in previews
                         and main_event.get(fact.source) == event_id),
                        key=lambda fact: (SECTION_ORDER.index(fact.status), fact.date,
                                          dataset.fact_lines.get(fact.id, 0)))
    alongside = [item(fact) for fact in background]
    return Brief(event, sources, previews, sections, figures,
                 _novelty(dataset, event, facts), alongside)
