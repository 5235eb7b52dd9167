"""A figure told as the relations' background joins no event, in a report of a visit: a state
in the present tense (an organisation's members, a count of firms), a total («всего») or a
change over years («за десять лет»), with no word of the meeting's own. A figure the meeting
produced keeps the visit: one that takes up the signed document by a pronoun or by a general
noun, and one a named speaker gave. The sentences are written for this test (no article's
text)."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")

REPORT = (
    "Москва, 20 апреля 2029 года\n\n"
    "Президент Казахстана прибыл в Москву с официальным визитом 20 апреля.\n"
    "Он проведет переговоры с президентом России и примет участие в заседании Высшего "
    "Евразийского экономического совета.\n"
    "Организация насчитывает 5 членов и 2 наблюдателей.\n"
    "Товарооборот между сторонами за 10 лет вырос вдвое и составил 28 млрд долларов.\n"
    "Всего в России учатся 70 тысяч студентов из Казахстана.\n"
    "Стороны подписали соглашение о поставках газа.\n"
    "Документ включает 15 статей.\n"
    "Всего оно рассчитано на 12 лет.\n"
    "Президент России Владимир Путин заявил, что объем торговли составляет 28 млрд "
    "долларов.\n")


def test_background_figures_join_no_event_the_meetings_own_keep_it(drafts_of) -> None:
    data, by = drafts_of(REPORT)
    visit = by("Президент Казахстана прибыл").event
    assert visit and data.events[visit].kind == "official-visit"
    # the visit's own: the signing, and what takes it up (a general noun after the signing,
    # a pronoun), and a figure a named speaker gave during the visit
    assert by("Стороны подписали").event == visit
    assert by("Документ включает").event == visit
    assert by("Всего оно").event == visit
    assert by("Президент России Владимир Путин заявил").event == visit
    # background: an organisation's members (present tense of state, after a sentence about
    # the visit), a change over ten years (even naming the sides), a total
    for start in ("Организация насчитывает", "Товарооборот между сторонами",
                  "Всего в России учатся"):
        fact = by(start)
        assert fact.value is not None, start  # a figure sentence, drafted as one
        assert fact.event == "", start
