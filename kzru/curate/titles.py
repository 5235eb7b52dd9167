"""Speakers named by their title ("глава государства", "президент России", "казахстанский
лидер", "министр иностранных дел", "премьер-министр"): where a sentence names one, and who
the same article says holds it.

A title is resolved only from the article itself, never from the glossary: who is president
depends on the year, and an article names the person beside the title ("Президент России
Владимир Путин", "с министром иностранных дел Казахстана Ермеком Кошербаевым"). When the
article names no one so, or names two people who could be meant ("глава государства" in a
report naming both presidents so), the title is kept for a reviewer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from kzru.cues import (
    SIDE_ADJECTIVES,
    TITLE_REFERENCES,
    TITLES,
)
from kzru.event_cues import (
    SIDE_ABBREVIATIONS,
    SIDE_STEMS,
)
from kzru.text import normalize

if TYPE_CHECKING:
    from kzru.curate.annotate import Annotated, Sentence

SEATS_SIDES = {"кремл": "ru", "акорд": "kz"}  # seats of the two heads of state
_WORD = re.compile(r"[^\W\d_][\w-]*")
# Singular case endings by how the nominative ends: "глава", "председатель", "президент".
_ENDINGS = {"а": "(?:а|ы|е|у|ой|ою)", "ь": "(?:ь|я|ю|ем|е)", "": "(?:|а|у|ом|е)"}


class Title(NamedTuple):
    role: str  # a key of kzru.cues.TITLES
    side: str  # kz | ru | '' when the title names none
    start: int  # offsets (in the text searched, plus the offset given)
    stop: int
    name: str  # the title in the nominative ("казахстанский лидер", "президент России")


def _word_pattern(word: str) -> str:
    if not word.endswith("~"):
        return re.escape(word)
    word = word[:-1]
    last = word[-1:] if word[-1:] in ("а", "ь") else ""
    return re.escape(word[:len(word) - len(last)]) + _ENDINGS[last]


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, tuple[re.Pattern[str], ...], str], ...]:
    """(role, a pattern per word, the nominative), longest phrases first."""
    found = [(role, tuple(re.compile(_word_pattern(w) + "$") for w in phrase.split()),
              phrase.replace("~", ""))
             for role, phrases in TITLES.items() for phrase in phrases]
    return tuple(sorted(found, key=lambda item: -len(item[1])))


def side_of_word(word: str) -> str:
    """The side a word names by its country or its people's adjective ("России",
    "казахстанского", "РФ"), or ''."""
    word = normalize(word)
    if word in SIDE_ABBREVIATIONS:
        return SIDE_ABBREVIATIONS[word]
    return next((side for side, stems in SIDE_STEMS.items() if word.startswith(stems)), "")


def titles(text: str, offset: int = 0) -> list[Title]:
    """Each title ``text`` names, with the side its adjective or its country names."""
    words = [(m.start() + offset, m.end() + offset, normalize(m.group()), m.group())
             for m in _WORD.finditer(text)]
    found: list[Title] = []
    index = 0
    while index < len(words):
        match = next(((role, len(patterns), nominative)
                      for role, patterns, nominative in _phrases()
                      if len(words) - index >= len(patterns) and all(
                          p.match(w[2]) for p, w in zip(patterns, words[index:]))), None)
        if match is None:
            index += 1
            continue
        role, length, name = match
        first, stop = index, index + length
        side = ""
        before = words[index - 1][2] if index else ""
        adjective = next((s for s, (stem, _) in SIDE_ADJECTIVES.items()
                          if before.startswith(stem)), "")
        if adjective:
            side, first = adjective, index - 1
            name = f"{SIDE_ADJECTIVES[side][1]} {name}"
        else:
            # "президент России", "премьер-министр Республики Казахстан", "… РФ"
            country = [w for w in words[stop:stop + 2]]
            if country and side_of_word(country[0][2]):
                side, taken = side_of_word(country[0][2]), country[:1]
                if len(country) == 2 and country[1][2].startswith("федерац"):
                    taken = country  # "Российской Федерации"
            elif len(country) == 2 and country[0][2].startswith("республик") and \
                    side_of_word(country[1][2]):
                side, taken = side_of_word(country[1][2]), country
            elif country and country[0][2] in TITLE_REFERENCES:
                taken = country[:1]  # "министр иностранных дел республики"
            else:
                taken = []
            if taken:
                stop += len(taken)
                name = f"{name} {' '.join(w[3] for w in taken)}"
        if not side:  # a seat inside the title names its side ("глава Кремля")
            side = next((SEATS_SIDES[stem] for w in words[first:stop] for stem in SEATS_SIDES
                         if w[2].startswith(stem)), "")
        found.append(Title(role, side, words[first][0], words[stop - 1][1], name))
        index = stop
    return found


def is_title(name: str) -> bool:
    """Whether a speaker's name is a title kept as such (the whole name is one title)."""
    found = titles(name)
    return len(found) == 1 and found[0].start == 0 and found[0].stop == len(name.rstrip())


