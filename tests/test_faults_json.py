"""JSON that no parser should be asked to hold: nested past the parser's depth, or an integer
past Python's digit limit. Each file kzru reads as JSON — the package file, a planted journal,
the cache's memo and seal — gets a one-line refusal naming it (or, for the cache, a rebuild),
never an internal error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzru.files import parse_json

DEEP = "[" * 200_000 + "]" * 200_000
LONG_NUMBER = '{"a": ' + "9" * 600_000 + "}"


def test_parse_json_turns_depth_and_length_into_a_decode_error() -> None:
    with pytest.raises(json.JSONDecodeError, match="nested too deeply"):
        parse_json(DEEP)
    with pytest.raises(json.JSONDecodeError, match="a number too long") as found:
        parse_json(LONG_NUMBER)
    assert (found.value.lineno, found.value.colno) == (1, 7)  # where the digits start
    assert parse_json(b'{"a": [1, 2]}') == {"a": [1, 2]}
    with pytest.raises(UnicodeDecodeError):  # not mistaken for a long number
        parse_json(b'{"a": "\xff"}')


@pytest.mark.parametrize("content, problem", [
    (DEEP, "datapackage.json:1:1: not valid JSON: nested too deeply"),
    (LONG_NUMBER, "datapackage.json:1:7: not valid JSON: a number too long to read"),
], ids=["deep", "long-number"])
def test_a_package_file_no_parser_holds_is_refused_in_one_line(
        run, data_copy: Path, content: str, problem: str) -> None:  # noqa: ANN001
    (data_copy / "datapackage.json").write_text(content, encoding="utf-8")
    done = run("check", "--data", str(data_copy))
    assert done.code == 2
    assert "internal error" not in done.err and "Traceback" not in done.err
    assert f"kzru: {data_copy}/{problem}" in done.err.splitlines()


def test_a_planted_journal_nested_too_deeply_is_refused_in_one_line(
        run, data_copy: Path) -> None:  # noqa: ANN001
    (data_copy / ".kzru-journal").write_text(DEEP, encoding="utf-8")
    done = run("facts", "--data", str(data_copy))
    assert done.code == 2 and done.out == ""
    lines = done.err.splitlines()
    assert len(lines) == 1 and "internal error" not in done.err
    assert lines[0].startswith(f"kzru: {data_copy}/.kzru-journal: not a journal kzru wrote "
                               "(nested too deeply")


@pytest.mark.parametrize("pattern", ["stat-*.json", "seal-*.json"])
def test_a_cache_memo_nested_too_deeply_costs_a_rebuild_not_the_answer(
        run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str) -> None:  # noqa: ANN001
    monkeypatch.setenv("KZRU_CACHE_DIR", str(tmp_path / "cache"))
    first = run("facts", "--format", "jsonl")
    assert first.code == 0
    planted = sorted((tmp_path / "cache").glob(pattern))
    assert planted
    for path in planted:
        path.write_text("[" * 30_000 + "]" * 30_000, encoding="utf-8")
    again = run("facts", "--format", "jsonl")
    assert (again.code, again.out) == (0, first.out)
    assert "internal error" not in again.err
