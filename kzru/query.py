"""Filters and summaries over a loaded dataset: pure functions, no printing."""

from __future__ import annotations

from datetime import date
from typing import Iterable, NamedTuple

from kzru.errors import KzruError, choose, did_you_mean
from kzru.model import Dataset, Event, Fact, Sector
from kzru.text import normalize

FACT_KINDS = ("document", "commitment", "project", "institution", "initiative", "figure",
              "ceremony", "meeting", "statement")
STATUSES = ("signed", "agreed", "done", "ongoing", "planned", "expected", "proposed", "reported")
EVENT_KINDS = ("state-visit", "working-visit", "official-visit", "talks", "meeting", "summit",
               "forum")
COUNTRIES = ("kz", "ru")


class FactFilter(NamedTuple):
    """What ``facts``, ``search`` and ``timeline`` narrow by; empty means no narrowing."""

    sectors: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    events: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def accepts(self, fact: Fact) -> bool:
        return (
            (not self.sectors or any(s in fact.sectors for s in self.sectors))
            and (not self.years or fact.date.year in self.years)
            and (not self.events or fact.event in self.events)
            and (not self.statuses or fact.status in self.statuses)
            and (not self.kinds or fact.kind in self.kinds)
        )

    @property
    def empty(self) -> bool:
        return not (self.sectors or self.years or self.events or self.statuses or self.kinds)

    def sql(self) -> tuple[str, list[object]]:
        """The same filter as a WHERE clause over the index's ``filters`` table."""
        clauses: list[str] = []
        params: list[object] = []

        def any_of(column: str, values: Iterable[object]) -> None:
            values = list(values)
            if values:
                clauses.append(f"{column} IN ({','.join('?' * len(values))})")
                params.extend(values)

        any_of("year", self.years)
        any_of("event", self.events)
        any_of("status", self.statuses)
        any_of("kind", self.kinds)
        if self.sectors:
            clauses.append("(" + " OR ".join("sectors LIKE ?" for _ in self.sectors) + ")")
            params.extend(f"%|{s}|%" for s in self.sectors)
        return " AND ".join(clauses) or "1", params




def resolve_sector(value: str, sectors: dict[str, Sector]) -> str:
    """Accept a sector id, its English or Russian name, or an alias, in any case."""
    wanted = normalize(value.strip())
    for sector in sectors.values():
        names = (sector.id, sector.name, sector.name_ru, *sector.aliases)
        if wanted in (normalize(name) for name in names):
            return sector.id
    return choose(value, sectors, "sector")


def make_filter(sectors: dict[str, Sector], events: dict[str, Event], *,
                sector: Iterable[str] = (), year: Iterable[int] = (), event: Iterable[str] = (),
                status: Iterable[str] = (), kind: Iterable[str] = ()) -> FactFilter:
    return FactFilter(
        sectors=tuple(resolve_sector(s, sectors) for s in sector),
        years=tuple(year),
        events=tuple(choose(e, events, "event") for e in event),
        statuses=tuple(choose(s, STATUSES, "status") for s in status),
        kinds=tuple(choose(k, FACT_KINDS, "kind") for k in kind),
    )


def filter_facts(dataset: Dataset, selection: FactFilter) -> list[Fact]:
    """Facts that pass the filter, newest first."""
    found = [fact for fact in dataset.facts.values() if selection.accepts(fact)]
    return sorted(found, key=lambda fact: (fact.date, fact.id), reverse=True)


def visits(dataset: Dataset, year: int | None = None, host: str | None = None,
           kind: str | None = None) -> list[Event]:
    if host is not None:
        choose(host, COUNTRIES, "host")
    if kind is not None:
        choose(kind, EVENT_KINDS, "event kind")
    chosen = [
        event for event in dataset.events.values()
        if (year is None or event.start.year <= year <= event.end.year)
        and (host is None or event.host == host)
        and (kind is None or event.kind == kind)
    ]
    return sorted(chosen, key=lambda event: (event.start, event.id))


class SectorSummary(NamedTuple):
    sector: Sector
    facts: int
    signed: int
    agreed: int
    events: int
    first: date | None
    last: date | None


def sector_summaries(dataset: Dataset) -> list[SectorSummary]:
    """Per sector: top-level facts only, so a package and its parts count once."""
    summaries = []
    top = dataset.top_level()
    for sector in dataset.sectors.values():
        facts = [fact for fact in top if sector.id in fact.sectors]
        dates = [fact.date for fact in facts]
        summaries.append(SectorSummary(
            sector=sector,
            facts=len(facts),
            signed=sum(fact.status == "signed" for fact in facts),
            agreed=sum(fact.status == "agreed" for fact in facts),
            events=len({fact.event for fact in facts if fact.event}),
            first=min(dates, default=None),
            last=max(dates, default=None),
        ))
    return summaries


def sector_matrix(dataset: Dataset) -> tuple[list[Event], list[tuple[Sector, list[int], int]]]:
    """Counts of top-level facts per sector (rows) and event (columns), plus facts outside
    any event."""
    events = sorted(dataset.events.values(), key=lambda event: (event.start, event.id))
    by_event = {key: dataset.top_level(facts) for key, facts in dataset.facts_by_event.items()}
    rows = []
    for sector in dataset.sectors.values():
        counts = [sum(sector.id in fact.sectors for fact in by_event.get(e.id, []))
                  for e in events]
        loose = sum(sector.id in fact.sectors for fact in by_event.get("", []))
        rows.append((sector, counts, loose))
    return events, rows


def related_facts(dataset: Dataset, fact: Fact, limit: int = 8) -> list[Fact]:
    """Facts of the same event sharing a sector, then facts sharing a rare name, then facts
    of the same article sharing a sector.

    Names found in more than a tenth of the facts (countries, the presidents) relate nothing.
    """
    names_of = {other.id: {normalize(name) for name in other.names}
                for other in dataset.facts.values()}
    counts: dict[str, int] = {}
    for names in names_of.values():
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    common = max(3, len(dataset.facts) // 10)
    rare = {name for name in names_of[fact.id] if counts[name] <= common}
    sectors = set(fact.sectors)
    same_event = [
        other for other in dataset.facts_by_event.get(fact.event, [])
        if fact.event and other.id != fact.id and sectors & set(other.sectors)
    ]
    taken = {fact.id} | {other.id for other in same_event}
    same_name = sorted((other for other in dataset.facts.values()
                        if other.id not in taken and rare & names_of[other.id]),
                       key=lambda other: other.date)
    taken |= {other.id for other in same_name}
    same_source = [
        other for other in dataset.facts.values()
        if other.id not in taken and other.source == fact.source
        and sectors & set(other.sectors)
    ]
    return (same_event + same_name + same_source)[:limit]


def find_record(dataset: Dataset, record_id: str) -> Fact | Event:
    if record_id in dataset.facts:
        return dataset.facts[record_id]
    if record_id in dataset.events:
        return dataset.events[record_id]
    known = [*dataset.facts, *dataset.events]
    raise KzruError(f"no fact or event with id {record_id!r}{did_you_mean(record_id, known)}")
