"""The eighth blind judge's two date kinds, each as a general rule tested on sentences written
for it: a date that names a document («договор от 25 мая 2020 г.») is not the day of the act;
a month without a year under a word of planning («намечен на ноябрь») lies ahead."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")


def _one(data, start: str):  # noqa: ANN001, ANN202
    """The first draft of the sentence that starts with ``start``."""
    found = sorted((f for f in data.facts.values() if f.text.startswith(start)),
                   key=lambda f: f.id)
    assert found, start
    return found[0]


def _when(fact) -> tuple[str, str, str]:  # noqa: ANN001
    return str(fact.date), fact.date_precision, fact.date_basis


DOCUMENT_DATES = (
    "Тверь, 10 июля 2029 года\n\n"
    "Вчера министры подписали протокол о поправках к договору о торговле от 14 марта 2001 года.\n"
    "Мэры подписали дополнение к меморандуму о дружбе городов от 2 февраля 2020 г.\n"
    "В соответствии с соглашением от 5 апреля 2015 года стороны открыли новый пункт пропуска.\n"
    "Губернаторы подписали договор аренды 3 июля.\n")


def test_a_date_naming_a_document_does_not_date_the_act(drafts_of) -> None:
    data, _ = drafts_of(DOCUMENT_DATES)
    # the amended treaty's day is its name; the signing is yesterday's, the clause's own time
    assert _when(_one(data, "Вчера министры")) == ("2029-07-09", "day", "inferred")
    # no time of the act's own: the article's day, never 2020 or 2015
    assert _when(_one(data, "Мэры подписали")) == ("2029-07-10", "day", "publication")
    assert _when(_one(data, "В соответствии")) == ("2029-07-10", "day", "publication")
    # a date that is no document's name still dates the act
    assert _when(_one(data, "Губернаторы")) == ("2029-07-03", "day", "inferred")


PLANNED_MONTHS = (
    "Тверь, 10 июля 2029 года\n\n"
    "Мэры обсудили и следующий фестиваль, который намечен в Твери на апрель.\n"
    "Следующая встреча губернаторов в Омске запланирована на март.\n"
    "Мэры затронули и тему ярмарки, которая намечена в Твери в мае.\n"
    "Заседание комиссии назначено на сентябрь.\n"
    "Мэры вспомнили и смотр оркестров, который назначен на февраль.\n"
    "В июле намечено открытие моста.\n"
    "Мэры подписали договор аренды в марте.\n")


def _months(data, start: str) -> set[str]:  # noqa: ANN001
    """The months the drafts of the sentence that starts with ``start`` are dated to."""
    return {str(f.date)[:7] for f in data.facts.values()
            if f.text.startswith(start) and f.date_precision == "month"}


def test_a_month_under_a_word_of_planning_lies_ahead(drafts_of) -> None:
    data, _ = drafts_of(PLANNED_MONTHS)
    # April and March are past in July: the plan's are next year's, never this year's
    assert "2030-04" in _months(data, "Мэры обсудили")
    assert "2029-04" not in _months(data, "Мэры обсудили")
    assert "2030-03" in _months(data, "Следующая встреча")
    assert "2029-03" not in _months(data, "Следующая встреча")
    # «в мае» as «на апрель»: the May to come, though «затронули» is past
    assert _months(data, "Мэры затронули") == {"2030-05"}
    # «на сентябрь» names the month as «в сентябре» does
    assert _months(data, "Заседание") == {"2029-09"}
    assert _months(data, "Мэры вспомнили") == {"2030-02"}
    # the article's own month is not before it: this year's
    assert _months(data, "В июле намечено") == {"2029-07"}
    # a month with no word of planning beside it keeps its verb's tense: past
    assert _months(data, "Мэры подписали") == {"2029-03"}


def test_a_month_set_by_a_word_of_planning_lies_ahead_whatever_the_tense() -> None:
    from datetime import date

    from kzru.curate.dates import Published, find_dates

    published = Published(date(2029, 7, 10), "day")
    # read under a past verb (a talk that touched the plan): the month is still the plan's
    for text, month in (("Совет обсудил смотр, который назначен на февраль.", "2030-02"),
                        ("Совет обсудил ярмарку, которая намечена в Твери в мае.", "2030-05"),
                        ("Совет обсудил выставку, которая предусмотрена в июле.", "2029-07"),
                        # an appointment is no plan: its month keeps the verb's past
                        ("Посол был назначен на пост в феврале.", "2029-02")):
        assert [str(d.date)[:7] for d in find_dates(text, published, "past")] == [month], text
