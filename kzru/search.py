"""Match a query against the index and rank facts.

Each query word (or glossary phrase) is a *unit*. A unit matches vocabulary terms in one of
five ways, best first: exact, stem (same Snowball stem or a longer form of it), alias (another
name of the same glossary entry), transliteration (the other script), typo (edit distance).
A fact's score is the idf-weighted share of units it matches, scaled by how each matched.
"""

from __future__ import annotations

import heapq
import math
from typing import Iterable, NamedTuple

from kzru.index import FIELD_BITS, FIELD_WEIGHT, FIELDS, Index, decode
from kzru.model import Fact, GlossaryEntry
from kzru.text import STOPWORDS, is_cyrillic, normalize, stem, translit_key, words

QUALITY = {"exact": 1.0, "stem": 0.9, "alias": 0.8, "transliteration": 0.75, "typo": 0.6}
MIN_SCORE = 30.0
PREFIX_EXTRA = 5


class Match(NamedTuple):
    """How one query unit matched one fact."""

    query: str
    term: str
    how: str
    weight: float


class Hit(NamedTuple):
    """A ranked fact; ``matched`` counts the query words it matched."""

    fact: Fact
    score: float
    matched: int
    matches: list[Match]

    @property
    def terms(self) -> set[str]:
        """Every matched vocabulary word, for highlighting."""
        return {word for match in self.matches for word in match.term.split()}


class Unit(NamedTuple):
    """One thing the user asked for: a word, or a glossary phrase found in the query."""

    text: str
    tokens: tuple[str, ...]
    aliases: list[tuple[str, ...]]


def query_words(query: str) -> list[str]:
    found = words(query)
    content = [w for w in found if w not in STOPWORDS]
    return content or found



AliasTable = dict[tuple[str, ...], list[tuple[str, ...]]]


def alias_table(glossary: Iterable[GlossaryEntry]) -> AliasTable:
    """Map each glossary name (as stems) to every name of its entry (as words).

    Built once with the index, since stemming every name costs more than a search.
    """
    table: AliasTable = {}
    for entry in glossary:
        names = [tuple(query_words(name)) for name in entry.all_names()]
        names = [name for name in names if name]
        for name in names:
            table.setdefault(tuple(stem(w) for w in name), []).extend(names)
    return table


def parse(query: str, aliases: AliasTable) -> list[Unit]:
    """Split a query into units, taking the longest glossary phrase at each position."""
    tokens = query_words(query)
    stems = [stem(t) for t in tokens]
    longest = max((len(key) for key in aliases), default=1)
    units: list[Unit] = []
    position = 0
    while position < len(tokens):
        for size in range(min(longest, len(tokens) - position), 0, -1):
            key = tuple(stems[position:position + size])
            if key in aliases:
                phrase = tuple(tokens[position:position + size])
                units.append(Unit(" ".join(phrase), phrase, aliases[key]))
                position += size
                break
        else:
            units.append(Unit(tokens[position], (tokens[position],), []))
            position += 1
    return units


def max_typos(word: str) -> int:
    """Meilisearch's tolerance: one edit from 5 characters, two from 9."""
    return 2 if len(word) >= 9 else 1 if len(word) >= 5 else 0


