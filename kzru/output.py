"""One place that prints a command's rows in the chosen format, pages them at a terminal,
says when a list was cut, and sets the exit status."""

from __future__ import annotations

import io
import os
import sys
from typing import Any, Callable, Iterable

import typer

from kzru.labels import label
from kzru.options import Options
from kzru.render import default_format, write_machine
from kzru.table import Column, TableWriter, screen_width


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class Output:
    """Use as a context manager: a table for a terminal is collected, then shown at the end,
    through the pager when it is taller than the screen."""

    def __init__(self, options: Options) -> None:
        self.fmt = options.format or default_format()
        self.lang = options.language
        self.terminal = sys.stdout.isatty()
        self.color = options.colored(self.terminal)
        self._buffer = io.StringIO() if self.terminal and options.pager and self.is_table \
            else None
        self._writer: TableWriter | None = None
        # the glossary, for a Russian table to name speakers in Russian (set by the commands
        # that list facts; read only when a speaker is shown)
        self.glossary: Callable[[], Any] | None = None

    def __enter__(self) -> "Output":
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        if kind is None or issubclass(kind, (typer.Exit, SystemExit)):
            self.close()

    @property
    def is_table(self) -> bool:
        return self.fmt == "table"

    @property
    def writer(self) -> TableWriter:
        if self._writer is None:
            if self._buffer is not None:
                self._writer = TableWriter(self._buffer, self.color, terminal=True,
                                           width=screen_width())
            else:
                self._writer = TableWriter(sys.stdout, self.color)
            self._writer.lang = self.lang
            self._writer.names = self._names
        return self._writer

    def _names(self) -> Any:
        """The glossary's names for a Russian table's speakers (kzru.data_words), or None."""
        if self.glossary is None:
            return None
        from kzru.data_words import names_of

        return names_of(self.glossary())

    def close(self) -> None:
        """Show what was collected (once)."""
        if self._buffer is None:
            return
        text, self._buffer = self._buffer.getvalue(), None
        if text:
            from kzru import pager

            pager.show(text, text.count("\n"))

    def rows(self, rows: Iterable[dict[str, Any]], keys: Iterable[str], columns: list[Column],
             nothing: str, title: str | None = None,
             terms: dict[int, set[str]] | None = None,
             draw: Callable[[], None] | None = None) -> int:
        """Print rows (a list; or, in JSON and JSON lines, any iterable, written as it comes);
        exit 1 (after printing an empty result) when there are none. Returns how many."""
        if self.is_table:
            rows = list(rows)
            if rows:
                if draw is not None:
                    draw()
                else:
                    self.writer.table(rows, columns, title, terms)
            count = len(rows)
        else:
            return self.written(lambda out: write_machine(rows, self.fmt, out, keys))
        if not count:
            typer.echo(f"kzru: {nothing}", err=True)
            raise typer.Exit(1)
        return count

    def written(self, write: Callable[[Any], int]) -> int:
        """``write(stdout)`` in a machine format, which returns how many rows it wrote (a
        listing, or text kept for it: judged.py): success when the reader closes the pipe,
        exit 1 (after the empty result) when there were none. Returns how many."""
        try:
            count = write(sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader has all it wanted: success, quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        if not count:
            raise typer.Exit(1)
        return count

    def cut(self, shown: int, total: int, what: str = "facts") -> None:
        """Say that a list was cut: under a table; for machine formats on stderr, and only
        when a person reads it there (a script's stderr stays quiet)."""
        if shown >= total:
            return
        message = label("note.cut", self.lang, shown=shown, total=total,
                        what=label(f"what.{what}", self.lang))
        if self.is_table:
            self.writer.line(message, style="dim")
        elif stderr_is_terminal():
            typer.echo(f"kzru: {message}", err=True)
