"""Draft one fact per sentence that says something: status and kind (kzru.curate.decide),
date, number, sectors, speaker, names and verbatim evidence, each by a rule table in kzru.cues.

Evidence is cut from the article by offsets (kzru.curate.evidence), so it is verbatim by
construction; the writer checks it again with the code ``kzru check --sources`` runs. Sectors
and names come from the data folder's lexicon (kzru.curate.lexicon). Every draft says why it
got its status and kind (``Why``), which the reviewer sees.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kzru.cues import (
    DECIDING_POS,
    DESCRIBED_STATUSES,
    DESCRIPTIVE_KINDS,
    WORK_UNDER_WAY,
)
from kzru.curate.accepts import acceptable, agreed_to_do
from kzru.curate.act_times import frame_times, own_times
from kzru.curate.ahead import invited_dates, invited_kind
from kzru.curate.annotate import LONGEST_SENTENCE, MIN_WORDS, Annotated, Sentence
from kzru.curate.attributions import carry_speakers
from kzru.curate.carried import continued, that_day
from kzru.curate.context import antecedent, continues, join
from kzru.curate.datelines import opening_dateline
from kzru.curate.dates import Dated, Published, find_dates, not_naming_documents, publication
from kzru.curate.decide import decide, decide_kind, decide_status, find, normalize
from kzru.curate.event_words import elided_event, event_word
from kzru.curate.evidence import (
    EVIDENCE_LIMIT,
    FINITE_POS,
    evidence,
    fits_whole,
    sub_sentence,
    with_lead,
)
from kzru.curate.figures import find_number
from kzru.curate.furniture import attribution_only, furniture
from kzru.curate.groups import Group, clause_groups
from kzru.curate.lexicon import (
    Lexicon,
    canonical,
    find_names,
    find_sectors,
    speaker_english,
)
from kzru.curate.moved import moved_dates
from kzru.curate.parties import third_only
from kzru.curate.readings import (
    activity,
    coordinated,
    explicit,
    finished,
    reported_beyond,
    subject_of,
)
from kzru.curate.speakers import find_speaker
from kzru.curate.titles import is_title
from kzru.curate.told_times import from_saying
from kzru.curate.verbs import denied, frame_end, future_in_past, told_at, told_before
from kzru.curate.words import letters
from kzru.labels import Said, word
from kzru.model import EVIDENCE_JOINER
from kzru.report_cues import SECOND_ACTS
from kzru.store import FORMULA_START


class Why(NamedTuple):
    """What decided a draft, for the reviewer: the cue word and the entity or kind word."""

    cue: str
    status_from: str
    kind_word: str
    entity: str


class Draft(NamedTuple):
    """A drafted fact before it has an id, an event or same_as (pipeline.py adds them)."""

    sentence: int
    part: int  # 0: the whole sentence; 1, 2…: one of the clause groups of a long sentence
    kind: str
    date: Dated
    sectors: tuple[str, ...]
    status: str
    speaker: str
    text: str
    evidence: str
    evidence_spans: tuple[tuple[int, int], ...]
    value: str
    unit: str
    names: tuple[str, ...]
    why: Why
    event_word: str  # the kind of event the sentence names, if it names one
    after: int = -1  # the sentence this one continues (kzru.curate.context), or -1
    # the time of the visit an invitation names ("пригласил … с визитом в 2026 году"), which
    # is the event's, not the fact's; None when the sentence names no such time
    event_date: Dated | None = None
    deed: bool = False  # its date is of what was agreed to be done (kzru.curate.accepts)


class Skipped(Exception):
    """A sentence that says something but cannot be drafted verbatim; ``reason`` is shown in
    add's summary."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


FORMULA = "formula start"
TOO_LONG = "longer than 2,000 characters"
THIRD_ONLY = "third countries only"  # kzru.curate.parties


# Word classes that let a sentence say something (a verb, a short adjective or participle, a
# predicative, a gerund, an infinitive, a participle).
PREDICATE_POS = ("VERB", "PRTS", "PRTF", "PRED", "GRND", "INFN", "ADJS")


