"""A fatal CSV error stops reading its file: the rows below it are unknown, not missing, so
no reference into that file is reported as broken (each problem reported where it is)."""

from __future__ import annotations

import csv
from pathlib import Path


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def test_rows_past_a_fatal_csv_error_are_not_called_missing(run, data_copy: Path) -> None:  # noqa: ANN001
    path = data_copy / "facts.csv"
    rows = _rows(path)
    header = rows[0]
    ids = [row[0] for row in rows[1:]]
    # a fact near the end that some earlier fact links to: cut reading before it
    links = [(at, row) for at, row in enumerate(rows[1:], 1)
             for column in ("part_of", "follows", "same_as")
             if row[header.index(column)]]
    target_at = max(ids.index(item) + 1 for _, row in links
                    for column in ("part_of", "follows", "same_as")
                    for item in row[header.index(column)].split("; ") if item)
    cut = target_at - 1  # the row before the last linked-to fact
    rows[cut][header.index("summary")] = "x " * 150_000  # past the csv module's field limit
    _write(path, rows)
    done = run("check", "--data", str(data_copy))
    assert done.code == 2
    lines = done.err.splitlines()
    assert "malformed CSV: field larger than field limit" in lines[0]
    assert f"{path}:" in lines[0]
    assert not [line for line in lines if "is not an id in facts.csv" in line]


def test_a_broken_reference_into_a_whole_table_is_still_reported(run, data_copy: Path) -> None:  # noqa: ANN001
    path = data_copy / "facts.csv"
    rows = _rows(path)
    column = rows[0].index("part_of")
    rows[1][column] = "no-such-fact"
    _write(path, rows)
    done = run("check", "--data", str(data_copy))
    assert done.code == 2
    assert f"{path}:2:{column + 1}: part_of 'no-such-fact' is not an id in facts.csv" \
        in done.err
