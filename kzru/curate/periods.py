"""Times a text names without a day: a season ("весной", "осенью прошлого года"), a half or a
quarter of a year ("до конца первого полугодия", "во втором квартале"), a week ("на прошлой
неделе") and a day of the week ("в пятницу", "в следующий вторник"), each read against the
article's date at the precision the text allows, with a note saying how.

Read by kzru.curate.dates, which finds the words; these say what time they are.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kzru.cues import SEASONS
from kzru.curate.dated import Dated, Published, describe, shift_of
from kzru.labels import Said

_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4}


def period(match: re.Match[str], published: Published, tense: str, said: str,
            at: tuple[int, int]) -> Dated | None:
    """A half or a quarter of a year: as a deadline ("до конца первого полугодия") the
    period's last month; as a period ("во втором квартале") its year, which is all a fact's
    precision holds of three or six months. The year given, the one the words name, else
    the article's (the next one for a deadline already past)."""
    number = _ORDINALS[match[2].lower()]
    months = 6 if match[3].lower().startswith("полугоди") else 3
    if number * months > 12:
        return None
    last = number * months
    year = published.date.year
    if match[5]:
        year, basis = int(match[5]), "stated"
    else:
        basis = "inferred"
        if match[4]:
            shift = shift_of(match[4][:-3])
            year += shift or 0
        elif tense == "future" and date(year, last, calendar.monthrange(year, last)[1]) < \
                published.date:
            year += 1
    deadline = match[1].lower().replace(" ", "").startswith(("доконца", "кконцу"))
    if deadline:
        return Dated(date(year, last, 1), "month", "inferred", Said(
            "draft.note.deadline", said=said, month=f"{year}-{last:02d}"), None, *at)
    return Dated(date(year, 1, 1), "year", basis, Said(
        "draft.note.period", said=said, first=f"{year}-{last - months + 1:02d}",
        last=f"{year}-{last:02d}"), None, *at)


def season(match: re.Match[str], published: Published, tense: str, said: str,
            at: tuple[int, int]) -> Dated | None:
    """A season is three months, which no fact's precision holds: it is dated to its year
    (the year given, or the one the words or the tense place it in), with a note naming its
    months. A winter that spans two years, with no year given, has no date of its own."""
    first, last = SEASONS[match[1].lower()]
    year, basis = published.date.year, "inferred"
    if match[3]:
        year, basis = int(match[3]), "stated"
        how: Said | None = None
    elif match[2]:
        shift = shift_of(match[2][:-3])
        if shift is None:
            return None
        year += shift
        how = Said("draft.season.from", article=describe(published))
    else:
        if first > last:
            return None  # December to February: two years
        opens, closes = date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
        if tense == "past" and opens > published.date:
            year -= 1  # a past spring not yet begun this year was last year's
        elif tense == "future" and closes < published.date:
            year += 1
        elif not tense and abs((opens - published.date).days) > 183 and \
                abs((closes - published.date).days) > 183:
            year += 1 if opens < published.date else -1
        how = Said("draft.year.same" if year == published.date.year else "draft.year.before"
                   if year < published.date.year else "draft.year.after",
                   year=published.date.year)
    if not 1000 <= year <= 2999:
        return None
    months = f"{first:02d}–{last:02d}"
    note = Said("draft.note.season", said=said, months=months, year=year, how=how) if how \
        else Said("draft.note.season_stated", said=said, months=months, year=year)
    first_day = date(year - (first > last), first, 1)
    last_day = date(year, last, calendar.monthrange(year, last)[1])
    return Dated(date(year, 1, 1), "year", basis, note, None, *at, (first_day, last_day))


def weekday(day: int, published: Published, tense: str, said: str,
             at: tuple[int, int], shift: str = "") -> Dated | None:
    """A day of the week is counted from the article's day: the last such day up to it for
    what happened or happens (the article's own day included), the next for what is to come.
    Named with a word: "прошлую"/"минувшую" is the last before the article's day, "эту" the
    one of the article's week, "следующую" the one of the week after, "ближайшую" the next."""
    if published.precision != "day":
        return None
    monday = published.date - timedelta(days=published.date.weekday())
    if shift in ("прошл", "минувш"):
        found = published.date - timedelta(days=(published.date.weekday() - day - 1) % 7 + 1)
        tense = "past"
    elif shift == "эт":
        found = monday + timedelta(days=day)
        tense = "future" if found >= published.date else "past"
    elif shift == "следующ":
        found, tense = monday + timedelta(days=7 + day), "future"
    elif shift == "ближайш" or tense == "future":
        found = published.date + timedelta(days=(day - published.date.weekday()) % 7 or (
            7 if shift else 0))
        tense = "future"
    else:
        found = published.date - timedelta(days=(published.date.weekday() - day) % 7)
    return Dated(found, "day", "inferred",
                 Said("draft.note.weekday_next" if tense == "future" else
                      "draft.note.weekday_last", said=said, article=describe(published)),
                 None, *at)


def week(offset: int, said: str, published: Published, at: tuple[int, int]) -> Dated | None:
    """A week has no precision of its own: the month when the whole week lies in one month,
    else the year when it lies in one year."""
    if published.precision != "day":
        return None
    monday = published.date - timedelta(days=published.date.weekday()) + timedelta(weeks=offset)
    sunday = monday + timedelta(days=6)
    week = {"said": said, "monday": monday.isoformat(), "sunday": sunday.isoformat(),
            "article": describe(published)}
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return Dated(date(monday.year, monday.month, 1), "month", "inferred",
                     Said("draft.note.week", **week), None, *at)
    if monday.year == sunday.year:
        return Dated(date(monday.year, 1, 1), "year", "inferred",
                     Said("draft.note.week_months", **week), None, *at)
    return None
