"""Who speaks, as Russian news marks it: an agency or outlet ("сообщает агентство
Интерфакс") and a press office ("сообщила пресс-служба…", "как уточнили в пресс-службе
губернатора") are the channel, never the speaker, nor is the person a press office speaks
for; a person in an oblique case ("встречу с акимом … Нуриевым") is spoken of; "По его
словам" gives the last speaker's words. Sentences written for this test, no article's."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import drafted  # noqa: E402

REGIONS = (
    "Омск, 10 октября 2028 года\n\n"
    "Губернатор Омской области Виктор Лебедев провел встречу с акимом Павлодарской области "
    "Асланом Нуриевым, сообщает агентство Интерфакс.\n"
    "Стороны договорились открыть новый пункт пропуска, сообщила пресс-служба правительства "
    "области.\n"
    "Как уточнили в пресс-службе губернатора, пункт заработает весной.\n"
    "Лебедев заявил, что регионы уже согласовали проект пункта.\n"
    "По его словам, строительство начнется в марте.\n")


def test_channels_are_not_speakers(tmp_path: Path, empty_folder: Path) -> None:
    _, by = drafted(tmp_path, empty_folder, REGIONS)
    # the agency is the channel; the aki, named in the instrumental, is not speaking
    assert by("Губернатор Омской").speaker == ""
    # a press office speaks as its institution, not as the person it works for
    # one the table has no English name for, by its Russian name (never romanised)
    assert by("Стороны договорились").speaker == "пресс-служба правительства области"
    assert by("Как уточнили").speaker == "пресс-служба губернатора"
    assert by("Лебедев заявил").speaker == "Viktor Lebedev"
    # "По его словам": the last speaker, by his full name
    assert by("По его словам").speaker == "Viktor Lebedev"


def test_speakers_are_written_in_the_table_s_english(tmp_path: Path,
                                                    empty_folder: Path) -> None:
    _, by = drafted(tmp_path, empty_folder, (
        "Сочи, 5 августа 2028 года\n\n"
        "Президент России Владимир Путин провел в Сочи переговоры с президентом Казахстана "
        "Касым-Жомартом Токаевым, сообщила пресс-служба Кремля.\n"
        "Президенты отметили высокий уровень двусторонних отношений.\n"
        "Токаев заявил, что стороны ведут подготовку к форуму регионов.\n"
        "Губернатор Краснодарского края Вениамин Кондратьев сказал, что край ждет туристов.\n"))
    # a press office speaks as its institution, in the table's English
    assert by("Президент России").speaker == "Kremlin press service"
    # two leaders as one plural subject of a verb of saying: both, as the table writes them
    assert by("Президенты отметили").speaker == "Kassym-Jomart Tokayev; Vladimir Putin"
    # a person the glossary knows: its English name; anyone else: romanised
    assert by("Токаев заявил").speaker == "Kassym-Jomart Tokayev"
    assert by("Губернатор").speaker == "Veniamin Kondratev"
