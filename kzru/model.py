"""The records of the fact table, as the rest of kzru sees them.

Records are typed named tuples: immutable like frozen dataclasses, but several times cheaper
to define at start-up and to rebuild from the index, which every search pays for.
"""


from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Iterator, NamedTuple

if TYPE_CHECKING:
    from decimal import Decimal

# Joins verbatim pieces of one passage in an evidence cell.
EVIDENCE_JOINER = " \u2026 "


class Source(NamedTuple):
    id: str
    file: str
    publisher: str
    title: str
    published: date
    published_precision: str
    published_basis: str
    published_note: str
    url: str
    url_note: str
    sha256: str
    review: str


class Event(NamedTuple):
    id: str
    kind: str
    title_ru: str
    title_en: str
    start: date
    end: date
    date_precision: str
    date_basis: str
    date_note: str
    host: str
    guest: str
    places: tuple[str, ...]
    sources: tuple[str, ...]
    review: str

    def title(self, lang: str) -> str:
        return self.title_ru if lang == "ru" else self.title_en


class Fact(NamedTuple):
    id: str
    kind: str
    event: str
    date: date
    date_precision: str
    date_basis: str
    date_note: str
    sectors: tuple[str, ...]
    status: str
    speaker: str
    summary: str
    text: str
    evidence: str
    source: str
    value: "int | float | Decimal | None"  # exact: every digit the CSV holds (store.py)
    unit: str
    names: tuple[str, ...]
    part_of: str
    follows: tuple[str, ...]
    same_as: tuple[str, ...]
    review: str

    @property
    def evidence_pieces(self) -> list[str]:
        """The verbatim pieces of the evidence (one, or up to three joined by ' … ')."""
        return self.evidence.split(EVIDENCE_JOINER)


class Row(NamedTuple):
    """A fact as a page's layout reads it: what decides where it goes and what it sits
    beside, not its words (summary, text, evidence, note, value). ``sentence`` stands for
    its evidence: equal for rows of the same sentence, so rows compare without holding it.
    A brief of 20,000 rows holds these, and each section's facts whole only while it is
    written (brief.py)."""

    id: str
    kind: str
    event: str
    date: date
    date_precision: str
    date_basis: str
    sectors: tuple[str, ...]
    status: str
    speaker: str
    source: str
    names: tuple[str, ...]
    part_of: str
    same_as: tuple[str, ...]
    sentence: Any


def row_of(fact: Fact) -> Row:
    """A loaded fact's row (its evidence stands for its sentence)."""
    return Row(fact.id, fact.kind, fact.event, fact.date, fact.date_precision, fact.date_basis,
               fact.sectors, fact.status, fact.speaker, fact.source, fact.names, fact.part_of,
               fact.same_as, fact.evidence)


class Sector(NamedTuple):
    id: str
    name: str
    name_ru: str
    aliases: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name

    def short(self, lang: str) -> str:
        """Its name without the bracketed detail («Энергетика (нефть, газ, уголь,
        электроэнергия)» → «Энергетика»), as a line of text or a Russian list says it."""
        return self.label(lang).split(" (")[0]


class GlossaryEntry(NamedTuple):
    id: str
    kind: str
    name_en: str
    name_ru: str
    aliases: tuple[str, ...]

    def all_names(self) -> tuple[str, ...]:
        return (self.name_en, self.name_ru, *self.aliases)


