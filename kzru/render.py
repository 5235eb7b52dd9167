"""Turn rows into output: rich tables for a person, JSON/JSONL/CSV/TSV/Markdown for a pipe.

Machine formats take plain dicts whose keys are the output contract. Tables take the same
dicts plus a list of columns to show. rich is imported only when a table is drawn.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from datetime import date
from typing import Any, Iterable, NamedTuple, TextIO

from kzru.model import Event, Fact, Source
from kzru.text import CONTROL_CHARACTERS, WORD, normalize, skeleton, translit_key

FACT_KEYS = ("id", "date", "event", "kind", "sectors", "status", "speaker", "summary", "text",
             "evidence", "source")
CONTROL = re.compile(CONTROL_CHARACTERS)


def fact_row(fact: Fact) -> dict[str, Any]:
    return {key: getattr(fact, key) for key in FACT_KEYS}


def event_row(event: Event, lang: str, facts: int) -> dict[str, Any]:
    return {
        "id": event.id, "kind": event.kind, "title": event.title(lang), "start": event.start,
        "end": event.end, "date_precision": event.date_precision, "date_basis": event.date_basis,
        "host": event.host, "guest": event.guest, "places": event.places,
        "sources": event.sources, "facts": facts,
    }


def source_row(source: Source, facts: int) -> dict[str, Any]:
    return {"id": source.id, "file": source.file, "publisher": source.publisher,
            "title": source.title, "published": source.published, "facts": facts}


def record_dict(record: Any) -> dict[str, Any]:
    """Every field of a record, for ``show``."""
    return dict(record._asdict())


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


def write_machine(rows: list[dict[str, Any]], fmt: str, out: TextIO,
                  keys: Iterable[str] | None = None) -> None:
    keys = list(keys if keys is not None else (rows[0] if rows else []))
    rows = [{key: row.get(key) for key in keys} for row in rows]
    if fmt == "json":
        json.dump([_plain(row) for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(_one_line(json.dumps(_plain(row), ensure_ascii=False)) + "\n")
    elif fmt == "csv":
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


_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _one_line(encoded: str) -> str:
    """Escape the characters some readers treat as line ends, so JSONL stays one line a row."""
    for char, escaped in _LINE_BREAKS.items():
        encoded = encoded.replace(char, escaped)
    return encoded


def _tsv_cell(text: str) -> str:
    return re.sub(r"[\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+", " ", text)


def _md_cell(text: str) -> str:
    return _tsv_cell(text).replace("\\", "\\\\").replace("|", "\\|")


def printable(text: str) -> str:
    """Show control characters as escapes so data can never drive the terminal."""
    return CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class Column(NamedTuple):
    key: str
    header: str
    ratio: int | None = None
    no_wrap: bool = False
    justify: str = "left"
    highlight: bool = False
    footnote: str | None = None
    stack: bool = False


class TableWriter:
    """Draw rich tables on ``out``; plain aligned text with no box when it is not a terminal."""

    def __init__(self, out: TextIO, color: bool) -> None:
        from rich.console import Console

        self.terminal = out.isatty()
        self.console = Console(
            file=out, color_system="auto" if color and self.terminal else None,
            highlight=False, markup=False,
            emoji=False, force_terminal=self.terminal or None, soft_wrap=not self.terminal,
            width=None if self.terminal else 100_000,
        )

    def table(self, rows: list[dict[str, Any]], columns: list[Column], title: str | None = None,
              terms: dict[int, set[str]] | None = None) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(
            title=Text(printable(title)) if title else None, title_justify="left",
            box=box.SIMPLE_HEAD if self.terminal else None, expand=self.terminal,
            show_edge=False, pad_edge=False, header_style="bold" if self.terminal else "",
        )
        for column in columns:
            table.add_column(column.header, ratio=column.ratio, no_wrap=column.no_wrap or
                             not self.terminal, justify=column.justify,  # type: ignore[arg-type]
                             overflow="fold")
        for number, row in enumerate(rows):
            cells = []
            for column in columns:
                value = row.get(column.key)
                if column.stack and isinstance(value, (list, tuple)):
                    cell = Text("\n".join(printable(flat(item)) for item in value))
                else:
                    cell = Text(printable(flat(value)))
                if column.highlight and terms and terms.get(number):
                    _highlight(cell, terms[number])
                if column.footnote and row.get(column.footnote):
                    cell.append("\n" + printable(flat(row[column.footnote])),
                                style="dim" if self.terminal else "")
                cells.append(cell)
            table.add_row(*cells)
        self.console.print(table)

    def line(self, text: str, style: str = "") -> None:
        from rich.text import Text

        self.console.print(Text(printable(text), style=style if self.terminal else ""))


def _highlight(cell: Any, terms: set[str]) -> None:
    """Mark words that matched, also in the other script (Rosatom for a match on Росатом)."""
    keys = {key(term) for term in terms for key in (skeleton, translit_key)}
    for found in WORD.finditer(cell.plain):
        word = normalize(found.group())
        if word in terms or skeleton(word) in keys or translit_key(word) in keys:
            cell.stylize("bold yellow", found.start(), found.end())


def default_format() -> str:
    return "table" if sys.stdout.isatty() else "tsv"
