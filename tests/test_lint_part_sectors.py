"""check warns when a parent lacks a sector of one of its parts (docs/conventions.md: a
parent's sectors include its parts'), because listings by sector count a package once, under
its own sectors: the part's sector would lose the package from its count. Found by the round-10
reader of the changed rows; the bundled table has no such parent now."""

from __future__ import annotations

import csv
from pathlib import Path

from kzru import store
from kzru.lint import lint
from kzru.store import bundled_data_dir


def test_the_bundled_table_has_no_parent_without_its_parts_sectors():
    with (bundled_data_dir() / "facts.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    for row in rows.values():
        if row["part_of"]:
            parent = {s.strip() for s in rows[row["part_of"]]["sectors"].split(";")}
            own = {s.strip() for s in row["sectors"].split(";")}
            assert own <= parent, (row["id"], row["part_of"], own - parent)
    assert not [w for w in lint(store.load(bundled_data_dir())) if w.kind == "sectors"]


def _drop_sector(folder: Path, fact_id: str, sector: str) -> None:
    path = folder / "facts.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith(fact_id + ","):
            assert f"; {sector}," in line
            lines[number] = line.replace(f"; {sector},", ",", 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_check_warns_at_the_parents_sectors_cell_and_strict_refuses(data_copy, run):  # noqa: ANN001
    _drop_sector(data_copy, "a004-gas-cooperation-prospects", "transport")
    result = run("--data", str(data_copy), "check")
    assert result.code == 0
    warned = [line for line in result.err.splitlines()
              if "a004-gas-transit-third-countries" in line]
    assert len(warned) == 1
    header = (data_copy / "facts.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert f":{header.index('sectors') + 1}: a004-gas-cooperation-prospects lacks" in warned[0]
    assert "transport" in warned[0]
    strict = run("--data", str(data_copy), "check", "--strict")
    assert strict.code == 2 and "a004-gas-transit-third-countries" in strict.err


def test_the_warning_is_said_in_russian(data_copy, run):  # noqa: ANN001
    _drop_sector(data_copy, "a004-gas-cooperation-prospects", "transport")
    result = run("--lang", "ru", "--data", str(data_copy), "check")
    assert "отрасли родителя включают отрасли его частей" in result.err
