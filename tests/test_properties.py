"""Property tests (hypothesis).

The first group draws filter values from the table's own values and queries from its own
vocabulary and word forms, so every example reaches the success path and the properties are
about results: every result satisfies the filters, no fact that satisfies them is missing,
a word finds every fact that holds it in any of its forms. The expected sets are worked out
here from the CSV rows (read with the csv module) and the rule the README states.

The second group throws arbitrary text at every option: never a traceback, always one of the
three exit codes.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import defaultdict

import pytest
import Stemmer
from conftest import Result, kzru_command, read_table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = read_table(DATA, "facts")
EVENTS = read_table(DATA, "events")
SECTORS = read_table(DATA, "sectors")
SAFE = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
RESULTS = settings(max_examples=40, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])


def sectors_of(row: dict[str, str]) -> list[str]:
    return row["sectors"].split("; ")


# --- filters drawn from the table's own values ---------------------------------------------

VALUES = {
    "sector": sorted({s for row in FACTS for s in sectors_of(row)}),
    "year": sorted({row["date"][:4] for row in FACTS}),
    "event": sorted({row["event"] for row in FACTS if row["event"]}),
    "status": sorted({row["status"] for row in FACTS}),
    "kind": sorted({row["kind"] for row in FACTS}),
}
# A sector may also be named by its English or Russian name (README: sector resolver).
SECTOR_NAMES = {name: row["id"] for row in SECTORS for name in (row["id"], row["name"],
                                                                 row["name_ru"])}


@st.composite
def filters(draw: st.DrawFn) -> dict[str, list[str]]:
    """One to three filter options, each with one or two values the table holds."""
    chosen = draw(st.lists(st.sampled_from(sorted(VALUES)), min_size=1, max_size=3,
                           unique=True))
    picked = {}
    for option in chosen:
        pool = sorted(SECTOR_NAMES) if option == "sector" else VALUES[option]
        picked[option] = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2,
                                       unique=True))
    return picked


def accepts(row: dict[str, str], picked: dict[str, list[str]]) -> bool:
    """The README's rule: values of one option are alternatives, options all apply."""
    checks = {
        "sector": lambda values: bool({SECTOR_NAMES[v] for v in values} & set(sectors_of(row))),
        "year": lambda values: row["date"][:4] in values,
        "event": lambda values: row["event"] in values,
        "status": lambda values: row["status"] in values,
        "kind": lambda values: row["kind"] in values,
    }
    return all(checks[option](values) for option, values in picked.items())


def arguments(picked: dict[str, list[str]]) -> list[str]:
    return [arg for option, values in picked.items() for value in values
            for arg in (f"--{option}", value)]


@RESULTS
@given(picked=filters())
def test_facts_returns_exactly_the_facts_passing_every_filter(run, picked) -> None:
    done = run("facts", *arguments(picked), "--limit", "0", "--format", "json")
    expected = {row["id"] for row in FACTS if accepts(row, picked)}
    assert done.code == (0 if expected else 1), done.err
    rows = json.loads(done.out)
    assert {row["id"] for row in rows} == expected  # none missing, none extra
    assert len(rows) == len(expected)  # and none twice
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates, reverse=True)  # newest first


