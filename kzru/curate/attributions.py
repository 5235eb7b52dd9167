"""How an attribution reaches the sentences it covers: a quotation's sentences take the
speaker named after it closes, "Об этом сообщил X" names the source of the report before it,
a pronoun or "Президенты отметили" takes up the speakers named before; then each speaker is
resolved to the person the article or the glossary names.

Kept apart from kzru.curate.speakers, which finds one sentence's speaker: this walks the
article's drafts after each was drafted (kzru.curate.draft), and reads only what that found.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kzru.curate.channels import last_side
from kzru.curate.genders import agrees, pronoun_gender
from kzru.curate.speakers import (
    SPEAKERS_JOINER,
    find_speaker,
    opens_with,
    pronoun_speaks,
    says,
    speaking_pronoun,
)
from kzru.curate.titles import holders, is_title, office_holder, resolve
from kzru.curate.words import normalize
from kzru.report_cues import (
    MESSAGE_WORDS,
    PRESS_OF_SIDE,
    PRESS_OFFICE,
    PRESS_REFERENCES,
    PRESS_SERVICES,
    SEAT_SPEAKERS,
)

if TYPE_CHECKING:
    from kzru.curate.annotate import Annotated, Sentence
    from kzru.curate.draft import Draft

# Words that open a sentence naming the source of the sentence before it.
SOURCE_OPENINGS = ("об этом", "о том", "об этом же")
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
        if not (opens_with(sentence, SOURCE_OPENINGS) and says(sentence)):
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
        if not speaker and opens_with(sentence, BOTH_LEADERS) and says(sentence):
            # "Президенты отметили…": both heads of state the article names, one a side
            kz, ru = known.get(("head-of-state", "kz"), []), known.get(("head-of-state", "ru"),
                                                                       [])
            if len(kz) == len(ru) == 1:
                speaker = "; ".join(canonical_name(name) for name in (kz[0], ru[0]))
        if not speaker and (pronoun_speaks(sentence) or opens_with(
                sentence, PRONOUN_ATTRIBUTIONS) and not any(
                e.type == "person" for e in sentence.entities)):
            # ("Он отметил, что Травников приедет": the people named after the verb are
            # what is said, as are those inside a quotation before "— сказал он")
            # the last speaker, or else the last person named, in the sentences just before
            # ("— сказала она" takes up no man, "— сказал он" no woman: none agreeing, none)
            wanted = _asked_gender(sentence)
            speaker = out[-1].speaker if out and out[-1].sentence >= draft.sentence - 2 \
                else ""
            if speaker and wanted and not _agrees(wanted, speaker, sentences[:draft.sentence],
                                                  resolved):
                speaker = ""
            speaker = speaker or canonical_name(_last_person(sentences, draft.sentence,
                                                             wanted))
            speaker = full.get(speaker, speaker)
        if not speaker and out and out[-1].sentence >= draft.sentence - 2 and \
                _institution(out[-1].speaker) and _in_message(sentence):
            # "«…», – говорится в сообщении": the message of the office that spoke before
            # ("…, сообщили в пресс-службе Кремля")
            speaker = out[-1].speaker
        if speaker.startswith(f"{PRESS_OFFICE} ") and \
                speaker[len(PRESS_OFFICE) + 1:] in PRESS_REFERENCES:
            # "пресс-служба страны": the office of the country the text named last
            side = last_side(text[:sentence.start + sentence.text.find("пресс")])
            speaker = PRESS_OF_SIDE.get(side, "press service")
        out.append(draft._replace(speaker=speaker) if speaker != draft.speaker else draft)
    return out


_INSTITUTIONS = frozenset({*PRESS_SERVICES.values(), *SEAT_SPEAKERS.values()})
_MESSAGE = re.compile(r"(?<!\w)\w+(?:ся|сь)\s+в\s+(?:\w+\s+){0,2}?(?:" + "|".join(
    re.escape(word) for word in MESSAGE_WORDS) + ")")


def _institution(speaker: str) -> bool:
    """A press office or a seat of power speaking (never a person)."""
    return speaker in _INSTITUTIONS or speaker.startswith(PRESS_OFFICE)


def _in_message(sentence: Sentence) -> bool:
    """An impersonal verb of saying places the statement in a message ("говорится в
    сообщении", "отмечается в официальном заявлении") that names no one after it (not "в
    сообщении Касым-Жомарта Токаева", whose statement is quoted as his message)."""
    found = _MESSAGE.search(normalize(sentence.text)) if says(sentence) else None
    return found is not None and not any(
        e.start >= sentence.start + found.start() for e in sentence.entities)


_INITIALS = re.compile(r"((?:[А-ЯЁA-Z]\.\s*){1,2})([А-ЯЁA-Z][\w-]+)$")


def _initialled(name: str) -> str:
    """A name written with initials ("В.Рябов", "В. В. Путин") as its surname alone, so the
    fuller name the article gave the same person ("Виталий Рябов") is taken for it."""
    found = _INITIALS.fullmatch(name.strip())
    return found[2] if found else ""


def _last_person(sentences: tuple[Sentence, ...], number: int, gender: str = "") -> str:
    """The last person named in the two sentences before sentence ``number`` whose name
    agrees with ``gender`` (genders.agrees), or ''."""
    for sentence in reversed(sentences[max(0, number - 2):number]):
        people = [e for e in sentence.entities if e.type == "person" and agrees(gender,
                                                                                e.normal)]
        if people:
            return people[-1].normal
    return ""


def _asked_gender(sentence: Sentence) -> str:
    """The gender the pronoun that speaks in the sentence asks for ("— сказала она", "По его
    словам"), '' for none."""
    word = speaking_pronoun(sentence)
    text = normalize(sentence.text)
    for phrase in () if word else PRONOUN_ATTRIBUTIONS:
        if re.match(rf"{re.escape(phrase)}(?!\w)", text):
            word = phrase.split()[1]
            break
    return pronoun_gender(word)


def _agrees(gender: str, speaker: str, before: tuple[Sentence, ...], resolved) -> bool:  # noqa: ANN001
    """Whether the speaker drafted before (a name as resolved for the table) agrees with
    ``gender``: the gender of the name the article wrote for them; a joint speaker, an
    institution or a name not found agrees."""
    if SPEAKERS_JOINER in speaker:
        return True
    for sentence in reversed(before):
        for entity in sentence.entities:
            if entity.type == "person" and resolved(entity.normal) == speaker:
                return agrees(gender, entity.normal)
    return True


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