def holders(annotated: Annotated) -> dict[tuple[str, str], list[str]]:
    """(role, side) -> the people the article names right after a title ("Президент России
    Владимир Путин", "главой МИД Казахстана Ермеком Кошербаевым"), in the order named."""
    found: dict[tuple[str, str], list[str]] = {}
    text = annotated.article.text
    for sentence in annotated.sentences:
        people = [e for e in sentence.entities if e.type == "person"]
        if not people:
            continue
        for title in titles(sentence.text, sentence.start):
            after = next((p for p in people if p.start >= title.stop
                          and not text[title.stop:p.start].strip()), None)
            if after is not None:
                named = found.setdefault((title.role, title.side), [])
                if after.normal not in named:
                    named.append(after.normal)
    return found


def resolve(name: str, known: dict[tuple[str, str], list[str]]) -> str:
    """The one person the article names with this title (a title naming no side is met by
    a holder of either side; a holder named without a side meets a title of any side);
    the title itself when the article names no one or more than one so."""
    found = titles(name)
    if len(found) != 1:
        return name
    title = found[0]
    people = {person for (role, side), named in known.items() if role == title.role
              and (not title.side or side in ("", title.side)) for person in named}
    return people.pop() if len(people) == 1 else name


def office_attributed(sentence: Sentence, after: int) -> str:
    """The office named right after an attribution phrase ending at ``after`` (an offset in
    the sentence's text) when no person is named with it ("По словам министра энергетики
    Казахстана, …" → "министр энергетики Казахстана"): its noun in the nominative, the words
    after it as written, up to a comma, a verb or a person; '' when none."""
    from kzru.cues import OFFICE_NOUNS, OFFICE_WORDS

    start = sentence.start + after
    words = [t for t in sentence.tokens if t.start >= start]
    if not words or words[0].pos != "NOUN" or normalize(words[0].lemma) not in OFFICE_NOUNS:
        return ""
    kept = [words[0].lemma.lower()]
    for token in words[1:1 + OFFICE_WORDS]:
        if not re.search(r"\w", token.text) or token.pos in ("VERB", "INFN", "PRTS"):
            break
        if any(e.type == "person" and e.start <= token.start < e.stop
               for e in sentence.entities):
            return ""  # "по словам посла России Алексея Бородавкина": the person speaks
        kept.append(token.text)
    return " ".join(kept)


def office_holder(annotated: Annotated, office: str) -> str:
    """The one person the article names right after an office (office_attributed's words:
    "пресс-секретарь президента Казахстана" — "Пресс-секретарь президента Казахстана Руслан
    Желдибай сообщил …", "пресс-секретаря президента Казахстана Руслана Желдибая"), or ''
    when it names none or two."""
    from kzru.cues import OFFICE_NOUNS

    noun, _, rest = office.partition(" ")
    if noun not in OFFICE_NOUNS:
        return ""
    found: set[str] = set()
    for sentence in annotated.sentences:
        low = normalize(sentence.text)
        # the noun in any case ("пресс-секретарь", "пресс-секретаря"), the rest as written
        named = rf"(?<!\w){re.escape(noun[:-1])}\w*\s+" + (
            rf"{re.escape(normalize(rest))}\s+" if rest else "")
        for match in re.finditer(named, low):
            person = next((e for e in sentence.entities if e.type == "person" and
                           e.start == sentence.start + match.end()), None)
            if person is not None:
                found.add(person.normal)
    return found.pop() if len(found) == 1 else ""
