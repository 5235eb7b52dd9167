"""The word side of a store build: each fact's words into the postings (word -> its rows,
with the fields it is in) and the words it says only inside a name (places.py); at the end,
the vocabulary, the suggester's keys, compound parts and those words, written into the store.

Why apart from build.py: what a word is stored as (postings, vocabulary, parts) changes with
search, while build.py's rows, indexes and the file's life change with the store's layout and
the cache; and this half runs in the forked worker (word_worker.py) as well as in-process.
Sector names are not words here: a fact of the energy sector does not *say* "gas", so the
sector is matched as a signal (understand.py) instead of as words every fact holds.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import defaultdict
from typing import Iterable, Iterator

from kzru import suggest_index
from kzru.codec import FIELD_BITS, FIELDS
from kzru.model import GlossaryEntry
from kzru.text import WORD, compound_parts, skeleton, stem_many

find_words = WORD.findall  # text.words of a field that text.normalized_fields normalised
SUMMARY_BIT, TEXT_BIT, EVIDENCE_BIT, NAMES_BIT = (
    FIELDS["summary"], FIELDS["text"], FIELDS["evidence"], FIELDS["names"])

class Words:
    """The word side of a build: each fact's words into the postings (word -> its rows, with
    the fields it is in), and the words it says only inside a name (places.py). ``finish``
    writes the vocabulary, the suggester's keys, compound parts and those words. Apart from
    the rows (Builder) so that a build into a file can run it in a forked process (_Worker)
    while the main process validates: it is most of a build's work."""

    def __init__(self, glossary: list[GlossaryEntry]) -> None:
        from kzru.places import inside_names, name_keys, name_table

        self.glossary = glossary
        self.names = name_table(glossary)
        self.parts = name_keys(self.names)
        self.inside_names = inside_names
        self.keys: dict[str, str] = {}  # word -> places.key, memoised across facts
        self.draft_rows = array("I")  # rows not accepted (the suggester counts both ways)
        self.postings: dict[str, array] = defaultdict(lambda: array("I"))
        # inname rows, (key, row) compactly: each key once, then two numbers a row
        self.inside_keys: dict[str, int] = {}
        self.inside_rows = array("I")
        self.inside_at = array("I")

    def add(self, rowid: int, accepted: bool, texts: list[str]) -> None:
        """``texts``: summary, text, evidence, speaker and each name, normalised."""
        if not accepted:
            self.draft_rows.append(rowid)
        summary, text, evidence, speaker, *names = map(find_words, texts)
        masks: dict[str, int] = dict.fromkeys(speaker, NAMES_BIT)
        for found in names:
            masks.update(dict.fromkeys(found, NAMES_BIT))
        for bit, found in ((EVIDENCE_BIT, evidence), (TEXT_BIT, text), (SUMMARY_BIT, summary)):
            for word in found:
                masks[word] = masks.get(word, 0) | bit
        postings = self.postings
        row = rowid << FIELD_BITS
        for word, mask in masks.items():
            postings[word].append(row | mask)
        if self.names:
            inside = self.inside_names(self.names, [summary, text, evidence, *names], self.keys,
                                       self.parts)
            keys = self.inside_keys
            for found in inside:
                self.inside_at.append(keys.setdefault(found, len(keys)))
                self.inside_rows.append(rowid)

    def finish(self, connection: sqlite3.Connection) -> None:
        from kzru.places import university_fields

        # The memo of each word's name key (as many entries as words) is done with: freed
        # now, its memory holds the stems and keys written next instead of adding to them.
        self.keys = {}
        spelled = list(self.inside_keys)
        connection.executemany("INSERT INTO inname VALUES (?, ?)",
                               zip(map(spelled.__getitem__, self.inside_at), self.inside_rows))
        self.inside_keys, self.inside_at, self.inside_rows = {}, array("I"), array("I")
        # Row -1 marks a word a university is named for (see places.university_fields).
        connection.executemany("INSERT INTO inname VALUES (?, -1)",
                               ((found,) for found in university_fields(self.glossary)))
        terms = _store_vocabulary(connection, self.postings)
        suggest_index.write(connection, self.postings, _vocabulary(connection, terms),
                            self.draft_rows)
        _store_parts(connection, self.postings)
        self.postings = {}


# Terms stemmed and written at a time: a vocabulary of 100,000 words is never held stemmed
# whole (its stems, and stem_many's lists of them, were the largest part of a build's end).
VOCABULARY_CHUNK = 5000


def _store_vocabulary(connection: sqlite3.Connection, postings: dict[str, array]) -> list[str]:
    """Write the vocabulary, a chunk of terms stemmed at a time; return its terms in order
    (the postings' own strings)."""
    terms = sorted(postings)
    for start in range(0, len(terms), VOCABULARY_CHUNK):
        chunk = terms[start:start + VOCABULARY_CHUNK]
        connection.executemany(
            "INSERT INTO vocab VALUES (?, ?, ?, ?, ?)",
            ((term, stem, skeleton(stem), len(term), postings[term].tobytes())
             for term, stem in zip(chunk, stem_many(chunk))),
        )
    return terms


def _vocabulary(connection: sqlite3.Connection,
                terms: list[str]) -> Iterator[tuple[str, str]]:
    """Each of ``terms`` (in order) and its stem as written, read back a row at a time (the
    suggester's keys are made from them; the terms are the postings' strings, not copies)."""
    rows = connection.execute("SELECT term, stem FROM vocab")
    for term, (stored, term_stem) in zip(terms, rows, strict=True):
        if stored != term:  # the table's order is the terms' (codepoints, as UTF-8 bytes)
            raise sqlite3.DatabaseError("the vocabulary was not written in term order")
        yield term, term_stem


def _store_parts(connection: sqlite3.Connection, terms: Iterable[str]) -> None:
    """Compound parts of the vocabulary: газоснабжение is found by газ and by снабжение."""
    connection.executemany(
        "INSERT INTO parts VALUES (?, ?)",
        ((part, term) for term in terms for part in compound_parts(term)))
