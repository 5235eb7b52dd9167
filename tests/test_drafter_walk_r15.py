"""The round-15 new-user walk's kinds of error, each as a general rule of Russian news
language, tested on sentences written for it (none from the walk's page or the seeds): a
dateline's city in capitals and the same city in the text are one place, written as a
dictionary writes it; a document word or any other common noun the glossary knows as a term is
no name of a draft (names are entities) though it still gives the sentence its sector."""

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


def test_a_common_noun_the_glossary_knows_is_no_name(drafts_of) -> None:
    _, by = drafts_of(
        "Астана, 12 марта 2029 года\n\n"
        "Представители Росатома и акимата Костанайской области подписали меморандум о "
        "строительстве новой железной дороги.\n")
    signed = by("Представители")
    # the organisation and the region are named; the document word and the railway are not
    assert {"Росатом", "Rosatom", "Костанайская область"} <= set(signed.names)
    assert not {"меморандум", "memorandum", "железная дорога", "railway"} & set(signed.names)
    assert "transport" in signed.sectors  # the railway still says what it is about
