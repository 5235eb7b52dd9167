"""Dates in a sentence: each form at the precision and basis the text gives, never finer.

Expected values are worked out from the rule (conventions.md) and the calendar, not from output.
"""

from __future__ import annotations

from datetime import date

import pytest

from kzru.curate.dates import Published, find_dates, sentence_date

DAY = Published(date(2024, 11, 27), "day")  # a Wednesday
MONTH = Published(date(2022, 2, 1), "month")


@pytest.mark.parametrize("sentence, expected", [
    # a full date: stated, day
    ("Соглашение подписано 5 марта 2023 года в Астане.", (date(2023, 3, 5), "day", "stated")),
    ("Документ вступил в силу 15.03.2023.", (date(2023, 3, 15), "day", "stated")),
    ("date 2025-11-11 фото", (date(2025, 11, 11), "day", "stated")),
    # a day without its year: the article's year, inferred
    ("27 ноября президент прибыл в столицу.", (date(2024, 11, 27), "day", "inferred")),
    # a range keeps its first day
    ("Визит пройдёт 11–12 декабря.", (date(2024, 12, 11), "day", "inferred")),
    # relative days
    ("Вчера в Москве открыли сквер.", (date(2024, 11, 26), "day", "inferred")),
    ("Сегодня проходят переговоры.", (date(2024, 11, 27), "day", "inferred")),
    ("Завтра начнётся форум.", (date(2024, 11, 28), "day", "inferred")),
    # month with a year, or with a relative year, or alone
    ("В мае 2025 года открыли аллею.", (date(2025, 5, 1), "month", "stated")),
    ("В мае текущего года открыли аллею.", (date(2024, 5, 1), "month", "inferred")),
    ("В сентябре прошлого года начали работу.", (date(2023, 9, 1), "month", "inferred")),
    ("В июне они встречались в Петербурге.", (date(2024, 6, 1), "month", "inferred")),
    # years
    ("В 2021 году товарооборот вырос.", (date(2021, 1, 1), "year", "stated")),
    ("2025-й объявлен Годом рабочих профессий.", (date(2025, 1, 1), "year", "stated")),
    ("В прошлом году товарооборот вырос.", (date(2023, 1, 1), "year", "inferred")),
    ("В этом году отмечают годовщину.", (date(2024, 1, 1), "year", "inferred")),
    ("В следующем году откроют школу.", (date(2025, 1, 1), "year", "inferred")),
    # the week before 27 Nov 2024 is 18–24 November: one month
    ("На прошлой неделе состоялся визит.", (date(2024, 11, 1), "month", "inferred")),
    # this week is 25 Nov – 1 Dec: two months, so only the year
    ("На этой неделе состоится визит.", (date(2024, 1, 1), "year", "inferred")),
    # no timing: the article's date as of which it is reported
    ("Филиалы вузов работают в стране.", (date(2024, 11, 27), "day", "publication")),
])
def test_each_date_form(sentence: str, expected: tuple) -> None:
    found = sentence_date(sentence, DAY)
    assert (found.date, found.precision, found.basis) == expected
    if found.basis == "inferred":
        assert found.note  # says how


def test_a_range_keeps_its_last_day() -> None:
    found = sentence_date("За два дня, 10 и 11 февраля, президент посетил Москву.", MONTH)
    assert (found.date, found.end) == (date(2022, 2, 10), date(2022, 2, 11))


def test_no_day_is_counted_from_an_article_dated_to_the_month() -> None:
    """"Вчера" in an article known only to the month gives no day: the sentence stays dated
    by the article (publication), never an invented day."""
    found = sentence_date("Вчера в Москве прошла встреча.", MONTH)
    assert (found.basis, found.precision) == ("publication", "month")
    assert sentence_date("На прошлой неделе прошла встреча.", MONTH).precision != "day"


def test_the_tense_places_a_day_named_without_a_year() -> None:
    article = Published(date(2025, 2, 5), "day")
    past = sentence_date("10 декабря президент прибыл в Москву.", article, "past")
    future = sentence_date("10 декабря президент прибудет в Москву.", article, "future")
    assert past.date == date(2024, 12, 10)
    assert future.date == date(2025, 12, 10)


def test_words_that_only_look_like_months_are_not_dates() -> None:
    assert find_dates("в масштабе всей страны, в майские выходные", DAY) == []


def test_the_earliest_expression_in_the_sentence_decides() -> None:
    found = find_dates("28 ноября пройдёт сессия, а в 2025 году — саммит.", DAY)
    assert [f.precision for f in found] == ["day", "year"]


@pytest.mark.parametrize("sentence, tense, expected", [
    # a part of a month names no day: the month, its year from the article (27 Nov 2024)
    ("Делегация приедет в Омск в конце декабря.", "future", (date(2024, 12, 1), "month")),
    ("Выставку откроют к середине января.", "future", (date(2025, 1, 1), "month")),
    ("Работы завершили в первой декаде октября.", "past", (date(2024, 10, 1), "month")),
    ("Совещание перенесено на начало марта 2025 года.", "future", (date(2025, 3, 1), "month")),
    # a part of a year is the year
    ("Завод запустят во второй половине 2026 года.", "future", (date(2026, 1, 1), "year")),
    ("Трассу открыли в начале 2019 года.", "past", (date(2019, 1, 1), "year")),
])
def test_a_part_of_a_month_or_year_is_that_month_or_year(sentence: str, tense: str,
                                                         expected: tuple) -> None:
    found = sentence_date(sentence, DAY, tense)
    assert (found.date, found.precision) == expected
    assert found.basis != "publication"


def test_a_month_to_come_that_has_begun_is_the_articles_own() -> None:
    # "в ноябре" said in future tense on 27 November: this November, not the next one,
    # since days of it are still ahead; a past November before the article is this year's
    ahead = sentence_date("В ноябре в Астану приедет делегация.", DAY, "future")
    assert (ahead.date, ahead.precision) == (date(2024, 11, 1), "month")
    # a month wholly past, said in future tense, is next year's
    later = sentence_date("В октябре в Астану приедет делегация.", DAY, "future")
    assert later.date == date(2025, 10, 1)


@pytest.mark.parametrize("sentence, expected", [
    # "накануне" alone: the day before the article's (27 November 2024)
    ("Накануне губернатор объявил о новом рейсе.", (date(2024, 11, 26), "inferred")),
    ("Накануне в Омске открыли выставку.", (date(2024, 11, 26), "inferred")),
    ("Об этом министр сообщил накануне.", (date(2024, 11, 26), "inferred")),
    # before a genitive it is the eve of something, no day: dated by the article
    ("Накануне выставки губернатор объявил о рейсе.", (date(2024, 11, 27), "publication")),
    ("Накануне переговоров министры встретились.", (date(2024, 11, 27), "publication")),
    ("Накануне Дня города открыли сквер.", (date(2024, 11, 27), "publication")),
])
def test_the_eve_is_the_day_before_only_when_it_stands_alone(sentence: str,
                                                             expected: tuple) -> None:
    found = sentence_date(sentence, DAY, "past")
    assert (found.date, found.basis) == expected
