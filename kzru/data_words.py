"""Data with no Russian column, said in the reader's language by rule: a figure's unit and a
speaker (their name and role). The data holds them in English (a unit "hours (more than)", a
speaker "Gaziz Abishev (political scientist)"), but they are made of closed sets of words
(kzru/vocabulary.py) and of names the glossary holds in both scripts, so a Russian page can say
"более 4 часов" and "Газиз Абишев (политолог)" instead of mixing English into Russian.

Why apart from labels.py: these rules read the data's value (a Russian noun agrees with its
number) and a unit's parts, which a label does not. What the rules do not know (a unit word
not in the vocabulary, a bracket that is not a qualifier) is shown as the table has it: the
help of --lang says so (data with no Russian column stays as written).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from kzru.labels import LABELS, say, word

# what a unit in the table is made of: "trucks per year (about)"
_UNIT = re.compile(r"^(?P<base>.+?)(?: (?P<per>per \w+))?(?: \((?P<bracket>[^()]+)\))?$")
# qualifiers that govern the genitive in Russian ("более 4 часов", "до 30 абитуриентов")
_GENITIVE = ("more than", "about", "up to", "less than")


def _russian(key: str) -> str | None:
    found = LABELS.get(key)
    return found[1] if found else None


def _forms(base: str) -> tuple[str, str, str] | None:
    """The Russian forms of a unit word after 1, 2 and 5 ("час", "часа", "часов"), for the
    word as the table writes it in the singular or the plural."""
    for english in (base, base + "s", base + "es", re.sub("y$", "ies", base)):
        found = _russian(f"unit.{english}")
        if found:
            one, few, many = found.split("|")
            return one, few, many
    return None


def plural(value: str, forms: tuple[str, str, str], genitive: bool = False) -> str:
    """The form of a Russian noun after the number ``value``: 1 час, 2 часа, 5 часов, 2.5
    часа; after a qualifier that governs the genitive, 1 часа (более 21 часа), else часов."""
    one, few, many = forms
    if not re.fullmatch(r"-?[0-9]+", value.strip()):
        return few  # a fraction takes the genitive singular: 2.5 часа
    number = abs(int(value))
    if number % 10 == 1 and number % 100 != 11:
        return few if genitive else one
    if not genitive and number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14):
        return few
    return many


def _parts(value: str, unit: str) -> tuple[str, str] | None:
    """(qualifier, the unit said) in Russian, or None when a part has no rule."""
    found = _UNIT.match(unit.strip())
    if not found:
        return None
    base, per, bracket = found["base"], found["per"], found["bracket"]
    qualifier = ""
    if bracket:
        qualifier = _russian(f"qualifier.{bracket}") or ""
        if not qualifier:
            return None  # a note in brackets, not a qualifier: free text
    if re.search("[а-яё]", base, re.IGNORECASE):
        said = base  # the drafter's unit, a Russian word already (its lemma)
    else:
        forms = _forms(base)
        if forms is None:
            return None
        said = plural(value, forms, genitive=bracket in _GENITIVE)
    if per:
        per_said = _russian(f"per.{per.split()[-1]}")
        if per_said is None:
            return None
        said += " " + per_said
    return qualifier, said


def unit_said(unit: str, value: str, lang: str) -> str:
    """A unit in the reader's language, agreeing with its value ("часов (более)"); as the
    table has it in English or where no rule says it."""
    if lang != "ru" or not unit:
        return unit
    found = _parts(value, unit)
    if found is None:
        return unit
    qualifier, said = found
    return f"{said} ({qualifier})" if qualifier else said


def figure_said(value: str, unit: str, lang: str,
                escape: "Callable[[str], str]" = str) -> str:
    """A value with its unit as a sentence says it: "4 hours (more than)" in English (as the
    table has it), "более 4 часов" in Russian; ``escape`` is applied to the words (Markdown)."""
    found = _parts(value, unit) if lang == "ru" and unit else None
    if found is None:
        return f"{value} {escape(unit)}".strip()
    qualifier, said = found
    return f"{qualifier} {value} {escape(said)}".strip()


class Names:
    """The glossary's people, bodies and universities by each of their names (any case): the
    Russian name a Russian page says for a name the table holds in English, and back."""

    def __init__(self, entries: Iterable) -> None:  # GlossaryEntry (kzru.model)
        self.russian: dict[str, str] = {}
        self.english: dict[str, str] = {}
        self.acronym: dict[str, str] = {}
        for entry in entries:
            if entry.kind not in ("person", "organization", "university") or not entry.name_ru:
                continue
            cyrillic = [n for n in entry.aliases if re.search("[а-яё]", n, re.IGNORECASE)]
            short = next((n for n in cyrillic if re.fullmatch(r"[А-ЯЁ]{2,6}", n)), "")
            for name in (entry.name_en, *entry.aliases):
                if not re.search("[а-яё]", name, re.IGNORECASE):
                    self.russian.setdefault(name.casefold(), entry.name_ru)
                    if short and re.fullmatch(r"[A-Z][A-Za-z]{1,7}", name):
                        self.acronym.setdefault(name.casefold(), short)  # KazISS → КИСИ
            for name in (entry.name_ru, *cyrillic):
                self.english.setdefault(name.casefold().replace("ё", "е"), entry.name_en)

    def said(self, name: str) -> str | None:
        """The Russian name of a name the table holds in English (an acronym as an acronym)."""
        key = name.casefold()
        return self.acronym.get(key) or self.russian.get(key)


_NAMES: list[tuple[object, Names]] = []


def names_of(glossary: dict) -> Names:
    """The glossary's Names, worked out once per loaded glossary (a brief asks per line)."""
    for held, names in _NAMES:
        if held is glossary:
            return names
    names = Names(glossary.values())
    _NAMES[:] = [(glossary, names)]
    return names


