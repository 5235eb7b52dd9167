"""A reason names at most three see-also rows and counts the rest; the see-also list keeps all.

Why: on a large table one named object (a plant, a branch) can bring hundreds of unlinked later
rows, and naming each in every reason made `track` at 100k facts three times slower and its
--explain lines pages long (found by measuring track at 100k). The see-also header wraps at a
narrow terminal like every other line of a block.
"""

from __future__ import annotations

import json

import pytest
from test_mut_render_track import drawn, fact, item

from kzru import follow
from kzru.render_track import REASON_ROWS, row, why


def candidates(count: int) -> tuple:
    return tuple(fact(f"a009-later-{number:03d}", day="2025-11-12", status="reported")
                 for number in range(count))


def test_a_reason_names_three_rows_and_counts_the_rest():
    found = candidates(7)
    entry = item(fact("a001-item", day="2024-11-27"), see_also=found)
    line = why(entry, "en")
    named = [candidate.id for candidate in found if candidate.id in line]
    assert named == [candidate.id for candidate in found[:REASON_ROWS]] and REASON_ROWS == 3
    # "(see also)" once, after the rows (round 14: it was said twice)
    assert "4 more may report on it (see also)" in line and line.count("(see also)") == 1
    assert "ещё 4, возможно" in why(entry, "ru")
    # the machine row still lists every candidate
    assert row(entry, "en")["see_also"] == [candidate.id for candidate in found]


def test_three_rows_or_fewer_are_all_named_with_no_count():
    found = candidates(3)
    line = why(item(fact("a001-item", day="2024-11-27"), see_also=found), "en")
    assert all(candidate.id in line for candidate in found)
    assert " more " not in line


def test_a_parts_reason_says_see_also_where_the_rows_are_named():
    """A part's candidates are not in the parent's see-also column, so its reason must not
    send the reader to a list that is not there: it names the rows itself, '(see also)'."""
    part = item(fact("a001-item-part", day="2024-11-27"), see_also=candidates(1),
                verdict=follow.NOT_NAMED)
    entry = item(fact("a001-item", day="2024-11-27"), parts=[part])
    line = why(entry, "en")
    assert "a009-later-000" in line and "(see also)" in line
    assert "listed under see also" not in line


def test_the_see_also_header_wraps_at_a_narrow_terminal():
    lines = drawn([item(fact("a001-item", day="2024-11-27"), see_also=candidates(2))], width=40)
    assert lines and all(len(line) <= 40 for line in lines)
    assert any(line.strip().startswith("see also") for line in lines)


def test_bundled_field_forecast_reason_names_its_documents_as_see_also(run):  # noqa: ANN001
    result = run("track", "--explain", "--format", "json")
    assert result.code == 0
    entries = {entry["id"]: entry for entry in json.loads(result.out)}
    reason = entries["a002-expected-focus-industrial-cooperation"]["reason"]
    assert "a004-innovation-documents-package" in reason and "(see also)" in reason
    assert "listed under see also" not in reason


@pytest.mark.parametrize("command", [["facts"], ["search", "газ"], ["visits"],
                                     ["timeline", "газ"], ["track"]])
def test_a_limit_past_what_sqlite_counts_means_all(run, command):  # noqa: ANN001
    """A --limit SQLite cannot take (past 2**63 - 1) answered 'internal error: datatype
    mismatch'; it means every row, like --limit 0 (found by a property test)."""
    huge = run(*command, "--limit", str(2**63), "--format", "json")
    every = run(*command, "--limit", "0", "--format", "json")
    assert huge.code == every.code == 0 and huge.err == ""
    assert json.loads(huge.out) == json.loads(every.out)
