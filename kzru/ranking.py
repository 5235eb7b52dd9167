"""Score and order facts for a read query's units (see search.py for which facts may be
shown): each unit weighed by how rare its rows are, a fact's score the idf-weighted share of
units it matches, times the share of the query's words it matches (coordination), times
REPORTED for a fact only reported in the period asked; then newest. Months, dates and asked-for
kinds are units too; the score shown is the one the order uses.

Why apart from search.py: search decides what the query keeps and leaves out (stated years
and statuses, -words, a relaxed filter and the note that says so); this side only ranks what
it is given, so a change to the order never touches the filters, and the other way round.
"""


import heapq
import math
from datetime import date
from typing import Any, Callable, NamedTuple

from kzru.index import Index
from kzru.labels import Said
from kzru.matching import NAME_ONLY
from kzru.model import Fact
from kzru.query_terms import Reading
from kzru.query_words import GENERIC_WEIGHT, SPEECH
from kzru.signals import Signals
from kzru.word_match import QUALITY, Best

# Among facts that match alike, the documents and decisions of an event come first.
PRIOR_SHARE = 0.08
PLACE_WEIGHT = 0.7  # a place beside a topic word qualifies it
MIN_SCORE = 30.0
# A fact only reported in the period a query states (dated by its article alone) counts for
# this share of its match: it ranks after a fact dated then by its own words that matches at
# least this share as well.
REPORTED = 0.6
# What a match counts for among the query's words (see ranked): a word met only inside a
# name, as much as a name match weighs (matching.NAME_ONLY); any other match, the whole word.
CREDIT = {"name": NAME_ONLY}


# How the hits' facts are read: rowids -> their records (Index.facts: whole facts).
Records = Callable[[list[int]], dict[int, Any]]


class Match(NamedTuple):
    """How one query unit matched one fact."""

    query: str
    term: str
    how: str
    weight: float


class Hit(NamedTuple):
    """A ranked fact; ``matched`` counts the query units it matched."""

    fact: Fact
    score: float
    matched: int
    matches: list[Match]
    notes: tuple[str, ...] = ()  # e.g. "reported in 2025": dated only by its article
    reported_in: int | None = None  # that year, for a fact only reported in the period asked

    @property
    def terms(self) -> set[str]:
        """Every matched vocabulary word, for highlighting."""
        return {word for match in self.matches if match.how in QUALITY
                for word in match.term.split()}


class Hits(list):  # type: ignore[type-arg]
    """Ranked hits, best first; ``total`` counts every fact that matched, shown or not;
    ``unmatched`` names the query's words that matched no fact (``related``: the ones looked
    up through related words, and what they reached); ``notes`` say what the
    search did beyond the query's letter (a filter relaxed, facts dated by their article)."""

    def __init__(self, hits: list[Hit], total: int, unmatched: tuple[str, ...] = (),
                 notes: tuple[str, ...] = ()) -> None:
        super().__init__(hits)
        self.total = total
        self.unmatched = unmatched
        self.notes = notes
        # a query word -> the related words it reached, and how ("related" or "derived")
        self.related: dict[str, tuple[str, str]] = {}


class Unit:
    """One thing a fact can match: a text term or a constraint, with its rows."""

    __slots__ = ("text", "size", "rows", "weight", "counts")

    def __init__(self, text: str, size: int, rows: dict[int, Best],
                 generic: bool = False, counts: bool = True, place: bool = False) -> None:
        self.text, self.size, self.rows = text, size, rows
        self.weight = GENERIC_WEIGHT if generic else PLACE_WEIGHT if place else 1.0
        self.counts = counts  # a relaxed filter ranks, but is not a word the fact matched


def _constraint_units(signals: Signals, reading: Reading, soft: tuple[str, ...]) -> list[Unit]:
    """Months, dates and asked-for kinds rank; so do the ``soft`` filters (year, status)."""
    units = []
    if reading.months or reading.days:
        found = signals.dates(reading.years, reading.months, reading.days)
        label = "date" if reading.days else "month"
        units.append(Unit(label, 1, {r: (1.0, label, label) for r in found}))
    if reading.kinds:
        found = signals.where("kind", reading.kinds)
        units.append(Unit("kind", 1, {r: (1.0, "/".join(reading.kinds), "kind")
                                      for r in found}))
    for column, values in (("year", reading.years), ("status", reading.statuses)):
        if values and column in soft:
            found = signals.where(column, values)
            label = "/".join(map(str, values))
            units.append(Unit(column, 1, {r: (1.0, label, column) for r in found},
                              counts=False))
    return units


