"""A listing's rows written at once (kzru.json_records, through json_writer): the same text as
``json.dumps(plain_value(rows), ensure_ascii=False, indent=2)``, the contract every JSON
listing keeps, whatever the rows hold; and the rows of a fact listing worked out only as far
as the fields printed (commands.shared.fact_rows with keys), with the same values.

The standard library's indented text is the expected value: the rule kzru's JSON states
(json_writer's docstring), not today's output. Each row kind below is one the templates
cover (text with quotes, backslashes, control characters and a NUL, letters, dates,
integers either side of 2**53, whole and other floats, lists of text, empty lists and
objects) or one they hand to the one-pass writer (a nested object, a list of numbers, a
date with a time, a key that is not text), beside covered rows in one listing.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from datetime import date, datetime

import pytest

from kzru import fields, json_records
from kzru.commands.fact_rows import fact_rows
from kzru.json_writer import json_text, write_json
from kzru.render import plain_value
from kzru.store import bundled_data_dir, load

EXACT = 2 ** 53


def standard(value: object) -> str:
    return json.dumps(plain_value(value), ensure_ascii=False, indent=2)


ROWS = [
    {"id": "a-1", "day": date(2024, 11, 27), "sectors": ("energy", "nuclear"), "n": 3,
     "text": 'Сказал: "да" \\ нет\tконец\x00', "none": None, "yes": True, "also": ()},
    {"id": "a-2", "day": date(2025, 1, 2), "sectors": ("energy",), "n": EXACT,
     "text": "100% и %s, %(x)s", "none": None, "yes": False, "also": ["b-1", "c-2"]},
    {"id": "a-3", "day": date(2025, 1, 3), "sectors": (), "n": EXACT + 1,
     "text": "", "none": None, "yes": False, "also": []},
    {"id": "a-4", "day": date(2025, 1, 4), "sectors": ("x",), "n": -EXACT - 1,
     "text": "ж", "none": 2.0, "yes": 1.5, "also": {}},
    {"id": "a-5", "day": date(2025, 1, 5), "sectors": ("x",), "n": float("nan"),
     "text": "ж", "none": float("inf"), "yes": -7.0, "also": [1, 2]},  # numbers: one pass
    {"id": "a-6", "nested": {"k": "%v"}, "when": datetime(2024, 1, 2, 3, 4)},  # one pass
    {"id": "a-7", "also": [EXACT + 1, date(2024, 1, 2)]},  # a list's items made plain
    {},
    {"50%": "ключ с %", 'a "b"': "\n", "\u2028": "строка"},
]


def test_a_listing_of_rows_is_the_standard_indented_text() -> None:
    assert json_text(ROWS) == standard(ROWS)
    out = io.StringIO()
    assert write_json(iter(ROWS), out) == len(ROWS)
    assert out.getvalue() == standard(ROWS) + "\n"


def test_a_listing_the_one_pass_writer_writes_whole_keeps_its_percent_signs() -> None:
    rows = [{"nested": {"k": "50%"}}, {"n": [{"m": "%%s"}]}]
    assert json_text(rows) == standard(rows)


def test_a_nul_inside_text_is_written_as_an_escape_never_taken_for_a_separator() -> None:
    """The values are split where the encoder put a comma and a NUL between them: a NUL in a
    value's text is written \\u0000, so the value after it keeps its own place."""
    rows = [{"a": "x,\x00y", "b": ["c,\x00", "d"], "e": 1}]
    assert json_text(rows) == ('[\n  {\n    "a": "x,\\u0000y",\n    "b": [\n'
                               '      "c,\\u0000",\n      "d"\n    ],\n    "e": 1\n  }\n]')


def test_rows_nested_deeper_keep_their_indentation() -> None:
    value = {"groups": [{"id": "a", "items": ["x", "y"]}, {"id": "b", "items": []}],
             "more": [[{"when": date(2024, 1, 2)}]]}
    assert json_text(value) == standard(value)


@pytest.mark.parametrize("keys", [
    ("id", "day", "sectors", "n", "text", "none", "yes", "also"),
    ("text", "id"),  # another order: the keys', not the rows'
    ("id",),  # one key
    ("id", "missing"),  # a key a row lacks: null, as row.get gives
    (),
])
def test_a_listing_with_keys_writes_each_row_as_the_dict_of_those_keys(keys) -> None:
    out = io.StringIO()
    write_json(iter(ROWS), out, keys=list(keys))
    assert out.getvalue() == standard([{key: row.get(key) for key in keys}
                                       for row in ROWS]) + "\n"


def test_a_row_that_makes_what_it_lacks_is_read_without_making_it() -> None:
    """A defaultdict makes a value for a key it lacks when indexed: the writer reads it as
    row.get does (null), and the row is left as it was."""
    row: defaultdict[str, object] = defaultdict(lambda: "made", {"id": "a"})
    out = io.StringIO()
    write_json([row], out, keys=["id", "other"])
    assert json.loads(out.getvalue()) == [{"id": "a", "other": None}]
    assert dict(row) == {"id": "a"}


def test_every_value_of_a_listing_goes_to_the_encoder_in_one_call(monkeypatch) -> None:
    """The point of the module: one C call for all the rows' values, not one per row or per
    run of plain values (what made a listing of thousands of facts slow to write)."""
    calls = []
    real = json_records._values_encoder()

    def counted(values, level):  # noqa: ANN001, ANN202
        calls.append(len(values))
        return real(values, level)

    monkeypatch.setattr(json_records, "_values_encoder", lambda: counted)
    rows = ROWS[:4] * 50
    assert json_text(rows) == standard(rows)
    assert len(calls) == 1


def test_fact_rows_for_the_fields_printed_hold_the_same_values() -> None:
    """A fact listing's rows made for the default fields only (machine formats) hold what
    the full rows hold under those fields, a draft's marked summary and text included."""
    data = load(bundled_data_dir())
    facts = list(data.facts.values())
    facts[0] = facts[0]._replace(review="draft")
    keys = list(fields.FACT_DEFAULT)
    for lang in ("en", "ru"):
        full = fact_rows(facts, data.events, data.sources, lang)
        own = fact_rows(facts, data.events, data.sources, lang, keys)
        assert [{key: row[key] for key in keys} for row in own] == \
            [{key: row[key] for key in keys} for row in full]
    assert own[0]["summary"].startswith("[")
    # a field that is not the fact's own: the full rows
    picked = fact_rows(facts, data.events, data.sources, "en", ["id", "reported_by"])
    assert all("reported_by" in row for row in picked)


def test_integers_at_either_bound_of_2_53_are_numbers_past_it_text() -> None:
    """The bound belongs to the numbers on both sides: -2**53 and 2**53 are written as
    numbers, one past either as its digits in text (round 15: the negative bound had no
    row)."""
    rows = [{"n": -EXACT}, {"n": EXACT}, {"n": -EXACT - 1}, {"n": EXACT + 1}]
    assert json_text(rows) == standard(rows)
    assert f'"n": {-EXACT}\n' in json_text(rows) and f'"n": "{-EXACT - 1}"' in json_text(rows)


def test_without_the_c_accelerator_a_listing_is_the_same_text(monkeypatch) -> None:  # noqa: ANN001
    """Where Python has no C encoder the standard encoder writes the values, to the same
    text (round 15: no test reached that branch)."""
    monkeypatch.setattr(json_records, "c_make_encoder", None)
    monkeypatch.setattr(json_records, "_encoder", [])
    assert json_text(ROWS) == standard(ROWS)
