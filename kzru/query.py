"""Filters and summaries over the store (kzru.db): the questions as SQL, no printing."""


from datetime import date
from typing import TYPE_CHECKING, Iterable, NamedTuple

from kzru.errors import KzruError, choose, did_you_mean
from kzru.model import Event, Fact, Sector
from kzru.text import normalize

FACT_KINDS = ("document", "commitment", "project", "institution", "initiative", "figure",
              "ceremony", "meeting", "statement")
STATUSES = ("signed", "agreed", "done", "ongoing", "planned", "expected", "proposed", "reported")
EVENT_KINDS = ("state-visit", "working-visit", "official-visit", "talks", "meeting", "summit",
               "forum")
COUNTRIES = ("kz", "ru")

if TYPE_CHECKING:
    from kzru.db import SectorCounts, Store


class FactFilter(NamedTuple):
    """What the listings narrow by (built from the options by kzru.filters); empty means no
    narrowing. The values of one filter are alternatives (OR); filters combine with AND."""

    sectors: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    events: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    places: tuple[str, ...] = ()  # normalised names of the places asked for
    place_events: tuple[str, ...] = ()  # events held at one of them

    def accepts(self, fact: Fact) -> bool:
        return (
            (not self.sectors or any(s in fact.sectors for s in self.sectors))
            and (not self.years or fact.date.year in self.years)
            and (not self.events or fact.event in self.events)
            and (not self.statuses or fact.status in self.statuses)
            and (not self.kinds or fact.kind in self.kinds)
            and (not self.sources or fact.source in self.sources)
            and (not self.speakers or fact.speaker in self.speakers)
            and (self.since is None or fact.date >= self.since)
            and (self.until is None or fact.date <= self.until)
            and (not self.places or fact.event in self.place_events
                 or any(normalize(name) in self.places for name in fact.names))
        )

    @property
    def empty(self) -> bool:
        return self == FactFilter()

    def sql(self) -> tuple[str, list[object]]:
        """The same filter as a WHERE clause over the store's ``filters x`` table (indexed
        columns; sectors through the ``fact_sectors`` link table)."""
        clauses: list[str] = []
        params: list[object] = []

        def any_of(column: str, values: Iterable[object]) -> None:
            values = list(values)
            if values:
                clauses.append(f"{column} IN ({','.join('?' * len(values))})")
                params.extend(values)

        any_of("x.year", self.years)
        any_of("x.event", self.events)
        any_of("x.status", self.statuses)
        any_of("x.kind", self.kinds)
        any_of("x.source", self.sources)
        any_of("x.speaker", self.speakers)
        if self.sectors:
            clauses.append("x.rowid IN (SELECT rowid FROM fact_sectors WHERE sector IN "
                           f"({','.join('?' * len(self.sectors))}))")
            params.extend(self.sectors)
        if self.since is not None:
            clauses.append("x.date >= ?")
            params.append(self.since.toordinal())
        if self.until is not None:
            clauses.append("x.date <= ?")
            params.append(self.until.toordinal())
        if self.places:  # held there, or naming it (fact_names holds normalised names)
            held = list(self.place_events)
            clauses.append(f"(x.event IN ({','.join('?' * len(held))}) OR x.rowid IN "
                           "(SELECT rowid FROM fact_names WHERE name IN "
                           f"({','.join('?' * len(self.places))})))")
            params.extend([*held, *self.places])
        return " AND ".join(clauses) or "1", params


def resolve_sector(value: str, sectors: dict[str, Sector]) -> str:
    """A sector id, name or alias in either language and any word form (kzru.taxonomy)."""
    from kzru.taxonomy import resolve_sector as resolve

    return resolve(value, sectors)


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


def filter_facts(store: "Store", selection: FactFilter, top_level: bool = False,
                 limit: int | None = None) -> list[Fact]:
    """Facts that pass the filter, newest first (at most ``limit``)."""
    return store.filtered(selection, top_level, limit)


def visits(store: "Store", year: int | None = None, host: str | None = None,
           kind: str | None = None) -> list[Event]:
    if host is not None:
        choose(host, COUNTRIES, "host")
    if kind is not None:
        choose(kind, EVENT_KINDS, "event kind")
    chosen = [
        event for event in store.events.values()
        if (year is None or event.start.year <= year <= event.end.year)
        and (host is None or event.host == host)
        and (kind is None or event.kind == kind)
    ]
    return sorted(chosen, key=lambda event: (event.start, event.id))


def sector_summaries(store: "Store") -> "list[tuple[Sector, SectorCounts]]":
    """Every sector of the table with its counts (the store's, zero where it has no fact):
    top-level facts only, so a package and its parts count once."""
    from kzru.db import SectorCounts  # (the store's own type; imported where it is made)

    counts = store.sector_counts()
    return [(sector, counts.get(sector.id)
             or SectorCounts(sector.id, 0, 0, 0, 0, None, "", None, ""))
            for sector in store.sectors.values()]


def sector_matrix(store: "Store") -> tuple[list[Event], list[tuple[Sector, list[int], int]]]:
    """Counts of top-level facts per sector (rows) and event (columns), plus facts outside
    any event."""
    events = sorted(store.events.values(), key=lambda event: (event.start, event.id))
    counts = store.sector_event_counts()
    rows = []
    for sector in store.sectors.values():
        per_event = [counts.get((sector.id, event.id), 0) for event in events]
        rows.append((sector, per_event, counts.get((sector.id, ""), 0)))
    return events, rows


def related_facts(store: "Store", fact: Fact, limit: int = 8) -> list[Fact]:
    """Facts of the same event sharing a sector, then facts sharing a rare name, then facts
    of the same article sharing a sector (see Store.related)."""
    return store.related(fact, limit)


def find_record(store: "Store", record_id: str) -> Fact | Event:
    fact = store.facts.get(record_id)
    if fact is not None:
        return fact
    if record_id in store.events:
        return store.events[record_id]
    # Suggest among ids that start alike: the whole list can be 100,000 ids long.
    prefix = record_id[:3]
    known = [*store.events, *(row[0] for row in store.index.rows(
        "SELECT id FROM facts WHERE id >= ? AND id < ? LIMIT 5000",
        [prefix, prefix + "\uffff"]))]
    from kzru.labels import Said

    raise KzruError(Said("err.no_record", what=Said("err.what.fact_or_event"), value=record_id,
                         hint=did_you_mean(record_id, known)))
