"""track's judgement of every item, kept beside the store (kept.py) and read back as text.

Why: at 100,000 facts track judges about 47,000 items and writes each in the chosen format;
both depend only on the data, on kzru and on how the listing is asked (format, fields,
language, see also, drafts). The first track run asked one way against a store judges every
item once and keeps, per item in track's order, its text in that format and the columns its
filters read (status, role, voice, id); later runs narrow in SQL (a fact filter by the ids
the store's indexed columns give; a query by the kept items its topic picks, worked out over
ids and links: topic_rows) and write the kept text in order, with no record made per item.
What is written is byte for byte what the item-by-item path writes (tests/test_judged.py):
each item's text is that path's own output for a listing of the item alone, without the
frame (brackets, header) the listing adds once.
"""

from __future__ import annotations

import io
import os
import sqlite3
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

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
# An item's text read as the UTF-8 bytes it is stored as (no text decoded, then encoded again
# to be written: ``written``).
AS_STORED = "CAST(text AS BLOB)"
# About how much is joined into one write: a topic's items come as one page (14 MB for атом
# at 100,000 facts), and memory a run has not touched before costs a page fault a page.
WRITE_SIZE = 1 << 20


def with_see_also(loaded: Any, entries: Iterator[follow.Tracked]) -> Iterator[follow.Tracked]:
    """``suggest.see_also`` a batch of items at a time (it weighs each item on its own)."""
    from kzru.suggest import see_also as with_candidates

    memo: dict[str, Any] = {}  # what one batch read that the next needs (each meeting)
    while True:
        chunk = list(islice(entries, SEE_ALSO_BATCH))
        if not chunk:
            return
        yield from with_candidates(loaded, chunk, memo)


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


def written(kept: Kept, frame: Frame, pages: Iterable[list[tuple[str, bytes]]],
            allowed: set[str] | None, limit: int | None, out: Any) -> tuple[int, int]:
    """Write the kept items of ``pages`` (``rows`` or ``topic_rows``: those that pass, in
    track's order) that are among ``allowed`` when given, at most ``limit``, framed as the
    listing frames them. Returns how many were written and how many passed."""
    write = _bytes_out(out)
    head, between = frame.head.encode(), frame.between.encode()
    shown = total = held = 0
    pieces: list[bytes] = []
    for page in pages:
        for fact_id, text in page:
            if allowed is not None and fact_id not in allowed:
                continue
            total += 1
            if limit is None or shown < limit:
                pieces.append(between if shown else head)
                pieces.append(text)
                shown += 1
                held += len(text)
                if held >= WRITE_SIZE:
                    write(b"".join(pieces))
                    pieces.clear()
                    held = 0
        if pieces:
            write(b"".join(pieces))
            pieces.clear()
            held = 0
    write((frame.tail if shown else frame.empty).encode())
    return shown, total


