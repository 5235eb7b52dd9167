"""Reading one table (kzru.validate), one rule at a time: each cell against its column's rule
in the bundled schema (whitespace, hidden characters, length, dates, numbers kept digit for
digit, lists, formulas, enums, patterns, web addresses), the header, the file itself, the rows'
shape and uniqueness, and the rules across one row's cells. Messages are checked whole: they are
what a curator reads, placed at file:line:column. Expected values come from the rule and the
rows written here.
"""

from __future__ import annotations

import errno
import io
import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import load_problems as problems
from conftest import read_table, write_table

from kzru import cells, validate
from kzru.errors import DataError
from kzru.store import bundled_data_dir, load

SCHEMA = {resource["name"]: resource for resource in json.loads(
    (bundled_data_dir() / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
LOADED = load(bundled_data_dir())
FACT = next(f for f in LOADED.facts.values() if f.value is None and not f.part_of)
EVENT = next(iter(LOADED.events.values()))


def column(table: str, field: str) -> cells.ColumnRules:
    spec = next(f for f in SCHEMA[table]["schema"]["fields"] if f["name"] == field)
    return cells.ColumnRules(spec)


NOT_PLAIN = ("is not a number written plainly (digits 0-9, optional '-' and '.'; no leading "
             "zero, no trailing zero after '.', no -0)")

# --- one cell -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("table", "field", "raw", "expected"), [
    ("facts", "summary", " padded", "has leading or trailing whitespace"),
    ("facts", "summary", "padded ", "has leading or trailing whitespace"),
    ("facts", "summary", "a\u0007b", "contains a control character (tab, newline or similar)"),
    ("facts", "summary", "a\u200bb", "contains U+200B, an invisible or direction-changing "
     "character (it can make a row display as something else; no article needs one)"),
    ("facts", "summary", "a\u202eb", "contains U+202E, an invisible or direction-changing "
     "character (it can make a row display as something else; no article needs one)"),
    ("facts", "evidence", "я" * 201, "is 201 characters long, at most 200 allowed"),
    ("facts", "date", "2024-1-01", "'2024-1-01' is not an ISO date (YYYY-MM-DD)"),
    ("facts", "date", "2023-02-29", "'2023-02-29' is not a date that exists"),
    ("facts", "date", "01.02.2024", "'01.02.2024' is not an ISO date (YYYY-MM-DD)"),
    ("facts", "value", "1,5", f"'1,5' {NOT_PLAIN}"),
    ("facts", "value", "1.", f"'1.' {NOT_PLAIN}"),
    # digits of other scripts: Python reads them, no other tool reading the CSV does
    ("facts", "value", "\uff12\uff18", f"'\uff12\uff18' {NOT_PLAIN}"),
    ("facts", "value", "\u0663", f"'\u0663' {NOT_PLAIN}"),
    ("facts", "date", "\uff12024-01-01", "'\uff12024-01-01' is not an ISO date (YYYY-MM-DD)"),
    # one way to write each number, so JSON, --format csv and export say the same digits
    ("facts", "value", "024000000000", f"'024000000000' {NOT_PLAIN}"),
    ("facts", "value", "-0", f"'-0' {NOT_PLAIN}"),
    ("facts", "value", "2.50", f"'2.50' {NOT_PLAIN}"),
    ("facts", "value", "0.0", f"'0.0' {NOT_PLAIN}"),
    ("facts", "value", "1" * 41, "has 41 digits, at most 40 allowed"),
    ("facts", "value", "1" * 20 + "." + "1" * 21, "has 41 digits, at most 40 allowed"),
    ("facts", "sectors", "energy; ; culture", "list 'energy; ; culture' has an empty or padded "
     "item (separate items with '; ')"),
    ("facts", "sectors", "energy;  culture", "list 'energy;  culture' has an empty or padded "
     "item (separate items with '; ')"),
    ("facts", "summary", "=SUM(A1)", "'=SUM(A1)' starts with '=', which a spreadsheet runs as a "
     "formula (no article sentence starts so; reword it)"),
    ("facts", "summary", "+7 700", "'+7 700' starts with '+', which a spreadsheet runs as a "
     "formula (no article sentence starts so; reword it)"),
    ("facts", "summary", "-1", "'-1' starts with '-', which a spreadsheet runs as a formula "
     "(no article sentence starts so; reword it)"),
    ("facts", "summary", "@cmd", "'@cmd' starts with '@', which a spreadsheet runs as a formula "
     "(no article sentence starts so; reword it)"),
    ("facts", "names", "Astana; =HYPERLINK(1)", "'=HYPERLINK(1)' starts with '=', which a "
     "spreadsheet runs as a formula (no article sentence starts so; reword it)"),
    ("facts", "status", "maybe", "'maybe' is not one of: signed, agreed, done, ongoing, "
     "planned, expected, proposed, reported"),
    ("facts", "id", "Bad_Id", "'Bad_Id' does not match the pattern ^[a-z0-9]+(-[a-z0-9]+)*$"),
    ("facts", "part_of", "a001-", "'a001-' does not match the pattern "
     "^[a-z0-9]+(-[a-z0-9]+)*$"),
    ("sources", "url", "javascript:alert(1)", "'javascript:alert(1)' is not a web address "
     "(http:// or https://): data names its sources, it never carries other links"),
    ("sources", "url", "https://", "'https://' is not a web address (http:// or https://): "
     "data names its sources, it never carries other links"),
    ("sources", "url", "https://user@host/", "'https://user@host/' is not a web address "
     "(http:// or https://): data names its sources, it never carries other links"),
])
def test_a_cell_that_breaks_its_columns_rule_says_how(table: str, field: str, raw: str,
                                                      expected: str) -> None:
    found = column(table, field).value(raw, clean=False)
    assert found[1] == expected


@pytest.mark.parametrize(("table", "field", "raw", "value"), [
    ("facts", "date", "2024-02-29", date(2024, 2, 29)),
    ("facts", "value", "-12", -12),
    ("facts", "value", "2.5", 2.5),
    ("facts", "value", "0", 0),
    ("facts", "value", "-0.5", -0.5),
    ("facts", "value", "10.05", 10.05),
    ("facts", "value", "0.000000000000001", 1e-15),
    ("facts", "value", "1" * 40, int("1" * 40)),
    ("facts", "value", "12345678901234.56", Decimal("12345678901234.56")),
    ("facts", "value", "-1234567890.123456", Decimal("-1234567890.123456")),
    ("facts", "evidence", "я" * 200, "я" * 200),
    ("facts", "sectors", "energy; culture", ("energy", "culture")),
    ("facts", "summary", "7 700 tonnes; not a formula", "7 700 tonnes; not a formula"),
    ("facts", "summary", "a\u00a0b", "a\u00a0b"),  # a no-break space is no hidden character
    ("sources", "url", "https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
    ("sources", "url", "HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
])
def test_a_cell_that_keeps_its_rule_is_its_value(table: str, field: str, raw: str,
                                                 value: object) -> None:
    found = column(table, field).value(raw, clean=False)
    assert found == (value, None) and type(found[0]) is type(value)


def test_numbers_keep_every_digit() -> None:
    # an int when whole, a float while 15 significant digits survive it, else a Decimal
    assert cells.exact_number("123456789012345.0") == 123456789012345.0
    assert isinstance(cells.exact_number("12345678901234.5"), float)
    assert isinstance(cells.exact_number("1234567890123456.0"), Decimal)
    assert isinstance(cells.exact_number("-0.00123456789012345"), float)
    assert isinstance(cells.exact_number("-0.001234567890123456"), Decimal)
    assert str(cells.exact_number("0.1000000000000000001")) == "0.1000000000000000001"


@pytest.mark.parametrize(("table", "field", "empty"), [
    ("facts", "id", (None, "is required but empty")),
    ("facts", "sectors", ((), None)),
    ("facts", "value", (None, None)),
    ("facts", "summary", ("", None)),
])
def test_an_empty_cell_is_its_columns_empty_value(table: str, field: str,
                                                  empty: tuple) -> None:
    assert column(table, field).value("", clean=True) == empty


def test_the_printable_invisible_characters_are_those_isprintable_lets_through() -> None:
    # worked out over every code point: invisible by the pattern, yet printable
    every = (chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    expected = {char for char in every if cells._INVISIBLE.fullmatch(char)
                and char.isprintable()}
    found = cells._printable_invisible()
    assert set(found) == expected and len(found) == len(expected)
    assert {"\u3164", "\u034f"} <= expected


def test_a_clean_row_skips_the_hidden_character_search_of_each_cell() -> None:
    # the row was found clean as a whole: each cell is not searched again
    assert column("facts", "summary").value("ab", clean=True) == ("ab", None)
    assert cells.is_clean("ab\u00a0c\u202fd")
    assert not cells.is_clean("ab\u200bc")
    assert not cells.is_clean("a\tb")
    assert not cells.is_clean("a\u3164b")  # a Hangul filler, which isprintable() passes
    assert not cells.is_clean("a\u034fb")  # the combining grapheme joiner, likewise


def test_values_found_valid_are_remembered_and_free_text_stops_that() -> None:
    status = column("facts", "status")
    status.value("signed", clean=True)
    status.value("maybe", clean=True)
    assert status.memo == {"signed": "signed"}
    summary = column("facts", "summary")
    summary.value("x" * cells.SHARED_MAX, clean=True)
    summary.value("y" * (cells.SHARED_MAX + 1), clean=True)
    assert list(summary.memo) == ["x" * cells.SHARED_MAX]
    assert column("facts", "id").memo is None  # unique values never repeat
    for n in range(cells.MEMO_TRIAL * 3 // 4 - 1):  # with the one above: three in four
        summary.value(f"text {n}", clean=True)
    summary.after_trial()
    assert summary.memo is not None  # three in four new is still worth it
    summary.value("one more", clean=True)
    summary.after_trial()
    assert summary.memo is None


def test_an_excerpt_is_cut_with_an_ellipsis() -> None:
    assert cells.excerpt("x" * 40) == "x" * 40
    assert cells.excerpt("x" * 41) == "x" * 39 + "…"
    assert cells.excerpt("abcdef", 4) == "abc…"


# --- the header -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "expected"), [
    (["a", "b", "a", "b", "a"], "column 'a' appears 3 times, column 'b' appears 2 times"),
    (["a", "c"], "missing b"),
    (["a", "b", "c", "d"], "unknown d"),
    (["b", "a", "c"], "columns out of order"),
    (["a", "x"], "missing b, c; unknown x"),
    (["a", "b", "c", *"defghij"], "unknown d, e, f, g, h and 2 more"),
    (["a", "b", "c", *"defgh"], "unknown d, e, f, g, h"),  # five fit: never "and 0 more"
    (["a", "b", "c", "y" * 50], f"unknown {'y' * 39}…"),
])
def test_a_header_problem_names_a_few_columns(header: list[str], expected: str) -> None:
    assert validate._header_problem(header, ["a", "b", "c"]) == expected


def test_an_address_that_is_no_web_address_is_refused_when_a_table_is_read(data_copy: Path
                                                                         ) -> None:
    """The loader reads most text cells without a call (free text that is clean); a url
    cell is never free text: an address a reader could be made to run is refused in the
    table as in one cell, placed at its file, line and column, then its column's name (the
    message "{where}: {column} {problem}")."""
    sources = read_table(data_copy, "sources")
    header = list(sources[0])
    write_table(data_copy, "sources", [*sources[:-1], {**sources[-1],
                                                       "url": "javascript:alert(1)"}])
    assert problems(data_copy) == [
        f"{data_copy / 'sources.csv'}:{len(sources) + 1}:{header.index('url') + 1}: "
        "url 'javascript:alert(1)' is not a web address (http:// or https://): data names its "
        "sources, it never carries other links"]


def added_fact(folder: Path, **cells: str) -> tuple[Path, int, list[str]]:
    """A fact appended to a data folder copy (the bundled FACT with ``cells`` changed): the
    file, its line and the header."""
    rows = read_table(folder, "facts")
    base = next(row for row in rows if row["id"] == FACT.id)
    write_table(folder, "facts", [*rows, {**base, **cells}])
    return folder / "facts.csv", len(rows) + 2, list(rows[0])


def test_an_id_against_its_pattern_and_evidence_past_its_length_are_refused_in_a_table(
        data_copy: Path) -> None:
    """Text columns with a pattern or a length are checked when a whole table is read, not
    only cell by cell: a clean row's text is read without a call only where its column has
    no rule beyond being text, and only within the column's length."""
    path, line, header = added_fact(data_copy, id="Bad_Id", evidence="я" * 201)
    assert problems(data_copy) == [
        f"{path}:{line}:{header.index('id') + 1}: id 'Bad_Id' does not match the pattern "
        "^[a-z0-9]+(-[a-z0-9]+)*$",
        f"{path}:{line}:{header.index('evidence') + 1}: evidence is 201 characters long, at "
        "most 200 allowed"]


def test_a_semicolon_in_plain_text_separates_nothing(data_copy: Path) -> None:
    """'; ' separates the items of a list column only: in a text column it is part of the
    text, whatever follows it (even a character a formula starts with), also in a row whose
    other cell has a problem (where every cell is read with its rules)."""
    path, line, header = added_fact(data_copy, id="semicolon-fact",
                                    summary="Trade grew; +5 % a year;  then less",
                                    text="a\u0007b")
    assert problems(data_copy) == [
        f"{path}:{line}:{header.index('text') + 1}: text contains a control character (tab, "
        "newline or similar)"]


def test_a_wrong_header_is_placed_on_line_one_with_the_expected_columns(data_copy: Path
                                                                         ) -> None:
    path = data_copy / "sectors.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("name,id,name_ru,aliases\n" + "".join(lines[1:]), encoding="utf-8")
    assert problems(data_copy) == [f"{path}:1: header does not match the schema (columns out "
                                   "of order); expected: id,name,name_ru,aliases"]


# --- the file -----------------------------------------------------------------------------------

def test_a_missing_or_empty_table_is_named(data_copy: Path) -> None:
    (data_copy / "glossary.csv").unlink()
    (data_copy / "sectors.csv").write_text("", encoding="utf-8")
    assert problems(data_copy) == [
        f"{data_copy / 'sectors.csv'}:1: file is empty, a header row is required",
        f"{data_copy / 'glossary.csv'}: file not found (every data folder needs glossary.csv)"]


def test_a_table_that_cannot_be_opened_says_why(data_copy: Path) -> None:
    path = data_copy / "glossary.csv"
    path.unlink()
    path.symlink_to(path.name)  # a link to itself: opening it fails (ELOOP)
    assert problems(data_copy) == [f"{path}: cannot be read: Too many levels of symbolic "
                                   "links"]


def test_a_table_whose_reading_fails_after_it_opened_says_why(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fails in the middle of a table (an input/output error on reading, after the
    file opened; a permission error cannot be made for root) is named with the system's
    reason, as a table that cannot be opened is."""
    path = data_copy / "glossary.csv"
    opening = validate.open_regular

    class Failing(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: object) -> int:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    def open_regular(target: Path, *args: object, **kwargs: object) -> io.BufferedReader:
        opened = opening(target, *args, **kwargs)
        if Path(target) != path:
            return opened
        opened.close()
        return io.BufferedReader(Failing())

    monkeypatch.setattr(validate, "open_regular", open_regular)
    assert problems(data_copy) == [f"{path}: cannot be read: Input/output error"]


def test_a_byte_order_mark_is_no_part_of_the_header(data_copy: Path) -> None:
    path = data_copy / "sectors.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems(data_copy) == []


def test_bytes_that_are_no_utf8_are_placed(data_copy: Path) -> None:
    path = data_copy / "sectors.csv"
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b",", b"\xff,", 1)
    path.write_bytes(b"\n".join(lines))
    found = problems(data_copy)
    assert len(found) == 1 and found[0].startswith(f"{path}:3:")
    assert found[0].endswith(": not valid UTF-8")


def test_malformed_csv_is_placed_at_its_record(data_copy: Path) -> None:
    path = data_copy / "glossary.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3] + ',"x"y'  # text after a field's closing quote
    path.write_text("\n".join(lines), encoding="utf-8")
    found = problems(data_copy)
    assert len(found) == 1 and found[0].startswith(f"{path}:4")
    assert "malformed CSV: " in found[0]


def test_a_quote_never_closed_is_placed_where_it_opens(data_copy: Path) -> None:
    path = data_copy / "glossary.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    width = len(lines[-1])
    lines[-1] += ',"open'  # on the last line: nothing after it closes the quote
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(data_copy)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:{len(lines)}:{width + 2} (quote never closed): "
                               "malformed CSV: ")


# --- rows -----------------------------------------------------------------------------------------

def test_rows_of_the_wrong_shape_and_empty_lines_are_placed(data_copy: Path) -> None:
    path = data_copy / "sectors.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], lines[1], "", "short,row", *lines[2:]]) + "\n",
                    encoding="utf-8")
    assert problems(data_copy) == [
        f"{path}:3: empty line inside the table",
        f"{path}:4: row has 2 fields, the header has 4 (truncated row or stray comma?)"]


def test_a_record_over_several_lines_is_placed_where_it_starts(data_copy: Path) -> None:
    rows = read_table(data_copy, "sectors")
    rows[0]["aliases"] = "one\ntwo"  # a newline inside a quoted cell
    rows[1]["aliases"] = "\u200b"
    write_table(data_copy, "sectors", rows)
    header = list(rows[0])
    col = header.index("aliases") + 1
    path = data_copy / "sectors.csv"
    found = problems(data_copy)
    assert found == [
        f"{path}:2:{col}: aliases contains a control character (tab, newline or similar)",
        f"{path}:4:{col}: aliases contains U+200B, an invisible or direction-changing "
        "character (it can make a row display as something else; no article needs one)"]


def test_a_duplicate_names_the_line_first_used(data_copy: Path) -> None:
    rows = read_table(data_copy, "sectors")
    write_table(data_copy, "sectors", [*rows, {**rows[1], "name": "Other", "name_ru": "Другой"}])
    col = list(rows[0]).index("id") + 1
    assert problems(data_copy) == [
        f"{data_copy / 'sectors.csv'}:{len(rows) + 2}:{col}: duplicate id {rows[1]['id']!r}, "
        "first used on line 3"]


def test_a_long_duplicate_is_echoed_cut_to_a_hundred_characters(data_copy: Path) -> None:
    # a message never echoes a whole bad cell: 99 characters and an ellipsis
    rows = read_table(data_copy, "sectors")
    name = "Cooperation on " + "very " * 30 + "long names"
    write_table(data_copy, "sectors", [
        *rows, {**rows[0], "id": "long-one", "name": name, "name_ru": "Первый", "aliases": ""},
        {**rows[0], "id": "long-two", "name": name, "name_ru": "Второй", "aliases": ""}])
    col = list(rows[0]).index("name") + 1
    shown = "Cooperation on " + "very " * 16 + "very…"
    assert len(shown) == 100
    assert problems(data_copy) == [
        f"{data_copy / 'sectors.csv'}:{len(rows) + 3}:{col}: duplicate name {shown!r}, "
        f"first used on line {len(rows) + 2}"]


# --- one row's cells together ---------------------------------------------------------------------

def rules(**changes: object) -> list[tuple[str, str, str]]:
    return validate._fact_rules(FACT._replace(**changes))


def test_a_valid_fact_breaks_no_rule() -> None:
    assert rules() == []


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"evidence": "a … b … c … d"}, "evidence",
     "evidence has 4 pieces, at most 3 joined by ' … '"),
    ({"evidence": "a …  … b"}, "evidence", "evidence pieces must be verbatim excerpts joined "
     "by ' … ' (space, ellipsis, space), none empty"),
    ({"evidence": "a... b"}, "evidence", "evidence pieces must be verbatim excerpts joined "
     "by ' … ' (space, ellipsis, space), none empty"),
    ({"evidence": "a…b"}, "evidence", "evidence pieces must be verbatim excerpts joined "
     "by ' … ' (space, ellipsis, space), none empty"),
    ({"summary": ""}, "summary", "summary is required but empty"),
    ({"sectors": ()}, "sectors", "sectors is required but empty"),
    ({"date": date(2024, 5, 7), "date_precision": "month"}, "date",
     "date 2024-05-07 has precision month: write the first of the month"),
    ({"date": date(2024, 5, 1), "date_precision": "year"}, "date",
     "date 2024-05-01 has precision year: write the first of January"),
    ({"date": date(2024, 1, 2), "date_precision": "year"}, "date",
     "date 2024-01-02 has precision year: write the first of January"),
    ({"date_basis": "inferred", "date_note": ""}, "date_note",
     "date_note is required when date_basis is inferred (say how)"),
    ({"value": 5, "unit": ""}, "unit", "value and unit go together (both filled or both empty)"),
    ({"value": None, "unit": "tonnes"}, "unit",
     "value and unit go together (both filled or both empty)"),
    ({"part_of": FACT.id}, "part_of", "part_of names the fact itself"),
    ({"follows": ("other", FACT.id)}, "follows", "follows names the fact itself"),
])
def test_a_fact_breaking_one_rule_is_told_which(changes: dict, field: str,
                                                message: str) -> None:
    assert rules(**changes) == [(field, message, f"facts.csv {field}: rules")]


@pytest.mark.parametrize("changes", [
    {"summary": "", "review": "draft"},            # drafts may leave the summary out
    {"sectors": (), "review": "draft"},
    {"summary": None},                             # refused already as a cell
    {"sectors": None},
    {"date": date(2024, 5, 1), "date_precision": "month"},
    {"date": date(2024, 1, 1), "date_precision": "year"},
    {"date": None, "date_precision": "year"},
    {"date_basis": "inferred", "date_note": "from the dateline"},
    {"value": 5, "unit": "tonnes"},
    {"evidence": "a … b … c"},
    {"evidence": ""},
    {"id": "", "part_of": ""},
    {"follows": ()},
])
def test_a_fact_keeping_the_rules_is_told_nothing(changes: dict) -> None:
    assert rules(**changes) == []


def test_an_event_ends_no_earlier_than_it_starts_and_has_two_sides() -> None:
    assert validate._event_rules(EVENT) == []
    start = date(2025, 5, 2)
    assert validate._event_rules(EVENT._replace(start=start, end=date(2025, 5, 1))) == [
        ("end", "end 2025-05-01 is before start 2025-05-02", "events.csv end: before start")]
    assert validate._event_rules(EVENT._replace(start=start, end=start)) == []
    same = EVENT._replace(host="kz", guest="kz")
    assert validate._event_rules(same) == [
        ("guest", "guest is the same as host", "events.csv guest: same as host")]
    assert validate._event_rules(EVENT._replace(host=None, guest=None)) == []


# --- many problems of one kind --------------------------------------------------------------------

def test_each_kind_of_problem_is_shown_a_few_times_then_counted(data_copy: Path) -> None:
    """Past PER_KIND problems of one kind (a rule broken in a column), the report shows the
    first PER_KIND and a line naming the kind and how many more."""
    from conftest import add_facts

    from kzru.errors import PER_KIND

    many = PER_KIND + 1
    glossary = read_table(data_copy, "glossary")
    write_table(data_copy, "glossary", [*glossary, *([glossary[0]] * many)])
    template = next(row["id"] for row in read_table(data_copy, "facts") if not row["part_of"])
    add_facts(data_copy, *({"id": f"bad-status-{n}", "status": "maybe"} for n in range(many)),
              *({"id": f"no-unit-{n}", "value": "5", "unit": ""} for n in range(many)),
              template=template)
    with pytest.raises(DataError) as raised:
        load(data_copy)
    report = list(raised.value.problems)
    counted = [line for line in report if line.startswith("… and ")]
    assert counted == [
        f"… and 1 more of this kind ({kind}); kzru check --all-problems lists every one"
        for kind in ("facts.csv status: invalid cells", "facts.csv unit: rules",
                     "glossary.csv id: duplicates")]
    assert len(report) == 3 * PER_KIND + len(counted)
