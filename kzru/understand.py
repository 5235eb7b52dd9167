"""Read a query the way an analyst means it: topic words plus the time, status, kind, place,
event and sector it names.

Search consumes the result. Years and status words are filters; months, dates, kinds, places,
events and sectors are ranking signals; every other word is searched as text, so no word the
reader does not understand is dropped. Stopwords are dropped and reported as such.
"""

import re
from datetime import date
from typing import Any, Iterable

from kzru.aliases import AliasTable
from kzru.labels import Joined, Said, status_word
from kzru.labels import word as vocab
from kzru.query_terms import OR_MARK, Reading, Term, read_terms, term_notes
from kzru.query_words import (
    BRACKETS,
    DASHES,
    DONE_FORMS,
    DONE_ONLY,
    MONTHS,
    NEGATION_ENDS,
    NEGATION_GAP,
    NEGATION_PAIRS,
    NEGATION_REACH,
    NEGATIONS,
    NOT_NEGATIONS,
    NOT_YET,
    QUERY_FILLERS,
    QUESTION_KINDS,
    RANKED_STATUS_WORDS,
    RELATIVE,
    SEASONS,
    STATUS_NOUNS,
    STATUS_PHRASES,
    STATUS_WORDS,
    UNFINISHED,
    WEAK_MONTHS,
    WEAK_SEASONS,
    YEAR_WORDS,
    set_phrase,
    year_in,
)
from kzru.text import STOPWORDS, content_words, words

# Operators: "a phrase" (also «…» and “…”), -word, and OR (ИЛИ) between words, in capitals
# so that an English "or" stays a stopword.
_QUOTED = r'"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]'
_QUOTES = '"«“„'  # the marks a quoted phrase starts with
OR_WORDS = frozenset({"OR", "ИЛИ"})



def operators(query: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Split what the query's operators say from its words: the plain words (OR as
    ``OR_MARK``), the quoted phrases, the -excluded words and the -"excluded phrases"."""
    phrases: list[str] = []
    unwanted: list[str] = []
    if any(map(query.__contains__, DASHES)) or (not query.isascii() and any(
            "a" <= c <= "z" for c in query.lower())):  # most queries: neither, never loaded
        from kzru.query_marks import plain_marks

        query = plain_marks(query)
    rest = query
    if any(map(query.__contains__, _QUOTES)):  # most searches never compile the pattern
        from kzru.query_marks import negation_before

        pieces, done = [], 0
        for match in re.finditer(_QUOTED, query):
            phrase = next(group for group in match.groups() if group is not None)
            start, before = match.start(), query[done:match.start()]
            if start and query[start - 1] == "-" and (
                    start == 1 or query[start - 2].isspace() or query[start - 2] in BRACKETS):
                unwanted.append(phrase)  # -"поставки нефти": left out, not asked for
                before = before[:-1]
            elif (negation := negation_before(before)) >= 0:
                # без «транзита газа», not "gas transit", except for "…": a negation word
                # before a phrase leaves the phrase out, as -"…" does
                unwanted.append(phrase)
                before = before[:negation]
            else:
                phrases.append(phrase)
            pieces.append(before + " ")
            done = match.end()
        rest = "".join(pieces) + query[done:]
    plain: list[str] = []
    excluded: list[str] = []
    for piece in rest.split():
        if piece in OR_WORDS:
            plain.append(OR_MARK)
        elif (piece := piece.lstrip(BRACKETS) or piece).startswith("-") and words(piece):
            excluded.extend(words(piece))
        else:
            plain.extend(words(piece))
    return plain, phrases, excluded, unwanted



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
        return Reading(read_terms(content, aliases, [], [], []),
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
        elif (token in NEGATIONS or pair in NEGATION_PAIRS) and (negated := _negated(
                tokens, position + (pair in NEGATION_PAIRS), used)):
            target = tokens[negated]
            phrase_status = STATUS_PHRASES.get(tuple(tokens[negated:negated + 2]))
            if phrase_status:  # did not take place: the phrase's two words
                negated += 1
            said = " ".join(tokens[position:negated + 1])
            status = phrase_status or STATUS_WORDS.get(target)
            if target in NOT_NEGATIONS:  # «не только», not only: no negation
                ignored.append(said)
            elif status == "done":  # did not take place: what was planned, expected or
                not_statuses.append(status)  # proposed, and nothing done
                statuses.extend(NOT_YET)
                read_words.extend(tokens[position:negated + 1])
                notes.append(Said("read.status_not_yet", words=said, status=status_word(status),
                                  statuses=Joined([status_word(s) for s in NOT_YET], "/")))
            elif status:
                not_statuses.append(status)
                read_words.extend(tokens[position:negated + 1])
                notes.append(Said("read.status_not", words=said, status=status_word(status)))
            else:  # read as -word, and the read-as line says so
                excluded.append(target)
                negations[target] = said
            position = negated + 1
        elif token in DONE_FORMS and position and tokens[position - 1] in UNFINISHED:
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
             for term in read_terms(content, aliases, events, sectors, glossary)]
    for phrase in phrases:
        inside = content_words(phrase)
        if not inside:
            continue
        found = read_terms(inside, aliases, events, sectors, glossary)
        if len(inside) == 1:  # a quoted word is a word of the text, never a time or status
            terms.extend(found)
        else:
            terms.append(Term(" ".join(inside), tuple(inside), [], phrase=True,
                              generic=all(t.generic for t in found)))
    for term in terms:
        notes.extend(term_notes(term))
    unwanted = tuple(read_terms(list(excluded), aliases, [], [], [])) + tuple(
        Term(" ".join(inside), tuple(inside), [], phrase=True) if len(inside) > 1
        else read_terms(inside, aliases, [], [], [])[0]
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




def _negated(tokens: list[str], position: int, used: dict[int, str]) -> int:
    """The position of the word the negation at ``position`` applies to, skipping
    auxiliaries (see query_words.NEGATION_GAP), stopwords and the second word of a two-word
    negation (except for, without the, «без учёта», «кроме как»); 0 when it applies to none
    (a time, the end of the query): then it is a stopword like any other."""
    at = position + 1
    while at < len(tokens) and at - position <= NEGATION_REACH and (
            tokens[at] in NEGATION_GAP or tokens[at] in NEGATION_ENDS or (
                (tokens[at] in STOPWORDS or tokens[at] in QUERY_FILLERS)
                and tokens[at] not in NOT_NEGATIONS and tokens[at] not in NEGATIONS)):
        at += 1
    if at >= len(tokens) or at in used or tokens[at] == OR_MARK or tokens[at] in NEGATIONS:
        return 0
    target = tokens[at]
    if target in NOT_NEGATIONS or target in STATUS_WORDS:
        return at
    return 0 if target in STOPWORDS or target in QUERY_FILLERS else at

