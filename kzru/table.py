"""Tables for a person: columns fitted to the terminal, ids and numbers never broken.

rich's own Table folds whatever does not fit, which breaks ids mid-word (so they cannot be
copied into ``kzru show``) and crops numbers. Here every column has a minimum width; when the
minimums do not fit, columns are dropped in the order the command states, with a one-line note;
an id too long for its cell gets a line of its own under the row. Off a terminal nothing wraps
and there is no rule under the header. rich is used only to style and wrap text.
"""


from typing import Any, Callable, NamedTuple, TextIO

from kzru.render import flat, printable, shown_value
from kzru.text import WORD, normalize, skeleton, translit_key

GAP = 2
WRAP_MIN = 16
WORD_MAX = 24  # a longer word (a URL) may still fold, or no table would fit 60 columns
# The widest layout drawn, whatever COLUMNS says: padding every line to 99,999,999 columns
# took half a minute, and no terminal shows lines that long.
MAX_WIDTH = 240


def screen_width() -> int:
    """The terminal's width for layout, at most MAX_WIDTH (and at least 20)."""
    import shutil

    return max(20, min(shutil.get_terminal_size().columns, MAX_WIDTH))


class Column(NamedTuple):
    key: str
    header: str
    ratio: int | None = None
    no_wrap: bool = False
    justify: str = "left"
    highlight: bool = False
    footnote: str | tuple[str, ...] | None = None  # keys of ids under the cell, never broken
    stack: bool = False  # a list shown one item a line
    min_width: int | None = None
    drop: int = 0  # 0: always shown; 1 is dropped first at narrow widths, then 2, ...
    ids: bool = False  # stacked items are ids: never broken
    ids_when: str | None = None  # a row key: when true, this row's items are ids
    value: Callable[[dict[str, Any]], Any] | None = None  # display value instead of row[key]


class _Cell(NamedTuple):
    text: Any  # rich Text
    notes: list[Any]  # unbreakable lines: ids
    natural: int
    least: int
    ids: bool


def _closed_pipe() -> None:
    raise BrokenPipeError


