"""Reading one table: its header, its rows and each cell, checked against kzru's schema.

Every problem is reported at file:line:col through ``errors.Problems``; a row whose cells are
well formed becomes a record (a named tuple of ``model``). Checks that need several rows
(references, links, cycles) are in ``links.py``; finding the folder and loading it all is
``store.py``.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any, Callable

from kzru.errors import Problems
from kzru.files import csv_error_place, decode_error_place, open_regular
from kzru.model import Event, Fact, GlossaryEntry, Sector, Source
from kzru.text import CONTROL_CHARACTERS, INVISIBLE_CHARACTERS

RECORD_TYPES: dict[str, Callable[..., Any]] = {
    "sources": Source, "events": Event, "facts": Fact, "sectors": Sector, "glossary": GlossaryEntry,
}
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
NUMBER = r"-?\d+(\.\d+)?"
MAX_DIGITS = 40
CSV_LIMIT = 256 << 20  # bytes; 100,000 facts take about 65 MB
SHARED_MAX = 300
MAX_EVIDENCE_PIECES = 3
# A text cell starting with one of these runs as a formula when a spreadsheet opens the
# CSV (OWASP, "CSV Injection"); tab and carriage return are refused as control characters.
FORMULA_START = "=+-@"
# A source's url: an http(s) address with a host, nothing a reader could be made to run
# (javascript:, data:, file:) and no spaces.
WEB_ADDRESS = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)
HEADER_SHOWN = 5  # columns named in a header error, each cut to HEADER_NAME characters
HEADER_NAME = 40


class Table:
    """Rows of one CSV file, as parsed values, with the line each row starts on."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.rows: list[Any] = []  # records (named tuples), one per valid-shaped row
        self.lines: list[int] = []
        self.columns: dict[str, int] = {}
        self.record_line = 1  # the line the record being read starts on

    def where(self, line: int, field: str | None = None) -> str:
        if field is None or field not in self.columns:
            return f"{self.path}:{line}"
        return f"{self.path}:{line}:{self.columns[field]}"


def exact_number(text: str) -> Any:
    """The number ``text`` holds, every digit kept: an int when whole, a float when its
    digits survive a float (15 significant digits or fewer), else a Decimal."""
    if "." not in text:
        return int(text)
    if len(text.lstrip("-0.").replace(".", "")) <= 15:
        return float(text)
    from decimal import Decimal  # only here: importing it costs start-up time

    return Decimal(text)


def _parse_cell(raw: str, spec: dict[str, Any]) -> tuple[Any, str | None]:
    """Turn one cell into its value, or return the reason it is invalid."""
    kind = spec["type"]
    rules = spec.get("constraints", {})
    if raw == "":
        if rules.get("required"):
            return None, "is required but empty"
        return ((), None) if kind == "list" else (None, None) if kind == "number" else ("", None)
    if raw != raw.strip():
        return None, "has leading or trailing whitespace"
    if re.search(CONTROL_CHARACTERS, raw):
        return None, "contains a control character (tab, newline or similar)"
    invisible = re.search(INVISIBLE_CHARACTERS, raw)
    if invisible:
        return None, (f"contains U+{ord(invisible.group()):04X}, an invisible or "
                      "direction-changing character (it can make a row display as something "
                      "else; no article needs one)")
    if "maxLength" in rules and len(raw) > rules["maxLength"]:
        return None, f"is {len(raw)} characters long, at most {rules['maxLength']} allowed"
    if kind == "date":
        if not re.fullmatch(ISO_DATE, raw):
            return None, f"{raw!r} is not an ISO date (YYYY-MM-DD)"
        try:
            return date.fromisoformat(raw), None
        except ValueError:
            return None, f"{raw!r} is not a date that exists"
    if kind == "number":
        # A rejected number keeps its text, so the value-and-unit rule adds no second error.
        if not re.fullmatch(NUMBER, raw):
            return raw, f"{raw!r} is not a number (digits, optional '-' and '.')"
        digits = sum(char.isdigit() for char in raw)
        if digits > MAX_DIGITS:
            return raw, f"has {digits} digits, at most {MAX_DIGITS} allowed"
        return exact_number(raw), None
    items = raw.split(spec.get("delimiter", "; ")) if kind == "list" else [raw]
    for item in items:
        if item == "" or item != item.strip():
            return None, f"list {raw!r} has an empty or padded item (separate items with '; ')"
        if item[0] in FORMULA_START:
            return None, (f"{excerpt(item)!r} starts with {item[0]!r}, which a spreadsheet "
                          "runs as a formula (no article sentence starts so; reword it)")
        if "enum" in rules and item not in rules["enum"]:
            return None, f"{item!r} is not one of: {', '.join(rules['enum'])}"
        if "pattern" in rules and not re.fullmatch(rules["pattern"], item):
            return None, f"{item!r} does not match the pattern {rules['pattern']}"
        if spec.get("format") == "uri" and not WEB_ADDRESS.fullmatch(item):
            return None, (f"{excerpt(item)!r} is not a web address (http:// or https://): "
                          "data names its sources, it never carries other links")
    return (tuple(items) if kind == "list" else raw), None


