"""Readings of one sentence's words that drafting applies after the cue table has spoken
(kzru.curate.decide): whether an activity verb reports work under way or describes a state
of affairs, whether a short sentence is a whole statement, which of two dates beside each
other is the sentence's, and whether the deciding verb stands in a clause reported after
"что". Kept apart from kzru.curate.draft, which assembles a draft from these readings.
"""

from __future__ import annotations

import re

from kzru.cues import ACTIVITY_CUES, STATE_SUBJECTS
from kzru.curate.annotate import Sentence
from kzru.curate.dates import Dated
from kzru.curate.decide import find, normalize
from kzru.report_cues import COORDINATORS, RELATIVE_WORDS, THAT_WORDS

_JOINED = re.compile(r"[,;]\s+(" + "|".join(re.escape(c) for c in COORDINATORS) + r")(?!\w)")
_FINITE = ("VERB", "PRTS")


def reported_beyond(sentence: Sentence, cue: str, kind_word: str) -> bool:
    """The deciding verb stands in a clause after "что" and the meeting word before it:
    the status is what was said at or about the meeting, not the meeting's own."""
    text = normalize(sentence.text)
    that = re.search(r"(?<!\w)что(?!\w)", text)
    at_cue, at_kind = find(normalize(cue), text), find(kind_word, text) if kind_word else []
    return bool(that and at_cue and at_kind) and at_kind[0] < that.start() < at_cue[0]


def explicit(dates: list[Dated]) -> Dated:
    """The sentence's date: its first, but a relative phrase with an explicit day set right
    beside it ("На прошлой неделе, 7 марта") gives way to the day, which it only checks."""
    first = dates[0]
    if first.precision != "day" and first.basis == "inferred":
        beside = next((d for d in dates[1:] if d.precision == "day" and
                       0 <= d.start - first.stop <= APPOSED), None)
        if beside is not None:
            return beside
    return first


APPOSED = 3  # characters between a relative phrase and the day set beside it (", ")


def finished(sentence: Sentence, content: list) -> bool:  # noqa: ANN001
    """A short sentence that is a whole statement, not a heading or a caption: it ends with
    a full stop and has a finite verb or a short participle ("Стороны подписали
    соглашение.", "Визит состоится 29.02.2027.")."""
    return sentence.text.rstrip()[-1:] in ".!?…" and any(
        t.pos in ("VERB", "PRTS") for t in content)


def activity(sentence: Sentence, cue: str) -> bool:
    """An activity verb ("ведут", "работает", "продолжают", "взаимодействуют") whose
    subject, in the words before it, names no state of affairs ("сотрудничество",
    "отношения"): people or bodies at work, ongoing, not a description."""
    word = normalize(cue)
    at = find(word, normalize(sentence.text))
    if not word.startswith(ACTIVITY_CUES) or not at:
        return False
    from kzru.curate.annotate import _parse

    token = next((t for t in sentence.tokens if t.start == sentence.start + at[0]), None)
    if token is None or token.pos != "VERB" or token.tense != "pres" or not any(
            str(p.tag.person or "") == "3per" for p in _parse(token.text)[:1]):
        return False  # a third-person present ("работает"), not "мы работаем" of a quote
    return not any(normalize(t.lemma) in STATE_SUBJECTS for t in sentence.tokens
                   if t.stop <= token.start)


def coordinated(sentence: Sentence) -> list[tuple[int, int]]:
    """The parts of a sentence that joins a second predicate to its first ("…, причём …",
    "…, а также обсудили …", "…; при этом …"), as article offsets, each part with a finite
    verb of its own outside any clause after "что" or a relative word; [] when the sentence
    is one fact. The second part starts at its joining word, so each part is verbatim."""
    text = normalize(sentence.text)
    cuts = [m for m in _JOINED.finditer(text)]
    if not cuts:
        return []
    bounds = [0, *[m.start(1) for m in cuts], len(sentence.text)]
    parts = []
    for left, right in zip(bounds, bounds[1:]):
        stop = left + len(sentence.text[left:right].rstrip(" ,;"))
        parts.append((sentence.start + left, sentence.start + stop))
    if not all(_own_verb(sentence, a, b) for a, b in parts):
        return []
    return parts


def _own_verb(sentence: Sentence, start: int, stop: int) -> bool:
    """A finite verb in [start, stop) that stands in the part's own clause: not after a
    "что" or a relative word inside it ("…, а также отметил, что стороны подписали …" has
    "отметил")."""
    for token in sentence.tokens:
        if not (start <= token.start < stop) or token.pos not in _FINITE or not token.tense \
                and token.pos == "VERB":
            continue
        before = normalize(sentence.text[start - sentence.start:token.start - sentence.start])
        if not any(w in THAT_WORDS or w.startswith(RELATIVE_WORDS)
                   for w in re.findall(r"\w+", before)):
            return True
    return False


SUBJECT_MOST = 80  # characters of a first part's subject quoted before a second part


def subject_of(sentence: Sentence, part: tuple[int, int]) -> tuple[int, int] | None:
    """The words of the first part before its first finite verb (its subject: "Министр
    энергетики" of "Министр энергетики предложил …"), quoted before a second part that has
    none of its own; None when the verb comes first or the subject is long."""
    verb = next((t for t in sentence.tokens if part[0] <= t.start < part[1] and
                 t.pos in _FINITE), None)
    if verb is None:
        return None
    start, stop = part[0], verb.start
    while stop > start and sentence.text[stop - 1 - sentence.start] in " ,":
        stop -= 1
    return (start, stop) if 0 < stop - start <= SUBJECT_MOST else None
