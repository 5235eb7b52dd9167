"""How one term of a read query (see understand.py) reaches facts: its word as word_match.py
finds it in the vocabulary, alias (another name of the same glossary entry), translation (the
bilingual table), a quoted phrase's words side by side, a part of a long glossary name (see
PART_OF_NAME); with what the term means (a kind, a place, a sector: see signals.py) merged
in, and a place or a topic word met only inside a name (Astana in Astana Hub) demoted.

Why apart from search.py: this side asks the index which rows a term reaches and how well
(one best match per row); search.py applies the query's filters and ranking.py weighs those
rows across the query's terms and ranks. Each changes for its own reasons (a new way to
match a word vs a new rule of ranking).
"""

from typing import Iterable

from kzru.index import FIELD_BITS, FIELD_WEIGHT, FIELDS, Index, decode
from kzru.query_terms import Term
from kzru.query_words import STEM_STRANGERS
from kzru.signals import SIGNAL, Signals, signal_rows
from kzru.text import STOPWORDS, is_cyrillic, stem, word_core, words
from kzru.word_match import QUALITY, Best, Matcher

# A place word met only inside another thing's name (Astana in Astana Hub): shown, weighed
# lightly, never counted as the place matched.
NAME_ONLY = 0.3
# A place said only to be set apart ("not the KamAZ of Tatarstan") is weighed as a name.
BOTH_BONUS = 0.15  # a fact that says the word *and* is of the kind/place/sector it names


# A fact that names the query in its summary, its Russian text and its quotation is more
# about it than one that mentions it once: that share of fields adds up to COVERAGE.
COVERAGE = 0.15
MAIN_FIELDS = (FIELDS["summary"], FIELDS["text"], FIELDS["evidence"])
FIELD_MASK = (1 << FIELD_BITS) - 1
# Per field mask: the best field's weight, and the share of summary/text/evidence it covers.
# Built a mask at a time from the mask less its lowest field (every search imports this).
TOP_WEIGHT = [0.0]
for _mask in range(1, 1 << FIELD_BITS):
    TOP_WEIGHT.append(max(TOP_WEIGHT[_mask & (_mask - 1)], FIELD_WEIGHT[_mask & -_mask]))
_MAIN = sum(MAIN_FIELDS)
COVERED = [bin(mask & _MAIN).count("1") / len(MAIN_FIELDS) for mask in range(1 << FIELD_BITS)]
# The alternative measured in tests/bench/relevance.py: BM25F with the field weights, where a
# posting's term frequency is 1 per field holding the word (the index keeps no counts or
# lengths), saturated by K1 and scaled so that a word in every field scores 1.
SCORING = "share"
K1 = 1.2


def _bm25f(mask: int) -> float:
    text_fields = [bit for name, bit in FIELDS.items() if name != "tags"]
    frequency = sum(FIELD_WEIGHT[bit] for bit in text_fields if mask & bit)
    most = sum(FIELD_WEIGHT[bit] for bit in text_fields)
    return (frequency / (K1 + frequency)) / (most / (K1 + most))


_BM25F: list[float] = []  # per field mask, worked out when that scoring is first used


def _bm25f_table() -> list[float]:
    if not _BM25F:
        _BM25F.extend(_bm25f(mask) for mask in range(1 << FIELD_BITS))
    return _BM25F


PhraseRow = tuple[str, str, float, int]


# A fact's own words: what it says (summary, text) and what it names. The evidence quotes
# whole sentences of the article, often about other topics, so an excluded word (-word)
# found only there does not leave the fact out.
OWN_FIELDS = FIELDS["summary"] | FIELDS["text"] | FIELDS["names"]


