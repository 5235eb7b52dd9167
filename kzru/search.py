"""Search facts for a query: read it (understand.py), match each term's rows (matching.py),
keep what the query's stated years, statuses, negations and -words allow, and hand the rest
to ranking.py. When a stated status or year leaves nothing, the filter is relaxed to a ranking
signal and a note says so (unless strict); a word the table lacks is named, and looked up
through related words.
"""


from typing import Any

from kzru.index import Index
from kzru.labels import Joined, Said, status_word
from kzru.matching import OWN_FIELDS, phrase_rows, term_rows, text_rows
from kzru.model import Fact
from kzru.query_terms import Reading, Term
from kzru.ranking import MIN_SCORE, REPORTED, Hit, Hits, Match, Records, Unit, ranked
from kzru.signals import Signals, statements
from kzru.text import normalize
from kzru.understand import read
from kzru.word_match import Best, Matcher, people

__all__ = ["MIN_SCORE", "REPORTED", "Hit", "Hits", "Match", "exact_search", "read_query",
           "search"]

# What an excluded word (-word) removes: the word in any form or script, not a guess.
EXCLUDING = frozenset({"exact", "stem", "alias", "translation", "transliteration"})


def read_query(index: Index, query: str, literal: bool = False) -> Reading:
    """The query as kzru reads it; with ``literal``, plain words and glossary names only."""
    if literal:
        return read(query, index.aliases, literal=True)
    return read(query, index.aliases, index.events.values(), index.sectors.values(),
                index.table("glossary").values())


def search(index: Index, query: str, allowed: set[int] | None = None,
           limit: int | None = 10, reading: Reading | None = None,
           strict: bool = False, records: Records | None = None) -> Hits:
    """Rank facts for ``query`` (or its ``reading``) by score (see ranking.ranked), then newest.
    A stated year or status filters; when that leaves nothing, the
    status and then the year rank instead, and a note says so (unless ``strict``).
    ``Hits.related`` says which words were looked up through related words, and found what.
    ``records``: what a hit's fact is read as (ranking.ranked; whole facts when None)."""
    reading = reading if reading is not None else read_query(index, query)
    related: dict[str, tuple[str, str]] = {}
    unsaid: list[str] = []  # what a person named did not say (see name_reach.unsaid)
    found = _search(index, reading, allowed, limit, strict, related, unsaid, records) \
        if not reading.empty else Hits([], 0)
    found.related = related
    found.notes = (*found.notes, *unsaid)
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
            strict: bool, related: dict[str, tuple[str, str]], unsaid: list[str],
            records: Records | None = None) -> Hits:
    signals = Signals(index)
    matcher = Matcher(index, people(index))
    terms = [(term, term_rows(matcher, signals, term, before.tokens[-1] if before else ""))
             for before, term in zip([None, *reading.terms], reading.terms)]
    named = any(term.entity == "person" or term.inside for term in reading.terms)
    if named:  # only then: most searches never load name_reach.py
        from kzru import name_reach
    if named and len(terms) > 1:  # "Kremlin talks": talks said to be in Moscow, below the
        for term, rows in terms:  # Kremlin's own
            if term.inside:
                name_reach.in_the_city(matcher, signals, term, rows)
    if not all(rows for _, rows in terms):  # only then: most searches never load related.py
        from kzru.related import related_rows

        terms = [(term, rows or _related(term, related_rows(matcher, term), related))
                 for term, rows in terms]
    if any(not rows for _, rows in terms):  # beside a word the table lacks, a guessed
        terms = [(term, {} if _guessed(rows) else rows) for term, rows in terms]  # spelling
        # is no evidence: "quantum computing" must not find "competing"
    statements(signals, terms)  # a person's own statements on the query's topics
    if named:  # the meetings of the events where a person is named
        name_reach.present(signals, terms)
    unmatched = tuple(dict.fromkeys(term.text for term, rows in terms if not rows))
    terms = [(term, rows) for term, rows in terms if rows]
    if named:
        unsaid.extend(name_reach.unsaid(signals, reading, terms))
    # A place is one thing the query names, however many words its name has (Республика
    # Татарстан, казахстанско-российская граница): it must not outweigh the topic beside it.
    # Among facts that match as many of the query's words, the topic decides before the
    # place (КПП на границе: the checkpoints, before what else is said of the border).
    units = [Unit(term.text, 1 if term.entity == "place" else len(term.tokens), rows,
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
        hits = ranked(index, signals, reading, units,
                      about if dated is None else about & dated, limit, ("status",), records)
        if hits:
            return Hits(hits, hits.total, unmatched,
                        (_relaxed(reading, lost, hits, "status"), *hits.notes))
    hits = ranked(index, signals, reading, units, kept, limit, (), records)
    if lost:  # strict: the filter stands, and the note says what it left out
        return Hits(hits, hits.total, unmatched, (_nothing(reading, lost), *hits.notes))
    if hits or strict or not units or (years is None and statuses is None):
        notes = () if hits or not strict else (_nothing(reading, units),)
        return Hits(hits, hits.total, unmatched, notes + hits.notes)
    if years is not None and not years:  # no fact at all from that time: nothing, not noise
        return Hits([], 0, unmatched, (Said("read.no_facts_dated",
                                            years=_listed(reading.years)),))
    hits = ranked(index, signals, reading, units, allowed, limit, ("year", "status"), records)
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


def _nothing(reading: Reading, units: list[Unit]) -> str:
    """What the stated filters left: "nothing agreed about газ in 2025"."""
    about = ", ".join(unit.text for unit in units)
    status = _listed(reading.statuses, True) if reading.statuses else Said(
        "read.not_status", status=_listed(reading.not_statuses, True)) \
        if reading.not_statuses else Said("read.dated")
    when = Said("read.in_years", years=_listed(reading.years)) if reading.years else ""
    return Said("read.nothing", status=status, about=about, when=when)


def _relaxed(reading: Reading, units: list[Unit], hits: Hits, dropped: str) -> str:
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
