"""query.py's rules one at a time: a filter's values are alternatives and filters combine
(FactFilter's docstring), each on rows built here so that one field decides; the filter as
SQL selects what the rule selects; options resolved to their ids (make_filter); visits by the
years an event spans, host and kind, in date order; a sector without facts counts zero and has
no dates; an unknown id suggests the closest one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import add_facts, read_table
from test_mut_follow import fact

from kzru import query
from kzru.db import open_store
from kzru.errors import KzruError
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()


@pytest.fixture(scope="module")
def store():  # noqa: ANN201
    return open_store(DATA)


# --- the rule, one field at a time -------------------------------------------------------

BASE = fact("x", event="v1", date=date(2024, 5, 17), sectors=("energy", "transport"),
            status="agreed", kind="document", source="a001", speaker="Tokayev",
            names=("Astana", "Rosatom"))


@pytest.mark.parametrize(("selection", "accepted"), [
    (query.FactFilter(), True),
    (query.FactFilter(sectors=("transport",)), True),
    (query.FactFilter(sectors=("nuclear", "energy")), True),
    (query.FactFilter(sectors=("nuclear",)), False),
    (query.FactFilter(years=(2023, 2024)), True),
    (query.FactFilter(years=(2025,)), False),
    (query.FactFilter(events=("v2", "v1")), True),
    (query.FactFilter(events=("v2",)), False),
    (query.FactFilter(statuses=("signed", "agreed")), True),
    (query.FactFilter(statuses=("signed",)), False),
    (query.FactFilter(kinds=("document",)), True),
    (query.FactFilter(kinds=("commitment",)), False),
    (query.FactFilter(sources=("a002", "a001")), True),
    (query.FactFilter(sources=("a002",)), False),
    (query.FactFilter(speakers=("Putin", "Tokayev")), True),
    (query.FactFilter(speakers=("Putin",)), False),
    (query.FactFilter(since=date(2024, 5, 17)), True),
    (query.FactFilter(since=date(2024, 5, 18)), False),
    (query.FactFilter(until=date(2024, 5, 17)), True),
    (query.FactFilter(until=date(2024, 5, 16)), False),
    (query.FactFilter(places=("moscow",), place_events=("v1",)), True),
    (query.FactFilter(places=("astana",), place_events=()), True),
    (query.FactFilter(places=("rosatom", "kazan"), place_events=("v9",)), True),
    (query.FactFilter(places=("moscow",), place_events=("v9",)), False),
    (query.FactFilter(sectors=("energy",), years=(2024,), statuses=("agreed",)), True),
    (query.FactFilter(sectors=("energy",), years=(2024,), statuses=("signed",)), False),
    (query.FactFilter(kinds=("document",), speakers=("Putin",)), False),
])
def test_a_filter_accepts_by_its_rule(selection: query.FactFilter, accepted: bool) -> None:
    assert selection.accepts(BASE) is accepted


def test_a_place_is_matched_in_its_normalised_form() -> None:
    named = BASE._replace(names=("АСТАНА",), event="")
    assert query.FactFilter(places=("астана",)).accepts(named)


def test_an_empty_filter_is_empty_and_any_value_is_not() -> None:
    assert query.FactFilter().empty
    assert not query.FactFilter(years=(2024,)).empty
    assert not query.FactFilter(since=date(2024, 1, 1)).empty
    assert query.FactFilter().sql() == ("1", [])


# --- the same filter in SQL --------------------------------------------------------------

FACTS = read_table(DATA, "facts")


def expected_ids(keep) -> list[str]:  # noqa: ANN001
    """The table's facts that ``keep`` accepts, newest first (date, then id, descending)."""
    rows = [row for row in FACTS if keep(row)]
    return [row["id"] for row in sorted(rows, key=lambda r: (r["date"], r["id"]), reverse=True)]


def listed(row: dict[str, str], column: str) -> list[str]:
    return [item.strip() for item in row[column].split(";") if item.strip()]


def test_sql_speaker_source_and_kind_filters_select_the_rule(store) -> None:  # noqa: ANN001
    speaker = next(row["speaker"] for row in FACTS if row["speaker"])
    selection = query.FactFilter(speakers=(speaker,))
    assert [f.id for f in store.filtered(selection)] == \
        expected_ids(lambda row: row["speaker"] == speaker)
    sources = ("a001", "a003")
    assert [f.id for f in store.filtered(query.FactFilter(sources=sources))] == \
        expected_ids(lambda row: row["source"] in sources)
    kinds = ("figure", "meeting")
    assert [f.id for f in store.filtered(query.FactFilter(kinds=kinds))] == \
        expected_ids(lambda row: row["kind"] in kinds)


