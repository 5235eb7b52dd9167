"""The records of the fact table, as the rest of kzru sees them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    file: str
    publisher: str
    title: str
    published: date
    published_precision: str
    published_basis: str
    published_note: str


@dataclass(frozen=True, slots=True)
class Event:
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

    def title(self, lang: str) -> str:
        return self.title_ru if lang == "ru" else self.title_en


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    kind: str
    event: str
    date: date
    date_precision: str
    sectors: tuple[str, ...]
    status: str
    speaker: str
    summary: str
    text: str
    evidence: str
    source: str
    value: float | None
    unit: str
    names: tuple[str, ...]

    def body(self, lang: str) -> str:
        return self.text if lang == "ru" else self.summary


@dataclass(frozen=True, slots=True)
class Sector:
    id: str
    name: str
    name_ru: str
    aliases: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    id: str
    kind: str
    name_en: str
    name_ru: str
    aliases: tuple[str, ...]

    def all_names(self) -> tuple[str, ...]:
        return (self.name_en, self.name_ru, *self.aliases)


@dataclass
class Dataset:
    """A loaded, validated data folder; lookups by id are built once here."""

    folder: str
    sources: dict[str, Source]
    events: dict[str, Event]
    facts: dict[str, Fact]
    sectors: dict[str, Sector]
    glossary: dict[str, GlossaryEntry]
    facts_by_event: dict[str, list[Fact]] = field(default_factory=dict)
    fact_lines: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for fact in self.facts.values():
            self.facts_by_event.setdefault(fact.event, []).append(fact)
