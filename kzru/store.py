"""Find, read and validate a data folder, reporting every problem with file, line and column.

The schema is kzru's own ``datapackage.json`` (bundled with the package): whatever folder is
loaded, it is checked against the contract the rest of the code relies on.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any, Callable

from kzru.errors import PER_KIND, KzruError, Problems
from kzru.files import csv_error_place, decode_error_place, open_regular, read_limited
from kzru.model import EVIDENCE_JOINER, Dataset, Event, Fact, GlossaryEntry, Sector, Source
from kzru.text import CONTROL_CHARACTERS, INVISIBLE_CHARACTERS

TABLES = ("sources", "events", "facts", "sectors", "glossary")
RECORD_TYPES: dict[str, Callable[..., Any]] = {
    "sources": Source, "events": Event, "facts": Fact, "sectors": Sector, "glossary": GlossaryEntry,
}
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
NUMBER = r"-?\d+(\.\d+)?"
MAX_DIGITS = 40
CSV_LIMIT = 256 << 20  # bytes; 100,000 facts take about 65 MB
ARTICLE_LIMIT = 16 << 20
PACKAGE_LIMIT = 1 << 20
ELLIPSIS = r"\.\.\.|…"
SHARED_MAX = 300
MAX_EVIDENCE_PIECES = 3
# A text cell starting with one of these runs as a formula when a spreadsheet opens the
# CSV (OWASP, "CSV Injection"); tab and carriage return are refused as control characters.
FORMULA_START = "=+-@"
HEADER_SHOWN = 5  # columns named in a header error, each cut to HEADER_NAME characters
HEADER_NAME = 40


def package_dir() -> Path:
    return Path(__file__).resolve().parent


def bundled_data_dir() -> Path:
    """The data shipped in the wheel (kzru/data), or data/ beside the package in a checkout."""
    inside = package_dir() / "data"
    return inside if inside.is_dir() else package_dir().parent / "data"


def resolve_data_dir(option: str | os.PathLike[str] | None) -> Path:
    """Pick the folder: --data, then KZRU_DATA, then the bundled table."""
    chosen = option or os.environ.get("KZRU_DATA") or None
    folder = Path(chosen) if chosen else bundled_data_dir()
    where = "--data" if option else "KZRU_DATA" if chosen else "bundled data"
    if not folder.exists():
        raise KzruError(f"data folder not found: {folder} (from {where})")
    if not folder.is_dir():
        raise KzruError(f"data folder is not a folder: {folder} (from {where})")
    return folder


def load_schema() -> dict[str, Any]:
    path = bundled_data_dir() / "datapackage.json"
    with open(path, encoding="utf-8") as handle:
        package = json.load(handle)
    return {resource["name"]: resource for resource in package["resources"]}


def data_files(folder: Path) -> list[Path]:
    """The files whose content a data folder's index depends on (its package file included)."""
    return [*(folder / f"{table}.csv" for table in TABLES), folder / "datapackage.json"]


class _Table:
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
            return None, (f"{_excerpt(item)!r} starts with {item[0]!r}, which a spreadsheet "
                          "runs as a formula (no article sentence starts so; reword it)")
        if "enum" in rules and item not in rules["enum"]:
            return None, f"{item!r} is not one of: {', '.join(rules['enum'])}"
        if "pattern" in rules and not re.fullmatch(rules["pattern"], item):
            return None, f"{item!r} does not match the pattern {rules['pattern']}"
    return (tuple(items) if kind == "list" else raw), None


def _excerpt(text: str, length: int = HEADER_NAME) -> str:
    """At most ``length`` characters of ``text``: a message never echoes a whole bad cell."""
    return text if len(text) <= length else text[:length - 1] + "…"


def _read_table(name: str, path: Path, resource: dict[str, Any], problems: Problems) -> _Table:
    table = _Table(name, path)
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
        return _few([f"column {_excerpt(column)!r} appears {counts[column]} times"
                     for column in twice])
    known = set(expected)
    missing = [c for c in expected if c not in counts]
    extra = [c for c in counts if c not in known]
    return "; ".join(part for part in (
        f"missing {_few(missing)}" if missing else "",
        f"unknown {_few([_excerpt(column) for column in extra])}" if extra else "",
        "columns out of order" if not missing and not extra else "",
    ) if part)


