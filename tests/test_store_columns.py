"""Facts stored as columns (fact_columns.fact_sql / fact_rows): every field comes back as the loader
made it, and a column holding what kzru never writes is found where it is read."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from kzru import build, fact_columns
from kzru.db import Store
from kzru.index import Index
from kzru.model import Dataset
from kzru.store import bundled_data_dir, load


@pytest.fixture(scope="module")
def loaded() -> Dataset:
    return load(bundled_data_dir())


def _store(dataset: Dataset) -> tuple[Store, sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    build.build(dataset, connection)
    return Store(Index(connection), dataset.folder, drafts=True), connection


def test_every_fact_comes_back_as_loaded_with_its_line(loaded: Dataset) -> None:
    store, _ = _store(loaded)
    facts = store.select(order="x.rowid")
    assert facts == list(loaded.facts.values())
    assert all(type(fact.date).__name__ == "date" for fact in facts)
    assert {fact.id: store.fact_lines[fact.id] for fact in facts} == loaded.fact_lines


def test_lists_numbers_and_empty_fields_survive_the_columns(loaded: Dataset) -> None:
    """Values the bundled table may not hold: an int past 64 bits, a Decimal of more digits
    than a float keeps, a negative float, no names, several follows, names with '|' and ';'."""
    first, second, third, *rest = loaded.facts.values()
    changed = [
        first._replace(value=123456789012345678901234567890, names=("a|b", "c; d")),
        second._replace(value=Decimal("1234567.123456789012"), names=(),
                        follows=(first.id, third.id)),
        third._replace(value=-2.5, same_as=(), sectors=(third.sectors[0],)),
    ]
    dataset = Dataset(loaded.folder, loaded.sources, loaded.events,
                      {fact.id: fact for fact in [*changed, *rest]}, loaded.sectors,
                      loaded.glossary)
    store, _ = _store(dataset)
    found = {fact.id: fact for fact in store.select(order=None)}
    for fact in changed:
        assert found[fact.id] == fact
        assert type(found[fact.id].value) is type(fact.value)


@pytest.mark.parametrize("damage", [
    "UPDATE filters SET status = 'forged'",
    "UPDATE filters SET kind = ''",
    "UPDATE filters SET date = 'soon'",
    "UPDATE filters SET date = 99999999",
    "UPDATE filters SET precision = 3",
    "UPDATE filters SET sectors = 'energy'",
    "UPDATE filters SET sectors = '|energy||nuclear|'",
    "UPDATE filters SET review = 'maybe'",
    "UPDATE filters SET line = 'one'",
    "UPDATE filters SET id = ''",
    "UPDATE facts SET text = ''",
    "UPDATE facts SET evidence = x'35'",
    "UPDATE facts SET summary = x'00'",
    "UPDATE facts SET value = 'twelve'",
    "UPDATE facts SET value = 1e999",
    "UPDATE facts SET names = char(31) || names",
    "UPDATE facts SET follows = 'a' || char(31) || char(31) || 'b'",
    "UPDATE facts SET same_as = 'a' || char(31)",
])
def test_a_column_kzru_never_writes_is_damage(loaded: Dataset, damage: str) -> None:
    store, connection = _store(loaded)
    connection.execute(damage)
    with pytest.raises((sqlite3.Error, ValueError)):
        store.select(order="x.rowid")
    with pytest.raises((sqlite3.Error, ValueError)):
        store.index.facts(list(range(len(loaded.facts))))


def test_what_the_loader_would_refuse_in_a_list_is_not_read_as_an_item() -> None:
    """The check SQLite runs is the one codec's own rules give: a list item is never empty."""
    sql = fact_columns.fact_sql()
    assert "f.names" in sql and "char(31) || char(31)" in sql
    assert sql.count("x.status IN (") == 1
