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
from kzru.errors import KzruError
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


def _unit_word(typed: str) -> str | None:
    """A unit word typed as a Russian page says it, as the table holds it: a form of a word
    of the vocabulary ("часов", "долл. США") by its English, a multiplier with one ("млн
    тонн" → "million tonnes"), a Russian word by its lemma where the endings rule leaves no
    doubt (the drafter's units are lemmas: "вагонов" → "вагон"); None when no rule reads it."""
    from kzru.data_words import counted_lemma, noun_forms

    wanted = typed.strip().casefold().replace("ё", "е")
    table = part("unit.")
    for key, (english, russian) in table.items():
        if key.startswith("unit.") and wanted in russian.casefold().replace("ё", "е").split("|"):
            return english
        if key.startswith("multiplier.") and wanted.startswith(russian + " "):
            unit = _unit_word(typed.strip()[len(russian) + 1:])
            if unit is not None and not re.search("[а-яё]", unit):
                return f"{english} {unit}"
    if not re.fullmatch(r"[а-яё-]+", wanted):
        return None
    lemma = counted_lemma(wanted)
    if lemma:
        return lemma
    forms = noun_forms(wanted)
    return wanted if forms and forms[0] == wanted and wanted[-1] not in "аяыи" else None


# A figure typed as a Russian page says it: a qualifier before it, a number, the unit word and
# what it is per ("более 4 часов", "около 1000 грузовиков в год", "долл. США"), or the unit
# with its qualifier in brackets after it ("часов (более)", as show prints a unit).
_FIGURE = re.compile(r"(?:(?P<before>не менее|более|около|почти|до|менее|свыше)\s+)?"
                     r"(?P<number>\d[\d \u00a0\u202f]*(?:[.,]\d+)?\s+)?(?P<word>.+?)"
                     r"(?:\s+(?P<per>в \w+|на \w+|на душу населения))?"
                     r"(?:\s+\((?P<bracket>[^()]+)\))?")


def unit_typed(typed: str) -> tuple[str, str | None]:
    """A unit typed as a Russian page shows it, as the table holds units: (unit, the number
    typed with it or None). "часов (более)" → hours (more than); "более 4 часов" → (hours
    (more than), 4); "долл. США" → USD; "грузовиков в год (около)" → trucks per year (about);
    a Russian word by its lemma. What no rule reads is kept as typed, its qualifier in
    English where it is one (the curated-row rules judge the rest)."""
    found = _FIGURE.fullmatch(typed.strip())
    if found is None:
        return typed, None
    qualifiers = [q for q in (found["before"], found["bracket"]) if q]
    english_q = [_english("qualifier", q) for q in qualifiers]
    per = _english("per", found["per"]) if found["per"] else ""
    word = _unit_word(found["word"])
    if len(qualifiers) > 1 or None in english_q or (found["per"] and not per) or word is None:
        bracket = re.fullmatch(r"(.+?) \(([^()]+)\)", typed.strip())
        english = _english("qualifier", bracket[2]) if bracket else None
        return (f"{bracket[1]} ({english})" if bracket and english else typed), None
    unit = " ".join(filter(None, (word, per)))
    if english_q:
        unit += f" ({english_q[0]})"
    number = found["number"].strip() if found["number"] else None
    return unit, number


# --- a review's --set FIELD=VALUE pairs and edits, as the table holds them ---------------

def typed_values(changes: dict, data) -> dict:  # noqa: ANN001 - model.Dataset
    """Values typed as a Russian page shows them, as the table holds them (kzru.curate.review
    judges the rest on accept): a status, kind, date precision or basis by its Russian word,
    sectors by their Russian names, a speaker by the glossary's Russian name and a role word,
    a unit's qualifier in Russian, a figure with a decimal comma (2,5) or spaces (1 000)."""
    typed = {field: value_typed(field, value, data) for field, value in changes.items()}
    return dated(figure(typed, changes))


def figure(typed: dict, changes: dict) -> dict:
    """A unit typed with its number as a page shows a figure («более 4 часов»): the number is
    the value, unless a value is set as well and differs (then the unit is kept as typed, for
    the curated-row rules to judge)."""
    if not changes.get("unit"):
        return typed
    unit, number = unit_typed(changes["unit"])
    if number is None:
        return typed
    value = value_typed("value", number)
    if typed.get("value", value) != value:
        return {**typed, "unit": changes["unit"]}
    return {**typed, "unit": unit, "value": value}


def dated(changes: dict) -> dict:
    """A date typed as a page writes it («5 декабря 2025», «в декабре 2025 года», «2025 г.»,
    2025-12) as the table holds it, its precision the one the words state unless a precision
    is set as well; a date no rule reads is kept as typed (refused on accept, at its --set)."""
    found = date_typed(changes["date"]) if changes.get("date") else None
    if found is None:
        return changes
    with_date = {**changes, "date": found[0]}
    with_date.setdefault("date_precision", found[1])
    return with_date


CLOSED = {"status": None, "kind": None, "date_precision": ("day", "month", "year"),
          "date_basis": ("stated", "inferred", "publication")}
NOUNS = {"date_precision": "date precision", "date_basis": "date basis"}


def value_typed(field: str, value: str, data=None) -> str:  # noqa: ANN001 - model.Dataset
    """One value typed in either language as the value the data holds; a value no rule reads
    is kept as typed (the curated-row rules judge it on accept)."""
    typed = value.strip()
    if not typed:
        return value
    if field in CLOSED:
        from kzru import query
        from kzru.errors import choose

        allowed = CLOSED[field] or {"status": query.STATUSES, "kind": query.FACT_KINDS}[field]
        try:
            return choose(typed, allowed, NOUNS.get(field, field))
        except KzruError:
            return value
    if field == "sectors" and data is not None:
        from kzru.taxonomy import resolve_sector

        items = [item.strip() for item in re.split(r"[;,]", typed) if item.strip()]
        return "; ".join(dict.fromkeys(resolve_sector(item, data.sectors) for item in items))
    if field == "speaker" and data is not None:
        from kzru.data_words import names_of

        return speaker_typed(typed, names_of(data.glossary))
    if field == "unit":
        return unit_typed(typed)[0]
    if field == "value":
        digits = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", typed)  # 1 000
        # a decimal comma (2,5), never a comma before exactly three digits (1,000 is ambiguous)
        return re.sub(r"^(-?\d+),(\d{1,2}|\d{4,})$", r"\1.\2", digits)
    return value
