"""The time of a plan told in the past. "В марте 2026 года губернатор объявил о планах
построить мост в июне": the June is the one to come after that saying (June 2026), not the
article's; where the saying's time does not settle which June ("В 2027 году … в мае": said
before or after May?), the plan is dated as the saying, the plan's own words in the note.
A future told in the past is counted from the telling, never from the article."""

from __future__ import annotations

from kzru.curate.dated import Dated, Published
from kzru.curate.dates import find_dates
from kzru.labels import Said

# notes of a day or a month named without its year (kzru.curate.dates)
_YEARLESS = ("draft.note.month_no_year", "draft.note.day_no_year")


def from_saying(text: str, plan: list[Dated], saying: list[Dated],
                published: Published) -> list[Dated]:
    """``plan``: the times found after the verb of saying (read against the article);
    ``saying``: those before it, the saying's. A plan's time without a year, under a saying
    whose time falls in another year than the article's, is read against the saying."""
    if not plan or not saying or saying[0].date.year == published.date.year:
        return plan
    told = saying[0]
    heard = text[told.start:told.stop]
    anchor = Published(told.date, told.precision)
    read = {d.start: d for d in find_dates(text, anchor, "future")} \
        if told.precision in ("day", "month") else {}
    out = []
    for dated in plan:
        if getattr(dated.note, "key", "") not in _YEARLESS:
            out.append(dated)
            continue
        said = text[dated.start:dated.stop]
        again = read.get(dated.start)
        # after a saying known to its day, the nearest such day to come; after one known to
        # its month only, a later month of its year (the same month could be either year)
        if again is not None and again.precision == dated.precision and (
                told.precision == "day" or again.date > told.date):
            out.append(again._replace(note=Said("draft.note.after_saying", said=said,
                                                saying=heard, year=again.date.year)))
        else:
            out.append(told._replace(note=Said("draft.note.as_saying", said=said,
                                               saying=heard)))
    return out
