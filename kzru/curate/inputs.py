"""Where a problem in a row that add drafted, or that review edited, really comes from.

``kzru add`` and ``kzru review`` check the tables they are about to write the way ``kzru
check`` would, in a scratch copy; the loader then reports a problem at a line of that copy.
For a row the user's file does not hold yet (a new source, a draft, a proposed event) such a
line names nothing the user can open, and for a value given on the command line the fix is
another option, not an edit of a CSV file. So each such problem is said again at its input:
the option (``--title``), the article's line and column (its headline, its dateline), the
page it came from (its site name, its canonical link), or the value a review set; a row that
is in the user's file is named at its line there.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Callable, Mapping, NamedTuple

from kzru.labels import Said

EDITED = ("sources", "events", "facts")


class Input(NamedTuple):
    """Where a value came from, what it is, and how to give another."""

    where: str
    what: object
    fix: object


# (table, row id, column or None) -> the value's input, or None for a row of the user's file
Locate = Callable[[str, str, "str | None"], "Input | None"]


class Rows(NamedTuple):
    header: list[str]
    ids: dict[int, str]  # the line a row starts on -> its id


def start_lines(payload: bytes) -> Rows:
    """A table's header and the line each row starts on, counted as the loader counts them."""
    reader = csv.reader(io.StringIO(payload.decode("utf-8-sig", "replace"), newline=""))
    header = next(reader, [])
    key = header.index("id") if "id" in header else 0
    ids: dict[int, str] = {}
    line = reader.line_num + 1
    for cells in reader:
        following = reader.line_num + 1
        if len(cells) > key:
            ids[line] = cells[key]
        line = following
    return Rows(header, ids)


_WHERE = re.compile(r"(?P<folder>.*)/(?P<table>sources|events|facts)\.csv:(?P<line>\d+)"
                    r"(?::(?P<column>\d+))?")


def relocate(problem: object, place: Path, written: Mapping[str, Rows],
             theirs: Mapping[str, Rows], locate: Locate) -> object:
    """``problem`` (found in the scratch copy ``place``) said at its input, or at the row's
    line in the user's own file; as it is when it is about neither."""
    where = problem.fields.get("where") if isinstance(problem, Said) else None
    found = _WHERE.fullmatch(where) if isinstance(where, str) else None
    if found is None or Path(found["folder"]) != place or found["table"] not in written:
        return problem
    table = found["table"]
    rows = written[table]
    row_id = rows.ids.get(int(found["line"]))
    if row_id is None:
        return problem
    number = int(found["column"]) if found["column"] else None
    column = rows.header[number - 1] if number and number <= len(rows.header) else None
    given = locate(table, row_id, column)
    if given is None:
        line = next((at for at, other in theirs.get(table, Rows([], {})).ids.items()
                     if other == row_id), None)
        if line is None:
            return problem
        said = f"{found['folder']}/{table}.csv:{line}" + (f":{number}" if number else "")
        return Said(problem.key, **{**problem.fields, "where": said})
    if problem.key == "data.cell":
        inner = problem.fields.get("problem")
        if isinstance(inner, Said) and inner.key == "data.formula":  # not "reword it"
            inner = Said("data.formula_input", **inner.fields)
        return Said("data.input", where=given.where, what=given.what, problem=inner,
                    fix=given.fix)
    if problem.key == "data.at":
        return Said("data.input", where=given.where, what=given.what,
                    problem=problem.fields.get("message", ""), fix=given.fix)
    return Said(problem.key, **{**problem.fields, "where": f"{given.where} ({given.what})"})


# How each of a source's columns was found: the published_* and url_note columns follow
# the value they describe.
_FOLLOWS = {"published_precision": "published", "published_basis": "published",
            "published_note": "published", "url_note": "url"}
# The option that gives each of a source's values (kzru add --title …), for read.py to mark
# a value given so and for a problem in one to name it.
OPTIONS = {"title": "--title", "publisher": "--publisher", "url": "--url",
           "published": "--published"}


def at(path: object, text: str, offset: int) -> str:
    """FILE:LINE:COL of a character of a text file (lines and columns from 1)."""
    line = text.count("\n", 0, offset) + 1
    return f"{path}:{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def source_input(origins: Mapping[str, tuple[str, str]], path: str, column: str | None
                 ) -> Input:
    """Where the source row's ``column`` came from (read.Article.origins)."""
    field = _FOLLOWS.get(column or "", column or "")
    how, where = origins.get(field, ("", path))
    if how == "option":
        return Input(where, Said("input.option", column=column), Said("fix.another",
                                                                      option=where))
    if how == "file_name":
        return Input(where, Said("input.file_name"), Said("fix.rename"))
    if how:
        option = OPTIONS.get(field, "")
        return Input(where, Said(f"input.{how}", column=column),
                     Said("fix.option", column=field, option=option) if option
                     else Said("fix.report"))
    return Input(path, Said("input.source_row", column=column or "?"), Said("fix.report"))


def sentence_input(path: str, text_file: bool, text: str, start: int, fact_id: str,
                   column: str | None) -> Input:
    """A draft's problem at the sentence it was drafted from: FILE:LINE:COL for a text
    file (the text kzru read is the file's), the page and the sentence's opening else."""
    if text_file and 0 <= start <= len(text):
        return Input(at(path, text, start), Said("input.draft", id=fact_id, column=column or "?"),
                     Said("fix.sentence"))
    opening = text[start:start + 40] if 0 <= start < len(text) else ""
    return Input(path, Said("input.draft_page", id=fact_id, column=column or "?",
                            opening=opening), Said("fix.sentence"))


def event_input(path: str, event_id: str, column: str | None) -> Input:
    return Input(path, Said("input.event", id=event_id, column=column or "?"),
                 Said("fix.sentence"))


def edit_input(by_option: bool, fact_id: str, column: str) -> Input:
    """A value a review set: ``--set FIELD=…`` for a script, the reviewer's edit else."""
    if by_option:
        return Input(f"--set {column}", Said("input.set", id=fact_id, column=column),
                     Said("fix.set"))
    return Input(fact_id, Said("input.edit", column=column), Said("fix.edit"))
