"""Many JSON objects written at once as ``json.dumps(..., indent=2)`` lays them out: a
listing's rows. Every value of every row goes through the C encoder in one call; the keys,
braces and line breaks come from a template made once for each shape of row (its keys, the
types of its values, the sizes of its lists).

Why: ``json.dumps`` with an indent never uses the C encoder, and json_writer's one pass calls
it once for each run of plain values, several times a row: at 100,000 facts, writing the
thousands of rows a query finds cost more than finding them. Apart from json_writer because
this is one technique with rules of its own (what a template covers, the NUL that separates
the values); json_writer decides when to use it and writes whatever it does not cover.
"""

from __future__ import annotations

from datetime import date
from json.encoder import c_make_encoder  # type: ignore[attr-defined]
from json.encoder import encode_basestring as _string  # type: ignore[attr-defined]
from operator import itemgetter
from typing import Any, Callable, NamedTuple, Sequence

# The C encoder writes a list's items separated by this: no value's text holds a NUL (the
# encoder writes one inside text as \u0000), so splitting its output there gives each value.
_SEPARATOR = ",\x00"
_KINDS = frozenset({str, int, float, bool, type(None), date, list, tuple, dict})
_NONE = object()


class _Shape(NamedTuple):
    """How rows of one set of keys and value types are written, at one indentation."""

    heads: tuple[str, ...]  # before each value: the brace or comma, the line break, the key
    inner: str  # the line break and indentation of the row's braces
    dates: tuple[int, ...]  # where a value is a date (its ISO text is written)
    numbers: tuple[int, ...]  # ints (past 2**53 written as text) and floats (whole: an int)
    nested: tuple[int, ...]  # lists and tuples (of text only) and empty objects; last first


_shapes: dict[tuple[Any, ...], _Shape | None] = {}
_templates: dict[tuple[Any, ...], str] = {}
_encoder: list[Any] = []


def records_text(records: Sequence[Any], inner: str, fallback: Callable[[Any], str],
                 keys: Sequence[Any] | None = None) -> str:
    """``records`` (dicts) as JSON objects made plain (kzru.render.plain_value), each at
    ``inner`` (the line break and indentation of its braces), joined by a comma and
    ``inner``. With ``keys``, each record's values under those keys in that order (None for
    a key it lacks, as ``record.get``). A record the templates do not cover (a nested object,
    a list of anything but text, a value of another type, a key that is not text) is written
    by ``fallback(record)`` (with ``keys``: the dict of those keys)."""
    texts: list[str] = []
    values: list[Any] = []
    names = tuple(keys) if keys is not None else None
    pick = itemgetter(*names) if names and len(names) > 1 else None
    for record in records:
        if names is None:
            row_keys, row = tuple(record), list(record.values())
        else:
            row_keys, row = names, None
            if pick is not None and type(record) is dict:
                try:
                    row = list(pick(record))
                except KeyError:
                    pass
            if row is None:
                row = [record.get(key) for key in names]
        if not row_keys:
            texts.append("{}")
            continue
        kinds = tuple(map(type, row))
        shape = _shapes.get((row_keys, kinds, inner), _NONE)
        if shape is _NONE:
            shape = _shapes[(row_keys, kinds, inner)] = _shape(row_keys, kinds, inner)
        sizes = _fill(shape, row) if shape is not None else None
        if shape is None or sizes is None:
            whole = record if names is None else {key: record.get(key) for key in names}
            texts.append(fallback(whole).replace("%", "%%"))
            continue
        texts.append(_template(shape, sizes))
        values += row
    text = ("," + inner).join(texts)
    if not values:
        return text.replace("%%", "%")
    written = "".join(_values_encoder()(values, 0))[1:-1].split(_SEPARATOR)
    return text % tuple(written)


def _values_encoder() -> Any:
    """The C encoder that writes a list's items separated by _SEPARATOR, made once; the
    standard encoder's text where Python has no C accelerator."""
    if not _encoder:
        if c_make_encoder is None:
            import json

            def encoder(values: list[Any], _: int) -> list[str]:
                return [json.dumps(values, ensure_ascii=False, separators=(_SEPARATOR, ": "))]
            _encoder.append(encoder)
        else:
            _encoder.append(c_make_encoder(None, None, _string, None, ": ", _SEPARATOR, False,
                                           False, True))
    return _encoder[0]


def _shape(keys: tuple[Any, ...], kinds: tuple[type, ...], inner: str) -> _Shape | None:
    """The shape of rows with these keys and value types at ``inner``; None when the
    templates do not cover them."""
    if not all(type(key) is str for key in keys) or not set(kinds) <= _KINDS:
        return None
    field = inner + "  "
    heads = tuple(("{" if n == 0 else ",") + field + _string(key).replace("%", "%%") + ": "
                  for n, key in enumerate(keys))
    places = list(enumerate(kinds))
    return _Shape(heads, inner, tuple(n for n, kind in places if kind is date),
                  tuple(n for n, kind in places if kind is int or kind is float),
                  tuple(n for n, kind in places[::-1]
                        if kind is list or kind is tuple or kind is dict))


def _fill(shape: _Shape, row: list[Any]) -> tuple[int, ...] | None:
    """Make ``row``'s values what the template writes, in place (a date's ISO text, an int
    past 2**53 as its digits in text, a whole float as an int, a list's items where the list
    was, an empty object gone); return the sizes of its lists (-1: an empty object), in the
    order of ``shape.nested``. None when a value is one the templates do not cover."""
    for n in shape.dates:
        row[n] = row[n].isoformat()
    for n in shape.numbers:
        value = row[n]
        if type(value) is int:
            if value > 2 ** 53 or value < -2 ** 53:
                row[n] = str(value)
        elif value.is_integer():
            row[n] = int(value)
    sizes = []
    for n in shape.nested:  # last first: splicing a list's items in keeps the places before
        value = row[n]
        if type(value) is dict:
            if value:
                return None
            sizes.append(-1)
            del row[n]
            continue
        if value and set(map(type, value)) != {str}:
            return None
        sizes.append(len(value))
        row[n:n + 1] = value
    return tuple(sizes)


def _template(shape: _Shape, sizes: tuple[int, ...]) -> str:
    """A row's text with ``%s`` for each value; a list of n items (``sizes``, in the order of
    ``shape.nested``) on lines of its own, an empty one ``[]``, an empty object ``{}``."""
    made = _templates.get((shape, sizes))
    if made is None:
        inner = shape.inner
        item = inner + "    "
        size = dict(zip(shape.nested, sizes))
        pieces = []
        for n, head in enumerate(shape.heads):
            count = size.get(n)
            if count is None:
                pieces.append(head + "%s")
            elif count <= 0:
                pieces.append(head + ("[]" if count == 0 else "{}"))
            else:
                pieces.append(head + "[" + item + ("," + item).join(["%s"] * count) + inner
                              + "  ]")
        made = _templates[(shape, sizes)] = "".join(pieces) + inner + "}"
    return made
