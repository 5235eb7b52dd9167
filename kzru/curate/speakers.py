"""Who says it: the speaker of a sentence, and of the sentences an attribution reaches.

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
    last_side,
    office_subject,
    press_service,
    published_in,
    seat,
    seat_after,
)
from kzru.curate.titles import (
    Title,
    holders,
    is_title,
    office_attributed,
    office_holder,
    resolve,
    titles,
)
from kzru.curate.words import find, normalize
from kzru.report_cues import (
    ASIDES,
    PRESS_OF_SIDE,
    PRESS_OFFICE,
    PRESS_REFERENCES,
)

if TYPE_CHECKING:
    from kzru.curate.annotate import Annotated, Entity, Sentence, Token
    from kzru.curate.draft import Draft

# How far after an inverted verb of saying its subject may end ("сообщил российский посол в
# Астане Алексей Бородавкин"), and what may not stand between them (a clause boundary).
INVERTED_REACH = 60
# Words that open a sentence naming the source of the sentence before it.
SOURCE_OPENINGS = ("об этом", "о том", "об этом же")
# Nominative pronouns that take up the last person named as a speaker.
SPEAKER_PRONOUNS = ("он", "она")
# A plural subject standing for the two leaders ("Президенты отметили", "Оба лидера
# подчеркнули"): with a verb of saying, both heads of state speak.
BOTH_LEADERS = ("президенты", "лидеры", "оба лидера", "оба президента", "главы государств",
                "оба", "лидеры двух стран", "главы двух государств")
# Attribution phrases by a pronoun ("По его словам, …"): the last speaker's words.
PRONOUN_ATTRIBUTIONS = tuple(f"{phrase} {pronoun}" for phrase in ("по", "как") for pronoun in (
    "его словам", "ее словам", "их словам", "его мнению", "ее мнению", "их мнению",
    "его оценке", "ее оценке", "их оценке", "его данным", "ее данным", "их данным")) + (
    "как он", "как она")
# Quotation marks: opening -> closing.
QUOTES = {"«": "»", "\"": "\"", "„": "“", "“": "”"}


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
    if _opens_with(sentence, SPEAKER_PRONOUNS):
        return ""  # "Он сообщил, что …": the person named before (carry_speakers)
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
    """The person with those joined to them by "и" or a comma ("Путин и Токаев заявили",
    "по словам Лаврова и Нуртлеу"): a joint subject speaks together, in the text's order."""
    ordered = sorted(people, key=lambda e: e.start)
    first = last = ordered.index(person)

    def joins(left: Entity, right: Entity) -> bool:
        between = sentence.text[left.stop - sentence.start:right.start - sentence.start]
        return re.fullmatch(r"\s+и\s+|\s*,\s*", between) is not None

    while first and joins(ordered[first - 1], ordered[first]):
        first -= 1
    while last + 1 < len(ordered) and joins(ordered[last], ordered[last + 1]):
        last += 1
    return ordered[first:last + 1]


def _opens_with(sentence: Sentence, openings: tuple[str, ...]) -> bool:
    text = normalize(sentence.text)
    return any(re.match(rf"{re.escape(o)}(?!\w)", text) for o in openings)


def _says(sentence: Sentence) -> bool:
    return any(_saying(t) for t in sentence.tokens)


def _quoted_runs(annotated: Annotated) -> list[tuple[int, int]]:
    """(first, last) sentence numbers of each quotation that opens a sentence and closes in a
    later sentence of the same paragraph, followed by a dash: «…. … », — сказал X."""
    text = annotated.article.text
    sentences = annotated.sentences
    runs = []
    for sentence in sentences:
        opening = sentence.text[:1]
        if opening not in QUOTES:
            continue
        closing = QUOTES[opening]
        line_end = text.find("\n", sentence.start)
        line_end = len(text) if line_end < 0 else line_end
        at = text.find(closing, sentence.start + 1, line_end)
        if at < 0 or at < sentence.stop or not re.match(r"[,.!?…]?\s*[—–-]\s", text[at + 1:]):
            continue  # closes in this sentence (its own speaker decides), or not attributed
        last = next((s.index for s in sentences if s.start <= at < s.stop), None)
        if last is not None and last > sentence.index:
            runs.append((sentence.index, last))
    return runs