def text_rows(matcher: Matcher, term: Term, only: int = FIELD_MASK) -> dict[int, Best]:
    """Best text match per fact row for one term, with a bonus for the fields it covers;
    ``only`` (field bits) keeps the matches found in those fields.

    The hot loop of a search: it runs once per posting, so it works on plain tuples.
    """
    best: dict[int, Best] = {}
    fields: dict[int, int] = {}

    def keep(rowid: int, weight: float, matched: str, how: str, mask: int) -> None:
        if only != FIELD_MASK:
            mask &= only
            if not mask:
                return
        fields[rowid] = fields.get(rowid, 0) | mask
        current = best.get(rowid)
        if current is None or weight > current[0]:
            best[rowid] = (weight, matched, how)

    if len(term.tokens) == 1:
        for matched, (how, blob) in matcher.word(term.tokens[0], allow_loose=True).items():
            quality = QUALITY[how]
            for posting in decode(blob):
                mask = posting & FIELD_MASK
                keep(posting >> FIELD_BITS, quality * TOP_WEIGHT[mask], matched, how, mask)
    phrases = [(phrase, "alias") for phrase in term.aliases]
    phrases += [(tuple(words(t)), "translation") for t in term.translations]
    for phrase, label in phrases:
        own = tuple(phrase) == term.tokens
        strangers = STEM_STRANGERS if label == "translation" else None
        for rowid, (matched, how, weight, mask) in _phrase_rows(matcher, phrase,
                                                                 strangers).items():
            how = how if own else label
            keep(rowid, weight * QUALITY[how], matched, how, mask)
    if (len(term.tokens) >= PART_OF_NAME and term.entry and term.entity not in WHOLE_NAMES
            and only == FIELD_MASK):
        for rowid, part in _name_parts(matcher, term).items():
            if rowid not in best:  # no field of its own: a part covers no field
                best[rowid], fields[rowid] = part, 0
    if SCORING == "bm25f":
        bm25f = _bm25f_table()
        return {rowid: (QUALITY[how] * bm25f[fields[rowid]], matched, how)
                for rowid, (_, matched, how) in best.items()}
    return {
        rowid: ((1 - COVERAGE) * weight + COVERAGE * QUALITY[how] * COVERED[fields[rowid]],
                matched, how)
        for rowid, (weight, matched, how) in best.items()
    }


# A name of at least this many words (Год рабочих профессий) is also met, as a part, by a
# fact holding a run of two or more of its words side by side (the forum's theme «Рабочие
# профессии»), weighed by the share of the name's words the run holds: below the whole name,
# as a fact holding some of a query's plain words ranks below one holding all of them. The run
# must hold the name's rarest word (профессий; Chelyabinsk, not "State University"): the
# part that tells this name from others.
PART_OF_NAME = 3
# ... but not a term of the trade (nuclear power plant: a power plant is not one), a person
# or a place, whose parts are other things' names too.
WHOLE_NAMES = ("term", "person", "place")


def _name_parts(matcher: Matcher, term: Term) -> dict[int, Best]:
    """Facts holding the longest run of the name's words (as typed, in any form) side by side,
    short of the whole name and holding its rarest word (the fewest facts hold it), each at
    QUALITY["part"] times the run's share of the words."""
    found: dict[int, Best] = {}
    size = len(term.tokens)
    facts = {word: _facts_holding(matcher, word) for word in term.tokens}
    fewest = min(facts.values())
    rarest = {word for word, count in facts.items() if count == fewest}
    for length in range(size - 1, 1, -1):
        for start in range(size - length + 1):
            run = term.tokens[start:start + length]
            if not rarest & set(run):
                continue  # «году рабочий» (a working visit this year) is no part of the name
            rows = _adjacent_rows(matcher, Term(" ".join(run), run, []))
            for rowid, (weight, matched, _) in rows.items():
                if rowid not in found:
                    found[rowid] = (weight * QUALITY["part"] * length / size, matched, "part")
    return found


def _facts_holding(matcher: Matcher, word: str) -> int:
    """How many facts hold ``word`` in some form (exact or stem)."""
    rows: set[int] = set()
    for _, blob in matcher.word(word, allow_loose=False).values():
        rows.update(posting >> FIELD_BITS for posting in decode(blob))
    return len(rows)


def _phrase_rows(matcher: Matcher, phrase: tuple[str, ...],
                 strangers: dict[str, frozenset[str]] | None = None) -> dict[int, PhraseRow]:
    """Facts holding every word of a glossary name (exact or stem): terms, weakest match
    and field, and the fields holding all of its words. ``strangers``: forms a word's stem
    reaches that are other words (a translation's: query_words.STEM_STRANGERS), left out."""
    if not strangers:
        return _every_word(matcher.word(word, allow_loose=False) for word in phrase)
    return _every_word({form: found for form, found in matcher.word(word, False).items()
                        if form not in strangers.get(word, ())} for word in phrase)


