"""Rank facts for a read query (see understand.py): each term's rows as matching.py finds them,
weighed by how rare they are, filtered by the years and statuses the query states, ranked by
score, then newest. Months and dates rank. A fact's score is the idf-weighted share of units
it matches, times the share of the query's words it matches (coordination), times REPORTED
for a fact only reported in the period asked: the score shown is the one the order uses.
"""


import heapq
import math
from datetime import date
from typing import Any, NamedTuple

from kzru.index import Index
from kzru.labels import Joined, Said, status_word
from kzru.matching import NAME_ONLY, OWN_FIELDS, phrase_rows, term_rows, text_rows
from kzru.model import Fact
from kzru.query_terms import Reading, Term
from kzru.query_words import GENERIC_WEIGHT
from kzru.signals import Signals, statements
from kzru.text import normalize
from kzru.understand import read
from kzru.word_match import QUALITY, Best, Matcher, people

# What an excluded word (-word) removes: the word in any form or script, not a guess.
EXCLUDING = frozenset({"exact", "stem", "alias", "translation", "transliteration"})
# Among facts that match alike, the documents and decisions of an event come first.
PRIOR_SHARE = 0.08
PLACE_WEIGHT = 0.7  # a place beside a topic word qualifies it
MIN_SCORE = 30.0
# A fact only reported in the period a query states (dated by its article alone) counts for
# this share of its match: it ranks after a fact dated then by its own words that matches at
# least this share as well.
REPORTED = 0.6
# What a match counts for among the query's words (see _ranked): a word met only inside a
# name, as much as a name match weighs (matching.NAME_ONLY); any other match, the whole word.
CREDIT = {"name": NAME_ONLY}


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


def read_query(index: Index, query: str, literal: bool = False) -> Reading:
    """The query as kzru reads it; with ``literal``, plain words and glossary names only."""
    if literal:
        return read(query, index.aliases, literal=True)
    return read(query, index.aliases, index.events.values(), index.sectors.values(),
                index.table("glossary").values())


class _Unit:
    """One thing a fact can match: a text term or a constraint, with its rows."""

    __slots__ = ("text", "size", "rows", "weight", "counts")

    def __init__(self, text: str, size: int, rows: dict[int, Best],
                 generic: bool = False, counts: bool = True, place: bool = False) -> None:
        self.text, self.size, self.rows = text, size, rows
        self.weight = GENERIC_WEIGHT if generic else PLACE_WEIGHT if place else 1.0
        self.counts = counts  # a relaxed filter ranks, but is not a word the fact matched


def _constraint_units(signals: Signals, reading: Reading, soft: tuple[str, ...]) -> list[_Unit]:
    """Months, dates and asked-for kinds rank; so do the ``soft`` filters (year, status)."""
    units = []
    if reading.months or reading.days:
        found = signals.dates(reading.years, reading.months, reading.days)
        label = "date" if reading.days else "month"
        units.append(_Unit(label, 1, {r: (1.0, label, label) for r in found}))
    if reading.kinds:
        found = signals.where("kind", reading.kinds)
        units.append(_Unit("kind", 1, {r: (1.0, "/".join(reading.kinds), "kind")
                                       for r in found}))
    for column, values in (("year", reading.years), ("status", reading.statuses)):
        if values and column in soft:
            found = signals.where(column, values)
            label = "/".join(map(str, values))
            units.append(_Unit(column, 1, {r: (1.0, label, column) for r in found},
                               counts=False))
    return units


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


def search(index: Index, query: str, allowed: set[int] | None = None,
           limit: int | None = 10, reading: Reading | None = None,
           strict: bool = False) -> Hits:
    """Rank facts for ``query`` (or its ``reading``) by score (see _ranked), then newest.
    A stated year or status filters; when that leaves nothing, the
    status and then the year rank instead, and a note says so (unless ``strict``).
    ``Hits.related`` says which words were looked up through related words, and found what."""
    reading = reading if reading is not None else read_query(index, query)
    related: dict[str, tuple[str, str]] = {}
    found = _search(index, reading, allowed, limit, strict, related) if not reading.empty \
        else Hits([], 0)
    found.related = related
    return found


