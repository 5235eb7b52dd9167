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


IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,5}", fullmatch=True).filter(
    lambda id_: len(id_) <= 40)  # ids longer than the terminal cannot fit unbroken
WORDS = st.lists(st.text(alphabet="абвгдеёжabcdef ", min_size=1, max_size=12), max_size=12)


@given(st.integers(min_value=40, max_value=140),
       st.lists(st.tuples(IDS, WORDS, st.integers(0, 10**9), st.lists(IDS, max_size=3)),
                min_size=1, max_size=6))
def test_tables_fit_any_width_and_print_ids_and_numbers_whole(width: int, rows: list) -> None:
    out = FakeTerminal()
    data = [{"id": id_, "text": " ".join(words), "count": count, "tags": tags}
            for id_, words, count, tags in rows]
    TableWriter(out, color=False, width=width).table(data, [
        Column("count", "Count", justify="right"),
        Column("tags", "Tags", stack=True, ids=True, drop=1),
        Column("text", "Text (id)", ratio=1, footnote="id", min_width=10)])
    lines = out.getvalue().splitlines()
    assert all(len(line) <= width for line in lines)
    words = set(out.getvalue().split())
    assert all(row["id"] in words and str(row["count"]) in words for row in data)
    if not any("Not shown: Tags" in line for line in lines):
        assert all(tag in words for row in data for tag in row["tags"])


@given(st.dates(), st.sampled_from(["day", "month", "year"]))
def test_date_label_is_the_iso_date_cut_to_its_precision(day, precision: str) -> None:
    from kzru.render import date_label

    shown = date_label(day, precision)
    assert day.isoformat().startswith(shown)
    assert len(shown) == {"day": 10, "month": 7, "year": 4}[precision]