def ranked(index: Index, signals: Signals, reading: Reading, text_units: list[Unit],
           allowed: set[int] | None, limit: int | None, soft: tuple[str, ...],
           records: Records | None = None) -> Hits:
    """The ``limit`` best of the ``allowed`` facts (every fact with None) that match the
    units, best first; ``soft``: the stated filters (year, status) that rank instead.
    ``records``: the hits' facts read by it (rowid -> record) instead of whole
    (``index.facts``): a caller that reads only some of the hits' words (track's topic)."""
    units = text_units + _constraint_units(signals, reading, soft)
    filtered = [(str(v), "year") for v in reading.years if "year" not in soft] + [
        (v, "status") for v in reading.statuses if "status" not in soft]
    total = max(index.count, 1)
    # A glossary phrase counts for as many query words as it has; a generic word for less.
    weights = [unit.weight * unit.size * math.log(1 + total / max(len(unit.rows), 1))
               for unit in units]
    weight_sum = sum(weights) or 1.0
    scores: dict[int, float] = {}
    matched: dict[int, int] = {}
    said: dict[int, float] = {}  # the query's words a fact matches, each by its CREDIT
    if units:
        for unit, unit_weight in zip(units, weights):
            for rowid, (weight, _, how) in unit.rows.items():
                if allowed is not None and rowid not in allowed:
                    continue
                scores[rowid] = scores.get(rowid, 0.0) + unit_weight * weight
                if unit.counts:
                    said[rowid] = said.get(rowid, 0.0) + unit.size * CREDIT.get(how, 1.0)
                    if how != "name":
                        matched[rowid] = matched.get(rowid, 0) + unit.size
    else:  # only constraints: every fact that passes them, fully
        scores = dict.fromkeys(allowed if allowed is not None else index.allowed("1", []), 1.0)
    # A name-only match (NAME_ONLY) sits exactly at the threshold: compare with a margin, or
    # float rounding of the weights decides whether it is shown.
    threshold = MIN_SCORE * weight_sum / 100.0 * (1 - 1e-9) if units else 0.0
    below = {rowid: score for rowid, score in scores.items() if score < threshold}
    scores = {rowid: score for rowid, score in scores.items() if score >= threshold}
    if below and scores:
        _packages(index, scores, below)
    constrained = bool(reading.years or reading.statuses or reading.months or reading.days
                       or reading.not_statuses or reading.ranked_statuses
                       or reading.kinds or any(t.kinds or t.events or t.event_kinds
                                               for t in reading.terms))
    if constrained and scores:
        # a status named by a noun (договорённости) is what decides; else documents and
        # decisions
        decisive = signals.where("status", reading.ranked_statuses) \
            if reading.ranked_statuses else (signals.where("kind", ("document", "commitment"))
                                             | signals.where("status", ("signed", "agreed")))
        tied = index.allowed("event != ''", [])
        bonus = PRIOR_SHARE * (weight_sum if units else 1.0)
        for rowid in scores:
            scores[rowid] += bonus * (0.6 * (rowid in decisive) + 0.4 * (rowid in tied))
    # A person named beside a topic asks what that person said on it: their own statements
    # (the speaker column) come first among the facts that match alike.
    for rowid in spoken(signals, reading) & scores.keys():
        scores[rowid] += PRIOR_SHARE * (weight_sum if units else 1.0)
    # A query naming only an event's kind asks for the events: each one's opening first,
    # newest first.
    leading = _openings(signals, reading.events_asked, scores) if reading.events_asked \
        else set()
    # A stated time means the fact's own date: a fact dated only by its article counts for
    # REPORTED of its match (below).
    dated = reading.years or reading.months or reading.days
    # ... unless their event was held then: its date is theirs (a001's 36 points of the
    # joint statement adopted at the 2024 visit, dated by the article, are of 2024).
    held = _held(index.events.values(), reading) if dated else []
    reported = index.allowed(
        f"basis = 'publication' AND event NOT IN ({','.join('?' * len(held))})",
        held) if dated else set()
    full = weight_sum if units else 1.0
    dates = index.dates
    # The score is the one the order uses: the match, times the share of the query's words
    # the fact matches (coordination: facts matching more of them come first), times
    # REPORTED for a fact only reported in the period asked.
    words = sum(unit.size for unit in units if unit.counts)
    for rowid in scores:
        if words:
            scores[rowid] *= min(1.0, said.get(rowid, 0.0) / words)
        if rowid in reported:
            scores[rowid] *= REPORTED
    # The events a query of event kinds alone asks for: each one's opening answers it as well
    # as the best match does, and the openings come first among those, newest first.
    best = max(scores.values(), default=0.0)
    for rowid in leading:
        scores[rowid] = best
    keyed = ((-score, rowid not in leading, -dates[rowid] if rowid in leading else 0,
              -dates[rowid], rowid) for rowid, score in scores.items())
    ranked = heapq.nsmallest(limit, keyed) if limit is not None else sorted(keyed)
    facts = (records or index.facts)([key[-1] for key in ranked])
    hits = []
    for score, *_, rowid in ranked:
        matches = [Match(unit.text, unit.rows[rowid][1], unit.rows[rowid][2],
                         unit.rows[rowid][0]) for unit in units if rowid in unit.rows]
        fact = facts[rowid]
        # of the stated years and statuses, the one the fact has (planned, not expected)
        own = {"year": str(fact.date.year), "status": fact.status}
        matches += [Match(value, value, how, 1.0) for value, how in filtered if value == own[how]]
        year = fact.date.year if rowid in reported else None
        notes = (Said("read.reported_in", year=year),) if year else ()
        hits.append(Hit(fact, round(min(100.0, -score * 100.0 / full), 1),
                        matched.get(rowid, 0), matches, notes, year))
    return Hits(hits, len(scores))


