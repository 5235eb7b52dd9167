"""Free-text cells (summary, text, evidence, ...) read through the whole row loop: a clean
cell is its own value without a call to the column's parser, so every refusal must still be
told there, at the cell's file:line:column, and a kept cell must hold its text exactly.
Expected messages come from the rules (validate.py), the rows are written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import load_problems, read_table, write_table

from kzru.model import Fact
from kzru.store import load

BAD = [
    ("summary", "=SUM(A1)", "'=SUM(A1)' starts with '=', which a spreadsheet runs as a formula"),
    ("text", "+7 700 tonnes", "'+7 700 tonnes' starts with '+', which a spreadsheet runs as a "
     "formula"),
    ("text", "padded ", "has leading or trailing whitespace"),
    ("summary", " padded", "has leading or trailing whitespace"),
    ("evidence", "я" * 201, "is 201 characters long, at most 200 allowed"),
    ("text", "a\u200bb", "contains U+200B, an invisible or direction-changing character"),
    ("speaker", "@someone", "'@someone' starts with '@', which a spreadsheet runs as a formula"),
]


@pytest.mark.parametrize(("field", "raw", "expected"), BAD)
def test_a_refused_free_text_cell_is_reported_at_its_place(data_copy: Path, field: str,
                                                           raw: str, expected: str) -> None:
    rows = read_table(data_copy, "facts")
    rows[3][field] = raw  # the fifth line of the file
    write_table(data_copy, "facts", rows)
    column = list(Fact._fields).index(field) + 1
    found = load_problems(data_copy)
    assert any(problem.startswith(f"{data_copy / 'facts.csv'}:5:{column}: {field} ")
               and expected in problem for problem in found), found


def test_kept_free_text_is_the_cell_exactly(data_copy: Path) -> None:
    rows = read_table(data_copy, "facts")
    kept = {"summary": "7 700 tonnes; not a formula", "text": "a\u00a0b «в» ё",
            "evidence": "я" * 200, "speaker": "Токаев"}
    rows[3].update(kept)
    # the same text twice: a later row reads it from the column's memo
    rows[4]["speaker"] = "Токаев"
    write_table(data_copy, "facts", rows)
    facts = load(data_copy).facts
    fact = facts[rows[3]["id"]]
    assert {field: getattr(fact, field) for field in kept} == kept
    assert facts[rows[4]["id"]].speaker == "Токаев"
