"""How far a name in a query reaches beyond the facts that say it, read only for a query that
names a person or a venue: a venue beside other words (the Kremlin talks) to the facts that
say its city (talks in Moscow); a person to the meetings of the events where the table names
them, when the meeting's own row names no one (the St Petersburg CIS summit); and, for a
query asking what a person said, a note when none of their statements is on the topic.

Why apart from matching.py and signals.py: these readings join a name to other facts through
the glossary (a venue's city) or the events (who was there), not through the name's letters
or one column; most queries name neither a person nor a venue, so they never load this.
"""

from typing import Any

from kzru.fact_columns import LIST_JOIN
from kzru.index import Index
from kzru.labels import Said
from kzru.matching import term_rows
from kzru.query_terms import Reading, Term
from kzru.query_words import SPEECH
from kzru.signals import SIGNAL, Signals
from kzru.text import words
from kzru.word_match import Best, Matcher

# A fact that says a venue's city (talks "in Moscow") for a query naming the venue (the
# Kremlin): this share of the city's own match, below a fact naming the venue.
IN_THE_CITY = 0.5


def in_the_city(matcher: Matcher, signals: Signals, term: Term, rows: dict[int, Best]) -> None:
    """Add to a venue's ``rows`` the facts that say its city (see query_words.VENUE_CITY) in
    their own words, not inside a name (Moscow State University), at IN_THE_CITY of that
    match, as a place. In place; a fact naming the venue keeps its own match. Search asks
    only for a venue beside other words ("Kremlin talks"): alone, the Kremlin is itself."""
    entry = signals.index.table("glossary").get(term.inside)
    if entry is None:
        return
    word = next((found[0] for name in entry.all_names() for found in [words(name)]
                 if len(found) == 1), "")
    city = Term(word, (word,), [], entity="place", entry=entry.id)
    for rowid, (weight, matched, how) in term_rows(matcher, signals, city).items():
        weight *= IN_THE_CITY
        if how != "name" and (rowid not in rows or weight > rows[rowid][0]):
            rows[rowid] = (weight, matched, "place")


# A meeting whose row names no one (the St Petersburg CIS summit: «прошёл саммит СНГ») is a
# meeting of the people its event's other facts name: for a person the query names, it counts
# for this share of an event signal, below a row that names the person.
PRESENT = 0.5


def present(signals: Signals, terms: list[tuple[Term, dict[int, Best]]]) -> None:
    """For each person the query names, the meetings (kind meeting) that name no person, of
    the events where one of the person's rows names them, match the name through their
    event. In place, in the person's rows; a row that names the person keeps its own match.
    Read by rowid and the event column in chunks, with no fact record built."""
    if not any(term.entity == "person" for term, _ in terms):
        return
    index = signals.index
    people = {name for entry in index.table("glossary").values() if entry.kind == "person"
              for name in entry.all_names()}
    for term, rows in terms:
        if term.entity != "person" or not rows:
            continue
        named = sorted(rowid for rowid, (_, _, how) in rows.items() if how != "name")
        events = sorted({event for start in range(0, len(named), 500) for event in _chunked(
            index, "SELECT DISTINCT event FROM filters WHERE event != '' AND rowid IN ({})",
            named[start:start + 500])})
        found: dict[int, str] = {}  # a meeting of those events the person's rows miss
        for start in range(0, len(events), 500):
            chunk = events[start:start + 500]
            where = index.admit(f"kind = 'meeting' AND event IN ({','.join('?' * len(chunk))})")
            found.update((rowid, event) for rowid, event in index.rows(
                f"SELECT rowid, event FROM filters WHERE {where}", chunk) if rowid not in rows)
        ids = sorted(found)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for rowid, names in index.rows(f"SELECT rowid, names FROM facts WHERE rowid IN "
                                           f"({','.join('?' * len(chunk))})", chunk):
                if not people & set(names.split(LIST_JOIN)):  # the talks with Putin name
                    rows[rowid] = (SIGNAL["event"] * PRESENT, found[rowid], "event")  # theirs


def _chunked(index: Index, sql: str, values: list[Any]) -> set[Any]:
    """The first column of ``sql`` with its ``{}`` taken by one mark per value."""
    return {row[0] for row in index.rows(sql.format(",".join("?" * len(values))), values)}


def unsaid(signals: Signals, reading: Reading, terms: list[tuple[Term, dict[int, Best]]]
            ) -> list[str]:
    """For a query asking what a person said on a topic (что сказал Путин о газе), a note per
    person none of whose own statements (their speaker) matches a topic word: the facts
    shown are then what others said or reported."""
    if not SPEECH & set(reading.ignored):
        return []
    topics = [rows for term, rows in terms if term.entity != "person"]
    return [Said("read.no_statement", person=term.text,
                 about=", ".join(t.text for t, _ in terms if t.entity != "person"))
            for term, _ in terms if term.entity == "person" and topics
            and not any(signals.speaker(term.entry) & rows.keys() for rows in topics)]