def test_sql_dates_are_inclusive_at_both_ends(store) -> None:  # noqa: ANN001
    day = next(row["date"] for row in FACTS if len(row["date"]) == 10)
    when = date.fromisoformat(day)
    both = query.FactFilter(since=when, until=when)
    found = [f.id for f in store.filtered(both)]
    assert found and all(f.date == when for f in store.filtered(both))
    assert [f.id for f in store.filtered(query.FactFilter(since=when))] == \
        [f.id for f in store.filtered(query.FactFilter()) if f.date >= when]
    assert [f.id for f in store.filtered(query.FactFilter(until=when))] == \
        [f.id for f in store.filtered(query.FactFilter()) if f.date <= when]


def test_sql_places_are_the_events_held_there_or_facts_naming_it(store) -> None:  # noqa: ANN001
    name = next(n for row in FACTS for n in listed(row, "names") if n)
    folded = query.normalize(name)
    held = ("2024-11-state-visit-astana",)
    selection = query.FactFilter(places=(folded,), place_events=held)
    assert [f.id for f in store.filtered(selection)] == expected_ids(
        lambda row: row["event"] in held
        or any(query.normalize(n) == folded for n in listed(row, "names")))
    only_named = query.FactFilter(places=(folded,))
    assert [f.id for f in store.filtered(only_named)] == expected_ids(
        lambda row: any(query.normalize(n) == folded for n in listed(row, "names")))


def test_sql_sectors_are_alternatives_and_combine_with_other_filters(store) -> None:  # noqa: ANN001
    selection = query.FactFilter(sectors=("nuclear", "education"), statuses=("signed",))
    assert [f.id for f in store.filtered(selection)] == expected_ids(
        lambda row: bool({"nuclear", "education"} & set(listed(row, "sectors")))
        and row["status"] == "signed")


# --- options to a filter --------------------------------------------------------------

def test_make_filter_resolves_every_option_to_ids(store) -> None:  # noqa: ANN001
    made = query.make_filter(store.sectors, store.events, sector=["Атом", "TRANSIT"],
                             year=[2024, 2025], event=["2025-11-state-visit-moscow"],
                             status=["signed", "agreed"], kind=["document"])
    assert made == query.FactFilter(sectors=("nuclear", "transport"), years=(2024, 2025),
                                    events=("2025-11-state-visit-moscow",),
                                    statuses=("signed", "agreed"), kinds=("document",))
    assert query.make_filter(store.sectors, store.events) == query.FactFilter()


@pytest.mark.parametrize(("option", "value", "what"), [
    ("event", "2025-11-state-visit-moscw", "event"), ("status", "signd", "status"),
    ("kind", "documnt", "kind")])
def test_make_filter_refuses_an_unknown_value_naming_what_it_is(store, option: str,  # noqa: ANN001
                                                                value: str, what: str) -> None:
    with pytest.raises(KzruError, match=f"unknown {what} '{value}'"):
        query.make_filter(store.sectors, store.events, **{option: [value]})


# --- visits ------------------------------------------------------------------------------

EVENTS = read_table(DATA, "events")


def test_visits_are_in_date_order_and_an_event_counts_in_every_year_it_spans(store) -> None:  # noqa: ANN001
    assert [e.id for e in query.visits(store)] == \
        [row["id"] for row in sorted(EVENTS, key=lambda r: (r["start"], r["id"]))]
    for year in range(2020, 2027):
        assert [e.id for e in query.visits(store, year=year)] == [
            row["id"] for row in sorted(EVENTS, key=lambda r: (r["start"], r["id"]))
            if int(row["start"][:4]) <= year <= int(row["end"][:4])]


def test_visits_by_host_and_kind_together(store) -> None:  # noqa: ANN001
    for host in ("kz", "ru"):
        for kind in ("state-visit", "forum", "summit"):
            assert [e.id for e in query.visits(store, host=host, kind=kind)] == [
                row["id"] for row in sorted(EVENTS, key=lambda r: (r["start"], r["id"]))
                if row["host"] == host and row["kind"] == kind]


def test_visits_refuse_an_unknown_host_or_kind(store) -> None:  # noqa: ANN001
    with pytest.raises(KzruError, match="unknown host 'kzz'"):
        query.visits(store, host="kzz")
    with pytest.raises(KzruError, match="unknown event kind 'sumit'"):
        query.visits(store, kind="sumit")


# --- sectors -----------------------------------------------------------------------------

