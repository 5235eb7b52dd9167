"""What a read query is: its text terms (a word or glossary phrase, with what else it stands
for) and the constraints it states, and the one line that says how it was read.

Why apart from the reader (understand.py): search, matching and related words consume these
types and never the reading procedure; the reader changes for its own reasons (new words,
operators), these only when a query can say something new.
"""

from typing import NamedTuple

from kzru.labels import Joined, Said


class Term(NamedTuple):
    """A word or glossary phrase searched as text, with what else it stands for."""

    text: str
    tokens: tuple[str, ...]
    aliases: list[tuple[str, ...]]
    translations: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    event_kinds: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    sector: str = ""
    sector_only: bool = False  # the sector's own name: facts of the sector match it
    entity: str = ""  # glossary kind: person, place, organization ...
    phrase: bool = False  # typed in quotes: its words must stand next to each other
    either: tuple["Term", ...] = ()  # typed with OR: a fact matching any of these matches
    generic: bool = False  # a word of every news story (поставки, cooperation): weighs less
    entry: str = ""  # the glossary entry's id, when the term names one
    stands_for: tuple[str, ...] = ()  # an abbreviation's meaning, in Russian and English
    shared: tuple[str, ...] = ()  # events held in several places (a place is one of them)
    status: str = ""  # a status noun's status (договорённости: agreed): its facts match it


class Reading(NamedTuple):
    """A query read into text terms and constraints."""

    terms: list[Term]
    years: tuple[int, ...] = ()
    months: tuple[int, ...] = ()
    days: tuple[tuple[int, int], ...] = ()  # (month, day)
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # asked for by a question word only
    ignored: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    read_words: tuple[str, ...] = ()  # words taken as a time, status or question
    excluded: tuple[Term, ...] = ()  # typed as -word: facts that match them are left out
    not_statuses: tuple[str, ...] = ()  # negated (not signed): facts of these are left out
    ranked_statuses: tuple[str, ...] = ()  # named by a noun (договорённости): rank, not filter

    @property
    def events_asked(self) -> tuple[str, ...]:
        """The event kinds a query asks for when its every word names one (визита, "state
        visit", forums): the reader wants the events themselves, so each one's opening
        ranks before what it produced; () for any other query."""
        if not self.terms or any(not term.event_kinds or term.kinds or term.entity
                                 or term.sector or term.either or term.phrase
                                 for term in self.terms):
            return ()
        return tuple(dict.fromkeys(kind for term in self.terms for kind in term.event_kinds))

    @property
    def empty(self) -> bool:
        return not (self.terms or self.years or self.months or self.days or self.statuses
                    or self.kinds or self.not_statuses)

    def describe(self, related: dict[str, tuple[str, str]] | None = None) -> str:
        """One line saying how the query was read, for the `read as:` line and --explain;
        ``related``: the words search looked up through related or derived words
        (нефтепровод ≈ нефть), shown in place of the bare word."""
        if not self.notes:
            return Said("read.text_only")
        looked = related or {}

        def shown(note: str) -> str:
            word = getattr(note, "fields", {}).get("word")
            if getattr(note, "key", "") not in ("read.word", "read.generic") \
                    or word not in looked:
                return note
            found, how = looked[word]
            return Said(f"read.{how}", word=word, words=found)

        return Joined([shown(note) for note in self.notes], " · ")
