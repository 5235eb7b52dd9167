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
from kzru.labels import Joined, Said
from kzru.model import EVIDENCE_JOINER, Event, Fact, GlossaryEntry, Sector, Source
from kzru.paths import CSV_LIMIT
from kzru.text import CONTROL_CHARACTERS, INVISIBLE_CHARACTERS

RECORD_TYPES: dict[str, Callable[..., Any]] = {
    "sources": Source, "events": Event, "facts": Fact, "sectors": Sector, "glossary": GlossaryEntry,
}
# ASCII digits only (\d takes any script's digits, which no other tool reads as a number), and a
# number written one way only — no leading zero, no trailing zero after the point, no -0 — so
# every output (JSON, --format csv, export) says the same digits the file holds.
ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
NUMBER = r"(?!-0$)-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?"
MAX_DIGITS = 40
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
ELLIPSIS = r"\.\.\.|…"  # inside an evidence piece: a cut that is not the joiner
MEMO_TRIAL = 2000  # rows after which a column whose values rarely repeat stops memoising
_MISSING = object()
_ISO_DATE = re.compile(ISO_DATE)
_NUMBER = re.compile(NUMBER)
_CONTROL = re.compile(CONTROL_CHARACTERS)
_INVISIBLE = re.compile(INVISIBLE_CHARACTERS)
_UNSAFE = re.compile(f"{CONTROL_CHARACTERS}|{INVISIBLE_CHARACTERS}")


def _printable_invisible() -> str:
    """The invisible characters that str.isprintable() lets through (Hangul fillers, the
    combining grapheme joiner): every other one, and every control character, it refuses."""
    found = []
    for first, last in re.findall(r"(.)(?:-(.))?", INVISIBLE_CHARACTERS[1:-1], re.DOTALL):
        found += [chr(code) for code in range(ord(first), ord(last or first) + 1)
                  if chr(code).isprintable()]
    return "".join(found)


_PRINTABLE_INVISIBLE = _printable_invisible()


def _is_clean(text: str) -> bool:
    """Whether ``text`` (a whole row) holds no control and no invisible character, in one
    pass in C for nearly every row: isprintable() refuses both kinds, and the spaces that
    it also refuses but articles use (no-break spaces) are set aside first. A row it
    refuses for another reason is searched with the exact pattern."""
    if text.replace("\xa0", " ").replace("\u202f", " ").isprintable():
        return not any(map(text.__contains__, _PRINTABLE_INVISIBLE))
    return _UNSAFE.search(text) is None