@pytest.fixture(scope="module")
def tracked() -> list[dict]:
    """Every tracked item, unfiltered (the universe the track filters narrow)."""
    done = subprocess.run([*kzru_command(), "track", "--no-see-also", "--format", "json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@RESULTS
@given(sectors=st.lists(st.sampled_from(VALUES["sector"]), min_size=1, max_size=2,
                        unique=True),
       years=st.lists(st.sampled_from(VALUES["year"]), max_size=2, unique=True))
def test_track_filters_keep_exactly_the_items_that_pass(run, tracked, sectors, years) -> None:
    by_id = {row["id"]: row for row in FACTS}
    args = [arg for s in sectors for arg in ("--sector", s)] + \
        [arg for y in years for arg in ("--year", y)]
    done = run("track", "--no-see-also", *args, "--format", "json")
    picked = {"sector": sectors, **({"year": years} if years else {})}
    expected = [row["id"] for row in tracked if accepts(by_id[row["id"]], picked)]
    assert done.code == (0 if expected else 1), done.err
    assert [row["id"] for row in json.loads(done.out)] == expected


# --- queries drawn from the table's vocabulary and its word forms ------------------------

WORD = re.compile(r"[a-zа-яё]+")
RUSSIAN, ENGLISH = Stemmer.Stemmer("russian"), Stemmer.Stemmer("english")
FIELDS = ("summary", "text", "evidence")


def _vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each word (6+ letters) with the facts holding it; each stem with its forms."""
    holders: dict[str, set[str]] = defaultdict(set)
    for row in FACTS:
        for field in FIELDS:
            for word in WORD.findall(row[field].lower().replace("ё", "е")):
                if len(word) >= 6:
                    holders[word].add(row["id"])
    forms: dict[str, set[str]] = defaultdict(set)
    for word in holders:
        stemmer = RUSSIAN if re.match("[а-я]", word) else ENGLISH
        forms[stemmer.stemWord(word)].add(word)
    return holders, forms


HOLDERS, FORMS = _vocabulary()
WORDS = sorted(HOLDERS)
# stems the table holds in more than one form: the query is one form, the facts hold another
SHARED = sorted(stem for stem, found in FORMS.items() if len(found) > 1)


def search_ids(run, *args: str) -> list[str]:  # noqa: ANN001
    done = run("search", *args, "--limit", "0", "--format", "json")
    assert done.code in (0, 1) and "Traceback" not in done.err, done.err
    return [row["id"] for row in json.loads(done.out)]


@RESULTS
@given(word=st.sampled_from(WORDS))
def test_a_word_of_the_table_finds_every_fact_that_holds_it(run, word: str) -> None:
    found = set(search_ids(run, "--literal", word))
    assert HOLDERS[word] <= found, sorted(HOLDERS[word] - found)


@RESULTS
@given(stem=st.sampled_from(SHARED), data=st.data())
def test_one_word_form_finds_the_facts_holding_another(run, stem: str, data) -> None:
    forms = sorted(FORMS[stem])
    asked = data.draw(st.sampled_from(forms), label="asked")
    held = {fact for form in forms for fact in HOLDERS[form]}
    found = set(search_ids(run, "--literal", asked))
    assert held <= found, sorted(held - found)


@RESULTS
@given(word=st.sampled_from(WORDS), picked=filters())
def test_search_filters_keep_exactly_the_matches_that_pass(run, word: str, picked) -> None:
    every = search_ids(run, "--literal", word)
    narrowed = search_ids(run, "--literal", word, *arguments(picked))
    by_id = {row["id"]: row for row in FACTS}
    assert all(accepts(by_id[fact], picked) for fact in narrowed)
    # the filter only removes: the same facts that pass, in the same order
    assert narrowed == [fact for fact in every if accepts(by_id[fact], picked)]


# --- arbitrary input: never a traceback, always a valid exit code ------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


def assert_clean(result: Result) -> None:
    assert result.code in (0, 1, 2)
    assert "Traceback" not in result.err and "internal error" not in result.err
    if result.code == 2:
        assert result.err.count("\n") >= 1 and result.err.startswith("kzru: ")


@SAFE
@given(query=TEXT, fmt=st.sampled_from(["json", "tsv", "table", "csv", "md", "jsonl"]),
       exact=st.booleans())
def test_random_search_queries(run, query: str, fmt: str, exact: bool) -> None:
    args = ["search", "--format", fmt, "--", query]
    if exact:
        args.insert(1, "--exact")
    assert_clean(run(*args))


@SAFE
@given(option=st.sampled_from(["--sector", "--year", "--event", "--status", "--kind",
                               "--limit"]), value=TEXT,
       command=st.sampled_from(["facts", "search"]))
def test_random_filter_values(run, option: str, value: str, command: str) -> None:
    args = [command, *(["атом"] if command == "search" else []), option, value]
    assert_clean(run(*args))


@SAFE
@given(value=TEXT, command=st.sampled_from(["show", "sectors", "timeline"]))
def test_random_arguments(run, value: str, command: str) -> None:
    assert_clean(run(command, "--", value))


# --- the filter in SQL and in Python agree, for every kind of value -----------------------

SPEAKERS = sorted({row["speaker"] for row in FACTS if row["speaker"]})
SOURCES = sorted({row["source"] for row in FACTS})
DATES = sorted({row["date"] for row in FACTS})


@st.composite
def fact_filters(draw: st.DrawFn):  # noqa: ANN201
    from datetime import date as day

    from kzru.query import FactFilter

    def some(pool: list, size: int = 2) -> tuple:
        return tuple(draw(st.lists(st.sampled_from(pool), max_size=size, unique=True)))

    since, until = sorted(draw(st.lists(st.sampled_from(DATES), min_size=2, max_size=2)))
    return FactFilter(
        sectors=some(VALUES["sector"]), years=tuple(int(y) for y in some(VALUES["year"])),
        events=some(VALUES["event"]), statuses=some(VALUES["status"]),
        kinds=some(VALUES["kind"]), sources=some(SOURCES), speakers=some(SPEAKERS),
        since=draw(st.one_of(st.none(), st.just(day.fromisoformat(since)))),
        until=draw(st.one_of(st.none(), st.just(day.fromisoformat(until)))))


@pytest.fixture(scope="module")
def opened():  # noqa: ANN201
    from kzru.db import open_store
    from kzru.store import load

    return open_store(DATA), load(DATA)


@RESULTS
@given(selection=fact_filters())
def test_the_filter_selects_the_same_facts_in_sql_and_in_python(opened, selection) -> None:
    store, loaded = opened
    in_sql = {fact.id for fact in store.filtered(selection)}
    in_python = {fact.id for fact in loaded.facts.values() if selection.accepts(fact)}
    by_rule = {row["id"] for row in FACTS
               if (not selection.sectors or set(selection.sectors) & set(sectors_of(row)))
               and (not selection.years or int(row["date"][:4]) in selection.years)
               and (not selection.events or row["event"] in selection.events)
               and (not selection.statuses or row["status"] in selection.statuses)
               and (not selection.kinds or row["kind"] in selection.kinds)
               and (not selection.sources or row["source"] in selection.sources)
               and (not selection.speakers or row["speaker"] in selection.speakers)
               and (selection.since is None or row["date"] >= selection.since.isoformat())
               and (selection.until is None or row["date"] <= selection.until.isoformat())}
    assert in_sql == in_python == by_rule
