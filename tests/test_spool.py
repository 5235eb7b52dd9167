"""kzru.spool: text put aside comes back whole, in key order (ties in the order put), whether
it stayed in memory or went to disk; and a brief's page is written a part at a time, the
same text as the page made whole."""

from __future__ import annotations

import io

import pytest

from kzru.spool import Spool, lines_text, write_lines


class Writes:
    """A stream that records each write."""

    def __init__(self) -> None:
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return len(text)


@pytest.mark.parametrize("in_memory", [1 << 20, 8])  # held in memory; on disk past 8 bytes
def test_pieces_come_back_in_key_order_and_in_the_order_put_among_equal_keys(
        in_memory: int) -> None:
    with Spool(in_memory) as spool:
        spool.put("c1 ", (2, 0))
        spool.put("a1 ", (0, 5))
        spool.put("", (0, 0))  # nothing: no piece
        spool.put("b1 ", (1, 1))
        spool.put("a2 ", (0, 5))
        spool.put("b2 ", (1, 0))
        out = io.StringIO()
        spool.write_to(out)
        assert len(spool) == 5
    assert out.getvalue() == "a1 a2 b2 b1 c1 "


@pytest.mark.parametrize("in_memory", [1 << 20, 4])
def test_any_text_comes_back_as_it_went_in(in_memory: int) -> None:
    """Cyrillic, a character outside the basic plane, a lone surrogate, carriage returns:
    stored as bytes and decoded back the same, never a line ending translated."""
    pieces = ["Договор «о сотрудничестве»\r\n", "𝔸 and \ud800 alone\r", "\n", "ёж"]
    with Spool(in_memory) as spool:
        for piece in pieces:
            spool.put(piece)
        out = io.StringIO()
        spool.write_to(out)
    assert out.getvalue() == "".join(pieces)


def test_adjacent_pieces_are_read_back_together_and_a_put_after_writing_appends() -> None:
    with Spool(4) as spool:
        for number in range(100):
            spool.put(f"{number};")
        out = Writes()
        spool.write_to(out)
        assert "".join(out.writes) == "".join(f"{n};" for n in range(100))
        assert len(out.writes) == 1  # one run, one read
        spool.put("last", -1)  # first by its key, written after what was read
        again = io.StringIO()
        spool.write_to(again)
    assert again.getvalue() == "last" + "".join(f"{n};" for n in range(100))


def test_lines_are_each_followed_by_a_break_as_a_page_joins_them() -> None:
    lines = ["# Title", "", "- one", "\n  > quoted\n"]
    assert lines_text(lines) == "\n".join(lines) + "\n"
    assert lines_text([]) == ""
    out = io.StringIO()
    write_lines(out, lines[:2])
    write_lines(out, lines[2:])
    assert out.getvalue() == "\n".join(lines) + "\n"


@pytest.mark.parametrize("event", ["2025-11-state-visit-moscow", "2024-11-state-visit-astana",
                                   "2022-08-sochi-talks"])
def test_a_brief_is_written_a_part_at_a_time_and_is_the_page_made_whole(
        event: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """No write holds the whole page: at 100,000 facts it is tens of megabytes (the Moscow
    page was 429 MB of memory when made as one string). What waits in a spool is read back
    a megabyte at a time, more than a bundled page: here a piece at a time."""
    from kzru import spool
    from kzru.brief import build
    from kzru.render_brief import markdown, write_markdown
    from kzru.store import bundled_data_dir, load

    monkeypatch.setattr(spool, "READ", 1)
    table = load(bundled_data_dir())
    for lang in ("en", "ru"):
        out = Writes()
        write_markdown(build(table, event), table, lang, out)
        page = markdown(build(table, event), table, lang)
        assert "".join(out.writes) == page
        assert page.count("\n## ") >= 3
        assert len(out.writes) > page.count("\n## ")
        assert max(len(write) for write in out.writes) < len(page) / 3