def spoken(signals: Signals, reading: Reading) -> set[int]:
    """The statements of the one person a query names beside a topic (another word than a
    name: Токаев об образовании), or of the people it names beside a word asking what they
    said (Putin said). Empty otherwise."""
    people = [term.entry for term in reading.terms if term.entity == "person"]
    if SPEECH & set(reading.ignored):
        return set().union(*(signals.speaker(entry) for entry in people))
    if len(people) != 1 or len(reading.terms) == 1:  # two people: their meeting, not a
        return set()  # statement of one of them (when did Putin and Tokayev meet)
    return set().union(*(signals.speaker(entry) for entry in people))


def _packages(index: Index, scores: dict[int, float], below: dict[int, float]) -> None:
    """Keep, at their own score, the facts ``below`` the threshold that are the package of a
    kept fact (its part_of): a package frames its parts, as `facts` lists them after it
    (hidden r12 #31: the NGO row kept, the justice agreements it is part of dropped)."""
    packages = below.keys() & index.allowed("id IN (SELECT part_of FROM filters)", [])
    for rowid in packages:
        parts = index.allowed("part_of = (SELECT id FROM filters WHERE rowid = ?)", [rowid])
        if parts & scores.keys():
            scores[rowid] = below[rowid]


def _held(events: Any, reading: Reading) -> list[str]:
    """The events held, on any of their days, in the years, months and days the query
    states."""
    found = []
    for event in events:
        day, days = event.start, []
        while day <= event.end and len(days) < 366:
            days.append(day)
            day = date.fromordinal(day.toordinal() + 1)
        if any((not reading.years or day.year in reading.years)
               and (not (reading.months or reading.days) or day.month in reading.months
                    or (day.month, day.day) in reading.days) for day in days):
            found.append(event.id)
    return found


def _openings(signals: Signals, kinds: tuple[str, ...], scores: dict[int, float]) -> set[int]:
    """Per event of ``kinds``, the one opening (see Signals.openings) that ranks first: one
    that happened before a preview, then the better score, then the first row."""
    best: dict[str, tuple[float, float, int]] = {}
    for rowid, (event, share) in signals.openings(kinds).items():
        if rowid in scores:
            key = (share, scores[rowid], -rowid)
            best[event] = max(key, best.get(event, key))
    return {-key[2] for key in best.values()}
