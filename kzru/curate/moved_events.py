"""One event for a meeting moved to another date (kzru.curate.moved reads the move): a move
re-dates the event the article proposed at the day first set, and a later mention of that
day ("Ранее сообщалось, что встреча пройдет 12 марта") is the same event, not a second one.
Asked by kzru.curate.events before it fits a mention to the events it knows.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from kzru.curate.mentions import VISITS, Mention, concrete
from kzru.labels import Said
from kzru.model import Event


def _alike(m: Mention, event: Event) -> bool:
    """The same kind of thing at the same place: a visit's talks and meetings are the
    visit's kind, and a mention or event that names no place agrees with any."""
    family = (m.kind in VISITS) == (event.kind in VISITS) if m.kind else True
    mine, theirs = concrete(m.places), concrete(event.places)
    return family and (bool(mine & theirs) or not mine or not theirs)


def moved_event(m: Mention, events: dict[str, Event], proposed: Iterable[str],
                moved: dict[str, date]) -> str:
    """The event a mention is of by a move, or '': a mention of the day a moved event was
    first set for is that event (``moved``: this article's moved event ids -> that day); a
    move re-dates the event this article proposed before it (in ``events``, which it
    updates, and ``moved``): the one alike at the day the move names as first set, or, when
    the move names none ("перенесены на 20 марта"), the only one alike at another time."""
    for event_id, old in moved.items():
        if m.start <= old <= m.end and _alike(m, events[event_id]):
            return event_id
    if not m.moved:
        return ""
    alike = [event_id for event_id in proposed if event_id not in moved and
             _alike(m, events[event_id])]
    if m.moved_from is not None:
        alike = [e for e in alike if events[e].start <= m.moved_from <= events[e].end]
        note = m.note
    else:
        alike = [e for e in alike if not (events[e].start <= m.start <= events[e].end)]
        note = Said("draft.note.moved_event", moved=m.note,
                    day=events[alike[0]].start.isoformat()) if len(alike) == 1 else ""
    if len(alike) != 1:
        return ""
    event = events[alike[0]]
    events[event.id] = event._replace(start=m.start, end=m.end, date_precision=m.precision,
                                      date_basis=m.basis, date_note=note)
    moved[event.id] = m.moved_from or event.start
    return event.id
