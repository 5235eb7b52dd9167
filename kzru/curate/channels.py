"""The channels a report comes through, which are never its speaker: a news agency or outlet
("сообщает ТАСС"), a press office, which speaks as the institution it serves ("пресс-служба
Акорды сообщила" → Akorda; "пресс-служба страны" → the office of the country named last), a
document ("говорится в сообщении") and the newspaper something was published in ("в газете
«…»"). Kept apart from kzru.curate.speakers, which finds the person who speaks and asks here
whether a name is only the channel.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kzru.cues import ATTRIBUTION_PHRASES
from kzru.curate.titles import side_of_word
from kzru.curate.words import find, normalize
from kzru.report_cues import (
    NEWS_OUTLETS,
    PRESS_OFFICE,
    PRESS_OFFICES,
    PRESS_REACH,
    PRESS_SERVICES,
    PRESS_WORDS,
    PUBLISHED_IN,
    SEAT_SPEAKERS,
)

if TYPE_CHECKING:
    from kzru.curate.annotate import Entity, Sentence, Token

BOUNDARY = re.compile(r"[,.;:!?«»\"“”„()—–]")  # what a subject and its verb never stand across


def channel(sentence: Sentence, entity: Entity) -> bool:
    """Whether a named entity is the channel of the report, not its speaker: a news agency
    or outlet ("сообщает ТАСС"), or the body a press office speaks for ("сообщила
    пресс-служба Кремля", "как уточнили в пресс-службе министра")."""
    if normalize(entity.normal).startswith(NEWS_OUTLETS) or \
            normalize(entity.text).startswith(NEWS_OUTLETS):
        return True
    before = normalize(sentence.text[max(0, entity.start - sentence.start - PRESS_REACH):
                                     entity.start - sentence.start])
    at = max(before.rfind(office) for office in PRESS_OFFICES)
    # only the name the office governs ("пресс-служба Кремля"), not a person after a comma
    # ("По данным пресс-службы Кремля, Путин отметил…")
    return at >= 0 and not BOUNDARY.search(before[at:])


def by_channel(sentence: Sentence, verb: Token) -> bool:
    """Whether an inverted verb of saying has a channel for its subject ("сообщает ТАСС",
    "сообщила пресс-служба Кремля", "уточнили в пресс-службе")."""
    if not inverted_order(sentence, verb):
        return False
    after = normalize(sentence.text[verb.stop - sentence.start:][:PRESS_REACH + 20])
    if any(re.match(rf"\s*(?:в\s+)?{office}", after) for office in PRESS_OFFICES):
        return True
    first = next((e for e in sentence.entities if e.start >= verb.stop), None)
    return first is not None and channel(sentence, first) and not BOUNDARY.search(
        sentence.text[verb.stop - sentence.start:first.start - sentence.start])


def press_service(sentence: Sentence, verb: Token) -> str:
    """The press office named right after an inverted verb of saying, as the table writes
    it ("сообщила пресс-служба Кремля" → "Kremlin press service", "в пресс-службе
    Токаева" → "Akorda"), else the office's Russian name as written ("пресс-служба
    правительства области": no English name can be made of its words, and a romanised one
    reads as neither language); '' when no press office."""
    return _office(sentence.text[verb.stop - sentence.start:])


_OFFICE = re.compile(r"\s*(?:в\s+)?(\S+)\s*([^,.;:!?«»\"—–()]*)")


def _office(text: str) -> str:
    """The press office ``text`` opens with, as the table writes it, or ''."""
    said = _OFFICE.match(text)
    if said is None or not normalize(said.group(1)).startswith(PRESS_OFFICES):
        return ""
    words = said.group(2).split()[:PRESS_WORDS]
    name = normalize(" ".join(words))
    known = next((english for stem, english in PRESS_SERVICES.items()
                  if name.startswith(stem)), "")
    return known or (f"{PRESS_OFFICE} {' '.join(words)}" if words else "press service")


def office_subject(sentence: Sentence, verb: Token) -> str:
    """A press office standing as the subject before a verb of saying ("Пресс-служба Акорды
    сообщила", "В пресс-службе министерства уточнили"): its institution speaks."""
    opening = sentence.text[:verb.start - sentence.start]
    if BOUNDARY.search(opening.rstrip(" ,")) and not re.match(r"\s*(?:в\s+)?пресс", normalize(
            opening)):
        return ""
    return _office(opening) if re.match(r"\s*(?:в\s+)?\S+\s", opening) else ""


def attributed_office(sentence: Sentence) -> tuple[str, set[int]]:
    """A press office right after an attribution phrase ("По данным пресс-службы Кремля, …"),
    and where those phrases stand: the office speaks unless a person's own verb of saying
    follows ("…, Путин отметил, что …")."""
    text = normalize(sentence.text)
    for cue in ATTRIBUTION_PHRASES:
        for at in find(cue, text):
            office = _office(sentence.text[at + len(cue):])
            if office:
                return office, {at}
    # what came from an office ("Сообщение поступило от пресс-службы Кремля", "по информации
    # пресс-службы Акорды", "из пресс-службы министерства сообщили")
    for match in re.finditer(r"(?<!\w)(?:от|из|по информации|по сообщению)\s+(?=пресс)", text):
        office = _office(sentence.text[match.end():])
        if office:
            return office, {match.start()}
    return "", set()


# Verbs of saying in the impersonal reflexive ("говорится в сообщении", "отмечается в
# заявлении"): the document speaks, not a person the sentence names.
def impersonal(token: Token) -> bool:
    return normalize(token.text).endswith(("ся", "сь"))


def published_in(sentence: Sentence, entity: Entity) -> bool:
    """An outlet named where something was published ("в газете «…»", "на сайте …")."""
    before = normalize(sentence.text[max(0, entity.start - sentence.start - 16):
                                     entity.start - sentence.start])
    return any(re.search(rf"(?<!\w){word}\w*\s*[«\"]?\s*$", before) for word in PUBLISHED_IN)


def inverted_order(sentence: Sentence, verb: Token) -> bool:
    """Whether a verb of saying stands before its subject: after a quote or a clause ("…, —
    сказал Назарбаев") or after "Об этом", "Как" ("Об этом сообщил посол…")."""
    opening = normalize(sentence.text[:verb.start - sentence.start]).rstrip()
    return not opening or opening[-1] in ",—–-" or bool(re.fullmatch(
        r"(?:об этом|о том|как|при этом)(?:\s+\S+){0,3}", opening))  # ("Об этом 13 октября …")


def last_side(text: str) -> str:
    """The side of the last country ``text`` names ("Казахстана", "РФ"), or ''."""
    for word in reversed(re.findall(r"[^\W\d_]+", text)):
        side = side_of_word(word)
        if side and (word[:1].isupper() or word.isupper()) and not normalize(word).startswith(
                ("казахстанск", "российск")):
            return side
    return ""


def seat(sentence: Sentence, verb: Token) -> str:
    """The institution named by "в …" right after or right before an impersonal plural verb
    of saying ("отметили в Кремле", "в Акорде заявили", "как сообщили в МИД России"): it
    speaks, as the table names it ("Kremlin", "Akorda"), else by its own name; ''."""
    if not normalize(verb.text).endswith(("ли", "ли,")):
        return ""  # a plural past with no subject: "отметили", "заявили", "сообщили"
    after = re.match(r"\s+(?:в|во)\s+", sentence.text[verb.stop - sentence.start:])
    before = re.search(r"(?:^|[,«\"—–]\s*|как\s+)(?:в|во)\s+(\S+(?:\s+\S+){0,2})\s+$",
                       sentence.text[:verb.start - sentence.start], re.IGNORECASE)
    spans = []
    if after:
        spans.append(verb.stop + after.end())
    if before:
        spans.append(sentence.start + before.start(1))
    for at in spans:
        entity = next((e for e in sentence.entities if e.start == at and e.type in (
            "organization", "place")), None)
        if entity is not None:
            said = normalize(entity.normal)
            return next((name for stem, name in SEAT_SPEAKERS.items() if said.startswith(stem)),
                        entity.normal)
    return ""


def seat_after(sentence: Sentence, verb: Token) -> str:
    """The seat of power whose statement an impersonal verb of saying quotes ("говорится в
    сообщении на сайте Кремля", "отмечается в заявлении Акорды"), as the table names it."""
    after = normalize(sentence.text[verb.stop - sentence.start:])[:SEAT_AFTER]
    return next((name for stem, name in SEAT_SPEAKERS.items()
                 if re.search(rf"(?<!\w){stem}", after)), "")


SEAT_AFTER = 50  # characters after an impersonal verb of saying in which its seat is named
