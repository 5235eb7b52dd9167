"""track's judgement of every item, kept beside the store (kept.py) and read back as text.

Why: at 100,000 facts track judges about 47,000 items and writes each in the chosen format;
both depend only on the data, on kzru and on how the listing is asked (format, fields,
language, see also, drafts). The first track run asked one way against a store judges every
item once and keeps, per item in track's order, its text in that format and the columns its
filters read (status, role, voice, id); later runs narrow in SQL (and, for a query or a fact
filter, by the ids worked out in Python over the store as before) and write the kept text in
order, with no record made per item. What is written is byte for byte what the item-by-item
path writes (tests/test_judged.py): each item's text is that path's own output for a listing
of the item alone, without the frame (brackets, header) the listing adds once.
"""

from __future__ import annotations

import io
import sqlite3
from itertools import islice
from typing import Any, Iterable, Iterator

from kzru import follow
from kzru.kept import Kept, open_kept
from kzru.render import write_machine

SCHEMA = ("CREATE TABLE items (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, status TEXT NOT "
          "NULL, role TEXT NOT NULL, voice TEXT NOT NULL, text TEXT NOT NULL); "
          "CREATE INDEX items_id ON items (id)")
# Rows whose values are not what kzru writes, and a count that is not the one filed: 0 when
# the kept file is sound (asked once an opening, before anything is written out).
CHECKS = ("SELECT (SELECT COUNT(*) FROM items WHERE typeof(seq) != 'integer' OR typeof(id) "
          "!= 'text' OR typeof(status) != 'text' OR typeof(role) != 'text' OR typeof(voice) "
          "!= 'text' OR typeof(text) != 'text') + ((SELECT COUNT(*) FROM items) != (SELECT "
          "CAST(value AS INTEGER) FROM meta WHERE key = 'count'))")
SEE_ALSO_BATCH = 1000


def with_see_also(loaded: Any, entries: Iterator[follow.Tracked]) -> Iterator[follow.Tracked]:
    """``suggest.see_also`` a batch of items at a time (it weighs each item on its own)."""
    from kzru.suggest import see_also as with_candidates

    while True:
        chunk = list(islice(entries, SEE_ALSO_BATCH))
        if not chunk:
            return
        yield from with_candidates(loaded, chunk)


class Frame:
    """How a listing in a machine format wraps its items: what comes before the first (a
    JSON bracket, a CSV header), between two, after the last, and alone when there are none;
    and an item's own text, cut out of a listing of it alone."""

    def __init__(self, fmt: str, keys: list[str]) -> None:
        self.fmt, self.keys = fmt, keys
        empty = io.StringIO()
        write_machine([], fmt, empty, keys)
        self.empty = empty.getvalue()
        if fmt == "json":
            self.head, self.between, self.tail = "[", ",", "\n]\n"
        else:
            self.head, self.between, self.tail = self.empty, "", ""

    def text(self, row: dict[str, Any]) -> str:
        alone = io.StringIO()
        write_machine([row], self.fmt, alone, self.keys)
        written = alone.getvalue()
        if not (written.startswith(self.head) and written.endswith(self.tail)):
            raise ValueError(f"a {self.fmt} listing framed otherwise")  # kzru's own bug
        return written[len(self.head):len(written) - len(self.tail)]


def judgement(loaded: Any, fmt: str, keys: list[str], lang: str,
              see_also: bool) -> Kept | None:
    """The kept answer of every tracked item listed in ``fmt`` with ``keys``, opened or built."""
    from kzru.render_track import row

    frame = Frame(fmt, keys)

    def build(connection: sqlite3.Connection) -> int:
        entries: Iterator[follow.Tracked] = follow.tracked(loaded)
        if see_also:
            entries = with_see_also(loaded, entries)
        count = 0

        def items() -> Iterator[tuple[int, str, str, str, str, str]]:
            nonlocal count
            for count, entry in enumerate(entries, 1):
                yield (count, entry.fact.id, entry.fact.status, entry.role, entry.voice,
                       frame.text(row(entry, lang)))

        connection.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)", items())
        return count

    return open_kept(loaded.index, "track", (fmt, tuple(keys), lang, see_also, loaded.drafts),
                SCHEMA, CHECKS, build)


def written(kept: Kept, frame: Frame, where: str, params: list[Any],
            ids: list[str] | None, allowed: set[str] | None, limit: int | None,
            out: Any) -> tuple[int, int]:
    """Write the kept items that pass (``where`` over the kept file's columns, among ``ids`` when
    given, among ``allowed`` when given), in track's order, at most ``limit``, framed as the
    listing frames them. Returns how many were written and how many passed."""
    shown = total = 0
    pieces: list[str] = []
    for page in _pages(kept, where, params, ids):
        for fact_id, text in page:
            if allowed is not None and fact_id not in allowed:
                continue
            total += 1
            if limit is None or shown < limit:
                pieces.append(frame.between if shown else frame.head)
                pieces.append(text)
                shown += 1
        if pieces:
            out.write("".join(pieces))
            pieces.clear()
    out.write(frame.tail if shown else frame.empty)
    return shown, total


def _pages(kept: Kept, where: str, params: list[Any],
           ids: list[str] | None) -> Iterable[list[tuple[str, str]]]:
    """Pages of (id, text) in track's order; only the ids' rows, when given (every one of
    them must be kept: MissingItem, before anything is written, when one is not)."""
    if ids is None:
        yield from kept.rows(f"SELECT id, text FROM items WHERE {where} ORDER BY seq", params,
                             (str, str))
        return
    found: list[tuple[int, str, str, int]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for page in kept.rows(f"SELECT seq, id, text, ({where}) FROM items WHERE id IN "
                              f"({','.join('?' * len(chunk))})", [*params, *chunk],
                              (int, str, str, int)):
            found += page
    if len(found) != len(set(ids)):
        raise MissingItem()
    found.sort()
    yield [(fact_id, text) for _, fact_id, text, passes in found if passes]


class MissingItem(Exception):
    """An item the choice picked that the kept file does not hold: answered afresh."""
