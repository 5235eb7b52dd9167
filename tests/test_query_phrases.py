"""Issue 18, round 10: how a query's set phrases, abbreviations, quoted phrases, excluded words
and related words are read, and what a script is told on stderr. Queries written here, each
checked against the rule or the articles (facts cited by id)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kzru.aliases import alias_table
from kzru.index import open_index
from kzru.search import search
from kzru.store import bundled_data_dir, load
from kzru.understand import read


@pytest.fixture(scope="module")
def data():  # noqa: ANN201
    return load(bundled_data_dir())


@pytest.fixture(scope="module")
def index():  # noqa: ANN201
    folder = bundled_data_dir()
    return open_index(folder, lambda: load(folder))


@pytest.fixture(scope="module")
def reader(data):  # noqa: ANN001, ANN201
    aliases = alias_table(data.glossary.values())

    def run(query: str):  # noqa: ANN202
        return read(query, aliases, data.events.values(), data.sectors.values(),
                    data.glossary.values(), today=date(2025, 6, 1))

    return run


def texts(reading) -> list[str]:  # noqa: ANN001
    return [term.text for term in reading.terms]


# (1) set phrases that work as prepositions are stopwords, whole
@pytest.mark.parametrize("query, phrase, kept", [
    ("что подписали во время переговоров", "во время", ["переговоров"]),
    ("соглашения в ходе визита", "в ходе", ["соглашения", "визита"]),
    ("проекты в рамках форума", "в рамках", ["проекты", "форума"]),
    ("по итогам саммита", "по итогам", ["саммита"]),
    ("поставки в течение года", "в течение", ["поставки", "года"]),
    ("в связи с визитом", "в связи с", ["визитом"]),
    ("agreements signed during the visit", "during", ["agreements", "visit"]),
    ("projects as part of the forum", "as part of", ["projects", "forum"]),
])
def test_a_set_phrase_is_a_stopword_not_a_topic(reader, query, phrase, kept) -> None:  # noqa: ANN001
    reading = reader(query)
    assert phrase in reading.ignored
    assert [t for t in texts(reading) if t in phrase.split()] == []
    assert all(word in texts(reading) for word in kept)


def test_the_words_of_a_set_phrase_alone_stay_words(reader) -> None:  # noqa: ANN001
    # "время" and "ходе" are words on their own, and a phrase needs an object after it
    assert "время" in texts(reader("время визита"))
    assert "время" in texts(reader("договорились во время"))
    assert "рамках" in texts(reader("рамках соглашения"))


def test_a_set_phrase_does_not_pull_in_facts_by_its_words(index) -> None:  # noqa: ANN001
    # a000 calls the 2022 reception rare in "Covid times" (временам): "во время" is not time
    hits = search(index, "какие соглашения заключили во время визита в Москву", limit=5)
    assert hits and "a000-covid-era-reception-rare" not in [h.fact.id for h in hits]
    assert all(m.query != "время" for h in hits for m in h.matches)


# (3) a quoted phrase: adjacent words in any word form, names included
def test_a_quoted_phrase_matches_every_form_of_its_words(index) -> None:  # noqa: ANN001
    # a004: the Days of Culture in Moscow ("Дни культуры"), Yakutsk and Kazan ("Дней культуры")
    days = {"a004-days-of-culture-moscow", "a004-days-of-culture-yakutsk",
            "a004-days-of-culture-kazan"}
    for query in ('"Дни культуры"', '"Дней культуры"', "«дням культуры»"):
        assert {h.fact.id for h in search(index, query, limit=None)} >= days, query


def test_a_quoted_phrase_still_wants_its_words_side_by_side(index) -> None:  # noqa: ANN001
    # no article puts "культуры" right before "дни"
    assert not search(index, '"культуры дни"', limit=None)


# (4) -word: the fact's own words, not the quotation's other sentences
def test_excluding_a_word_keeps_facts_that_only_quote_it(index) -> None:  # noqa: ANN001
    # a004: gas supply to the border regions; its quotation also speaks of transit
    row = "a004-gas-supply-border-regions"
    every = {h.fact.id for h in search(index, "газоснабжение регионов", limit=None)}
    assert row in every
    fact = next(h.fact for h in search(index, "газоснабжение регионов", limit=None)
                if h.fact.id == row)
    assert "транзит" in fact.evidence.casefold() and "транзит" not in fact.text.casefold()
    assert row in {h.fact.id for h in search(index, "газоснабжение регионов -транзит",
                                              limit=None)}
    # a fact that says transit itself is left out
    transit = {h.fact.id for h in search(index, "транзит", limit=None)
               if "транзит" in h.fact.text.casefold()}
    assert transit and not transit & {h.fact.id for h in search(index, "нефть -транзит",
                                                                 limit=None)}


# (5) machine formats: what was not matched, and "nothing matched", on stderr
def test_json_says_unmatched_words_on_stderr_and_keeps_stdout_data(run) -> None:  # noqa: ANN001
    done = run("search", "зиккурат атом", "--format", "json")
    assert done.code == 0 and json.loads(done.out)
    assert "no match for: зиккурат" in done.err


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_a_machine_format_says_nothing_matched_on_stderr(run, fmt) -> None:  # noqa: ANN001
    done = run("search", "зиккурат", "--format", fmt)
    assert done.code == 1
    assert "no facts match" in done.err and "зиккурат" in done.err
    assert "зиккурат" not in done.out and "no facts" not in done.out