class _Matcher:
    def __init__(self, index: Index) -> None:
        self.index = index

    def word(self, word: str, allow_loose: bool) -> dict[str, tuple[str, bytes]]:
        """Vocabulary terms for one word, each with how it matched (best kind kept)."""
        found: dict[str, tuple[str, bytes]] = {}

        def add(rows: list[tuple[str, bytes]], how: str) -> None:
            for term, postings in rows:
                found.setdefault(term, (how, postings))

        add(self.index.lookup("term = ?", [word]), "exact")
        word_stem = stem(word)
        if not is_cyrillic(word):  # English plurals the stemmer leaves alone: NGO ~ NGOs
            forms = [word[:-1]] if word.endswith("s") else [word + "s", word + "es"]
            add(self.index.lookup(f"term IN ({','.join('?' * len(forms))})", forms), "stem")
        add(self.index.lookup("stem = ?", [word_stem]), "stem")
        for base in {word_stem, word}:
            if len(base) >= 4:
                add(self.index.lookup("term > ? AND term < ? AND length <= ?",
                                      [base, base + "\uffff", len(base) + PREFIX_EXTRA]), "stem")
        if not allow_loose:
            return found
        key = translit_key(word)
        if len(key) >= 3:
            shorter = [key[:cut] for cut in (len(key) - 1, len(key) - 2) if cut >= 4]
            marks = ",".join("?" * (1 + len(shorter)))
            rows = self.index.lookup(
                f"(tkey IN ({marks}) OR (tkey > ? AND tkey < ? AND length(tkey) <= ?))",
                [key, *shorter, key, key + "\uffff", len(key) + 2])
            other_script = [r for r in rows if is_cyrillic(r[0]) != is_cyrillic(word)]
            add(other_script, "transliteration")
        if not found and max_typos(word):
            add(self._typos(word), "typo")
        return found

    def _typos(self, word: str) -> list[tuple[str, bytes]]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = max_typos(word)
        # Like Meilisearch, a typo in the first letter is not forgiven: it keeps the
        # candidates few (one letter's share of the vocabulary) at 100,000 facts.
        candidates = self.index.terms_like(word[0], len(word) - limit, len(word) + limit)
        close = process.extract(word, candidates, scorer=Levenshtein.distance,
                                score_cutoff=limit, limit=20)
        terms = [term for term, _, _ in close]
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        return self.index.lookup(f"term IN ({marks})", terms)


# A fact that names the query in its summary, its Russian text and its quotation is more
# about it than one that mentions it once: that share of fields adds up to COVERAGE.
COVERAGE = 0.15
MAIN_FIELDS = (FIELDS["summary"], FIELDS["text"], FIELDS["evidence"])
FIELD_MASK = (1 << FIELD_BITS) - 1
# Per field mask: the best field's weight, and the share of summary/text/evidence it covers.
TOP_WEIGHT = [max((w for bit, w in FIELD_WEIGHT.items() if mask & bit), default=0.0)
              for mask in range(1 << FIELD_BITS)]
COVERED = [sum(1 for bit in MAIN_FIELDS if mask & bit) / len(MAIN_FIELDS)
           for mask in range(1 << FIELD_BITS)]
Best = tuple[float, str, str]  # weight, matched term, how


def _unit_postings(matcher: _Matcher, unit: Unit) -> dict[int, Best]:
    """Best match per fact row for one unit, with a bonus for the fields it covers.

    The hot loop of a search: it runs once per posting, so it works on plain tuples.
    """
    best: dict[int, Best] = {}
    fields: dict[int, int] = {}
    if len(unit.tokens) == 1:
        for term, (how, blob) in matcher.word(unit.tokens[0], allow_loose=True).items():
            quality = QUALITY[how]
            for posting in decode(blob):
                rowid = posting >> FIELD_BITS
                mask = posting & FIELD_MASK
                fields[rowid] = fields.get(rowid, 0) | mask
                weight = quality * TOP_WEIGHT[mask]
                current = best.get(rowid)
                if current is None or weight > current[0]:
                    best[rowid] = (weight, term, how)
    for phrase in unit.aliases:
        own = tuple(phrase) == unit.tokens
        for rowid, (term, how, weight, mask) in _phrase_rows(matcher, phrase).items():
            label = how if own else "alias"
            fields[rowid] = fields.get(rowid, 0) | mask
            weight *= QUALITY[label]
            current = best.get(rowid)
            if current is None or weight > current[0]:
                best[rowid] = (weight, term, label)
    return {
        rowid: ((1 - COVERAGE) * weight + COVERAGE * QUALITY[how] * COVERED[fields[rowid]],
                term, how)
        for rowid, (weight, term, how) in best.items()
    }


