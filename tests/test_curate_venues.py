"""A place after "между" (second read, r12): "между" makes a place one of two sides only
when it governs it ("между Москвой и Астаной"); with a verb between them, the place is where
the event was held. The old rule dropped any place within four words of "между", so
"Переговоры между делегациями прошли в Омске" gave talks with no venue and no event."""

from __future__ import annotations

HEAD = "Омск, 3 марта 2027 года\n\n"


def test_a_place_after_a_verb_that_follows_between_is_the_venue(drafts_of) -> None:
    data, by = drafts_of(HEAD + "Переговоры между делегациями прошли в Омске 3 марта 2027 года.\n")
    talks = by("Переговоры между")
    assert talks.event
    event = data.events[talks.event]
    assert (event.kind, event.places, event.host, event.start.isoformat()) == (
        "talks", ("Омск",), "ru", "2027-03-03")


def test_the_two_sides_between_are_still_no_venue(drafts_of) -> None:
    data, by = drafts_of(HEAD + (
        "Переговоры между Москвой и Астаной прошли в Омске 3 марта 2027 года.\n"))
    event = data.events[by("Переговоры между").event]
    assert event.places == ("Омск",)
