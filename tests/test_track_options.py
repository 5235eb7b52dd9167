"""`kzru track`'s --fields, --year, --sector and --limit (issues 17.6 and 19), each with the
expected values worked out from the CSV and the option's rule: the options narrow or cut the
tracked list and never change a verdict; --fields prints exactly the fields asked for, in that
order, in every format, and at a terminal of 60, 80 and 120 columns every line fits and every
id stays whole."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import read_table, terminal

from kzru.render_track import ALL_KEYS
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = {row["id"]: row for row in read_table(DATA, "facts")}
SECTOR_IDS = [row["id"] for row in read_table(DATA, "sectors")]


def tracked(run, *args: str) -> list[dict]:
    done = run("track", "--format", "json", "--no-see-also", *args)
    assert done.code in (0, 1), done.err
    return json.loads(done.out or "[]")


@pytest.fixture(scope="module")
def everything() -> list[dict]:
    import tempfile
    from pathlib import Path

    from conftest import kzru_here

    with tempfile.TemporaryDirectory() as cache:
        done = kzru_here("track", "--format", "json", "--no-see-also", cache=Path(cache))
    assert done.code == 0
    return json.loads(done.out)


def _year(fact_id: str) -> int:
    return int(FACTS[fact_id]["date"][:4])


def _sectors(fact_id: str) -> list[str]:
    return FACTS[fact_id]["sectors"].split("; ")


# -- --year -----------------------------------------------------------------------------------

@pytest.mark.parametrize("years", [("2022",), ("2025",), ("2022", "2024")])
def test_year_keeps_the_items_dated_in_those_years(run, everything, years) -> None:
    """An item is kept when its own fact (the parent, for a document with parts) is dated in
    one of the years: the date in facts.csv decides, at any precision."""
    args = [arg for year in years for arg in ("--year", year)]
    got = tracked(run, *args)
    expected = [row["id"] for row in everything if str(_year(row["id"])) in years]
    assert [row["id"] for row in got] == expected and expected
    assert len(expected) < len(everything)
    # narrowing never changes what became of an item
    verdicts = {row["id"]: row["verdict"] for row in everything}
    assert all(row["verdict"] == verdicts[row["id"]] for row in got)


def test_a_year_with_nothing_tracked_is_exit_1(run) -> None:
    assert not any(_year(fact_id) == 2023 for fact_id in FACTS)
    done = run("track", "--year", "2023", "--format", "json")
    assert done.code == 1


# -- --sector ---------------------------------------------------------------------------------

@pytest.mark.parametrize("typed,sector", [("nuclear", "nuclear"), ("энергетика", "energy"),
                                          ("образование", "education")])
def test_sector_keeps_items_in_the_sector_in_either_language(run, everything, typed,
                                                             sector) -> None:
    got = tracked(run, "--sector", typed)
    expected = [row["id"] for row in everything if sector in _sectors(row["id"])]
    assert [row["id"] for row in got] == expected and expected
    assert all(sector in row["sectors"] for row in tracked(run, "--sector", typed, "--fields",
                                                          "id,sectors"))


def test_sector_and_year_together_mean_both(run, everything) -> None:
    got = tracked(run, "--sector", "nuclear", "--sector", "transport", "--year", "2025")
    expected = [row["id"] for row in everything
                if {"nuclear", "transport"} & set(_sectors(row["id"])) and
                _year(row["id"]) == 2025]
    assert [row["id"] for row in got] == expected and expected


def test_an_unknown_sector_is_one_line_exit_2(run) -> None:
    done = run("track", "--sector", "astrology")
    assert done.code == 2 and "astrology" in done.err and len(done.err.splitlines()) == 1


# -- --limit ----------------------------------------------------------------------------------

@pytest.mark.parametrize("limit", [1, 3, 10])
def test_limit_cuts_the_list_in_its_order(run, everything, limit: int) -> None:
    got = tracked(run, "--limit", str(limit))
    assert [row["id"] for row in got] == [row["id"] for row in everything[:limit]]
    table = run("track", "--limit", str(limit), "--format", "table", "--no-pager").out
    assert f"{limit} of {len(everything)} tracked items — --limit 0 for all" in \
        " ".join(table.split())


def test_limit_zero_or_above_the_total_is_everything(run, everything) -> None:
    for limit in ("0", str(len(everything)), str(len(everything) + 5)):
        assert [row["id"] for row in tracked(run, "--limit", limit)] == \
            [row["id"] for row in everything]
    table = run("track", "--limit", "0", "--format", "table", "--no-pager").out
    assert "--limit 0 for all" not in table


def test_limit_applies_after_the_filters(run, everything) -> None:
    narrowed = [row["id"] for row in everything if "education" in _sectors(row["id"])]
    got = tracked(run, "--sector", "education", "--limit", "2")
    assert [row["id"] for row in got] == narrowed[:2] and len(narrowed) > 2


def test_a_negative_limit_is_refused(run) -> None:
    """A usage error: one line that names the option and the value it refuses (and where to
    read more), nothing on stdout, exit 2."""
    done = run("track", "--limit", "-1")
    assert done.code == 2 and done.out == ""
    assert done.err.endswith("\n") and done.err.count("\n") == 1, done.err
    assert done.err.startswith("kzru: ") and "Traceback" not in done.err
    assert "'--limit'" in done.err and re.search(r"(?<![\w-])-1(?!\d)", done.err), done.err
    assert "(see 'kzru track --help')" in done.err


# -- --fields ---------------------------------------------------------------------------------

@pytest.mark.parametrize("spec", ["id,verdict,later", "verdict,id", "id,sectors,kind,reason"])
def test_fields_prints_exactly_those_fields_in_order(run, everything, spec: str) -> None:
    keys = spec.split(",")
    rows = tracked(run, "--fields", spec)
    assert rows and all(list(row) == keys for row in rows)
    by_id = {row["id"]: row for row in everything}
    if "id" in keys:
        for row in rows:  # the same values as the full record
            assert all(row[key] == by_id[row["id"]][key] for key in keys
                       if key in by_id[row["id"]])
    if "sectors" in keys:
        assert all(row["sectors"] == _sectors(row["id"]) for row in rows)
    if "kind" in keys:
        assert all(row["kind"] == FACTS[row["id"]]["kind"] for row in rows)
    piped = run("track", "--fields", spec, "--format", "csv").out
    assert next(csv.reader(io.StringIO(piped))) == keys


def test_fields_all_and_a_wrong_name(run) -> None:
    rows = tracked(run, "--fields", "all")
    assert rows and list(rows[0]) == list(ALL_KEYS)
    wrong = run("track", "--fields", "id,verdict,nope")
    assert wrong.code == 2 and "nope" in wrong.err and "verdict" in wrong.err


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_fields_at_a_terminal_fit_and_keep_ids_whole(run, columns: int) -> None:
    """--fields id,verdict,later at a terminal: a table whose every line fits the width, every
    id whole on its line, and each item's later reports before the next item's row."""
    rows = tracked(run, "--fields", "id,verdict,later", "--sector", "nuclear")
    # as the rows are read (--no-see-also: a verdict beside candidates is "not linked")
    shown = terminal("track", "--no-color", "--no-see-also", "--fields", "id,verdict,later",
                     "--sector", "nuclear", columns=columns)
    lines = shown.splitlines()
    assert lines[0].split() == ["id", "verdict", "later"]
    assert all(len(line) <= columns for line in lines), [x for x in lines if len(x) > columns]
    text = "\n".join(lines)
    for row in rows:
        for fact_id in [row["id"], *row["later"]]:
            assert re.search(rf"(^|\s){re.escape(fact_id)}(\s|$)", text, re.M), fact_id
    # each item's verdict is shown, in order
    verdicts = [line for line in lines[2:] if any(row["verdict"] in line for row in rows)]
    assert len(verdicts) >= len(rows)
