"""The machine formats and Markdown of kzru.render and the JSON writer it uses
(kzru.json_writer), by the promises their docstrings make:
JSON written as it is made (a few hundred rows at a time, a ``Later`` value made where the
writer reaches it) is the standard encoder's text, wherever in the document it sits, with or
without the C accelerator and however many writers came before; rows without named keys take
their first row's keys; JSON lines counts what it wrote; Markdown shows a bare address as the
text it is, never a link.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any, Iterator

import pytest

from kzru import json_writer
from kzru.json_writer import Later, json_text, write_json, write_json_value
from kzru.render import md, plain_value, write_machine


def standard(value: Any) -> str:
    return json.dumps(plain_value(value), ensure_ascii=False, indent=2)


# --- JSON, whatever its writer has seen before --------------------------------------------

VALUES = [
    {"id": "a001-x", "sectors": ["энергетика", "nuclear"], "value": 2.5, "count": 3,
     "none": None, "flag": True, "empty": [], "nested": {"b": "ж", "a": 1}},
    [{"z": 1, "a": "ё", "m": [1, 2]}, {"b": False}],
]


@pytest.mark.parametrize("value", VALUES)
def test_json_of_a_fresh_writer_is_the_standard_encoders(value: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The encoders for each indentation are made on first use and kept: the first use must
    write what the standard encoder writes (keys in the order given, not sorted; text as
    it is, not escaped)."""
    monkeypatch.setattr(json_writer, "_flat_encoders", {})
    assert json_text(value) == standard(value)
    monkeypatch.setattr(json_writer, "_flat_encoders", {})
    out = io.StringIO()
    write_json_value(value, out)
    assert out.getvalue() == standard(value)


@pytest.mark.parametrize("value", VALUES)
def test_json_without_the_c_accelerator_is_the_standard_encoders(
        value: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python built without json's C accelerator writes the same text."""
    import json.encoder

    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    monkeypatch.setattr(json_writer, "_flat_encoders", {})
    assert json_text(value) == standard(value)


class Count(int):
    """A number of a subclass of int (as an IntEnum is)."""


def test_text_and_numbers_of_a_subclass_are_written_as_the_standard_encoder_writes_them(
        ) -> None:
    """A Said (track's reasons: text that remembers its label) is a str subclass; it and an
    int subclass are written as the text and the number they are, in a list and as a value."""
    from kzru.labels import Said

    reason = Said("track.why.latest")
    for value in ({"why": reason, "count": Count(3)}, [reason, Count(3), "ж"]):
        assert json_text(value) == standard(value)
        out = io.StringIO()
        write_json_value(value, out)
        assert out.getvalue() == standard(value)
    assert json.loads(json_text({"why": reason}))["why"] == str(reason)


# --- JSON written as it is made -------------------------------------------------------------

class Counted:
    """Rows made one by one, counting how many were made by each write."""

    def __init__(self, count: int) -> None:
        self.made, self.count = 0, count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for number in range(self.count):
            self.made += 1
            yield {"n": number, "text": "ж"}


class Watching(io.StringIO):
    def __init__(self, rows: Counted) -> None:
        super().__init__()
        self.rows, self.seen = rows, []

    def write(self, text: str) -> int:
        self.seen.append(self.rows.made)
        return super().write(text)


def test_a_long_listing_is_written_a_few_hundred_rows_at_a_time() -> None:
    """write_json: never the whole listing held before the first write."""
    rows = Counted(1200)
    out = Watching(rows)
    assert write_json(iter(rows), out) == 1200
    assert out.seen[0] <= 500 < rows.count
    assert json.loads(out.getvalue()) == [{"n": n, "text": "ж"} for n in range(1200)]


def test_json_rows_with_named_keys_are_written_as_they_come() -> None:
    """write_machine in JSON with its keys named: the rows are not gathered first."""
    rows = Counted(1200)
    out = Watching(rows)
    assert write_machine(iter(rows), "json", out, keys=["text", "n"]) == 1200
    assert out.seen[0] <= 500
    assert json.loads(out.getvalue())[:2] == [{"text": "ж", "n": 0}, {"text": "ж", "n": 1}]


def test_a_later_value_inside_a_document_is_made_where_it_is_written() -> None:
    made: list[str] = []

    def novelty() -> list[str]:
        made.append("novelty")
        return ["ж", "z"]

    value = {"id": "x", "new": Later(novelty), "after": {"a": 1}}
    out = io.StringIO()
    write_json_value(value, out)
    assert made == ["novelty"]
    assert out.getvalue() == standard({"id": "x", "new": ["ж", "z"], "after": {"a": 1}})


def test_a_value_for_the_standard_encoder_sits_at_its_indentation_with_its_text() -> None:
    """Keys that are not text go to the standard encoder; inside a document written piece by
    piece its text is indented where it sits and keeps its letters."""
    inner = {1: "ж", 2: ["ё"]}
    out = io.StringIO()
    write_json_value(inner, out)
    assert out.getvalue() == json.dumps(inner, ensure_ascii=False, indent=2)
    value = {"rows": iter([inner, {"a": "б"}])}
    out = io.StringIO()
    write_json_value(value, out)
    assert out.getvalue() == json.dumps({"rows": [inner, {"a": "б"}]}, ensure_ascii=False,
                                        indent=2)


# --- rows without named keys, and JSON lines ----------------------------------------------

@pytest.mark.parametrize("fmt, expected", [
    ("csv", "a,b\n1,x\n2,y\n"),
    ("tsv", "a\tb\n1\tx\n2\ty\n"),
    ("json", '[\n  {\n    "a": 1,\n    "b": "x"\n  },\n  {\n    "a": 2,\n    "b": "y"\n  }\n]\n'),
])
def test_rows_without_named_keys_take_the_first_rows_keys(fmt: str, expected: str) -> None:
    rows = ({"a": n, "b": text} for n, text in ((1, "x"), (2, "y")))
    out = io.StringIO()
    assert write_machine(rows, fmt, out) == 2
    assert out.getvalue() == expected


def test_json_lines_counts_every_row_it_wrote() -> None:
    out = io.StringIO()
    assert write_machine([{"a": n} for n in range(3)], "jsonl", out, keys=["a"]) == 3
    assert out.getvalue() == '{"a": 0}\n{"a": 1}\n{"a": 2}\n'


# --- Markdown: an address is text -----------------------------------------------------------

def unescaped(markdown: str) -> str:
    """What a Markdown reader shows: a backslash before punctuation is only an escape."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


@pytest.mark.parametrize("text", ["https://example.org/a", "see http://x.kz and www.akorda.kz",
                                  "ftp://files", "WWW.Kremlin.ru"])
def test_a_bare_address_in_markdown_shows_as_the_text_it_is(text: str) -> None:
    shown = md(text)
    assert unescaped(shown) == text
    # neither "scheme://" nor a "www." left for GitHub's autolinks
    assert not re.search(r"[A-Za-z]://|(?<![\w.\\])www\.", shown, re.IGNORECASE)
