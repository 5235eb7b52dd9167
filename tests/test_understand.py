"""Reading a query: times, statuses, kinds, places, events, sectors; nothing dropped unseen."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzru.aliases import alias_table
from kzru.store import bundled_data_dir, load
from kzru.understand import read


@pytest.fixture(scope="module")
def data():  # noqa: ANN201
    return load(bundled_data_dir())


@pytest.fixture(scope="module")
def reader(data):  # noqa: ANN001, ANN201
    aliases = alias_table(data.glossary.values())

    def run(query: str, **extra: object):  # noqa: ANN202
        return read(query, aliases, data.events.values(), data.sectors.values(),
                    data.glossary.values(), today=date(2025, 6, 1), **extra)

    return run


def test_years_in_both_languages_and_with_year_words(reader) -> None:  # noqa: ANN001
    for query in ("соглашения 2022", "в 2022 году соглашения", "agreements in 2022",
                  "2022г соглашения"):
        reading = reader(query)
        assert reading.years == (2022,), query
        assert [t.text for t in reading.terms] in (["соглашения"], ["agreements"]), query


def test_months_and_dates(reader) -> None:  # noqa: ANN001
    assert reader("ноябрь 2025").months == (11,)
    assert reader("November 2025").months == (11,)
    assert reader("11 ноября").days == ((11, 11),)
    assert reader("визит в феврале").months == (2,)
    # "may" is a month only beside a number or a year
    assert reader("may 2025").months == (5,)
    assert reader("what may happen").months == ()


def test_relative_years_count_from_today(reader) -> None:  # noqa: ANN001
    assert reader("в этом году").years == (2025,)
    assert reader("last year agreements").years == (2024,)


@pytest.mark.parametrize(("query", "status"), [
    ("подписали", "signed"), ("what was signed", "signed"), ("договорились", "agreed"),
    ("agreed", "agreed"), ("планируется", "planned"), ("ожидается", "expected"),
    ("предложил", "proposed"), ("proposed", "proposed")])
def test_status_words(reader, query: str, status: str) -> None:  # noqa: ANN001
    assert reader(query).statuses == (status,)


def test_kind_words_stay_text_and_question_words_ask_for_figures(reader) -> None:  # noqa: ANN001
    reading = reader("соглашения")
    assert reading.terms[0].kinds == ("document",)
    assert "documents" in reading.describe()
    assert reader("сколько студентов").kinds == ("figure",)
    assert reader("how many agreements").kinds == ("figure",)


def test_places_point_at_their_events(reader) -> None:  # noqa: ANN001
    assert reader("в Астане").terms[0].events  # Астана/Астане stem differently
    assert reader("Сочи").terms[0].events == ("2022-08-sochi-talks",)
    assert reader("in Moscow").terms[0].entity == "place"


def test_event_words_and_sectors(reader) -> None:  # noqa: ANN001
    assert "forum" in reader("форум").terms[0].event_kinds
    energy = reader("энергетика").terms[0]
    assert (energy.sector, energy.sector_only) == ("energy", True)
    gas = reader("газ").terms[0]
    assert (gas.sector, gas.sector_only) == ("energy", False)  # an alias only boosts


def test_people_and_organisations_from_the_glossary(reader) -> None:  # noqa: ANN001
    assert reader("Газиз Абишев").terms[0].entity == "person"
    assert reader("Росатом").terms[0].entity == "organization"


def test_bilingual_words(reader) -> None:  # noqa: ANN001
    assert "university" in reader("университеты").terms[0].translations
    assert "университет" in reader("university").terms[0].translations


def test_stopwords_only_reads_as_empty(reader) -> None:  # noqa: ANN001
    reading = reader("the")
    assert reading.empty and reading.ignored == ("the",)


def test_literal_keeps_every_word_as_text(reader) -> None:  # noqa: ANN001
    reading = reader("signed 2022", literal=True)
    assert [t.text for t in reading.terms] == ["signed", "2022"]
    assert not (reading.years or reading.statuses)


@given(st.lists(st.sampled_from(
    "соглашения 2022 году в ноябре 11 signed the how many сколько Астане газ what may "
    "университет форум договорились last year ПМЭФ Сочи xyz".split()), max_size=8))
def test_no_word_is_dropped_unseen(reader, chosen: list[str]) -> None:  # noqa: ANN001
    """Every word is searched as text, read as a constraint, or reported as a stopword."""
    from kzru.text import words

    query = " ".join(chosen)
    reading = reader(query)
    accounted = [w for t in reading.terms for w in t.tokens]
    accounted += [*reading.ignored, *reading.read_words]
    assert sorted(accounted) == sorted(words(query))


# The year rule as its definition states it: 19xx or 20xx (any decimal digits after), alone
# or with one of the endings; year_in reads it without compiling a pattern at start-up.
YEAR_RULE = r"((?:19|20)\d\d)(?:г|гг|год|года|году|х|е)?"


@given(st.one_of(
    st.text(alphabet="0123456789١٢٣гдоуахе", max_size=8),
    st.builds(lambda year, ending: year + ending,
              st.sampled_from(["1999", "2025", "2030", "1899", "20٢٥", "205"]),
              st.sampled_from(["", "г", "гг", "год", "года", "году", "х", "е", "годах", "s"]))))
def test_a_year_word_is_read_by_the_year_rule(token: str) -> None:
    import re

    from kzru.query_words import year_in

    match = re.fullmatch(YEAR_RULE, token)
    assert year_in(token) == (match.group(1) if match else "")


def test_years_and_quoted_phrases_read_as_the_rule_says(reader) -> None:  # noqa: ANN001
    reading = reader('"газ поставки" 2025г 2019-е 1899')
    assert reading.years == (2025, 2019)
    assert any(term.phrase and term.tokens == ("газ", "поставки") for term in reading.terms)
    assert "1899" in {term.text for term in reading.terms}
