"""JSON as kzru writes it: values made plain (render.plain_value: dates as ISO text, whole
floats as ints, integers a JSON reader would round and decimals it cannot keep as text),
indented as ``json.dumps(..., indent=2)`` indents them, built in one pass, and written as it is
made for long documents (a brief at 100,000 facts is never held as text).

Why apart from kzru.render: render says rows in every format and the values all formats share
(dates at their precision, plain values, Markdown that is never markup); this is the one
format whose writer has rules of its own (indentation in one pass, laziness, the C encoder's
runs). render imports it only when JSON is written: a table's start-up does not read it.
"""

from __future__ import annotations

import json
from datetime import date
from json.encoder import encode_basestring as _string  # type: ignore[attr-defined]
from typing import Any, Callable, Iterable, Sequence, TextIO

from kzru.json_records import records_text
from kzru.render import plain_value


def json_text(value: Any, plain: bool = True) -> str:
    """``json.dumps(plain_value(value), ensure_ascii=False, indent=2)`` (without
    ``plain_value`` when not ``plain``), the same text, built in one pass and written at
    once: at 100,000 facts the standard encoder's many small writes and the separate
    ``plain_value`` copy cost more than the query."""
    parts: list[str] = []
    try:
        _encode(value, "\n", parts, plain)
    except _Unusual:
        return json.dumps(plain_value(value) if plain else value, ensure_ascii=False, indent=2)
    return "".join(parts)


def write_json(rows: Iterable[Any], out: TextIO, plain: bool = True,
               keys: Sequence[str] | None = None) -> int:
    """``json_text(list(rows))`` and a line break, written a few hundred rows at a time as
    they come: a large listing is never held whole (as rows, pieces or one text) in memory.
    ``keys``: each row (a dict) written as the dict of those keys (None for one it lacks),
    without that dict being made. Returns how many rows were written."""
    from itertools import islice

    step, written, items = 500, 0, iter(rows)
    while True:
        chunk = list(islice(items, step))
        if not chunk:
            break
        text = None
        if keys is not None and plain:
            try:
                text = "[\n  " + records_text(chunk, "\n  ", _encoder_at("\n  "), keys) + "\n]"
            except _Unusual:  # the one-pass text of the dicts decides (the standard encoder's)
                pass
        if text is None:
            text = json_text([{key: row.get(key) for key in keys} for row in chunk]
                             if keys is not None else chunk, plain)
        # each slice's own brackets off; the slices joined as the items of one list
        out.write(("[" if not written else ",") + text[1:-2])
        written += len(chunk)
    out.write("\n]\n" if written else "[]\n")
    return written


_END = object()


