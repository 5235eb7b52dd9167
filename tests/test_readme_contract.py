"""The README's output contract for scripts names each command's keys in order: a script that
cuts column 8 relies on it, so the list must be what the command prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def contract() -> dict[str, list[str]]:
    """The key lists of the README's "For scripts" section, by the command each line names."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## For scripts: the output contract"):]
    section = section[:section.index("\n- Dates:")]
    lists: dict[str, list[str]] = {}
    for item in re.split(r"\n  - ", section)[1:]:
        item = " ".join(item.split())
        if ": `" not in item:  # "show ID…: every field of each record" lists no keys
            continue
        names, keys = item.split(": `", 1)
        listed = [key.strip() for key in keys.split("`", 1)[0].split(",")]
        for name in re.findall(r"`([^`]+)`", names):
            lists[name] = listed
        explain = re.search(r"\(and `([^`]+)` with `--explain`\)", item)
        if explain:
            lists[f"{names.strip('`')} --explain"] = listed + [
                key.strip() for key in explain.group(1).split(",")]
    return lists


@pytest.mark.parametrize(("command", "args", "extra"), [
    ("facts", ["facts"], []),
    ("search", ["search", "газ"], ["reported_in", "score"]),
    ("timeline", ["timeline", "газ"], []),
    ("sectors SECTOR", ["sectors", "energy"], []),
    ("visits", ["visits"], []),
    ("sectors", ["sectors"], []),
    ("sources", ["sources"], []),
    ("track", ["track"], []),
    ("track --explain", ["track", "--explain"], []),
])
def test_the_readme_names_each_commands_keys_in_order(run, command: str, args: list[str],
                                                     extra: list[str]) -> None:
    header = run(*args, "--format", "tsv").out.split("\n", 1)[0].split("\t")
    assert header == contract()[command] + extra
