"""Renderers: data is printed literally, whatever it contains."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from kzru.render import flat, printable, write_machine
from kzru.table import Column, TableWriter

NASTY = "[bold]x[/bold] \x1b[31mred\x1b[0m a|b\tc\nd \\ «ё»"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_rich_markup_and_escape_codes_in_data_are_shown_not_interpreted() -> None:
    out = FakeTerminal()
    TableWriter(out, color=True).table([{"a": NASTY}], [Column("a", "A")])
    shown = out.getvalue()
    assert "[bold]x[/bold]" in shown
    assert "\x1b[31m" not in shown and "\\x1b[31mred" in shown


def test_plain_table_off_a_terminal_has_no_box_and_no_wrap() -> None:
    out = io.StringIO()
    long_text = "слово " * 60
    # Output asks for colour off a terminal only with --color always
    TableWriter(out, color=False).table([{"a": long_text.strip()}], [Column("a", "A")])
    assert "─" not in out.getvalue() and "\x1b" not in out.getvalue()
    assert len(out.getvalue().splitlines()) == 2


@given(st.lists(st.dictionaries(st.sampled_from(["a", "b"]), st.text(), min_size=2),
                max_size=5))
def test_machine_formats_round_trip_and_tsv_stays_on_one_line(rows: list[dict]) -> None:
    keys = ["a", "b"]
    for fmt in ("json", "jsonl"):
        out = io.StringIO()
        write_machine(rows, fmt, out, keys)
        text = out.getvalue()
        parsed = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
        assert parsed == rows
    out = io.StringIO()
    write_machine(rows, "tsv", out, keys)
    lines = out.getvalue().split("\n")[:-1]
    assert len(lines) == len(rows) + 1
    assert all(line.count("\t") == 1 for line in lines)


def test_flat_joins_lists_and_prints_whole_numbers_without_point() -> None:
    assert flat(("a", "b")) == "a; b"
    assert flat(24e9) == "24000000000"
    assert flat(2.5) == "2.5"
    assert flat(None) == ""


def test_markdown_escapes_pipes() -> None:
    out = io.StringIO()
    write_machine([{"a": "x|y"}], "md", out, ["a"])
    assert out.getvalue().splitlines()[2] == "| x\\|y |"


@given(st.text())
def test_printable_never_leaves_control_characters(text: str) -> None:
    assert not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in printable(text))
