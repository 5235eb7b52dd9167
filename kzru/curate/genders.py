"""The gender a pronoun that takes up a speaker asks for («— сказала она», «по его словам») and
the gender a person's name has, so that a feminine pronoun never takes up the man named
before it, nor a masculine one a woman. A name whose gender the words cannot tell (a
surname alone of no Russian pattern, a name in Latin letters) agrees with either.

Kept apart from kzru.curate.attributions, which decides whom the pronoun takes up: this only
reads words.
"""

from __future__ import annotations

import re

from kzru.curate.words import normalize

# Pronouns (and possessives) by the gender they ask for; a plural asks for none.
PRONOUN_GENDERS = {"он": "masc", "его": "masc", "она": "femn", "ее": "femn", "её": "femn"}
# Surname endings of each gender (the longest tried first), for a name whose given name the
# dictionary does not know: "Иванова", "Жандосова", "Садыкбаев", "Кравцов", "Белоусова".
_FEMININE_ENDINGS = ("ская", "цкая", "ова", "ева", "ёва", "ина", "ына", "ая")
_MASCULINE_ENDINGS = ("ский", "цкий", "ов", "ев", "ёв", "ин", "ын", "ой", "ий")
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def pronoun_gender(pronoun: str) -> str:
    """'masc', 'femn' or '' (a plural, or no pronoun)."""
    return PRONOUN_GENDERS.get(normalize(pronoun), "")


def name_gender(name: str) -> str:
    """The gender of a person's name in the nominative ("Анна Иванова" femn, "Алмасбек
    Садыкбаев" masc): a given name the dictionary knows decides, else the surname's ending;
    '' when neither tells."""
    from kzru.curate.annotate import _parse

    words = _WORD.findall(name)
    for word in words:
        parses = _parse(word)
        if parses and "Name" in parses[0].tag and parses[0].tag.gender in ("masc", "femn"):
            return str(parses[0].tag.gender)
    if not words:
        return ""
    last = words[-1].lower()
    for endings, gender in ((_FEMININE_ENDINGS, "femn"), (_MASCULINE_ENDINGS, "masc")):
        if last.endswith(endings) and len(last) > 3:
            return gender
    return ""


def agrees(wanted: str, name: str) -> bool:
    """Whether a pronoun asking for ``wanted`` can take up ``name`` (any name when the
    pronoun asks for no gender, a name of no gender told by any pronoun)."""
    return not wanted or name_gender(name) in ("", wanted)