def draft_sentence(sentence: Sentence, annotated: Annotated, lexicon_: Lexicon,
                   published: Published, part: int = 0, whole: Sentence | None = None,
                   head: Sentence | None = None, group: Group | None = None,
                   before: Sentence | None = None) -> Draft | None:
    """The draft for one sentence (or one clause group of a long one, ``whole`` being the
    sentence, ``group`` what its evidence may cover), or None when it says nothing a fact
    could hold (a heading, a caption, tags). ``before``: the sentence this one continues
    (kzru.curate.context), whose words its evidence joins; a sentence too short or with no
    predicate is drafted only so joined ("Абсолютно те же требования.")."""
    article = annotated.article
    whole = whole or sentence
    content = letters(sentence)
    short = len(content) < (1 if group is not None and group.member else
                            2 if finished(sentence, content) or group is not None and
                            group.act else MIN_WORDS) or \
        not any(t.pos in DECIDING_POS or t.pos == "NOUN" for t in content)
    # a statement needs a predicate: a verb, a short adjective or participle, a predicative,
    # the dash that stands for "is" in Russian, a figure or a named entity
    alone = not short and (whole is not sentence or any(
        t.pos in PREDICATE_POS for t in content)
        or bool(sentence.entities) or bool(re.search(r"\s[–—-]\s|\d", sentence.text)))
    if not alone and (whole is not sentence or before is None or len(content) < 2 or not (
            any(t.pos in PREDICATE_POS for t in before.tokens) or len(
                letters(before)) >= MIN_WORDS)):
        return None  # drafted only beside a sentence before it that says something
    # the second part of a coordinated sentence inside a reported clause ("сообщил, что …, и
    # сам опубликовал …") is reported too: its own past act decides
    framed = group is not None and group.subject is not None and told_before(
        whole, sentence.start)
    status, cue, cue_tense = decide(sentence, framed)
    lead = None  # a clause group without a cue of its own takes the sentence's deciding one
    if not cue and head is not None and head is not sentence:
        status, cue, cue_tense = decide(head)
        lead = head if cue else None
    # the deciding verb's tense places a day named without its year ("Напомним, 11 ноября
    # прибыл": past, whatever a parenthetical verb before it says); else the first verb's
    tense = {"past": "past", "futr": "future", "pres": "present"}.get(cue_tense, "") or \
        sentence.tense() or whole.tense()
    to_do = status == "agreed" and agreed_to_do(sentence, cue)
    if status in ("planned", "expected") or to_do:
        # "планируют провести в октябре": the October to come; so is "договорились провести
        # в мае"; but "сообщалось, что … встретятся 10 апреля" is counted from the saying
        tense = "" if future_in_past(sentence, cue) else "future"
    dates = heard = find_dates(sentence.text, published, tense)
    told = told_at(sentence) if tense == "future" and cue else -1
    if 0 < told <= (find(normalize(cue), normalize(sentence.text)) or [-1])[0]:
        # "В среду министр объявил о планах открыть центр в мае" (the verb of saying before
        # the plan's word): the May to come is the plan's time; the Wednesday is the
        # saying's, past, and dates the plan only when nothing after the verb of saying does
        # ("В среду анонсировали создание форума"); not "«…в мае», — сказал он"
        saying = [d for d in find_dates(sentence.text, published, "past") if d.start < told]
        dates = heard = from_saying(sentence.text, [d for d in dates if d.start >= told],
                                    saying, published) or saying
    opening = opening_dateline(sentence.text)
    if opening:  # "АСТАНА, 14 марта – … подписали в среду": the filing day is not the deed's
        dates = [d for d in dates if d.start >= opening]
    dates = not_naming_documents(sentence.text, dates)  # "договор от 25 мая": the document's
    invited, talked = invited_dates(sentence, published)
    named = heard + invited  # every date the sentence names (its dateline's too): no figure
    if invited and not talked:
        # "готовится к визиту в ноябре": the preparation is the visit's, at the visit's time
        dates, invited = invited, []
    dates = [d for d in dates if not invited or d.start < invited[0].start]
    frame = frame_end(sentence)
    if frame >= 0 and cue and any(at > frame for at in find(normalize(cue),
                                                              normalize(sentence.text))):
        # "Сегодня министр сообщил, что соглашение будет подписано …": the time of the
        # saying is not the time of what is said, which has only its own; a plan's, counted
        # from the saying ("В 2027 году министр сообщил, что центр откроется в мае")
        saying = [d for d in find_dates(sentence.text, published, "past") if d.start < frame]
        dates = [d for d in dates if d.start >= frame]
        if status in ("planned", "expected"):
            dates = from_saying(sentence.text, dates, saying, published)
    value, unit, number_at = find_number(sentence, named)
    kind, kind_word = decide_kind(sentence, status, bool(value))
    if kind == "meeting" and cue and reported_beyond(sentence, cue, kind_word):
        kind, kind_word = "statement", ""  # "Переговоры … назвал …, что Россия увеличит…"
    # how the status was chosen, as a note review says in the reader's language
    status_from: str = "cue" if cue else Said("draft.why.outlet")
    if kind == "document" and status != "signed":
        status, status_from = "signed", Said("draft.why.signing", word=kind_word)
    elif kind in DESCRIPTIVE_KINDS and status in DESCRIBED_STATUSES and not (
            kind == "statement" and status == "done" and cue_tense == "past") and not (
            status == "ongoing" and (normalize(cue).startswith(WORK_UNDER_WAY) or
                                     activity(sentence, cue))):
        # "отношения развиваются" describes; "в Омске прошла выставка" (a past perfective
        # verb of a statement) reports something that was done
        status, status_from = "reported", Said("draft.why.describes", cue=cue,
                                               kind=word("kind", kind))
    if not dates and whole is not sentence:
        dates = find_dates(whole.text, published, tense)
        dates = not_naming_documents(whole.text, [d for d in dates
                                                  if d.start >= opening_dateline(whole.text)])
        if group is not None and group.act and not normalize(sentence.text).startswith(
                SECOND_ACTS):
            # "Губернаторы подписали … и договорились провести встречу в июне": the June is
            # the meeting's; an act joined by "и", "а", "а также" takes only the frame
            # before the first act's verb ("В марте …"), else the article's day
            dates = frame_times(whole, dates)
    if dates and tense == "present" and _nowadays(sentence, dates[0]):
        dates = dates[1:]
    normal = normalize(sentence.text)
    cue_at = find(normalize(cue), normal)[0] if cue and find(normalize(cue), normal) else 0
    if cue and whole is sentence:
        dates = own_times(sentence, dates, cue_at, cue_tense)  # "Вчера …, а сегодня подписали"
    denial = denied(sentence)
    if denial is not None and not cue:
        # "опроверг информацию о планах открыть центр в мае": the May is the denied plan's
        dates = [d for d in dates if not denial[0] <= sentence.start + d.start < denial[1]]
    dates = moved_dates(sentence.text, dates, published)  # "перенесена на 20 марта": the new date
    dated = explicit(dates) if dates else publication(published)
    deed = to_do and dated.basis != "publication" and dated.start > cue_at
    focus = sentence.start + (cue_at if cue else max(number_at, 0))
    spans = evidence(sentence, article.text, focus)
    if group is not None and len(spans) == 1:
        spans = _group_evidence(group, sentence, lead, cue, article.text)
    sectors = find_sectors(sentence, lexicon_)
    if before is not None and spans and spans[0][0] == whole.start:
        joined = join(before, whole, spans, article.text,
                      theme=continues(whole) == "personal")
        if joined == spans and not alone:
            return None  # too little of the sentence it continues fits beside it
        if not sectors and joined != spans:
            sectors = find_sectors(sub_sentence(before, joined[0][0], min(
                joined[0][1], before.stop), article.text), lexicon_)
        spans = joined if _length(joined) <= EVIDENCE_LIMIT else spans
    if not spans:
        return None
    quoted = EVIDENCE_JOINER.join(article.text[a:b] for a, b in spans)
    if quoted[:1] in FORMULA_START or whole.text[:1] in FORMULA_START:
        # "-2 млрд …": verbatim, it would start a spreadsheet formula, which the loader
        # refuses; cutting the sign would alter the figure. Left for a curator, and counted
        # in add's summary ("skipped: 1 (formula start)").
        raise Skipped(FORMULA)
    entity = sentence.entities[0].normal if sentence.entities else ""
    why = Why(cue, status_from, kind_word, entity)
    return Draft(
        sentence=sentence.index, part=part, kind=kind, date=dated,
        sectors=sectors, status=status,
        speaker=find_speaker(sentence, article.publisher) or find_speaker(
            whole, article.publisher), text=whole.text,
        evidence=quoted, evidence_spans=spans, value=value, unit=unit,
        names=find_names(sentence, lexicon_), why=why,
        event_word=invited and invited_kind(sentence) or event_word(sentence) or event_word(
            whole) or elided_event(whole, annotated.sentences[whole.index - 1]
                                   if whole.index else None),
        after=before.index if before is not None else -1,
        event_date=invited[0] if invited else None, deed=deed)


