"""The store every command reads (kzru.db): its SQL answers agree with the rules worked out
over the validated table in Python, and drafts are left out unless asked for."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import mark_drafts

from kzru import query
from kzru.db import open_store
from kzru.model import Dataset, Fact
from kzru.store import bundled_data_dir, load
from kzru.text import normalize


@pytest.fixture(scope="module")
def loaded() -> Dataset:
    return load(bundled_data_dir())


@pytest.fixture
def store():  # noqa: ANN201
    return open_store(bundled_data_dir())


def related_by_rule(data: Dataset, fact: Fact, limit: int = 8) -> list[str]:
    """The related-facts rule over the whole table in Python (what Store.related must do)."""
    names = {other.id: {normalize(n) for n in other.names} for other in data.facts.values()}
    counts: dict[str, int] = {}
    for found in names.values():
        for name in found:
            counts[name] = counts.get(name, 0) + 1
    common = max(3, len(data.facts) // 10)
    rare = {name for name in names[fact.id] if counts[name] <= common}
    sectors = set(fact.sectors)
    same_event = [other for other in data.facts_by_event.get(fact.event, [])
                  if fact.event and other.id != fact.id and sectors & set(other.sectors)]
    taken = {fact.id} | {other.id for other in same_event}
    same_name = sorted((other for other in data.facts.values()
                        if other.id not in taken and rare & names[other.id]),
                       key=lambda other: other.date)
    taken |= {other.id for other in same_name}
    same_source = [other for other in data.facts.values() if other.id not in taken
                   and other.source == fact.source and sectors & set(other.sectors)]
    return [other.id for other in (same_event + same_name + same_source)[:limit]]


def test_related_facts_follow_the_rule_for_every_fact(loaded: Dataset, store) -> None:  # noqa: ANN001
    for fact in loaded.facts.values():
        assert [f.id for f in store.related(fact)] == related_by_rule(loaded, fact), fact.id


def test_sector_counts_count_each_top_level_fact_once(loaded: Dataset, store) -> None:  # noqa: ANN001
    counts = store.sector_counts()
    top = loaded.top_level()
    for sector in loaded.sectors:
        mine = [fact for fact in top if sector in fact.sectors]
        if not mine:
            assert sector not in counts
            continue
        found = counts[sector]
        assert found.facts == len(mine)
        assert found.signed == sum(fact.status == "signed" for fact in mine)
        assert found.agreed == sum(fact.status == "agreed" for fact in mine)
        assert found.events == len({fact.event for fact in mine if fact.event})
        assert found.first == min(fact.date for fact in mine)
        assert found.last == max(fact.date for fact in mine)


def test_matrix_and_per_event_counts_match_the_table(loaded: Dataset, store) -> None:  # noqa: ANN001
    top = loaded.top_level()
    cells = store.sector_event_counts()
    for (sector, event), count in cells.items():
        assert count == sum(1 for f in top if f.event == event and sector in f.sectors)
    assert sum(cells.values()) == sum(len(set(f.sectors)) for f in top)
    per_event = store.top_level_counts("event")
    for event in loaded.events:
        assert per_event.get(event, 0) == sum(1 for f in top if f.event == event)


FILTERS = [
    query.FactFilter(sectors=("nuclear",)),
    query.FactFilter(sectors=("nuclear", "education"), years=(2022, 2025)),
    query.FactFilter(statuses=("signed",), kinds=("document", "commitment")),
    query.FactFilter(sources=("a001",), since=date(2024, 11, 28)),
    query.FactFilter(until=date(2022, 12, 31), events=("2022-02-working-visit",)),
    query.FactFilter(speakers=("Касым-Жомарт Токаев",)),
]


@pytest.mark.parametrize("selection", FILTERS)
def test_sql_filters_select_what_the_rule_accepts(loaded: Dataset, store, selection) -> None:  # noqa: ANN001
    expected = sorted((f for f in loaded.facts.values() if selection.accepts(f)),
                      key=lambda f: (f.date, f.id), reverse=True)
    for top_level in (False, True):
        want = [f.id for f in expected if not top_level or not f.part_of]
        assert [f.id for f in store.filtered(selection, top_level)] == want
        assert store.count(selection, top_level) == len(want)
        assert [f.id for f in store.filtered(selection, top_level, limit=2)] == want[:2]


def test_lazy_dataset_view_answers_like_the_loaded_table(loaded: Dataset, store) -> None:  # noqa: ANN001
    assert list(store.facts) == list(loaded.facts)
    assert [f.id for f in store.facts.values()] == list(loaded.facts)
    for event in loaded.events:
        assert store.facts_by_event.get(event, []) == loaded.facts_by_event.get(event, [])
    for parent, parts in itertools.islice(loaded.parts.items(), 20):
        assert store.parts[parent] == parts
        assert all(store.fact_lines[p.id] == loaded.fact_lines[p.id] for p in parts)
    assert "no-such-fact" not in store.facts


def test_drafts_are_read_only_when_asked_for(data_copy: Path, run) -> None:  # noqa: ANN001
    data = load(data_copy)
    nuclear = [f for f in data.facts.values() if "nuclear" in f.sectors and not f.part_of]
    # an accepted row may not refer to a draft (store check): take one nothing refers to
    referred = {i for f in data.facts.values() for i in (f.part_of, *f.follows, *f.same_as)}
    draft = next(f for f in nuclear if f.id not in referred)
    mark_drafts(data_copy, "facts", {draft.id})
    hidden, shown = open_store(data_copy), open_store(data_copy, drafts=True)
    assert draft.id not in hidden.facts and draft.id in shown.facts
    assert draft.id not in [f.id for f in hidden.filtered(query.FactFilter(sectors=("nuclear",)))]
    assert hidden.count() == len(data.facts) - 1 and shown.count() == len(data.facts)
    assert hidden.sector_counts()["nuclear"].facts == len(nuclear) - 1
    assert shown.sector_counts()["nuclear"].facts == len(nuclear)
    assert hidden.search_allowed(None) is not None
    assert len(hidden.search_allowed(None)) == len(data.facts) - 1
    listed = run("facts", "--sector", "nuclear", "--format", "json", "--data", str(data_copy))
    assert listed.code == 0 and draft.id not in [row["id"] for row in json.loads(listed.out)]
    found = run("search", draft.summary, "--limit", "0", "--format", "json", "--data",
                str(data_copy))
    assert draft.id not in [row["id"] for row in json.loads(found.out)]
    assert run("show", draft.id, "--data", str(data_copy)).code == 2


def test_a_sectors_rows_are_its_facts_with_drafts_only_when_asked_for(data_copy: Path) -> None:
    """Search's sector signal (signals.sector, index.sector_rows): the rows of the facts
    whose sector list holds the sector, read by the sectors' index; a draft's row only from a
    store that shows drafts. Expected: the loaded table's sector lists, by rowid (file order)."""
    from kzru.signals import Signals

    data = load(data_copy)
    draft = next(f for f in data.facts.values() if "nuclear" in f.sectors
                 and not f.part_of and not any(f.id in (g.part_of, *g.follows, *g.same_as)
                                               for g in data.facts.values()))
    mark_drafts(data_copy, "facts", {draft.id})
    ids = list(data.facts)  # file order: the store's rowids are 1, 2, 3, ...
    for drafts in (False, True):
        store = open_store(data_copy, drafts=drafts)
        rowid = {fact_id: row for row, fact_id in store.index.rows(
            "SELECT rowid, id FROM filters")}
        assert sorted(rowid, key=rowid.get) == ids
        for sector in data.sectors:
            expected = {rowid[f.id] for f in data.facts.values() if sector in f.sectors
                        and (drafts or f.id != draft.id)}
            assert Signals(store.index).sector(sector) == expected, (sector, drafts)
        assert (rowid[draft.id] in Signals(store.index).sector("nuclear")) is drafts