class Later:
    """A value made only when the writer reaches it (``write_json_value``): a part of a long
    document not held while the parts before it are written (a brief's "new since")."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def _iterator(kind: type) -> bool:
    return kind is not str and kind is not dict and kind is not list and \
        kind is not tuple and hasattr(kind, "__next__")


def _lazy(value: Any) -> bool:
    """Whether ``value`` is or holds an iterator (a list made as it is written): only those
    are written piece by piece, anything else in one pass of ``_encode``."""
    kind = type(value)
    if kind is str or kind is int or value is None:
        return False
    if kind is Later:
        return True
    if kind is dict:
        value = value.values()
    elif kind is not list and kind is not tuple:
        return _iterator(kind)
    for item in value:
        if type(item) is not str and _lazy(item):
            return True
    return False


def write_json_value(value: Any, out: TextIO, plain: bool = True,
                     newline: str = "\n") -> None:
    """``json_text(value, plain)`` written as it is made, list item by list item: a document
    of many megabytes (a brief at 100,000 facts) is never held as text. An iterator is
    written as the list of its items, each made when reached. ``newline``: the line break
    with the indentation ``value`` starts at."""
    kind = type(value)
    inner = newline + "  "
    if kind is Later:  # made now, as the writer reaches it
        write_json_value(value.make(), out, plain, newline)
        return
    if _iterator(kind):  # items made as they are written: a list
        first = next(value, _END)
        if first is _END:
            out.write("[]")
            return
        out.write("[" + inner)
        write_json_value(first, out, plain, inner)
        for item in value:
            out.write("," + inner)
            write_json_value(item, out, plain, inner)
        out.write(newline + "]")
        return
    if _lazy(value) and ((kind is dict and all(type(key) is str for key in value))
                         or kind is list or kind is tuple):
        pieces = value.items() if kind is dict else ((None, item) for item in value)
        out.write("{" if kind is dict else "[")
        head = inner
        for key, item in pieces:
            out.write(head if key is None else f"{head}{_string(key)}: ")
            head = "," + inner
            write_json_value(item, out, plain, inner)
        out.write(newline + ("}" if kind is dict else "]"))
        return
    parts: list[str] = []
    try:
        _encode(value, newline, parts, plain)
    except _Unusual:  # the standard encoder's text, indented where this value sits
        text = json.dumps(plain_value(value) if plain else value, ensure_ascii=False, indent=2)
        parts = [text.replace("\n", newline)]
    out.write("".join(parts))


class _Unusual(Exception):
    """A value the one-pass encoder leaves to the standard one (a key that is not text)."""


def _encode(value: Any, newline: str, parts: list[str], plain: bool) -> None:
    """Append the indented JSON of ``plain_value(value)`` (of ``value`` when not ``plain``) to
    ``parts``; ``newline`` is the line break with the current indentation."""
    kind = type(value)
    if kind is str:
        parts.append(_string(value))
    elif value is None:
        parts.append("null")
    elif kind is bool:
        parts.append("true" if value else "false")
    elif kind is int:
        parts.append(int.__repr__(value) if not plain or abs(value) <= 2 ** 53
                     else _string(str(value)))
    elif kind is list or kind is tuple or isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        if all(_flat(item, plain) for item in value):  # text, numbers: one C call
            parts.append("[" + inner + _flat_list(value, inner) + newline + "]")
            return
        if plain and all(type(item) is dict for item in value):  # rows: one C call for all
            parts.append("[" + inner + records_text(value, inner, _encoder_at(inner))
                         + newline + "]")
            return
        parts.append("[")
        first = True
        for item in value:
            parts.append(inner if first else "," + inner)
            first = False
            _encode(item, inner, parts, plain)
        parts.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        parts.append("{")
        head = inner
        run: dict[str, Any] = {}  # values the C encoder writes as they are, in one call
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            if type(item) is str or _flat(item, plain):
                run[key] = item
                continue
            if plain and type(item) is date:  # a row's date: ISO text, as plain_value makes it
                run[key] = item.isoformat()
                continue
            if run:
                parts.append(head + _flat_items(run, inner))
                head = "," + inner
                run = {}
            parts.append(head + _string(key) + ": ")
            head = "," + inner
            _encode(item, inner, parts, plain)
        if run:
            parts.append(head + _flat_items(run, inner))
        parts.append(newline + "}")
    elif kind is float or isinstance(value, float):
        parts.append(int.__repr__(int(value)) if plain and value.is_integer()
                     else json.dumps(value))
    elif isinstance(value, str):
        parts.append(_string(value))
    elif not plain:
        raise _Unusual  # the standard encoder says what it cannot write
    elif isinstance(value, date):
        parts.append(_string(value.isoformat()))
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    else:
        made = plain_value(value)  # a Decimal: an int, a float or its text
        if made is value:
            raise _Unusual  # nothing plain_value knows: the standard encoder decides
        _encode(made, newline, parts, True)


def _flat(value: Any, plain: bool) -> bool:
    """A value the C encoder writes exactly as the indented text has it: text, null, a
    boolean, a number ``plain_value`` leaves alone, an empty list or object."""
    kind = type(value)
    if kind is str or value is None or kind is bool:
        return True
    if kind is int:
        return not plain or abs(value) <= 2 ** 53
    if kind is float:
        return not plain or not value.is_integer()
    return (kind is list or kind is tuple or kind is dict) and not value


_flat_encoders: dict[str, Any] = {}


def _flat_items(run: dict[str, Any], inner: str) -> str:
    """``"key": value`` pairs joined by a comma and ``inner`` (the line break and indent),
    written by the C encoder in one call."""
    encoder = _flat_encoders.get(inner)
    if encoder is None:
        from json.encoder import c_make_encoder  # type: ignore[attr-defined]

        if c_make_encoder is None:  # no C accelerator: the standard encoder's own text
            def encoder(run: dict[str, Any], _: int) -> list[str]:
                return [json.dumps(run, ensure_ascii=False, separators=("," + inner, ": "))]
        else:
            encoder = c_make_encoder(None, None, _string, None, ": ", "," + inner, False,
                                     False, True)
        _flat_encoders[inner] = encoder
    return "".join(encoder(run, 0))[1:-1]


def _flat_list(items: Any, inner: str) -> str:
    """Flat items joined by a comma and ``inner``, written by the C encoder in one call."""
    _flat_items({}, inner)  # the encoder for this indent, made once
    return "".join(_flat_encoders[inner](list(items), 0))[1:-1]


def _encoder_at(inner: str) -> Callable[[Any], str]:
    """What writes a row records_text does not cover: the one-pass text of it at ``inner``."""
    def encoded(record: Any) -> str:
        parts: list[str] = []
        _encode(record, inner, parts, True)
        return "".join(parts)
    return encoded
