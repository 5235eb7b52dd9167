"""How one query word reaches the table's vocabulary, in every way it may match, best first:
exact, stem (same Snowball stem or a longer form of it), transliteration (the other script),
part (of a compound word), typo (optimal string alignment); and the words of people's names,
which a short word never reaches loosely.

Why apart from matching.py: this side knows the vocabulary's tables (terms, stems, keys,
compound parts) and answers for one word; matching.py turns a query term (a word, a glossary
name, a phrase) into the facts it reaches and how well, and changes for its own reasons.
"""

from typing import Any

from kzru.index import Index
from kzru.text import compound_parts, is_cyrillic, stem, translit_key, words

QUALITY = {"exact": 1.0, "stem": 0.9, "alias": 0.8, "translation": 0.8,
           "transliteration": 0.75, "part": 0.7, "derived": 0.7, "typo": 0.6,
           "related": 0.5}
Best = tuple[float, str, str]  # weight, matched term, how
PREFIX_EXTRA = 5
SHORT_WORD = 5  # below this, a word never matches a personal name loosely
ADJECTIVE_SUFFIXES = ("ов", "ев", "н", "ск")


def max_typos(word: str) -> int:
    """Meilisearch's tolerance: one edit from 5 characters, two from 9."""
    return 2 if len(word) >= 9 else 1 if len(word) >= 5 else 0


class Matcher:
    """Looks a query word up in the vocabulary, in every way it may match."""

    def __init__(self, index: Index, people: frozenset[str]) -> None:
        self.index = index
        self.people = people

    def word(self, word: str, allow_loose: bool) -> dict[str, tuple[str, bytes]]:
        """Vocabulary terms for one word, each with how it matched (best kind kept)."""
        found: dict[str, tuple[str, bytes]] = {}

        def add(rows: list[tuple[str, bytes]], how: str) -> None:
            for term, postings in rows:
                if term != word and len(word) < SHORT_WORD and term in self.people:
                    continue
                found.setdefault(term, (how, postings))

        add(self.index.lookup("term = ?", [word]), "exact")
        word_stem = stem(word)
        if not is_cyrillic(word):  # English plurals the stemmer leaves alone: NGO ~ NGOs
            forms = [word[:-1]] if word.endswith("s") else [word + "s", word + "es"]
            add(self.index.lookup(f"term IN ({','.join('?' * len(forms))})", forms), "stem")
        add(self.index.lookup("stem = ?", [word_stem]), "stem")
        if is_cyrillic(word):  # adjectives made from the noun: газ → газовый, атом → атомный
            made = [word_stem + suffix for suffix in ADJECTIVE_SUFFIXES]
            add(self.index.lookup(f"stem IN ({','.join('?' * len(made))})", made), "stem")
        # Longer forms of the word and of its stem, and the stem itself when it is a word:
        # Snowball cuts визит to виз but визита to визит, so визита must reach визит here.
        for base in {word_stem, word}:
            if len(base) >= 4:
                add(self.index.lookup("term >= ? AND term < ? AND length <= ?",
                                      [base, base + "\uffff", len(base) + PREFIX_EXTRA]), "stem")
        if not allow_loose:
            return found
        key = translit_key(word)
        if len(key) >= 3:
            shorter = [key[:cut] for cut in (len(key) - 1, len(key) - 2) if cut >= 4]
            marks = ",".join("?" * (1 + len(shorter)))
            sql = f"tkey IN ({marks})"
            params: list[Any] = [key, *shorter]
            if len(key) >= 4:  # a three-letter key would reach into names: газ → Gaziz
                sql = f"({sql} OR (tkey > ? AND tkey < ? AND length(tkey) <= ?))"
                params += [key, key + "\uffff", len(key) + 2]
            rows = self.index.lookup(sql, params)
            other_script = [r for r in rows if is_cyrillic(r[0]) != is_cyrillic(word)]
            add(other_script, "transliteration")
        add(self._parts(word, word_stem), "part")
        if not found and max_typos(word):
            add(self._typos(word), "typo")
        return found

    def _parts(self, word: str, word_stem: str) -> list[tuple[str, bytes]]:
        """Compound words holding ``word`` as a part: газ → газоснабжение."""
        bases = {word, word_stem, *compound_parts(word)[1:]}
        sql = " OR ".join("part = ?" for _ in bases)
        params: list[Any] = list(bases)
        if len(word_stem) >= 4:
            sql += " OR (part > ? AND part < ? AND length(part) <= ?)"
            params += [word_stem, word_stem + "\uffff", len(word_stem) + 2 * PREFIX_EXTRA]
        terms = [row[0] for row in self.index.connection.execute(
            f"SELECT DISTINCT term FROM parts WHERE {sql}", params)]
        terms = [term for term in terms if term != word]
        if not terms:
            return []
        return self.index.lookup(f"term IN ({','.join('?' * len(terms))})", terms)

    def _typos(self, word: str) -> list[tuple[str, bytes]]:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        limit = max_typos(word)
        # Like Meilisearch, a typo in the first letter is not forgiven: it keeps the
        # candidates few (one letter's share of the vocabulary) at 100,000 facts.
        candidates = self.index.terms_like(word[0], len(word) - limit, len(word) + limit)
        close = process.extract(word, candidates, scorer=OSA.distance,
                                score_cutoff=limit, limit=20)
        terms = [term for term, _, _ in close]
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        return self.index.lookup(f"term IN ({marks})", terms)


def people(index: Index) -> frozenset[str]:
    """The words of people's names: a short query word never matches one loosely."""
    return frozenset(word for entry in index.table("glossary").values() if entry.kind == "person"
                     for name in entry.all_names() for word in words(name))