def excerpt(text: str, length: int = HEADER_NAME) -> str:
    """At most ``length`` characters of ``text``: a message never echoes a whole bad cell."""
    return text if len(text) <= length else text[:length - 1] + "…"


def read_table(name: str, path: Path, resource: dict[str, Any], problems: Problems) -> Table:
    table = Table(name, path)
    fields = resource["schema"]["fields"]
    expected = [spec["name"] for spec in fields]
    try:
        binary = open_regular(path, CSV_LIMIT)
    except FileNotFoundError:
        problems.append(f"{path}: file not found (every data folder needs {name}.csv)")
        return table
    except OSError as error:
        problems.append(f"{path}: cannot be read: {error.strerror}")
        return table
    reader: Any = None
    try:
        # utf-8-sig: a spreadsheet's "CSV UTF-8" starts with a byte order mark.
        with io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                problems.append(f"{path}:1: file is empty, a header row is required")
                return table
            if header != expected:
                problems.append(f"{path}:1: header does not match the schema "
                                f"({_header_problem(header, expected)}); "
                                f"expected: {','.join(expected)}")
                return table
            table.columns = {column: index + 1 for index, column in enumerate(header)}
            _read_rows(table, reader, fields, problems)
    except UnicodeDecodeError:
        problems.append(f"{decode_error_place(path, CSV_LIMIT)}: not valid UTF-8")
    except csv.Error as error:
        where = csv_error_place(path, table.record_line,
                                reader.line_num if reader else table.record_line, error,
                                CSV_LIMIT)
        problems.append(f"{where}: malformed CSV: {error}")
    except OSError as error:
        problems.append(f"{path}: cannot be read: {error.strerror}")
    return table


def _header_problem(header: list[str], expected: list[str]) -> str:
    """What is wrong with a header, naming a few columns at most: the columns are counted
    once (a header of 200,000 columns is read in linear time) and never echoed whole."""
    from collections import Counter

    counts = Counter(header)
    twice = sorted(column for column, count in counts.items() if count > 1)
    if twice:
        return _few([f"column {excerpt(column)!r} appears {counts[column]} times"
                     for column in twice])
    known = set(expected)
    missing = [c for c in expected if c not in counts]
    extra = [c for c in counts if c not in known]
    return "; ".join(part for part in (
        f"missing {_few(missing)}" if missing else "",
        f"unknown {_few([excerpt(column) for column in extra])}" if extra else "",
        "columns out of order" if not missing and not extra else "",
    ) if part)


def _few(items: list[str]) -> str:
    shown = ", ".join(items[:HEADER_SHOWN])
    return shown if len(items) <= HEADER_SHOWN else \
        f"{shown} and {len(items) - HEADER_SHOWN} more"


def _read_rows(table: Table, reader: Any, fields: list[dict[str, Any]],
               problems: Problems) -> None:
    seen: dict[str, dict[Any, int]] = {
        spec["name"]: {} for spec in fields if spec.get("constraints", {}).get("unique")
    }
    # Short values repeat across rows (kinds, statuses, ids referred to, sector lists,
    # names): one shared copy each keeps 100,000 facts within the memory budget.
    shared: dict[tuple[str, str], Any] = {}
    line = reader.line_num + 1
    table.record_line = line
    for cells in reader:
        next_line = reader.line_num + 1
        table.record_line = next_line
        if not cells:
            problems.append(f"{table.path}:{line}: empty line inside the table",
                            f"{table.name}.csv: empty lines")
            line = next_line
            continue
        if len(cells) != len(fields):
            problems.append(f"{table.path}:{line}: row has {len(cells)} fields, the header has "
                            f"{len(fields)} (truncated row or stray comma?)",
                            f"{table.name}.csv: rows of the wrong length")
            line = next_line
            continue
        row: dict[str, Any] = {}
        for spec, raw in zip(fields, cells):
            value, problem = _parse_cell(raw, spec)
            if problem is None and len(raw) <= SHARED_MAX:
                value = shared.setdefault((spec["name"], raw), value)
            if problem:
                problems.append(f"{table.where(line, spec['name'])}: {spec['name']} {problem}",
                                f"{table.name}.csv {spec['name']}: invalid cells")
            row[spec["name"]] = value
            if spec["name"] in seen and value:
                first = seen[spec["name"]].setdefault(value, line)
                if first != line:
                    problems.append(f"{table.where(line, spec['name'])}: duplicate {spec['name']} "
                                    f"{excerpt(raw, 100)!r}, first used on line {first}",
                                    f"{table.name}.csv {spec['name']}: duplicates")
        table.rows.append(RECORD_TYPES[table.name](**row))
        table.lines.append(line)
        line = next_line

