"""The link suggester's keys kept in the store: for each topic key and each name, how many facts
hold it (all rows, and accepted rows only) and, for a rare topic key, which facts.

Why: a candidate follow-up is found, and scored, only through keys that are rare *in the whole
table* (suggest.py). Worked out from the facts, that is a pass over every fact on every run
(270 s and 700 MB at 100,000 facts); kept by the build, from the search postings it holds
anyway, it is one look-up per key of the commitments asked about, and the facts read are only
the candidates. The topic key rule lives here so that the build and the suggester agree.
"""

from __future__ import annotations

import re
import sqlite3
from array import array
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

from kzru.codec import FIELD_BITS, FIELDS
from kzru.text import STOPWORDS
from kzru.topic import keys_of, word_keys

# A name or word in more facts than this is not rare, however large the table: at 100,000
# facts a fifteenth would be 6,666 facts, and every pair sharing one would be compared.
RARE_AT_MOST = 40
# Topic keys with their counts and, for one rare among accepted rows, its facts' rows (the
# same pairs by row in topic_rows: a commitment's own rare keys); names with their counts
# (their rows are fact_names'). Counts are of every row and of accepted rows: a store read
# with drafts counts the one, without them the other.
SCHEMA = """
CREATE TABLE topic_keys(key TEXT PRIMARY KEY, facts INTEGER NOT NULL,
                        accepted INTEGER NOT NULL, postings BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE topic_rows(rowid INTEGER NOT NULL, key TEXT NOT NULL,
                        PRIMARY KEY (rowid, key)) WITHOUT ROWID;
"""
# Each name's count of facts, all and accepted (the build counts them as it writes
# fact_names: one pass, no join of fact_names with filters afterwards).
NAMES = """
CREATE TABLE name_counts(name TEXT PRIMARY KEY, facts INTEGER NOT NULL,
                         accepted INTEGER NOT NULL) WITHOUT ROWID;
"""
_NUMBERISH = re.compile(r"\d")
_NONE: frozenset[str] = frozenset()


def is_topic_word(word: str) -> bool:
    """A word whose keys count: no stopword, longer than three letters, no digit."""
    return not (word in STOPWORDS or len(word) <= 3 or _NUMBERISH.search(word))


def topic_keys(tokens: Iterable[str], memo: dict[str, frozenset[str]]) -> set[str]:
    """A fact's topic keys from the words of its summary and text: the keys (topic.word_keys)
    of each topic word. ``memo`` keeps each word's keys across facts."""
    found: set[str] = set()
    for word in tokens:
        keys = memo.get(word)
        if keys is None:
            keys = memo[word] = word_keys(word) if is_topic_word(word) else _NONE
        found |= keys
    return found


def write(connection: sqlite3.Connection, postings: Mapping[str, array],
          vocabulary: Iterable[tuple[str, str]], drafts: Iterable[int]) -> None:
    """Write the keys from the search postings the build holds anyway (each word's rows, with
    the fields it is in): a key's facts are those whose summary or text says a word with that
    key, the keys ``topic_keys`` gives each fact. ``vocabulary``: each term and its stem, in
    term order; ``drafts`` the rows that are not accepted."""
    wanted = FIELDS["summary"] | FIELDS["text"]
    # key -> the term spelling it, or the terms when more than one does (most keys have
    # one: no list is made for them, at 100,000 facts some megabytes at the build's peak)
    holders: dict[str, str | list[str]] = {}
    for term, term_stem in vocabulary:
        if is_topic_word(term):
            for key in keys_of(term, term_stem):
                held = holders.get(key)
                if held is None:
                    holders[key] = term
                elif isinstance(held, str):
                    holders[key] = [held, term]
                else:
                    held.append(term)
    drafted = set(drafts)

    def rows() -> Iterator[tuple[str, int, int, bytes]]:
        for key, spelling in holders.items():
            spelled = [spelling] if isinstance(spelling, str) else spelling
            found = [[posting >> FIELD_BITS for posting in postings[term] if posting & wanted]
                     for term in spelled]
            held = found[0] if len(found) == 1 else sorted(set().union(*found))
            if held:
                accepted = len(held) - len(drafted.intersection(held)) if drafted \
                    else len(held)
                yield (key, len(held), accepted,
                       array("I", held).tobytes() if accepted <= RARE_AT_MOST else b"")

    connection.executescript(SCHEMA)
    connection.executemany("INSERT INTO topic_keys VALUES (?, ?, ?, ?)", rows())
    rare = connection.execute("SELECT key, postings FROM topic_keys WHERE postings != x''")
    connection.executemany("INSERT INTO topic_rows VALUES (?, ?)",
                           ((row, key) for key, postings in rare
                            for row in array("I", postings)))


def write_names(connection: sqlite3.Connection, counts: Mapping[str, list[int]]) -> None:
    """Write each name's [facts, accepted facts] (the build counts them fact by fact)."""
    connection.executescript(NAMES)
    connection.executemany("INSERT INTO name_counts VALUES (?, ?, ?)",
                           ((name, *found) for name, found in sorted(counts.items())))


class Rare(NamedTuple):
    """A rare key as a store admits its rows: how many facts hold it, and their rowids
    (rows the store does not admit among them are left out when the facts are read)."""

    frequency: int
    rows: tuple[int, ...]


def rare_names(index: Any, names: Iterable[str], common: int) -> dict[str, Rare]:
    """The (normalised) names among ``names`` that at most ``common`` admitted facts hold,
    with the rows of the facts holding them (fact_names')."""
    return {name: Rare(frequency, tuple(rows))
            for name, frequency, rows in index.rare_names(sorted(set(names)), common)}


def rare_topics_of(index: Any, rows: list[int], common: int) -> dict[int, dict[str, Rare]]:
    """For each of ``rows``, its topic keys that at most ``common`` admitted facts hold, with
    the rows of the facts holding them: read by row, no text worked out again."""
    found: dict[int, dict[str, Rare]] = {row: {} for row in rows}
    known: dict[str, Rare] = {}
    for row, key, frequency, postings in index.rare_topics_of(rows, common):
        rare = known.get(key)
        if rare is None:
            rare = known[key] = Rare(frequency, tuple(array("I", postings)))
        found[row][key] = rare
    return found
