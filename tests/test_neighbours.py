"""A preview's background item and the row it is around (previews.Neighbours): looked up one
by one (a track QUERY, a brief) or from the preview's rows indexed whole (the whole table),
the answer is the same, from the store as from a loaded table."""

from __future__ import annotations

import pytest

from kzru import follow, previews
from kzru.db import open_store
from kzru.store import bundled_data_dir, load


def _answers(dataset) -> list[tuple[str, str, tuple[str, ...], str]]:  # noqa: ANN001
    return [(entry.fact.id, entry.verdict, tuple(f.id for f in entry.see_also),
             str(entry.reason)) for entry in follow.track(dataset)]


@pytest.mark.parametrize("one_by_one", [0, 1, 10_000])
def test_one_by_one_and_indexed_find_the_same_neighbour(monkeypatch: pytest.MonkeyPatch,
                                                        one_by_one: int) -> None:
    expected = _answers(open_store(bundled_data_dir()))
    # the eastern branch is around the corridor, which a report row takes up
    assert ("a002-eastern-branch-links-iran-india-gulf", follow.NOT_AS_SUCH,
            ("a004-north-south-corridor",)) in [answer[:3] for answer in expected]
    monkeypatch.setattr(previews, "ONE_BY_ONE", one_by_one)
    assert _answers(open_store(bundled_data_dir())) == expected
    assert _answers(load(bundled_data_dir())) == expected


def test_an_item_naming_nothing_beyond_places_has_no_neighbour() -> None:
    loaded = load(bundled_data_dir())
    namer = previews.Namer(loaded)
    neighbours = previews.Neighbours(loaded, namer, lambda fact_id: None, lambda ids: None)
    fact = next(iter(loaded.facts.values()))._replace(names=())
    assert neighbours.first(fact, next(iter(loaded.events))) is None
