"""Reading one table: its header, its rows and each cell, checked against kzru's schema.

Every problem is reported at file:line:col through ``errors.Problems``; a row whose cells are
well formed becomes a record (a named tuple of ``model``). One cell's rules are in
``cells.py``: this module reads the header and the rows and applies the rules across a
row's cells. Checks that need several rows (references, links, cycles) are in ``links.py``;
finding the folder and loading it all is ``store.py``.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any, Callable, MutableSequence

from kzru.cells import (  # noqa: F401 - WEB_ADDRESS and exact_number are read from here too
    FORMULA_START,
    MEMO_TRIAL,
    REQUIRED,
    SHARED_MAX,
    WEB_ADDRESS,
    ColumnRules,
    exact_number,
    excerpt,
    is_clean,
)
from kzru.errors import Problems
from kzru.files import csv_error_place, decode_error_place, open_regular
from kzru.labels import Joined, Said
from kzru.model import EVIDENCE_JOINER, Event, Fact, GlossaryEntry, Sector, Source
from kzru.paths import CSV_LIMIT

RECORD_TYPES: dict[str, Callable[..., Any]] = {
    "sources": Source, "events": Event, "facts": Fact, "sectors": Sector, "glossary": GlossaryEntry,
}
MAX_EVIDENCE_PIECES = 3
HEADER_SHOWN = 5  # columns named in a header error, each cut to HEADER_NAME characters
ELLIPSIS = r"\.\.\.|…"  # inside an evidence piece: a cut that is not the joiner
_MISSING = object()


class Table:
    """Rows of one CSV file, as parsed values, with the line each row starts on."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.rows: list[Any] = []  # records (named tuples), one per valid-shaped row
        self.lines: MutableSequence[int] = []  # an array where a build streams the facts
        self.columns: dict[str, int] = {}
        self.record_line = 1  # the line the record being read starts on
        # read to its end: after a fatal CSV error the rows below are unknown, not missing,
        # so no reference into this table is called broken
        self.whole = False

    def keep(self, record: Any, line: int) -> None:
        self.rows.append(record)
        self.lines.append(line)

    def where(self, line: int, field: str | None = None) -> str:
        if field is None or field not in self.columns:
            return f"{self.path}:{line}"
        return f"{self.path}:{line}:{self.columns[field]}"


def read_table(name: str, path: Path, resource: dict[str, Any], problems: Problems,
               keep: Callable[[Any, int], None] | None = None) -> Table:
    """Read and check one table. Each well-shaped row's record goes to ``keep`` with its
    line (by default into ``table.rows`` and ``table.lines``): a caller that streams rows
    elsewhere keeps only what the checks across rows need."""
    table = Table(name, path)
    fields = resource["schema"]["fields"]
    expected = [spec["name"] for spec in fields]
    try:
        binary = open_regular(path, CSV_LIMIT)
    except FileNotFoundError:
        problems.append(Said("data.no_file", path=path, name=name))
        return table
    except OSError as error:
        problems.append(Said("err.cannot_read", path=path, why=error.strerror))
        return table
    reader: Any = None
    try:
        # utf-8-sig: a spreadsheet's "CSV UTF-8" starts with a byte order mark.
        with io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                problems.append(Said("data.empty_file", path=path))
                return table
            if header != expected:
                problems.append(Said("data.bad_header", path=path,
                                     why=_header_problem(header, expected),
                                     expected=",".join(expected)))
                return table
            table.columns = {column: index + 1 for index, column in enumerate(header)}
            _read_rows(table, reader, fields, problems, keep or table.keep)
            table.whole = True
    except UnicodeDecodeError:
        problems.append(Said("data.not_utf8", where=decode_error_place(path, CSV_LIMIT)))
    except csv.Error as error:
        where = csv_error_place(path, table.record_line,
                                reader.line_num if reader else table.record_line, error,
                                CSV_LIMIT)
        problems.append(Said("data.malformed", where=where, error=error))
    except OSError as error:
        problems.append(Said("err.cannot_read", path=path, why=error.strerror))
    return table


def _header_problem(header: list[str], expected: list[str]) -> object:
    """What is wrong with a header, naming a few columns at most: the columns are counted
    once (a header of 200,000 columns is read in linear time) and never echoed whole."""
    from collections import Counter

    counts = Counter(header)
    twice = sorted(column for column, count in counts.items() if count > 1)
    if twice:
        return _few([Said("data.column_twice", column=excerpt(column), count=counts[column])
                     for column in twice])
    known = set(expected)
    missing = [c for c in expected if c not in counts]
    extra = [c for c in counts if c not in known]
    return Joined([part for part in (
        Said("data.missing_columns", columns=_few(missing)) if missing else "",
        Said("data.unknown_columns", columns=_few([excerpt(column) for column in extra]))
        if extra else "",
        Said("data.out_of_order") if not missing and not extra else "",
    ) if part], "; ")


def _few(items: list[Any]) -> object:
    shown = Joined(items[:HEADER_SHOWN])
    return shown if len(items) <= HEADER_SHOWN else \
        Said("data.and_more", shown=shown, count=len(items) - HEADER_SHOWN)


