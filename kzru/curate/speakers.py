"""Who says it: the speaker of one sentence (kzru.curate.attributions lets an attribution
reach the sentences it covers).

News Russian attributes a statement in a few set ways, each a rule here, none from one
article: a verb of saying beside its subject ("Путин заявил", or inverted after a quote or a
clause: "…, — сказал Назарбаев", "…, сообщила пресс-служба Акорды"); an attribution phrase
("по словам", "по мнению"); a closing sentence that names the source of the one before ("Об
этом сообщил посол…"); a quotation running over several sentences, attributed after it
closes; and a pronoun taking up the last speaker or person named ("Он отметил, что…"). The
channels a report comes through (agencies, press offices) are kzru.curate.channels. Kept apart from
drafting (kzru.curate.draft), which asks each sentence, and then lets an attribution reach
the sentences it covers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kzru.cues import ATTRIBUTION_PHRASES, GROUP_SPEAKERS, SAYING_VERBS
from kzru.curate.channels import (
    BOUNDARY,
    attributed_office,
    by_channel,
    channel,
    impersonal,
    inverted_order,
    office_subject,
    press_service,
    published_in,
    seat,
    seat_after,
)
from kzru.curate.titles import (
    Title,
    office_attributed,
    titles,
)
from kzru.curate.words import find, normalize
from kzru.report_cues import ASIDES

if TYPE_CHECKING:
    from kzru.curate.annotate import Entity, Sentence, Token

# How far after an inverted verb of saying its subject may end ("сообщил российский посол в
# Астане Алексей Бородавкин"), and what may not stand between them (a clause boundary).
INVERTED_REACH = 60
# Nominative pronouns that take up the last person named as a speaker.
SPEAKER_PRONOUNS = ("он", "она")


def _saying(token: Token) -> bool:
    return token.pos in ("VERB", "PRTS", "GRND") and normalize(token.text).startswith(
        SAYING_VERBS)


def _nominative(word: str) -> bool:
    from kzru.curate.annotate import _parse

    parses = _parse(word)
    return bool(parses) and str(parses[0].tag.case or "") == "nomn"


def _subject_after(sentence: Sentence, verb: Token) -> Token | None:
    """The first word after an inverted verb of saying, when it is in the nominative and no
    clause boundary stands between them (so it begins the verb's subject)."""
    if not inverted_order(sentence, verb):
        return None  # "Токаев отметил важность…": the subject stands before its verb
    words = [t for t in sentence.tokens if t.start >= verb.stop
             and re.search(r"[^\W\d_]", t.text)]
    if not words or not _nominative(words[0].text) or \
            BOUNDARY.search(sentence.text[verb.stop - sentence.start:
                                           words[0].start - sentence.start]):
        return None
    return words[0]


def _inverted(sentence: Sentence, verb: Token, publisher: str) -> Entity | None:
    """The subject named right after a verb of saying, when the word after the verb is in
    the nominative ("сказал Назарбаев", "сообщила пресс-служба Кремля"; not "сообщил
    Путину"): a person, else an organisation, else a place standing for its institution
    ("Кремля", "Акорды"); nothing across a clause boundary."""
    if _subject_after(sentence, verb) is None:
        return None
    reach = []
    for entity in sentence.entities:
        if entity.start < verb.stop or entity.stop - verb.stop > INVERTED_REACH:
            continue
        if BOUNDARY.search(sentence.text[verb.stop - sentence.start:
                                          entity.start - sentence.start]):
            continue
        if entity.type == "organization" and normalize(entity.normal) == normalize(publisher):
            continue
        if channel(sentence, entity):
            return None  # "сообщает ТАСС", "сообщила пресс-служба Кремля": a channel
        reach.append(entity)
    for wanted in ("person", "organization", "place"):
        found = [e for e in reach if e.type == wanted]
        if found:
            return found[0]
    return None


# Words that may stand between a subject and its verb of saying ("Глава государства также
# отметил", "Казахстанский лидер, в частности, заявил"): adverbs, particles, conjunctions.
_BETWEEN_POS = frozenset({"ADVB", "PRCL", "CONJ", ""})
_BETWEEN_MOST = 4


def _apposed(sentence: Sentence, title: Title) -> bool:
    """A person named right after the title ("Президент России Владимир Путин"): the person
    is the subject, the title only describes them."""
    return any(e.type == "person" and e.start >= title.stop and not sentence.text[
        title.stop - sentence.start:e.start - sentence.start].strip()
        for e in sentence.entities)


def _title_subject(sentence: Sentence, verb: Token, named: list[Title]) -> Title | None:
    """A title standing as the subject of a verb of saying, no person named beside it:
    right after the verb in inverted order ("…, — заявил министр иностранных дел России"),
    or right before it, in the nominative, with at most a few adverbs or particles between
    ("Глава государства также отметил", "Казахстанский лидер, в частности, заявил")."""
    first = _subject_after(sentence, verb)
    if first is not None:
        title = next((t for t in named if t.start == first.start), None)
        if title is None or _apposed(sentence, title):
            return None
        following = next((t for t in sentence.tokens if t.start >= title.stop
                          and re.search(r"[^\W\d_]", t.text)), None)
        if following is not None and following.pos == "NOUN" and \
                not sentence.text[title.stop - sentence.start:
                                  following.start - sentence.start].strip():
            return None  # "заявил президент компании": another kind of president
        return title
    before = [t for t in named if t.stop <= verb.start]
    if not before or _apposed(sentence, before[-1]):
        return None
    title = before[-1]
    between = [t for t in sentence.tokens if title.stop <= t.start and t.stop <= verb.start]
    aside = sentence.text[title.stop - sentence.start:verb.start - sentence.start]
    if re.fullmatch(r"\s*,[^,«»\"—–]*,\s*", aside) and not any(
            e.type == "person" and title.stop <= e.start < verb.start
            for e in sentence.entities):
        between = []  # a parenthesis between commas ("…, в свою очередь, подчеркнул")
    elif normalize(aside).strip(" ,") in ASIDES:
        between = []  # an aside without commas ("Российский лидер в свою очередь отметил")
    head = next((t for t in sentence.tokens if title.start <= t.start < title.stop
                 and t.pos == "NOUN"), None)
    if len(between) > _BETWEEN_MOST or any(t.pos not in _BETWEEN_POS or t.text in "«»\"—–"
                                            for t in between) or \
            head is None or not _nominative(head.text):
        return None
    return title


def _title_attributed(sentence: Sentence, named: list[Title]) -> Title | None:
    """A title right after an attribution phrase ("по словам главы государства", "как
    отметил премьер-министр"), no person named beside it."""
    text = normalize(sentence.text)
    for cue in ATTRIBUTION_PHRASES:
        for at in find(cue, text):
            end = sentence.start + at + len(normalize(cue))
            title = next((t for t in named if t.start >= end and not sentence.text[
                end - sentence.start:t.start - sentence.start].strip()), None)
            if title is not None and not _apposed(sentence, title):
                return title
    return None


def find_speaker(sentence: Sentence, publisher: str) -> str:
    """Who the sentence attributes a statement to: a title standing as the subject of a
    verb of saying or after an attribution phrase ("глава государства отметил", "по словам
    министра иностранных дел": the title in the nominative, kzru.curate.titles resolves it);
    the subject named right after a verb of saying (inverted order), else the person
    nearest a verb of saying or an attribution phrase ("по словам", "по мнению"); a group
    ("эксперты") when no person is named; never the outlet itself."""
    text = normalize(sentence.text)
    named = titles(sentence.text, sentence.start)
    if named:
        title = _title_attributed(sentence, named)
        if title is not None:
            return title.name
    held = next((found for cue in ATTRIBUTION_PHRASES for at in find(cue, text)
                 for found in [office_attributed(sentence, at + len(normalize(cue)))]
                 if found), "")
    if held:
        return held  # "По словам министра энергетики Казахстана, …": the minister
    office, by_office = attributed_office(sentence)
    verbs: list[int] = []  # where the sentence's verbs of saying stand
    anchors = [at for cue in ATTRIBUTION_PHRASES for at in find(cue, text)
               if at not in by_office]
    for token in sentence.tokens:
        if _saying(token):
            if by_channel(sentence, token):
                # "сообщила пресс-служба Кремля": the institution, unless a person's own
                # verb of saying follows ("Как сообщает пресс-служба, Токаев заявил…")
                office = office or press_service(sentence, token)
                continue  # "…, сообщает ТАСС": an agency's verb attributes nothing
            subject_office = office_subject(sentence, token)
            if subject_office:
                return subject_office  # "Пресс-служба Акорды сообщила, что …"
            if impersonal(token):
                # "говорится в официальном сообщении": no person speaks; a seat's own
                # statement ("говорится в сообщении на сайте Кремля") is the seat's
                seat_named = seat_after(sentence, token)
                if seat_named:
                    return seat_named
                continue
            institution = seat(sentence, token)
            if institution:
                return institution  # "в Кремле отметили", "как заявили в Акорде"
            title = _title_subject(sentence, token, named) if named else None
            if title is not None:
                return title.name
            subject = _inverted(sentence, token, publisher)
            if subject is not None:
                return subject.normal
            anchors.append(token.start - sentence.start)
            verbs.append(token.start)
    if not anchors:
        return office
    if any(_pronoun_after(sentence, at) for at in verbs) or opens_with(
            sentence, SPEAKER_PRONOUNS):
        return ""  # "«…», — сказал он.", "Он отметил, что …": the person named before
        # (carry_speakers), never a name inside the quotation or the clause
    phrases = [at for cue in ATTRIBUTION_PHRASES for at in find(cue, text)]
    people = [e for e in sentence.entities if e.type == "person" and not channel(
        sentence, e) and (phrases or normalize(e.text) == normalize(e.normal))]
    # (a person in an oblique case, "переговоры с Токаевым", is spoken of, not speaking;
    # after "по словам" the genitive is the speaker's)
    if people:
        anchor = min(anchors)
        # (measured from the name's end when it stands before: "Сергей Лавров заявил, что
        # Ермек Кошербаев …" is Lavrov's)
        nearest = min(people, key=lambda e: anchor - (e.stop - sentence.start)
                      if e.stop - sentence.start <= anchor else e.start - sentence.start - anchor)
        return SPEAKERS_JOINER.join(e.normal for e in _joined(sentence, people, nearest))
    if office:
        return office
    for at in sorted(anchors):
        window = text[max(0, at - 30):at + 40]  # "эксперты считают", "считают эксперты"
        for stem, group in GROUP_SPEAKERS.items():
            if stem in window:
                return group
    # a body named after the verb of saying is in what is said ("Правительство сообщило о
    # планах Росатома"), unless an attribution phrase names it ("по данным Минэнерго")
    organisations = [e for e in sentence.entities if e.type == "organization"
                     and normalize(e.normal) != normalize(publisher)
                     and not channel(sentence, e) and not published_in(sentence, e)
                     and (not verbs or e.start < min(verbs) or phrases)]
    return organisations[0].normal if organisations else ""


SPEAKERS_JOINER = "; "  # how the table writes two speakers of one statement


def _joined(sentence: Sentence, people: list[Entity], person: Entity) -> list[Entity]:
    """The person with the one joined to them by "и", in the same case ("Путин и Токаев
    заявили", "по словам Лаврова и Нуртлеу"): a joint subject speaks together, in the
    text's order. Not across a comma ("По словам Оверчука, Токаев и Путин договорились":
    Overchuk speaks of the two)."""
    ordered = sorted(people, key=lambda e: e.start)
    first = last = ordered.index(person)

    def joins(left: Entity, right: Entity) -> bool:
        between = sentence.text[left.stop - sentence.start:right.start - sentence.start]
        return re.fullmatch(r"\s+и\s+", between) is not None and _as_named(
            left) == _as_named(right)

    while first and joins(ordered[first - 1], ordered[first]):
        first -= 1
    while last + 1 < len(ordered) and joins(ordered[last], ordered[last + 1]):
        last += 1
    return ordered[first:last + 1]


def _as_named(entity: Entity) -> bool:
    """The name stands in its dictionary form (the nominative), as a subject's does."""
    return normalize(entity.text) == normalize(entity.normal)


def opens_with(sentence: Sentence, openings: tuple[str, ...]) -> bool:
    """Whether the sentence opens with one of the phrases (normalised, whole words)."""
    text = normalize(sentence.text)
    return any(re.match(rf"{re.escape(o)}(?!\w)", text) for o in openings)


def _pronoun_after(sentence: Sentence, at: int) -> bool:
    """A pronoun right after the verb of saying at article offset ``at`` ("— сказал он",
    "— отметила она"): the subject is the person named before."""
    return bool(_word_after(sentence, at))


def _word_after(sentence: Sentence, at: int) -> str:
    """The pronoun right after the verb of saying at article offset ``at``, or ''."""
    after = [t for t in sentence.tokens if t.start > at and re.search(r"\w", t.text)][:1]
    word = normalize(after[0].text) if after else ""
    return word if word in SPEAKER_PRONOUNS else ""


def pronoun_speaks(sentence: Sentence) -> bool:
    """A pronoun is the subject of the sentence's verb of saying: it opens the sentence
    ("Он сообщил, что …") or follows the verb ("«…», — сказал он.")."""
    return bool(speaking_pronoun(sentence))


def speaking_pronoun(sentence: Sentence) -> str:
    """The pronoun that is the subject of the sentence's verb of saying ("он", "она"), or ''
    (its gender says whom it can take up: "— сказала она" no man)."""
    if not says(sentence):
        return ""
    for pronoun in SPEAKER_PRONOUNS:
        if opens_with(sentence, (pronoun,)):
            return pronoun
    return next((word for word in (_word_after(sentence, t.start) for t in sentence.tokens
                                   if _saying(t)) if word), "")


def says(sentence: Sentence) -> bool:
    """Whether a verb of saying stands in the sentence."""
    return any(_saying(t) for t in sentence.tokens)