class Table:
    """Rows of one CSV file, as parsed values, with the line each row starts on."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.rows: list[Any] = []  # records (named tuples), one per valid-shaped row
        self.lines: list[int] = []
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


def exact_number(text: str) -> Any:
    """The number ``text`` holds, every digit kept: an int when whole, a float when its
    digits survive a float (15 significant digits or fewer), else a Decimal."""
    if "." not in text:
        return int(text)
    if len(text.lstrip("-0.").replace(".", "")) <= 15:
        return float(text)
    from decimal import Decimal  # only here: importing it costs start-up time

    return Decimal(text)


# A required cell left empty: said as a message only when reported (a table that validates
# never loads the messages)
REQUIRED = "is required but empty"


class _Column:
    """One column's rules, read from the schema once (not once per cell), and a memo of the
    values already parsed: kinds, statuses, dates, ids referred to and sector lists repeat
    across rows, so each is parsed once and shared (one copy each keeps 100,000 facts within
    the memory budget). A column whose values rarely repeat stops memoising."""

    __slots__ = ("name", "kind", "required", "max_length", "enum", "enum_text", "pattern",
                 "pattern_text", "delimiter", "unique", "uri", "memo", "empty", "table", "kinds",
                 "free", "limit")

    def __init__(self, spec: dict[str, Any]) -> None:
        rules = spec.get("constraints", {})
        self.name: str = spec["name"]
        self.kind: str = spec["type"]
        self.required = bool(rules.get("required"))
        self.max_length: int | None = rules.get("maxLength")
        self.enum: frozenset[str] | None = frozenset(rules["enum"]) if "enum" in rules else None
        self.enum_text = ", ".join(rules.get("enum", ()))
        self.pattern_text: str | None = rules.get("pattern")
        self.pattern = re.compile(self.pattern_text) if self.pattern_text else None
        self.delimiter: str = spec.get("delimiter", "; ")
        self.unique = bool(rules.get("unique"))
        self.uri = spec.get("format") == "uri"
        self.memo: dict[str, Any] | None = None if self.unique else {}
        self.table = ""  # the table's name, set by the reader
        self.kinds: dict[str, Any] = {}  # "invalid", "duplicates" -> the kind, once needed
        # Free text (no set of values, no pattern, no address): a cell that is clean, not
        # padded, within its length and no formula is its own value (what parse returns),
        # told by the row loop without a call; any other goes through parse.
        self.free = self.kind == "string" and self.enum is None and self.pattern is None \
            and not self.uri
        self.limit = self.max_length if self.max_length is not None else CSV_LIMIT
        self.empty: tuple[Any, str | None] = (
            (None, REQUIRED) if self.required else
            ((), None) if self.kind == "list" else (None, None) if self.kind == "number" else
            ("", None))

    def problem_kind(self, which: str) -> Any:
        """The kind its problems are counted by ("facts.csv date: invalid cells"), made on the
        first problem: a table that validates never loads the messages."""
        if which not in self.kinds:
            self.kinds[which] = Said(f"data.kind.{which}", table=self.table, column=self.name)
        return self.kinds[which]

    def value(self, raw: str, clean: bool) -> tuple[Any, str | None]:
        """The cell's value and None, or what is wrong with it; ``clean`` says the row holds
        no control or invisible character (checked once for the whole row). A value found
        valid is remembered (the row loop looks it up before calling this)."""
        found = self.empty if raw == "" else self.parse(raw, clean)
        if self.memo is not None and found[1] is None and len(raw) <= SHARED_MAX:
            self.memo[raw] = found[0]
        return found

    def after_trial(self) -> None:
        """Stop memoising when most values were new (free text: a memo would hold them all)."""
        if self.memo is not None and len(self.memo) * 4 > MEMO_TRIAL * 3:
            self.memo = None

    def parse(self, raw: str, clean: bool) -> tuple[Any, Any]:
        """Turn one non-empty cell into its value, or return the reason it is invalid."""
        if raw != raw.strip():
            return None, Said("data.padded")
        if not clean:
            if _CONTROL.search(raw):
                return None, Said("data.control")
            invisible = _INVISIBLE.search(raw)
            if invisible:
                return None, Said("data.invisible", code=f"{ord(invisible.group()):04X}")
        if self.max_length is not None and len(raw) > self.max_length:
            return None, Said("data.too_long", length=len(raw), limit=self.max_length)
        kind = self.kind
        if kind == "date":
            if not _ISO_DATE.fullmatch(raw):
                return None, Said("data.not_iso_date", value=raw)
            try:
                return date.fromisoformat(raw), None
            except ValueError:
                return None, Said("data.no_such_date", value=raw)
        if kind == "number":
            # A rejected number keeps its text, so the value-and-unit rule adds no second error.
            if not _NUMBER.fullmatch(raw):
                return raw, Said("data.not_number", value=raw)
            digits = sum(char.isdigit() for char in raw)
            if digits > MAX_DIGITS:
                return raw, Said("data.digits", digits=digits, limit=MAX_DIGITS)
            return exact_number(raw), None
        items = raw.split(self.delimiter) if kind == "list" else [raw]
        for item in items:
            if item == "" or item != item.strip():
                return None, Said("data.padded_item", value=raw)
            if item[0] in FORMULA_START:
                return None, Said("data.formula", value=excerpt(item), first=item[0])
            if self.enum is not None and item not in self.enum:
                return None, Said("data.not_in_enum", value=item, allowed=self.enum_text)
            if self.pattern is not None and not self.pattern.fullmatch(item):
                return None, Said("data.pattern", value=item, pattern=self.pattern_text)
            if self.uri and not WEB_ADDRESS.fullmatch(item):
                return None, Said("data.not_web", value=excerpt(item))
        return (tuple(items) if kind == "list" else raw), None


def excerpt(text: str, length: int = HEADER_NAME) -> str:
    """At most ``length`` characters of ``text``: a message never echoes a whole bad cell."""
    return text if len(text) <= length else text[:length - 1] + "…"


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
    columns = [_Column(spec) for spec in fields]
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
        clean = _is_clean("".join(cells))
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


def _check_unique(table: Table, column: _Column, value: Any, line: int,
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
