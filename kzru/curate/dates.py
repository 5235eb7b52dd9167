"""Dates in a sentence, at the precision the text gives and no finer.

A full date is ``stated``; a day without its year, a relative day ("вчера"), week, month or
year ("в прошлом году") is resolved against the article's date and ``inferred``, with a note
saying how. A sentence with no timing carries the article's date (basis ``publication``).
A note is a ``labels.Said``: it reads as the English the table's date_note holds, and kzru
review says it in the reader's language (its key and fields are kept in the review notes).
The records are kzru.curate.dated; a season, a part of a year, a week and a weekday are read
by kzru.curate.periods.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kzru.cues import MONTHS, RELATIVE_DAYS, SEASONS, WEEKDAYS
from kzru.curate.dated import Dated, Published, describe, shift_of
from kzru.curate.periods import period, season, week, weekday
from kzru.labels import Said

_MONTH = "|".join(f"(?:{pattern})" for pattern, _ in MONTHS)
_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.|гг\.))?"
# The part of a month a text may name instead of a day.
_MONTH_PART = (r"(?:конц[еау]|конец|начал[еуоа]|середин[еуы]|(?:перв|втор|последн|треть)"
               r"(?:ой|ей|ую|юю)\s+(?:половин[еуы]|декад[еуы]))")
_PATTERNS = (
    ("iso", re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")),
    ("numeric", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d|\.\d)")),
    ("day_month", re.compile(
        rf"(?<![\w.])(\d{{1,2}})(?:\s*(?:-|–|—|и|по)\s*(\d{{1,2}}))?\s+({_MONTH})(?![а-яa-z])"
        rf"(?:,?\s+(\d{{4}}){_YEAR_WORD})?", re.IGNORECASE)),
    ("month_relative", re.compile(
        rf"(?<![\w])({_MONTH})\s+(этого|текущего|прошлого|минувшего|следующего|будущего)\s+"
        r"года", re.IGNORECASE)),
    ("month_year", re.compile(rf"(?<![\w])({_MONTH})\s+(\d{{4}})(?!\d)", re.IGNORECASE)),
    ("month", re.compile(rf"(?<![\w])(?:в|во|с|до|к|на|in)\s+({_MONTH})(?![а-яa-z])",
                         re.IGNORECASE)),
    # a part of a month ("в конце мая", "к середине июня", "в первой декаде марта") is no
    # day: the month is as precise as the text allows
    ("month", re.compile(rf"(?<![\w])(?:в|во|с|до|к|на|по)\s+{_MONTH_PART}\s+({_MONTH})"
                         r"(?![а-яa-z])", re.IGNORECASE)),
    # a season ("весной", "осенью этого года", "летом 2027 года"): no month of its own
    ("season", re.compile(
        r"(?<![\w])(" + "|".join(SEASONS) + r")(?:\s+(этого|текущего|прошлого|минувшего|"
        r"следующего|будущего)\s+года|,?\s+(\d{4})(?:\s*(?:года|году|г\.))?)?(?![\w])",
        re.IGNORECASE)),
    # a part of a year by its half or quarter ("до конца первого полугодия", "во втором
    # квартале 2027 года"): a deadline is the period's last month, a period its year
    ("period", re.compile(
        r"(?<![\w])(до\s+конца|к\s+концу|в|во)\s+(перв|втор|трет|четверт)\w*\s+"
        r"(полугоди|квартал)\w*(?:\s+(?:(этого|текущего|следующего|будущего|прошлого)\s+года|"
        r"(\d{4})\s*(?:года|г\.)?))?", re.IGNORECASE)),
    ("year_end", re.compile(
        r"(?<![\w])(?:до\s+конца|к\s+концу)\s+(?:(этого|текущего|следующего|будущего)\s+)?"
        r"года(?![\w])", re.IGNORECASE)),
    ("year", re.compile(rf"(?<![\w])(?:в|во|с|до|к|на|за|по|in|since)\s+(?:{_MONTH_PART}\s+)?"
                        r"(\d{4})(?:-м)?"
                        # a number with a unit after it ("до 1200 МВт") is no year
                        r"(?:\s*(?:году|года|год|г\.)|(?!\s*(?!(?:и|или|and|or)\s)[^\W\d_]))"
                        r"(?!\d)", re.IGNORECASE)),
    ("year", re.compile(r"(?<![\w-])(\d{4})-(?:й|м|го|му|ом)(?![а-я])", re.IGNORECASE)),
    ("year_relative", re.compile(
        r"(?<![\w])(\w+?)(?:ом|ем|ого|его|ий|ый)\s+год(?:у|а)?(?![а-я])", re.IGNORECASE)),
    ("week_relative", re.compile(r"(?<![\w])(\w+?)(?:ой|ей|ую|юю)\s+недел[еи]", re.IGNORECASE)),
    ("month_shift", re.compile(r"(?<![\w])(\w+?)(?:ом|ем|ого|его)\s+месяц[еа]", re.IGNORECASE)),
    # a day of a week named relative to the article's ("в прошлую пятницу", "в эту субботу",
    # "в следующий вторник")
    ("weekday_shift", re.compile(
        r"(?<![\w])(?:в|во)\s+(прошл|минувш|эт|следующ|ближайш)\w*\s+(" + "|".join(WEEKDAYS) +
        r")(?![\w])", re.IGNORECASE)),
    # a day of the week ("в пятницу", "во вторник"): that day of the article's week
    ("weekday", re.compile(r"(?<![\w])(?:в|во|on)\s+(" + "|".join(WEEKDAYS) + r")(?![\w])",
                           re.IGNORECASE)),
    ("day_word", re.compile(r"(?<![\w])(" + "|".join(RELATIVE_DAYS) + r")(?![\w])",
                            re.IGNORECASE)),
    # "накануне" alone is the day before ("Накануне посол заявил…", "накануне в Москве");
    # before a noun in the genitive it is "on the eve of" something ("накануне визита",
    # "накануне переговоров"), no day. Taken only where the next word cannot be one: a
    # comma, a preposition, or a word ending in a consonant that is no genitive plural
    ("eve", re.compile(r"(?<![\w])(накануне)(?=\s*(?:[,.;:]|$)|\s+(?:в|во|на|с|у|по)\s|"
                       r"\s+[а-яё]*[бвгджзклмнпрстфхцчшщ](?<!ов)(?<!ев)(?<!ёв)(?![\w-]))",
                       re.IGNORECASE)),
)


# The note of a sentence dated by the one before it (kzru.curate.carried.continued): its English
# begins so (kzru.curate.events tells such a note by it).
CONTINUES = "No date of its own: it continues the sentence before it in the paragraph, dated"
CONTINUES_KEY = "draft.note.continues"


def month_number(word: str) -> int | None:
    for pattern, number in MONTHS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return number
    return None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: Published, tense: str = "") -> tuple[int, Said]:
    """The year of a day named without one: the article's, unless the verb's tense or the
    distance says otherwise (a past event after the article's day was last year's; one to
    come before it, next year's; with no tense, more than half a year away flips the year)."""
    year = published.date.year
    candidate = _valid(year, month, day) or date(year, month, 1)
    after = (candidate - published.date).days
    if tense == "past" and after > 0 and published.precision == "day" or \
            tense != "future" and after > 183:
        return year - 1, Said("draft.year.before", year=year)
    if tense == "future" and after < 0 and published.precision == "day" or \
            tense != "past" and after < -183:
        return year + 1, Said("draft.year.after", year=year)
    return year, Said("draft.year.same", year=year)


def _impossible(said: str) -> str:
    return (f"The text gives «{said}», a day no calendar has: dated only to its month, "
            "for the reviewer to check.")


def _match(kind: str, match: re.Match[str], published: Published,
           tense: str = "") -> Dated | None:
    """The date one pattern's match gives, or None if it names no real date."""
    at = (match.start(), match.end())
    said = match.group(0).strip()
    if kind == "iso":
        found = _valid(int(match[1]), int(match[2]), int(match[3]))
        return Dated(found, "day", "stated", "", None, *at) if found else None
    if kind == "numeric":
        found = _valid(int(match[3]), int(match[2]), int(match[1]))
        if found is None and 1 <= int(match[2]) <= 12:
            # "31.02.2025": no such day; the month and year are all the text gives
            return Dated(date(int(match[3]), int(match[2]), 1), "month", "stated",
                         _impossible(said), None, *at)
        return Dated(found, "day", "stated", "", None, *at) if found else None
    if kind == "day_month":
        month = month_number(match[3])
        if month is None:
            return None
        day, last = int(match[1]), int(match[2]) if match[2] else None
        if match[4]:
            year, basis, note = int(match[4]), "stated", ""
        else:
            year, how = _year_for(month, day, published, tense)
            basis, note = "inferred", Said("draft.note.day_no_year", said=said, how=how)
        found = _valid(year, month, day)
        end = _valid(year, month, last) if last else None
        if found is None or (last and (end is None or end < found)):
            # "30 февраля": no such day; the month is all the text gives
            return Dated(date(year, month, 1), "month", basis, _impossible(said), None, *at)
        return Dated(found, "day", basis, note, end, *at)
    if kind == "month_relative":
        month = month_number(match[1])
        offset = shift_of(match[2][:-3])
        if month is None or offset is None:
            return None
        year = published.date.year + offset
        return Dated(date(year, month, 1), "month", "inferred",
                     Said("draft.note.year_from", said=said, article=describe(published)), None,
                     *at)
    if kind == "month_year":
        month = month_number(match[1])
        year = int(match[2])
        if month is None or not 1000 <= year <= 2999:
            return None
        return Dated(date(year, month, 1), "month", "stated", "", None, *at)
    if kind == "month":
        month = month_number(match[1])
        if month is None:
            return None
        # a month to come is the article's own while any of its days is still ahead
        last = calendar.monthrange(published.date.year, month)[1]
        year, how = _year_for(month, last if tense == "future" else 1, published, tense)
        return Dated(date(year, month, 1), "month", "inferred",
                     Said("draft.note.month_no_year", said=said, how=how), None, *at)
    if kind == "year":
        year = int(match[1])
        worded = bool(re.search(r"год|г\.|-", said, re.IGNORECASE))
        if not (1000 <= year <= 2999 if worded else 1900 <= year <= 2100):
            return None  # a bare number out of the years news dates is no year
        return Dated(date(year, 1, 1), "year", "stated", "", None, *at)
    if kind == "year_relative":
        offset = shift_of(match[1])
        if offset is None:
            return None
        year = published.date.year + offset
        return Dated(date(year, 1, 1), "year", "inferred",
                     Said("draft.note.against", said=said, article=describe(published)), None,
                     *at)
    if kind == "month_shift":
        offset = shift_of(match[1])
        if offset is None or published.precision == "year":
            return None
        month_index = published.date.year * 12 + published.date.month - 1 + offset
        return Dated(date(month_index // 12, month_index % 12 + 1, 1), "month", "inferred",
                     Said("draft.note.against", said=said, article=describe(published)), None,
                     *at)
    if kind == "week_relative":
        offset = shift_of(match[1])
        if offset is None:
            return None
        return week(offset, said, published, at)
    if kind == "period":
        return period(match, published, tense, said, at)
    if kind == "year_end":
        shift = shift_of(match[1][:-3]) if match[1] else 0
        if shift is None:
            return None
        year = published.date.year + shift
        return Dated(date(year, 1, 1), "year", "inferred", Said(
            "draft.note.year_end", said=said, year=year, article=describe(published)), None,
            *at)
    if kind == "season":
        return season(match, published, tense, said, at)
    if kind == "weekday_shift":
        return weekday(WEEKDAYS[match[2].lower()], published, tense, said, at,
                        match[1].lower())
    if kind == "weekday":
        return weekday(WEEKDAYS[match[1].lower()], published, tense, said, at)
    if kind in ("day_word", "eve"):
        days = -1 if kind == "eve" else RELATIVE_DAYS[match[1].lower()]
        if published.precision != "day":
            return None  # a day cannot be counted from a month: the sentence stays undated
        found = published.date + timedelta(days=days)
        return Dated(found, "day", "inferred",
                     Said("draft.note.counted", said=said, article=describe(published)), None,
                     *at)
    return None


# A word of planning beside a month ("форум намечен в Омске на ноябрь", "запланирован на
# ноябрь", "назначен на ноябрь", "в ноябре предусмотрено"): the month is ahead, whatever the
# tense of the sentence's other verbs; not a plan told as past ("был намечен на март").
_PLANNING = (r"(?<![\w])(?<!был )(?<!была )(?<!было )(?<!были )"
             r"(?:(?:намеч|запланирован|предусмотрен|планиру)\w*|назначен\w*(?=\s+на\s))")
_PLANNED_BEFORE = re.compile(_PLANNING + r"[^,.;:!?—()«»]{0,40}$", re.IGNORECASE)
_PLANNED_AFTER = re.compile(r"^[^,.;:!?—()«»]{0,30}" + _PLANNING, re.IGNORECASE)


def _planned_for(sentence: str, start: int, stop: int) -> bool:
    """Whether a month named at ``start``..``stop`` is what a word of planning beside it
    sets the plan for."""
    # "назначен на ноябрь": the month's own "на" is what "назначен" must have after it
    given = 3 if sentence[start:start + 3].lower() == "на " else 0
    return bool(_PLANNED_BEFORE.search(sentence[max(0, start - 120):start + given])
                or _PLANNED_AFTER.search(sentence[stop:stop + 120]))


def find_dates(sentence: str, published: Published, tense: str = "") -> list[Dated]:
    """Every date expression in ``sentence``, in text order; overlapping matches keep the
    earlier-listed (more complete) pattern."""
    found: list[Dated] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < stop and start < match.end() for start, stop in taken):
                continue
            planned = kind == "month" and _planned_for(sentence, match.start(), match.end())
            dated = _match(kind, match, published, "future" if planned else tense)
            if dated is not None:
                found.append(dated)
                taken.append((match.start(), match.end()))
    found.sort(key=lambda item: item.start)
    # a day of the week set beside the day it names ("во вторник, 11 ноября") only checks it
    days = [d for d in found if d.precision == "day" and
            not _weekday_note(d)]
    return [d for d in found if not _weekday_note(d) or not any(
        0 <= other.start - d.stop <= 3 or 0 <= d.start - other.stop <= 3 for other in days)]


# A document named by its date ("договор от 25 мая 2020 г.", "указ № 12 от 3 марта"): "от"
# before the date, a noun of a document earlier in the same clause. The date is the
# document's, given to tell it from others, not the day anything in the sentence was done.
_DOCUMENT_NOUN = re.compile(
    r"(?<![\w])(?:соглашени|меморандум|декларац|протокол|договор(?!и)|документ|конвенц|"
    r"контракт|устав|закон|резолюц|указ(?!а|ыв)|постановлени|распоряжени|приказ|письм|"
    r"решени|коммюнике|программ|план(?!и))\w*[^.;:!?]{0,160}\sот\s*$", re.IGNORECASE)


def not_naming_documents(text: str, dates: list[Dated]) -> list[Dated]:
    """The dates of ``text`` but those that only name a document ("протокол к соглашению …
    от 23 декабря 1995 года"), which must not date what the sentence reports."""
    return [d for d in dates if not _DOCUMENT_NOUN.search(text[max(0, d.start - 200):d.start])]


def _weekday_note(dated: Dated) -> bool:
    return getattr(dated.note, "key", "").startswith("draft.note.weekday")


def publication(published: Published, basis_note: str = "") -> Dated:
    """A sentence without timing: as of the article's date, at its precision."""
    return Dated(published.date, published.precision, "publication", basis_note)


def sentence_date(sentence: str, published: Published, tense: str = "") -> Dated:
    """The sentence's first date, or the article's date when it gives none; ``tense`` (past,
    present, future, from the sentence's verbs) places a day named without its year."""
    found = find_dates(sentence, published, tense)
    return found[0] if found else publication(published)
