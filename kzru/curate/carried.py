"""A draft dated by the sentences before it, when it gives no date of its own: "в тот день",
"тогда же", "на следующий день" take the day an earlier sentence named; a past-tense sentence
right after one of its paragraph dated before the article continues that earlier time.

Applied by kzru.curate.draft to each draft in text order, after the sentence's own words have
been read: what a sentence says of its own time comes first, its neighbours only fill in.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kzru.cues import (
    DAY_REFERENCES,
    LATER_WORDS,
    TIME_REFERENCES,
)
from kzru.curate.annotate import Annotated
from kzru.curate.dates import CONTINUES_KEY, Dated, Published
from kzru.curate.words import normalize
from kzru.event_cues import (
    NOW_WORDS,
)
from kzru.labels import Said, word

if TYPE_CHECKING:
    from kzru.curate.draft import Draft


def that_day(drafted: Draft, found: list[Draft]) -> Draft:
    """A sentence that names its day by the one named before it ("в тот день", "тогда же",
    "на следующий день") and gives no date of its own takes that day — the last day an
    earlier sentence gives — shifted as the phrase says, inferred, with a note; never the
    article's date, unless no earlier sentence names a day."""
    if drafted.date.basis != "publication":
        return drafted
    text = normalize(drafted.text)
    said = next((phrase for phrase in (*DAY_REFERENCES, *TIME_REFERENCES)
                 if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)), None)
    if said in TIME_REFERENCES:  # "тогда же": the time named before, at its precision
        earlier = next((d.date for d in reversed(found) if d.sentence < drafted.sentence and
                        d.date.basis != "publication"), None)
        if earlier is None:
            return drafted
        return drafted._replace(date=Dated(earlier.date, earlier.precision, "inferred", Said(
            "draft.note.that_time", said=said, date=earlier.date.isoformat(),
            precision=word("precision", earlier.precision)), earlier.end))
    earlier = next((d.date for d in reversed(found) if d.sentence < drafted.sentence and
                    d.date.basis != "publication" and d.date.precision == "day"), None)
    if said is None or earlier is None:
        return drafted
    day = (earlier.end or earlier.date) if DAY_REFERENCES[said] > 0 else earlier.date
    day += timedelta(days=DAY_REFERENCES[said])
    return drafted._replace(date=Dated(day, "day", "inferred", Said(
        "draft.note.that_day", said=said, day=earlier.date.isoformat())))


def continued(drafted: Draft, found: list[Draft], annotated: Annotated,
             published: Published) -> Draft:
    """A past-tense sentence with no date of its own, right after a sentence of the same
    paragraph dated before the article's own period, continues that earlier time ("В конце
    прошлого года прошёл саммит. Лидеры обсуждали…"): it takes that date, at that
    precision, inferred, with a note. Otherwise it stays dated by the article."""
    if drafted.date.basis != "publication" or not found:
        return drafted
    before = found[-1]
    if before.sentence != drafted.sentence - 1 or before.date.basis == "publication":
        return drafted
    sentences = annotated.sentences
    this, previous = sentences[drafted.sentence], sentences[before.sentence]
    text = annotated.article.text
    if "\n" in text[previous.stop:this.start] or this.tense() != "past" or any(
            re.search(rf"(?<!\w){word}(?!\w)", normalize(this.text)) for word in NOW_WORDS):
        return drafted
    earlier = before.date.end or before.date.date
    if before.date.precision == "year":
        earlier = date(earlier.year, 12, 31)
    elif before.date.precision == "month":
        earlier = (earlier.replace(day=28) + timedelta(days=4)).replace(day=1) - \
            timedelta(days=1)
    if earlier >= published.date:
        return drafted
    later = next((w for w in LATER_WORDS if re.search(rf"(?<!\w){w}(?!\w)",
                                                      normalize(this.text))), None)
    if later is not None:  # "Позднее были подписаны …": after that time, no time of its own
        return drafted._replace(date=drafted.date._replace(note=Said(
            "draft.note.later", said=later, date=before.date.date.isoformat(),
            precision=word("precision", before.date.precision))))
    note = Said(CONTINUES_KEY, date=before.date.date.isoformat(),
                precision=word("precision", before.date.precision))
    return drafted._replace(date=Dated(before.date.date, before.date.precision, "inferred",
                                       note, before.date.end))