def _related(term: Term, rows: dict[int, Best], related: dict[str, tuple[str, str]]
             ) -> dict[int, Best]:
    """Note the related words that ``rows`` (from related_rows) reached, best first, and
    whether any was derived from the same root (see related.derived)."""
    best: dict[str, float] = {}
    forms: dict[str, set[str]] = {}
    ways = set()
    for weight, matched, how in rows.values():
        root, _, form = matched.partition(": ")
        forms.setdefault(root, set()).add(form)
        best[root] = max(weight, best.get(root, 0.0))
        ways.add(how)
    # a compound's root is no word (нефтепровод: нефт): show the form the facts hold
    best = {(root if root in forms[root] else root + "ь" if root + "ь" in forms[root]
             else min(forms[root], key=lambda form: (len(form), form))): weight
            for root, weight in best.items()}
    if best:
        related[term.text] = (", ".join(sorted(best, key=lambda w: (-best[w], w))),
                              "derived" if "derived" in ways else "related")
    return rows


def _search(index: Index, reading: Reading, allowed: set[int] | None, limit: int | None,
            strict: bool, related: dict[str, tuple[str, str]]) -> Hits:
    signals = Signals(index)
    matcher = Matcher(index, people(index))
    terms = [(term, term_rows(matcher, signals, term, before.tokens[-1] if before else ""))
             for before, term in zip([None, *reading.terms], reading.terms)]
    if not all(rows for _, rows in terms):  # only then: most searches never load related.py
        from kzru.related import related_rows

        terms = [(term, rows or _related(term, related_rows(matcher, term), related))
                 for term, rows in terms]
    if any(not rows for _, rows in terms):  # beside a word the table lacks, a guessed
        terms = [(term, {} if _guessed(rows) else rows) for term, rows in terms]  # spelling
        # is no evidence: "quantum computing" must not find "competing"
    statements(signals, terms)  # a person's own statements on the query's topics
    unmatched = tuple(term.text for term, rows in terms if not rows)
    terms = [(term, rows) for term, rows in terms if rows]
    # A place is one thing the query names, however many words its name has (Республика
    # Татарстан, казахстанско-российская граница): it must not outweigh the topic beside it.
    # Among facts that match as many of the query's words, the topic decides before the
    # place (КПП на границе: the checkpoints, before what else is said of the border).
    units = [_Unit(term.text, 1 if term.entity == "place" else len(term.tokens), rows,
                   term.generic, place=term.entity == "place") for term, rows in terms]
    if reading.terms and not units and not (reading.months or reading.days or reading.kinds):
        return Hits([], 0, unmatched)
    allowed = _without(matcher, signals, reading, allowed)
    years = signals.where("year", reading.years) if reading.years else None
    statuses = signals.where("status", reading.statuses) if reading.statuses else None
    if reading.not_statuses:  # not signed: every fact of another status
        every = statuses if statuses is not None else index.allowed("1", [])
        statuses = every - signals.where("status", reading.not_statuses)
    dated = allowed if years is None else years if allowed is None else years & allowed
    kept = dated if statuses is None else statuses if dated is None else statuses & dated
    # A status that nothing satisfies: a topic word (not a name, a kind, an event or a generic
    # word) all of whose facts the status removes.
    lost = [unit for (term, _), unit in zip(terms, units)
            if statuses is not None and not (term.kinds or term.generic or term.entity
                                             or term.event_kinds or _names_a_person(
                                                 matcher, term))
            and (dated is None or unit.rows.keys() & dated) and not unit.rows.keys() & kept]
    if lost and not strict:
        about = {rowid for unit in lost for rowid in unit.rows}
        hits = _ranked(index, signals, reading, units,
                       about if dated is None else about & dated, limit, ("status",))
        if hits:
            return Hits(hits, hits.total, unmatched,
                        (_relaxed(reading, lost, hits, "status"), *hits.notes))
    hits = _ranked(index, signals, reading, units, kept, limit, ())
    if lost:  # strict: the filter stands, and the note says what it left out
        return Hits(hits, hits.total, unmatched, (_nothing(reading, lost), *hits.notes))
    if hits or strict or not units or (years is None and statuses is None):
        notes = () if hits or not strict else (_nothing(reading, units),)
        return Hits(hits, hits.total, unmatched, notes + hits.notes)
    if years is not None and not years:  # no fact at all from that time: nothing, not noise
        return Hits([], 0, unmatched, (Said("read.no_facts_dated",
                                            years=_listed(reading.years)),))
    hits = _ranked(index, signals, reading, units, allowed, limit, ("year", "status"))
    what = "status" if years is None else "year"
    notes = (_relaxed(reading, units, hits, what),) if hits else ()
    return Hits(hits, hits.total, unmatched, notes + hits.notes)