def _few(items: list[str]) -> str:
    shown = ", ".join(items[:HEADER_SHOWN])
    return shown if len(items) <= HEADER_SHOWN else \
        f"{shown} and {len(items) - HEADER_SHOWN} more"


def _read_rows(table: _Table, reader: Any, fields: list[dict[str, Any]],
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
                                    f"{_excerpt(raw, 100)!r}, first used on line {first}",
                                    f"{table.name}.csv {spec['name']}: duplicates")
        table.rows.append(RECORD_TYPES[table.name](**row))
        table.lines.append(line)
        line = next_line


class _Hints:
    """'Did you mean' for ids of one table, from an index: an id written with capitals, a
    look-alike letter or an invisible character is found by its folded form in one lookup.
    A fuzzy search over every id (for typos) is spent only on lines a report shows, so a
    table with every reference broken is still checked in linear time."""

    # Cyrillic letters that look like Latin ones, as curators mistype them in ids.
    LOOKALIKES = str.maketrans("аеорсухкмтвнізј", "aeopcyxkmtbhizj")

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids
        self.folded: dict[str, str] | None = None
        self.choices: list[str] | None = None

    @classmethod
    def fold(cls, text: str) -> str:
        import unicodedata

        plain = unicodedata.normalize("NFKC", text).casefold().translate(cls.LOOKALIKES)
        return re.sub(r"[^a-z0-9]", "", plain)

    def hint(self, item: str, fuzzy: bool) -> str:
        if self.folded is None:
            self.folded = {}
            for known in sorted(self.ids):
                self.folded.setdefault(self.fold(known), known)
        found = self.folded.get(self.fold(item))
        if found is None and fuzzy:
            from rapidfuzz import fuzz, process

            if self.choices is None:
                self.choices = sorted(self.ids)
            best = process.extractOne(item, self.choices, scorer=fuzz.WRatio, score_cutoff=60)
            found = best[0] if best else None
        return f" (did you mean {found!r}?)" if found is not None else ""


def _check_references(tables: dict[str, _Table], schema: dict[str, Any],
                      problems: Problems) -> None:
    """Every foreign key, the list-field ones (listForeignKeys) and self-references included.
    A row whose id is invalid has none (None): it is reported where it is read."""
    ids = {name: {row.id for row in table.rows if row.id} for name, table in tables.items()}
    hints = {name: _Hints(known) for name, known in ids.items()}
    for name, table in tables.items():
        declared = schema[name]["schema"]
        for key in [*declared.get("foreignKeys", []), *declared.get("listForeignKeys", [])]:
            field = key["fields"][0]
            target = key["reference"]["resource"] or name
            known = ids[target]
            kind = f"{name}.csv {field}: not an id in {target}.csv"
            for row, line in zip(table.rows, table.lines):
                value = getattr(row, field)
                for item in value if isinstance(value, tuple) else (value,):
                    if item and item not in known:
                        def message(item: str = item, line: int = line) -> str:
                            fuzzy = problems.seen(kind) <= PER_KIND
                            return (f"{table.where(line, field)}: {field} {_excerpt(item, 100)!r} "
                                    f"is not an id in {target}.csv"
                                    f"{hints[target].hint(item, fuzzy)}")
                        problems.append(message, kind)


def _check_rules(tables: dict[str, _Table], problems: Problems) -> None:
    """Rules that span several cells of a row, or several rows. A cell that failed to parse
    holds None (or its text): each rule checks only values of the right type."""
    events = tables["events"]
    for row, line in zip(events.rows, events.lines):
        if isinstance(row.start, date) and isinstance(row.end, date) and row.end < row.start:
            problems.append(f"{events.where(line, 'end')}: end {row.end} is before start "
                            f"{row.start}", "events.csv end: before start")
        if row.host and row.host == row.guest:
            problems.append(f"{events.where(line, 'guest')}: guest is the same as host",
                            "events.csv guest: same as host")
    facts = tables["facts"]
    event_ids = {row.id for row in events.rows if row.id}
    for row, line in zip(facts.rows, facts.lines):
        if row.id in event_ids:
            problems.append(f"{facts.where(line, 'id')}: id {row.id!r} is also an event id "
                            "(kzru show could not tell them apart)", "facts.csv id: event ids")
        for problem in _fact_problems(row):
            field, message = problem
            problems.append(f"{facts.where(line, field)}: {message}", f"facts.csv {field}: rules")
    _check_fact_links(facts, problems)
    _check_same_as(facts, problems)
    _check_draft_references(tables, problems)