class TableWriter:
    """Draw tables on ``out``; plain aligned text with no rule when it is not a terminal."""

    def __init__(self, out: TextIO, color: bool, terminal: bool | None = None,
                 width: int | None = None) -> None:
        from rich.console import Console

        self.terminal = out.isatty() if terminal is None else terminal
        self.console = Console(
            file=out, color_system=("auto" if self.terminal else "standard") if color else None,
            force_terminal=True if color else (self.terminal or None), highlight=False,
            markup=False, emoji=False, soft_wrap=True,
            width=width or (screen_width() if self.terminal else 100_000),
        )
        # rich exits 1 on a closed pipe; kzru's entry point makes that a quiet success.
        self.console.on_broken_pipe = _closed_pipe  # type: ignore[method-assign]
        self.width = self.console.width if self.terminal else None
        self.lang = "en"  # the language of kzru's own notes (Output sets it)
        # the glossary's names, for a Russian table to name speakers (Output sets it)
        self.names: Callable[[], Any] | None = None
        self.lines_written = 0

    def table(self, rows: list[dict[str, Any]], columns: list[Column], title: str | None = None,
              terms: dict[int, set[str]] | None = None, dropped_note: str | None = None
              ) -> None:
        """Draw ``rows``; ``dropped_note`` ({columns}) says how to see columns dropped for
        width, for a command without --fields."""
        from rich.text import Text

        if self.lang == "ru":  # closed sets, units and speakers in words (kzru.data_words):
            from kzru.data_words import said_row  # only what a person reads at a table

            names = self.names() if self.names is not None and any(
                row.get("speaker") for row in rows) else None
            rows = [said_row(row, self.lang, names) for row in rows]
        cells = [[self._cell(row, column, terms.get(number) if terms else None)
                  for column in columns] for number, row in enumerate(rows)]
        headers = [Text(column.header, style="bold")
                   for column in columns]
        kept, widths, dropped = _fit(columns, headers, cells, self.width)
        out: list[Any] = []
        if title:
            heading = Text(printable(title), style="bold")
            out.extend(heading.wrap(self.console, self.width) if self.width else [heading])
        if self.width and sum(widths[i] or 0 for i in kept) + GAP * (len(kept) - 1) > \
                self.width:
            # the columns asked for (--fields) do not fit side by side even at their
            # narrowest: one record after another, each field on its own line
            self._print(out + self._records(cells, columns, headers))
            return
        # a header wraps at its spaces, never cut, even over a column whose cells never wrap
        out.extend(self._join([self._lines(headers[i], widths[i], columns[i]._replace(
                                   no_wrap=False)) for i in kept],
                              [widths[i] for i in kept], [columns[i] for i in kept]))
        total = sum(widths[i] for i in kept) + GAP * (len(kept) - 1)
        if self.terminal:
            out.append(Text("─" * min(total, self.width or total), style="dim"))
        for row in cells:
            out.extend(self._join([self._cell_lines(row[i], widths[i], columns[i])
                                   for i in kept],
                                  [widths[i] for i in kept], [columns[i] for i in kept]))
            offset = 0
            for i in kept:
                notes = self._notes(row[i], widths[i])
                for note in notes[_in_cell(notes, widths[i]):]:  # in order, under the row
                    if self.width and note.cell_len > self.width:  # a URL longer than the
                        out.extend(wrap_words(note, self.width))  # terminal: cut, marked …
                        continue  # (ids are never that long)
                    room = (self.width or note.cell_len) - note.cell_len
                    out.append(Text(" " * max(0, min(offset, room))) + note)
                offset += (widths[i] or 0) + GAP
        if dropped:
            from kzru.labels import label

            said = dropped_note.format(columns=", ".join(dropped)) if dropped_note else \
                label("note.not_shown", self.lang, columns=", ".join(dropped))
            note = Text(said, style="dim")  # wrapped at spaces like a title, never cut
            lines = list(note.wrap(self.console, self.width)) if self.width else [note]
            for line in lines:
                line.rstrip()
            out.extend(lines)
        self._print(out)

    def line(self, text: str, style: str = "") -> None:
        """A note under a table: wrapped at spaces to a terminal's width, one line in a pipe."""
        from rich.text import Text

        shown = Text(printable(text), style=style)
        lines = list(shown.wrap(self.console, self.width)) if self.width else [shown]
        for line in lines:
            line.rstrip()
        self._print(lines)

    def texts(self, lines: list[Any]) -> None:
        """Print rich Text lines a command laid out itself (already fitted to ``width``)."""
        self._print(lines)

    def _print(self, lines: list[Any]) -> None:
        from rich.text import Text

        self.console.print(Text("\n").join(lines), soft_wrap=True)
        self.lines_written += len(lines)

    def _cell(self, row: dict[str, Any], column: Column, terms: set[str] | None) -> _Cell:
        from rich.text import Text

        value = column.value(row) if column.value else shown_value(row, column.key)
        items = [printable(flat(item)) for item in value] if column.stack and isinstance(
            value, (list, tuple)) else [printable(flat(value))]
        text = Text("\n".join(items))
        if column.highlight and terms:
            _highlight(text, terms)
        ids = column.ids or bool(column.ids_when and row.get(column.ids_when))
        notes = [Text(item) for item in items] if ids else []
        footnotes = (column.footnote,) if isinstance(column.footnote, str) else \
            column.footnote or ()
        for key in footnotes:
            if row.get(key):
                    notes.append(Text(printable(flat(row[key])), style="dim"))
        longest = max((len(line) for line in text.plain.split("\n")), default=0)
        natural = max([longest, *(note.cell_len for note in notes)])
        if column.no_wrap or column.justify == "right":
            least = natural
        elif ids:
            least = min(natural, column.min_width or WRAP_MIN)
        else:  # narrow enough to wrap, but never so narrow that a word must break
            word = max((len(w) for w in text.plain.split()), default=0)
            least = max(min(longest, column.min_width or WRAP_MIN), min(word, WORD_MAX))
        return _Cell(text, notes, natural, least, ids)

    def _lines(self, text: Any, width: int | None, column: Column) -> list[Any]:
        if width is None:
            return list(text.split("\n", allow_blank=True))
        if column.no_wrap:
            return list(text.wrap(self.console, width, overflow="fold", no_wrap=True))
        return wrap_words(text, width)

    @staticmethod
    def _notes(cell: _Cell, width: int | None) -> list[Any]:
        """The lines under a cell's text: each id whole; a note of several words ("reported
        by 3 sources (also: …)") wrapped at its spaces to the column, so it stays in the
        column at every width, an id in it too long for the column on a line of its own."""
        if width is None:
            return cell.notes
        lines = []
        for note in cell.notes:
            if note.cell_len > width and " " in note.plain:
                lines.extend(wrap_words(note, width, cut=False))
            else:
                lines.append(note)
        return lines

    def _cell_lines(self, cell: _Cell, width: int | None, column: Column) -> list[Any]:
        """The cell's text wrapped to ``width``, then the ids that fit, each on one line."""
        notes = self._notes(cell, width)
        fitting = notes[:_in_cell(notes, width)]
        if cell.ids:
            return fitting
        return self._lines(cell.text, width, column) + fitting

    def _records(self, cells: list[list[_Cell]], columns: list[Column],
                 headers: list[Any]) -> list[Any]:
        """Each row as a block of "field  value" lines, blocks apart by a blank line: a layout
        that fits any width. Values wrap at spaces beside their field's name; an id too long
        for that room gets a line of its own, as wide as the terminal allows."""
        from rich.text import Text

        width = self.width or 80
        name_width = min(max(header.cell_len for header in headers), max(8, width // 3))
        room = max(1, width - name_width - GAP)
        out: list[Any] = []
        for number, row in enumerate(cells):
            if number:
                out.append(Text(""))
            for column, header, cell in zip(columns, headers, row):
                names = wrap_words(header, name_width)
                values = [] if cell.ids else wrap_words(cell.text, room)
                values = [line for line in values if line.plain] + self._notes(cell, room)
                for position in range(max(len(names), len(values), 1)):
                    name = names[position] if position < len(names) else Text("")
                    value = values[position] if position < len(values) else Text("")
                    if value.cell_len > room:  # an id wider than the room beside the name
                        if name.plain:
                            out.append(name)
                        out.extend(Text(" " * max(0, width - piece.cell_len)) + piece
                                   for piece in wrap_words(value, width))
                        continue
                    line = name.copy()
                    if value.plain:
                        line.append(" " * (name_width - name.cell_len + GAP))
                        line.append_text(value)
                    out.append(line)
        return out

    def _join(self, cells: list[list[Any]], widths: list[int | None],
              columns: list[Column]) -> list[Any]:
        from rich.text import Text

        height = max(len(lines) for lines in cells)
        out = []
        for number in range(height):
            line = Text()
            for position, (lines, width, column) in enumerate(zip(cells, widths, columns)):
                piece = lines[number].copy() if number < len(lines) else Text()
                last = position == len(cells) - 1
                if width is not None:
                    pad = max(0, width - piece.cell_len)
                    if column.justify == "right":
                        piece = Text(" " * pad) + piece
                    elif not last:
                        piece.append(" " * pad)
                line.append_text(piece)
                if not last:
                    line.append(" " * GAP)
            line.rstrip()
            out.append(line)
        return out


def _in_cell(notes: list[Any], width: int | None) -> int:
    """How many of a cell's notes stay in it: those before the first one too wide (the rest
    go under the row, so the lines keep their order)."""
    for position, note in enumerate(notes):
        if width is not None and note.cell_len > width:
            return position
    return len(notes)


def wrap_words(text: Any, width: int, cut: bool = True) -> list[Any]:
    """``text`` (rich Text, styles kept) in lines of at most ``width`` cells, broken at spaces
    only. A word longer than the line (a URL) is cut into pieces that each end with "…", so no
    cut goes unmarked and no character is lost; with ``cut`` False it keeps a line of its own,
    whole (an id, for the caller to place)."""
    import re

    from rich.text import Text

    lines: list[Any] = []
    for paragraph in text.split("\n", allow_blank=True):
        start = end = -1
        for word in re.finditer(r"\S+", paragraph.plain):
            first, last = word.start(), word.end()
            if last - first > width:
                if start >= 0:
                    lines.append(paragraph[start:end])
                    start = -1
                while cut and last - first > width:
                    piece = paragraph[first:first + max(1, width - 1)]
                    lines.append(piece + Text("…", style="dim"))
                    first += max(1, width - 1)
                start, end = first, last
                if not cut:
                    lines.append(paragraph[start:end])
                    start = -1
                continue
            if start < 0:
                start, end = first, last
            elif last - start <= width:
                end = last
            else:
                lines.append(paragraph[start:end])
                start, end = first, last
        if start >= 0:
            lines.append(paragraph[start:end])
        elif not paragraph.plain.strip():
            lines.append(Text(""))
    return lines


def _fit(columns: list[Column], headers: list[Any], cells: list[list[_Cell]],
         width: int | None) -> tuple[list[int], list[int | None], list[str]]:
    """Which columns to show and how wide: minimums first, dropping in the stated order,
    then spare room shared out by ratio up to each column's natural width."""
    count = len(columns)
    natural = [max([headers[i].cell_len, *(row[i].natural for row in cells)]) for i in range(count)]
    header_least = [max(len(word) for word in (header.plain.split() or [""]))
                    for header in headers]
    least = [max([header_least[i], *(row[i].least for row in cells)]) for i in range(count)]
    kept = list(range(count))
    if width is None:
        return kept, [natural[i] for i in kept], []

    def needed() -> int:
        return sum(least[i] for i in kept) + GAP * (len(kept) - 1)

    dropped = []
    for i in sorted((i for i in kept if columns[i].drop), key=lambda i: columns[i].drop):
        if needed() <= width:
            break
        kept.remove(i)
        dropped.append(columns[i].header.split(",")[0])
    widths: list[int | None] = [least[i] for i in range(count)]
    spare = width - needed()
    while spare > 0:
        growing = [i for i in kept if widths[i] < natural[i]]  # type: ignore[operator]
        if not growing:
            break
        shares = sum(columns[i].ratio or 1 for i in growing)
        given = 0
        for i in growing:
            step = max(1, spare * (columns[i].ratio or 1) // shares)
            step = min(step, natural[i] - widths[i], spare - given)  # type: ignore[operator]
            widths[i] += step  # type: ignore[operator]
            given += step
            if given >= spare:
                break
        spare -= given
        if given == 0:
            break
    return kept, widths, dropped


def _highlight(cell: Any, terms: set[str]) -> None:
    """Mark words that matched, also in the other script (Rosatom for a match on Росатом)."""
    keys = {key(term) for term in terms for key in (skeleton, translit_key)}
    for found in WORD.finditer(cell.plain):
        word = normalize(found.group())
        if word in terms or skeleton(word) in keys or translit_key(word) in keys:
            cell.stylize("bold yellow", found.start(), found.end())
