"""One visit, however an article names it: once by who goes where and when and once by its kind
(the two make one proposed visit), and by the city it goes to, named in any sentence
("накануне визита в Астану"), which a visit proposed without a place takes.

Read by kzru.curate.events after its mentions are linked; kept apart because these rules
join what several sentences say of one visit, while events links each mention.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from kzru.curate.annotate import Sentence
from kzru.curate.draft import Draft
from kzru.curate.latin import latin
from kzru.curate.mentions import (
    VISIT_KINDS,
    Mention,
    city_of,
    concrete,
    country_of,
    host_of,
    venues,
)
from kzru.event_cues import EVENT_TITLES, VISIT_NOUNS
from kzru.text import normalize

if TYPE_CHECKING:
    from kzru.curate.events import Linker


def named_twice(drafts: list[Draft], sentences: dict[int, Sentence],
                 mentions: list[Mention | None], unlinked: set[int], links: list[str],
                 linker: Linker, source: str, main: str | None) -> bool:
    """One visit named twice — once by who goes where and when, without its kind ("визит
    Путина в Казахстан в 2026 году", "в конце ноября приедет"), and once by its kind without
    a side or a date of its own ("с официальным визитом в республику", "к предстоящему
    государственному визиту") — is one visit: proposed with the kind of the one and the
    side and days of the other. The sentences that named it without its kind join it, and
    so does the one naming its kind when its own days overlap. Whether an event was
    proposed so."""
    bare = [i for i, m in enumerate(mentions)
            if m is not None and i in unlinked and m.kind in ("", "visit") and m.host]
    invited = {i for i, draft in enumerate(drafts) if draft.event_date is not None}
    if not bare:
        return False
    for index, draft in enumerate(drafts):
        if draft.event_word not in VISIT_KINDS or links[index]:
            continue
        m = mentions[index]
        sentence = sentences[draft.sentence]
        host = m.host if m is not None else host_of(sentence, venues(sentence))
        for first in bare:
            one = mentions[first]
            assert one is not None
            if host not in ("", one.host) or m is not None and not (
                    m.start <= one.end and one.start <= m.end):
                continue
            event_id = linker.link(one._replace(kind=draft.event_word), source, main)
            if not event_id:
                continue
            for other in bare:
                again = mentions[other]
                assert again is not None
                if other not in invited:  # (an invitation belongs where it was made)
                    links[other] = linker.link(again, source, main) or ""
            if m is not None and index not in invited:
                links[index] = linker.link(m._replace(host=one.host, guest=one.guest),
                                           source, main) or ""
            return True
    return False


_VISITED = re.compile(  # "визита в ", "визите его в ": the words before where a visit goes
    r"(?<!\w)(?:" + "|".join(VISIT_NOUNS) + r")\w*\s+(?:\S+\s+){0,4}?(?:в|во|to)\s+$")


def visit_places(sentences: Iterable[Sentence], links: list[str], linker: Linker) -> None:
    """A visit this article proposed without a place takes the city the article names as
    where the visit goes ("накануне визита в Астану", "в ходе его визита в Москву"), when
    that city is on the host's side: one visit, however its sentences name it."""
    for event_id in dict.fromkeys(link for link in links if link):
        event = linker.events[event_id]
        if event_id not in linker.proposed or event.kind not in VISIT_KINDS or \
                concrete(event.places):
            continue
        for sentence in sentences:
            text = normalize(sentence.text)
            place = next((e for e in sentence.entities if e.type == "place" and _VISITED.search(
                text[:e.start - sentence.start]) and concrete([e.normal]) and
                country_of(city_of(e.normal)) in ("", event.host)), None)
            if place is not None:
                city = city_of(place.normal)
                title_ru, title_en = EVENT_TITLES[event.kind]
                linker.events[event_id] = event._replace(
                    places=(city,), title_ru=f"{title_ru}: {city}",
                    title_en=f"{title_en}: {latin(city).title()}")
                break
