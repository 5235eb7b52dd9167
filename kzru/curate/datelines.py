"""A news text's dateline: the place and date that open it ("АЛМАТЫ, 5 марта 2025 – …").

It dates the article when nothing else does, gives the day a page or --published gives only
by month or year, says why an article has no date (a dateline without its year, or with a day
no calendar has), and settles a page whose date markup disagrees with its own dateline.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

from kzru.curate.dates import Published, find_dates
from kzru.curate.inputs import at
from kzru.errors import KzruError
from kzru.labels import Said

DATELINE_REACH = 200  # characters from the top where a dateline may stand


def dateline(text: str) -> tuple[date | None, str, str, str]:
    """A full date near the top of the text (a dateline): stated, day precision."""
    top = text[:DATELINE_REACH]
    anchor = Published(date(2000, 1, 1), "day")  # irrelevant: only full dates are taken
    for found in find_dates(top, anchor):
        if found.basis == "stated" and found.precision == "day":
            said = top[found.start:found.stop].strip()
            return found.date, "day", "stated", Said("draft.source.dateline", said=said)
    return None, "", "", ""


# A dateline opens a news text: a place in capitals or as a name, a comma, full stop or
# dash, then the date ("АЛМАТЫ, 5 марта – …", "Москва. 3 декабря.").
_PLACE = r"[A-ZА-ЯЁ][\w-]*(?:[ -][A-ZА-ЯЁ][\w-]*){0,3}"
_DATELINE_HEAD = re.compile(_PLACE + r"\s*[,.–—-]\s*")

# A dateline that opens a sentence of the report itself ("АСТАНА, 14 марта 2027 – Министры …
# подписали в среду …", "МОСКВА, 3 декабря. /Агентство/ – …"): a place in capitals or as a name,
# then the date, an agency in slashes at most, then a dash. It is when the text was filed, not
# when what the sentence tells happened.
_OPENING_DATELINE = re.compile(
    r"\s*" + _PLACE + r"\s*[,.]\s*(?P<date>[^–—\n]{4,40}?)\.?\s*"
    r"(?:/[^/\n]{1,40}/\s*)?[–—-]\s")


def opening_dateline(text: str) -> int:
    """Where the dateline that opens ``text`` ends (0 when none): the date a sentence's own
    words give is read after it, so a day of the week or "вчера" in the sentence is not
    outranked by the day the text was filed."""
    found = _OPENING_DATELINE.match(text)
    if found is None:
        return 0
    named = find_dates(found.group("date"), Published(date(2000, 1, 1), "day"))
    return found.end() if named and named[0].start == 0 and named[0].precision == "day" else 0


def yearless_dateline(text: str) -> tuple[int, int, str] | None:
    """(month, day, as written) of a dateline that gives its day without a year, on one of
    the text's first lines; None when there is none."""
    anchor = Published(date(2000, 1, 1), "day")  # a leap year: 29 February stays readable
    for line in [line.strip() for line in text[:DATELINE_REACH].splitlines()
                 if line.strip()][:3]:
        head = _DATELINE_HEAD.match(line)
        if head is None:
            continue
        found = find_dates(line, anchor)
        if found and found[0].start == head.end() and found[0].precision == "day" and \
                found[0].basis == "inferred" and re.match(r"\d", line[found[0].start:]):
            return found[0].date.month, found[0].date.day, line[found[0].start:found[0].stop]
    return None


def refuse_undated(path: Path, text: str) -> None:
    """Refuse an article with no publication date, saying why: a dateline without its year,
    a dateline naming a day no calendar has («31 апреля 2025», at its line and column in a
    text file: "no dateline" would deny what the user sees), or none at all."""
    yearless = yearless_dateline(text)
    if yearless:
        raise KzruError(Said("err.yearless", path=path, day=yearless[2]))
    top = text[:DATELINE_REACH]
    for found in find_dates(top, Published(date(2000, 1, 1), "day")):
        said = top[found.start:found.stop].strip()
        if found.precision == "month" and re.match(r"\d", said):
            where = at(path, text, found.start) if path.suffix.lower() == ".txt" else path
            raise KzruError(Said("err.impossible_dateline", where=where, said=said))
    raise KzruError(Said("err.no_date", path=path))


def with_dateline_day(text: str, published: date | None, precision: str, basis: str,
                       note: str) -> tuple[date | None, str, str, str]:
    """A dateline's day read in the year already known (from --published or the page's
    metadata, at month or year precision): the article's date at day precision, inferred.
    Never a day the text does not give, never a year it was not given."""
    found = yearless_dateline(text)
    if found is None or published is None or precision == "day":
        return published, precision, basis, note
    month, day, said = found
    if precision == "month" and month != published.month:
        return published, precision, basis, note
    try:
        resolved = date(published.year, month, day)
    except ValueError:
        return published, precision, basis, note
    given = getattr(note, "key", "") == "draft.source.given"
    return resolved, "day", "inferred", Said(
        "draft.source.day_given" if given else "draft.source.day_page", said=said,
        year=published.year)


_NEAR_DAYS = 31  # a yearless dateline this close to the page's date markup is its day


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class Settled(NamedTuple):
    """A page's date, once its markup and its dateline are weighed."""

    published: date
    precision: str
    basis: str
    note: object
    warning: object = None  # said on stderr when the two disagree


def settle_page_date(path: Path, text: str, markup: date) -> Settled:
    """The article's date when its page's date markup says ``markup``. The dateline is the
    article's own words, kept with it: where it disagrees with the markup (a page dated a
    year off, or by the day its UTC time fell on), it is taken, and the note and a warning
    say so. A dateline without its year gives its day in the year that puts it nearest the
    markup's day, when that is within a month of it (5 March against markup of 27 February,
    31 December against 1 January); farther off, the markup is kept (which year the dateline
    means is anyone's guess), and the note and the warning say that too."""
    stated, _, _, note = dateline(text)
    if stated is not None and stated != markup:
        said = note.fields["said"]
        return Settled(stated, "day", "stated",
                       Said("draft.source.dateline_not_page", said=said, page=markup.isoformat()),
                       Said("err.dateline_not_page", path=path, said=said,
                            page=markup.isoformat()))
    yearless = yearless_dateline(text) if stated is None else None
    if yearless is not None and (yearless[0], yearless[1]) != (markup.month, markup.day):
        month, day, said = yearless
        near = [found for found in (_valid(year, month, day) for year in
                                    (markup.year - 1, markup.year, markup.year + 1)) if found]
        nearest = min(near, key=lambda found: abs((found - markup).days), default=None)
        if nearest is not None and abs((nearest - markup).days) <= _NEAR_DAYS:
            return Settled(nearest, "day", "inferred",
                           Said("draft.source.day_not_page", said=said, year=nearest.year,
                                page=markup.isoformat()),
                           Said("err.dateline_not_page", path=path, said=said,
                                page=markup.isoformat()))
        return Settled(markup, "day", "stated",
                       Said("draft.source.page_not_dateline", said=said,
                            page=markup.isoformat()),
                       Said("err.page_not_dateline", path=path, said=said,
                            page=markup.isoformat()))
    return Settled(markup, "day", "stated", Said("draft.source.page_date"))
