"""Which sentences of an article join its main event by the article's framing alone: those
dated only by the article, or dated within the event's days, that no mention of their own
links (kzru.curate.events decides which event is the main one and asks here).

A report (the article appeared during the event or soon after) and a preview (the event
is still to come) frame differently; see ``background``. Kept apart from the linking of
mentions (kzru.curate.events): this is the article's framing, that is what sentences name.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kzru.cues import (
    GROUP_SPEAKERS,
    REPORTED_CUES,
)
from kzru.curate.annotate import Sentence
from kzru.curate.draft import Draft
from kzru.curate.mentions import ACTS, VISIT_KINDS, holds, host_of, span, venues
from kzru.event_cues import (
    ANAPHORA_STARTS,
    ARRIVAL_VERBS,
    BACKGROUND_WORDS,
    EVENT_FRAMING,
    PARTICIPANT_WORDS,
    REPORT_DAYS,
    TOTAL_WORDS,
    YEARS_SPAN,
)
from kzru.model import Event
from kzru.text import normalize


def _reports(event: Event, article_date: date, precision: str) -> bool:
    """The article appeared while the event went on or within REPORT_DAYS after it (an
    article dated by its month or year: that period overlaps those days)."""
    start = article_date
    if precision == "month":
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    elif precision == "year":
        end = date(start.year, 12, 31)
    else:
        end = start
    return start <= event.end + timedelta(days=REPORT_DAYS) and event.start - \
        timedelta(days=7) <= end


def background(draft: Draft, sentence: Sentence, event: Event, article_date: date,
                precision: str, preview: bool, lead: bool) -> str:
    """Join the main event, by the article's framing.

    A dated draft joins when its days lie within the event's. An undated one never when it
    sets itself before the event or speaks in general ("ранее", "как правило"). In a report
    (the article appeared during the event or soon after): the headline and lead, a
    sentence framed by the event ("по итогам переговоров", "в ходе визита"), one naming an
    event or the sides, an arrival, something done (past tense), and one whose verb is an
    act or outcome of talks (signed, agreed, planned; обсудили, отметили, подчеркнули)
    join it. In a preview (the event named as one to come), only a sentence that names the
    event, the sides or its framing; so does one dated to a day of the fortnight before the
    article ("накануне стороны согласовали…"): the event's preparation, not its history."""
    text = normalize(draft.text)
    framed = holds(text, EVENT_FRAMING)
    sides = holds(text, PARTICIPANT_WORDS)
    arrives = any(re.search(rf"(?<!\w){verb}", text) for verb in ARRIVAL_VERBS)
    if arrives and event.kind in VISIT_KINDS and host_of(sentence, venues(sentence)) not in (
            "", event.host):
        return ""  # a trip to the other country ("посетить Оренбург") is not the visit to
        # this one, whatever words frame it
    if draft.date.basis != "publication":
        start, end = span(draft)
        recent = preview and draft.date.precision == "day" and \
            0 <= (article_date - start).days <= REPORT_DAYS and start < event.start
        return event.id if event.start <= start and end <= event.end or recent and (
            framed or sides or draft.event_word) else ""
    if holds(text, BACKGROUND_WORDS):
        return ""
    if preview:  # however far ahead the event ("визит запланирован на май")
        return event.id if framed or sides or draft.event_word else ""
    if not _reports(event, article_date, precision):
        return ""
    talk = bool(draft.why.cue) and normalize(draft.why.cue).startswith(REPORTED_CUES)
    done = draft.status == "done" and sentence.tense() == "past"
    # what a named speaker said, in a report of the event (not a preview), was said there
    said = bool(draft.speaker) and draft.speaker not in GROUP_SPEAKERS.values()
    # (work that will go on, "сотрудничество продолжится", is an outcome like a plan)
    ahead = draft.status == "ongoing" and sentence.tense() == "future"
    if lead or framed or sides or draft.event_word or talk or arrives or done or said or \
            ahead or draft.status in ACTS | {"planned"}:
        return event.id
    return ""


def standing_figure(draft: Draft, sentence: Sentence, before: Draft | None) -> bool:
    """A figure told as the relations' background, which joins no event whatever the
    article's framing: dated only by the article, said by no one and through no verb of
    talks, naming no event and nothing of the meeting ("в ходе визита"), and either a state
    in the present tense ("Организация насчитывает 10 членов", "товарооборот составляет…")
    or a total or a span of years ("всего", "за десять лет вырос…"). A sentence that takes
    up what the one before named by a pronoun ("Всего он включает 36 пунктов") keeps its
    link, and so does a general noun taking up what the meeting signed or agreed ("Документ
    включает 15 статей" after "подписали соглашение"): that is the meeting's own."""
    if not draft.value or draft.date.basis != "publication" or draft.event_word or \
            draft.speaker or draft.status not in ("reported", "ongoing"):
        return False
    text = normalize(draft.text)
    if holds(text, EVENT_FRAMING) or draft.why.cue and normalize(draft.why.cue).startswith(
            REPORTED_CUES):
        return False
    verb = next((t.start for t in sentence.tokens if t.pos in ("VERB", "INFN") or t.tense),
                sentence.stop)
    opening = re.findall(r"\w+", normalize(sentence.text[:verb - sentence.start]))
    if set(opening) & set(ANAPHORA_STARTS) or before is not None and (
            before.status in ACTS or before.kind == "document"):
        return False
    return sentence.tense() == "present" or holds(text, TOTAL_WORDS) or bool(
        re.search(YEARS_SPAN, text))