def speaker_said(speaker: str, names: Names, lang: str) -> str:
    """A speaker in the reader's language: each person or body by its Russian name, a role in
    brackets by the vocabulary (political scientist → политолог) or the glossary (KazISS →
    КИСИ); a name or role neither knows stays as the table has it."""
    if lang != "ru" or not speaker:
        return speaker
    said = []
    for one in speaker.split("; "):
        name, bracket, role = one.partition(" (")
        named = names.said(name) or say(word("speaker", name), lang)
        if bracket and role.endswith(")"):
            role = role[:-1]
            role = _russian(f"speaker_role.{role}") or names.said(role) or role
            named += f" ({role})"
        elif bracket:
            named += bracket + role
        said.append(named)
    return "; ".join(said)


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
    return next((english for key, (english, ru) in LABELS.items() if key.startswith(prefix + ".")
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


# A record's fields that hold a closed set, by the vocabulary prefix a Russian page says them
# with (a fact's and an event's kind differ: see said_row).
CLOSED = {"status": "brief.status", "date_precision": "precision", "date_basis": "basis",
          "published_precision": "precision", "published_basis": "basis",
          "review": "review_state", "role": "role", "voice": "voice",
          "first_precision": "precision", "last_precision": "precision"}


def number_text(value: object) -> str:
    """A figure as the table writes it (4, 2.5), for a noun to agree with."""
    if value is None or value == "":
        return ""
    try:
        return str(int(value)) if float(value).is_integer() else str(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)


def said_row(row: dict, lang: str, names: "Names | None" = None) -> dict:
    """A record as a Russian page shows it: its closed-set values in words (signed →
    подписано, day → день, inferred → выведена), its unit and speaker by rule; the machine
    formats never see this copy (they keep the values)."""
    if lang != "ru":
        return row
    said = dict(row)
    if row.get("review") == "draft":  # a draft's mark before its text (commands.shared)
        english, russian = LABELS["note.draft"]
        for key in ("summary", "text"):
            value = said.get(key)
            if isinstance(value, str) and value.startswith(english + " "):
                said[key] = russian + value[len(english):]
    for key, prefix in CLOSED.items():
        value = said.get(key)
        if isinstance(value, str) and value:
            said[key] = _russian(f"{prefix}.{value}") or value
    verdict = said.get("verdict")  # track's: "reaffirmed — still open" is verdict.reaffirmed
    if isinstance(verdict, str) and verdict:
        said["verdict"] = _russian("verdict." + verdict.split(" —")[0].replace(" ", "_")) or \
            verdict
    kind = said.get("kind")
    if isinstance(kind, str) and kind:
        prefix = "kind" if "status" in row else "event_kind"
        said["kind"] = _russian(f"{prefix}.{kind}") or kind
    unit = said.get("unit")
    if isinstance(unit, str) and unit:
        said["unit"] = unit_said(unit, number_text(row.get("value")), lang)
    speaker = said.get("speaker")
    if names is not None and isinstance(speaker, str) and speaker:
        said["speaker"] = speaker_said(speaker, names, lang)
    return said