def test_a_sector_without_facts_counts_zero_with_no_dates(data_copy: Path) -> None:
    from conftest import add_sector

    rows = read_table(data_copy, "sectors")
    add_sector(data_copy)
    summaries = {sector.id: counts for sector, counts in
                 query.sector_summaries(open_store(data_copy))}
    quiet = summaries["quiet"]
    assert tuple(quiet) == ("quiet", 0, 0, 0, 0, None, "", None, "")
    assert list(summaries) == [row["id"] for row in rows] + ["quiet"]


def test_sector_summaries_carry_the_counts_of_the_store(store) -> None:  # noqa: ANN001
    counts = store.sector_counts()
    for sector, summary in query.sector_summaries(store):
        found = counts.get(sector.id)
        if found is not None:
            assert summary == found


def test_the_matrix_has_events_in_date_order_and_facts_outside_any_event(data_copy: Path) -> None:
    add_facts(data_copy, {"id": "zz-outside", "event": "", "sectors": "energy",
                          "part_of": ""})
    mine = open_store(data_copy)
    events, rows = query.sector_matrix(mine)
    assert [e.id for e in events] == \
        [row["id"] for row in sorted(EVENTS, key=lambda r: (r["start"], r["id"]))]
    facts = [row for row in read_table(data_copy, "facts") if not row["part_of"]]
    for sector, per_event, outside in rows:
        assert per_event == [sum(1 for row in facts if row["event"] == e.id
                                 and sector.id in listed(row, "sectors")) for e in events]
        assert outside == sum(1 for row in facts if not row["event"]
                              and sector.id in listed(row, "sectors"))
    assert dict((s.id, o) for s, _, o in rows)["energy"] >= 1


# --- records by id ---------------------------------------------------------------------

def test_find_record_finds_a_fact_or_an_event(store) -> None:  # noqa: ANN001
    fact_id = FACTS[0]["id"]
    assert query.find_record(store, fact_id).id == fact_id
    event_id = EVENTS[0]["id"]
    found = query.find_record(store, event_id)
    assert found.id == event_id and found.title_en == EVENTS[0]["title_en"]


def test_an_unknown_record_suggests_the_closest_fact_or_event(store) -> None:  # noqa: ANN001
    fact_id = FACTS[0]["id"]
    with pytest.raises(KzruError, match=f"did you mean '{fact_id}'"):
        query.find_record(store, fact_id[:-1] + "#")
    event_id = EVENTS[-1]["id"]
    with pytest.raises(KzruError, match=f"no fact or event with id '{event_id}x' "
                                        f"\\(did you mean '{event_id}'"):
        query.find_record(store, event_id + "x")


def test_related_facts_stop_at_the_limit_asked(store) -> None:  # noqa: ANN001
    crowded = max((f for f in store.facts.values()), key=lambda f: len(store.related(f, 20)))
    assert len(store.related(crowded, 20)) > 8
    assert query.related_facts(store, crowded, 2) == store.related(crowded, 20)[:2]
    assert query.related_facts(store, crowded, 10) == store.related(crowded, 20)[:10]


def test_filter_facts_lists_parts_too_unless_top_level_and_stops_at_the_limit(store) -> None:  # noqa: ANN001
    every = expected_ids(lambda row: True)
    tops = expected_ids(lambda row: not row["part_of"])
    assert len(tops) < len(every)
    assert [f.id for f in query.filter_facts(store, query.FactFilter())] == every
    assert [f.id for f in query.filter_facts(store, query.FactFilter(), True)] == tops
    assert [f.id for f in query.filter_facts(store, query.FactFilter(), False, 5)] == every[:5]
    assert [f.id for f in query.filter_facts(store, query.FactFilter(), True, 3)] == tops[:3]


def test_an_unknown_id_is_matched_against_ids_sharing_its_first_three_characters(
        data_copy: Path) -> None:
    template = FACTS[0]["id"]
    add_facts(data_copy, {"id": "zzzz-lone-item", "part_of": ""}, template=template)
    mine = open_store(data_copy)
    # the fourth character differs, and it sorts after any upper-case letter
    with pytest.raises(KzruError, match="did you mean 'zzzz-lone-item'"):
        query.find_record(mine, "zzzy-lone-item")
    with pytest.raises(KzruError, match="did you mean 'zzzz-lone-item'"):
        query.find_record(mine, "zzzz-lone-iten")


def test_sql_places_take_several_names_and_several_events(store) -> None:  # noqa: ANN001
    names = list(dict.fromkeys(query.normalize(n) for row in FACTS for n in listed(row, "names")
                               ))[:2]
    held = ("2024-11-state-visit-astana", "2025-11-state-visit-moscow")
    selection = query.FactFilter(places=tuple(names), place_events=held)
    assert [f.id for f in store.filtered(selection)] == expected_ids(
        lambda row: row["event"] in held
        or any(query.normalize(n) in names for n in listed(row, "names")))