def _check_same_as(facts: _Table, problems: Any) -> None:
    """same_as names facts of *other* sources reporting the same thing, and says so on both
    sides; a draft's list is a proposal (kzru add), so only accepted rows must be symmetric."""
    by_id = {row.id: row for row in facts.rows}
    for row, line in zip(facts.rows, facts.lines):
        for other_id in row.same_as:
            other = by_id.get(other_id)
            if other is None:
                continue  # reported by the reference check
            where = facts.where(line, "same_as")
            if other_id == row.id:
                problems.append(f"{where}: same_as names the fact itself",
                                "facts.csv same_as: rules")
            elif other.source == row.source:
                problems.append(f"{where}: same_as {other_id!r} is from the same source "
                                f"{row.source}: same_as joins reports of different sources",
                                "facts.csv same_as: rules")
            elif row.review != "draft" and other.review != "draft" \
                    and row.id not in other.same_as:
                problems.append(f"{where}: same_as {other_id!r} does not name {row.id!r} back "
                                "(same_as goes both ways: add it to that fact's same_as)",
                                "facts.csv same_as: rules")


def _check_draft_references(tables: dict[str, _Table], problems: Any) -> None:
    """An accepted row may not lean on a draft: drafts are hidden from every reader, so the
    accepted row would point at nothing (accept the draft first, or drop the link)."""
    drafts = {name: {row.id for row in tables[name].rows if row.review == "draft"}
              for name in ("sources", "events", "facts")}
    links = {"events": (("sources", "sources"),),
             "facts": (("event", "events"), ("source", "sources"), ("part_of", "facts"),
                       ("follows", "facts"), ("same_as", "facts"))}
    for name, fields in links.items():
        table = tables[name]
        for row, line in zip(table.rows, table.lines):
            if row.review == "draft":
                continue
            for field, target in fields:
                value = getattr(row, field)
                for item in value if isinstance(value, tuple) else (value,):
                    if item in drafts[target]:
                        problems.append(f"{table.where(line, field)}: accepted row {row.id!r} "
                                        f"refers to draft {item!r} in {target}.csv (accept it "
                                        "first, or remove the reference)",
                                        f"{name}.csv {field}: refers to a draft")


def _fact_problems(row: Any) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if row.evidence:
        pieces = row.evidence.split(EVIDENCE_JOINER)
        if len(pieces) > MAX_EVIDENCE_PIECES:
            found.append(("evidence", f"evidence has {len(pieces)} pieces, at most "
                                      f"{MAX_EVIDENCE_PIECES} joined by ' … '"))
        if any(not piece.strip() or re.search(ELLIPSIS, piece) for piece in pieces):
            found.append(("evidence", "evidence pieces must be verbatim excerpts joined by "
                                      "' … ' (space, ellipsis, space), none empty"))
    if row.review != "draft":
        for field in ("summary", "sectors"):
            if getattr(row, field) in ("", ()):  # (None: the cell was refused already)
                found.append((field, f"{field} is required but empty"))  # drafts may
    dated = isinstance(row.date, date)
    if dated and row.date_precision == "month" and row.date.day != 1:
        found.append(("date", f"date {row.date} has precision month: write the first of the "
                              "month"))
    if dated and row.date_precision == "year" and (row.date.month, row.date.day) != (1, 1):
        found.append(("date", f"date {row.date} has precision year: write the first of January"))
    if row.date_basis == "inferred" and not row.date_note:
        found.append(("date_note", "date_note is required when date_basis is inferred (say how)"))
    if (row.value is None) != (row.unit == ""):
        found.append(("unit", "value and unit go together (both filled or both empty)"))
    if row.id and row.part_of == row.id:
        found.append(("part_of", "part_of names the fact itself"))
    if row.id and row.id in (row.follows or ()):
        found.append(("follows", "follows names the fact itself"))
    return found


