"""A preview against its report: which articles wrote about an event before it happened,
which report it afterwards, the preview's rows for the event, and what each row names.

Why apart from follow.py: these are questions about articles and events (dates of
publication, which event an article is mostly about), asked by both track (a forecast's
verdict) and brief (the preview's section), never about the links between facts.
"""

from __future__ import annotations

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


def previewed(dataset: Dataset) -> dict[str, Event]:
    """Fact id -> the event a preview expected or proposed it for: the preview's own items for
    the event and its background (where the event is the preview's main one)."""
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
    main = main_events(dataset)
    found: dict[str, Event] = {}
    for event in dataset.events.values():
        for source_id in preview_sources(dataset, event):
            if main.get(source_id) != event.id or \
                    not report_sources(dataset, event, {source_id}):
                continue
            work = [fact for fact in dataset.facts_of([source_id], [""], ("ongoing",))
                    if fact.kind in WORK_KINDS]
            inside = _inside_passages(dataset, source_id, event.id, work) if work else set()
            for fact in work:
                if fact.id not in inside:
                    found[fact.id] = event
    return found


def _inside_passages(dataset: Dataset, source_id: str, main: str,
                     facts: list[Fact]) -> set[str]:
    """Of ``facts``, those the article tells between the first and last fact of another of
    its events (in the curated table's order, which is the article's)."""
    others = [e.id for e in dataset.events.values() if e.id != main and source_id in e.sources]
    if not others:
        return set()
    line = dataset.fact_lines
    spans: dict[str, list[int]] = {}
    for fact in dataset.facts_of([source_id], others):
        spans.setdefault(fact.event, []).append(line.get(fact.id, 0))
    return {fact.id for fact in facts
            if any(min(at) < line.get(fact.id, 0) < max(at) for at in spans.values())}


def place_names(dataset: Dataset) -> set[str]:
    """Names of places and people: the leaders and the countries are in half the rows."""
    return {normalize(name) for entry in dataset.glossary.values()
            if entry.kind in ("place", "person") for name in entry.all_names()}


def speaker_names(dataset: Dataset, speaker: str) -> set[str]:
    """Every spelling of who says so ("Zhanar Tulindinova (KazISS)": her name and her
    institute's, in both languages): they say who speaks, not what the row is about."""
    return Namer(dataset).speaker(speaker)


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
        """``speaker_names``: each name and its bracketed institution, and every spelling of
        the glossary entries that spell either so."""
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


def named_rows(dataset: Dataset, source_id: str, event_ids: list[str],
               namer: Namer) -> dict[str, set[str]]:
    """A source's rows for these events ('' for its background), by id in file order, each
    with what it names (``naming``); the rows themselves are not kept."""
    return {fact_id: namer.naming(names, speaker)
            for fact_id, speaker, names in dataset.names_of(source_id, event_ids)}
