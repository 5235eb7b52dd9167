"""Link drafts to events: a known event when the date and place fit, else a proposed one.

A sentence naming a visit, talks, a meeting, summit or forum (kzru.event_cues.EVENT_KINDS) is a
mention (kzru.curate.mentions): its kind, date, places and sides. A mention fits
an event whose days hold its date and whose places or kind agree; a finer mention refines a
coarser event proposed earlier in the same article ("в этом году" → "10 и 11 февраля"). A
mention that fits nothing becomes a proposed event, itself a draft. A sentence without a
mention joins the article's main event when its own date lies in the event's days, or, dated
only by the article, when the article appeared during the event and the sentence reports an
act (signed, agreed), names an event or the sides ("стороны", "главы государств"). A visit
named once by who goes where and when and once by its kind is one visit; an event to come
is never the one the article reports held; a telephone conversation is a call of its own.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from kzru.curate.annotate import Sentence
from kzru.curate.background import background, standing_figure
from kzru.curate.dates import CONTINUES
from kzru.curate.draft import Draft
from kzru.curate.mentions import (
    VISIT_KINDS,
    VISITS,
    Mention,
    article_side,
    city_of,
    concrete,
    country_of,
    distinct,
    holds,
    latin,
    mention,
    slug,
    third_visitor,
    upcoming,
    venue_places,
    venues,
)
from kzru.curate.visits import named_twice, visit_places
from kzru.event_cues import (
    ANAPHORA_PREPOSITIONS,
    ANAPHORA_STARTS,
    BACKGROUND_WORDS,
    EVENT_FRAMING,
    EVENT_TITLES,
    HOST_TITLES,
    PHONE_TITLES,
    PHONE_WORDS,
)
from kzru.model import Event
from kzru.report_cues import UNNAMED_VISIT
from kzru.text import normalize

PARTS = {"talks", "meeting"}
NO_KIND = ("The text says a visitor arrived, or who visited where, and names no kind of "
           "visit: proposed as a working visit for the reviewer to settle.")


def _overlaps(m: Mention, event: Event) -> bool:
    return m.start <= event.end and event.start <= m.end


def _fits(m: Mention, event: Event) -> bool:
    """Days overlap, and a place is shared or one side names none and the kinds agree (a
    visit's talks and meetings belong to the visit). An event to come is not one held to
    the day by the article's date ("в конце ноября приедет" after a visit reported done)."""
    if not _overlaps(m, event):
        return False
    if m.ahead and event.date_precision == "day" and event.end < m.ahead:
        return False
    family = (m.kind in VISITS) == (event.kind in VISITS) if m.kind else True
    mine, theirs = concrete(m.places), concrete(event.places)
    return bool(mine & theirs) or (family and (not mine or not theirs))


def _goes_on(m: Mention, event: Event) -> bool:
    """A visit held to this day that the text says goes on ("Визит продлится с 14 по 15
    мая" after the guest arrived on the 14th): the mention's days start within it and run
    on, both to the day, and it is a visit's."""
    return m.precision == event.date_precision == "day" and m.start <= event.end < m.end \
        and event.kind in VISITS and m.kind in VISITS | {""}


def _key_date(start: date, precision: str) -> str:
    """The date part of a proposed event's id, never finer than the text gives: the month
    when it names a month or a day, else the year and "00", no month ("в конце прошлого
    года" → "2021-00"; the ids' pattern in datapackage.json asks for two digits there)."""
    return f"{start:%Y-%m}" if precision in ("day", "month") else f"{start:%Y}-00"


_RANK = {"day": 0, "month": 1, "season": 2, "year": 3}
# A visit names the whole programme; talks and meetings are parts of it.
_SPECIFIC = {"state-visit": 3, "official-visit": 3, "working-visit": 2, "talks": 1,
             "meeting": 1}


class Linker:
    """Events known to the data folder plus those proposed during this add."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.events: dict[str, Event] = {event.id: event for event in events}
        self.proposed: set[str] = set()
        self.calls: set[str] = set()  # proposed events that are telephone conversations
        self.held: set[str] = set()  # proposed events a sentence reports as held
        # draft index -> the event an invitation proposes without belonging to it (the last
        # article linked): review accepts it with the invitation (kzru.curate.review)
        self.invited: dict[int, str] = {}

    def _propose(self, m: Mention, source: str) -> str | None:
        """A new draft event, only from a mention that names its kind ("государственный
        визит", "переговоры", "саммит"…); a bare "визит" or an arrival only links."""
        if m.arrived and m.kind in ("", "visit") and m.host or \
                m.kind == "visit" and m.host and m.guest and m.ahead is None and \
                m.precision in ("day", "month"):
            # a visitor arrived in a city or in one side's country ("прилетел в
            # Казахстан"), or the text dates a past visit to its month or
            # day and says who went where ("в ноябре 2028 года по итогам визита президента
            # России в Казахстан"), and it names no kind: a visit all the same
            m = m._replace(kind=UNNAMED_VISIT, note=" ".join(filter(None, (m.note, NO_KIND))))
        if not m.kind or not m.host or m.kind == "visit":
            return None
        place = m.places[0] if m.places else ""
        base = f"{_key_date(m.start, m.precision)}-{m.kind}" + (
            f"-{slug(place)}" if place else "")
        event_id, number = base, 2
        while event_id in self.events:
            event_id, number = f"{base}-{number}", number + 1
        title_ru, title_en = PHONE_TITLES if m.phone else EVENT_TITLES[m.kind]
        where = ", ".join(m.places)
        where_en = ", ".join(latin(p).title() for p in m.places)
        if not where and not m.phone and m.kind in VISIT_KINDS and m.host in HOST_TITLES:
            where, where_en = HOST_TITLES[m.host]  # a visit to the country, no city named
        self.events[event_id] = Event(
            id=event_id, kind=m.kind, title_ru=f"{title_ru}: {where}" if where else title_ru,
            title_en=f"{title_en}: {where_en}" if where else title_en,
            start=m.start, end=m.end, date_precision=m.precision, date_basis=m.basis,
            date_note=m.note, host=m.host, guest=m.guest,
            places=m.places,  # cities only: a call or an unplaced event names none
            sources=(source,), review="draft")
        self.proposed.add(event_id)
        if not m.ahead:
            self.held.add(event_id)
        if m.phone:
            self.calls.add(event_id)
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
            event = event._replace(places=distinct(
                [*(p for p in event.places if normalize(p) in concrete(event.places)),
                 *(p for p in m.places if normalize(p) in concrete(m.places))]))
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
            base = f"{_key_date(event.start, event.date_precision)}-{event.kind}" + (
                f"-{slug(place)}" if place else "")
            new, number = base, 2
            while new in self.events:
                new, number = f"{base}-{number}", number + 1
            self.events[new] = event._replace(id=new)
            renamed[old] = new
        self.proposed = (self.proposed - fresh) | set(renamed.values())
        self.calls = {renamed.get(call, call) for call in self.calls}
        self.held = {renamed.get(held, held) for held in self.held}
        return [renamed.get(link, link) for link in links]

    def link(self, m: Mention, source: str, main: str | None) -> str | None:
        if main and main in self.events and m.kind in PARTS and \
                self.events[main].kind in VISIT_KINDS:
            visit = self.events[main]
            if _overlaps(m, visit):
                return main  # a visit's talks and meetings, on its days, are the visit's
            if main in self.proposed and m.precision == visit.date_precision == "day" and \
                    0 < (m.start - visit.end).days <= 1 and m.host in ("", visit.host):
                # talks the day after the guest arrived, in the host country: the visit
                # goes on ("11 ноября прибыл… 12 ноября прошли переговоры")
                self.events[main] = visit._replace(end=m.end)
                return main
        fitting = [event for event in self.events.values() if _fits(m, event) and not (
            m.ahead and event.id in self.held and event.end <= m.ahead and not _goes_on(
                m, event))]
        if fitting:
            best = min(fitting, key=lambda e: (e.kind != m.kind, _RANK[e.date_precision],
                                               e.id not in self.proposed))
            self._refine(best.id, m)
            if not m.ahead and best.id in self.proposed:
                self.held.add(best.id)
            return best.id
        if main and m.phone and not m.host and main in self.events:
            # a call that names neither side ("состоялся предыдущий телефонный разговор
            # президентов"): between the sides of the article's own event
            m = m._replace(host=self.events[main].host, guest=self.events[main].guest)
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
    event, and the rest join the main event by ``background`` (kzru.curate.background)."""
    links = [""] * len(drafts)
    lead_place = _lead_place(drafts, sentences)
    call_side = article_side(sentences[number] for number in sorted(sentences))
    named = [""] * len(drafts)  # the event each draft's sentence names, even one it is not of
    linker.invited = {}
    main: str | None = None
    preview = False
    mentions: list[Mention | None] = []
    unlinked: set[int] = set()  # mentions that fitted and proposed nothing
    for index, draft in enumerate(drafts):
        sentence = sentences[draft.sentence]
        # the lead's city only while the article has no event of its own yet (a summit the
        # day after a visit is held where the text says, not in the visit's city)
        m = mention(draft, sentence, article_date, article_precision,
                    "" if any(links[:index]) else lead_place, call_side)
        mentions.append(m)
        found = linker.link(m, source, main) if m else None
        if m is not None and not found:
            unlinked.add(index)
        named[index] = found or ""
        if draft.event_date is not None and not draft.deed:
            # an invitation proposes the visit it invites to, but belongs where it was made
            # (an agreement to hold it, kzru.curate.accepts, belongs to it)
            if found:
                linker.invited[index] = found
            found = None
        if found and main is None and linker.events[found].kind in VISITS:
            main = found
        links[index] = found or ""
    if named_twice(drafts, sentences, mentions, unlinked, links, linker, source, main):
        main = None  # the first visit named is the article's main event, in text order
    for index, draft in enumerate(drafts):
        if links[index] and (links[index] == main or main is None and
                             linker.events[links[index]].kind in VISITS):
            # the draft that named it says whether the article reports it or previews it
            main = links[index]
            preview = draft.status in ("planned", "expected") or \
                sentences[draft.sentence].tense() == "future" or upcoming(draft) or \
                article_precision == "day" and linker.events[main].start > article_date
            # (all its days still to come, in an article dated to the day)
            break
    if main is None:
        # no visit, talks or meeting named: a report of a forum or summit (the leaders met
        # "в рамках форума") is about that event, the first its lead or body names
        first = next((index for index, link in enumerate(links) if link), None)
        if first is not None:
            main = links[first]
            preview = drafts[first].status in ("planned", "expected") or \
                sentences[drafts[first].sentence].tense() == "future" or \
                upcoming(drafts[first])
    lead = set(sorted({draft.sentence for draft in drafts})[:2])  # headline and lead
    for index, draft in enumerate(drafts):
        if links[index] or holds(normalize(draft.text), BACKGROUND_WORDS) or \
                draft.event_word in VISITS - {"talks", "meeting"} | {""} and \
                third_visitor(sentences[draft.sentence]):
            continue  # a general remark ("как правило…") or background ("на фоне …",
            # "накануне визита", "неоднократно заявлял") is about no one event
        sentence = sentences[draft.sentence]
        before = next((drafts[n] for n in reversed(range(index))
                       if drafts[n].sentence == draft.after), None)
        if standing_figure(draft, sentence, before):
            continue  # "за десять лет товарооборот вырос вдвое": the relations' background
        found = ""
        if draft.event_word and draft.date.basis == "publication" and not (
                upcoming(draft) and holds(normalize(draft.text), EVENT_FRAMING)):
            # (an event to come, named where another frames the sentence, is not where
            # the sentence happened: "во время встречи обсудили предстоящий визит")
            # what an earlier sentence named, even as the time of an invitation or of a
            # preparation ("обсудили подготовку к визиту в октябре… к этому визиту")
            earlier_named = [event for pair in zip(links[:index], named) for event in pair]
            found = _to_come(draft, sentence, earlier_named + links[index:], linker,
                             article_date) or \
                _same_kind(draft.event_word, earlier_named, linker,
                           holds(normalize(sentence.text), PHONE_WORDS), draft.date.date,
                           venue_places(sentence)) or \
                _same_place(sentence, links[:index], linker)
        continued = bool(index) and (draft.date.basis == "publication" and _continues(
            sentence, drafts[index - 1], sentences) or draft.date.note.startswith(CONTINUES))
        earlier = [n for n in range(index) if drafts[n].sentence == draft.after]
        if not found and earlier and draft.date.basis == "publication":
            found = links[earlier[-1]]  # the event of the sentence it continues, or none
        elif not found and continued:
            found = links[index - 1]  # the sentence before's event, or none, as it had
        elif not found and getattr(draft.date.note, "key", "") in REFERRED:
            # "в тот день", "тогда же": the event of the sentence whose time it takes, if any
            found = next((links[n] for n in reversed(range(index))
                          if drafts[n].date.date == draft.date.date and links[n]), "") or (
                background(draft, sentence, linker.events[main], article_date,
                           article_precision, preview, draft.sentence in lead) if main else "")
        elif not found and main:
            found = background(draft, sentence, linker.events[main], article_date,
                                article_precision, preview, draft.sentence in lead)
        links[index] = found
    visit_places(sentences.values(), links, linker)
    return links


# The notes of a date taken from an earlier sentence by a phrase that refers to it
# (kzru.curate.carried.that_day)
REFERRED = ("draft.note.that_day", "draft.note.that_time")
def _lead_place(drafts: list[Draft], sentences: dict[int, Sentence]) -> str:
    """The one city of either side the article's first two drafted sentences name as a
    venue, or '' (none, or more than one)."""
    lead = sorted({draft.sentence for draft in drafts})[:2]
    found = {city_of(e.normal) for number in lead for e in venues(sentences[number])
             if concrete([e.normal]) and country_of(city_of(e.normal))}
    return found.pop() if len(found) == 1 else ""


def _same_kind(kind: str, links: list[str], linker: Linker, phone: bool = False,
               on: date | None = None, places: frozenset[str] = frozenset()) -> str:
    """The last event of this article of the kind an undated mention names: "форум" after
    the forum was named is that forum, not the visit the article is about; "переговоры"
    are a telephone conversation only in a sentence that speaks of the telephone. Of two
    such events, the one whose days hold ``on`` (the article's day, for a report: "на полях
    форума" is the forum reported, not one recalled in May). Never one held elsewhere than
    the ``places`` the sentence names ("следующий саммит в Астане" after one in Moscow)."""
    family = VISIT_KINDS | {"visit"} if kind == "visit" else {kind}
    # a bare "визит"/"приезд" ("этому визиту", "ждут приезда гостя") takes up the
    # article's state, official or working visit named before it
    fitting = [event_id for event_id in reversed(links) if event_id and
               linker.events[event_id].kind in family and (event_id in linker.calls) == phone
               and not _elsewhere(places, linker.events[event_id])]
    held = [event_id for event_id in fitting if on is not None and
            linker.events[event_id].start <= on <= linker.events[event_id].end]
    return (held or fitting or [""])[0]


def _to_come(draft: Draft, sentence: Sentence, links: list[str], linker: Linker,
             article_date: date) -> str:
    """The article's one event still to come, for a sentence naming an event as upcoming
    ("предстоящий визит придаст импульс…") and not framed by another ("во время встречи
    обсудили подготовку к предстоящему визиту" is said at the meeting), nor placed
    elsewhere ("следующий саммит в Астане" is not the session to come in Moscow)."""
    if not upcoming(draft) or holds(normalize(draft.text), EVENT_FRAMING):
        return ""
    places = venue_places(sentence)
    ahead = {link for link in links if link and linker.events[link].end >= article_date
             and link not in linker.held and not _elsewhere(places, linker.events[link])}
    return ahead.pop() if len(ahead) == 1 else ""


def _elsewhere(places: frozenset[str], event: Event) -> bool:
    """The sentence names venues, the event has its own, and they share none."""
    held = concrete(event.places)
    return bool(places and held and not places & held)


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
