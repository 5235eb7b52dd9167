"""What a brief is made of: its sections, sector groups, items and a preview's checks, the
records kzru.render_brief and kzru.brief_data read. Why apart from brief.py: the renderers
and tests need the shapes and the few rules of how an item is headed (its main sector, who
says so), never the walk of the table that builds them (brief.py).
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

from kzru.follow import Tracked
from kzru.model import Event, Fact, Source
from kzru.novelty import Novelty

SECTION_ORDER = ("signed", "agreed", "done", "ongoing", "planned", "expected", "proposed",
                 "reported")
SECTION_TITLES = {
    "signed": "Signed", "agreed": "Agreed", "done": "Done", "ongoing": "Ongoing",
    "planned": "Planned", "expected": "Expected", "proposed": "Proposed",
    "reported": "Discussed and reported",
}
ATTRIBUTED = ("expected", "proposed")


class Item(NamedTuple):
    """One fact on the page, with its parts, who says so and its citation number; the
    preview's plans it fulfils, other rows of the same sentence, the areas of a document that
    spans several sectors, and rows of other articles that date the same fact differently."""

    fact: Fact
    parts: list[Fact]
    attribution: str
    citation: int
    announced: list["Item"] = []
    also: list[Fact] = []
    areas: list[str] = []
    conflicts: list[Fact] = []
    preview: str = ""  # "preview", or the event whose report announced this one beforehand
    same: list[Fact] = []  # rows of other articles reporting the same thing (same_as)


class SectorGroup(NamedTuple):
    sector: str
    items: Sequence[Item]  # made as they are read, a chunk at a time (Pages)


class Section(NamedTuple):
    status: str
    title: str
    groups: Sequence[SectorGroup]  # made as they are read (Pages)


class Check(NamedTuple):
    """A preview's forecast, plan or project held against the report of the visit: track's
    verdict, how the page says it (``shown``: the verdict, or what the report's silence
    means for this item) and, for an item the report takes up only around it, the report's
    fact on the same named thing (``see``) and the preview row it follows (``via``)."""

    item: Item
    tracked: Tracked
    shown: str = ""
    see: Fact | None = None
    via: Fact | None = None
    field: tuple[Fact, ...] = ()  # the report's rows on the item's field, which it takes up


class Brief(NamedTuple):
    event: Event
    sources: list[Source]
    previews: set[str]
    # the sections and long lists: made as they are read (Pages), at 100,000 facts never
    # all held at once
    sections: Sequence[Section]
    figures: Sequence[Item]
    novelty: Novelty
    alongside: Sequence[Item]
    checks: Sequence[Check] = []  # made as they are read (Pages)
    related: list[Event] = []
    reports: list[str] = []  # sources reporting the event after the fact
    own: list[str] = []  # sources of the event itself (the others are cited for one fact)
    announcing: dict[str, str] = {}  # preview source -> the event whose report it is
    preview_side: Sequence[Item] = []  # the preview's own background: not about the visit
    preview_said: int = 0  # the preview's assessments left out of the page (statements)
    # related events the page's articles only announce (the CSTO session of the next day,
    # «пройдет»): shown apart from those held alongside
    related_announced: list[str] = []
    # an own source that is the report of another, later event and tells of this one
    # afterwards (a000, of the 2022 working visit, on the CIS summit): source -> that event
    recalling: dict[str, str] = {}


def attribution(fact: Fact, source: Source) -> str:
    """Who says so: the speaker, else the outlet (or the article) that reports it."""
    if fact.speaker:
        return fact.speaker
    return f"according to {source.publisher}" if source.publisher else \
        f"according to article {source.id}"


SEVERAL = "several"
"""The heading of a document that spans several areas (in JSON, `sector: "several"`)."""
NO_SECTOR = ""
"""The group of draft rows the drafter could tell no sector of (a brief --drafts shows them
last, under their own heading, rather than dropping them; in JSON, `sector: ""`)."""


def main_sector(fact: Fact) -> str:
    """The heading a fact sits under: its main sector, the first (rubric 7). A document row
    of four or more areas is a package of several documents named by their areas («ряд
    документов … в вопросах космоса, атомной энергетики, ОЭЗ и креативных индустрий»): no
    one area is the package's, and filing it under the first listed would tell a reader
    scanning for nuclear energy that it is a space document. It sits under "Several areas",
    its areas listed in the article's order. So does any row of four or more areas (round 9:
    «Договоренности … коснулись сфер транспорта, экономики, культуры, образования и спорта»
    is no transport row)."""
    if len(set(fact.sectors)) >= 4:
        return SEVERAL
    return fact.sectors[0] if fact.sectors else NO_SECTOR
