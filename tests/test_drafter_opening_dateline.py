"""A dateline that opens a report's first sentence ("ГОРОД, 14 марта 2027 – …") says when the
text was filed, not when what the sentence tells happened: the sentence's own time words date
its draft (the round-14 new-user walk: a signing «в среду» in an article filed on a Sunday was
dated to the Sunday, as stated)."""

from __future__ import annotations

from datetime import date

from kzru.curate.datelines import opening_dateline


def test_the_sentence_s_own_weekday_dates_the_deed_not_its_dateline(drafts_of) -> None:
    data, by = drafts_of(
        "ОМСК, 14 марта 2027 – Губернаторы двух приграничных областей подписали в среду "
        "соглашение о сотрудничестве в сфере образования.\n")
    signed = by("ОМСК, 14 марта 2027")
    # 14 March 2027 is a Sunday; the Wednesday before it is the 10th, inferred from the weekday
    assert date(2027, 3, 14).weekday() == 6
    assert (signed.date, signed.date_precision, signed.date_basis) == (
        date(2027, 3, 10), "day", "inferred")


def test_a_sentence_with_no_time_of_its_own_takes_the_article_s_date_not_a_stated_one(
        drafts_of) -> None:
    data, by = drafts_of(
        "ОМСК, 14 марта 2027 – Губернаторы двух приграничных областей подписали соглашение "
        "о сотрудничестве в сфере образования.\n")
    signed = by("ОМСК, 14 марта 2027")
    assert (signed.date, signed.date_precision, signed.date_basis) == (
        date(2027, 3, 14), "day", "publication")


def test_what_opens_a_sentence_is_a_dateline_only_with_a_day_and_a_dash() -> None:
    assert opening_dateline("АСТАНА, 14 марта 2027 – Министры подписали") == len(
        "АСТАНА, 14 марта 2027 – ")
    assert opening_dateline("МОСКВА, 3 декабря. /Агентство/ – Стороны обсудили") == len(
        "МОСКВА, 3 декабря. /Агентство/ – ")
    # no dash, no day, or a date that is not at the head: not a dateline
    assert opening_dateline("Астана, 14 марта 2027 года министры подписали") == 0
    assert opening_dateline("АСТАНА, в марте – министры подписали") == 0
    assert opening_dateline("Министры 14 марта 2027 – подписали") == 0
