"""What the cue table (kzru.cues) decides for a sentence: its status from the governing verb,
its kind from a signing verb's document or a kind word, and the kind of event it names.

Kept apart from drafting (kzru.curate.draft), which assembles these decisions with the date,
figure, speaker and evidence into a draft: the decisions are the rules, the assembly is not.
"""

from __future__ import annotations

import re

from kzru.cues import (
    ACCEPTED_WORDS,
    CALLED_OFF_WORDS,
    DECIDING_POS,
    DENIAL_WORDS,
    DOCUMENT_REACH,
    DOCUMENT_VERBS,
    DOCUMENT_WORDS,
    EXCHANGE_CUES,
    FRAMING_CUES,
    INTENTION_REACH,
    INTENTION_WORDS,
    KIND_WORDS,
    OPINION_CUES,
    REPORTED_CUES,
    SAYING_VERBS,
    SIGNING_NOUNS,
    STATUS_CUES,
    STATUS_ORDER,
    TAKING_CUES,
    UNCONFIRMED,
)
from kzru.curate.annotate import Sentence, Token
from kzru.curate.event_words import created_at
from kzru.curate.verbs import (
    after_future_be,
    asked,
    clause_opening,
    denied,
    future_only,
    futures,
    noted,
    of_quality,
    reported_acts,
    scheduled,
    stance,
)
from kzru.curate.words import cue_at, find, holds_word, letters, negated, normalize
from kzru.report_cues import CEREMONY_WORDS, SUPPORTED

__all__ = ["cue_at", "find", "holds_word", "normalize"]  # read from here by other modules


_STATUS_PATTERNS: list[tuple[str, re.Pattern[str]]] = []


