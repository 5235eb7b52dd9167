"""The records of a date found in a text: ``Dated`` (a date at its precision and basis, with
a note and, for a range or a season, its span) and ``Published`` (the article's date, against
which relative dates are read), with the two helpers every reading of a date shares.

Kept apart so that kzru.curate.dates (what a sentence's words say of its time) and
kzru.curate.periods (a season, a half or quarter of a year, a week, a weekday) stand on it
without importing each other.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from kzru.cues import RELATIVE_SHIFTS
from kzru.labels import Said


class Dated(NamedTuple):
    """A date found in (or given to) a sentence."""

    date: date
    precision: str  # day | month | year
    basis: str  # stated | inferred | publication
    note: str
    end: date | None = None  # the last day of a range ("10 и 11 февраля")
    start: int = -1  # offset of the expression in the sentence
    stop: int = -1
    # a season's first and last day: an event is dated by them (at "season" precision),
    # a fact only by its year, as facts have no season precision
    season: tuple[date, date] | None = None
    # the day an event was first set for, when the sentence says it was moved to this date
    # (kzru.curate.moved): kept in the note, and for linking a mention of the old day
    moved_from: date | None = None
    moved: bool = False  # the date an event was moved to, the old one given or not


class Published(NamedTuple):
    """The article's date, against which relative dates are resolved."""

    date: date
    precision: str


def shift_of(stem: str) -> int | None:
    stem = stem.lower().replace("ё", "е")
    for cue, offset in RELATIVE_SHIFTS.items():
        if stem.startswith(cue) or cue.startswith(stem) and len(stem) >= 2:
            return offset
    return None


def describe(published: Published) -> Said:
    shown = {"day": published.date.isoformat(), "month": published.date.strftime("%Y-%m"),
             "year": str(published.date.year)}[published.precision]
    return Said("draft.article_date", date=shown)
