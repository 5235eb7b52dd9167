"""The curator's lint: evidence that does not show the word that makes a fact's status true.

A fact marked signed must quote the signing; one marked agreed must quote the agreement. Each
status has a short list of cue stems (Russian and English, in kzru.cues, the table the
drafter reads too); evidence holding none of them is
worth a warning. `reported` has no cue: reporting is the outlet's act, not a word in the quote.

A fact whose status says it happened (signed, agreed, done) cannot be dated after the article
that reports it: "в 2027 году планируется открыть" in a 2026 article is a plan, not a done
fact. The two dates are compared at the coarser of their precisions (2027 is after
2026-03-05; 2026 is not).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from kzru.cues import STATUS_CUES
from kzru.labels import Said
from kzru.model import Dataset, Event, Fact, Source
from kzru.text import fold, normalize

_LETTER_BEFORE = r"(?<![^\W\d_])"
# Statuses that say something already happened by the time the article was written.
HAPPENED = ("signed", "agreed", "done")
_PRECISION_CHARS = {"year": 4, "month": 7, "day": 10}


class LintWarning(NamedTuple):
    """One lint finding, placed at the fact's evidence cell."""

    fact: str
    line: int
    column: int
    message: str
    kind: str = "cue"  # cue: no word of its status; future: dated after; sectors: see below;
    # event: a draft dated far from its event


@lru_cache(maxsize=None)
def _cue_pattern(status: str) -> re.Pattern[str]:
    """One pattern per status: any of its cues at the start of a word."""
    cues = "|".join(re.escape(normalize(cue)) for cue in STATUS_CUES[status])
    return re.compile(f"{_LETTER_BEFORE}(?:{cues})")


def has_status_cue(fact: Fact) -> bool:
    """Whether the evidence holds a cue word of the fact's status (always true for reported),
    its words read as the drafter reads them (Latin look-alikes in a Cyrillic word folded)."""
    if fact.status not in STATUS_CUES:
        return True
    return _cue_pattern(fact.status).search(normalize(fold(fact.evidence))) is not None


def after_publication(fact: Fact, source: Source | None) -> bool:
    """Whether a fact that says it happened is dated after its article was published, both
    dates read at the coarser of their two precisions."""
    if source is None or fact.status not in HAPPENED:
        return False
    return later_than(fact.date, fact.date_precision, source.published,
                      source.published_precision)


def later_than(day: date, precision: str, published: date, published_precision: str) -> bool:
    """Whether ``day`` falls after ``published``, both read at the coarser of their two
    precisions (the drafter asks it too, so that it drafts nothing this lint refuses)."""
    chars = min(_PRECISION_CHARS.get(precision, 10), _PRECISION_CHARS.get(published_precision, 10))
    return day.isoformat()[:chars] > published.isoformat()[:chars]


def future_message(fact: Fact, source: Source) -> str:
    """Why a fact dated after its article cannot have that status (for check and review): a
    message of the table (kzru/data_messages.py), said in the reader's language."""
    from kzru.render import date_label

    return Said("data.future", id=fact.id, status=fact.status,
                date=date_label(fact.date, fact.date_precision), source=source.id,
                published=date_label(source.published, source.published_precision))


# A draft dated this many days from its event's days is misdated or filed under another
# event (a page whose date markup was a year off dated its sentences so).
FAR_DAYS = 183


def days_from_event(fact: Fact, event: Event | None) -> int:
    """Days between a fact's date, read at its precision (a month is all its days; a year
    says too little to tell), and its event's first to last day; 0 within them."""
    if event is None or fact.date_precision not in ("day", "month"):
        return 0
    first = last = fact.date
    if fact.date_precision == "month":
        import calendar

        last = fact.date.replace(day=calendar.monthrange(fact.date.year, fact.date.month)[1])
    end = event.end or event.start
    return max((event.start - last).days, (first - end).days, 0)


def lint(dataset: Dataset) -> list[LintWarning]:
    """Every fact whose evidence lacks a cue word of its status, every fact that says it
    happened after its article was written, and every parent without a sector of one of its
    parts, in file order."""
    column = list(Fact._fields).index("evidence") + 1
    date_column = list(Fact._fields).index("date") + 1
    sectors_column = list(Fact._fields).index("sectors") + 1
    found, parents = [], []  # one pass; a parent's warnings after the facts' own, as before
    for fact in dataset.facts.values():
        source = dataset.sources.get(fact.source)
        if source is not None and after_publication(fact, source):
            found.append(LintWarning(fact.id, dataset.fact_lines.get(fact.id, 0), date_column,
                                     future_message(fact, source), "future"))
        if fact.review == "draft" and fact.event:
            event = dataset.events.get(fact.event)
            days = days_from_event(fact, event)
            if days > FAR_DAYS:
                from kzru.render import date_label

                found.append(LintWarning(
                    fact.id, dataset.fact_lines.get(fact.id, 0), date_column,
                    Said("data.far_from_event", id=fact.id, days=days, event=fact.event,
                         date=date_label(fact.date, fact.date_precision),
                         start=event.start.isoformat()), "event"))
        if not has_status_cue(fact):
            cues = "/".join(f"{cue}-" for cue in STATUS_CUES[fact.status][:3])
            found.append(LintWarning(
                fact.id, dataset.fact_lines.get(fact.id, 0), column,
                Said("data.no_status_word", id=fact.id, status=fact.status, cues=cues)))
        parent = dataset.facts.get(fact.part_of) if fact.part_of else None
        missing = [sector for sector in fact.sectors if sector not in parent.sectors] \
            if parent is not None else []
        if missing:
            # a listing by sector counts a package once, under its own sectors: a part's
            # sector missing from them drops the package from that sector's count
            parents.append(LintWarning(
                parent.id, dataset.fact_lines.get(parent.id, 0), sectors_column,
                Said("data.part_sectors", id=parent.id, part=fact.id,
                     missing="; ".join(missing)), "sectors"))
    found += parents
    return sorted(found, key=lambda warning: warning.line)