def _every_word(found: Iterable[dict[str, tuple[str, bytes]]]) -> dict[int, PhraseRow]:
    """Facts holding a match of every word (each word's vocabulary matches, in turn: a word
    is looked up only while some fact holds all the words before it), with the matched
    terms, the weakest way and field weight, and the fields holding all of them."""
    rows: dict[int, PhraseRow] | None = None
    for word_terms in found:
        here: dict[int, PhraseRow] = {}
        for matched, (how, blob) in word_terms.items():
            for posting in decode(blob):
                rowid = posting >> FIELD_BITS
                weight = TOP_WEIGHT[posting & FIELD_MASK]
                mask = (posting & FIELD_MASK) | (here[rowid][3] if rowid in here else 0)
                if rowid not in here or weight > here[rowid][2]:
                    here[rowid] = (matched, how, weight, mask)
                else:
                    here[rowid] = (*here[rowid][:3], mask)
        if rows is None:
            rows = here
        else:
            rows = {r: (f"{rows[r][0]} {here[r][0]}",
                        min(rows[r][1], here[r][1], key=QUALITY.__getitem__),
                        min(rows[r][2], here[r][2]), rows[r][3] & here[r][3])
                    for r in rows if r in here}
        if not rows:
            return {}
    return rows or {}


def term_rows(matcher: Matcher, signals: Signals, term: Term, before: str = "") -> dict[int, Best]:
    """Every fact a term matches, by its text or its meaning, with the best way it does;
    ``before``: the query's word before it (economic in "economic space": see
    other_sense)."""
    if term.either:  # OR: the best of the alternatives
        merged: dict[int, Best] = {}
        for option in term.either:
            for rowid, best in term_rows(matcher, signals, option).items():
                if rowid not in merged or best[0] > merged[rowid][0]:
                    merged[rowid] = best
        return merged
    if term.phrase:
        return _adjacent_rows(matcher, term)
    probes = _place_names(signals.index, term)
    text = text_rows(matcher, term)
    for probe in probes[1:]:  # the place's names in the other script, read alike
        for rowid, (weight, matched, how) in text_rows(
                matcher, term._replace(tokens=(probe,), text=probe, aliases=[],
                                       translations=())).items():
            weight *= QUALITY["alias"] / QUALITY[how]
            if rowid not in text or weight > text[rowid][0]:
                text[rowid] = (weight, matched, "alias")
    if len(term.tokens) == 1 and text and (term.entity == "place" or (
            term.sector and _attribute(signals.index, term.tokens[0]))):
        _names_only(signals.index, term, text, probes)
    if term.sector and term.translations and text and other_sense(matcher, signals, term,
                                                                  text, before):
        return text  # read in the sense of the query's phrase (economic space): no sector
    meaning = signal_rows(signals, term)
    if term.sector and not term.sector_only and text:  # an alias: boost within the sector
        said = {rowid for rowid, best in text.items() if best[2] != "name"}
        for rowid in signals.sector(term.sector) & said:
            meaning[rowid] = (SIGNAL["sector"], term.sector, "sector")
    for rowid, signal in meaning.items():
        found = text.get(rowid)
        if found is None or found[2] == "name":
            text[rowid] = signal
        else:
            text[rowid] = (min(1.0, max(found[0], signal[0]) + BOTH_BONUS), found[1], found[2])
    return text


# The Russian fields, where a fact says in Russian what its English summary says.
RUSSIAN_FIELDS = FIELDS["text"] | FIELDS["evidence"]


def other_sense(matcher: Matcher, signals: Signals, term: Term, rows: dict[int, Best],
                before: str = "") -> bool:
    """Demote, as matching only a name, the facts that use an English word in another sense
    than the bilingual table's. "space" is read as космос (the Space sector); a fact outside
    the sector whose Russian says none of the table's words for it (a002's "Eurasian
    economic space", экономического пространства) uses "space" otherwise. Unless the query
    says the word the fact says before it ("economic space"): then that sense is the one
    asked for, every other fact matches the word as a name, and True says so."""
    word = term.tokens[0]
    if len(term.tokens) != 1 or is_cyrillic(word):
        return False
    said = [rowid for rowid, (_, _, how) in rows.items() if how in ("exact", "stem")]
    outside = set(said) - signals.sector(term.sector)
    if not outside:
        return False
    russian: set[int] = set()
    for translation in term.translations:
        russian |= text_rows(matcher, Term(translation, (translation,), []),
                             RUSSIAN_FIELDS).keys()
    other = sorted(outside - russian)
    phrase: set[int] = set()
    if before and other:  # the query's own phrase: its sense is the fact's
        facts = matcher.index.facts(other)
        base, ahead = stem(word), stem(before)
        phrase = {rowid for rowid in other if any(
            stem(first) == ahead and stem(second) == base
            for text in (facts[rowid].summary, *facts[rowid].names)
            for first, second in zip(words(text), words(text)[1:]))}
    for rowid in (rows.keys() - phrase) if phrase else other:
        weight, matched, _ = rows[rowid]
        rows[rowid] = (min(weight, NAME_ONLY), matched, "name")
    return bool(phrase)


