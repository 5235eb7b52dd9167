"""The data package is readable by any tool: the Frictionless reference validator accepts it."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from kzru.store import bundled_data_dir

frictionless = pytest.importorskip("frictionless", reason="test extra: pip install '.[test]'")


def _report(folder: Path):  # noqa: ANN202
    return frictionless.validate(str(folder / "datapackage.json"))


def test_reference_validator_accepts_the_bundled_package() -> None:
    report = _report(bundled_data_dir())
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_reference_validator_catches_a_dangling_part_of(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    facts = folder / "facts.csv"
    with open(facts, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["part_of"] == ""
    rows[0]["part_of"] = "no-such-fact"
    with open(facts, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    report = _report(folder)
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_list_references_are_declared_for_kzru_not_for_the_validator() -> None:
    package = json.loads((bundled_data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    facts = next(r for r in package["resources"] if r["name"] == "facts")["schema"]
    assert {key["fields"][0] for key in facts["listForeignKeys"]} == {"sectors", "follows",
                                                                     "same_as"}
    assert "sectors" not in {key["fields"][0] for key in facts["foreignKeys"]}
