"""The records of the fact table, as the rest of kzru sees them.

Records are typed named tuples: immutable like frozen dataclasses, but several times cheaper
to define at start-up and to rebuild from the index, which every search pays for.
"""


from datetime import date
from typing import TYPE_CHECKING, NamedTuple

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


class Sector(NamedTuple):
    id: str
    name: str
    name_ru: str
    aliases: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name


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
