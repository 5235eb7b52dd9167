"""The walks track makes over the store: facts by id, their parts and the facts whose
``follows`` name them, and every fact that may have a role, in SQL over indexed columns, never
the whole table decoded.

Why a module of its own: these walks are the seam between the store (``db.Store``, which
mixes them in) and the rules that use them (follow.py, brief.py); ``model.Dataset`` answers the
same questions by walking a loaded table, and tests/test_read_paths.py holds the two to the
same answers. What brief asks of one event and its report is report_walks.py's (the seam: the
whole table's facts and links here, one event's sources, rows and report there).
"""

from datetime import date
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

from kzru.codec import Damaged
from kzru.fact_columns import fact_sql
from kzru.index import Index
from kzru.model import Fact

FILE_ORDER = "x.rowid"
# Every fact query: the fact's columns, its line in the CSV and whether each value is what kzru
# writes (fact_columns.fact_sql), from the filter columns and the rest of the fact.
FACTS = "SELECT {} FROM filters x JOIN facts f ON f.rowid = x.rowid"
TOP_LEVEL = "x.part_of = ''"
# Every fact follow.role can give a role to: a commitment's status, a signed document, a
# report (a discussed item at an event, a project or institution). Kept in step with role().
# A discussed item (follow.is_discussed) is said by the sides, never by a commentator (a
# speaker with an affiliation in brackets), and not about relations as such (politics first):
# the rows SQL can rule out, so only the rest are decoded for role() to read their words.
ROLE_CANDIDATES = ("x.status IN ('agreed', 'planned', 'expected', 'proposed', 'ongoing') OR "
                   "(x.status = 'signed' AND x.kind = 'document') OR (x.status = 'reported' "
                   "AND ((x.event != '' AND x.kind = 'statement' AND instr(x.speaker, '(') = 0 "
                   "AND instr(x.sectors, '|politics|') != 1) OR x.kind IN ('project', "
                   "'institution')))")


def marks(values: Iterable[Any]) -> str:
    return ",".join("?" * len(list(values)))


def _chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """Runs of at most ``size`` values: an IN list stays within SQLite's variable limit."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _main_sector(sectors: list[str]) -> tuple[str, list[str]]:
    """Facts whose main (first) sector is one of ``sectors``: their stored sector list
    starts with it ('|nuclear|…'), among the facts of those sectors at all (by the sectors'
    index, not a scan of every row)."""
    first = " OR ".join(["instr(x.sectors, '|' || ? || '|') = 1"] * len(sectors))
    return (f"x.rowid IN (SELECT rowid FROM fact_sectors WHERE sector IN ({marks(sectors)})) "
            f"AND ({first})", [*sectors, *sectors])


class Candidate(NamedTuple):
    """What role() reads of a fact, and what track's choice reads (follow.track)."""

    id: str
    kind: str
    event: str
    date: date
    status: str
    speaker: str
    sectors: tuple[str, ...]
    part_of: str
    evidence: str


class Link(NamedTuple):
    """What track's choice of a topic reads of a fact: its id, its parent (part_of) and the
    earlier facts it follows."""

    id: str
    part_of: str
    follows: tuple[str, ...]


class Light(NamedTuple):
    """A hit as track's choice of a topic reads it before its words (judged.topic_rows): what
    a ranking and its notes read (date, status) and what the choice reads (id, main sector,
    parent, what it follows). Its words are read (the whole fact) only when they decide."""

    id: str
    date: date
    status: str
    sectors: tuple[str, ...]
    part_of: str
    follows: tuple[str, ...]


