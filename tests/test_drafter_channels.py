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
    assert by("Стороны договорились").speaker == ""  # a press office
    assert by("Как уточнили").speaker == ""  # the governor's press office, not the governor
    assert by("Лебедев заявил").speaker == "Виктор Лебедев"
    # "По его словам": the last speaker, by his full name
    assert by("По его словам").speaker == "Виктор Лебедев"
