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
from kzru.curate.decide import decide_status, find, normalize
from kzru.curate.verbs import clause_opening, told_before
from kzru.report_cues import COORDINATORS, RELATIVE_WORDS, SECOND_ACTS, THAT_WORDS

_JOINED = re.compile(r"[,;]\s+(" + "|".join(re.escape(c) for c in COORDINATORS) + r")(?!\w)")
_FINITE = ("VERB", "PRTS")


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


def coordinated(sentence: Sentence) -> list[tuple[int, int]]:
    """The parts of a sentence that joins a second predicate to its first ("…, причём …",
    "…, а также обсудили …", "…; при этом …"), as article offsets, each part with a finite
    verb of its own outside any clause after "что" or a relative word; [] when the sentence
    is one fact. The second part starts at its joining word, so each part is verbatim."""
    text = normalize(sentence.text)
    cuts = [m.start(1) for m in _JOINED.finditer(text)]
    if not cuts:
        cuts = _second_act(sentence)  # (its parts' verbs checked there)
        return [(sentence.start, sentence.start + len(sentence.text[:cuts[0]].rstrip(" ,;"))),
                (sentence.start + cuts[0], sentence.stop)] if cuts else []
    bounds = [0, *cuts, len(sentence.text)]
    parts = []
    for left, right in zip(bounds, bounds[1:]):
        stop = left + len(sentence.text[left:right].rstrip(" ,;"))
        parts.append((sentence.start + left, sentence.start + stop))
    if not all(_own_verb(sentence, a, b) for a, b in parts):
        return []
    return parts


_SECOND_ACT = re.compile(r"(?:\s+(и)\s+(?:(?:также|сразу|вновь|затем)\s+)?(?=\w)|,\s+(" +
                         "|".join(SECOND_ACTS) + r")(?!\w))")
_STATUS_VERBS = ("VERB", "PRTS")


def _second_act(sentence: Sentence) -> list[int]:
    """Where a second act with its own verb joins the first with no comma and coordinator
    of COORDINATORS: "… подписали соглашение и договорились провести …", "…, а затем
    договорились …", "…, в ходе которого они договорились …" (SECOND_ACTS). One cut only,
    outside quotation marks and outside a clause reported after "что"; and only where the
    two parts each decide a status of their own, different ones, neither only talk
    (kzru.curate.decide): an act and its details, or talk and its act ("обсудили … и
    подписали"), stay one fact."""
    text = normalize(sentence.text)
    for match in _SECOND_ACT.finditer(text):
        at = match.start(1) if match.group(1) else match.start(2)
        if text[:at].count("«") != text[:at].count("»") or text[:at].count('"') % 2 or \
                told_before(sentence, sentence.start + at):
            continue
        opening = match.end()
        if match.group(1):  # "и" + a finite verb of the main clause right after it
            verb = next((t for t in sentence.tokens if t.start >= sentence.start + opening
                         and re.search(r"\w", t.text)), None)
            if verb is None or verb.pos not in _STATUS_VERBS or not verb.tense and \
                    verb.pos == "VERB" or clause_opening(sentence, verb) == "relative":
                continue
        first = _part(sentence, 0, at)
        second = _part(sentence, opening, len(sentence.text))
        if not _own_verb(sentence, sentence.start, sentence.start + at) or not any(
                t.pos in _STATUS_VERBS for t in second.tokens):
            continue
        one, other = decide_status(first)[0], decide_status(second)[0]
        if "reported" not in (one, other) and one != other:
            return [at]
    return []


def _part(sentence: Sentence, start: int, stop: int) -> Sentence:
    """The words of ``sentence.text[start:stop]`` as a sentence of their own."""
    begin, end = sentence.start + start, sentence.start + stop
    return Sentence(sentence.index, begin, end, sentence.text[start:stop],
                    tuple(t for t in sentence.tokens if begin <= t.start and t.stop <= end),
                    tuple(e for e in sentence.entities if begin <= e.start and e.stop <= end))


def _own_verb(sentence: Sentence, start: int, stop: int) -> bool:
    """A finite verb in [start, stop) that stands in the part's own clause: not after a
    "что" or a relative word inside it ("…, а также отметил, что стороны подписали …" has
    "отметил")."""
    for token in sentence.tokens:
        if not (start <= token.start < stop) or token.pos not in _FINITE or not token.tense \
                and token.pos == "VERB":
            continue
        before = normalize(sentence.text[start - sentence.start:token.start - sentence.start])
        if not any(w in THAT_WORDS or w.startswith(RELATIVE_WORDS)
                   for w in re.findall(r"\w+", before)):
            return True
    return False


SUBJECT_MOST = 80  # characters of a first part's subject quoted before a second part


def subject_of(sentence: Sentence, part: tuple[int, int]) -> tuple[int, int] | None:
    """The words of the first part before its first finite verb (its subject: "Министр
    энергетики" of "Министр энергетики предложил …"), quoted before a second part that has
    none of its own; None when the verb comes first or the subject is long."""
    verb = next((t for t in sentence.tokens if part[0] <= t.start < part[1] and
                 t.pos in _FINITE), None)
    if verb is None:
        return None
    start, stop = part[0], verb.start
    while stop > start and sentence.text[stop - 1 - sentence.start] in " ,":
        stop -= 1
    return (start, stop) if 0 < stop - start <= SUBJECT_MOST else None
