"""Page furniture is not drafted (kzru.curate.furniture): a headline the lead repeats, a photo
caption or credit, "Читайте также", a line that only names the channel ("Об этом сообщает
ТАСС.") and a clause that only does ("…, сообщает агентство"). A headline that claims what
no sentence below says is kept. Sentences written for these tests, no article's text."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import drafted  # noqa: E402

PAGE = (
    "Министры транспорта обсудили в Костанае новый грузовой маршрут\n\n"
    "Костанай, 6 апреля 2028 года\n\n"
    "Министры транспорта России и Казахстана обсудили в Костанае новый грузовой маршрут "
    "через границу.\n"
    "Фото: пресс-служба министерства транспорта\n"
    "Маршрут свяжет элеваторы области с портами Балтики.\n"
    "Об этом сообщает агентство Интерфакс.\n"
    "Первые составы отправятся по маршруту летом, а тарифы согласуют до конца мая, "
    "6 апреля сообщает агентство Интерфакс.\n"
    "Читайте также: Экспорт зерна через Костанай вырос\n")


def test_furniture_is_not_drafted(tmp_path: Path, empty_folder: Path) -> None:
    data, by = drafted(tmp_path, empty_folder, PAGE)
    texts = [fact.text for fact in data.facts.values()]
    evidence = " ".join(fact.evidence for fact in data.facts.values())
    # the lead is drafted; the headline it repeats (words and verb) is not
    assert by("Министры транспорта России")
    assert not any(t.startswith("Министры транспорта обсудили") for t in texts)
    # the caption, the channel line and the link to another story are not drafts, and the
    # caption is not joined into the evidence of the sentence after it
    assert "Фото" not in evidence and "Читайте" not in evidence
    assert not any(t.startswith("Об этом сообщает") for t in texts)
    assert by("Маршрут свяжет").evidence.startswith("Маршрут свяжет")
    # a trailing "…, сообщает агентство Интерфакс" is no draft of its own
    assert all(fact.evidence.strip(" .,") != "6 апреля сообщает агентство Интерфакс"
               for fact in data.facts.values())
    assert sum(t.startswith("Первые составы") for t in texts) >= 1


def test_a_headline_with_a_claim_of_its_own_is_kept(tmp_path: Path,
                                                    empty_folder: Path) -> None:
    data, _ = drafted(tmp_path, empty_folder, (
        "Аграрии двух стран довольны урожаем пшеницы\n\n"
        "Костанай, 6 сентября 2028 года\n\n"
        "Аграрии Костанайской и Курганской областей провели в Костанае совместную ярмарку.\n"
        "На ярмарку приехали более двухсот фермеров.\n"))
    assert any(f.text.startswith("Аграрии двух стран довольны") for f in data.facts.values())
