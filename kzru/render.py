"""Turn rows into JSON/JSONL/CSV/TSV/Markdown, and the values every format shares.

Machine formats take plain dicts whose keys are the output contract; tables (kzru.table) take
the same dicts plus a list of columns. Dates keep ISO form here; tables print them at their
precision with ``date_label``. How JSON itself is written (one pass, lazily for long
documents) is kzru.json_writer's.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from typing import Any, Iterable, TextIO

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


def plain_value(value: Any) -> Any:
    """A value as JSON can hold it exactly: a date as ISO text, a whole float as an int, an int
    past 2**53 (which a JSON reader rounds) and a decimal it cannot keep as their text."""
    if type(value) is int and abs(value) > 2 ** 53:  # beyond what a JSON reader keeps
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [plain_value(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    decimal = sys.modules.get("decimal")  # no Decimal exists unless a value was read
    if decimal is not None and isinstance(value, decimal.Decimal):
        return _exact_number(value)
    if isinstance(value, list):
        return [plain_value(item) for item in value]
    if isinstance(value, dict):
        return {key: plain_value(item) for key, item in value.items()}
    return value


def _exact_number(value: Any) -> Any:
    """An int or float when a JSON reader gets the same number back, else the decimal text."""
    if value == value.to_integral_value():
        return int(value) if abs(value) <= 2 ** 53 else str(value)
    as_float = float(value)
    return as_float if type(value)(repr(as_float)) == value else str(value)


def flat(value: Any) -> str:
    """One cell of CSV/TSV/Markdown/table: lists joined with '; ', None as empty."""
    value = plain_value(value)
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


def write_machine(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO,
                  keys: Iterable[str] | None = None) -> int:
    """Rows in a machine format; returns how many. JSON and JSON lines are written as the
    rows come (a generator is never held whole); the other formats take the list."""
    if keys is None or (fmt not in ("json", "jsonl") and not isinstance(rows, list)):
        rows = list(rows)
    keys = list(keys if keys is not None else (rows[0] if rows else []))  # type: ignore
    if fmt == "json":
        from kzru.json_writer import write_json  # only on the JSON path

        return write_json(rows, out, keys=keys)  # each row as the dict of these keys
    if fmt == "jsonl":
        count = 0
        for row in rows:
            row = {key: row.get(key) for key in keys}
            out.write(_one_line(json.dumps(plain_value(row), ensure_ascii=False)) + "\n")
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
