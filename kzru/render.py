"""Turn rows into JSON/JSONL/CSV/TSV/Markdown, and the values every format shares.

Machine formats take plain dicts whose keys are the output contract; tables (kzru.table) take
the same dicts plus a list of columns. Dates keep ISO form here; tables print them at their
precision with ``date_label``.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from json.encoder import encode_basestring as _string  # type: ignore[attr-defined]
from typing import Any, Callable, Iterable, TextIO

from kzru.text import CONTROL_CHARACTERS

FACT_KEYS = ("id", "date", "date_precision", "date_basis", "event", "kind", "sectors", "status",
             "speaker", "summary", "text", "evidence", "source", "part_of", "same_as",
             "sources_count")
CONTROL = re.compile(CONTROL_CHARACTERS)


def date_label(value: date | None, precision: str = "day") -> str:
    """A date as precisely as it is known: 2025, 2025-05 or 2025-11-12."""
    if value is None:
        return ""
    text = value.isoformat()
    return text[:4] if precision == "year" else text[:7] if precision == "month" else text


def span_label(start: date, end: date, precision: str = "day") -> str:
    """A range at its precision, the shared leading part written once: 2024-11-27 – 11-28."""
    first, last = date_label(start, precision), date_label(end, precision)
    if first == last:
        return first
    return f"{first} – {last[5:] if first[:4] == last[:4] and len(last) > 4 else last}"


def _plain(value: Any) -> Any:
    if type(value) is int and abs(value) > 2 ** 53:  # beyond what a JSON reader keeps
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    decimal = sys.modules.get("decimal")  # no Decimal exists unless a value was read
    if decimal is not None and isinstance(value, decimal.Decimal):
        return _exact_number(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _exact_number(value: Any) -> Any:
    """An int or float when a JSON reader gets the same number back, else the decimal text."""
    if value == value.to_integral_value():
        return int(value) if abs(value) <= 2 ** 53 else str(value)
    as_float = float(value)
    return as_float if type(value)(repr(as_float)) == value else str(value)


def flat(value: Any) -> str:
    """One cell of CSV/TSV/Markdown/table: lists joined with '; ', None as empty."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(flat(item) for item in value)
    return str(value)


# Date keys and the key holding their precision: Markdown and tables print them at it.
PRECISION_OF = {"date": "date_precision", "start": "date_precision", "end": "date_precision",
                "published": "published_precision", "first": "first_precision",
                "last": "last_precision"}


def shown_value(row: dict[str, Any], key: str) -> Any:
    """A value as a person reads it: dates at their precision, everything else as is."""
    value = row.get(key)
    if isinstance(value, date) and key in PRECISION_OF:
        return date_label(value, row.get(PRECISION_OF[key]) or "day")
    return value


def json_text(value: Any, plain: bool = True) -> str:
    """``json.dumps(_plain(value), ensure_ascii=False, indent=2)`` (without ``_plain`` when
    not ``plain``), the same text, built in one pass and written at once: at 100,000 facts
    the standard encoder's many small writes and the separate ``_plain`` copy cost more than
    the query."""
    parts: list[str] = []
    try:
        _encode(value, "\n", parts, plain)
    except _Unusual:
        return json.dumps(_plain(value) if plain else value, ensure_ascii=False, indent=2)
    return "".join(parts)


def write_json(rows: Iterable[Any], out: TextIO, plain: bool = True) -> int:
    """``json_text(list(rows))`` and a line break, written a few hundred rows at a time as
    they come: a large listing is never held whole (as rows, pieces or one text) in memory.
    Returns how many rows were written."""
    from itertools import islice

    step, written, items = 500, 0, iter(rows)
    while True:
        chunk = list(islice(items, step))
        if not chunk:
            break
        text = json_text(chunk, plain)
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
        text = json.dumps(_plain(value) if plain else value, ensure_ascii=False, indent=2)
        parts = [text.replace("\n", newline)]
    out.write("".join(parts))


class _Unusual(Exception):
    """A value the one-pass encoder leaves to the standard one (a key that is not text)."""


