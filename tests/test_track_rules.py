"""track's explanations and its empty case, by the promise: `--explain` names the later fact
that decided and its words (words found in that fact), nothing when no later fact decided;
a table with no rows tracks nothing (exit 1, the header only), like every listing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import read_table, write_table

from kzru.store import bundled_data_dir

FACTS = {row["id"]: row for row in read_table(bundled_data_dir(), "facts")}


def plain(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def test_explain_names_the_deciding_fact_and_words_it_holds(run) -> None:
    rows = json.loads(run("track", "--explain", "--no-see-also", "--format", "json").out)
    decided = [row for row in rows if row["decided_by"]]
    assert decided and len(decided) < len(rows)
    for row in rows:
        if not row["decided_by"]:
            assert row["words"] == "", row["id"]
            continue
        assert row["decided_by"] in row["later"], row["id"]
        later = FACTS[row["decided_by"]]
        # the cue, and the words naming the object after " … ": each piece verbatim
        held = plain(f"{later['text']} {later['evidence']} {later['summary']}")
        assert row["words"] and all(plain(piece) in held
                                    for piece in row["words"].split(" … ")), row["id"]
        assert row["decided_by"] in row["reason"]


@pytest.mark.parametrize("command", [["track"], ["facts"], ["visits"], ["sources"],
                                     ["search", "атом"]])
def test_a_table_without_rows_lists_nothing_and_exits_1(run, data_copy: Path,
                                                       command: list[str]) -> None:
    for table in ("sources", "events", "facts", "glossary"):
        write_table(data_copy, table, [])
    done = run(*command, "--data", str(data_copy), "--format", "json")
    assert (done.code, json.loads(done.out or "[]")) == (1, []), done.err
    assert "Traceback" not in done.err and "internal" not in done.err
