"""Sentences that continue the one before: a pronoun or demonstrative in their opening words
("Это особенно подчеркнул…", "Всего он включает…"), a topic of only general nouns
("Документ охватывает…", "В мероприятии примет участие…"), or no predicate at all ("Абсолютно
те же требования."). Such a sentence means little alone; its draft's evidence joins the words
of the sentence it continues, when they fit in one excerpt.

The sentence it continues (its antecedent) is the nearest one before it that names its own
topic: one that itself only says "он" or "документ" is passed over, as it names nothing,
and so is one that only points back with a demonstrative ("Эти грузовики популярны") and
names no person, place, organisation or «name» (a count after it, "Около 1000 штук…",
needs the name of what it counts). One whose pronoun is a possessive before a noun ("По их
итогам стороны подписали соглашение…") and which names something has a topic of its own,
and is not passed over. A heading line names the topic of what follows it. A demonstrative
in an adverbial ("В этом контексте…") or a sentence with no predicate reaches no further
back than its paragraph.
What a following sentence takes up is what the sentence before states, not the attribution
closing it ("…, – отмечает политолог"). Rules from Russian news language in general, tested
on sentences written for the tests.
"""

from __future__ import annotations

import re
from typing import Sequence

from kzru.cues import (
    RELATIVE_SHIFTS,
    SAYING_VERBS,
)
from kzru.curate.annotate import MIN_WORDS, Sentence, Token
from kzru.curate.evidence import EVIDENCE_LIMIT, FINITE_POS, strip_span
from kzru.curate.words import letters
from kzru.event_cues import (
    ANAPHORA_ADVERBS,
    ANAPHORA_DETERMINERS,
    ANAPHORA_NOUNS,
    ANAPHORA_PRONOUNS,
    DEICTIC_PERIODS,
    TIME_NOUNS,
)
from kzru.model import EVIDENCE_JOINER
from kzru.text import normalize

_PREDICATES = (*FINITE_POS, "INFN", "GRND")
OPENING = 6  # words of a sentence's opening, at most, read for a referring word
REACH = 3  # sentences back, at most, where an antecedent is looked for
MIN_PIECE = 15  # characters of the antecedent worth quoting
_STOP = re.compile(r"[,;:—–(]\s|\s[—–]\s")


def _words(sentence: Sentence) -> list[Token]:
    return letters(sentence)


def _lemma(token: Token) -> str:
    return normalize(token.lemma)


def continues(sentence: Sentence) -> str:
    """How the sentence continues the one before, or '' when it stands alone: 'personal' (a
    personal pronoun: "Всего он включает…"), 'pronoun' ("Это особенно подчеркнул…"),
    'general' (its topic is general nouns only: "Документ охватывает…"), 'reference' (a
    demonstrative points back, but the topic is its own: "эти грузовики"), 'adverb' (an
    adverb points back at a place or time, the topic its own: "там начнется модернизация"),
    'elliptic' (no predicate). "Это" before a name presents something new ("А это
    «КамАЗ»…"): it continues nothing."""
    words = _words(sentence)
    if not words:
        return ""
    has_predicate = any(t.pos in _PREDICATES for t in words) or bool(
        re.search(r"\s[–—-]\s", sentence.text))
    dash = re.search(r"\s[–—-]\s", sentence.text)
    stop = sentence.start + dash.start() if dash else sentence.stop
    opening: list[Token] = []
    for token in words:
        if token.pos in FINITE_POS or len(opening) == OPENING or token.start >= stop:
            break
        opening.append(token)
    timing = _time_words(sentence)
    opening = [t for t in opening if t.start not in timing]
    found = ""
    for index, token in enumerate(opening):
        lemma, said = _lemma(token), normalize(token.text)
        if lemma in ANAPHORA_PRONOUNS or said in ANAPHORA_PRONOUNS:
            return "personal"
        if said == "то":
            continue  # "то есть", "если…, то": a conjunction
        if lemma in ANAPHORA_DETERMINERS or said in ANAPHORA_DETERMINERS:
            following = opening[index + 1:index + 3]
            if said == "это" and _presents(sentence, token):
                continue
            if said == "это" and not any(t.pos == "NOUN" and _neuter(t) for t in following[:1]):
                # "Это высший формат…" (a noun or adjective after it, no verb: "this is a…")
                # says what the sentence before is about, its topic, as a personal pronoun
                # does; "Это особенно подчеркнул…" takes up what it ended on
                nominal = token is words[0] and following[:1] and \
                    following[0].pos in ("NOUN", "ADJF") and following[0].start < stop
                return "personal" if nominal else "pronoun"
            found = found or "reference"
        elif lemma in ANAPHORA_ADVERBS or said in ANAPHORA_ADVERBS:
            found = found or "adverb"
    nouns = [t for t in opening if t.pos == "NOUN"]
    reach = opening[-1].stop if opening else sentence.start
    if nouns and all(_lemma(t) in ANAPHORA_NOUNS for t in nouns) and not any(
            t.text[:1].isupper() for t in opening[1:]) and "«" not in " ".join(
            t.text for t in opening) and not any(e.start < reach for e in sentence.entities):
        return "general"
    if found:
        return found
    named = bool(sentence.entities) or "«" in sentence.text
    return "" if has_predicate or named else "elliptic"


