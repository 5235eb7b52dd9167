"""Numbers with units in a sentence: the first figure that is not part of a date, its value
with every digit (multipliers applied: "2,5 млрд"), its unit (a currency, or the noun after
it) and its qualifier ("более", "около", "до").

Kept apart from drafting (kzru.curate.draft), which asks for a sentence's figure: reading a
number is one rule table (kzru.number_words: MULTIPLIERS, CURRENCIES, QUALIFIERS), not assembly.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from kzru.curate.annotate import Sentence
from kzru.curate.dates import Dated
from kzru.curate.decide import cue_at, normalize
from kzru.number_words import (
    CURRENCIES,
    DURATION_VERBS,
    MULTIPLIERS,
    NUMBER_WORDS,
    QUALIFIERS,
    RANGE_JOINERS,
    TIME_UNITS,
)

_NUMBER = re.compile(
    r"(?<![\w.,])(?P<currency>[$€₽₸]\s?)?(?P<digits>\d{1,3}(?:[\s\u00a0]\d{3})+|\d+)"
    r"(?:[.,](?P<fraction>\d+))?(?![\w.,]\d)")


# A number joined to the next by a dash or "или" ("5-6 часов", "20–25 млрд", "5 или 6"): a
# range, which the figure reader cannot hold as one value ("с 20 до 28 млрд" is no range: the
# figure is what was reached).
_DIGIT_RANGE = re.compile(r"\s*(?:[-–—]|\s(?:или|or)\s)\s*\d+(?:[.,]\d+)?")


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < stop for start, stop in spans)


def find_number(sentence: Sentence, dates: Sequence[Dated]) -> tuple[str, str, int]:
    """The first number with a unit that is not part of a date: (value, unit, offset)."""
    text = sentence.text
    date_spans = [(d.start, d.stop) for d in dates]
    range_end = -1
    for match in _NUMBER.finditer(text):
        if _inside(match.start(), date_spans) or match.start() < range_end:
            continue
        joined = _DIGIT_RANGE.match(text, match.end())
        if joined:  # "5-6 часов", "20–25 млрд": neither end is the figure
            range_end = joined.end()
            continue
        digits = re.sub(r"[\s\u00a0]", "", match["digits"])
        before = text[max(0, match.start() - 3):match.start()]
        if "№" in before or (len(digits) == 4 and 1900 <= int(digits) <= 2100
                             and not match["currency"]) or _age(text, match):
            continue
        value = Decimal(f"{digits}.{match['fraction']}" if match["fraction"] else digits)
        rest = text[match.end():]
        unit_words = re.findall(r"[^\W\d_]+|[$€₽₸]", rest)[:3]
        currency = CURRENCIES.get((match["currency"] or "").strip(), "")
        index = 0
        if unit_words and normalize(unit_words[0]).rstrip(".") in MULTIPLIERS:
            value *= MULTIPLIERS[normalize(unit_words[0]).rstrip(".")]
            index = 1
        unit = currency
        if not unit and index < len(unit_words):
            word = normalize(unit_words[index])
            unit = next((code for stem, code in CURRENCIES.items() if word.startswith(stem)), "")
            if not unit:
                token = cue_at(sentence, sentence.start + match.end() + rest.find(
                    unit_words[index]))
                if token is None or token.pos not in ("NOUN", "ADJF"):
                    continue
                unit = token.lemma
        if not unit:
            continue
        second = _COMPOUND_AFTER.match(normalize(text), match.end() + rest.find(
            unit_words[index]) + len(unit_words[index])) if unit.startswith(TIME_UNITS) else None
        if second:  # "4 часа 30 минут", "2 дня и 3 часа": no one value in one unit
            range_end = second.end()
            continue
        prefix = normalize(text[max(0, match.start() - 12):match.start()]).split()
        qualifier = next((QUALIFIERS[w] for w in prefix[-2:] if w in QUALIFIERS), "")
        if prefix[-1:] == ["до"] and _after_change(sentence, match.start()):
            qualifier = ""  # "вырос до 28": the figure it reached, not an upper bound
        if prefix[-2:] == ["более", "чем"] or prefix[-1:] == ["чем"]:
            qualifier = "more than"
        shown = format(value.normalize(), "f") if value == value.to_integral() else \
            format(value, "f")
        if "." in shown:
            shown = shown.rstrip("0").rstrip(".")
        return shown, f"{unit} ({qualifier})" if qualifier else unit, match.start()
    return _duration(sentence)


# A person's age ("которому исполнилось 70 лет", "в возрасте 65 лет", "исполняется 73
# года"): a number of years after these words describes someone, it is no figure of the
# relations
_AGE_BEFORE = re.compile(r"(?<!\w)(?:исполн[яиеё]\w*|в\s+возрасте|возраст\w*)\s+(?:\S+\s+){0,2}$")
_YEARS_AFTER = re.compile(r"\s*(?:год|года|лет)(?!\w)")


def _age(text: str, match: re.Match[str]) -> bool:
    return bool(_YEARS_AFTER.match(normalize(text[match.end():match.end() + 8]))) and \
        bool(_AGE_BEFORE.search(normalize(text[max(0, match.start() - 40):match.start()])))


_NUMBER_WORD = "(?:" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + \
    r")(?!\w)"
_WORDED = re.compile(r"(?<![\w-])(?:(около|более|почти|примерно|свыше|менее|about|over|nearly)"
                     rf"\s+)?({_NUMBER_WORD}(?:\s+{_NUMBER_WORD})*)\s+(\w+)", re.IGNORECASE)
# After the unit: a second amount joined to it ("два дня и три часа", "час, двадцать минут")
# or a half ("два часа с половиной"): the figure is a compound the reader cannot hold.
_COMPOUND_AFTER = re.compile(
    rf"\s*(?:(?:,|и|and)\s+)?(?:{_NUMBER_WORD}|\d+)\s+(?:{'|'.join(TIME_UNITS)})\w*"
    r"|\s+с\s+половин", re.IGNORECASE)


def _duration(sentence: Sentence) -> tuple[str, str, int]:
    """How long something lasted, its number said in words, after a verb of lasting
    ("переговоры длились около трёх часов" → 3, "час (about)"; "двадцать пять минут" → 25,
    the compound read whole); a range ("пять-шесть часов") or an amount of two units ("два
    дня и три часа") gives no figure, never one part of it."""
    text = normalize(sentence.text)
    if not any(re.search(rf"(?<!\w){verb}", text) for verb in DURATION_VERBS):
        return "", "", -1
    for match in _WORDED.finditer(text):
        if not match[3].startswith(TIME_UNITS):
            continue
        value = _compound(match[2].split())
        if not value or _joined_before(sentence, text, match.start(2)) or \
                _COMPOUND_AFTER.match(text, match.end(3)):
            return "", "", -1
        token = cue_at(sentence, sentence.start + match.start(3))
        unit = token.lemma if token is not None else match[3]
        qualifier = QUALIFIERS.get(match[1] or "", "")
        return value, f"{unit} ({qualifier})" if qualifier else unit, match.start(2)
    return "", "", -1


def _compound(words: list[str]) -> str:
    """The number a run of number words makes ("двадцать пять" 25, "ста двадцати" 120), each
    word of a smaller place than the one before (hundreds, tens or a teen, units); '' when the
    run is no one number ("пять шесть", "двадцать тридцать", a half in a compound)."""
    values = [Decimal(NUMBER_WORDS[word.lower()]) for word in words]
    if len(values) > 1 and any(v != v.to_integral_value() for v in values):
        return ""
    places = [3 if v >= 100 else 2 if v >= 10 else 1 for v in values]
    if any(later >= earlier for earlier, later in zip(places, places[1:])):
        return ""
    if any(earlier < 20 and later == 1 for earlier, later in zip(values, values[1:])
           if earlier >= 10):
        return ""  # "двенадцать пять": a teen takes no unit after it
    return str(sum(values))


def _joined_before(sentence: Sentence, text: str, at: int) -> bool:
    """Whether the number word at ``at`` ends a range or follows another number ("пять-шесть",
    "пяти или шести", "от пяти до шести", "тысяча двести"): a word of a range before it with a
    number before that, or a numeral the tables do not hold right before it."""
    before = text[:at].rstrip()
    for joiner in RANGE_JOINERS:
        if not re.search(("(?<!\\w)" if joiner.isalpha() else "") + re.escape(joiner) + "$",
                         before):
            continue
        rest = before[:-len(joiner)].rstrip()
        if re.search(rf"(?<!\w)(?:{_NUMBER_WORD}|\d+)$", rest, re.IGNORECASE) or \
                rest and _numeral(sentence, len(rest) - 1):
            return True
    return bool(before) and _numeral(sentence, len(before) - 1)


def _numeral(sentence: Sentence, at: int) -> bool:
    """Whether the word ending at ``at`` (in the normalised sentence) is a numeral or digits."""
    token = cue_at(sentence, sentence.start + at)
    return token is not None and (token.pos == "NUMR" or token.text.isdigit())


def _after_change(sentence: Sentence, at: int) -> bool:
    """Whether the "до" before the number at ``at`` follows a verb ("вырос до", "увеличили
    товарооборот до"): then it names what was reached."""
    before = [t for t in sentence.tokens if t.stop <= sentence.start + at]
    words = [t for t in before if re.search(r"\w", t.text)][-4:-1]
    return any(t.pos in ("VERB", "PRTF", "PRTS", "GRND", "INFN") for t in words)
