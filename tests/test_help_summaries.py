"""`kzru --help` lists every command with its whole summary (issue 17's leftovers, point 3):
never cut with "..." or "…", one line each at 60, 80 and 120 columns, in both languages."""

from __future__ import annotations

import importlib

import pytest
from conftest import terminal

from kzru import help_ru
from kzru.cli import COMMANDS


def summaries(page: str, heading: str) -> dict[str, str]:
    """Command name -> the text beside it in the page's list of commands (a line that does
    not start with a name continues the one before)."""
    block = page.split(f"\n{heading}:\n", 1)[1].split("\n\n", 1)[0]
    found: dict[str, str] = {}
    name = ""
    for line in block.splitlines():
        first = line.split()[0]
        if line.startswith("  ") and not line.startswith("   ") and first in COMMANDS:
            name = first
            found[name] = line.split(None, 1)[1]
        else:
            found[name] += " " + line.strip()
    return found


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("lang,heading", [("en", "Commands"), ("ru", "Команды")])
def test_every_command_summary_is_whole_and_on_one_line(lang: str, heading: str,
                                                        columns: int) -> None:
    page = terminal("--lang", lang, "--help", columns=columns)
    listed = summaries(page, heading)
    assert list(listed) == list(COMMANDS)
    for name, text in listed.items():
        own = importlib.import_module(f"kzru.commands.{COMMANDS[name]}").SUMMARY
        expected = own if lang == "en" else help_ru.SUMMARIES[name]
        assert text == expected, (name, text)
        assert "..." not in text and "…" not in text
    for line in page.splitlines():
        assert len(line) <= columns, line


def test_every_command_has_a_short_summary_in_both_languages() -> None:
    for name, module in COMMANDS.items():
        english = importlib.import_module(f"kzru.commands.{module}").SUMMARY
        russian = help_ru.SUMMARIES[name]
        # 60 columns: 2 spaces, the longest name (8) and 2 spaces leave 46 of click's 58
        assert 10 < len(english) <= 46 and 10 < len(russian) <= 46, name
        assert english[0].isupper() and not english.endswith((".", "…", "..."))
