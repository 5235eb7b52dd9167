"""One place that prints a command's rows in the chosen format and sets the exit status."""

from __future__ import annotations

import sys
from typing import Any, Callable, Iterable

import typer

from kzru.options import Options
from kzru.render import Column, TableWriter, default_format, write_machine


class Output:
    def __init__(self, options: Options) -> None:
        self.fmt = options.fmt or default_format()
        self.lang = options.lang
        self.color = options.color
        self._writer: TableWriter | None = None

    @property
    def is_table(self) -> bool:
        return self.fmt == "table"

    @property
    def writer(self) -> TableWriter:
        if self._writer is None:
            self._writer = TableWriter(sys.stdout, self.color)
        return self._writer

    def rows(self, rows: list[dict[str, Any]], keys: Iterable[str], columns: list[Column],
             nothing: str, title: str | None = None,
             terms: dict[int, set[str]] | None = None,
             draw: Callable[[], None] | None = None) -> None:
        """Print rows; exit 1 (after printing an empty result) when there are none."""
        if self.is_table:
            if rows:
                if draw is not None:
                    draw()
                else:
                    self.writer.table(rows, columns, title, terms)
        else:
            write_machine(rows, self.fmt, sys.stdout, keys)
        if not rows:
            if self.is_table:
                typer.echo(f"kzru: {nothing}", err=True)
            raise typer.Exit(1)
