"""What a verb's form and place say about the status a sentence reports: a future that plans
or forecasts, a past perfective in a reported clause that names an act done, a stance held
over time, and the kind of clause a verb stands in (relative, after "что", main).

Read by kzru.curate.decide, which weighs these readings against the cue table; kept apart
because these rules read the grammar of one verb, while decide weighs a sentence's cues.
"""

from __future__ import annotations

import re

from kzru.cues import (
    CHANGE_VERBS,
    ITERATIVE_WORDS,
    NOTED_AS,
    QUALITY_OBJECTS,
    SAYING_VERBS,
    STATE_SUBJECTS,
    TAKING_CUES,
)
from kzru.curate.annotate import Sentence, Token
from kzru.curate.words import holds_word, letters, negated, normalize
from kzru.report_cues import (
    DENIAL_WORDS,
    FORECAST_FRAMES,
    FORECAST_FUTURES,
    HAVING_FUTURES,
    RELATIVE_WORDS,
    THAT_WORDS,
)


def future_only(token: Token) -> bool:
    """A verb read only in the future tense: a perfective's present form ("подпишут",
    "состоится"). A verb of both aspects ("реализуются", "акцентирует") is also read as a
    present, which news means by it, so it is not taken for a future."""
    if token.pos != "VERB" or token.tense != "futr":
        return False
    from kzru.curate.annotate import _parse

    return all(str(p.tag.tense or "") == "futr" for p in _parse(token.text)
               if p.tag.POS == "VERB")


def futures(sentence: Sentence, per_word: dict[int, tuple[int, str, str, bool, str]]
             ) -> None:
    """A finite verb in the future tense with no cue of its own ("подпишут", "состоится",
    "продлится", "будут затронуты"): what it names is to come, so planned; a future of
    consequence or of a figure ("придаст импульс", "превысит", "вырастет"), or any future
    framed as a forecast ("по прогнозу"), forecasts, so expected. Never negated ("не
    состоится" plans nothing); never from a relative clause ("переговоры, которые укрепят
    сотрудничество" were held); from a clause after "что" only when no other word of the
    sentence has a cue ("заявил, что Россия увеличит поставки")."""
    words = letters(sentence)
    cued = bool(per_word)
    forecast = holds_word(normalize(sentence.text), FORECAST_FRAMES)
    for index, token in enumerate(words):
        if token.start in per_word or negated(sentence, token) or asked(sentence, token):
            continue  # ("подпишут ли стороны …": asked, not planned)
        future = future_only(token) and not normalize(token.text).startswith(SAYING_VERBS)
        if token.pos == "PRTS" and index and normalize(words[index - 1].text) in (
                "будет", "будут"):
            future = True  # "будут затронуты", "будет открыт"
        if not future:
            continue
        clause = clause_opening(sentence, token)
        if clause == "relative" or clause == "that" and cued:
            continue
        word = normalize(token.text)
        if word.startswith(HAVING_FUTURES):
            continue
        status = "expected" if forecast or word.startswith(FORECAST_FUTURES) else "planned"
        per_word[token.start] = (len(token.text), status, token.text, False, "futr")


def saying(token: Token) -> bool:
    return token.pos in ("VERB", "GRND") and normalize(token.text).startswith(SAYING_VERBS)