def _read_rows(table: Table, reader: Any, fields: list[dict[str, Any]], problems: Problems,
               keep: Callable[[Any, int], None]) -> None:
    columns = [ColumnRules(spec) for spec in fields]
    for column in columns:
        column.table = table.name
    names = [column.name for column in columns]
    kind = RECORD_TYPES[table.name]
    make = kind._make if tuple(names) == kind._fields else \
        (lambda values: kind(**dict(zip(names, values))))  # type: ignore[attr-defined]
    rules = ROW_RULES.get(table.name)
    seen: dict[str, dict[Any, int]] = {column.name: {} for column in columns if column.unique}
    width = len(fields)
    count = 0
    line = reader.line_num + 1
    table.record_line = line
    for cells in reader:
        next_line = reader.line_num + 1
        table.record_line = next_line
        if not cells:
            problems.append(Said("data.empty_line", where=f"{table.path}:{line}"),
                            Said("data.kind.empty_lines", table=table.name))
            line = next_line
            continue
        if len(cells) != width:
            problems.append(Said("data.row_width", where=f"{table.path}:{line}",
                                 count=len(cells), width=width),
                            Said("data.kind.row_width", table=table.name))
            line = next_line
            continue
        clean = is_clean("".join(cells))
        values = []
        for column, raw in zip(columns, cells):
            memo = column.memo
            if memo is not None:
                value = memo.get(raw, _MISSING)
                if value is not _MISSING:
                    values.append(value)
                    continue
            if column.free and clean and raw and raw[0] not in FORMULA_START \
                    and len(raw) <= column.limit and raw == raw.strip():
                values.append(raw)
                if memo is not None and len(raw) <= SHARED_MAX:
                    memo[raw] = raw
                if column.unique:
                    _check_unique(table, column, raw, line, seen, problems)
                continue
            value, problem = column.value(raw, clean)
            if problem is REQUIRED:
                problem = Said("data.required")
            if problem and not problems.counted(column.problem_kind("invalid")):
                problems.append(Said("data.cell", where=table.where(line, column.name),
                                     column=column.name, problem=problem),
                                column.problem_kind("invalid"))
            values.append(value)
            if column.unique and value:
                _check_unique(table, column, value, line, seen, problems, raw)
        record = make(values)
        if rules is not None:
            for field, message, kind_of in rules(record):
                problems.append(Said("data.at", where=table.where(line, field),
                                     message=message), kind_of)
        keep(record, line)
        line = next_line
        count += 1
        if count == MEMO_TRIAL:
            for column in columns:
                column.after_trial()


def _check_unique(table: Table, column: ColumnRules, value: Any, line: int,
                  seen: dict[str, dict[Any, int]], problems: Problems,
                  raw: str | None = None) -> None:
    """Report ``value`` when an earlier row of the column holds it too."""
    first = seen[column.name].setdefault(value, line)
    if first != line and not problems.counted(column.problem_kind("duplicates")):
        problems.append(Said("data.duplicate", where=table.where(line, column.name),
                             column=column.name, value=excerpt(value if raw is None else raw,
                                                               100),
                             first=first), column.problem_kind("duplicates"))


def _fact_rules(row: Any) -> list[tuple[str, str, str]]:
    """Rules across the cells of one fact. A cell that failed to parse holds None (or its
    text): each rule checks only values of the right type."""
    found: list[tuple[str, str]] = []
    if row.evidence:
        pieces = row.evidence.split(EVIDENCE_JOINER)
        if len(pieces) > MAX_EVIDENCE_PIECES:
            found.append(("evidence", Said("data.evidence_pieces", count=len(pieces),
                                           limit=MAX_EVIDENCE_PIECES)))
        for piece in pieces:
            if not piece.strip() or "..." in piece or "…" in piece:  # (ELLIPSIS)
                found.append(("evidence", Said("data.evidence_joiner")))
                break
    if row.review != "draft":
        if row.summary == "":  # (None: the cell was refused already)
            found.append(("summary", Said("data.summary_required")))  # drafts may
        if row.sectors == ():
            found.append(("sectors", Said("data.sectors_required")))
    day = row.date
    if isinstance(day, date) and row.date_precision != "day":
        if row.date_precision == "month" and day.day != 1:
            found.append(("date", Said("data.month_first", day=day)))
        if row.date_precision == "year" and (day.month, day.day) != (1, 1):
            found.append(("date", Said("data.year_first", day=day)))
    if row.date_basis == "inferred" and not row.date_note:
        found.append(("date_note", Said("data.date_note_required")))
    if (row.value is None) != (row.unit == ""):
        found.append(("unit", Said("data.value_unit")))
    if row.id:
        if row.part_of == row.id:
            found.append(("part_of", Said("data.part_of_self")))
        if row.follows and row.id in row.follows:
            found.append(("follows", Said("data.follows_self")))
    return [(field, message, Said("data.kind.rules", table="facts", column=field))
            for field, message in found]


def _event_rules(row: Any) -> list[tuple[str, str, str]]:
    found = []
    if isinstance(row.start, date) and isinstance(row.end, date) and row.end < row.start:
        found.append(("end", Said("data.end_before", end=row.end, start=row.start),
                      Said("data.kind.end_before")))
    if row.host and row.host == row.guest:
        found.append(("guest", Said("data.guest_host"), Said("data.kind.guest_host")))
    return found


ROW_RULES: dict[str, Callable[[Any], list[tuple[str, str, str]]]] = {
    "facts": _fact_rules, "events": _event_rules,
}