class Dataset:
    """A loaded, validated data folder; lookups by id are built once here."""

    def __init__(self, folder: str, sources: dict[str, Source], events: dict[str, Event],
                 facts: dict[str, Fact], sectors: dict[str, Sector],
                 glossary: dict[str, GlossaryEntry]) -> None:
        self.folder = folder
        self.sources = sources
        self.events = events
        self.facts = facts
        self.sectors = sectors
        self.glossary = glossary
        self.fact_lines: dict[str, int] = {}
        self.source_lines: dict[str, int] = {}
        self.facts_by_event: dict[str, list[Fact]] = {}
        self.parts: dict[str, list[Fact]] = {}
        for fact in facts.values():
            self.facts_by_event.setdefault(fact.event, []).append(fact)
            if fact.part_of:
                self.parts.setdefault(fact.part_of, []).append(fact)

    def top_level(self, facts: "list[Fact] | None" = None) -> list[Fact]:
        """Facts that are not part of another: what every count counts, once per item."""
        chosen = self.facts.values() if facts is None else facts
        return [fact for fact in chosen if not fact.part_of]

    # --- the questions brief and track ask, answered by walking the table (kzru.db.Store
    # answers the same in SQL; tests hold the two to the same answers) ---------------------

    def event_facts(self, event_id: str, top_level: bool = False,
                    roles: bool = False) -> list[Fact]:
        found = self.facts_by_event.get(event_id, []) if event_id else []
        return [fact for fact in found if not (top_level and fact.part_of)]

    def facts_of(self, sources: Iterable[str], events: Iterable[str],
                 statuses: Iterable[str] | None = None, top_level: bool = False,
                 ids: bool = False, kinds: Iterable[str] | None = None,
                 main_sectors: Iterable[str] | None = None) -> list[Any]:
        sources, events = set(sources), set(events)
        wanted = set(statuses) if statuses is not None else None
        of_kinds = set(kinds) if kinds is not None else None
        main = set(main_sectors) if main_sectors is not None else None
        found = [fact for fact in self.facts.values() if fact.source in sources
                 and fact.event in events and (wanted is None or fact.status in wanted)
                 and (of_kinds is None or fact.kind in of_kinds)
                 and (main is None or fact.sectors[:1] and fact.sectors[0] in main)
                 and not (top_level and fact.part_of)]
        return [fact.id for fact in found] if ids else found

    def rows_of(self, sources: Iterable[str], events: Iterable[str],
                top_level: bool = False) -> list[Row]:
        return [row_of(fact) for fact in self.facts_of(sources, events, top_level=top_level)]

    def event_rows(self, event_id: str) -> list[Row]:
        return [row_of(fact) for fact in self.event_facts(event_id)]

    def fetch(self, fact_ids: Iterable[str], known: Any = None,
              keep: bool = True) -> dict[str, Fact]:
        return {fact_id: self.facts[fact_id] for fact_id in fact_ids if fact_id in self.facts}

    def parts_of(self, fact_ids: Iterable[str], known: Any = None,
                 keep: bool = True) -> dict[str, list[Fact]]:
        return {fact_id: self.parts[fact_id] for fact_id in fact_ids if fact_id in self.parts}

    def followers(self, fact_ids: Iterable[str]) -> dict[str, list[Fact]]:
        wanted = set(fact_ids)
        found: dict[str, list[Fact]] = {}
        for fact in self.facts.values():
            for earlier in fact.follows:
                if earlier in wanted:
                    found.setdefault(earlier, []).append(fact)
        return found

    def source_event_counts(self) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = {}
        for fact in self.facts.values():
            if fact.event:
                counts[fact.source, fact.event] = counts.get((fact.source, fact.event), 0) + 1
        return counts

    def event_source_outcomes(self) -> dict[tuple[str, str], tuple[bool, bool]]:
        found: dict[tuple[str, str], tuple[bool, bool]] = {}
        for fact in self.facts.values():
            if fact.event:
                going, outcome = found.get((fact.event, fact.source), (False, False))
                found[fact.event, fact.source] = (
                    going or (fact.status == "ongoing" and fact.kind == "meeting"),
                    outcome or fact.status in ("signed", "agreed", "done"))
        return found

    def event_fact_sources(self, event_id: str) -> list[str]:
        return list(dict.fromkeys(fact.source for fact in self.event_facts(event_id)))

    def event_spans(self, source_id: str, event_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        spans: dict[str, tuple[int, int]] = {}
        for fact in self.facts_of([source_id], event_ids):
            at = self.fact_lines.get(fact.id, 0)
            first, last = spans.get(fact.event, (at, at))
            spans[fact.event] = (min(first, at), max(last, at))
        return spans

    def known_before(self, event_ids: Iterable[str], sources: Iterable[str], before: date,
                     sectors: Iterable[str], names: Iterable[str]) -> tuple[set[str], set[str]]:
        from kzru.text import normalize

        event_ids, sources = set(event_ids), set(sources)
        chosen = [fact for fact in self.facts.values() if fact.event in event_ids or (
            not fact.event and fact.source in sources and fact.date < before)]
        return ({sector for fact in chosen for sector in fact.sectors} & set(sectors),
                {normalize(name) for fact in chosen for name in fact.names} & set(names))

    def event_sectors(self, event_id: str) -> set[str]:
        return {sector for fact in self.event_facts(event_id) for sector in fact.sectors}

    def report_rows(self, event_id: str, sources: Iterable[str]) -> list[tuple[str, str, str]]:
        wanted = set(sources)
        return [(fact.id, fact.source, fact.sectors[0]) for fact in self.event_facts(event_id)
                if fact.source in wanted and not fact.part_of and fact.sectors]

    def signed_documents(self, event_id: str, sources: Iterable[str]) -> list[Fact]:
        wanted = set(sources)
        return [fact for fact in self.event_facts(event_id)
                if fact.source in wanted and not fact.part_of and fact.sectors
                and fact.kind == "document" and fact.status == "signed"]

    def overview_rows(self, event_id: str, sources: Iterable[str], least: int) -> list[Fact]:
        wanted = set(sources)
        return [fact for fact in self.event_facts(event_id)
                if fact.source in wanted and not fact.part_of
                and len(set(fact.sectors)) >= least]

    def main_sectors(self, event_id: str, sources: Iterable[str]) -> set[str]:
        wanted = set(sources)
        return {fact.sectors[0] for fact in self.event_facts(event_id)
                if fact.source in wanted and fact.sectors}

    def names_of(self, source_id: str, events: Iterable[str],
                 names: Iterable[str] | None = None,
                 followed: bool = False) -> list[tuple[str, str, Any]]:
        from kzru.text import normalize

        wanted = set(names) if names is not None else None
        linked = {earlier for fact in self.facts.values() for earlier in fact.follows} \
            if followed else None
        return [(fact.id, fact.speaker, fact.names)
                for fact in self.facts_of([source_id], events)
                if (wanted is None or {normalize(name) for name in fact.names} & wanted)
                and (linked is None or fact.id in linked)]

    def role_candidates(self) -> list[Fact]:
        return list(self.facts.values())

    def pages(self, page: int = 0) -> Iterator[list[Fact]]:
        yield list(self.facts.values())

    def event_pages(self, event_id: str, page: int = 0) -> Iterator[list[Fact]]:
        yield self.event_facts(event_id, top_level=True)

    def role_pool(self, page: int = 0, event: str | None = None) -> Iterator[Fact]:
        return iter(self.facts.values() if event is None else self.event_facts(event))

    def with_parts(self) -> set[str]:
        return set(self.parts)

    def main_sector_facts(self, sectors: Iterable[str]) -> list[Fact]:
        wanted = set(sectors)
        return [fact for fact in self.facts.values()
                if fact.sectors[:1] and fact.sectors[0] in wanted]