def carry_speakers(drafts: list[Draft], annotated: Annotated, publisher: str,
                   canonical_name) -> list[Draft]:  # noqa: ANN001
    """Let attributions reach the sentences they cover: a quotation's sentences take the
    speaker named after it closes; a sentence followed in its paragraph by "Об этом
    сообщил X" takes X; a sentence opening "Он"/"Она" with a verb of saying takes the
    speaker of the draft before it. A draft's own speaker is never replaced."""
    sentences = annotated.sentences
    text = annotated.article.text
    given: dict[int, str] = {}
    for first, last in _quoted_runs(annotated):
        speaker = find_speaker(sentences[last], publisher)
        for number in range(first, last + 1):
            given.setdefault(number, speaker)
    for sentence in sentences[1:]:
        if not (_opens_with(sentence, SOURCE_OPENINGS) and _says(sentence)):
            continue
        source = find_speaker(sentence, publisher)
        # alone on its line, it names the source of the paragraph before it
        alone = int(text[:sentence.start].rstrip(" \t").endswith("\n") and
                    text[sentence.stop:].lstrip(" \t")[:1] in ("\n", ""))
        for before in reversed(sentences[:sentence.index]):
            # "Об этом сообщил X" names the source of its paragraph's report before it, up to
            # a sentence with an attribution of its own
            if len(re.findall(r"\n\s*", text[before.stop:sentence.start])) > alone or \
                    find_speaker(before, publisher):
                break
            given.setdefault(before.index, source)
    full = _full_names(annotated)
    known = holders(annotated)
    out: list[Draft] = []
    def resolved(speaker: str) -> str:
        if is_title(speaker):
            # "глава государства": the person this article names with the title, if one
            speaker = resolve(speaker, known)
        speaker = office_holder(annotated, speaker) or speaker  # likewise an office
        if not is_title(speaker):
            speaker = canonical_name(speaker)
        surname = _initialled(speaker)
        fuller = full.get(surname, "")
        return full.get(speaker) or (fuller if fuller[:1] == speaker.strip()[:1] and
                                     surname else speaker)

    for draft in drafts:
        speaker = draft.speaker or given.get(draft.sentence, "")
        # (each of a joint subject's speakers on its own: "Путин; Токаев")
        speaker = SPEAKERS_JOINER.join(map(resolved, speaker.split(SPEAKERS_JOINER)))
        sentence = sentences[draft.sentence]
        if not speaker and _opens_with(sentence, BOTH_LEADERS) and _says(sentence):
            # "Президенты отметили…": both heads of state the article names, one a side
            kz, ru = known.get(("head-of-state", "kz"), []), known.get(("head-of-state", "ru"),
                                                                       [])
            if len(kz) == len(ru) == 1:
                speaker = "; ".join(canonical_name(name) for name in (kz[0], ru[0]))
        if not speaker and (_opens_with(sentence, SPEAKER_PRONOUNS) and _says(
                sentence) or _opens_with(sentence, PRONOUN_ATTRIBUTIONS)) and \
                not any(e.type == "person" for e in sentence.entities):
            # the last speaker, or else the last person named, in the sentences just before
            speaker = out[-1].speaker if out and out[-1].sentence >= draft.sentence - 2 \
                else ""
            speaker = speaker or canonical_name(_last_person(sentences, draft.sentence))
            speaker = full.get(speaker, speaker)
        if speaker.startswith(f"{PRESS_OFFICE} ") and \
                speaker[len(PRESS_OFFICE) + 1:] in PRESS_REFERENCES:
            # "пресс-служба страны": the office of the country the text named last
            side = last_side(text[:sentence.start + sentence.text.find("пресс")])
            speaker = PRESS_OF_SIDE.get(side, "press service")
        out.append(draft._replace(speaker=speaker) if speaker != draft.speaker else draft)
    return out


_INITIALS = re.compile(r"((?:[А-ЯЁA-Z]\.\s*){1,2})([А-ЯЁA-Z][\w-]+)$")


def _initialled(name: str) -> str:
    """A name written with initials ("В.Рябов", "В. В. Путин") as its surname alone, so the
    fuller name the article gave the same person ("Виталий Рябов") is taken for it."""
    found = _INITIALS.fullmatch(name.strip())
    return found[2] if found else ""


def _last_person(sentences: tuple[Sentence, ...], number: int) -> str:
    """The last person named in the two sentences before sentence ``number``, or ''."""
    for sentence in reversed(sentences[max(0, number - 2):number]):
        people = [e for e in sentence.entities if e.type == "person"]
        if people:
            return people[-1].normal
    return ""


def _full_names(annotated: Annotated) -> dict[str, str]:
    """A surname alone -> the fuller name the article gave that person ("Бородавкин" after
    "Алексей Бородавкин"), when only one fuller name has that surname."""
    fuller: dict[str, set[str]] = {}
    for sentence in annotated.sentences:
        for entity in sentence.entities:
            words = entity.normal.split()
            if entity.type == "person" and len(words) > 1:
                fuller.setdefault(words[-1], set()).add(entity.normal)
    return {surname: next(iter(names)) for surname, names in fuller.items()
            if len(names) == 1}