def _rank(how: str) -> float:
    return QUALITY[how]




PhraseRow = tuple[str, str, float, int]


def _phrase_rows(matcher: _Matcher, phrase: tuple[str, ...]) -> dict[int, PhraseRow]:
    """Facts holding every word of a glossary name (exact or stem): terms, weakest match
    and field, and the fields holding all of its words."""
    rows: dict[int, PhraseRow] | None = None
    for word in phrase:
        here: dict[int, PhraseRow] = {}
        for term, (how, blob) in matcher.word(word, allow_loose=False).items():
            for posting in decode(blob):
                rowid = posting >> FIELD_BITS
                weight = TOP_WEIGHT[posting & FIELD_MASK]
                mask = (posting & FIELD_MASK) | (here[rowid][3] if rowid in here else 0)
                if rowid not in here or weight > here[rowid][2]:
                    here[rowid] = (term, how, weight, mask)
                else:
                    here[rowid] = (*here[rowid][:3], mask)
        if rows is None:
            rows = here
        else:
            rows = {r: (f"{rows[r][0]} {here[r][0]}", min(rows[r][1], here[r][1], key=_rank),
                        min(rows[r][2], here[r][2]), rows[r][3] & here[r][3])
                    for r in rows if r in here}
        if not rows:
            return {}
    return rows or {}


def search(index: Index, query: str, allowed: set[int] | None = None,
           limit: int | None = 10) -> list[Hit]:
    """Rank facts for ``query``: all units matched first, then score, then newest."""
    units = parse(query, index.aliases)
    if not units:
        return []
    matcher = _Matcher(index)
    per_unit = [_unit_postings(matcher, unit) for unit in units]
    total = max(index.count, 1)
    # A glossary phrase counts for as many query words as it has.
    weights = [len(unit.tokens) * math.log(1 + total / max(len(rows), 1))
               for unit, rows in zip(units, per_unit)]
    weight_sum = sum(weights)
    scores: dict[int, float] = {}
    words_matched: dict[int, int] = {}
    for unit, unit_weight, rows in zip(units, weights, per_unit):
        size = len(unit.tokens)
        for rowid, (weight, _, _) in rows.items():
            if allowed is not None and rowid not in allowed:
                continue
            scores[rowid] = scores.get(rowid, 0.0) + unit_weight * weight
            words_matched[rowid] = words_matched.get(rowid, 0) + size
    threshold = MIN_SCORE * weight_sum / 100.0
    dates = index.dates
    keyed = ((-words_matched[rowid], -score, -dates[rowid], rowid)
             for rowid, score in scores.items() if score >= threshold)
    ranked = heapq.nsmallest(limit, keyed) if limit is not None else sorted(keyed)
    facts = index.facts([key[3] for key in ranked])
    hits = []
    for _, score, _, rowid in ranked:
        matches = [Match(unit.text, rows[rowid][1], rows[rowid][2], rows[rowid][0])
                   for unit, rows in zip(units, per_unit) if rowid in rows]
        hits.append(Hit(facts[rowid], round(-score * 100.0 / weight_sum, 1),
                        words_matched[rowid], matches))
    return hits


def exact_search(facts: list[Fact], query: str, limit: int | None = 10) -> list[Hit]:
    """Case-insensitive literal substring search over summary, text, evidence and names."""
    needle = normalize(query.strip())
    if not needle:
        return []
    hits = []
    for fact in facts:
        haystacks = (fact.summary, fact.text, fact.evidence, "; ".join(fact.names))
        if any(needle in normalize(h) for h in haystacks):
            hits.append(Hit(fact, 100.0, 1, [Match(query, needle, "exact", 1.0)]))
    hits.sort(key=lambda hit: hit.fact.date, reverse=True)
    return hits[:limit] if limit is not None else hits