def _bytes_out(out: Any) -> Callable[[bytes], Any]:
    """Where kept text goes as it is stored, UTF-8 bytes: a text stream's own binary buffer
    when the stream would write the same bytes (UTF-8, no newline translation), flushed
    first so that nothing written before comes after; else the text, decoded. Why: at
    100,000 facts track writes 87 MB; decoding it into Python text and encoding it again
    cost more than reading it."""
    buffer = getattr(out, "buffer", None)
    encoding = str(getattr(out, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    if buffer is not None and encoding == "utf8" and os.linesep == "\n":
        out.flush()
        return buffer.write
    return lambda data: out.write(data.decode("utf-8"))


def rows(kept: Kept, where: str, params: list[Any]) -> Iterator[list[tuple[str, bytes]]]:
    """Pages of (id, text) of the kept items that pass ``where`` (over the kept file's
    columns), in track's order; the text as stored, UTF-8 bytes (``TEXT``: typeof checked
    for every row on opening, kept.CHECKS)."""
    yield from kept.rows(f"SELECT id, {AS_STORED} FROM items WHERE {where} ORDER BY seq",
                         params, (str, bytes))


def topic_rows(loaded: Any, kept: Kept, hits: list[Any], reading: Any, where: str,
               params: list[Any]) -> list[list[tuple[str, bytes]]]:
    """(id, text) of the kept items a query picks that pass ``where``, in track's order: what
    ``follow.chosen(with_earlier(topic.about(hits)))`` picks, worked out over ids, links and
    the kept items instead of whole facts (their records are not read, their roles not worked
    out again). Why it is the same choice: ``chosen`` follows a fact's parent when the parent
    has a role, else the fact when it has one; of the whole table (the kept items) a parent
    with a role is followed whenever it has a part, and a fact whose parent has none is
    followed exactly when it has a role; so a fact picks its parent when the parent is a
    kept item, else itself when it is one. A hit ``about`` reads the words of (its main
    sector not one the query names) is read only when it would add an item: its words
    (topic.matches_outside_names) decide nothing else."""
    from kzru.topic import matches_outside_names, named_sectors, organisation_names, topic_words

    sectors = named_sectors(reading, loaded)
    links: dict[str, tuple[str, tuple[str, ...]]] = {}  # id -> its parent, what it follows
    sure: list[str] = []  # about's choice whatever their words
    maybe: list[Any] = []  # the hits whose words decide
    for hit in hits:
        fact = hit.fact
        links[fact.id] = (fact.part_of, fact.follows)
        if fact.sectors[:1] and fact.sectors[0] in sectors:
            sure.append(fact.id)
        else:
            maybe.append(hit)
    for link in loaded.main_sector_links(sorted(sectors)):
        links[link.id] = (link.part_of, link.follows)
        sure.append(link.id)
    wanted = [earlier for _, follows in links.values() for earlier in follows]
    while wanted:  # with_earlier: the admitted facts they follow, directly or through another
        wanted = [earlier for earlier in wanted if earlier not in links]
        for link in loaded.links_of(wanted):
            links[link.id] = (link.part_of, link.follows)
        wanted = [earlier for fact_id in wanted if fact_id in links
                  for earlier in links[fact_id][1]]
    items = _items(kept, where, params, {*links, *(part_of for part_of, _ in links.values()
                                                   if part_of)})
    # a sector named: an earlier fact a later one brings in is kept by its own sectors, as
    # the whole path keeps it (commands/track.py; round 14: транспорт and the 2024 talks on
    # education, which a 2025 overview listing transport first follows)
    topical = {hit.fact.id for hit in hits} | set(sure)
    earlier_sectors = {fact.id: set(fact.sectors) for fact in loaded.fetch(
        sorted(set(links) - topical)).values()} if sectors else {}

    def picked(start: list[str]) -> set[str]:
        found: set[str] = set()
        seen = set(start)
        starting = frozenset(start)  # asked of every fact reached: a set, not the list
        pending = list(start)
        while pending:
            fact_id = pending.pop()
            part_of, follows = links[fact_id]
            if fact_id in seen and fact_id not in starting and sectors and \
                    not earlier_sectors.get(fact_id, set()) & sectors:
                pending.extend(earlier for earlier in follows
                               if earlier in links and earlier not in seen)
                seen.update(follows)
                continue
            found.add(part_of if part_of in items else fact_id)
            for earlier in follows:
                if earlier in links and earlier not in seen:
                    seen.add(earlier)
                    pending.append(earlier)
        # those kept, looked up one by one: ``found & items.keys()`` made a set of every
        # kept item on each call (thousands of calls, one a hit, at 100,000 facts)
        return {fact_id for fact_id in found if fact_id in items}

    chosen = picked(sure)
    adding = [hit for hit in maybe if picked([hit.fact.id]) - chosen]
    if adding:  # their words decide: read whole (the others' never are)
        topics = topic_words(reading)
        named = organisation_names(loaded)
        whole = loaded.fetch(hit.fact.id for hit in adding)
        for hit in adding:
            more = picked([hit.fact.id]) - chosen
            if more and matches_outside_names(loaded, hit._replace(fact=whole[hit.fact.id]),
                                              topics, named):
                chosen |= more
    return [_texts(kept, sorted(items[fact_id][0] for fact_id in chosen
                                if items[fact_id][1]))]


def _items(kept: Kept, where: str, params: list[Any],
           fact_ids: set[str]) -> dict[str, tuple[int, int]]:
    """The kept items among ``fact_ids``: id -> its place in track's order, and whether it
    passes ``where``."""
    found: dict[str, tuple[int, int]] = {}
    asked = sorted(fact_ids)
    for start in range(0, len(asked), 500):
        chunk = asked[start:start + 500]
        for page in kept.rows(f"SELECT id, seq, ({where}) FROM items WHERE id IN "
                              f"({','.join('?' * len(chunk))})", [*params, *chunk],
                              (str, int, int)):
            for fact_id, seq, passes in page:
                found[fact_id] = (seq, passes)
    return found


def _texts(kept: Kept, places: list[int]) -> list[tuple[str, bytes]]:
    """(id, text as stored) of the kept items at ``places`` (ascending), in that order."""
    found: list[tuple[str, bytes]] = []
    for start in range(0, len(places), 500):
        chunk = places[start:start + 500]
        for page in kept.rows(f"SELECT id, {AS_STORED} FROM items WHERE seq IN "
                              f"({','.join('?' * len(chunk))}) ORDER BY seq", chunk,
                              (str, bytes)):
            found += page
    return found
