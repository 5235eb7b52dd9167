"""Evidence cut from the article by offsets, so it is verbatim by construction: a sentence
that fits in EVIDENCE_LIMIT characters whole, else up to three of its clauses joined by the
evidence joiner. The clause groups a long sentence is drafted in are kzru.curate.groups.
"""

from __future__ import annotations

import re

from kzru.curate.annotate import Sentence
from kzru.model import EVIDENCE_JOINER

EVIDENCE_LIMIT = 200

_ELLIPSIS = re.compile(r"\.\.\.|…")

_CLAUSE_BREAK = re.compile(r"[,;:—–]\s|\s[—–]\s|\(|\)")

def strip_span(text: str, start: int, stop: int) -> tuple[int, int]:
    while start < stop and text[start] in " \t,;:—–-(\"«»":
        start += 1
    while stop > start and text[stop - 1] in " \t,;:—–-(":
        stop -= 1
    return start, stop

def evidence(sentence: Sentence, article_text: str, focus: int) -> tuple[tuple[int, int], ...]:
    """Spans (article offsets) of the evidence: the sentence when it fits in 200 characters,
    else up to three of its clauses, the one holding the deciding word first chosen, joined
    in text order. Pieces never hold an ellipsis (the joiner is one)."""
    start, stop = sentence.start, sentence.stop
    pieces = []
    cursor = start
    for match in _ELLIPSIS.finditer(article_text, start, stop):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, stop))
    pieces = [strip_span(article_text, a, b) for a, b in pieces]
    pieces = [(a, b) for a, b in pieces if b > a]
    if len(pieces) == 1 and pieces[0][1] - pieces[0][0] > EVIDENCE_LIMIT and \
            article_text[pieces[0][1] - 1] in ".!?" and \
            pieces[0][1] - 1 - pieces[0][0] <= EVIDENCE_LIMIT:
        pieces = [(pieces[0][0], pieces[0][1] - 1)]  # the full stop is not evidence
    if len(pieces) == 1 and pieces[0][1] - pieces[0][0] <= EVIDENCE_LIMIT:
        return tuple(pieces)
    clauses: list[tuple[int, int]] = []
    for a, b in pieces:
        cursor = a
        for match in _CLAUSE_BREAK.finditer(article_text, a, b):
            clauses.append(strip_span(article_text, cursor, match.start()))
            cursor = match.end()
        clauses.append(strip_span(article_text, cursor, b))
    clauses = [(a, b) for a, b in clauses if b - a >= 3]
    if not clauses:
        return ()
    # the clause with the deciding word, then the longest others, while they fit
    anchor = next((c for c in clauses if c[0] <= focus < c[1]), clauses[0])
    chosen = [_fit(article_text, anchor, focus)]
    for clause in sorted((c for c in clauses if c != anchor), key=lambda c: c[0]):
        if len(chosen) == 3:
            break
        total = sum(b - a for a, b in chosen) + (b_a := clause[1] - clause[0])
        if total + len(EVIDENCE_JOINER) * len(chosen) <= EVIDENCE_LIMIT and b_a >= 15:
            chosen.append(clause)
    return tuple(sorted(chosen))

def _fit(text: str, clause: tuple[int, int], focus: int) -> tuple[int, int]:
    """A clause cut to at most 200 characters at word boundaries, around ``focus``."""
    start, stop = clause
    if stop - start <= EVIDENCE_LIMIT:
        return clause
    focus = min(max(focus, start), stop)
    left = max(start, focus - EVIDENCE_LIMIT // 3)
    right = min(stop, left + EVIDENCE_LIMIT)
    left = max(start, right - EVIDENCE_LIMIT)
    while left > start and not text[left - 1].isspace():
        left += 1
    while right < stop and not text[right].isspace():
        right -= 1
    return strip_span(text, left, right)

FINITE_POS = ("VERB", "PRTS", "ADJS", "PRED")  # word classes of a predicate


def inside_marks(text: str, start: int, at: int, opening: str, closing: str) -> bool:
    return text.count(opening, start, at) > text.count(closing, start, at)


# Words a phrase opens with: a window of an overlong clause may end before one and begin at it
_PHRASE_OPENERS = ("и", "а", "но", "или", "либо", "также", "в", "во", "на", "с", "со", "по",
                   "о", "об", "для", "к", "из", "от", "до", "за", "при", "между", "после",
                   "через", "у")


def phrase_edges(sentence: Sentence, text: str, start: int, stop: int) -> list[int]:
    """Offsets from ``start`` to ``stop`` where a window of an overlong clause may end or
    begin: right after a comma, semicolon, colon or dash, or before a conjunction or a
    preposition; never inside «quotes», (brackets) or a name the tagger found ("на благо
    дружественного | народа" is no edge; "… деятельности | на благо …" is)."""
    found = []
    for token in sentence.tokens:
        if token.text.lower() in _PHRASE_OPENERS:
            at = token.start
        elif token.text in (",", ";", ":", "—", "–"):
            at = token.stop
        else:
            continue
        if not start <= at <= stop or inside_marks(text, sentence.start, at, "«", "»") or \
                inside_marks(text, sentence.start, at, "(", ")") or any(
                e.start < at < e.stop for e in sentence.entities):
            continue
        found.append(at)
    return found


def with_lead(lead: Sentence, cue: str, own: tuple[int, int], text: str
              ) -> tuple[tuple[int, int], ...]:
    """A clause group with no predicate of its own ("по запуску программы…", "а также
    создание хабов…"), after the words of the sentence's head clause that govern it: its
    deciding cue and what follows it ("рассматривается запуск стартапов … а также создание
    хабов"), with the clause's opening words when they are a connective of at most two words
    ("Также закреплены договоренности … по обмену опытом"). Two verbatim pieces."""
    from kzru.curate.decide import find, normalize

    room = EVIDENCE_LIMIT - (own[1] - own[0]) - len(EVIDENCE_JOINER)
    if room < 20:
        return (own,)
    at = find(normalize(cue), normalize(lead.text))
    focus = lead.start + (at[0] if at else 0)
    opening = len(re.findall(r"\w+", text[lead.start:focus]))
    start = lead.start if opening <= 2 else focus
    stop = min(lead.stop, start + room)
    if stop < lead.stop:  # at a phrase's edge, else a space
        edges = phrase_edges(lead, text, start + 20, stop)
        cut = max(edges) if edges else text.rfind(" ", start, stop)
        stop = cut if cut > start else stop
    piece = strip_span(text, start, stop)
    if piece[1] <= piece[0] or piece[1] > own[0]:
        return (own,)
    return (piece, own)


def sub_sentence(sentence: Sentence, start: int, stop: int, text: str) -> Sentence:
    return Sentence(sentence.index, start, stop, text[start:stop],
                    tuple(t for t in sentence.tokens if start <= t.start and t.stop <= stop),
                    tuple(e for e in sentence.entities if start <= e.start and e.stop <= stop))

def fits_whole(sentence: Sentence, text: str) -> bool:
    """The sentence (without its full stop) fits in one evidence piece and has no ellipsis."""
    stop = sentence.stop - (text[sentence.stop - 1] in ".!?")
    return stop - sentence.start <= EVIDENCE_LIMIT or bool(_ELLIPSIS.search(sentence.text))
