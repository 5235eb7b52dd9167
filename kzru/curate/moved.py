"""A meeting moved to another date is one event, at its new date, with the date first set in
its note ("встреча, запланированная на 12 марта, перенесена на 20 марта", "переговоры
перенесли с 12 на 20 марта"). Here: reading the move in a sentence, for kzru.curate.draft,
which dates the draft by the new date and keeps the old one (``Dated.moved_from``); keeping
one event for it is kzru.curate.moved_events.

The rules are Russian news language's general ways of saying a move: a verb or noun of moving
(перенести, перенос, отложить); the new date after «на» following it; the old date before
it (with «запланированный на», «намеченный на», «должен был пройти») or after «с» following
it ("с 12 марта на 20 марта", "с 12 на 20 марта").
"""

from __future__ import annotations

import re
from datetime import date

from kzru.curate.dated import Dated, Published
from kzru.curate.dates import find_dates
from kzru.labels import Said
from kzru.text import normalize

# Beginnings of the words that say an event was moved to another time.
MOVE_WORDS: tuple[str, ...] = (
    "перенес", "перенос", "перенош", "отложен", "отложил", "отложат", "отлож",
    "postpone", "reschedul")
_MOVE = re.compile(r"(?<!\w)(?:" + "|".join(MOVE_WORDS) + ")")
_ON = re.compile(r"(?<!\w)(?:на|до)\s*$")  # "… на 20 марта", "отложен до …": moved to
_FROM = re.compile(r"(?<!\w)с\s*$")  # "… с 12 марта": the time moved from
# "с 12 на 20 марта": the old day without its month, the new date's month
_FROM_DAY = re.compile(r"(?<!\w)с\s+(\d{1,2})\s+(?:на|до)\s*$")
# The words that set the old date before the verb of moving ("запланированная на 12 марта",
# "который должен был пройти 12 марта", "намеченный в Омске на 5 октября"): a date before the
# verb without them is when the move was told, not the date first set.
_SET_FOR = re.compile(
    r"(?<!\w)(?:запланирован\w*|намечен\w*|назначен\w*|планировал\w*|планировавш\w*|"
    r"ожидавш\w*|долж(?:ен|н\w*)\s+(?:был\w*\s+)?(?:пройти|состояться|начаться|открыться))"
    r"(?:\s+[^\s,;:.]+){0,3}?\s*$")
# Events the words of moving may take ("перенос встречи"): with another noun after it, the
# move is of something else ("перенос поставок угля").
_MOVED_EVENTS = ("встреч", "визит", "переговор", "саммит", "форум", "заседани", "мероприяти",
                 "поездк", "сессии", "сесси", "конференци")


# Words that may stand between a verb of moving and the event it moves ("перенесли сроки
# встречи", "перенести дату визита").
_WHEN_WORDS = ("срок", "дат", "время", "проведени")


def _of_event(text: str) -> bool:
    """Whether the verb of moving ``text`` opens with moves an event: the word after it is
    an event ("перенесли встречу"), its time ("сроки встречи"), or no noun at all ("перенесены
    на 20 марта", "отложен до …", "перенесли с 6 на 13"); not "перенесли поставки на …"."""
    words = re.findall(r"\w+", text)[1:4]
    while words[:1] and words[0].startswith(_WHEN_WORDS):
        words = words[1:]
    return not words or words[0] in ("на", "до", "с", "со", "в", "из-за", "по", "и") or \
        words[0].startswith(_MOVED_EVENTS) or words[0].isdigit()


def says_move(text: str, verbs: tuple[str, ...] = ()) -> bool:
    """Whether a (normalised) sentence says an event was moved: a word of moving with an
    event after it ("перенос встречи"), or with a verb or the clause's end after it, so that
    what was moved is the event told of before ("Причиной переноса стал …"); ``verbs``: the
    sentence's verbs, normalised."""
    for found in _MOVE.finditer(text):
        after = re.match(r"\w*\s*([^\w\s]|\w+|$)", text[found.start():])
        following = re.match(r"\w*\s*(\w*)", text[found.start():])
        word = following[1] if following else ""
        if not word or word.startswith(_MOVED_EVENTS) or word in verbs or (
                after is not None and not after[1][:1].isalnum()):
            return True
    return False


def _near_year(old: date, new: date) -> date | None:
    """The old day in the year that puts it nearest the new date (the text names its day
    and month only where it names the new one's year, or neither)."""
    found = []
    for year in (new.year - 1, new.year, new.year + 1):
        try:
            found.append(old.replace(year=year))
        except ValueError:
            continue
    return min(found, key=lambda day: abs((day - new).days)) if found else None


def moved_dates(sentence: str, dates: list[Dated], published: Published) -> list[Dated]:
    """The sentence's dates with a move read: the new date first, marked ``moved``, its
    note naming the date first set when the sentence gives it (kept as ``moved_from``), the
    old date left out (it is no longer the event's time); the dates as they were when the
    sentence says no move or names no new date.
    The tense of the verb of moving says when the move was made, not when the new date
    falls: a new day named without its year is read in the year nearest the article's."""
    text = normalize(sentence)
    verb = _MOVE.search(text)
    if verb is None or not _of_event(text[verb.start():]):
        return dates
    new = next((d for d in dates if d.start >= verb.end() and d.precision == "day" and
                _ON.search(text[:d.start])), None)
    if new is None:
        return dates
    old = next((d for d in dates if d is not new and d.precision == "day" and (
        d.stop <= verb.start() and _SET_FOR.search(text[:d.start]) or
        d.start >= verb.end() and _FROM.search(text[:d.start]))), None)
    old_day = old.date if old is not None else None
    said = sentence[old.start:old.stop] if old is not None else ""
    short = _FROM_DAY.search(text[:new.start])
    if old is None and short is not None:
        try:
            old_day, said = new.date.replace(day=int(short[1])), short[1]
        except ValueError:
            old_day = None
    again = find_dates(sentence[new.start:new.stop], published)
    if again and again[0].precision == "day" and new.basis == "inferred":
        new = new._replace(date=again[0].date, end=again[0].end, note=again[0].note)
    how = new.note or ""
    said_new = sentence[new.start:new.stop]
    old_day = _near_year(old_day, new.date) if old_day is not None else None
    if old_day is None:  # "перенесены на 20 марта": the date first set is the event's
        note = Said("draft.note.moved_to_how" if how else "draft.note.moved_to", new=said_new,
                    how=how)
    else:
        note = Said("draft.note.moved_how" if how else "draft.note.moved", old=said,
                    day=old_day.isoformat(), new=said_new, how=how)
    kept = new._replace(note=note, moved_from=old_day, moved=True)
    return [kept, *(d for d in dates if d.start != new.start and d is not old)]