def _names_a_person(matcher: Matcher, term: Term) -> bool:
    """True for a word of a person's name in any case form (Токаева for Токаев)."""
    stems = {name[:max(4, len(name) - 1)] for name in matcher.people if len(name) >= 4}
    return any(word[:len(prefix)] == prefix for word in term.tokens for prefix in stems)


def _guessed(rows: dict[int, Best]) -> bool:
    """True when a word matched only through typos."""
    return bool(rows) and all(how == "typo" for _, _, how in rows.values())


def _listed(values: tuple[Any, ...], status: bool = False) -> str:
    return Joined([status_word(v) if status else v for v in values], Said("read.or"))


def _nothing(reading: Reading, units: list[_Unit]) -> str:
    """What the stated filters left: "nothing agreed about газ in 2025"."""
    about = ", ".join(unit.text for unit in units)
    status = _listed(reading.statuses, True) if reading.statuses else Said(
        "read.not_status", status=_listed(reading.not_statuses, True)) \
        if reading.not_statuses else Said("read.dated")
    when = Said("read.in_years", years=_listed(reading.years)) if reading.years else ""
    return Said("read.nothing", status=status, about=about, when=when)


def _relaxed(reading: Reading, units: list[_Unit], hits: Hits, dropped: str) -> str:
    """Say which filter was relaxed and what is shown instead."""
    shown = Joined([status_word(status) for status in dict.fromkeys(
        hit.fact.status for hit in hits)]) if dropped == "status" \
        else ", ".join(dict.fromkeys(str(hit.fact.date.year) for hit in hits))
    key = "read.relaxed_status" if dropped == "status" else "read.relaxed_year"
    return Said(key, nothing=_nothing(reading, units), shown=shown)


def _without(matcher: Matcher, signals: Signals, reading: Reading,
             allowed: set[int] | None) -> set[int] | None:
    """``allowed`` less the facts that say or name an excluded (-word) word in any form
    (see matching.OWN_FIELDS: a quotation's other sentences do not count)."""
    if not reading.excluded:
        return allowed
    unwanted: set[int] = set()
    for term in reading.excluded:
        if term.phrase:
            unwanted |= set(phrase_rows(matcher, term))
            continue
        unwanted |= {rowid for rowid, (_, _, how) in text_rows(matcher, term, OWN_FIELDS).items()
                     if how in EXCLUDING}
    everything = allowed if allowed is not None else matcher.index.allowed("1", [])
    return everything - unwanted


def _ranked(index: Index, signals: Signals, reading: Reading, text_units: list[_Unit],
            allowed: set[int] | None, limit: int | None, soft: tuple[str, ...]) -> Hits:
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
    facts = index.facts([key[-1] for key in ranked])
    hits = []
    for score, *_, rowid in ranked:
        matches = [Match(unit.text, unit.rows[rowid][1], unit.rows[rowid][2],
                         unit.rows[rowid][0]) for unit in units if rowid in unit.rows]
        matches += [Match(value, value, how, 1.0) for value, how in filtered]
        fact = facts[rowid]
        year = fact.date.year if rowid in reported else None
        notes = (Said("read.reported_in", year=year),) if year else ()
        hits.append(Hit(fact, round(min(100.0, -score * 100.0 / full), 1),
                        matched.get(rowid, 0), matches, notes, year))
    return Hits(hits, len(scores))


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


def exact_search(facts: list[Fact], query: str, limit: int | None = 10) -> Hits:
    """Case-insensitive literal substring search over summary, text, evidence and names."""
    needle = normalize(query.strip())
    if not needle:
        return Hits([], 0)
    hits = []
    for fact in facts:
        haystacks = (fact.summary, fact.text, fact.evidence, "; ".join(fact.names))
        if any(needle in normalize(h) for h in haystacks):
            hits.append(Hit(fact, 100.0, 1, [Match(query, needle, "exact", 1.0)]))
    hits.sort(key=lambda hit: hit.fact.date, reverse=True)
    return Hits(hits[:limit] if limit is not None else hits, len(hits))