class WalkQueries:
    """Mixed into ``db.Store`` (through report_walks.ReportQueries): what it needs of the
    store is declared here."""

    index: Index
    facts: Any  # db._Facts: ``_known``, the facts already read and kept for the run
    _small: dict[str, Any]
    _lines: dict[str, int]  # db.Store's: the line of each fact read
    all_links_past = 500  # followers of more facts than this: every link read at once

    def select(self, where: str = "1", params: Iterable[Any] = (),
               order: str | None = None, limit: int | None = None) -> list[Fact]:
        raise NotImplementedError  # db.Store.select

    def fetch(self, fact_ids: Iterable[str], known: Mapping[str, Fact] | None = None,
              keep: bool = True) -> dict[str, Fact]:
        """The admitted facts among ``fact_ids``, by id (a few queries, not one per id);
        facts in ``known`` (already read, admitted) are not read again. With ``keep`` the
        facts read are kept for the run (track, reading the whole table in batches, does not
        keep them)."""
        kept = self.facts._known
        read = kept if keep else {}
        fact_ids = list(dict.fromkeys(fact_ids))
        known = known or {}
        wanted = [fact_id for fact_id in fact_ids if fact_id not in kept and fact_id not in known]
        for chunk in _chunks(wanted):
            # by the facts' unique id index (filters has none on id alone: a scan per chunk),
            # unordered: kept by id, so SQLite need not sort whole records
            for fact in self.select(f"f.id IN ({marks(chunk)})", chunk, None):
                read[fact.id] = fact
        found = {}
        for fact_id in fact_ids:
            fact = known.get(fact_id) or read.get(fact_id) or kept.get(fact_id)
            if fact is not None:
                found[fact_id] = fact
        return found

    def parts_of(self, fact_ids: Iterable[str], known: Mapping[str, Fact] | None = None,
                 keep: bool = True) -> dict[str, list[Fact]]:
        """The parts of each of ``fact_ids`` that has any, in file order (a parent's parts
        are all asked in one query); parts in ``known`` are not read again (``keep``: as
        ``fetch``)."""
        pairs: list[tuple[str, str]] = []
        for chunk in _chunks(list(dict.fromkeys(fact_ids))):
            pairs += self.index.rows(
                f"SELECT x.part_of, x.id FROM filters x WHERE "
                f"{self.index.admit(f'x.part_of IN ({marks(chunk)})')} ORDER BY x.rowid", chunk)
        facts = self.fetch((part for _, part in pairs), known, keep)
        found: dict[str, list[Fact]] = {}
        for parent, part in pairs:
            found.setdefault(parent, []).append(facts[part])
        return found

    def followers(self, fact_ids: Iterable[str]) -> dict[str, list[Fact]]:
        """For each of ``fact_ids`` that has any, the facts whose ``follows`` name it (once
        per naming), in file order."""
        found: dict[str, list[Fact]] = {}
        fact_ids = list(dict.fromkeys(fact_ids))
        if len(fact_ids) > self.all_links_past and "links" not in self._small:
            # many asked (track's batches): every link read once, in one query, and kept;
            # there is at most one row per link, fewer than the facts asked about
            self._small["links"] = links = {}
            for earlier, fact_id in self.index.rows(
                    "SELECT l.earlier, x.id FROM fact_follows l JOIN filters x ON x.rowid = "
                    f"l.rowid WHERE {self.index.admit()} ORDER BY x.rowid"):
                links.setdefault(earlier, []).append(fact_id)
        if "links" in self._small:
            links = self._small["links"]
            pairs = [(earlier, fact_id) for earlier in fact_ids
                     for fact_id in links.get(earlier, ())]
            later = self.fetch(fact_id for _, fact_id in pairs)
            for earlier, fact_id in pairs:
                found.setdefault(earlier, []).append(later[fact_id])
            return found
        for chunk in _chunks(fact_ids):
            rows = self.index.rows(
                "SELECT l.earlier, x.id FROM fact_follows l JOIN filters x ON x.rowid = l.rowid "
                f"WHERE {self.index.admit(f'l.earlier IN ({marks(chunk)})')} "
                "ORDER BY x.rowid", chunk)
            later = self.fetch(fact_id for _, fact_id in rows)
            for earlier, fact_id in rows:
                found.setdefault(earlier, []).append(later[fact_id])
        return found

    def role_candidates(self) -> list[Fact]:
        """Facts track may follow (follow.role), narrowed in SQL by status and kind; file
        order. role() decides among them."""
        return self.select(ROLE_CANDIDATES, order=FILE_ORDER)

    def role_pool(self, page: int = 5000, event: str | None = None) -> Iterator["Candidate"]:
        """``role_candidates`` a page at a time, each with only what role() and track's
        choice read (the words only of a statement that may be a discussed item, taken out of
        the stored record by SQLite): no record decoded, none held. The facts track shows are
        read whole afterwards (``fetch``), each value checked. With ``event``, only that
        event's (by its index: a brief's last meeting)."""
        where = self.index.admit(f"({ROLE_CANDIDATES}) AND x.rowid > ?"
                                 + (" AND x.event = ?" if event is not None else ""))
        of_event = [] if event is None else [event]
        sql = ("SELECT x.rowid, x.id, x.kind, x.event, x.date, x.status, x.speaker, x.sectors, "
               "x.part_of, CASE WHEN x.status = 'reported' AND x.kind = 'statement' THEN "
               "(SELECT f.evidence FROM facts f WHERE f.rowid = x.rowid) ELSE '' END "
               f"FROM filters x {'' if of_event else 'NOT INDEXED '}WHERE {where} "
               f"ORDER BY {FILE_ORDER} LIMIT {int(page)}")  # NOT INDEXED: a page by rowid
        types = (int, str, str, str, int, str, str, str, str, str)
        shared: dict[str, str] = {}  # one copy of each kind, event, status and speaker
        sectors: dict[str, tuple[str, ...]] = {}
        last = -1
        while True:
            rows = self.index.typed_rows(sql, [last, *of_event], types)
            for (_, fact_id, kind, event, day, status, speaker, listed, part_of,
                 words) in rows:
                found = sectors.get(listed)
                if found is None:  # '|nuclear|energy|' -> ('nuclear', 'energy'), once
                    found = sectors[listed] = tuple(listed[1:-1].split("|"))
                yield Candidate(fact_id, shared.setdefault(kind, kind),
                                shared.setdefault(event, event), date.fromordinal(day),
                                shared.setdefault(status, status),
                                shared.setdefault(speaker, speaker), found, part_of, words)
            if len(rows) < page:
                return
            last = rows[-1][0]

    def pages(self, page: int = 2000) -> Iterator[list[Fact]]:
        """Every admitted fact in file order, a page at a time, none kept (``select`` keeps
        each fact's line, ``facts.values()`` the whole table): a writer of the whole table
        (export) holds a page, never 100,000 facts."""
        last = -1
        while True:
            rows = self.index.typed_rows(
                f"SELECT x.rowid FROM filters x WHERE {self.index.admit('x.rowid > ?')} "
                f"ORDER BY x.rowid LIMIT {int(page)}", [last], (int,))
            if not rows:
                return
            first, last = rows[0][0], rows[-1][0]
            yield [fact for fact, _ in self.index.records(
                f"{FACTS.format(fact_sql())} WHERE "
                f"{self.index.admit('x.rowid BETWEEN ? AND ?')} ORDER BY {FILE_ORDER}",
                [first, last])]

    def event_pages(self, event_id: str, page: int = 500) -> Iterator[list[Fact]]:
        """An event's facts that are not parts, in file order, a page at a time (by the
        event's index): a reader of a meeting of 10,000 facts holds a page of them (500
        whole facts, about 2 MB; a page of 2,000 was a tenth of the Moscow brief's first run
        at 100,000 facts)."""
        last = -1
        while True:
            rows = self.index.typed_rows(
                f"SELECT x.rowid FROM filters x WHERE "
                f"{self.index.admit(f'x.event = ? AND {TOP_LEVEL} AND x.rowid > ?')} "
                f"ORDER BY x.rowid LIMIT {int(page)}", [event_id, last], (int,))
            if not rows:
                return
            first, last = rows[0][0], rows[-1][0]
            yield self.select(f"x.event = ? AND {TOP_LEVEL} AND x.rowid BETWEEN ? AND ?",
                              [event_id, first, last], FILE_ORDER)

    def main_sector_facts(self, sectors: Iterable[str]) -> list[Fact]:
        """Facts whose main (first) sector is one of ``sectors``, in file order: the stored
        sector list starts with it ('|nuclear|…')."""
        sectors = list(sectors)
        return self.select(*_main_sector(sectors), FILE_ORDER) if sectors else []

    def links(self, where: str, params: Iterable[Any] = ()) -> list[Link]:
        """The admitted facts matching ``where`` (over ``filters x``) as track's choice of a
        topic reads them (its id, its parent, the earlier facts it follows:
        judged.topic_rows), no record read."""
        rows = self.index.typed_rows(
            f"SELECT x.rowid, x.id, x.part_of FROM filters x WHERE {self.index.admit(where)}",
            params, (int, str, str))
        follows = self.follows_by_row()
        return [Link(fact_id, part_of, follows.get(rowid, ())) for rowid, fact_id, part_of in rows]

    def light_facts(self, rowids: list[int]) -> dict[int, Light]:
        """``Index.facts`` read as ``Light`` records: the filter columns only, no text."""
        follows = self.follows_by_row()
        found: dict[int, Light] = {}
        sectors: dict[str, tuple[str, ...]] = {}
        for chunk in _chunks(rowids):
            for rowid, fact_id, day, status, listed, part_of in self.index.typed_rows(
                    "SELECT x.rowid, x.id, x.date, x.status, x.sectors, x.part_of FROM filters x "
                    f"WHERE x.rowid IN ({marks(chunk)})", chunk, (int, str, int, str, str, str)):
                held = sectors.get(listed)
                if held is None:  # '|nuclear|energy|' -> ('nuclear', 'energy'), once
                    held = sectors[listed] = tuple(listed[1:-1].split("|")) if listed != "||" \
                        else ()
                found[rowid] = Light(fact_id, date.fromordinal(day), status, held, part_of,
                                     follows.get(rowid, ()))
        if len(found) != len(set(rowids)):
            raise Damaged("a posting names a fact the index does not hold")
        return found

    def follows_by_row(self) -> dict[int, tuple[str, ...]]:
        """Each row's ``follows`` (the earlier facts it names, in its order), read once a run
        from the links table: one row per link, far fewer than the facts."""
        if "follows" not in self._small:
            found: dict[int, list[str]] = {}
            for rowid, earlier in self.index.typed_rows(
                    "SELECT rowid, earlier FROM fact_follows ORDER BY rowid, _rowid_", (),
                    (int, str)):
                found.setdefault(rowid, []).append(earlier)
            self._small["follows"] = {rowid: tuple(names) for rowid, names in found.items()}
        return self._small["follows"]

    def links_of(self, fact_ids: Iterable[str]) -> list[Link]:
        """``links`` of the admitted facts among ``fact_ids`` (by the facts' unique id index)."""
        found: list[Link] = []
        for chunk in _chunks(list(dict.fromkeys(fact_ids))):
            found += self.links(f"x.rowid IN (SELECT f.rowid FROM facts f WHERE f.id IN "
                                f"({marks(chunk)}))", chunk)
        return found

    def main_sector_links(self, sectors: Iterable[str]) -> list[Link]:
        """``links`` of the facts ``main_sector_facts`` reads."""
        sectors = list(sectors)
        return self.links(*_main_sector(sectors)) if sectors else []

    def with_parts(self) -> set[str]:
        """Ids of the facts that have admitted parts."""
        where = self.index.admit("x.part_of != ''")
        return {row[0] for row in self.index.rows(
            f"SELECT DISTINCT x.part_of FROM filters x WHERE {where}")}
