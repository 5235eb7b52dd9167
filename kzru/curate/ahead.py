"""Times and events a sentence names as to come, apart from its own: the visit an invitation
names ("пригласил … с визитом в 2026 году"), the event a preparation is for ("готовится к
визиту в октябре"), an event named as upcoming with its own day ("о предстоящей 14 мая
встрече в Сочи"). Their time is that event's; the sentence keeps it only when it is the
event's own preparation, not a talk or an invitation about it.

Read by kzru.curate.draft, which dates the draft and gives the event its own date
(``Draft.event_date``) and kind for kzru.curate.events to propose.
"""

from __future__ import annotations

import re

from kzru.cues import (
    REPORTED_CUES,
)
from kzru.curate.annotate import Sentence
from kzru.curate.dates import Dated, Published, find_dates
from kzru.curate.event_words import event_word
from kzru.curate.words import holds_word, normalize
from kzru.event_cues import (
    EVENT_FRAMING,
    INVITATION_WORDS,
    INVITED_WORDS,
    PREPARATION_WORDS,
    PREPARED_WORDS,
    UPCOMING_REACH,
    UPCOMING_WORDS,
)


def invited_dates(sentence: Sentence, published: Published) -> tuple[list[Dated], bool]:
    """The dates of the visit an invitation names, after its visit word ("пригласил Путина
    с официальным визитом в республику в 2026 году"; "приглашение посетить Астану в мае"),
    or of the event a preparation is for ("готовится к визиту в октябре"): a time to come,
    so read in the future tense. And whether the sentence reports the invitation or a talk
    about the preparation ("обсудили подготовку к визиту в октябре"), which belongs where
    it was made; a preparation itself belongs to the event it prepares."""
    text = normalize(sentence.text)
    for lead, nouns in ((INVITATION_WORDS, INVITED_WORDS), (PREPARATION_WORDS, PREPARED_WORDS),
                        (UPCOMING_WORDS, PREPARED_WORDS)):
        opening = re.search(r"(?<!\w)(?:" + "|".join(lead) + ")", text)
        if opening is None:
            continue
        named = re.compile(r"(?<!\w)(?:" + "|".join(nouns) + ")").search(text, opening.end())
        if named is None:
            continue
        before = text[:opening.start()]
        talked = lead is INVITATION_WORDS or any(
            re.search(rf"(?<!\w){cue}", before) for cue in REPORTED_CUES) or holds_word(
            before, EVENT_FRAMING)
        if lead is UPCOMING_WORDS:
            # "о предстоящей 14 мая встрече": the time between the word and its noun too
            if len(text[opening.end():named.start()].split()) > UPCOMING_REACH:
                continue
            return [d for d in find_dates(sentence.text, published, "future")
                    if d.start > opening.start()], talked
        return [d for d in find_dates(sentence.text, published, "future")
                if d.start > named.start()], talked
    return [], False


def invited_kind(sentence: Sentence) -> str:
    """The kind of the event an invitation, a preparation or an upcoming word names: the
    event words from that word on ("В ходе телефонного разговора речь шла о предстоящей
    встрече …" names a meeting, not the call that frames it)."""
    text = normalize(sentence.text)
    opening = re.search(r"(?<!\w)(?:" + "|".join(
        (*INVITATION_WORDS, *PREPARATION_WORDS, *UPCOMING_WORDS)) + ")", text)
    if opening is None:
        return ""
    return event_word(Sentence(sentence.index, sentence.start + opening.start(), sentence.stop,
                               sentence.text[opening.start():], tuple(
                                   t for t in sentence.tokens
                                   if t.start >= sentence.start + opening.start()), ()))