def _time_words(sentence: Sentence) -> set[int]:
    """Where the words of a time adverbial start: a span of time with a number or a word
    that places it relative to now before it ("В 2027 году", "в прошлом месяце", "на этой
    неделе"). It dates the sentence; it names no topic and points back at nothing, so
    "В 2027 году планируется открыть филиал" continues no sentence. "В этот день" does
    point back (to a day named before): "этот" counts only in the forms that mean the
    current period."""
    found: set[int] = set()
    tokens = [t for t in sentence.tokens if t.text.strip()]
    for before, token in zip(tokens, tokens[1:]):
        if _lemma(token) not in TIME_NOUNS:
            continue
        said = normalize(before.text)
        if said.isdigit() or said.rstrip("-йгоюм").isdigit():
            found.add(token.start)
        elif said.startswith(tuple(RELATIVE_SHIFTS)) and (
                not said.startswith("эт") or normalize(token.text) in DEICTIC_PERIODS):
            found |= {before.start, token.start}
    return found


def _presents(sentence: Sentence, token: Token) -> bool:
    """"Это" followed by a name in quotes or capitals: it presents something ("А это
    «КамАЗ»")."""
    after = [t for t in sentence.tokens if t.start >= token.stop][:2]
    return any(t.text == "«" or (t.text[:1].isupper() and t.pos == "NOUN") for t in after)


def _neuter(token: Token) -> bool:
    from kzru.curate.annotate import _parse

    return any(p.tag.gender == "neut" and p.tag.number == "sing" for p in _parse(token.text)[:2])


def _heading(sentence: Sentence, text: str) -> bool:
    """A line of its own with few words and no final stop: a heading names a topic."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_stop = text.find("\n", sentence.stop)
    line = text[line_start:line_stop if line_stop >= 0 else len(text)].strip(" \t•·*-–—")
    return line == sentence.text.strip() and len(_words(sentence)) < MIN_WORDS and \
        not sentence.text.rstrip().endswith((".", "!", "?"))


def antecedent(sentences: Sequence[Sentence], index: int, text: str) -> Sentence | None:
    """The sentence the one at ``index`` continues, or None (it stands alone, or the one it
    continues is too far back or names nothing itself)."""
    how = continues(sentences[index])
    if not how:
        return None
    for back in range(index - 1, max(-1, index - 1 - REACH), -1):
        candidate = sentences[back]
        if _heading(candidate, text):
            return candidate
        if how in ("reference", "adverb", "elliptic") and \
                "\n" in text[candidate.stop:sentences[index].start]:
            return None  # "В этом контексте…" or a verbless line opening a paragraph (a
            # caption, a heading) points at no one sentence
        how_before = continues(candidate)
        if how_before not in ("personal", "pronoun", "general", "reference") or (
                how_before == "reference" and (_names(candidate) or how in ("reference",
                                                                             "adverb"))) or (
                how_before == "personal" and _possessive(candidate) and _names(candidate)):
            return candidate
    return None


def _names(sentence: Sentence) -> bool:
    """Whether a sentence names something: a person, place or organisation, or a «name»."""
    return bool(sentence.entities) or "«" in sentence.text


def _start(sentence: Sentence, text: str, stop: int, room: int) -> int | None:
    """Where a quotation of the antecedent that ends at ``stop`` and fits in ``room`` begins:
    at its start or a clause's when one fits, else at the earliest word that does."""
    clauses = [sentence.start, *(m.end() for m in _STOP.finditer(text, sentence.start, stop))]
    words = [sentence.start + m.start()
             for m in re.finditer(r"(?<=\s)\S", text[sentence.start:stop])]
    for candidates in (clauses, words):
        fitting = [at for at in candidates if stop - at <= room]
        if fitting:
            return min(fitting)
    return None


