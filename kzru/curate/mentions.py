"""What one sentence names of an event: its kind, days, places and sides (a mention).

Who went where decides guest and host ("прибыл в Астану", "в столицу Казахстана"); a place
is a venue unless it is someone's post or seat ("посол России в Астане", "пресс-служба
Кремля", "губернатор Омской области"), one of the two sides named together ("Москва и
Астана", "между Москвой и Астаной") or where something was said. A telephone conversation has
no venue. An event to come ("предстоящий визит", a future or planned verb) is never dated
by the article's day. kzru.curate.events links mentions to events.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable, NamedTuple

from kzru.cues import (
    SAYING_VERBS,
)
from kzru.curate.annotate import Entity, Sentence
from kzru.curate.datelines import opening_dateline
from kzru.curate.draft import Draft
from kzru.curate.latin import latin
from kzru.curate.titles import side_of_word
from kzru.event_cues import (
    ANAPHORA_PREPOSITIONS,
    ARRIVAL_VERBS,
    CAPITAL_WORDS,
    COUNTRIES,
    COUNTRY_NAMES,
    EVENT_KINDS,
    GENERIC_WORDS,
    GUEST_REACH,
    OWNER_REACH,
    OWNER_WORDS,
    PHONE_WORDS,
    SEAT_REACH,
    SEAT_WORDS,
    SIDES_WORDS,
    SITES_WORDS,
    THIRD_COUNTRIES,
    VISIT_NOUNS,
    VISITING_VERBS,
    WORLD_REGIONS,
)
from kzru.report_cues import ARRIVED_VERBS, VENUE_CITIES, VISIT_LENGTHS, VISITOR_WORDS
from kzru.text import normalize


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", latin(text)).strip("-")[:30].strip("-")


def country_of(place: str) -> str:
    word = normalize(place)
    for side, stems in COUNTRIES.items():
        if any(word.startswith(stem) for stem in stems):
            return side
    return ""


# Kinds of event a visit's story is told in: a visit of any kind, its talks and meetings.
VISITS = {"state-visit", "working-visit", "official-visit", "talks", "meeting", "visit"}
VISIT_KINDS = {"state-visit", "working-visit", "official-visit"}
ACTS = {"signed", "agreed"}  # statuses of acts that make an outcome of talks


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
    phone: bool = False  # a telephone conversation
    ahead: date | None = None  # the article's date, when the event is one to come
    arrived: bool = False  # a visitor arrived ("премьер-министр прибыл в Москву")
    moved_from: date | None = None  # the day it was first set for (kzru.curate.moved)
    moved: bool = False  # the text says it was moved to this date


def _arrival(sentence: Sentence, text: str) -> bool:
    """A visitor's arrival: a past verb of arriving with a person named or a visitor's title
    ("Премьер-министр Казахстана прибыл в Москву"; not "груз прибыл")."""
    return any(re.search(rf"(?<!\w){verb}", text) for verb in ARRIVED_VERBS) and (
        any(e.type == "person" for e in sentence.entities) or
        any(re.search(rf"(?<!\w){word}", text) for word in VISITOR_WORDS))


def city_of(place: str) -> str:
    """A hall, residence or building where leaders meet stands for its city ("Кремль",
    "Акорда" → Москва, Астана); any other place is itself."""
    said = normalize(place)
    return next((city for stem, city in VENUE_CITIES.items() if said.startswith(stem)), place)


def distinct(places: Iterable[str]) -> tuple[str, ...]:
    """Each place once, however it is cased: a dateline's "СОЧИ" and the "Сочи" the text
    goes on to name are one city (the first written form that is not all capitals wins)."""
    found: dict[str, str] = {}
    for place in places:
        key = normalize(place)
        if key not in found or found[key].isupper() and not place.isupper():
            found[key] = place
    return tuple(found.values())


# words a city's name keeps in lower case between its capitalised parts ("Ростов-на-Дону",
# "Комсомольск-на-Амуре")
_LOWER_PARTS = {"на", "над", "под", "де", "ла", "ду", "эль", "аль"}


def dictionary_form(place: Entity, sentence: Sentence) -> str:
    """A place as a dictionary writes it: a dateline spells its city in capitals ("СОЧИ,
    18 февраля –", "НУР-СУЛТАН, …"), which is its name, not an acronym; any other place,
    an acronym among them ("РФ", "ОАЭ"), is as found."""
    name = place.normal
    filed = sentence.start + opening_dateline(sentence.text)
    if place.stop > filed or not name.isupper():
        return name
    parts = re.split(r"([\s-]+)", name.lower())
    return "".join(part if index and part in _LOWER_PARTS else part[:1].upper() + part[1:]
                   for index, part in enumerate(parts))


def _halls(text: str) -> tuple[str, ...]:
    """The cities of the halls a normalised sentence names with "в"/"во" before them ("в
    Георгиевском зале", "во Дворце Независимости"): where its event is held."""
    return tuple(dict.fromkeys(
        city for stem, city in VENUE_CITIES.items()
        if re.search(rf"(?<!\w)(?:в|во|на)\s+{re.escape(stem)}", text)))


def _length(text: str) -> int:
    """The days a visit lasts by its adjective ("двухдневный визит": 2), else 1."""
    return next((days for stem, days in VISIT_LENGTHS.items()
                 if re.search(rf"(?<!\w){stem}", text)), 1)


def span(draft: Draft) -> tuple[date, date]:
    start = draft.date.date
    if draft.date.end:
        return start, draft.date.end
    if draft.date.precision == "month":
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start, following - timedelta(days=1)
    if draft.date.precision == "year":
        return start, date(start.year, 12, 31)
    return start, start


def article_side(sentences: Iterable[Sentence]) -> str:
    """The first side the article's sentences name ("России", "казахстанский"), or ''."""
    return next((side for sentence in sentences for side in map(
        side_of_word, re.findall(r"\w+", sentence.text)) if side), "")


def mention(draft: Draft, sentence: Sentence, article_date: date, article_precision: str,
            lead_place: str = "", call_side: str = "") -> Mention | None:
    """The event a sentence names, or None (dated by the visit an invitation names).
    ``lead_place``: the one city of either side the article's lead names, where a meeting,
    talks, a summit or a forum the sentence names with no place and no side is held, in an
    article that has named no event before it ("Президент находится в Сочи. Там состоялась
    встреча …")."""
    if draft.event_date is not None:
        draft = draft._replace(date=draft.event_date)
    text = normalize(sentence.text)
    arrives = any(re.search(rf"(?<!\w){verb}", text) for verb in ARRIVAL_VERBS)
    if not draft.event_word and not arrives or holds(text, GENERIC_WORDS):
        return None  # "как правило, во время визитов…" names no one event
    if draft.event_word in VISITS - {"talks", "meeting"} | {""} and third_visitor(sentence):
        return None  # "Премьер-министр Армении отправится в Москву с визитом": not theirs
    # a call is talks; a meeting the call spoke of ("в ходе телефонного разговора речь шла о
    # предстоящей встрече в Сочи") is held somewhere
    phone = holds(text, PHONE_WORDS) and draft.event_word == "talks"
    where = venues(sentence)
    places = () if phone else distinct(
        city_of(dictionary_form(e, sentence)) for e in where
        if not any(normalize(e.normal).startswith(c) for c in COUNTRY_NAMES))
    if not places and not phone:
        places = _halls(text)  # "в Георгиевском зале", not tagged as a place
    host = host_of(sentence, where)
    if not places and not host and not phone and lead_place and draft.event_word in (
            "talks", "meeting", "summit", "forum"):
        places, host = (lead_place,), country_of(lead_place)
    if host:  # a place of the other side is no venue of an event this side hosts
        places = tuple(p for p in places if country_of(p) in ("", host))
    if not host and phone:  # a call has no venue: the side whose seat reports it, or any
        # side the sentence names ("Президент России по телефону …"), else the first side
        # the article names (``call_side``): a call between two named leaders is one too
        host = next((side for e in sentence.entities if e.type in ("place", "organization")
                     for side in map(country_of, e.normal.split()) if side), "") or next(
            (side for side in map(side_of_word, re.findall(r"\w+", sentence.text)) if side),
            "") or call_side
    guest = {"kz": "ru", "ru": "kz"}.get(host, "")
    # (a move to a day after the article's is to come, whatever its tense: "перенесена на
    # 20 марта")
    ahead = sentence.tense() == "future" or draft.status in ("planned", "expected") or \
        upcoming(draft) or draft.date.moved and draft.date.date > article_date
    arrived = not ahead and _arrival(sentence, text)
    if draft.date.basis == "publication":
        if ahead or article_precision != "day" or not (places or host) or \
                draft.event_word == "visit" and not arrives:
            # one to come is not held on the article's day ("обсудили подготовку к
            # предстоящему визиту"); a place, or the country someone went to, is needed;
            # a bare "визит" the text does not date says nothing of when, unless someone
            # arrived
            return None
        return Mention(draft.event_word, article_date,
                       article_date + timedelta(days=_length(text) - 1), "day", "inferred",
                       f"The text gives no date; the article's date ({article_date}), as the "
                       f"sentence reports it in the {sentence.tense() or 'present'} tense.",
                       places, host, guest, phone, arrived=arrived)
    start, end = span(draft)
    precision = draft.date.precision
    if draft.date.season:  # ("весной": March to May, which an event's precision holds)
        (start, end), precision = draft.date.season, "season"
    if draft.date.precision == "day":
        end = max(end, start + timedelta(days=_length(text) - 1))
    basis = "stated" if draft.date.basis == "stated" else "inferred"
    return Mention(draft.event_word, start, end, precision, basis,
                   draft.date.note, places, host, guest, phone,
                   article_date if ahead and article_precision == "day" else None, arrived,
                   draft.date.moved_from, draft.date.moved)


def third_visitor(sentence: Sentence) -> bool:
    """Who travels is a third country's: its name stands before the sentence's first verb
    ("Премьер-министр Армении также отправится в Москву", "Президент Кыргызстана прилетит")
    and no word of either side does; such a visit is not one between the two sides."""
    verb = next((t.start for t in sentence.tokens if t.pos == "VERB"), sentence.stop)
    words = re.findall(r"[^\W\d_][\w-]*", sentence.text[:verb - sentence.start])
    return any(word[:1].isupper() and normalize(word).startswith(THIRD_COUNTRIES)
               for word in words) and not any(side_of_word(word) for word in words)


def host_of(sentence: Sentence, venues: list[Entity]) -> str:
    """The side an event is held in: the country someone goes to ("в Казахстан", "в столицу
    Казахстана") or visits ("посетит Казахстан", "посетил столицу России"), else the side of
    the first venue named, else the side other than the guest's ("визит президента России",
    "приезд казахстанского лидера")."""
    for entity in venues:
        before = normalize(sentence.text[:entity.start - sentence.start]).split()[-2:]
        if not country_of(entity.normal):
            continue
        if len(before) == 2 and before[1].startswith(CAPITAL_WORDS):
            before = before[:1]  # "в столицу Казахстана", "посетит столицу России"
        if before[-1:] in (["в"], ["во"]) or before[-1:] and before[-1].startswith(
                VISITING_VERBS):
            return country_of(entity.normal)
    places = [e.normal for e in venues
              if not any(normalize(e.normal).startswith(c) for c in COUNTRY_NAMES)]
    sides = [country_of(p) for p in places if country_of(p)]
    if sides:
        return sides[0]
    return {"kz": "ru", "ru": "kz"}.get(guest_of(sentence), "")


def guest_of(sentence: Sentence) -> str:
    """The side named in the few words right after a visit noun, before any preposition
    ("визит президента России", "приезда казахстанского лидера", "визит делегации РК"):
    the side that comes; '' when none is named so."""
    words = re.findall(r"[^\W\d_][\w-]*", normalize(sentence.text))
    for index, word in enumerate(words):
        if not word.startswith(VISIT_NOUNS):
            continue
        for after in words[index + 1:index + 1 + GUEST_REACH]:
            if after in ANAPHORA_PREPOSITIONS:
                break
            side = side_of_word(after)
            if side:
                return side
    return ""


def venues(sentence: Sentence) -> list[Entity]:
    """The places a sentence names that may be where its event is held: not a part of the
    world ("Азия", "Евразия"), nor a place inside an organisation's name ("… в Азии
    (СВМДА)", a name the tagger read as an organisation around it)."""
    sides = paired_sides(sentence)
    named = [(e.start, e.stop) for e in sentence.entities if e.type == "organization"]
    return [e for e in sentence.entities
            if e.type == "place" and e not in sides and venue(sentence, e)
            and normalize(re.sub(r"\s*\(.*", "", e.normal)) not in WORLD_REGIONS
            and not any(start <= e.start and e.stop <= stop for start, stop in named)]


def paired_sides(sentence: Sentence) -> set[Entity]:
    """Places of the two sides joined by "и" ("Москва и Астана обсуждают…", "сотрудничества
    Москвы и Астаны"): the two governments, not where anything is held."""
    places = [e for e in sentence.entities if e.type == "place"]
    paired: set[Entity] = set()
    for first, second in zip(places, places[1:]):
        between = normalize(sentence.text[first.stop - sentence.start:
                                          second.start - sentence.start]).strip()
        sides = {country_of(first.normal), country_of(second.normal)}
        if between == "и" and sides == {"kz", "ru"}:
            paired |= {first, second}
    return paired


def venue(sentence: Sentence, place: Entity) -> bool:
    """Whether a place may be where the sentence's event is held: not a post or seat ("посол
    России в Астане", "пресс-служба Кремля"), not a side joined by "между" ("между Москвой
    и Астаной"), not where something was said ("сообщили в Москве"). A seat word or
    "между" counts only with no verb between it and the place: in "переговоры между
    делегациями прошли в Омске" Омск is where the talks were held. Nor where someone came
    from ("из Омска"), whose an office is, or a project's sites (_owned)."""
    words = [w.strip("«»\"(),.:;") for w in normalize(
        sentence.text[:place.start - sentence.start]).split()]
    prefix = sentence.text[:place.start - sentence.start]
    for word in list(re.finditer(r"[\w-]+", prefix))[-SEAT_REACH - 1:]:
        # a seat word, and no verb between it and the place ("пригласил акима области
        # посетить Омск": Омск is where the visit goes)
        said = normalize(word.group())
        seat_end = sentence.start + word.end()
        if (said in SIDES_WORDS or said.startswith(SEAT_WORDS)) and not any(
                t.pos in ("VERB", "INFN") and seat_end <= t.start < place.start
                for t in sentence.tokens):
            return False
    if words[-1:] in (["из"], ["с"], ["со"], ["от"]):
        return False  # where someone came from ("прилетел в Астану из Омска"), not a venue
    return not (words[-1:] in (["в"], ["во"]) and len(words) > 1
                and words[-2].startswith(SAYING_VERBS)) and not _owned(sentence, place)


def _owned(sentence: Sentence, place: Entity) -> bool:
    """A place that says whose an office or a body is ("президенты Белоруссии, Армении",
    "Министерство энергетики Республики Казахстан": OWNER_WORDS, with no preposition or
    verb between), or one of the sites a plural place noun lists ("в городах Павлодар,
    Экибастуз и Аксу"): neither is where the sentence's event is held."""
    start = place.start
    for other in sorted((e for e in sentence.entities if e.type == "place"
                         and e.stop <= start), key=lambda e: e.start, reverse=True):
        between = sentence.text[other.stop - sentence.start:start - sentence.start]
        if other.stop > start or not re.fullmatch(r"\s*(?:,|\sи)\s+", between):
            break
        start = other.start  # a list of places: the word before its first one governs it
    prefix = sentence.text[:start - sentence.start]
    words = list(re.finditer(r"[\w-]+", prefix))
    if words and normalize(words[-1].group()) in SITES_WORDS:
        return True
    first = max(0, len(words) - OWNER_REACH)
    for number, word in enumerate(words[first:], first):
        # (read from the words: linking keeps only a sentence's verbs as tokens)
        if normalize(word.group()).startswith(OWNER_WORDS) and not any(
                normalize(other.group()) in PREPOSITIONS for other in words[number + 1:]) \
                and not any(t.pos in ("VERB", "INFN") and sentence.start + word.end() <=
                            t.start < start for t in sentence.tokens):
            return True
    return False


# Prepositions between an office's noun and a place make the place no longer its owner's
# ("встреча лидеров в Сочи": Сочи is where they meet)
PREPOSITIONS = frozenset({"в", "во", "на", "из", "с", "со", "к", "ко", "по", "о", "об", "от",
                          "до", "для", "при", "у", "за", "под", "над", "через", "после",
                          "перед", "in", "at", "to", "from"})


def venue_places(sentence: Sentence) -> frozenset[str]:
    """The cities (normalised) the sentence names as venues."""
    return frozenset(concrete(city_of(e.normal) for e in venues(sentence)))


def concrete(places: Iterable[str]) -> set[str]:
    """Places below a country (a country stands in for places unknown)."""
    return {normalize(p) for p in places
            if not any(normalize(p).startswith(c) for c in COUNTRY_NAMES)}


def upcoming(draft: Draft) -> bool:
    """The draft names its event as one to come ("предстоящий визит", "следующий саммит";
    not "на следующий день")."""
    return bool(re.search(r"(?<!\w)(?:предстоящ|будущ|upcoming|следующ\w*\s+(?:" + "|".join(
        phrase.split()[-1] for phrase, _ in EVENT_KINDS) + r"))", normalize(draft.text)))


def holds(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether a phrase begins a word of ``text`` (normalised)."""
    return any(re.search(rf"(?<!\w){re.escape(phrase)}", text) for phrase in phrases
               if phrase.split()[0] in text)