def _drafts(piece: tuple, annotated: Annotated, lexicon_: Lexicon, published: Published,
            before: Sentence | None) -> bool:
    """Whether one act of a coordinated sentence drafts (or is skipped for a reason counted):
    a split that would lose an act silently is no split."""
    sentence, number, whole, head, group = piece
    if attribution_only(sentence):
        return True
    try:
        return draft_sentence(sentence, annotated, lexicon_, published, number, whole, head,
                              group, before) is not None
    except Skipped:
        return True


def _dateline(sentence: Sentence, published: Published) -> bool:
    """A place and a date with no predicate ("Астана, 8 апреля 2029 года"): a dateline."""
    return not any(t.pos in PREDICATE_POS for t in sentence.tokens) and \
        len(letters(sentence)) <= DATELINE_WORDS and any(
            d.precision == "day" for d in find_dates(sentence.text, published))


DATELINE_WORDS = 6  # words of a dateline at most: a place or two, a month, "года"


def _frame_only(sentence: Sentence, piece: Sentence, groups: list[Group]) -> bool:
    """A clause group of a long sentence that holds only the frame of a reported clause
    ("Сегодня X сообщил журналистам, что …", with the clause's first words cut off where the
    group ends) while another group holds the clause: the frame is no fact of its own (its
    speaker and time are read from the whole sentence), and drafting it would say the clause
    twice, once cut mid-phrase. A group whose own cue stands before the frame's end ("подписал
    соглашение и сообщил, что …") is kept."""
    frame = frame_end(sentence)
    clause = sentence.start + frame - len("что")  # where the reported clause's group opens
    if frame < 0 or piece.start >= clause or not any(g.start >= clause for g in groups):
        return False
    cue = decide_status(piece)[1]
    at = find(normalize(cue), normalize(piece.text)) if cue else []
    return not at or piece.start + at[0] >= sentence.start + frame