def reported_acts(sentence: Sentence, per_word: dict[int, tuple[int, str, str, bool, str]],
                  framed: bool = False) -> None:
    """Under a verb of saying ("сообщил, что …", "рассказал, что …"), each past perfective
    verb of the reported clause with no cue of its own names an act done ("стороны
    утвердили график", "сам опубликовал статью"): the clause's verb decides, as a future
    there plans (futures). Not a change in a state of affairs or an amount ("грузоперевозки
    выросли", "торговля стала сложнее", CHANGE_VERBS), nor a verb whose subject is a state
    of affairs ("отношения …") or whose object is a quality ("приняли иной характер"),
    which the speaker assesses; never negated, never in a relative clause. ``framed``: the
    whole piece is a reported clause (the second part of one, "…, что ознакомился …, и сам
    опубликовал …", whose verb of saying stands in the first part)."""
    words = letters(sentence)
    opened: int | None = -1 if framed else None
    for index, token in enumerate(words):
        if opened is None:
            if normalize(token.text) in THAT_WORDS and any(
                    saying(before) for before in words[max(0, index - 3):index]):
                opened = index
            continue
        if token.start in per_word or token.pos != "VERB" or token.tense != "past" or \
                saying(token) or negated(sentence, token) or not perfective(token):
            continue
        word = normalize(token.text)
        if word.startswith(CHANGE_VERBS) or clause_opening(sentence, token) == "relative" \
                or of_quality(sentence, token) or any(
                normalize(t.lemma) in STATE_SUBJECTS for t in words[opened + 1:index]):
            continue
        per_word[token.start] = (len(token.text), "done", token.text, False, "past")


def perfective(token: Token) -> bool:
    from kzru.curate.annotate import _parse

    parses = [p for p in _parse(token.text) if p.tag.POS == "VERB"]
    return bool(parses) and str(parses[0].tag.aspect or "") == "perf"


def of_quality(sentence: Sentence, token: Token) -> bool:
    """The verb's object, in the few words after it, is a quality ("приняли неоднозначный
    характер", "вышли на новый уровень"): the verb assesses, it reports no act."""
    after = [t for t in sentence.tokens if t.start > token.start and
             re.search(r"[^\W\d_]", t.text)][:3]
    return any(normalize(t.lemma) in QUALITY_OBJECTS and t.pos == "NOUN"
               for t in after)


def stance(sentence: Sentence) -> bool:
    """A verb of saying with a frequency adverb ("неоднократно заявлял о намерении …", "не
    раз подчеркивал"): a habitual stance, which plans, agrees or does nothing itself."""
    text = normalize(sentence.text)
    return holds_word(text, ITERATIVE_WORDS) and any(saying(t) for t in sentence.tokens)


def asked(sentence: Sentence, token: Token) -> bool:
    """The cue word stands in a question: the sentence asks ("Приглашение принято?"), or
    the word is asked of by "ли" beside it ("будет ли принято приглашение", "подпишут ли
    стороны"), which tells only that it is not known."""
    if sentence.text.rstrip()[-1:] == "?":
        return True
    words = letters(sentence)
    at = next((i for i, t in enumerate(words) if t.start <= token.start < t.stop), None)
    if at is None:
        return False
    near = [normalize(t.text) for t in words[max(0, at - 3):at + 2]]
    # "вряд ли", "едва ли" doubt (expected), they do not ask
    return any(word == "ли" and index and near[index - 1] not in ("вряд", "едва")
               for index, word in enumerate(near))


def noted(sentence: Sentence, token: Token) -> bool:
    """A word of taking ("принят", "принял") followed by what it only notes or weighs
    ("принято к сведению", "принял во внимание"): no acceptance and no adoption."""
    if not normalize(token.text).startswith(TAKING_CUES):
        return False
    after = normalize(sentence.text[token.stop - sentence.start:]).lstrip()
    return after.startswith(NOTED_AS)


def denied(sentence: Sentence) -> tuple[int, int] | None:
    """What a word of denying governs, as article offsets [start, stop): from the word to a
    second act of the main clause joined by "и", "а", "но" ("… опроверг слухи и заявил, что
    …"), else to the sentence's end ("опроверг сообщения о том, что стороны подписали …"
    denies the signing too); None without such a word."""
    words = letters(sentence)
    for index, token in enumerate(words):
        if not normalize(token.text).startswith(DENIAL_WORDS):
            continue
        for before, after in zip(words[index:], words[index + 1:]):
            if after.pos == "VERB" and after.tense and normalize(before.text) in (
                    "и", "а", "но") and clause_opening(sentence, after) == "":
                return (token.start, before.start)
        return (token.start, sentence.stop)
    return None


