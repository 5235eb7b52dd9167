"""A preview against its report: which articles wrote about an event before it happened,
which report it afterwards, the preview's rows for the event, and what each row names.

Why apart from follow.py: these are questions about articles and events (dates of
publication, which event an article is mostly about), asked by both track (a forecast's
verdict) and brief (the preview's section), never about the links between facts.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from kzru.model import Dataset, Event, Fact
from kzru.text import normalize

FORECASTS = ("expected", "proposed")


def main_events(dataset: Dataset) -> dict[str, str]:
    """Per source, the event it tells most about: where its background facts belong."""
    counts = dataset.source_event_counts()
    best: dict[str, str] = {}
    for (source_id, event_id), count in sorted(counts.items()):
        if source_id not in best or count >= counts[source_id, best[source_id]]:
            best[source_id] = event_id
    return best


def preview_sources(dataset: Dataset, event: Event) -> set[str]:
    """Sources that wrote about the event before it happened: published no later than its
    first day, reporting none of its outcomes and not the event itself as under way."""
    found = set()
    told = dataset.event_source_outcomes()
    for source_id in event.sources:
        under_way, outcome = told.get((event.id, source_id), (False, False))
        if dataset.sources[source_id].published <= event.start and not under_way and \
                not outcome:
            found.add(source_id)
    return found


def report_sources(dataset: Dataset, event: Event, previews: set[str]) -> list[str]:
    """The sources that report the event after the fact: its own sources and those of its
    facts, not its previews, published on or after its first day."""
    own = [*event.sources, *dataset.event_fact_sources(event.id)]
    return [s for s in dict.fromkeys(own)
            if s not in previews and dataset.sources[s].published >= event.start]


def _once(dataset: Dataset, name: str, make: Callable[[Dataset], dict[str, Event]]
          ) -> dict[str, Event]:
    """``make(dataset)`` once a run on a store, which keeps a run's small answers (a brief
    asks three times, one per track it makes); a loaded table is asked each time (a test may
    change it between questions). The answer is shared: read, never changed."""
    kept = getattr(dataset, "_small", None)
    if kept is None:
        return make(dataset)
    if name not in kept:
        kept[name] = make(dataset)
    return kept[name]


def previewed(dataset: Dataset) -> dict[str, Event]:
    """Fact id -> the event a preview expected or proposed it for: the preview's own items for
    the event and its background (where the event is the preview's main one)."""
    return _once(dataset, "previewed", _previewed)


def _previewed(dataset: Dataset) -> dict[str, Event]:
    main = main_events(dataset)
    found: dict[str, Event] = {}
    for event in dataset.events.values():
        for source_id in preview_sources(dataset, event):
            if not report_sources(dataset, event, {source_id}):
                continue
            events = [event.id, ""] if main.get(source_id) == event.id else [event.id]
            for fact_id in dataset.facts_of([source_id], events, FORECASTS, ids=True):
                found[fact_id] = event
    return found


# Work under way: a concrete project, or a line of work not yet one (the expert's "contacts
# in digitalisation, AI, fintech" are held against the report as the gas projects are).
WORK_KINDS = ("project", "initiative")


def preview_work(dataset: Dataset) -> dict[str, Event]:
    """Fact id -> the event whose report a preview's background *work under way* (an ongoing
    project or initiative of no event: the grain clusters, gas and power generation, the
    contacts in digitalisation) is held against, as a brief holds it: where the event is the
    preview's main one and has a report. Work told inside the passage on another event of
    the same article (the Year of Working Professions, in the forum's) belongs to that one."""
    return _once(dataset, "preview_work", _preview_work)


def _preview_work(dataset: Dataset) -> dict[str, Event]:
    main = main_events(dataset)
    found: dict[str, Event] = {}
    for event in dataset.events.values():
        for source_id in preview_sources(dataset, event):
            if main.get(source_id) != event.id or \
                    not report_sources(dataset, event, {source_id}):
                continue
            # only their ids and lines are read here: the kinds narrowed in SQL
            work = dataset.facts_of([source_id], [""], ("ongoing",), ids=True,
                                    kinds=WORK_KINDS)
            inside = _inside_passages(dataset, source_id, event.id, work) if work else set()
            for fact_id in work:
                if fact_id not in inside:
                    found[fact_id] = event
    return found


def _inside_passages(dataset: Dataset, source_id: str, main: str,
                     facts: list[str]) -> set[str]:
    """Of ``facts`` (ids), those the article tells between the first and last fact of another
    of its events (in the curated table's order, which is the article's)."""
    others = [e.id for e in dataset.events.values() if e.id != main and source_id in e.sources]
    if not others:
        return set()
    line = dataset.fact_lines
    spans = list(dataset.event_spans(source_id, others).values())
    return {fact_id for fact_id in facts
            if any(first < line.get(fact_id, 0) < last for first, last in spans)}


def place_names(dataset: Dataset) -> set[str]:
    """Names of places and people: the leaders and the countries are in half the rows."""
    return {normalize(name) for entry in dataset.glossary.values()
            if entry.kind in ("place", "person") for name in entry.all_names()}


class Namer:
    """What rows name beyond places, people and who says so (``naming``), for many rows of
    one table: the glossary read once, each speaker's spellings worked out once (a table of
    100,000 facts names a few thousand speakers)."""

    def __init__(self, dataset: Dataset) -> None:
        self.places = place_names(dataset)
        # a spelling -> every spelling of each glossary entry that has it
        self.spellings: dict[str, set[str]] = {}
        for entry in dataset.glossary.values():
            spellings = {normalize(name) for name in entry.all_names()}
            for spelling in spellings:
                self.spellings.setdefault(spelling, set()).update(spellings)
        self.speakers: dict[str, set[str]] = {}
        self.folded: dict[str, str] = {}

    def speaker(self, speaker: str) -> set[str]:
        """Every spelling of who says so ("Zhanar Tulindinova (KazISS)": her name and her
        institute's, in both languages: they say who speaks, not what the row is about):
        each name and its bracketed institution, and every spelling of the glossary entries
        that spell either so, worked out once a speaker."""
        found = self.speakers.get(speaker)
        if found is None:
            wanted: set[str] = set()
            for one in speaker.split(";"):
                name, _, rest = one.strip().partition(" (")
                wanted |= {normalize(name), normalize(rest.rstrip(")"))} - {""}
            found = set(wanted)
            for spelling in wanted:
                found |= self.spellings.get(spelling, set())
            if len(self.speakers) < 100_000:
                self.speakers[speaker] = found
        return set(found)

    def naming(self, names: tuple[str, ...], speaker: str) -> set[str]:
        """What a row of these ``names`` said by ``speaker`` names: folded, less places,
        people and the speaker."""
        folded = self.folded
        for name in names:
            if name not in folded:
                folded[name] = normalize(name)
        return {folded[name] for name in names} - self.places - self.speaker(speaker)


def naming(dataset: Dataset, fact: Fact, namer: Namer | None = None) -> set[str]:
    """What a row names beyond places, people and who says so (folded): the thing it is about.
    ``namer``: the glossary's names, when worked out already."""
    return (namer or Namer(dataset)).naming(fact.names, fact.speaker)


def named_rows(dataset: Dataset, source_id: str, event_ids: list[str], namer: Namer,
               names: set[str] | None = None,
               followed: bool = False) -> dict[str, set[str]]:
    """A source's rows for these events ('' for its background), by id in file order, each
    with what it names (``naming``); the rows themselves are not kept. With ``names``, only
    the rows whose names hold one of them (folded), read by the names' index; with
    ``followed``, only the rows a later fact follows."""
    return {fact_id: namer.naming(held, speaker) for fact_id, speaker, held in
            dataset.names_of(source_id, event_ids, names, followed)}


# A preview's items looked up one by one (their rows read by name) before its rows are read
# and indexed whole: a track QUERY or a brief asks about a few, the whole table thousands.
ONE_BY_ONE = 50


class _Indexed(NamedTuple):
    """A preview's rows for an event and its background (file order): by name, the rows
    naming it that a later fact reports on (what each row names is not kept: an item's own
    names are worked out again when it asks)."""

    holding: dict[str, list[tuple[int, str]]]  # name -> (position, id) of rows with later facts
    first: dict[str, Fact]  # row id -> the later fact that says most of it


class Neighbours:
    """For an item of a preview's background, the first other row of the preview (for the
    event or its background, in the preview's order) naming the same thing that a later fact
    reports on (the corridor beside its eastern branch), with that later fact.

    ``later`` gives the later fact that says most of a row (or None), ``prefetch`` asks for
    many rows' links at once: the walk of the links is the caller's (follow.py)."""

    def __init__(self, dataset: Dataset, namer: Namer, later: Callable[[str], Fact | None],
                 prefetch: Callable[[list[str]], None]) -> None:
        self.dataset, self.namer, self.later, self.prefetch = dataset, namer, later, prefetch
        self.indexed: dict[tuple[str, str], _Indexed] = {}
        self.asked: dict[tuple[str, str], int] = {}

    def first(self, fact: Fact, event_id: str) -> tuple[str, Fact] | None:
        """(the row's id, its later fact), or None when no other row qualifies."""
        key = (fact.source, event_id)
        indexed = self.indexed.get(key)
        if indexed is None:
            self.asked[key] = self.asked.get(key, 0) + 1
            if self.asked[key] > ONE_BY_ONE:  # the preview's rows read and indexed once
                indexed = self.indexed[key] = self._index(fact.source, event_id)
        mine = self.namer.naming(fact.names, fact.speaker)
        if indexed is None:
            return self._one(fact, event_id, mine) if mine else None
        best: tuple[int, str] | None = None
        for name in mine:
            for position, row_id in indexed.holding.get(name, ()):
                if row_id != fact.id:  # the first other row naming it
                    best = min(best, (position, row_id)) if best else (position, row_id)
                    break
        return (best[1], indexed.first[best[1]]) if best is not None else None

    def _one(self, fact: Fact, event_id: str, mine: set[str]) -> tuple[str, Fact] | None:
        """One item's answer: the rows naming one of ``mine``, read by name."""
        rows = named_rows(self.dataset, fact.source, [event_id, ""], self.namer, mine,
                          followed=True)
        others = [row_id for row_id, names in rows.items()
                  if row_id != fact.id and mine & names]
        self.prefetch(others)
        for row_id in others:
            found = self.later(row_id)
            if found is not None:
                return row_id, found
        return None

    def _index(self, source_id: str, event_id: str) -> _Indexed:
        # only the rows some fact follows: a row no fact follows has no later fact (at
        # 100,000 facts a preview has thousands of rows, a few of them followed)
        names = named_rows(self.dataset, source_id, [event_id, ""], self.namer,
                           followed=True)
        self.prefetch(list(names))
        holding: dict[str, list[tuple[int, str]]] = {}
        first: dict[str, Fact] = {}
        for position, (row_id, named) in enumerate(names.items()):
            found = self.later(row_id)
            if found is not None:
                first[row_id] = found
                for name in named:
                    holding.setdefault(name, []).append((position, row_id))
        return _Indexed(holding, first)