def _nowadays(sentence: Sentence, dated: Dated) -> bool:
    """"Сегодня" with a present-tense verb and no event named ("сегодня сотрудничество
    развивается") means nowadays, not the article's day: no date of its own. With an event
    ("сегодня проходят переговоры") or a past verb ("сегодня состоялись") it is the day."""
    said = normalize(sentence.text[dated.start:dated.stop])
    return said in ("сегодня", "today") and not event_word(sentence)


def _length(spans: tuple[tuple[int, int], ...]) -> int:
    return sum(b - a for a, b in spans) + len(EVIDENCE_JOINER) * (len(spans) - 1)


def _group_evidence(group: Group, piece: Sentence, lead: Sentence | None, cue: str,
                    text: str) -> tuple[tuple[int, int], ...]:
    """A clause group's evidence: the subject's head words before a predicate cut from its
    long subject; the group with the clauses around it that fit; but for a group with no
    predicate whose window misses the head clause's cue ("по запуску программы…"), the
    head's cue words before it (with_lead)."""
    if group.subject:
        return (group.subject, (group.start, group.stop))
    if group.name:
        return ((group.start, group.stop), group.name)
    if lead is not None and not any(t.pos in FINITE_POS for t in piece.tokens):
        at = find(normalize(cue), normalize(lead.text))
        where = lead.start + (at[0] if at else 0)
        if group.left <= where < group.right:
            return ((group.left, group.right),)
        # one excerpt reaching back over the cue, when it holds the words the lead would
        # quote before the cue (with_lead); else the lead's words as a piece of their own
        low = max(lead.start, group.stop - EVIDENCE_LIMIT)
        start = low if low == lead.start or text[low - 1].isspace() else \
            text.find(" ", low, where) + 1
        opening = len(re.findall(r"\w+", text[lead.start:where]))
        if 0 < start <= (lead.start if opening <= 2 else where) and where < group.start:
            return ((start, group.stop),)
        return with_lead(lead, cue, (group.start, group.stop), text)
    return ((group.left, group.right),)


