"""What a reviewer types in Russian (or as a page writes it), as the table holds it: `kzru
review --set` and the review screen's edits read values through these rules. A speaker by the
glossary's English name and the vocabulary's English role, a unit's qualifier in English, a date
written in words at the precision the words state. What no rule reads is kept as typed, and the
curated-row rules judge it on accept.

Apart from kzru/data_words.py, which says the table's values to a reader: this is the way back.
"""

from __future__ import annotations

import re

from kzru.data_words import Names
from kzru.labels import LABELS, part


def speaker_typed(typed: str, names: Names) -> str:
    """A speaker typed in Russian (review --set speaker=…) as the table holds speakers: each
    name the glossary knows by its English name, a role word by its English; else as typed."""
    said = []
    for one in typed.split(";"):
        name, bracket, role = one.strip().partition(" (")
        name = names.english.get(name.strip().casefold().replace("ё", "е"), name.strip())
        if bracket and role.endswith(")"):
            role = _english("speaker_role", role[:-1]) or names.english.get(
                role[:-1].casefold().replace("ё", "е"), role[:-1])
            name += f" ({role})"
        elif bracket:
            name += bracket + role
        said.append(name)
    return "; ".join(part for part in said if part)


def _english(prefix: str, russian: str) -> str | None:
    """The English of a vocabulary word typed in Russian (any case, ё or е)."""
    wanted = russian.strip().casefold().replace("ё", "е")
    table = {**LABELS, **part(prefix + ".")}  # units and roles: kzru/rule_words.py
    return next((english for key, (english, ru) in table.items() if key.startswith(prefix + ".")
                 and ru.casefold().replace("ё", "е") == wanted), None)


# A month as typed in either language: a Russian month in any case form or cut short
# ("декабря", "в декабре", "дек."), an English one ("December", "Dec"); its first three
# letters name it (ма- is May once март is ruled out).
_MONTH_STEMS = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя",
                "дек")
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
_MONTH_RU = re.compile(
    r"(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ем)|"
    r"(?:март|август)(?:|а|е|у|ом)|ма(?:й|я|е|ю|ем)|"
    r"(?:янв|фев|февр|мар|апр|авг|сен|сент|окт|ноя|нояб|дек)\.?")
_MONTH_WORD = r"(?:[а-я]{3,}|ма[йяею]|[a-z]{3,})\.?"
# the words around a date that state nothing about it: "в декабре 2025 года", "2025 г.", "on"
_DATE_AROUND = re.compile(r"^(?:в|во|on|in)\s+|\s*(?:г\.|г|гг\.|год|года|году)$")
_TYPED_DATES = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "ymd", "day"),
    (re.compile(r"(\d{4})-(\d{2})"), "ym", "month"),
    (re.compile(r"(\d{4})"), "y", "year"),
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy", "day"),
    (re.compile(r"(\d{1,2})\.(\d{4})"), "my", "month"),
    (re.compile(rf"(\d{{1,2}})(?:-?го)?\s+({_MONTH_WORD})\s*,?\s+(\d{{4}})"), "dMy", "day"),
    (re.compile(rf"({_MONTH_WORD})\s+(\d{{1,2}}),?\s+(\d{{4}})"), "Mdy", "day"),
    (re.compile(rf"({_MONTH_WORD})\s*,?\s+(\d{{4}})"), "My", "month"),
)


def _month(word: str) -> int | None:
    """The month a word names (января, в декабре, дек., December, Dec), else None."""
    if _MONTH_RU.fullmatch(word):
        stem = word[:3] if not word.startswith("ма") or word.startswith("мар") else "ма"
        return _MONTH_STEMS.index(stem) + 1
    short = word.rstrip(".")
    if len(short) >= 3 and re.fullmatch("[a-z]+", short):
        return next((number for number, name in enumerate(_MONTHS_EN, 1)
                     if name.startswith(short) or (short == "sept" and number == 9)), None)
    return None


def date_typed(typed: str) -> tuple[str, str] | None:
    """A date typed as a Russian (or English) page writes it, as the table holds it: (ISO
    date, precision), at the precision the words state: «5 декабря 2025» → ("2025-12-05",
    "day"), «в декабре 2025 года» → ("2025-12-01", "month"), «2025 г.» → ("2025-01-01",
    "year"); ISO as it is (2025-12 is a month). None when no rule reads it as a real date."""
    from datetime import date

    text = re.sub(r"\s+", " ", typed.strip().casefold().replace("ё", "е"))
    for _ in range(2):  # a preposition before and a year word after: both may be there
        text = _DATE_AROUND.sub("", text).strip()
    for pattern, order, precision in _TYPED_DATES:
        found = pattern.fullmatch(text)
        if not found:
            continue
        parts = dict(zip(order, found.groups()))
        month = int(parts.get("m", "1")) if "M" not in parts else _month(parts["M"])
        if month is None:
            return None
        try:
            day = date(int(parts["y"]), month, int(parts.get("d", "1")))
        except ValueError:
            return None
        return day.isoformat(), precision
    return None


def unit_typed(typed: str) -> str:
    """A unit typed with its qualifier in Russian ("часов (более)") as the table holds
    qualifiers (in English: "часов (more than)"); the unit word itself as typed."""
    found = re.fullmatch(r"(.+?) \(([^()]+)\)", typed.strip())
    english = _english("qualifier", found[2]) if found else None
    return f"{found[1]} ({english})" if found and english else typed
