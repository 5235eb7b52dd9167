"""The round-15 new-user walk's kinds of error, each as a general rule of Russian news
language, tested on sentences written for it (none from the walk's page or the seeds): a
dateline's city in capitals and the same city in the text are one place, written as a
dictionary writes it."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")


@pytest.mark.parametrize(("dateline", "named", "city", "english"), [
    ("КАЗАНЬ", "Казань", "Казань", "Kazan"),
    ("ЕКАТЕРИНБУРГ", "Екатеринбург", "Екатеринбург", "Ekaterinburg"),
    ("УСТЬ-КАМЕНОГОРСК", "Усть-Каменогорск", "Усть-Каменогорск", "Ust-Kamenogorsk"),
])
def test_a_dateline_city_and_the_same_city_named_again_are_one_place(
        drafts_of, dateline: str, named: str, city: str, english: str) -> None:
    data, _ = drafts_of(
        f"{dateline}, 12 марта 2029 года – Губернатор Алтайского края прибыл в {named} с "
        "рабочим визитом.\n")
    [visit] = data.events.values()
    assert visit.places == (city,)
    assert visit.title_ru.endswith(f": {city}") and visit.title_en.endswith(f": {english}")
