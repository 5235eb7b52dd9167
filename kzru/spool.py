"""Text put aside piece by piece and written out later, in the order a page wants it.

Why: some of a page's order is known only once its parts are made. A brief's note on its
undated lines comes before the sections that decide it; its checks and the last meeting's
outcomes are listed by verdicts judged one item at a time. At 100,000 facts those parts are
tens of megabytes of text: a spool keeps them in memory up to a size and in an unnamed
temporary file past it (deleted when closed), so the page is never held whole.
"""

from __future__ import annotations

import tempfile
from typing import Any, Iterable, Protocol

# Held in memory up to this many bytes; past it, on disk.
IN_MEMORY = 4 << 20
# Read back a run of adjacent pieces up to about this many bytes at a time.
READ = 1 << 20
# What every piece is stored as: any str comes back as it went in.
ENCODING, ERRORS = "utf-8", "surrogatepass"


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


class Spool:
    """Pieces of text, each under a sort key; ``write_to`` writes them in key order, pieces
    under equal keys in the order they were put."""

    def __init__(self, in_memory: int = IN_MEMORY) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=in_memory)
        self._places: list[tuple[Any, int, int, int]] = []  # key, order put, start, size
        self._end = 0

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def put(self, text: str, key: Any = 0) -> None:
        if not text:
            return
        data = text.encode(ENCODING, ERRORS)
        self._file.seek(self._end)  # (after a write_to, the file is read somewhere inside)
        self._file.write(data)
        self._places.append((key, len(self._places), self._end, len(data)))
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._places)

    def write_to(self, out: Writable) -> None:
        """Every piece, in order, a run of adjacent pieces read back at a time."""
        start = end = 0
        for _, _, place, size in sorted(self._places):
            if place == end and end - start < READ:
                end += size
                continue
            self._copy(start, end, out)
            start, end = place, place + size
        self._copy(start, end, out)

    def _copy(self, start: int, end: int, out: Writable) -> None:
        if end > start:
            self._file.seek(start)
            out.write(self._file.read(end - start).decode(ENCODING, ERRORS))

    def close(self) -> None:
        self._file.close()


def lines_text(lines: Iterable[str]) -> str:
    """Lines as a page's text: each followed by a line break (a page is its lines joined by
    breaks, ending in one; written a part at a time, it is the same text)."""
    return "".join(f"{line}\n" for line in lines)


def write_lines(out: Writable, lines: Iterable[str]) -> None:
    out.write(lines_text(lines))
