"""The read paths brief and track ask the store (kzru.walks), by the rules their docstrings
state: track's pool is ``role_candidates`` a page at a time, in file order, each candidate
carrying exactly what role() reads of its fact (the words only of a reported statement); no
page size changes what comes back, and the first row of the file is read like any other.
Expected values are the store's whole facts, read by the plain query, not the pool itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_table, write_table

from kzru.db import open_store
from kzru.store import bundled_data_dir
from kzru.walks import Candidate

DATA = bundled_data_dir()


def expected_pool(store) -> list[Candidate]:  # noqa: ANN001
    """What role() and track's choice read of each candidate, worked out from the whole fact:
    its words only where it is a reported statement (the one case role() reads them)."""
    return [Candidate(fact.id, fact.kind, fact.event, fact.date, fact.status, fact.speaker,
                      tuple(fact.sectors), fact.part_of,
                      fact.evidence if (fact.status, fact.kind) == ("reported", "statement")
                      else "")
            for fact in store.role_candidates()]


@pytest.mark.parametrize("page", [1, 7, 5000])
def test_the_pool_is_every_candidate_once_in_file_order_at_any_page_size(page: int) -> None:
    store = open_store(DATA)
    expected = expected_pool(store)
    pool = list(store.role_pool(page=page))
    assert [candidate.id for candidate in expected] == \
        [fact.id for fact in store.role_candidates()]
    assert len(expected) > 7  # more than one page of 7: the paging is exercised
    assert pool == expected
    # sectors come as the fact's own list: main sector first, each one whole
    assert any(len(candidate.sectors) > 1 for candidate in pool)
    assert all(candidate.sectors and "|" not in "".join(candidate.sectors)
               for candidate in pool)
    # a reported statement's words are there, others' are not read at all
    assert any(candidate.evidence for candidate in pool)


def test_the_first_row_of_the_file_is_in_the_pool(tmp_path: Path) -> None:
    """Paging starts before the first row: a candidate on line 1 of facts.csv is read."""
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    rows = read_table(folder, "facts")
    first = rows[0]
    assert first["status"] != "agreed" and not first["part_of"]
    first["status"] = "agreed"  # a commitment: always a candidate, whatever its kind
    write_table(folder, "facts", rows)
    store = open_store(folder)
    pool = [candidate.id for candidate in store.role_pool(page=3)]
    assert pool[0] == first["id"]
    assert pool == [fact.id for fact in store.role_candidates()]


@pytest.mark.parametrize("drafts", [False, True])
@pytest.mark.parametrize("page", [1, 7, 5000])
def test_the_whole_table_a_page_at_a_time_is_every_admitted_fact_in_file_order(
        page: int, drafts: bool) -> None:
    """``pages``: what a writer of the whole table holds at a time (export): no page size
    changes the facts or their order, none is longer than asked, nothing is kept."""
    store = open_store(DATA, color=False, drafts=drafts)
    expected = store.select(order="x.rowid")
    assert len(expected) > 7
    store._lines.clear()
    pages = list(store.pages(page))
    assert [fact for found in pages for fact in found] == expected
    assert all(0 < len(found) <= page for found in pages)
    assert store._lines == {} and store.facts._known == {}