def _check_fact_links(facts: _Table, problems: Problems) -> None:
    """part_of: same source as the parent, no cycles; follows: earlier facts, no cycles."""
    by_id = {row.id: row for row in facts.rows if row.id}
    for row, line in zip(facts.rows, facts.lines):
        parent = by_id.get(row.part_of) if row.part_of else None
        if parent is not None and parent.source != row.source:
            problems.append(f"{facts.where(line, 'part_of')}: part_of {row.part_of!r} is from "
                            f"source {parent.source}, this fact from {row.source}",
                            "facts.csv part_of: other source")
        for earlier in row.follows or ():
            target = by_id.get(earlier)
            if target is not None and isinstance(target.date, date) and \
                    isinstance(row.date, date) and target.date > row.date:
                problems.append(f"{facts.where(line, 'follows')}: follows {earlier!r}, dated "
                                f"{target.date}, later than this fact ({row.date})",
                                "facts.csv follows: later facts")
    for field in ("part_of", "follows"):
        links = {fact_id: _targets(getattr(row, field)) for fact_id, row in by_id.items()}
        looping = _on_cycles(links)
        for row, line in zip(facts.rows, facts.lines):
            if row.id in looping:
                problems.append(f"{facts.where(line, field)}: {field} of {row.id!r} leads back "
                                "to itself (a cycle)", f"facts.csv {field}: cycles")


def _targets(value: Any) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,) if value else ()


