"""Which event a sentence names: the kind of the one event it names, not events in general, the
topic of another noun, or a forum to be created; and the event an ordinal takes up by
ellipsis.

Apart from the status and kind decisions (kzru.curate.decide) because event words are read by
more than the decision of a draft's kind: linking to events (kzru.curate.draft) and events
told ahead (kzru.curate.ahead) ask only which event a sentence names.
"""

from __future__ import annotations

import re

from kzru.curate.annotate import Sentence, Token
from kzru.curate.words import cue_at, find, holds_word, letters, normalize
from kzru.report_cues import CREATION_WORDS, TOPIC_NOUNS


def event_word(sentence: Sentence, many: bool = False) -> str:
    """The kind of the one event the sentence names ('' for none); ``many``: events named in
    the plural count too ("Ежегодные встречи…", what an elided "Первая…" takes up)."""
    from kzru.event_cues import (
        CALL_VERBS,
        EVENT_KINDS,
    )

    text = normalize(sentence.text)
    for phrase, kind in EVENT_KINDS:
        parts = phrase.split()
        if len(parts) == 1 and any(many or one_event(sentence, at)
                                   for at in find(parts[0], text)):
            return kind
        if phrase == "по телефон" and not holds_word(text, CALL_VERBS):
            continue  # "справки по телефону": no call
        if len(parts) == 2 and any(
                many or one_event(sentence, match.end() - len(parts[1]))
                for match in re.finditer(
                    rf"(?<!\w){re.escape(parts[0])}\w*\s+{re.escape(parts[1])}", text)):
            return kind  # ("телефонные разговоры происходят часто" name no one call)
    return ""


def one_event(sentence: Sentence, at: int) -> bool:
    """A word naming one event, not events in general ("форумы", "визитов года"), nor an
    event that is only the topic of another noun ("обсудили повестку форума"), nor one
    to be created ("создадут форум")."""
    token = cue_at(sentence, sentence.start + at)
    if token is None:
        return False
    words = [t for t in letters(sentence) if t.stop <= token.start]
    before = words[-1:]
    if before and normalize(before[0].text).startswith(TOPIC_NOUNS):
        return False
    if created(sentence, token):
        return False  # a forum to be created is an institution named, no event held
    if normalize(token.lemma).startswith("переговор"):
        return True  # plural only
    parses = _number_of(token.text)
    return parses != "plur"


def created_at(sentence: Sentence, at: int) -> bool:
    token = cue_at(sentence, sentence.start + at)
    return token is not None and created(sentence, token)


def created(sentence: Sentence, token: Token) -> bool:
    """The word is what a word of creating names, adjectives between ("создадут
    собственный экономический форум", "создание инвестиционного форума")."""
    words = [t for t in letters(sentence) if t.stop <= token.start]
    while words and words[-1].pos in ("ADJF", "PRTF"):
        words.pop()
    return bool(words) and normalize(words[-1].text).startswith(CREATION_WORDS)


def _number_of(word: str) -> str:
    from kzru.curate.annotate import _parse

    parses = _parse(word)
    return str(parses[0].tag.number or "") if parses else ""


def elided_event(sentence: Sentence, before: Sentence | None) -> str:
    """The event kind a sentence takes up by ellipsis: it opens with an ordinal standing for
    its noun ("Первая состоялась в Омске", "Следующий пройдет в Астане", right after "Встречи
    проходят с 2003 г."), so it names one of the events the sentence before named."""
    words = letters(sentence)
    if before is None or len(words) < 2 or words[1].pos == "NOUN":
        return ""
    from kzru.curate.annotate import _parse

    parses = _parse(words[0].text)
    ordinal = bool(parses) and "Anum" in parses[0].tag or \
        normalize(words[0].lemma) in ("следующий", "последний", "очередной", "предыдущий")
    return event_word(before, many=True) if ordinal else ""
