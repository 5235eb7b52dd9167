"""Link drafts to events: a known event when the date and place fit, else a proposed one.

A sentence naming a visit, talks, a meeting, summit or forum (kzru.cues.EVENT_KINDS) is a
mention: its kind, date, places and sides (guest → host: who arrived where). A mention fits
an event whose days hold its date and whose places or kind agree; a finer mention refines a
coarser event proposed earlier in the same article ("в этом году" → "10 и 11 февраля"). A
mention that fits nothing becomes a proposed event, itself a draft. A sentence without a
mention joins the article's main event when its own date lies in the event's days, or, dated
only by the article, when the article appeared during the event and the sentence reports an
act (signed, agreed), names an event or the sides ("стороны", "главы государств").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable, NamedTuple

from kzru.cues import (
    ANAPHORA_PREPOSITIONS,
    ANAPHORA_STARTS,
    ARRIVAL_VERBS,
    BACKGROUND_WORDS,
    COUNTRIES,
    COUNTRY_NAMES,
    EVENT_FRAMING,
    EVENT_TITLES,
    GENERIC_WORDS,
    GROUP_SPEAKERS,
    PARTICIPANT_WORDS,
    REPORT_DAYS,
    REPORTED_CUES,
)
from kzru.curate.annotate import Sentence
from kzru.curate.dates import CONTINUES
from kzru.curate.draft import Draft
from kzru.model import Event
from kzru.text import normalize

VISITS = {"state-visit", "working-visit", "official-visit", "talks", "meeting", "visit"}
_VISIT_KINDS = {"state-visit", "working-visit", "official-visit"}
PARTS = {"talks", "meeting"}  # what a visit's programme is made of
ACTS = {"signed", "agreed"}
_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                 "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                 "", "e", "yu", "ya"]))


def latin(text: str) -> str:
    return "".join(_CYR.get(char, char) for char in normalize(text))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", latin(text)).strip("-")[:30].strip("-")


def country_of(place: str) -> str:
    word = normalize(place)
    for side, stems in COUNTRIES.items():
        if any(word.startswith(stem) for stem in stems):
            return side
    return ""


class Mention(NamedTuple):
    kind: str  # '' when only an arrival verb names the visit
    start: date
    end: date
    precision: str
    basis: str
    note: str
    places: tuple[str, ...]
    host: str
    guest: str


def _span(draft: Draft) -> tuple[date, date]:
    start = draft.date.date
    if draft.date.end:
        return start, draft.date.end
    if draft.date.precision == "month":
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start, following - timedelta(days=1)
    if draft.date.precision == "year":
        return start, date(start.year, 12, 31)
    return start, start


def mention(draft: Draft, sentence: Sentence, article_date: date, article_precision: str
            ) -> Mention | None:
    """The event a sentence names, or None."""
    text = normalize(sentence.text)
    arrives = any(re.search(rf"(?<!\w){verb}", text) for verb in ARRIVAL_VERBS)
    if not draft.event_word and not arrives or _holds(text, GENERIC_WORDS):
        return None  # "как правило, во время визитов…" names no one event
    places = tuple(dict.fromkeys(
        e.normal for e in sentence.entities if e.type == "place"
        and not any(normalize(e.normal).startswith(c) for c in COUNTRY_NAMES)))
    host = ""
    for entity in sentence.entities:  # "в Казахстан", "в Москву": where someone went
        if entity.type == "place":
            before = normalize(sentence.text[:entity.start - sentence.start]).split()[-1:]
            if before in (["в"], ["во"]) and country_of(entity.normal):
                host = country_of(entity.normal)
                break
    if not host:
        sides = [country_of(p) for p in places if country_of(p)]
        host = sides[0] if sides else ""
    guest = {"kz": "ru", "ru": "kz"}.get(host, "")
    if draft.date.basis == "publication":
        if sentence.tense() == "future" or article_precision != "day" or not (places or host):
            return None  # a place, or the country someone went to ("визит … в Казахстан")
        return Mention(draft.event_word, article_date, article_date, "day", "inferred",
                       f"The text gives no date; the article's date ({article_date}), as the "
                       f"sentence reports it in the {sentence.tense() or 'present'} tense.",
                       places, host, guest)
    start, end = _span(draft)
    basis = "stated" if draft.date.basis == "stated" else "inferred"
    return Mention(draft.event_word, start, end, draft.date.precision, basis,
                   draft.date.note, places, host, guest)


def _overlaps(m: Mention, event: Event) -> bool:
    return m.start <= event.end and event.start <= m.end


def concrete(places: Iterable[str]) -> set[str]:
    """Places below a country (a country stands in for places unknown)."""
    return {normalize(p) for p in places
            if not any(normalize(p).startswith(c) for c in COUNTRY_NAMES)}


def _fits(m: Mention, event: Event) -> bool:
    """Days overlap, and a place is shared or one side names none and the kinds agree (a
    visit's talks and meetings belong to the visit)."""
    if not _overlaps(m, event):
        return False
    family = (m.kind in VISITS) == (event.kind in VISITS) if m.kind else True
    mine, theirs = concrete(m.places), concrete(event.places)
    return bool(mine & theirs) or (family and (not mine or not theirs))


_RANK = {"day": 0, "month": 1, "season": 2, "year": 3}
# A visit names the whole programme; talks and meetings are parts of it.
_SPECIFIC = {"state-visit": 3, "official-visit": 3, "working-visit": 2, "talks": 1,
             "meeting": 1}


class Linker:
    """Events known to the data folder plus those proposed during this add."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.events: dict[str, Event] = {event.id: event for event in events}
        self.proposed: set[str] = set()

    def _propose(self, m: Mention, source: str) -> str | None:
        """A new draft event, only from a mention that names its kind ("государственный
        визит", "переговоры", "саммит"…); a bare "визит" or an arrival only links."""
        if not m.kind or not m.host or m.kind == "visit":
            return None
        place = m.places[0] if m.places else ""
        base = f"{m.start:%Y-%m}-{m.kind}" + (f"-{slug(place)}" if place else "")
        event_id, number = base, 2
        while event_id in self.events:
            event_id, number = f"{base}-{number}", number + 1
        title_ru, title_en = EVENT_TITLES[m.kind]
        where = ", ".join(m.places)
        self.events[event_id] = Event(
            id=event_id, kind=m.kind, title_ru=f"{title_ru}: {where}" if where else title_ru,
            title_en=f"{title_en}: {', '.join(latin(p).title() for p in m.places)}"
            if where else title_en,
            start=m.start, end=m.end, date_precision=m.precision, date_basis=m.basis,
            date_note=m.note, host=m.host, guest=m.guest,
            places=m.places or (("Казахстан",) if m.host == "kz" else ("Россия",)),
            sources=(source,), review="draft")
        self.proposed.add(event_id)
        return event_id

    def _refine(self, event_id: str, m: Mention) -> None:
        """A proposed event takes a finer date that lies within it, places it lacked, and a
        more specific kind (a state visit over talks)."""
        event = self.events[event_id]
        if event_id not in self.proposed:
            return
        if _RANK[m.precision] < _RANK[event.date_precision]:
            event = event._replace(start=m.start, end=m.end, date_precision=m.precision,
                                   date_basis=m.basis, date_note=m.note)
        elif m.precision == event.date_precision == "day" and m.end > event.end and \
                (m.start - event.end).days <= 1:
            event = event._replace(end=m.end)
        if concrete(m.places) - concrete(event.places):
            event = event._replace(places=tuple(dict.fromkeys(
                [*(p for p in event.places if normalize(p) in concrete(event.places)),
                 *(p for p in m.places if normalize(p) in concrete(m.places))])))
        if m.kind and _SPECIFIC.get(m.kind, 0) > _SPECIFIC.get(event.kind, 0):
            event = event._replace(kind=m.kind)
        self.events[event_id] = event

    def settle(self, links: list[str], fresh: set[str]) -> list[str]:
        """Name each event proposed for this article (``fresh``) by its final month, kind and
        first place (a refined date or kind changes the name); return the links renamed."""
        renamed: dict[str, str] = {}
        for old in sorted(fresh):
            event = self.events.pop(old)
            place = next((p for p in event.places if normalize(p) in concrete(event.places)),
                         "")
            base = f"{event.start:%Y-%m}-{event.kind}" + (f"-{slug(place)}" if place else "")
            new, number = base, 2
            while new in self.events:
                new, number = f"{base}-{number}", number + 1
            self.events[new] = event._replace(id=new)
            renamed[old] = new
        self.proposed = (self.proposed - fresh) | set(renamed.values())
        return [renamed.get(link, link) for link in links]

    def link(self, m: Mention, source: str, main: str | None) -> str | None:
        if main and main in self.events and m.kind in PARTS and \
                self.events[main].kind in _VISIT_KINDS and _overlaps(m, self.events[main]):
            return main  # a visit's talks and meetings, on its days, are the visit's
        fitting = [event for event in self.events.values() if _fits(m, event)]
        if fitting:
            best = min(fitting, key=lambda e: (e.kind != m.kind, _RANK[e.date_precision],
                                               e.id not in self.proposed))
            self._refine(best.id, m)
            return best.id
        if main and not m.places and main in self.events:
            event = self.events[main]
            if _overlaps(m, event) or m.precision == "day" and \
                    0 <= (m.start - event.end).days <= 1:
                # an event held during or right after the main one is hosted by the same
                # side; its place is only what the text gives (none here), never borrowed
                m = m._replace(host=m.host or event.host, guest=m.guest or event.guest)
        return self._propose(m, source)


def link_article(drafts: list[Draft], sentences: dict[int, Sentence], source: str,
                 article_date: date, article_precision: str, linker: Linker) -> list[str]:
    """The event id for each draft ('' for none), proposing events as needed.

    First every mention is linked (or proposes an event), in text order; the first visit,
    talks or meeting linked is the article's main event, and the draft that named it says
    whether the article reports it or previews it (its tense). Then each draft left
    without an event, dated only by the article, is placed by the article's framing: an
    undated mention of a kind joins this article's last event of that kind ("форум" after
    the forum was named), a sentence that continues an earlier one (kzru.curate.context:
    "В мероприятии примет участие…") or opens with a pronoun or demonstrative takes its
    event, and the rest join the main event by ``_background``."""
    links = [""] * len(drafts)
    main: str | None = None
    preview = False
    for index, draft in enumerate(drafts):
        sentence = sentences[draft.sentence]
        m = mention(draft, sentence, article_date, article_precision)
        found = linker.link(m, source, main) if m else None
        if found and main is None and linker.events[found].kind in VISITS:
            main = found
            preview = draft.status in ("planned", "expected") or \
                sentence.tense() == "future" or _upcoming(draft)
        links[index] = found or ""
    if main is None:
        # no visit, talks or meeting named: a report of a forum or summit (the leaders met
        # "в рамках форума") is about that event, the first its lead or body names
        first = next((index for index, link in enumerate(links) if link), None)
        if first is not None:
            main = links[first]
            preview = drafts[first].status in ("planned", "expected") or \
                sentences[drafts[first].sentence].tense() == "future" or \
                _upcoming(drafts[first])
    lead = set(sorted({draft.sentence for draft in drafts})[:2])  # headline and lead
    for index, draft in enumerate(drafts):
        if links[index] or _holds(normalize(draft.text), GENERIC_WORDS):
            continue  # a general remark ("как правило…") is about no one event
        sentence = sentences[draft.sentence]
        found = ""
        if draft.event_word and draft.date.basis == "publication":
            found = _same_kind(draft.event_word, links[:index], linker) or \
                _same_place(sentence, links[:index], linker)
        continued = bool(index) and (draft.date.basis == "publication" and _continues(
            sentence, drafts[index - 1], sentences) or draft.date.note.startswith(CONTINUES))
        earlier = [n for n in range(index) if drafts[n].sentence == draft.after]
        if not found and earlier and draft.date.basis == "publication":
            found = links[earlier[-1]]  # the event of the sentence it continues, or none
        elif not found and continued:
            found = links[index - 1]  # the sentence before's event, or none, as it had
        elif not found and main:
            found = _background(draft, sentence, linker.events[main], article_date,
                                article_precision, preview, draft.sentence in lead)
        links[index] = found
    return links


def _upcoming(draft: Draft) -> bool:
    """The draft names its event as one to come ("предстоящий визит")."""
    return bool(re.search(r"(?<!\w)(?:предстоящ|будущ|upcoming)", normalize(draft.text)))


def _same_kind(kind: str, links: list[str], linker: Linker) -> str:
    """The last event of this article of the kind an undated mention names: "форум" after
    the forum was named is that forum, not the visit the article is about."""
    for event_id in reversed(links):
        if event_id and linker.events[event_id].kind == kind:
            return event_id
    return ""


def _continues(sentence: Sentence, before: Draft, sentences: dict[int, Sentence]) -> bool:
    """The sentence opens with a pronoun or demonstrative ("Его тема…", "Этот документ…")
    and directly follows the draft before it: it speaks of the same thing."""
    if before.sentence not in (sentence.index, sentence.index - 1):
        return False
    first = [w.strip("«\"(,") for w in normalize(sentence.text).split(maxsplit=2)[:2]]
    if len(first) == 2 and first[0] in ANAPHORA_PREPOSITIONS:
        first = first[1:]  # "В ней…", "О нем…"
    return bool(first) and first[0] in ANAPHORA_STARTS


def _same_place(sentence: Sentence, links: list[str], linker: Linker) -> str:
    """An undated mention ("в Москве прошли переговоры") joins an event of this article held
    where the sentence says."""
    places = concrete(e.normal for e in sentence.entities if e.type == "place")
    for event_id in dict.fromkeys(reversed([link for link in links if link])):
        if places & concrete(linker.events[event_id].places):
            return event_id
    return ""


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


def _background(draft: Draft, sentence: Sentence, event: Event, article_date: date,
                precision: str, preview: bool, lead: bool) -> str:
    """Join the main event, by the article's framing.

    A dated draft joins when its days lie within the event's. An undated one never when it
    sets itself before the event or speaks in general ("ранее", "как правило"). In a report
    (the article appeared during the event or soon after): the headline and lead, a
    sentence framed by the event ("по итогам переговоров", "в ходе визита"), one naming an
    event or the sides, an arrival, something done (past tense), and one whose verb is an
    act or outcome of talks (signed, agreed, planned; обсудили, отметили, подчеркнули)
    join it. In a preview (the event named as one to come), only a sentence that names the
    event, the sides or its framing."""
    if draft.date.basis != "publication":
        start, end = _span(draft)
        return event.id if event.start <= start and end <= event.end else ""
    text = normalize(draft.text)
    if _holds(text, BACKGROUND_WORDS) or not _reports(event, article_date, precision):
        return ""
    framed = _holds(text, EVENT_FRAMING)
    sides = _holds(text, PARTICIPANT_WORDS)
    if preview:
        return event.id if framed or sides or draft.event_word else ""
    talk = bool(draft.why.cue) and normalize(draft.why.cue).startswith(REPORTED_CUES)
    arrives = any(re.search(rf"(?<!\w){verb}", text) for verb in ARRIVAL_VERBS)
    done = draft.status == "done" and sentence.tense() == "past"
    # what a named speaker said, in a report of the event (not a preview), was said there
    said = bool(draft.speaker) and draft.speaker not in GROUP_SPEAKERS.values()
    if lead or framed or sides or draft.event_word or talk or arrives or done or said or \
            draft.status in ACTS | {"planned"}:
        return event.id
    return ""


def _holds(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether a phrase begins a word of ``text`` (normalised)."""
    return any(re.search(rf"(?<!\w){re.escape(phrase)}", text) for phrase in phrases
               if phrase.split()[0] in text)
