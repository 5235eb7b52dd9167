"""Russian in Latin letters: event ids and titles, and a speaker's name where the glossary has
no English name for them ("Виктор Лебедев" → "Viktor Lebedev"), as the table writes speakers
in English. A plain letter-for-letter romanisation close to the one Russian passports use."""

from __future__ import annotations

from kzru.text import normalize

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                 "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                 "", "e", "yu", "ya", "a", "g", "k", "n", "o", "u", "u", "h", "i"]))


def latin(text: str) -> str:
    """The text in Latin letters, lower case (for ids)."""
    return "".join(_CYR.get(char, char) for char in normalize(text))


def romanised(name: str) -> str:
    """A name in Latin letters, each word capitalised as written ("Касым-Жомарт" →
    "Kasym-Zhomart"); a name already in Latin letters is kept."""
    out = []
    for char in name:
        lower = char.lower().replace("ё", "е")
        latin_ = _CYR.get(lower)
        if latin_ is None:
            out.append(char)
        else:
            out.append(latin_[:1].upper() + latin_[1:] if char != lower else latin_)
    return "".join(out)
