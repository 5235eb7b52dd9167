"""Round 15's fixes to points the round-14 readers left as reservations (docs/audits/
2026-12-04-changes.md Part 24), each held to the promise in `kzru track --help` and the rows.
"""

from __future__ import annotations

import json

from conftest import read_table

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = {r["id"]: r for r in read_table(DATA, "facts")}
SECTORS = {r["id"]: r for r in read_table(DATA, "sectors")}
COUNCIL = "a002-nuclear-fuel-cycle-competence-council"
GUBKIN = "a000-gubkin-atyrau-branch"


def _tracked(run, *query: str) -> list[str]:  # noqa: ANN001
    done = run("track", *query, "--format", "json")
    assert done.code in (0, 1), done.err
    return [row["id"] for row in json.loads(done.out or "[]")]


def test_a_sector_word_inside_the_name_of_a_fact_of_that_sector_counts(run) -> None:  # noqa: ANN001
    """«ядерный» is an alias of the nuclear sector; the council on the «ядерно-топливный» cycle
    is a fact whose main sector is nuclear, and the word is met only inside the council's
    name. A name's word does not count for a fact of another sector (Gubkin University's
    branch is education, so `track газа` leaves it out), but here the fact's own sector says it
    is about the word: `track ядерный` keeps it, as search does (the last round-14 track
    reader's probe)."""
    assert "ядерный" in SECTORS["nuclear"]["aliases"]
    council = FACTS[COUNCIL]
    assert council["sectors"].split("; ")[0] == "nuclear"
    assert "ядерно-топлив" in council["text"] + council["evidence"]
    assert COUNCIL in _tracked(run, "ядерный")
    assert FACTS[GUBKIN]["sectors"].split("; ")[0] != "energy"
    assert GUBKIN not in _tracked(run, "газа")
