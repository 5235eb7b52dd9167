"""A meeting moved to another date is one event, at its new date, with the date first set in
its note (kzru.curate.moved, kzru.curate.moved_events): whichever way the move is said
(«запланированные на …, перенесены на …», «с … на …», «с 6 на 13 октября», «отложен до …»),
whether the old date is told before or after the move, or not told in the move's sentence at
all. A sentence about the move with no date of its own («причиной переноса стал …») is of the
same event; a move of something else («перенос поставок») is not. Sentences written for this
test, no article's."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("natasha")


def test_a_move_is_one_event_at_the_new_date_with_the_old_in_its_note(drafts_of) -> None:
    data, by = drafts_of(
        "Астана, 16 марта 2029 года\n\n"
        "Переговоры президентов Казахстана и России в Сочи, запланированные на 12 марта, "
        "перенесены на 20 марта.\n"
        "Ранее пресс-служба Кремля сообщала, что встреча пройдет 12 марта.\n"
        "Причиной переноса стал плотный график лидеров.\n"
        "Перенос поставок угля на ноябрь согласован.\n")
    assert len(data.events) == 1
    event = next(iter(data.events.values()))
    # the new date (the article's year: 20 March is four days after it), to the day
    assert (event.start, event.end, event.date_precision) == (
        date(2029, 3, 20), date(2029, 3, 20), "day")
    assert "Сочи" in event.places
    # the date first set, as the text says it and as a day
    assert "«12 марта»" in event.date_note and "2029-03-12" in event.date_note
    moved = by("Переговоры президентов")
    assert moved.event == event.id and moved.date == date(2029, 3, 20)
    # what was told of the old date is of the same event (its own date kept: when it was
    # to be), and so is the reason for the move
    assert by("Ранее").event == event.id and by("Ранее").date == date(2029, 3, 12)
    assert by("Причиной переноса").event == event.id
    # moving coal supplies is no move of the talks
    assert by("Перенос поставок").event == ""


def test_the_short_ways_of_saying_a_move(drafts_of) -> None:
    data, by = drafts_of(
        "Омск, 2 октября 2029 года\n\n"
        "Форум межрегионального сотрудничества в Омске, намеченный на 5 октября, отложен до "
        "12 октября.\n"
        "Министры энергетики Казахстана и России перенесли встречу в Астане с 6 на 13 "
        "октября.\n")
    forum, meeting = by("Форум").event, by("Министры").event
    assert data.events[forum].kind == "forum"
    assert data.events[forum].start == date(2029, 10, 12)
    assert "2029-10-05" in data.events[forum].date_note
    assert data.events[meeting].start == date(2029, 10, 13)
    # "с 6 на 13 октября": the old day takes the new date's month
    assert "2029-10-06" in data.events[meeting].date_note
    assert len(data.events) == 2


def test_a_move_told_after_the_first_date_re_dates_that_event(drafts_of) -> None:
    data, by = drafts_of(
        "Астана, 16 марта 2029 года\n\n"
        "Встреча министров иностранных дел Казахстана и России в Алматы состоится 18 "
        "марта.\n"
        "Позже стороны сообщили, что встреча перенесена на 25 марта.\n")
    assert len(data.events) == 1
    event = next(iter(data.events.values()))
    assert event.start == date(2029, 3, 25)
    # the move's sentence names no old date: the note takes it from the event as it was
    assert "2029-03-18" in event.date_note
    assert by("Встреча министров").event == by("Позже").event == event.id


def test_moving_something_else_at_a_meeting_moves_no_event(drafts_of) -> None:
    """A guard for the rule above: what the meeting moved («перенесли отгрузку зерна на …»)
    is no move of the meeting, which keeps its day. (Whatever event the second sentence
    gets is another rule's: only the meeting's day is checked here.)"""
    data, by = drafts_of(
        "Астана, 16 марта 2029 года\n\n"
        "Министры сельского хозяйства Казахстана и России провели встречу в Алматы 15 "
        "марта.\n"
        "На встрече министры перенесли отгрузку зерна на 30 марта.\n")
    meeting = by("Министры сельского")
    assert meeting.event
    assert data.events[meeting.event].start == date(2029, 3, 15)
    assert "перенес" not in data.events[meeting.event].date_note.lower()
