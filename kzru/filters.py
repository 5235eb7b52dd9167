"""What the user typed into filters, turned into the one filter object the query layer applies.

Why here: every command takes the same filters and must read them the same way — a sector in
either language and any word form (kzru.taxonomy), an event by a shorter id (kzru.ids), a date
at any precision, a speaker or place by any of its names. Each filter may be repeated: values
of one filter are alternatives (OR), different filters must all hold (AND).
"""


import re
from datetime import date
from typing import Any, Iterable, NamedTuple, Sequence

from kzru.errors import KzruError, choose, did_you_mean
from kzru.labels import Said
from kzru.text import normalize, stem, words

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def date_bound(value: str, option: str, end: bool) -> date:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first day it covers (``end``: the last day), so
    ``--since 2024 --until 2024-11`` means 1 January 2024 to 30 November 2024."""
    found = _DATE.match(value.strip())
    try:
        if not found:
            raise ValueError
        year, month, day = (int(part) if part else None for part in found.groups())
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)  # type: ignore[arg-type]
        if day is None:
            import calendar  # only for a month bound: it costs start-up time

            last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
            return date(year, month, last if end else 1)  # type: ignore[arg-type]
        return date(year, month, day)  # type: ignore[arg-type]
    except ValueError:
        raise KzruError(Said("err.not_a_date", option=option, value=value)) from None


def date_range(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """--since and --until as dates; a range that ends before it starts is a usage error
    (it could only ever answer "no facts match", which would hide the typo)."""
    first = date_bound(since, "--since", end=False) if since else None
    last = date_bound(until, "--until", end=True) if until else None
    if first is not None and last is not None and first > last:
        raise KzruError(Said("err.reversed_range", since=since, until=until))
    return first, last


class Typed(NamedTuple):
    """The filters as given (each a tuple of the values typed; empty: not given)."""

    sector: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    event: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    @classmethod
    def of(cls, **given: Any) -> "Typed":
        """From the command's option values (None for an option not given or not offered)."""
        values = {}
        for name in cls._fields:
            value = given.get(name)
            if name in ("since", "until"):
                values[name] = value
            else:
                values[name] = tuple(value or ())
        return cls(**values)


def _names(entry: Any) -> set[str]:
    return {normalize(name) for name in (entry.name_en, entry.name_ru, *entry.aliases) if name}


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in words(text))


def _glossary_matches(value: str, glossary: Iterable[Any], kinds: Sequence[str]) -> list[Any]:
    """Glossary entries of these kinds one of whose names is ``value`` in any word form."""
    wanted = _stems(value)
    return [entry for entry in glossary if entry.kind in kinds and wanted
            and any(_stems(name) == wanted for name in _names(entry))]


def speakers(value: str, known: Iterable[str], glossary: Iterable[Any]) -> tuple[str, ...]:
    """The speaker values of the table that ``value`` names: those holding it as words
    (Tokayev, Tulindinova), or holding any name of the person or body it names
    (Токаев → Kassym-Jomart Tokayev)."""
    known = sorted(set(known) - {""})
    names = {normalize(value)} | {name for entry in _glossary_matches(
        value, glossary, ("person", "organization", "university")) for name in _names(entry)}
    keys = [_stems(name) for name in names]

    def said_by(speaker: str) -> bool:
        held = _stems(speaker)
        return any(key and any(held[i:i + len(key)] == key for i in range(len(held)))
                   for key in keys)

    found = tuple(speaker for speaker in known if said_by(speaker))
    if not found:
        raise KzruError(Said("err.no_speaker", value=value, hint=did_you_mean(value, known),
                             known=", ".join(known)))
    return found


def places(value: str, events: dict[str, Any], glossary: Iterable[Any]) -> \
        tuple[tuple[str, ...], tuple[str, ...]]:
    """(event ids held there, normalised names of the place) for ``value``, a place named in
    either language, in any word form (Москве, Moscow)."""
    entries = _glossary_matches(value, glossary, ("place",))
    names = {normalize(value)} | {name for entry in entries for name in _names(entry)}
    keys = {_stems(name) for name in names}
    held = tuple(event.id for event in events.values()
                 if any(_stems(place) in keys for place in event.places))
    if not held and not entries:
        known = sorted({place for event in events.values() for place in event.places} |
                       {entry.name_en for entry in glossary if entry.kind == "place"})
        raise KzruError(Said("err.unknown_place", value=value, hint=did_you_mean(value, known)))
    return held, tuple(sorted(names))


