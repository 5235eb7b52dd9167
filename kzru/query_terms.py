"""A read query's terms: what a read query is (Term, Reading, and the `read as:` line that says
how it was read), and how its content words become terms: the longest glossary phrase at each
position, a sector named in words (сельском хозяйстве), a kind of visit with its visit word,
OR's alternatives, an abbreviation's meaning; with the notes that say how each was read.

Why apart from the reader (understand.py): the reader walks the query's words for times,
statuses, negations and operators, and hands the words left to this side, which looks them
up in the glossary, the events, the sectors and the word tables (see query_words.py); search,
matching and related words consume the types and never the reading procedure.
"""

from typing import Any, Iterable, NamedTuple

from kzru.abbreviations import expansion
from kzru.aliases import AliasTable
from kzru.labels import Joined, Said
from kzru.labels import word as vocab
from kzru.query_words import (
    BILINGUAL,
    EVENT_WORDS,
    KIND_WORDS,
    VENUE_CITY,
    VISIT_KIND,
    bilingual_key,
    is_generic,
)
from kzru.taxonomy import sector_phrases as _sector_phrases  # one reading of sectors
from kzru.taxonomy import sector_words as _sector_words
from kzru.text import content_words, normalize, stem

OR_MARK = "|"  # OR (ИЛИ) between two words, as understand.operators marks it


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
    inside: str = ""  # a venue's city (glossary id): the Kremlin is in Moscow


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


def _entry(names: list[tuple[str, ...]], glossary: list[Any]) -> Any:
    """The glossary entry a matched name belongs to (its English name is among ``names``).

    Found only when a query names something, so plain queries do not pay for it.
    """
    wanted = set(names)
    return next((entry for entry in glossary
                 if tuple(content_words(entry.name_en)) in wanted), None)


def _events_at(entry: Any, events: Iterable[Any]) -> tuple[str, ...]:
    """Events held at a glossary place, or named by a glossary event."""
    names = {normalize(name) for name in entry.all_names()}
    found = []
    for event in events:
        if entry.kind == "place" and names & {normalize(place) for place in event.places}:
            found.append(event.id)
        elif entry.kind == "event" and any(
                name in normalize(event.title_en) or name in normalize(event.title_ru)
                for name in names):
            found.append(event.id)
    return tuple(found)



def read_terms(tokens: list[str], aliases: AliasTable, events: list[Any], sectors: list[Any],
           glossary: list[Any]) -> list[Term]:
    """Split content words into terms, taking the longest glossary phrase at each position."""
    stems = [stem(t) for t in tokens]
    longest = getattr(aliases, "longest", None) or max(map(len, aliases), default=1)
    sector_words = _sector_words(sectors) if sectors else {}
    named_sectors = _sector_phrases(sectors) if sectors and len(tokens) > 1 else {}
    terms: list[Term] = []
    position = 0
    join = False
    while position < len(tokens):
        if tokens[position] == OR_MARK:
            join = bool(terms)
            position += 1
            continue
        if join:  # the previous term and the next one are alternatives
            join, before = False, terms.pop()
            following = read_terms(tokens[position:position + 1], aliases, events, sectors,
                                   glossary)
            terms.append(_either(before, following[0]))
            position += 1
            continue
        kind = VISIT_KIND.get(tokens[position], "")
        if kind and kind in EVENT_WORDS.get(tokens[position + 1]
                                            if position + 1 < len(tokens) else "", ()):
            pair = tuple(tokens[position:position + 2])
            terms.append(Term(" ".join(pair), pair, [pair], event_kinds=(kind,)))
            position += 2
            continue
        named = next(((size, sector, own) for key, sector, own in named_sectors.get(
            stems[position], ()) for size in [len(key)]
            if tuple(stems[position:position + size]) == key), None)
        if named:  # сельском хозяйстве, special economic zones: the sector, as one term
            size, sector, own = named
            phrase = tuple(tokens[position:position + size])
            terms.append(Term(" ".join(phrase), phrase, [phrase], sector=sector,
                              sector_only=own))
            position += size
            continue
        for size in range(min(longest, len(tokens) - position), 0, -1):
            key = tuple(stems[position:position + size])
            if key in aliases:
                phrase = tuple(tokens[position:position + size])
                entry = _entry(aliases[key], glossary)
                terms.append(_term(phrase, aliases[key], entry, events, sector_words))
                position += size
                break
        else:
            # Snowball cuts some names short (Астана → аста, Астане → астан), and cuts a
            # nominative further than its other cases (Токаев → тока, Токаева → токаев: the
            # stem of a case form's stem is the nominative's).
            keys = [(cut,) for cut in (stems[position][:-1], stem(stems[position]))
                    if len(cut) >= 4]
            names_here = next((aliases[key] for key in keys if key in aliases), [])
            entry = _entry(names_here, glossary) if names_here else None
            found = _term((tokens[position],), names_here, entry, events, sector_words)
            if not names_here:  # КПП: a пункт пропуска, a checkpoint (see abbreviations.py)
                phrases, shown = expansion(tokens[position])
                if phrases:
                    found = found._replace(aliases=list(phrases), stands_for=shown,
                                           generic=False)
            terms.append(found)
            position += 1
    return terms