def clause_opening(sentence: Sentence, token: Token) -> str:
    """How the clause holding ``token`` opens: "relative" ("которые", "где", "если"…),
    "that" ("что"), or "" for a main clause. The clause begins after the last comma, dash
    or colon before the token."""
    before = sentence.text[:token.start - sentence.start]
    cut = max(before.rfind(mark) for mark in (",", "—", "–", ":", ";"))
    opening = normalize(before[cut + 1:]).split()
    for word in opening[:3]:
        if word.startswith(RELATIVE_WORDS):
            return "relative"
        if word in THAT_WORDS:
            return "that"
    return ""


def after_future_be(sentence: Sentence, token: Token) -> bool:
    """A short participle right after "будет"/"будут" ("будет подписан", "будут
    согласованы"): the act is to come."""
    if token.pos != "PRTS":
        return False
    before = [t for t in sentence.tokens if t.stop <= token.start and re.search(r"\w", t.text)]
    return bool(before) and normalize(before[-1].text) in ("будет", "будут")


def told_before(sentence: Sentence, at: int) -> bool:
    """A verb of saying followed by "что" before offset ``at``: what follows is reported."""
    words = [t for t in letters(sentence) if t.stop <= at]
    return any(normalize(token.text) in THAT_WORDS and any(
        saying(before) for before in words[max(0, index - 3):index])
        for index, token in enumerate(words))


def told_at(sentence: Sentence) -> int:
    """Where, in the sentence's text, its first verb of saying in the past tense stands
    ("объявил о планах …", "анонсировали создание …"), or -1: a time before it is the
    saying's."""
    return next((t.start - sentence.start for t in letters(sentence)
                 if saying(t) and t.tense == "past"), -1)


def frame_end(sentence: Sentence) -> int:
    """Where the frame of a reported clause ends: the offset in the sentence's text just
    after the "что" that follows a verb of saying ("Сегодня министр сообщил, что …"), or -1.
    A time in the frame dates the saying, not what is said."""
    words = letters(sentence)
    for index, token in enumerate(words):
        if normalize(token.text) in THAT_WORDS and any(
                saying(before) for before in words[max(0, index - 3):index]):
            return token.stop - sentence.start
    return -1


# A date a meeting is set for: "на" before a day, a month or a relative time
_SET_FOR = re.compile(
    r"(?<!\w)на\s+(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[а-я]+|\d{1,2}\.\d{1,2}|"
    r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*|"
    r"(?:следующ|ближайш|будущ|эт)[а-я]*\s+(?:недел|месяц|год)|"
    r"(?:конец|начало|середину)\s+[а-я]+)")


def scheduled(sentence: Sentence) -> bool:
    """Whether "назначен(а, о, ы)" sets something for a time the sentence names with "на"
    ("встреча назначена на 20 мая", "на 13 октября назначен саммит"): a plan. Without such a
    time it appoints someone ("назначен на должность"), which plans nothing."""
    return _SET_FOR.search(normalize(sentence.text)) is not None


def future_in_past(sentence: Sentence, cue: str) -> bool:
    """The deciding word stands in a clause reported by a verb of saying in the past tense
    ("Ранее сообщалось, что губернаторы встретятся 10 апреля"): its future is counted from
    that saying, not from the article, so a day it names without a year is the nearest such
    day, which may be before the article (and the plan never held)."""
    words = letters(sentence)
    for index, token in enumerate(words):
        if normalize(token.text) in THAT_WORDS and any(
                saying(before) and before.tense == "past"
                for before in words[max(0, index - 3):index]):
            at = normalize(sentence.text).find(normalize(cue), token.stop - sentence.start) \
                if cue else -1
            return at >= 0
    return False