def build(typed: Typed, data: Any, statuses: Sequence[str], kinds: Sequence[str]) -> Any:
    """The query layer's FactFilter for ``typed`` over ``data`` (a dataset or the store)."""
    from kzru import query
    from kzru.ids import exact_id, resolve_event
    from kzru.taxonomy import resolve_sector

    chosen_sources = []
    for value in typed.source:
        found = exact_id(value, data.sources) or _source_by_name(value, data.sources)
        chosen_sources.extend(found if isinstance(found, tuple) else (found,))
    known = (data.speakers() if hasattr(data, "speakers") else
             [fact.speaker for fact in data.facts.values()]) if typed.speaker else []
    spoken = tuple(dict.fromkeys(
        speaker for value in typed.speaker
        for speaker in speakers(value, known, data.glossary.values())))
    held: list[str] = []
    named: list[str] = []
    for value in typed.place:
        event_ids, names = places(value, data.events, data.glossary.values())
        held.extend(event_ids)
        named.extend(names)
    bounds = date_range(typed.since, typed.until)
    return query.FactFilter(
        sectors=tuple(dict.fromkeys(resolve_sector(s, data.sectors) for s in typed.sector)),
        years=tuple(dict.fromkeys(typed.year)),
        events=tuple(dict.fromkeys(resolve_event(e, data.events) for e in typed.event)),
        statuses=tuple(dict.fromkeys(choose(s, statuses, "status") for s in typed.status)),
        kinds=tuple(dict.fromkeys(choose(k, kinds, "kind") for k in typed.kind)),
        sources=tuple(dict.fromkeys(chosen_sources)),
        speakers=spoken,
        since=bounds[0], until=bounds[1],
        places=tuple(dict.fromkeys(named)) if typed.place else (),
        place_events=tuple(dict.fromkeys(held)) if typed.place else (),
    )


def _source_by_name(value: str, sources: dict[str, Any]) -> tuple[str, ...]:
    """Sources whose publisher or file is ``value`` (any case): --source Kazinform."""
    wanted = normalize(value)
    found = tuple(source.id for source in sources.values()
                  if wanted in (normalize(source.publisher), normalize(source.file)))
    if not found:
        known = [*sources, *(s.publisher for s in sources.values() if s.publisher)]
        raise KzruError(Said("err.unknown_source", value=value,
                             hint=did_you_mean(value, known)))
    return found


def events_matching(data: Any, years: Sequence[int] = (), hosts: Sequence[str] = (),
                    kinds: Sequence[str] = (), typed: Typed = Typed()) -> list[Any]:
    """Events in date order that pass every filter given (OR within one, AND across): in a
    year / between --since and --until (an event spanning the bound counts), hosted by,
    of a kind, held at a place, with a fact in a sector, reported by a source."""
    from kzru.taxonomy import resolve_sector

    since, until = date_range(typed.since, typed.until)
    held: set[str] = set()
    for value in typed.place:
        held |= set(places(value, data.events, data.glossary.values())[0])
    sectors = {resolve_sector(value, data.sectors) for value in typed.sector}
    sources = set()
    for value in typed.source:
        from kzru.ids import exact_id

        found = exact_id(value, data.sources) or _source_by_name(value, data.sources)
        sources |= set(found if isinstance(found, tuple) else (found,))
    with_sector: set[str] = set()
    if sectors:
        with_sector = {event_id for (sector, event_id), count in
                       data.sector_event_counts().items() if sector in sectors and count}
    chosen = []
    for event in data.events.values():
        if years and not any(event.start.year <= year <= event.end.year for year in years):
            continue
        if (hosts and event.host not in hosts) or (kinds and event.kind not in kinds):
            continue
        if (since and event.end < since) or (until and event.start > until):
            continue
        if typed.place and event.id not in held:
            continue
        if sources and not sources & set(event.sources):
            continue
        if sectors and event.id not in with_sector:
            continue
        chosen.append(event)
    return sorted(chosen, key=lambda event: (event.start, event.id))
