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
