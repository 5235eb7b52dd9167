"""How long something lasted, said in words: a compound number is read whole («тридцать семь
минут» is 37, not 7); a range («три-четыре часа», «семь или восемь часов», «от трёх до
четырёх часов») or an amount in two units («один день и пять часов», «три часа с половиной»)
gives no figure, since the figure reader holds one value in one unit, never one end or one
part of it. The red team found 25 read as 5, a range as its upper end, hours dropped.
Sentences written for these tests."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")

LASTING = (
    "Уральск, 5 октября 2029 года\n\n"
    "Пленарное заседание длилось тридцать семь минут.\n"
    "Совещание губернаторов продолжалось около сорока пяти минут.\n"
    "Экскурсия по заводу заняла сто десять минут.\n"
    "Консультации экспертов длились одиннадцать часов.\n"
    "Переговоры делегаций длились три-четыре часа.\n"
    "Заседание комиссии продлилось семь или восемь часов.\n"
    "Работа выставки длилась от трех до четырех дней.\n"
    "Визит губернатора длился один день и пять часов.\n"
    "Пресс-конференция длилась три часа с половиной.\n")


def test_a_compound_number_word_is_read_whole(drafts_of) -> None:
    _, by = drafts_of(LASTING)
    assert (str(by("Пленарное").value), by("Пленарное").unit) == ("37", "минута")
    assert (str(by("Совещание").value), by("Совещание").unit) == ("45", "минута (about)")
    assert (str(by("Экскурсия").value), by("Экскурсия").unit) == ("110", "минута")
    assert (str(by("Консультации").value), by("Консультации").unit) == ("11", "час")


def test_a_range_or_two_units_gives_no_figure(drafts_of) -> None:
    _, by = drafts_of(LASTING)
    for start in ("Переговоры делегаций", "Заседание комиссии", "Работа выставки",
                  "Визит губернатора", "Пресс-конференция"):
        draft = by(start)
        assert draft.value in ("", None), (start, draft.value, draft.unit)


IN_DIGITS = (
    "Уральск, 5 октября 2029 года\n\n"
    "Визит делегации длился 3 часа 15 минут.\n"
    "Переговоры министров длились 6-7 часов.\n"
    "Форум продлился 2 дня и 5 часов.\n"
    "Инвестиции в логистический центр составят 40–45 млрд рублей.\n"
    "Экспорт зерна вырос с 12 до 19 млн тонн.\n")


def test_a_range_or_two_units_in_digits_gives_no_figure(drafts_of) -> None:
    """The same in digits: neither end of a range, nor the first of two units."""
    _, by = drafts_of(IN_DIGITS)
    for start in ("Визит", "Переговоры", "Форум", "Инвестиции"):
        draft = by(start)
        assert draft.value in ("", None), (start, draft.value, draft.unit)
    # "с 12 до 19": no range, the figure is what was reached
    assert (str(by("Экспорт").value), by("Экспорт").unit) == ("19000000", "тонна")