def _status_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per status: its cues, longest first, each at the start of a word (so a
    match is the longest cue of that status at that place)."""
    if not _STATUS_PATTERNS:
        for status, cues in [*STATUS_CUES.items(), ("reported", REPORTED_CUES)]:
            ordered = sorted({normalize(c) for c in cues}, key=len, reverse=True)
            _STATUS_PATTERNS.append((status, re.compile(
                r"(?<![^\W\d_])(?:" + "|".join(re.escape(c) for c in ordered) + ")")))
    return _STATUS_PATTERNS


# Word classes that only describe a noun ("перспективная инициатива", "созданная
# организация"): their cue decides only when no predicate (a verb, a short form, a
# predicative, a gerund) carries one — the governing verb says what happened.
ATTRIBUTIVE_POS = frozenset({"ADJF", "PRTF"})


def decide_status(sentence: Sentence) -> tuple[str, str]:
    """The status the sentence's cues decide, and the word that decided it.

    Each word takes its longest cue ("продолжил" is done, not "продолж"-ongoing); a
    single-word cue counts only in a verb, participle, adjective or predicative (a noun like
    "договор" names a topic, not what happened), never negated; a done verb in the future
    tense is planned; a forecast verb in the past tense ("позволила", "ожидалось") forecasts
    nothing; an attributive adjective or participle decides only when no predicate has a
    cue. Of the statuses found, the first in STATUS_ORDER wins. No cue: reported.
    """
    return decide(sentence)[:2]


def decide(sentence: Sentence, framed: bool = False) -> tuple[str, str, str]:
    """decide_status, with the tense of the deciding word ('' for a phrase); ``framed``: the
    sentence is a piece of a reported clause (verbs.reported_acts)."""
    text = normalize(sentence.text)
    # position -> (cue length, status, word, attributive, tense)
    per_word: dict[int, tuple[int, str, str, bool, str]] = {}
    for status, pattern in _status_patterns():
        for match in pattern.finditer(text):
            cue, at = match.group(0), match.start()
            token = cue_at(sentence, sentence.start + at)
            if token is None or negated(sentence, token):
                continue
            if " " not in cue and token.pos not in DECIDING_POS:
                continue
            if asked(sentence, token) or status in ("signed", "agreed", "done") and any(
                    noted(sentence, t) for t in sentence.tokens
                    if at <= t.start - sentence.start < match.end()):
                # "Приглашение принято?", "будет ли принято приглашение", "принято к
                # сведению": not known to be accepted, or only noted
                continue
            decided = status
            if status in ("done", "planned", "signed", "agreed") and " " not in cue and \
                    token.pos == "INFN":
                # "встретиться", "открыть", "посетить": the act named, not that it happened
                # or will ("посетит" is planned, its infinitive alone is not)
                continue
            if status in ("done", "signed", "agreed", "ongoing") and future_only(token) \
                    or status in (
                    "signed", "agreed", "done") and after_future_be(sentence, token):
                decided = "planned"  # "посетит", "договорятся"; "будет подписано"
            if status == "signed" and unsigned(sentence, token):
                continue  # "так и не подписали", "опроверг сообщения о том, что подписали"
            if status == "signed" and " " not in cue and cue.startswith(EXCHANGE_CUES) \
                    and not _document(sentence):
                decided = "done"  # "обменялись поздравлениями": an exchange of no document
                # took place ("обменялись мнениями, опытом" is talk: its longer cue wins)
            if status in ("signed", "done") and " " not in cue and of_quality(sentence,
                                                                          token):
                continue  # "отношения приняли иной характер": an assessment, not an act
            if status == "signed" and " " not in cue and cue.startswith(TAKING_CUES) \
                    and not _document(sentence):
                # "принял приглашение" is an acceptance; "принял делегацию" a reception
                decided = "agreed" if holds_word(text, ACCEPTED_WORDS) else "done"
                if token.tense == "futr" or after_future_be(sentence, token):
                    decided = "planned"
            if status == "done" and " " in cue and sentence.tense() == "future":
                decided = "planned"  # "по итогам переговоров примут декларацию": to come
            if status == "expected" and token.tense == "past" and " " not in cue:
                continue
            if status == "expected" and cue in _OPINIONS and not _forecasts(sentence, token,
                                                                             cue):
                continue  # "считает, что переговоры прошли успешно": a view, not a forecast
            if status == "planned" and cue.startswith("назначен") and not scheduled(sentence):
                continue
            word = cue if " " in cue else token.text
            # a phrase and the word it begins share one place, so the longer cue wins there
            # ("обменялись мнениями" is talk, "обменялись" alone an exchange of documents)
            key = sentence.start + at if " " in cue else token.start
            attributive = " " not in cue and token.pos in ATTRIBUTIVE_POS
            tense = "" if " " in cue else token.tense
            if key not in per_word or len(cue) > per_word[key][0]:
                per_word[key] = (len(cue), decided, word, attributive, tense)
    futures(sentence, per_word)
    reported_acts(sentence, per_word, framed)
    for match in re.finditer(SUPPORTED, text):
        if not any(normalize(t.text) == "не" and t.stop <= sentence.start + match.start()
                   <= t.stop + 1 for t in sentence.tokens):
            per_word[sentence.start + match.start()] = (len(match.group(0)), "agreed",
                                                        match.group(0), False, "")
    for token, intention in _intended(sentence):
        # "планируется открыть": the plan governs the act, whatever the act's own cue says
        per_word[token.start] = (len(token.text), "planned", intention.text, False, "")
    denial = denied(sentence)
    if denial is not None:
        # "опроверг информацию о планах открыть …": the plan is the claim denied
        per_word = {at: item for at, item in per_word.items()
                    if not denial[0] <= at < denial[1]}
    if not per_word:
        return "reported", "", ""
    if stance(sentence):
        return "reported", "", ""
    # a cue inside a relative clause ("саммит, который пройдет в ноябре") says what the noun
    # before it does, not what the sentence reports: it decides only when nothing else does
    main = [item for at, item in per_word.items()
            if not _relative(sentence, at)]
    found = main or list(per_word.values())
    framed = [item for item in found if normalize(item[2]) not in FRAMING_CUES]
    found = framed or found  # a framing phrase decides only when nothing else does
    predicates = [item for item in found if not item[3]]
    _, status, word, _, tense = min(predicates or found,
                                    key=lambda item: STATUS_ORDER.index(item[1]))
    return status, word, tense


_OPINIONS = frozenset(normalize(cue) for cue in OPINION_CUES)


def _forecasts(sentence: Sentence, token: Token, cue: str) -> bool:
    """Whether an opinion (OPINION_CUES) is about what is to come: a word of opinion itself
    (a verb or a short form, not "уверенно"), then a verb in the future after it, not negated
    and not in a relative clause ("полагает, что завод выйдет на рынок", "по мнению
    министра, торговля будет расти")."""
    if " " not in cue and token.pos not in ("VERB", "ADJS", "PRTS"):
        return False
    return any(t.start > token.start and t.pos == "VERB" and future_only(t)
               and not negated(sentence, t) and clause_opening(sentence, t) != "relative"
               for t in sentence.tokens)


def _relative(sentence: Sentence, at: int) -> bool:
    """Whether the word at article offset ``at`` stands in a relative clause."""
    token = cue_at(sentence, at)
    return token is not None and clause_opening(sentence, token) == "relative"


def _intended(sentence: Sentence) -> list[tuple[Token, Token]]:
    """Infinitives governed by a word of intention a few words before them (not negated),
    each with that word: "в 2027 году планируется открыть филиал", "стороны намерены в
    ближайшее время подписать"."""
    words = letters(sentence)
    found = []
    for index, token in enumerate(words):
        if token.pos != "INFN":
            continue
        for before in reversed(words[max(0, index - INTENTION_REACH):index]):
            if normalize(before.text).startswith(INTENTION_WORDS) and \
                    not negated(sentence, before):
                found.append((token, before))
                break
    return found


def unsigned(sentence: Sentence, token: Token) -> bool:
    """Whether the signing at ``token`` is told as one that did not take place: negated
    before it ("не подписали") or after it ("подписано не будет"), inside a denial or a rumour
    ("опроверг сообщения о том, что …", "слухи о том, что …", "ошибочно сообщили", a
    confirmation negated), or, for the noun of a signing, put off or called off ("отложили
    подписание", "подписание отменено") or under a verb negated ("подписание … не
    состоялось"). Such a signing is never a signed document."""
    if negated(sentence, token):
        return True
    words = letters(sentence)
    after = [normalize(t.text) for t in words if t.start > token.start][:2]
    if len(after) == 2 and after[0] == "не" and after[1].startswith(("буд", "был")):
        return True  # "соглашение подписано не будет"
    before = [normalize(t.text) for t in words if t.stop <= token.start][-2:]
    if len(before) == 2 and before[0] == "не" and before[1].startswith(("буд", "был")):
        return True  # "так и не было подписано"
    if token.pos == "NOUN" and any(t.pos in _CALLING_POS and negated(sentence, t)
                                   for t in words):
        return True  # "подписание соглашения не состоялось"
    text = normalize(sentence.text)
    if holds_word(text, UNCONFIRMED):
        return True
    at = token.start - sentence.start
    if any(found < at for found in (
            position for stem in DENIAL_WORDS for position in find(stem, text))):
        return True
    return token.pos == "NOUN" and any(
        t.pos in _CALLING_POS and normalize(t.text).startswith(CALLED_OFF_WORDS) for t in words)


# The word classes of a verb that calls a signing off ("отложили", "отменено", "отложенное").
_CALLING_POS = frozenset({"VERB", "PRTS", "PRTF", "GRND", "INFN"})


def _document(sentence: Sentence, infinitive: bool = False) -> str:
    """The document word a signing/exchange/adoption verb governs (or its noun: "завершились
    подписанием пакета соглашений", "подписание Декларации"), or ''."""
    tokens = [t for t in sentence.tokens if re.search(r"\w", t.text)]
    for index, token in enumerate(tokens):
        word = normalize(token.text)
        if not word.startswith(DOCUMENT_VERBS):
            continue
        nominal = token.pos == "NOUN" and normalize(token.lemma).startswith(SIGNING_NOUNS)
        if token.pos not in DECIDING_POS and not nominal or \
                token.pos == "INFN" and not infinitive:
            continue  # ("подписать" names the act: "о планах подписать" signs nothing)
        if nominal and index and normalize(tokens[index - 1].text).startswith(CEREMONY_WORDS):
            continue  # "церемония подписания … состоялась": a ceremony held, not a signing
        if unsigned(sentence, token):
            continue  # "не подписали дорожную карту": no document signed
        near = tokens[max(0, index - DOCUMENT_REACH):index + DOCUMENT_REACH + 1]
        for other in near:
            lemma = normalize(other.lemma)
            if other.pos == "NOUN" and lemma.startswith(DOCUMENT_WORDS):
                return other.text
    return ""


# Which statuses each kind needs: a visit word in a sentence only *about* a visit makes a
# statement, not a meeting.
_KIND_STATUSES = {
    "ceremony": {"done", "planned", "ongoing"},
    "meeting": {"done", "planned", "ongoing", "expected"},
    "institution": {"done", "ongoing", "planned"},
    "project": {"done", "ongoing", "planned", "expected"},
    "initiative": {"proposed", "ongoing"},
}


# Kinds named by a place of work (a plant, an enterprise, a branch): after "на"/"в" in the
# prepositional case ("собирают на локализованном предприятии", "работают в филиале") the
# word says where something happens, not what the fact is about.
_PLACE_KINDS = frozenset({"project", "institution"})


def _where(sentence: Sentence, at: int) -> bool:
    """Whether the word at ``at`` (in the normalised sentence) is a place: in the
    prepositional case after "в"/"во"/"на", with only adjectives or participles between."""
    from kzru.curate.annotate import _parse

    token = cue_at(sentence, sentence.start + at)
    if token is None or not any(str(p.tag.case or "").startswith("loc")
                                for p in _parse(token.text)[:1]):
        return False
    words = [t for t in sentence.tokens if t.stop <= token.start and re.search(r"\w", t.text)]
    for before in reversed(words):
        if normalize(before.text) in ("в", "во", "на"):
            return True
        if before.pos not in ("ADJF", "PRTF"):
            return False
    return False


# Direct speech and the words that attribute it: «…», – заявил министр после переговоров (the
# attribution after the closing quote and a dash), or Министр по итогам встречи заявил: «…»
# (before a colon and the opening quote).
_ATTRIBUTION_AFTER = re.compile(r"[»\"“”][,.!?…]?\s*[—–-]\s+(?P<said>[^«»\"“”„]+)$")
_ATTRIBUTION_BEFORE = re.compile(r"^(?P<said>[^«»\"“”„]+):\s*[«\"„“]")


def attribution(text: str) -> tuple[int, int]:
    """Where, in a normalised sentence of direct speech, the words that say who said it stand
    ((0, 0) when there are none): a meeting or a ceremony named there ("после переговоров",
    "по итогам встречи", "на церемонии") is when it was said, not what the quote tells."""
    for pattern in (_ATTRIBUTION_AFTER, _ATTRIBUTION_BEFORE):
        found = pattern.search(text)
        if found and holds_word(found.group("said"), SAYING_VERBS):
            return found.span("said")
    return 0, 0


def decide_kind(sentence: Sentence, status: str, has_number: bool) -> tuple[str, str]:
    """The kind the sentence's words give for its status: a document only when signed (its
    verb or the noun of the signing governs a document word), a commitment when agreed,
    else the first kind whose words appear and whose statuses fit (KIND_WORDS); a figure
    when a number with a unit is the rest; a statement otherwise."""
    document = _document(sentence)
    if document and status in ("signed", "done", "reported"):
        return "document", document
    if (document or _document(sentence, infinitive=True)) and status in ("planned",
                                                                        "expected"):
        # a signing to come ("планируется подписать соглашение", "запланировано подписание
        # документов") is a statement of the plan, not a document, nor the visit it is part of
        return "statement", ""
    if status == "agreed":
        return "commitment", ""
    text = normalize(sentence.text)
    said_at = attribution(text)
    for kind, cues in KIND_WORDS:
        if status not in _KIND_STATUSES[kind]:
            continue
        for cue in cues:
            if any(not (kind in _PLACE_KINDS and _where(sentence, at)) and
                   not said_at[0] <= at < said_at[1] and not (
                       kind == "meeting" and created_at(sentence, at))
                   for at in find(cue, text)):
                return kind, cue
    if has_number:
        return "figure", ""
    return "statement", ""


def gives_kind(word: str, kind: str) -> bool:
    """Whether the word that decided a draft's kind gives ``kind``: review shows the word
    only while the kind is the one it gave, not after the reviewer changed the kind."""
    said = normalize(word)
    if kind == "document":
        return said.startswith(DOCUMENT_WORDS)
    return any(kind == of and said in cues for of, cues in KIND_WORDS)
