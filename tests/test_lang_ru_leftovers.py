"""Issue 17's last leftovers under --lang ru: `kzru review --set date=…` takes a date as a
Russian page writes it, at the precision the words state. Expected values are worked out
from the calendar and the words typed, never copied from output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import drafted_folder, read_table

from kzru.data_words import date_typed

ARTICLE = ("Москва, 5 марта 2026\nПереговоры в Астане.\nКак сообщил политолог Газиз Абишев, "
           "10 февраля стороны обсудили поставки зерна.\n")


@pytest.mark.parametrize("typed,stored", [
    # a day: the words name a day of a month of a year
    ("5 декабря 2025", ("2025-12-05", "day")),
    ("5 дек. 2025 г.", ("2025-12-05", "day")),
    ("1-го мая 2024 года", ("2024-05-01", "day")),
    ("05.12.2025", ("2025-12-05", "day")),
    ("December 5, 2025", ("2025-12-05", "day")),
    ("2025-12-05", ("2025-12-05", "day")),
    # a month: its first day, month precision
    ("декабрь 2025", ("2025-12-01", "month")),
    ("в декабре 2025 года", ("2025-12-01", "month")),
    ("В Марте 2024 г.", ("2024-03-01", "month")),
    ("в мае 2025", ("2025-05-01", "month")),
    ("2025-12", ("2025-12-01", "month")),
    ("Dec 2025", ("2025-12-01", "month")),
    # a year: 1 January, year precision
    ("2025 г.", ("2025-01-01", "year")),
    ("в 2025 году", ("2025-01-01", "year")),
    ("2025", ("2025-01-01", "year")),
])
def test_a_typed_date_is_read_at_the_precision_it_states(typed: str, stored: object) -> None:
    assert date_typed(typed) == stored


@pytest.mark.parametrize("typed", [
    "31 февраля 2025",  # no such day
    "29 февраля 2025",  # 2025 is not a leap year (2024 is: below)
    "5 декабря",  # no year: the rule never makes one up
    "2025-13", "13.2025",
    "мартовский 2025", "марш 2025", "Mayday 2020",  # words that only start like a month
    "вчера", "во втором квартале", "",
])
def test_what_is_no_date_is_not_read_as_one(typed: str) -> None:
    assert date_typed(typed) is None


def test_a_leap_day_is_a_date_in_a_leap_year() -> None:
    assert date_typed("29 февраля 2024") == ("2024-02-29", "day")


@pytest.fixture
def drafted(tmp_path: Path, run) -> Path:  # noqa: ANN001
    return drafted_folder(tmp_path, run, ARTICLE)


def _draft(folder: Path) -> dict[str, str]:
    return next(row for row in read_table(folder, "facts") if "10 февраля" in row["text"])


@pytest.mark.parametrize("typed,date,precision", [
    ("5 декабря 2025", "2025-12-05", "day"),
    ("в декабре 2025 года", "2025-12-01", "month"),
    ("декабрь 2025", "2025-12-01", "month"),
    ("2025 г.", "2025-01-01", "year"),
    ("2025-12", "2025-12-01", "month"),
])
def test_review_set_takes_a_russian_date_at_its_precision(drafted: Path, run, typed: str,
                                                          date: str, precision: str) -> None:
    """The draft is dated 10 February 2026 at day precision; the date typed replaces both."""
    row = _draft(drafted)
    assert (row["date"], row["date_precision"]) == ("2026-02-10", "day")
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "кратко=Grain supplies were discussed.", "--set", f"дата={typed}")
    assert done.code == 0, done.err
    saved = _draft(drafted)
    assert (saved["date"], saved["date_precision"], saved["review"]) == \
        (date, precision, "accepted")


def test_a_precision_set_as_well_wins_and_is_judged(drafted: Path, run) -> None:
    """--set точность даты beside a date: the precision given is kept, and a day that is not
    the first of its month at month precision is refused (nothing written)."""
    row = _draft(drafted)
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "кратко=x", "--set", "дата=5 декабря 2025",
               "--set", "точность даты=месяц")
    assert done.code == 2 and "--set date" in done.err
    assert _draft(drafted)["review"] == "draft"
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "кратко=x", "--set", "дата=2025", "--set", "точность даты=день")
    assert done.code == 0, done.err
    assert (_draft(drafted)["date"], _draft(drafted)["date_precision"]) == ("2025-01-01", "day")


def test_a_date_no_rule_reads_is_refused_at_its_set(drafted: Path, run) -> None:
    row = _draft(drafted)
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "кратко=x", "--set", "дата=31 февраля 2025")
    assert done.code == 2 and "--set date" in done.err and "31 февраля 2025" in done.err
    assert _draft(drafted)["review"] == "draft"


def test_an_interactive_edit_takes_a_russian_date(drafted: Path) -> None:
    """At the review screen: edit «дата: в декабре 2025 года», accept: month precision saved."""
    from test_lang_ru_check_review import _Terminal

    first = next(row["id"] for row in read_table(drafted, "facts"))
    screen = _Terminal(drafted)
    screen.wait_for("выйти > ")
    screen.type("e")
    screen.wait_for("правка > ")
    screen.type("дата: в декабре 2025 года")
    screen.wait_for("правка > ")
    screen.type("")
    screen.wait_for("выйти > ")
    screen.type("a")
    screen.wait_for("> ")
    screen.type("Grain supplies were discussed.")
    screen.wait_for("выйти > ")
    screen.type("q")
    screen.close()
    saved = next(row for row in read_table(drafted, "facts") if row["id"] == first)
    assert (saved["date"], saved["date_precision"]) == ("2025-12-01", "month")