def draft_article(annotated: Annotated, lexicon_: Lexicon,
                  skipped: dict[str, set[int]] | None = None) -> list[Draft]:
    """Drafts in text order: one per sentence, or one per clause group of a long sentence.
    Sentences left undrafted for a reason the user should hear of (a formula start) are
    collected in ``skipped`` (reason -> sentence numbers)."""
    published = annotated.article.date
    assert published is not None
    text = annotated.article.text
    found = []
    furnished = furniture(annotated)
    for sentence in annotated.sentences:
        if sentence.index in furnished:
            continue  # a headline, a caption, "Читайте также", "Об этом сообщает ТАСС."
        too_long = sentence.stop - sentence.start > LONGEST_SENTENCE
        if too_long or third_only(sentence):
            if skipped is not None:
                skipped.setdefault(TOO_LONG if too_long else THIRD_ONLY, set()).add(
                    sentence.index)
            continue
        before = antecedent(annotated.sentences, sentence.index, text)
        if before is not None and (before.index in furnished or _dateline(before, published)):
            before = None  # a headline or a dateline is no antecedent
        parts = coordinated(sentence) if fits_whole(sentence, text) else []
        if parts:
            # "…, причём …", "…, а также обсудили …": two predicates, two facts, each part
            # verbatim with its own verb deciding its status
            subject = subject_of(sentence, parts[0])
            pieces = [(sub_sentence(sentence, a, b, text), number, sentence, None,
                       Group(a, b, a, b, subject if number > 1 else None, False, act=True))
                      for number, (a, b) in enumerate(parts, 1)]
            if not all(_drafts(piece, annotated, lexicon_, published, before)
                       for piece in pieces):
                pieces = [(sentence, 0, sentence, None, None)]  # both acts, or no split
        elif fits_whole(sentence, text):
            pieces = [(sentence, 0, sentence, None, None)]
        else:
            groups = [g for g in clause_groups(sentence, text) if not g.only_subject]
            parts = [sub_sentence(sentence, group.start, group.stop, text) for group in groups]
            head = next((p for p in parts if decide_status(p)[1]), None)
            pieces = [(piece, number, sentence, head, group)
                      for number, (piece, group) in enumerate(zip(parts, groups), 1)
                      if not _frame_only(sentence, piece, groups)]
        for piece, number, whole, head, group in pieces:
            if number and attribution_only(piece):
                continue  # "…, 3 июля сообщает РИА Новости": the channel, not a fact
            try:
                drafted = draft_sentence(piece, annotated, lexicon_, published, number, whole,
                                         head, group, before)
            except Skipped as why:
                if skipped is not None:
                    skipped.setdefault(why.reason, set()).add(sentence.index)
                continue
            if drafted is not None:
                found.append(continued(that_day(drafted, found), found, annotated,
                                       published))
    carried = carry_speakers(found, annotated, annotated.article.publisher,
                             lambda name: canonical(name, lexicon_) if name else "")
    # speakers as the table writes them, in English (a title left unresolved stays); each
    # draft as review accepts it once summarised (kzru.curate.accepts)
    return [acceptable(draft if not draft.speaker or is_title(draft.speaker) else draft._replace(
        speaker=speaker_english(draft.speaker, lexicon_)), published) for draft in carried]
