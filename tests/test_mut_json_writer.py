"""kzru.json_writer by the rules its docstrings state, with each expected text written out by
hand: JSON is ``json.dumps(..., ensure_ascii=False, indent=2)``'s text (letters as they are,
two spaces a level), of the value made plain when ``plain`` (a date as ISO text, an integer a
JSON reader would round as its digits in quotes) and of the value as it is when not; wherever
the value sits (a whole listing, a value made later, a key that is not text).

Why 2**53: a JSON reader holds a number as an IEEE double, which keeps every integer up to
2**53 = 9007199254740992 exactly; 2**53 + 1 = 9007199254740993 is the first it rounds (to
...992), so it is the first written as text.
"""

from __future__ import annotations

import io
from datetime import date

import pytest

from kzru import json_writer
from kzru.json_writer import Later, json_text, write_json, write_json_value

EXACT = 2 ** 53  # 9007199254740992: the largest integer a double holds with its neighbours
BIG = 2 ** 60  # 1152921504606846976


@pytest.mark.parametrize(("value", "expected"), [
    (EXACT, "9007199254740992"),
    (-EXACT, "-9007199254740992"),
    (EXACT + 1, '"9007199254740993"'),
    (-EXACT - 1, '"-9007199254740993"'),
    # beside an item written on its own lines (not the one-call run of plain items)
    ([EXACT, {"a": 1}], '[\n  9007199254740992,\n  {\n    "a": 1\n  }\n]'),
    ([EXACT + 1, {"a": 1}], '[\n  "9007199254740993",\n  {\n    "a": 1\n  }\n]'),
    ({"n": EXACT, "m": EXACT + 1}, '{\n  "n": 9007199254740992,\n  "m": "9007199254740993"\n}'),
])
def test_an_integer_is_a_number_up_to_two_to_the_53_and_text_past_it(value: object,
                                                                       expected: str) -> None:
    assert json_text(value) == expected
    out = io.StringIO()
    write_json_value(value, out)
    assert out.getvalue() == expected


def test_not_plain_every_integer_keeps_its_digits() -> None:
    """CSL-JSON (``cite``) and a brief's data are written as they are: no integer turned into
    text, in a list, in an object, under a key that is not text."""
    assert json_text([BIG], plain=False) == "[\n  1152921504606846976\n]"
    assert json_text({"n": BIG}, plain=False) == '{\n  "n": 1152921504606846976\n}'
    out = io.StringIO()
    write_json_value({1: BIG}, out, plain=False)
    assert out.getvalue() == '{\n  "1": 1152921504606846976\n}'


def test_a_listing_not_plain_keeps_its_digits_and_plain_makes_them_text() -> None:
    out = io.StringIO()
    assert write_json(iter([{"n": BIG}]), out, plain=False) == 1
    assert out.getvalue() == '[\n  {\n    "n": 1152921504606846976\n  }\n]\n'
    out = io.StringIO()
    assert write_json(iter([{"n": BIG}]), out) == 1
    assert out.getvalue() == '[\n  {\n    "n": "1152921504606846976"\n  }\n]\n'


def test_a_key_that_is_not_text_is_written_as_text_and_its_letters_as_they_are() -> None:
    """json.dumps writes a number key as its text; the letters of the values stay letters
    (ensure_ascii=False), whether the value is plain or not."""
    assert json_text({1: "Казахстан"}) == '{\n  "1": "Казахстан"\n}'
    assert json_text({1: "ж"}, plain=False) == '{\n  "1": "ж"\n}'


def test_a_date_under_a_key_that_is_not_text_is_its_iso_text() -> None:
    out = io.StringIO()
    write_json_value({1: date(2024, 1, 2)}, out)
    assert out.getvalue() == '{\n  "1": "2024-01-02"\n}'
    out = io.StringIO()
    write_json_value({1: BIG}, out)
    assert out.getvalue() == '{\n  "1": "1152921504606846976"\n}'


def test_a_later_value_is_made_plain_as_the_rest_of_the_document() -> None:
    """A ``Later`` is written as the value it makes would be where it sits: a date as ISO
    text and a large integer as text when plain, the digits when not."""
    value = {"id": "x", "new": Later(lambda: [date(2024, 1, 2), BIG])}
    out = io.StringIO()
    write_json_value(value, out)
    assert out.getvalue() == ('{\n  "id": "x",\n  "new": [\n    "2024-01-02",\n'
                              '    "1152921504606846976"\n  ]\n}')
    out = io.StringIO()
    write_json_value({"new": Later(lambda: [BIG])}, out, plain=False)
    assert out.getvalue() == '{\n  "new": [\n    1152921504606846976\n  ]\n}'


def test_numbers_json_has_no_digits_for_are_written_as_the_standard_encoder_writes_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """json.dumps writes an infinite or undefined float as Infinity, -Infinity and NaN (its
    default, allow_nan): json_text says the same, in the one-call run of plain values too,
    with encoders made afresh (they are made on first use and kept)."""
    monkeypatch.setattr(json_writer, "_flat_encoders", {})
    value = {"up": float("inf"), "down": float("-inf"), "none": float("nan")}
    assert json_text(value) == '{\n  "up": Infinity,\n  "down": -Infinity,\n  "none": NaN\n}'
    assert json_text([float("inf"), 1.5]) == "[\n  Infinity,\n  1.5\n]"