def _encode(value: Any, newline: str, parts: list[str], plain: bool) -> None:
    """Append the indented JSON of ``_plain(value)`` (of ``value`` when not ``plain``) to
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
            if plain and type(item) is date:  # a row's date: ISO text, as _plain makes it
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
        made = _plain(value)  # a Decimal: an int, a float or its text
        if made is value:
            raise _Unusual  # nothing _plain knows: the standard encoder decides
        _encode(made, newline, parts, True)


def _flat(value: Any, plain: bool) -> bool:
    """A value the C encoder writes exactly as the indented text has it: text, null, a
    boolean, a number ``_plain`` leaves alone, an empty list or object."""
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


def write_machine(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO,
                  keys: Iterable[str] | None = None) -> int:
    """Rows in a machine format; returns how many. JSON and JSON lines are written as the
    rows come (a generator is never held whole); the other formats take the list."""
    if keys is None or (fmt not in ("json", "jsonl") and not isinstance(rows, list)):
        rows = list(rows)
    keys = list(keys if keys is not None else (rows[0] if rows else []))  # type: ignore
    if fmt == "json":
        return write_json(({key: row.get(key) for key in keys} for row in rows), out)
    if fmt == "jsonl":
        count = 0
        for row in rows:
            row = {key: row.get(key) for key in keys}
            out.write(_one_line(json.dumps(_plain(row), ensure_ascii=False)) + "\n")
            count += 1
        return count
    if fmt == "md":
        rows = [{key: shown_value(row, key) for key in keys} for row in rows]
    else:
        rows = [{key: row.get(key) for key in keys} for row in rows]
    if fmt == "csv":
        import csv  # only here: a listing in another format never pays for it

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(keys)
        writer.writerows([flat(row.get(key)) for key in keys] for row in rows)
    elif fmt == "tsv":
        out.write("\t".join(keys) + "\n")
        for row in rows:
            out.write("\t".join(_tsv_cell(flat(row.get(key))) for key in keys) + "\n")
    elif fmt == "md":
        out.write("| " + " | ".join(keys) + " |\n")
        out.write("|" + "---|" * len(keys) + "\n")
        for row in rows:
            out.write("| " + " | ".join(_md_cell(flat(row.get(key))) for key in keys) + " |\n")
    else:
        raise ValueError(fmt)
    return len(rows)


_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _one_line(encoded: str) -> str:
    """Escape the characters some readers treat as line ends, so JSONL stays one line a row."""
    for char, escaped in _LINE_BREAKS.items():
        encoded = encoded.replace(char, escaped)
    return encoded


def _tsv_cell(text: str) -> str:
    return re.sub(r"[\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+", " ", text)


# Characters Markdown gives a meaning inside a line (emphasis, code, links, HTML, entities,
# tables, headings), and what makes a line's start a list item or a heading.
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~&!])")
_LINE_START = re.compile(r"^([-+=]|\d+)([.)]?)")
# A URL kzru prints as a link: http(s) only, and nothing that could close the link early.
WEB_URL = re.compile(r"https?://[^\s<>()\\`\x00-\x1f\x7f]+")


# What GitHub-flavoured Markdown turns into a link with no markup at all: "scheme://" and
# "www.". A backslash before the colon or the dot breaks the match and shows the same text.
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<![\w.])((?i:www))(\.)")


def md(text: str) -> str:
    """Text from the data as Markdown that shows exactly that text: data is never markup, so
    '[official record](https://…)' or '<img …>' in a cell stays those characters, and a bare
    'https://…' or 'www.…' is not made a link by GitHub's autolinks."""
    escaped = _MARKUP.sub(r"\\\1", text)
    escaped = _AUTOLINK.sub(lambda m: "\\:" if m[1] else f"{m[2]}\\.", escaped)
    return _LINE_START.sub(_escape_start, escaped)


def _escape_start(found: re.Match[str]) -> str:
    """'- x' and '1. x' would start a list: escape the punctuation (a digit cannot be)."""
    start, mark = found.groups()
    return f"\\{start}{mark}" if not start[0].isdigit() else \
        f"{start}\\{mark}" if mark else start


def _md_cell(text: str) -> str:
    return md(_tsv_cell(text))


def printable(text: str) -> str:
    """Show control characters as escapes so data can never drive the terminal."""
    return CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def default_format() -> str:
    return "table" if sys.stdout.isatty() else "tsv"