def join(before: Sentence, sentence: Sentence, spans: tuple[tuple[int, int], ...], text: str,
         theme: bool = False) -> tuple[tuple[int, int], ...]:
    """The draft's evidence with the antecedent's words before it: one excerpt when the two
    sentences stand side by side in one paragraph ("… министров. Это особенно подчеркнул…"),
    else a piece of their own. As much of the antecedent as fits: its last words (from a
    clause's start when one fits), since a demonstrative or a general noun takes up what the
    sentence before ended on ("…инициативы «Трансалтайский диалог». Данный формат…"); but
    with ``theme`` (a personal pronoun, which keeps to the topic the sentence before began
    with: "Форумы … стали механизмом… Они формируют…") its first words. Unchanged when fewer
    than MIN_PIECE characters would fit."""
    if not spans or len(spans) > 2:
        return spans
    joined = _join(before, sentence, spans, text, theme)
    shorter = _without_stop(spans, text)
    if joined == spans and shorter != spans:
        other = _join(before, sentence, shorter, text, theme)
        return spans if other == shorter else other  # the full stop gave way
    return joined


def _join(before: Sentence, sentence: Sentence, spans: tuple[tuple[int, int], ...],
          text: str, theme: bool) -> tuple[tuple[int, int], ...]:
    own = sum(b - a for a, b in spans) + len(EVIDENCE_JOINER) * (len(spans) - 1)
    stop = _statement_end(before, text)
    side_by_side = len(spans) == 1 and before.index == sentence.index - 1 and \
        spans[0][0] == sentence.start and not text[before.stop:sentence.start].strip() and \
        "\n" not in text[before.stop:sentence.start] and stop == before.stop
    if not side_by_side:
        stop -= text[stop - 1] in ".!?"
    room = EVIDENCE_LIMIT - own - (sentence.start - before.stop if side_by_side
                                   else len(EVIDENCE_JOINER))
    if theme and stop - before.start > room:
        # its first words, as a piece of their own
        side_by_side = False
        room = EVIDENCE_LIMIT - own - len(EVIDENCE_JOINER)
        cut = text.rfind(" ", before.start, before.start + room + 1)
        if cut <= before.start:
            return spans
        start, end = strip_span(text, before.start, cut)
    else:
        at = _start(before, text, stop, room)
        if at is None:
            return spans
        start, end = strip_span(text, at, stop)
    if end - start < MIN_PIECE and (start, end) != strip_span(text, before.start, stop):
        return spans  # a few words cut from a sentence say nothing; a heading does
    if side_by_side:
        return ((start, spans[0][1]),)
    return ((start, end), *spans)


_ATTRIBUTION = re.compile(r",?\s[–—]\s+(\w+)")


def _statement_end(sentence: Sentence, text: str) -> int:
    """Where what a sentence states ends: before an attribution that closes it ("…имеет
    особое значение, – отмечает политолог Иван Петров."), which says who said it, not what
    a following sentence takes up; else the sentence's end."""
    for match in _ATTRIBUTION.finditer(text, sentence.start, sentence.stop):
        if normalize(match.group(1)).startswith(SAYING_VERBS) and \
                match.start() - sentence.start >= MIN_PIECE:
            return match.start()
    return sentence.stop


def _without_stop(spans: tuple[tuple[int, int], ...], text: str
                  ) -> tuple[tuple[int, int], ...]:
    """The full stop is not evidence: dropped from the last piece, to make room."""
    last = spans[-1]
    if text[last[1] - 1] in ".!?" and last[1] - 1 > last[0]:
        return (*spans[:-1], (last[0], last[1] - 1))
    return spans


def _possessive(sentence: Sentence) -> bool:
    """Whether the sentence's personal pronoun is a possessive before a noun ("Его тема",
    "По их итогам"): the sentence then has a topic of its own."""
    words = _words(sentence)
    for token, after in zip(words, words[1:]):
        if normalize(token.text) in ("его", "ее", "её", "их") and after.pos == "NOUN":
            return True
    return False
