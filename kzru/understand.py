"""Read a query the way an analyst means it: topic words plus the time, status, kind, place,
event and sector it names.

Search consumes the result. Years and status words are filters; months, dates, kinds, places,
events and sectors are ranking signals; every other word is searched as text, so no word the
reader does not understand is dropped. Stopwords are dropped and reported as such.
"""


import re
from datetime import date
from typing import Any, Iterable, NamedTuple

from kzru.aliases import AliasTable
from kzru.labels import Joined, Said, status_word
from kzru.labels import word as vocab
from kzru.query_words import (
    BILINGUAL,
    DONE_ONLY,
    DONE_WORDS,
    EVENT_WORDS,
    KIND_WORDS,
    MONTHS,
    NEGATION_GAP,
    NEGATIONS,
    NOT_NEGATIONS,
    QUERY_FILLERS,
    QUESTION_KINDS,
    RANKED_STATUS_WORDS,
    RELATIVE,
    SEASONS,
    STATUS_NOUNS,
    STATUS_PHRASES,
    STATUS_WORDS,
    UNFINISHED,
    VISIT_KIND,
    WEAK_MONTHS,
    WEAK_SEASONS,
    YEAR_WORDS,
    bilingual_key,
    expansion,
    is_generic,
    set_phrase,
    year_in,
)
from kzru.taxonomy import sector_phrases as _sector_phrases  # one reading of sectors
from kzru.taxonomy import sector_words as _sector_words
from kzru.text import STOPWORDS, content_words, normalize, stem, words

# Operators: "a phrase" (also «…» and “…”), -word, and OR (ИЛИ) between words, in capitals
# so that an English "or" stays a stopword.
_QUOTED = r'"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]'
_QUOTES = '"«“„'  # the marks a quoted phrase starts with
OR_WORDS = frozenset({"OR", "ИЛИ"})
OR_MARK = "|"


