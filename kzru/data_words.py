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

from kzru.labels import LABELS, part, say, word

# what a unit in the table is made of: "trucks per year (about)"
_UNIT = re.compile(r"^(?P<base>.+?)(?: (?P<per>per \w+))?(?: \((?P<bracket>[^()]+)\))?$")
# qualifiers that govern the genitive in Russian ("более 4 часов", "до 30 абитуриентов")
_GENITIVE = ("more than", "about", "up to", "less than", "at least", "over")


def _russian(key: str) -> str | None:
    """The Russian of a word of the table (kzru/rule_words.py for units and roles), or None."""
    found = LABELS.get(key) or part(key).get(key)
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


# Russian nouns whose forms after a number no ending rule gives (год → лет, человек → человек),
# and those that never change (евро, тенге, км, %).
_IRREGULAR = {"год": ("год", "года", "лет"), "место": ("место", "места", "мест"),
              "человек": ("человек", "человека", "человек"), "раз": ("раз", "раза", "раз"),
              "день": ("день", "дня", "дней"), "рубль": ("рубль", "рубля", "рублей"),
              "ребенок": ("ребенок", "ребенка", "детей"),
              "ребёнок": ("ребёнок", "ребёнка", "детей")}
_INDECLINABLE = re.compile(r".*[иуюэ]|.*[^аеёиоуыэюяь]\.|[бвгджзклмнпрстфхцчшщ]{1,4}|евро|"
                           r"метро|кино|радио|авто|депо|бюро|кафе|кофе|шоссе|пальто|тенге|%")
_HUSHING = "жшчщ"
_CONSONANTS = "бвгджзйклмнпрстфхцчшщ"


def noun_forms(lemma: str) -> tuple[str, str, str] | None:
    """A Russian noun's forms after 1, 2 and 5 (the drafter's unit is the lemma of the word in
    the article: "процент" → процент, процента, процентов), by the regular endings of its
    declension; None where the ending leaves it open (a ь noun's gender, a vowel that comes and
    goes: сделка → сделок), so the word is then shown as written, never misspelled."""
    word = lemma.strip()
    low = word.casefold()
    if not re.fullmatch(r"[а-яё.%-]+", low):
        return None  # several words, Latin letters: not one Russian noun
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if _INDECLINABLE.fullmatch(low):
        return word, word, word
    stem, last = word[:-1], low[-1]
    before = low[-2:-1]
    if last in _CONSONANTS and last != "й":
        if last == "ц" or low.endswith(("ок", "ек", "ёк")):
            return None  # отец → отца, потолок → потолка: a vowel that goes
        if low.endswith(("ватт", "вольт", "ампер", "герц")):  # units named after people
            return word, word + "а", word
        return word, word + "а", word + ("ей" if last in _HUSHING else "ов")
    if last == "й" and before in ("а", "е", "о", "у", "я", "и"):
        return word, stem + "я", stem + "ев"
    if low.endswith("тель"):  # учитель, предприниматель: masculine
        return word, stem + "я", stem + "ей"
    if last == "а" and before in _CONSONANTS and before != "й":
        few = stem + ("и" if before in "гкхжшчщ" else "ы")
        if low[-3:-2] in _CONSONANTS and low[-3:-2] != before:
            return None  # поездка → поездок: a vowel comes between the two consonants
        return word, few, stem
    if low.endswith("ия"):  # компания → компании → компаний
        return word, stem + "и", stem + "й"
    if last == "я" and before in "ае":  # идея → идеи → идей
        return word, stem + "и", stem + "й"
    if last == "я" and before in "лн" and low[-3:-2] in "аеёиоуыэюя":  # неделя → недель
        return word, stem + "и", stem + "ь"
    if low.endswith("ие"):  # соглашение → соглашения → соглашений
        return word, stem + "я", stem + "й"
    if low.endswith("ство"):  # государство → государств: regular
        return word, stem + "а", stem
    return None  # дерево → деревьев, окно → окон, площадь (feminine ь): left as written


def counted_lemma(word: str) -> str | None:
    """The lemma ``word`` is the form after 5 of, by the endings rule, when it is one
    ("процентов" → процент, "матчей" → матч): a unit a reviewer typed as a page shows it,
    not the lemma the drafter writes; else None."""
    low = word.casefold()
    for ending, lemma_ending in (("ов", ""), ("ев", "й"), ("ей", ""), ("ей", "ь")):
        if low.endswith(ending):
            lemma = low[: -len(ending)] + lemma_ending
            forms = noun_forms(lemma)
            if forms and forms[2] == low:
                return lemma
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
    multiplier = _russian(f"multiplier.{base.split()[0]}") if " " in base else None
    if multiplier:  # "million tonnes": млн тонн, whatever the number
        forms = _forms(base.split(" ", 1)[1])
        if forms is None:
            return None
        said = f"{multiplier} {forms[2]}"
    elif re.search("[а-яё]", base, re.IGNORECASE):
        # the drafter's unit, a Russian word already (its lemma): its form after the number
        # by rule, else as written (so is a word already in its form after 5: процентов)
        forms = None if counted_lemma(base) else noun_forms(base)
        said = plural(value, forms, genitive=bracket in _GENITIVE) if forms else base
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


def role_said(role: str, names: Names) -> str:
    """A speaker's role in Russian by the vocabulary and the glossary, by rule for its parts:
    roles joined by commas each said ("political scientist, KazISS" → «политолог, КИСИ»), a
    word before one ("former ambassador" → «бывший посол»), a role of a body the glossary
    names by an acronym ("director of KazISS" → «директор КИСИ»: an acronym does not change
    its form). A role no rule says stays as the table writes it (kzru never guesses a
    translation)."""
    if ", " in role:
        return ", ".join(role_said(one, names) for one in role.split(", "))
    found = _russian(f"speaker_role.{role}") or names.said(role)
    if found:
        return found
    first, _, rest = role.partition(" ")
    before = _russian(f"role_word.{first}") if rest else None
    if before:
        said = role_said(rest, names)
        return f"{before} {said}" if said != rest else role
    head, of, body = role.partition(" of ")
    if of:
        said_head = _russian(f"speaker_role.{head}")
        acronym = names.acronym.get(body.casefold()) or (
            names.said(body) if re.fullmatch(r"[A-Z]{2,6}", body) else None)
        if said_head and acronym and re.fullmatch(r"[А-ЯЁ]{2,6}", acronym):
            return f"{said_head} {acronym}"
    return role


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
            named += f" ({role_said(role[:-1], names)})"
        elif bracket:
            named += bracket + role
        said.append(named)
    return "; ".join(said)


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