def _term(phrase: tuple[str, ...], names: list[tuple[str, ...]], entry: Any,
          events: list[Any], sector_words: dict[str, tuple[str, bool]]) -> Term:
    word = phrase[0] if len(phrase) == 1 else ""
    word_stem = stem(word) if word else ""
    sector, sector_only = sector_words.get(word_stem, ("", False)) if word else ("", False)
    if word and not sector:  # an adjective names its noun's sector: энергетические, атомный
        sector, sector_only = next((sector_words[noun] for noun in _nouns_of(word_stem)
                                    if noun in sector_words), ("", False))
    translations = tuple(BILINGUAL.get(word, ()) or BILINGUAL.get(bilingual_key(word), ()))
    return Term(
        text=" ".join(phrase), tokens=phrase, aliases=names, translations=translations,
        kinds=KIND_WORDS.get(word, ()), event_kinds=_held_kinds(EVENT_WORDS.get(word, ()), events),
        events=_events_at(entry, events) if entry is not None else (),
        shared=tuple(e.id for e in events if len(e.places) > 1) if entry is not None else (),
        inside=VENUE_CITY.get(entry.id, "") if entry is not None else "",
        sector=sector, sector_only=sector_only, entity=entry.kind if entry is not None else "",
        generic=bool(word) and entry is None and is_generic(word),
        entry=entry.id if entry is not None else "")


def _held_kinds(kinds: tuple[str, ...], events: list[Any]) -> tuple[str, ...]:
    """The event kinds a word names that the table holds (no official visit is recorded, so
    "визит" names state and working visits); all of them when no events are given."""
    held = {event.kind for event in events}
    return tuple(kind for kind in kinds if kind in held) if held else kinds


# Russian adjectives by the end of their stem, and the noun stem they are made from:
# энергетическ -> энергетик (энергетика), атомн -> атом, газов -> газ, транспортн -> транспорт.
_ADJECTIVE_NOUNS = (("ическ", "ик"), ("н", ""), ("ов", ""), ("ев", ""))


def _nouns_of(word_stem: str) -> list[str]:
    return [word_stem[:-len(end)] + noun for end, noun in _ADJECTIVE_NOUNS
            if word_stem.endswith(end) and len(word_stem) - len(end) >= 3]


def _either(first: Term, second: Term) -> Term:
    """Alternatives typed with OR; ``a OR b OR c`` nests into one flat group."""
    options = (*(first.either or (first,)), *(second.either or (second,)))
    return Term(" OR ".join(t.text for t in options),
                tuple(w for t in options for w in t.tokens), [], either=options)


def term_notes(term: Term) -> list[str]:
    """How one term was read, each note a Said (English, and sayable in Russian)."""
    text = term.text
    if term.either:
        return [Joined([Said("read.quoted", word=t.text) for t in term.either],
                       Said("read.or"))]
    if term.phrase:
        return [Said("read.phrase", words=text)]
    notes: list[str] = []
    if term.stands_for:
        notes.append(Said("read.stands_for", word=text, words=", ".join(term.stands_for)))
    if term.kinds:
        notes.append(Said("read.kinds", word=text,
                          kinds=Joined([vocab("kinds", kind) for kind in term.kinds], "/")))
    if term.event_kinds:
        notes.append(Said("read.event_kinds", word=text, kinds=Joined(
            [vocab("event_kind", kind) for kind in term.event_kinds])))
    if term.events:
        alone = [e for e in term.events if e not in term.shared]
        shared = [e for e in term.events if e in term.shared]
        listed = ", ".join(alone) if not shared else Said(
            "read.events_in_part", events=", ".join(alone), shared=", ".join(shared)) \
            if alone else Said("read.events_only_part", shared=", ".join(shared))
        notes.append(Said("read.entity_events", word=text, entity=vocab("entity", term.entity),
                          events=listed))
    elif term.entity:
        notes.append(Said("read.entity", word=text, entity=vocab("entity", term.entity)))
    if term.sector:
        notes.append(Said("read.sector", word=text, sector=term.sector))
    if term.translations:
        notes.append(Said("read.translations", word=text, words=", ".join(term.translations)))
    if not (term.kinds or term.event_kinds or term.entity or term.sector or term.translations
            or term.stands_for):
        notes.append(Said("read.generic" if term.generic else "read.word", word=text))
    return notes
