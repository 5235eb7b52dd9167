"""Filters and summaries by the rules the README states, expected values worked out from the
CSV rows read here: a sector named any way the taxonomy names it; visits by year (an event
counts in every year it spans), host and kind, in date order; sector counts (top-level facts
once: facts, signed, agreed, events, first and last); the sector × event matrix; unknown
values refused in one line with a suggestion.
"""

from __future__ import annotations

import json

import pytest
from conftest import read_table

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = read_table(DATA, "facts")
EVENTS = read_table(DATA, "events")
SECTORS = read_table(DATA, "sectors")
TOP = [row for row in FACTS if not row["part_of"]]


def json_rows(run, *args: str) -> list[dict]:  # noqa: ANN001
    done = run(*args, "--format", "json")
    assert done.code == 0, done.err
    return json.loads(done.out)


def ids(rows: list[dict]) -> set[str]:
    return {row["id"] for row in rows}


def test_a_sector_is_named_by_id_name_russian_name_or_alias_in_any_case(run) -> None:
    nuclear = next(row for row in SECTORS if row["id"] == "nuclear")
    expected = {row["id"] for row in FACTS if "nuclear" in row["sectors"].split("; ")}
    names = [nuclear["id"], nuclear["name"].upper(), nuclear["name_ru"].lower(),
             *[alias.title() for alias in nuclear["aliases"].split("; ") if alias][:2]]
    for name in names:
        assert ids(json_rows(run, "facts", "--sector", name, "--limit", "0")) == expected, name


@pytest.mark.parametrize("option, value, what", [
    ("--sector", "nuclearr", "sector"), ("--event", "2025-11-state-visit-moscw", "event"),
    ("--status", "signd", "status"), ("--kind", "documnt", "kind")])
def test_an_unknown_filter_value_is_one_line_with_a_suggestion(run, option: str, value: str,
                                                                what: str) -> None:
    done = run("facts", option, value)
    assert done.code == 2 and done.out == ""
    assert done.err.count("\n") == 1 and done.err.startswith(f"kzru: unknown {what} ")
    assert "did you mean" in done.err


@pytest.mark.parametrize("year", [2021, 2022, 2024, 2025, 2023])
def test_visits_of_a_year_are_the_events_spanning_it_in_date_order(run, year: int) -> None:
    expected = sorted(((row["start"], row["id"]) for row in EVENTS
                       if row["start"][:4] <= str(year) <= row["end"][:4]))
    done = run("visits", "--year", str(year), "--format", "json")
    if not expected:
        assert done.code == 1
        return
    assert [row["id"] for row in json.loads(done.out)] == [event for _, event in expected]


@pytest.mark.parametrize("option, column, value", [("--host", "host", "ru"),
                                                   ("--host", "host", "kz"),
                                                   ("--kind", "kind", "forum"),
                                                   ("--kind", "kind", "state-visit")])
def test_visits_by_host_and_kind(run, option: str, column: str, value: str) -> None:
    expected = [row["id"] for row in sorted(EVENTS, key=lambda r: (r["start"], r["id"]))
                if row[column] == value]
    assert expected
    assert [row["id"] for row in json_rows(run, "visits", option, value)] == expected


def test_visits_refuse_an_unknown_host_or_kind(run) -> None:
    for args in (("--host", "us"), ("--kind", "picnic")):
        done = run("visits", *args)
        assert done.code == 2 and done.err.count("\n") == 1


def test_sector_counts_count_top_level_facts_once(run) -> None:
    rows = {row["id"]: row for row in json_rows(run, "sectors")}
    assert list(rows) == [row["id"] for row in SECTORS]  # the taxonomy's order
    rank = {"day": 0, "month": 1, "year": 2}
    for sector in SECTORS:
        mine = [row for row in TOP if sector["id"] in row["sectors"].split("; ")]
        row = rows[sector["id"]]
        assert (row["facts"], row["signed"], row["agreed"], row["events"]) == (
            len(mine), sum(r["status"] == "signed" for r in mine),
            sum(r["status"] == "agreed" for r in mine),
            len({r["event"] for r in mine if r["event"]})), sector["id"]
        if mine:
            first = min(mine, key=lambda r: (r["date"], rank[r["date_precision"]]))
            last = max(mine, key=lambda r: (r["date"], -rank[r["date_precision"]]))
            assert (row["first"], row["first_precision"]) == (first["date"],
                                                              first["date_precision"])
            assert (row["last"], row["last_precision"]) == (last["date"],
                                                            last["date_precision"])
        else:
            assert row["first"] is None and row["last"] is None


def test_the_matrix_counts_top_level_facts_per_sector_and_event(run) -> None:
    rows = json_rows(run, "sectors", "--matrix")
    events = [row["id"] for row in sorted(EVENTS, key=lambda r: (r["start"], r["id"]))]
    assert list(rows[0]) == ["sector", *events, "none", "total"]
    for row in rows:
        mine = [r for r in TOP if row["sector"] in r["sectors"].split("; ")]
        for event in events:
            assert row[event] == sum(r["event"] == event for r in mine), (row["sector"], event)
        assert row["none"] == sum(not r["event"] for r in mine)
        assert row["total"] == len(mine)  # each fact once: it has one event or none


def test_show_of_an_event_lists_its_facts_and_counts_the_top_level_ones(run) -> None:
    event = "2022-02-working-visit"
    (row,) = json_rows(run, "show", event)
    mine = [r["id"] for r in FACTS if r["event"] == event]
    assert sorted(row["facts"]) == sorted(mine)


def test_an_unknown_id_is_one_line_with_a_suggestion(run) -> None:
    done = run("show", "a001-20-agreements-exchange")
    assert done.code == 2 and done.err.count("\n") == 1
    assert "a001-20-agreements-exchanged" in done.err


def test_a_sector_without_facts_counts_zero_and_has_no_dates(run, data_copy) -> None:  # noqa: ANN001
    from conftest import write_table

    sectors = read_table(data_copy, "sectors")
    sectors.append({**sectors[0], "id": "fishing", "name": "Fishing", "name_ru": "Рыболовство",
                    "aliases": ""})
    write_table(data_copy, "sectors", sectors)
    rows = {row["id"]: row for row in json_rows(run, "sectors", "--data", str(data_copy))}
    assert rows["fishing"] == {"id": "fishing", "name": "Fishing", "name_ru": "Рыболовство",
                               "facts": 0, "signed": 0, "agreed": 0, "events": 0,
                               "first": None, "first_precision": "", "last": None,
                               "last_precision": ""}