def operators(query: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Split what the query's operators say from its words: the plain words (OR as
    ``OR_MARK``), the quoted phrases, the -excluded words and the -"excluded phrases"."""
    phrases: list[str] = []
    unwanted: list[str] = []

    def take(match: re.Match[str]) -> str:
        phrase = next(group for group in match.groups() if group is not None)
        start = match.start()
        if start and query[start - 1] == "-" and (start == 1 or query[start - 2].isspace()):
            unwanted.append(phrase)  # -"поставки нефти": left out, not asked for
        else:
            phrases.append(phrase)
        return " "

    # compiled only for a query holding a quote (re caches it): most searches never pay
    rest = re.sub(_QUOTED, take, query) if any(map(query.__contains__, _QUOTES)) else query
    plain: list[str] = []
    excluded: list[str] = []
    for piece in rest.split():
        if piece in OR_WORDS:
            plain.append(OR_MARK)
        elif piece.startswith("-") and words(piece):
            excluded.extend(words(piece))
        else:
            plain.extend(words(piece))
    return plain, phrases, excluded, unwanted


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


def _mark_times(tokens: list[str], today: date) -> tuple[dict[int, str], list[int],
                                                          list[int], list[tuple[int, int]]]:
    """Positions used by times, and the years, months and (month, day) pairs they state."""
    used: dict[int, str] = {}
    years: list[int] = []
    months: list[int] = []
    days: list[tuple[int, int]] = []
    for position, token in enumerate(tokens):
        year = year_in(token)
        if year:
            years.append(int(year))
            used[position] = Said("read.year", year=year)
            following = position + 1
            if following < len(tokens) and tokens[following] in YEAR_WORDS:
                used[following] = ""
    for position in range(len(tokens) - 1):
        offset = RELATIVE.get((tokens[position], tokens[position + 1]))
        if offset is not None and position not in used:
            years.append(today.year + offset)
            words_used = f"{tokens[position]} {tokens[position + 1]}"
            used[position] = Said("read.year_words", year=today.year + offset, words=words_used)
            used[position + 1] = ""
    for position, token in enumerate(tokens):
        month = MONTHS.get(token)
        if month is None or position in used:
            continue
        before = tokens[position - 1] if position else ""
        after = tokens[position + 1] if position + 1 < len(tokens) else ""
        day = int(before) if before.isdigit() and 1 <= int(before) <= 31 else 0
        if token in WEAK_MONTHS and not day and not year_in(after):
            continue
        if day:
            days.append((month, day))
            used[position - 1] = ""
            used[position] = Said("read.date", date=f"{day:02d}-{month:02d}")
        else:
            months.append(month)
            used[position] = Said("read.month", month=f"{month:02d}")
    for position, token in enumerate(tokens):
        season = SEASONS.get(token)
        if season is None or position in used:
            continue
        beside = {tokens[p] for p in (position - 1, position + 1) if 0 <= p < len(tokens)}
        if token in WEAK_SEASONS and not any(map(year_in, beside)):
            continue
        months.extend(season)
        used[position] = Said("read.season", word=token,
                              months=", ".join(f"{month:02d}" for month in season))
    return used, years, months, days


def _free_phrase(tokens: list[str], position: int, used: dict[int, str]) -> tuple[str, ...]:
    """The set phrase (see query_words.SET_PHRASES) at ``position``, none of whose words is
    already read as a time."""
    phrase = set_phrase(tokens, position)
    return () if any(p in used for p in range(position, position + len(phrase))) else phrase


def read(query: str, aliases: AliasTable, events: Iterable[Any] = (),
         sectors: Iterable[Any] = (), glossary: Iterable[Any] = (),
         today: date | None = None, literal: bool = False) -> Reading:
    """Turn the text of a query into text terms and constraints; ``literal`` keeps every
    word as text (glossary names still match each other)."""
    if literal:
        tokens = words(query)
        content = [t for t in tokens if t not in STOPWORDS]
        return Reading(_terms(content, aliases, [], [], []),
                       ignored=tuple(t for t in tokens if t in STOPWORDS),
                       notes=(Said("read.literal_words"),))
    tokens, phrases, excluded, unwanted_phrases = operators(query)
    used, years, months, days = _mark_times(tokens, today or date.today())
    notes = [note for _, note in sorted(used.items()) if note]
    statuses: list[str] = []
    not_statuses: list[str] = []
    ranked_statuses: list[str] = []
    negations: dict[str, str] = {}  # a word a negation leaves out -> the words that say so
    kinds: list[str] = []
    ignored: list[str] = []
    content: list[str] = []
    read_words = [tokens[p] for p in sorted(used)]
    position = 0
    while position < len(tokens):
        token = tokens[position]
        pair = tuple(tokens[position:position + 2])
        if position in used:
            position += 1
        elif pair in QUESTION_KINDS or (token,) in QUESTION_KINDS:
            key = pair if pair in QUESTION_KINDS else (token,)
            kinds.extend(QUESTION_KINDS[key])
            read_words.extend(key)
            notes.append(Said("read.asks_for", words=" ".join(key), kinds=Joined(
                [vocab("kind", kind) for kind in QUESTION_KINDS[key]], "/")))
            position += len(key)
        elif phrase := _free_phrase(tokens, position, used):  # во время, в рамках: a stopword
            ignored.append(" ".join(phrase))
            position += len(phrase)
        elif token in NEGATIONS and (negated := _negated(tokens, position, used)):
            target = tokens[negated]
            phrase_status = STATUS_PHRASES.get(tuple(tokens[negated:negated + 2]))
            if phrase_status:  # did not take place: the phrase's two words
                negated += 1
            said = " ".join(tokens[position:negated + 1])
            status = phrase_status or STATUS_WORDS.get(target)
            if target in NOT_NEGATIONS:  # «не только», not only: no negation
                ignored.append(said)
            elif status:
                not_statuses.append(status)
                read_words.extend(tokens[position:negated + 1])
                notes.append(Said("read.status_not", words=said, status=status_word(status)))
            else:  # read as -word, and the read-as line says so
                excluded.append(target)
                negations[target] = said
            position = negated + 1
        elif token in DONE_WORDS and position and tokens[position - 1] in UNFINISHED:
            content.append(token)  # "being opened", «будет открыт»: not done, a word
            position += 1
        elif token in RANKED_STATUS_WORDS:  # a thing of that status (договорённости) or a
            # verb saying it happened (opened): ranks the status first, and is a word
            ranked_statuses.append(STATUS_WORDS[token])
            notes.append(Said("read.status_ranks", word=token,
                              status=status_word(STATUS_WORDS[token])))
            if token in DONE_ONLY:
                read_words.append(token)
            else:
                content.append(token)
            position += 1
        elif pair in STATUS_PHRASES:  # took place: ranks its status first
            ranked_statuses.append(STATUS_PHRASES[pair])
            read_words.extend(pair)
            notes.append(Said("read.status_ranks", word=" ".join(pair),
                              status=status_word(STATUS_PHRASES[pair])))
            position += 2
        elif token in STATUS_WORDS:
            statuses.append(STATUS_WORDS[token])
            read_words.append(token)
            notes.append(Said("read.status", status=status_word(STATUS_WORDS[token])))
            position += 1
        elif token in STOPWORDS or token in QUERY_FILLERS:
            ignored.append(token)
            position += 1
        else:
            content.append(token)
            position += 1
    events, sectors, glossary = list(events), list(sectors), list(glossary)
    # a status noun beside its status as a filter («договорённости достигнуты»): every fact
    # left is one, so each of them matches the noun, said or not
    terms = [term._replace(status=STATUS_WORDS[term.text])
             if term.text in STATUS_NOUNS and STATUS_WORDS[term.text] in statuses else term
             for term in _terms(content, aliases, events, sectors, glossary)]
    for phrase in phrases:
        inside = content_words(phrase)
        if not inside:
            continue
        found = _terms(inside, aliases, events, sectors, glossary)
        if len(inside) == 1:  # a quoted word is a word of the text, never a time or status
            terms.extend(found)
        else:
            terms.append(Term(" ".join(inside), tuple(inside), [], phrase=True,
                              generic=all(t.generic for t in found)))
    for term in terms:
        notes.extend(_term_notes(term))
    unwanted = tuple(_terms(list(excluded), aliases, [], [], [])) + tuple(
        Term(" ".join(inside), tuple(inside), [], phrase=True) if len(inside) > 1
        else _terms(inside, aliases, [], [], [])[0]
        for inside in map(content_words, unwanted_phrases) if inside)
    notes.extend(Said("read.negated", words=negations[term.text], word=term.text)
                 if term.text in negations else Said("read.not_phrase", words=term.text)
                 if term.phrase else Said("read.not", word=term.text) for term in unwanted)
    if Reading(terms).events_asked:
        notes.append(Said("read.openings"))
    return Reading(terms, tuple(dict.fromkeys(years)), tuple(dict.fromkeys(months)),
                   tuple(dict.fromkeys(days)), tuple(dict.fromkeys(statuses)),
                   tuple(dict.fromkeys(kinds)), tuple(ignored), tuple(notes), tuple(read_words),
                   unwanted, tuple(dict.fromkeys(not_statuses)),
                   tuple(dict.fromkeys(ranked_statuses)))


NEGATION_REACH = 3  # words a negation may skip to reach its own (were not yet signed)


def _negated(tokens: list[str], position: int, used: dict[int, str]) -> int:
    """The position of the word the negation at ``position`` applies to, skipping
    auxiliaries (see query_words.NEGATION_GAP); 0 when it applies to none (a time, a
    stopword, the end of the query): then it is a stopword like any other."""
    at = position + 1
    while at < len(tokens) and at - position <= NEGATION_REACH and tokens[at] in NEGATION_GAP:
        at += 1
    if at >= len(tokens) or at in used or tokens[at] == OR_MARK or tokens[at] in NEGATIONS:
        return 0
    target = tokens[at]
    if target in NOT_NEGATIONS or target in STATUS_WORDS:
        return at
    return 0 if target in STOPWORDS or target in QUERY_FILLERS else at


def _terms(tokens: list[str], aliases: AliasTable, events: list[Any], sectors: list[Any],
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
            following = _terms(tokens[position:position + 1], aliases, events, sectors, glossary)
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
            if not names_here:  # КПП: a пункт пропуска, a checkpoint (see query_words.py)
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


def _term_notes(term: Term) -> list[str]:
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