def _on_cycles(links: dict[str, tuple[str, ...]]) -> set[str]:
    """The nodes that lie on a cycle: members of a strongly connected component of more than
    one node, or linking to themselves (Tarjan's algorithm without recursion: linear in nodes
    and links, where walking the links from every node was quadratic on a long chain)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[str] = set()
    for root in links:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(links[root]))]
        while work:
            node, pending = work[-1]
            for target in pending:
                if target not in links:
                    continue
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(links[target])))
                    break
                if target in on_stack:
                    low[node] = min(low[node], order[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == order[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in links[node]:
                        found.update(component)
    return found


_INCIDENTAL = ("description", "title", "example")


def _essential(value: Any) -> Any:
    """A schema without its prose: what a reader of the data depends on."""
    if isinstance(value, dict):
        return {key: _essential(item) for key, item in value.items() if key not in _INCIDENTAL}
    if isinstance(value, list):
        return [_essential(item) for item in value]
    return value


def _check_package(folder: Path, schema: dict[str, Any], problems: Problems) -> None:
    """The folder's own datapackage.json must describe the tables as kzru's schema does:
    exactly kzru's five tables, each once, each by its bare file name. Tools (and older
    kzru exports) act on every resource a package lists, so a package naming another file
    ('../.bashrc', '.git/hooks/pre-commit') or a table twice is refused, not just ignored."""
    path = folder / "datapackage.json"
    mine = bundled_data_dir() / "datapackage.json"
    try:
        if os.path.samefile(path, mine):
            return  # the bundled folder: its package is kzru's schema itself
    except OSError:
        pass
    try:
        package = json.loads(read_limited(path, PACKAGE_LIMIT).decode("utf-8-sig"))
    except FileNotFoundError:
        problems.append(f"{path}: file not found (every data folder needs one; copy kzru's "
                        "own and keep its schemas)")
        return
    except OSError as error:
        problems.append(f"{path}: cannot be read: {error.strerror}")
        return
    except UnicodeDecodeError as error:
        problems.append(f"{path}: not valid UTF-8 (byte {error.start})")
        return
    except json.JSONDecodeError as error:
        problems.append(f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}")
        return
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        problems.append(f"{path}: no list of resources")
        return
    declared: dict[Any, Any] = {}
    for position, item in enumerate(resources, 1):
        name = item.get("name") if isinstance(item, dict) else None
        if name not in TABLES:
            shown = repr(_excerpt(name)) if isinstance(name, str) else "without a name"
            problems.append(f"{path}: resource {position} ({shown}) is not one of kzru's "
                            f"tables ({', '.join(TABLES)}); a kzru package lists those only",
                            "datapackage.json: other resources")
        elif name in declared:
            problems.append(f"{path}: resource {name!r} is listed more than once (resource "
                            f"{position}); each table is listed once",
                            "datapackage.json: tables listed twice")
        else:
            declared[name] = item
    for name in TABLES:
        resource = declared.get(name)
        if resource is None:
            problems.append(f"{path}: no resource named {name!r}")
        elif resource.get("path") != f"{name}.csv" or "data" in resource:
            where = resource.get("path")
            shown = repr(_excerpt(where)) if isinstance(where, str) else \
                "inline data" if "data" in resource else "no file name"
            problems.append(f"{path}: resource {name!r} has path {shown}, expected the bare "
                            f"file name {name}.csv")
        elif _essential(resource.get("schema")) != _essential(schema[name]["schema"]):
            problems.append(f"{path}: the schema of {name!r} differs from kzru's "
                            f"({_first_difference(resource.get('schema'), schema[name])})")


def _first_difference(theirs: Any, ours: dict[str, Any]) -> str:
    mine = _essential(ours["schema"])
    other = _essential(theirs) if isinstance(theirs, dict) else {}
    fields = other.get("fields") if isinstance(other.get("fields"), list) else []
    for position, field in enumerate(mine["fields"]):
        found = fields[position] if position < len(fields) else None
        if found != field:
            return f"field {position + 1} should be {field['name']!r} of type {field['type']}" \
                if not isinstance(found, dict) or found.get("name") != field["name"] \
                else f"field {field['name']!r} has other type or constraints"
    if len(fields) != len(mine["fields"]):
        return f"{len(fields)} fields, expected {len(mine['fields'])}"
    return "keys or other settings"


def load(folder: Path, all_problems: bool = False) -> Dataset:
    """Read and validate every table; raise DataError listing the problems found (the first
    few of each kind, every one with ``all_problems``). Every row is returned, drafts (review
    = draft) included: readers admit rows through the store (db.Store, Index.admit)."""
    schema = load_schema()
    problems = Problems(keep_all=all_problems)
    _check_package(folder, schema, problems)
    tables = {
        name: _read_table(name, folder / f"{name}.csv", schema[name], problems) for name in TABLES
    }
    if all(table.columns for table in tables.values()):
        _check_references(tables, schema, problems)
        _check_rules(tables, problems)
    if problems:
        raise problems.error()
    records = {
        name: {row.id: row for row in table.rows}
        for name, table in tables.items()
    }
    dataset = Dataset(folder=str(folder), **records)
    dataset.fact_lines = dict(zip((row.id for row in tables["facts"].rows),
                                  tables["facts"].lines))
    return dataset


def verify_evidence(dataset: Dataset, sources_dir: Path) -> list[str]:
    """Check that every piece of each evidence excerpt is a verbatim substring of its article."""
    if not sources_dir.is_dir():
        raise KzruError(f"sources folder not found: {sources_dir}")
    facts_path = Path(dataset.folder) / "facts.csv"
    column = list(Fact._fields).index("evidence") + 1
    texts: dict[str, str | None] = {}
    problems: list[str] = []
    for source in dataset.sources.values():
        path = sources_dir / source.file
        try:
            texts[source.id] = read_limited(path, ARTICLE_LIMIT).decode("utf-8")
        except OSError as error:
            texts[source.id] = None
            problems.append(f"{path}: cannot read article for source {source.id}: "
                            f"{error.strerror}")
        except UnicodeDecodeError as error:
            texts[source.id] = None
            problems.append(f"{path}: article for source {source.id} is not valid UTF-8 "
                            f"(byte {error.start})")
    for fact in dataset.facts.values():
        article = texts.get(fact.source)
        if article is None:
            continue
        for number, piece in enumerate(fact.evidence_pieces, 1):
            if piece not in article:
                line = dataset.fact_lines.get(fact.id, 0)
                which = f"piece {number} of the evidence" if len(fact.evidence_pieces) > 1 \
                    else "evidence"
                problems.append(f"{facts_path}:{line}:{column}: {which} of {fact.id} is not "
                                f"found verbatim in {dataset.sources[fact.source].file}")
    return problems
