"""Who says it: the speaker of a sentence, and of the sentences an attribution reaches.

News Russian attributes a statement in a few set ways, each a rule here, none from one
article: a verb of saying beside its subject ("Путин заявил", or inverted after a quote or a
clause: "…, — сказал Назарбаев", "…, сообщила пресс-служба Акорды"); an attribution phrase
("по словам", "по мнению"); a closing sentence that names the source of the one before ("Об
этом сообщил посол…"); a quotation running over several sentences, attributed after it
closes; and a pronoun taking up the last speaker ("Он отметил, что…"). Kept apart from
drafting (kzru.curate.draft), which asks each sentence, and then lets an attribution reach
the sentences it covers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kzru.cues import ATTRIBUTION_PHRASES, GROUP_SPEAKERS, SAYING_VERBS
from kzru.curate.decide import find, normalize

if TYPE_CHECKING:
    from kzru.curate.annotate import Annotated, Entity, Sentence, Token
    from kzru.curate.draft import Draft

# How far after an inverted verb of saying its subject may end ("сообщил российский посол в
# Астане Алексей Бородавкин"), and what may not stand between them (a clause boundary).
INVERTED_REACH = 60
_BOUNDARY = re.compile(r"[,.;:!?«»\"“”„()—–]")
# Words that open a sentence naming the source of the sentence before it.
SOURCE_OPENINGS = ("об этом", "о том", "об этом же")
# Nominative pronouns that take up the last person named as a speaker.
SPEAKER_PRONOUNS = ("он", "она")
# Quotation marks: opening -> closing.
QUOTES = {"«": "»", "\"": "\"", "„": "“", "“": "”"}


def _saying(token: Token) -> bool:
    return token.pos in ("VERB", "PRTS", "GRND") and normalize(token.text).startswith(
        SAYING_VERBS)


def _nominative(word: str) -> bool:
    from kzru.curate.annotate import _parse

    parses = _parse(word)
    return bool(parses) and str(parses[0].tag.case or "") == "nomn"


def _inverted(sentence: Sentence, verb: Token, publisher: str) -> Entity | None:
    """The subject named right after a verb of saying, when the word after the verb is in
    the nominative ("сказал Назарбаев", "сообщила пресс-служба Кремля"; not "сообщил
    Путину"): a person, else an organisation, else a place standing for its institution
    ("Кремля", "Акорды"); nothing across a clause boundary."""
    opening = normalize(sentence.text[:verb.start - sentence.start]).rstrip()
    if opening and opening[-1] not in ",—–-" and not re.fullmatch(
            r"(?:об этом|о том|как|при этом)(?:\s+\S+)?", opening):
        return None  # "Токаев отметил важность…": the subject stands before its verb
    after = [t for t in sentence.tokens if t.start >= verb.stop]
    words = [t for t in after if re.search(r"[^\W\d_]", t.text)]
    if not words or not _nominative(words[0].text) or \
            _BOUNDARY.search(sentence.text[verb.stop - sentence.start:
                                           words[0].start - sentence.start]):
        return None
    reach = []
    for entity in sentence.entities:
        if entity.start < verb.stop or entity.stop - verb.stop > INVERTED_REACH:
            continue
        if _BOUNDARY.search(sentence.text[verb.stop - sentence.start:
                                          entity.start - sentence.start]):
            continue
        if entity.type == "organization" and normalize(entity.normal) == normalize(publisher):
            continue
        reach.append(entity)
    for wanted in ("person", "organization", "place"):
        found = [e for e in reach if e.type == wanted]
        if found:
            return found[0]
    return None


def find_speaker(sentence: Sentence, publisher: str) -> str:
    """Who the sentence attributes a statement to: the subject named right after a verb of
    saying (inverted order), else the person nearest a verb of saying or an attribution
    phrase ("по словам", "по мнению"); a group ("эксперты") when no person is named; never
    the outlet itself."""
    text = normalize(sentence.text)
    anchors = [at for cue in ATTRIBUTION_PHRASES for at in find(cue, text)]
    for token in sentence.tokens:
        if _saying(token):
            subject = _inverted(sentence, token, publisher)
            if subject is not None:
                return subject.normal
            anchors.append(token.start - sentence.start)
    if not anchors:
        return ""
    people = [e for e in sentence.entities if e.type == "person"]
    if people:
        anchor = min(anchors)
        nearest = min(people, key=lambda e: abs(e.start - sentence.start - anchor))
        return nearest.normal
    for at in sorted(anchors):
        window = text[at:at + 40]
        for stem, group in GROUP_SPEAKERS.items():
            if stem in window:
                return group
    organisations = [e for e in sentence.entities if e.type == "organization"
                     and normalize(e.normal) != normalize(publisher)]
    return organisations[0].normal if organisations else ""


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
        for before in reversed(sentences[:sentence.index]):
            # "Об этом сообщил X" names the source of its paragraph's report before it, up to
            # a sentence with an attribution of its own
            if "\n" in text[before.stop:sentence.start] or find_speaker(before, publisher):
                break
            given.setdefault(before.index, source)
    full = _full_names(annotated)
    out: list[Draft] = []
    for draft in drafts:
        speaker = draft.speaker or canonical_name(given.get(draft.sentence, ""))
        speaker = full.get(speaker, speaker)
        sentence = sentences[draft.sentence]
        if not speaker and out and _opens_with(sentence, SPEAKER_PRONOUNS) and \
                _says(sentence) and not any(e.type == "person" for e in sentence.entities):
            speaker = out[-1].speaker if out[-1].sentence >= draft.sentence - 2 else ""
        out.append(draft._replace(speaker=speaker) if speaker != draft.speaker else draft)
    return out


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