def _attribute(index: Index, word: str) -> bool:
    """True when ``word`` is a field a university is named for (газ in the Gubkin University
    of Oil and Gas): a fact about the university is not about gas (see places.py)."""
    from kzru.places import key

    return index.names_a_field(key(word))


def _place_names(index: Index, term: Term) -> list[str]:
    """A one-word place as typed, then its glossary entry's other one-word names (Moscow,
    Москва, Moskva): a place reaches the same facts whichever script names it. [] for a
    term that is no such place."""
    if term.entity != "place" or not term.entry or len(term.tokens) != 1:
        return []
    entry = index.table("glossary").get(term.entry)
    names = [found[0] for name in (entry.all_names() if entry else ())
             for found in [words(name)] if len(found) == 1]
    return list(dict.fromkeys([term.tokens[0], *names]))


def _names_only(index: Index, term: Term, rows: dict[int, Best],
                probes: list[str] | None = None) -> None:
    """Demote facts that say a place or a topic word only inside a name, or a place only to
    set it apart (see places.py); a place's own longer name (Republic of Tatarstan) is the
    place. ``probes``: the place's one-word names in both scripts (see _place_names)."""
    from kzru import places

    keys = tuple(dict.fromkeys(places.key(word) for word in probes or term.tokens[:1]))
    inside = set().union(*(index.inside_names(word) for word in keys)) & rows.keys()
    if term.entity == "place":
        inside = places.not_the_place(index, term.entry, keys, inside, rows)
    place = term.entity == "place"
    for rowid in inside:  # a place's: NAME_ONLY, however it matched (in either script)
        weight, matched, _ = rows[rowid]
        rows[rowid] = (min(weight, NAME_ONLY) if place else weight * NAME_ONLY, matched,
                       "name")


def word_forms(matcher: Matcher, word: str) -> dict[str, tuple[str, bytes]]:
    """Every form of ``word`` the vocabulary holds: those matcher.word finds without
    guessing, and, in Russian, the forms with the same core (see text.word_core)."""
    found = matcher.word(word, allow_loose=False)
    if not is_cyrillic(word):
        return found
    core = word_core(word)
    if len(core) < 2:
        return found
    base = core[:-1] if len(core) >= 3 else core  # рынок's core рынк, and рынка's
    for term, blob in matcher.index.lookup("term >= ? AND term < ? AND length <= ?",
                                           [base, base + "\uffff", len(word) + 3]):
        if term not in found and word_core(term) == core:
            found[term] = ("stem", blob)
    return found


def _adjacent_rows(matcher: Matcher, term: Term, quoted: bool = True) -> dict[int, Best]:
    """Facts where the quoted words stand next to each other (stopwords aside), each word in
    any of its forms, in what the fact says, quotes (unless not ``quoted``: see OWN_FIELDS)
    or names (each name on its own)."""
    forms = [word_forms(matcher, word) for word in term.tokens]
    rows = _every_word(forms)  # facts holding some form of every word, weakest match kept
    if not rows:
        return {}
    size = len(forms)
    facts = matcher.index.facts(list(rows))
    found: dict[int, Best] = {}
    for rowid, (matched, how, weight, _) in rows.items():
        fact = facts[rowid]
        for text in (fact.summary, fact.text, *((fact.evidence,) if quoted else ()),
                     *fact.names):
            sequence = [word for word in words(text) if word not in STOPWORDS]
            if any(all(sequence[start + k] in forms[k] for k in range(size))
                   for start in range(len(sequence) - size + 1)):
                found[rowid] = (weight * QUALITY[how], matched, how)
                break
    return found


def phrase_rows(matcher: Matcher, term: Term) -> dict[int, Best]:
    """Facts that say or name a quoted phrase in their own words (not only in a quotation):
    what an excluded phrase, -"поставки нефти", leaves out."""
    return _adjacent_rows(matcher, term, quoted=False)
