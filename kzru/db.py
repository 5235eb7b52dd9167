"""The store every command reads: the validated table in the cached SQLite file, asked in SQL.

Why: parsing and validating the CSV files on every run costs seconds at 100,000 facts, and
the cache (cache.py, index.py) already holds a checked copy keyed on the data's content, with
the same freshness, integrity and permission rules for every command. Filters, counts and
orderings run in SQL over indexed columns; facts come back as named tuples only for the rows
asked for. Rows under review (``review = draft``) are admitted in one place, ``Index.admit``:
a store opened with ``drafts=False`` (the default) never returns them, nor counts them.

``Store`` also offers what ``model.Dataset`` offers (``facts``, ``events``, ``facts_by_event``,
``parts``, ``fact_lines``, ``top_level``), answered lazily from SQL, so code written against a
loaded dataset reads the store unchanged; the typed queries below are the fast paths.
"""


from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

from kzru.index import Index
from kzru.model import Fact

# Every fact query: the record (checked field by field when decoded) and its line in the CSV.
FACTS = "SELECT f.record, x.line FROM filters x JOIN facts f ON f.rowid = x.rowid"
NEWEST_FIRST = "x.date DESC, x.id DESC"
FILE_ORDER = "x.rowid"
TOP_LEVEL = "x.part_of = ''"
PRECISIONS = ("day", "month", "year")
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


class Selection(NamedTuple):
    """A WHERE clause over ``filters x`` (and its link tables) with its parameters."""

    where: str = "1"
    params: tuple[Any, ...] = ()


class SectorCounts(NamedTuple):
    """One sector's top-level facts: how many, signed, agreed, events, first and last date."""

    sector: str
    facts: int
    signed: int
    agreed: int
    events: int
    first: date | None
    first_precision: str
    last: date | None
    last_precision: str


def open_store(data: Any = None, color: bool = True, drafts: bool = False) -> "Store":
    """The store for ``--data`` (or KZRU_DATA, or the bundled table), built when not fresh."""
    from kzru.index import open_index
    from kzru.paths import resolve_data_dir

    folder = resolve_data_dir(data)
    index = open_index(folder, color=color)
    return Store(index, folder, drafts)


def marks(values: Iterable[Any]) -> str:
    return ",".join("?" * len(list(values)))


def _chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """Runs of at most ``size`` values: an IN list stays within SQLite's variable limit."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


class Store:
    """Typed queries over the cached store, drafts excluded unless ``drafts``."""

    all_links_past = 500  # followers of more facts than this: every link read at once

    def __init__(self, index: Index, folder: Path | str, drafts: bool = False) -> None:
        self.index = index
        index.drafts = drafts
        self.drafts = drafts
        self.folder = str(folder)
        self._lines: dict[str, int] = {}
        self._small: dict[str, dict[str, Any]] = {}
        self.facts = _Facts(self)
        self.facts_by_event = _Grouped(self, "event")
        self.parts = _Grouped(self, "part_of")
        self.fact_lines = _Lines(self)

    # --- the small tables (sources, events, sectors, glossary), decoded once a run ----------

    def _table(self, name: str) -> dict[str, Any]:
        if name not in self._small:
            rows = self.index.table(name)
            if not self.drafts and name in ("events", "sources"):
                rows = {key: row for key, row in rows.items() if row.review == "accepted"}
            self._small[name] = rows
        return self._small[name]

    @property
    def events(self) -> dict[str, Any]:
        return self._table("events")

    @property
    def sources(self) -> dict[str, Any]:
        return self._table("sources")

    @property
    def sectors(self) -> dict[str, Any]:
        return self._table("sectors")

    @property
    def glossary(self) -> dict[str, Any]:
        return self._table("glossary")

    # --- facts ------------------------------------------------------------------------------

    def select(self, where: str = "1", params: Iterable[Any] = (),
               order: str | None = NEWEST_FIRST, limit: int | None = None) -> list[Fact]:
        """Facts matching ``where`` (over ``filters x`` and ``facts f``), in ``order`` (None:
        in whatever order SQLite finds them, for a caller that keys them by id)."""
        sql = f"{FACTS} WHERE {self.index.admit(where)}"
        if order is not None:
            sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        found = self.index.records(sql, params)
        for fact, line in found:
            self._lines[fact.id] = line
        return [fact for fact, _ in found]

    def filtered(self, selection: Any = None, top_level: bool = False,
                 limit: int | None = None, order: str = NEWEST_FIRST) -> list[Fact]:
        """Facts passing a filter (anything with ``sql()``, e.g. query.FactFilter)."""
        where, params = self._where(selection, top_level)
        return self.select(where, params, order, limit)

    def count(self, selection: Any = None, top_level: bool = False) -> int:
        where, params = self._where(selection, top_level)
        (found,), = self.index.rows(
            f"SELECT COUNT(*) FROM filters x WHERE {self.index.admit(where)}", params)
        return int(found)

    @staticmethod
    def _where(selection: Any, top_level: bool) -> tuple[str, list[Any]]:
        where, params = selection.sql() if selection is not None else ("1", [])
        if top_level:
            where = f"({where}) AND {TOP_LEVEL}"
        return where, list(params)

    def fact(self, fact_id: str) -> Fact | None:
        found = self.select("f.id = ?", [fact_id], FILE_ORDER)
        return found[0] if found else None

    def event_facts(self, event_id: str, top_level: bool = False,
                    roles: bool = False) -> list[Fact]:
        """An event's facts in file order (only those that are not parts with
        ``top_level``; with ``roles`` at least those follow.role gives a role), read by the
        event's index."""
        where = f"x.event = ? AND {TOP_LEVEL}" if top_level else "x.event = ?"
        if roles:
            where += f" AND ({ROLE_CANDIDATES})"
        return self.select(where, [event_id], FILE_ORDER)

    def fact_ids(self) -> list[str]:
        return [row[0] for row in self.index.rows(
            f"SELECT x.id FROM filters x WHERE {self.index.admit()} ORDER BY {FILE_ORDER}")]

    def speakers(self) -> list[str]:
        """Every speaker value of the facts admitted (for --speaker, kzru.filters)."""
        return [row[0] for row in self.index.rows(
            f"SELECT DISTINCT x.speaker FROM filters x WHERE {self.index.admit()}")]

    def top_level(self, facts: Iterable[Fact] | None = None) -> list[Fact]:
        """Facts that are not part of another: what every count counts, once per item."""
        if facts is None:
            return self.select(TOP_LEVEL, order=FILE_ORDER)
        return [fact for fact in facts if not fact.part_of]

    # --- counts, all in SQL -----------------------------------------------------------------

    def top_level_counts(self, column: str) -> dict[str, int]:
        """Top-level facts per ``event`` or per ``source``."""
        if column not in ("event", "source"):
            raise ValueError(column)
        rows = self.index.rows(f"SELECT x.{column}, COUNT(*) FROM filters x WHERE "
                               f"{self.index.admit(TOP_LEVEL)} GROUP BY x.{column}")
        return {key: int(count) for key, count in rows}

    def sector_counts(self, selection: Any = None) -> dict[str, SectorCounts]:
        """Per sector: top-level facts, signed, agreed, events, and the first and last date
        each at the precision it is known to (day before month before year on a tie)."""
        where, params = self._where(selection, True)
        rows = self.index.rows(
            "SELECT s.sector, COUNT(*), SUM(x.status = 'signed'), SUM(x.status = 'agreed'), "
            "COUNT(DISTINCT NULLIF(x.event, '')), MIN(x.date * 4 + x.precision), "
            "MAX(x.date * 4 + 2 - x.precision) "
            "FROM fact_sectors s JOIN filters x ON x.rowid = s.rowid "
            f"WHERE {self.index.admit(where)} GROUP BY s.sector", params)
        found = {}
        for sector, facts, signed, agreed, events, first, last in rows:
            found[sector] = SectorCounts(
                sector, int(facts), int(signed), int(agreed), int(events),
                date.fromordinal(first // 4), PRECISIONS[first % 4],
                date.fromordinal(last // 4), PRECISIONS[2 - last % 4])
        return found

    def sector_event_counts(self) -> dict[tuple[str, str], int]:
        """Top-level facts per (sector, event); event '' for facts outside any event."""
        rows = self.index.rows(
            "SELECT s.sector, x.event, COUNT(*) FROM fact_sectors s JOIN filters x "
            f"ON x.rowid = s.rowid WHERE {self.index.admit(TOP_LEVEL)} "
            "GROUP BY s.sector, x.event")
        return {(sector, event): int(count) for sector, event, count in rows}

    def source_event_counts(self) -> dict[tuple[str, str], int]:
        """Facts per (source, event), for facts tied to an event (asked once a run)."""
        if "source_events" not in self._small:
            self._event_sources()
        return dict(self._small["source_events"])

    def _event_sources(self) -> None:
        """Per (event, source) of the facts tied to an event, in one pass over the table:
        how many (``source_event_counts``), and whether one reports the event under way or an
        outcome (``event_source_outcomes``); track and brief ask both."""
        rows = self.index.rows(
            "SELECT x.event, x.source, COUNT(*), MAX(x.status = 'ongoing' AND x.kind = "
            "'meeting'), MAX(x.status IN ('signed', 'agreed', 'done')) FROM filters x WHERE "
            f"{self.index.admit('x.event != ' + repr(''))} GROUP BY x.event, x.source")
        self._small["source_events"] = {(source, event): int(count)
                                        for event, source, count, _, _ in rows}
        self._small["outcomes"] = {(event, source): (bool(going), bool(outcome))
                                   for event, source, _, going, outcome in rows}

    # --- links between facts ----------------------------------------------------------------

    def follows_links(self) -> list[tuple[str, str]]:
        """Every recorded (later id, earlier id) follows link among admitted facts."""
        return [(later, earlier) for later, earlier in self.index.rows(
            "SELECT x.id, l.earlier FROM fact_follows l JOIN filters x ON x.rowid = l.rowid "
            f"WHERE {self.index.admit()} ORDER BY x.rowid")]

    def related(self, fact: Fact, limit: int = 8) -> list[Fact]:
        """Facts of the same event sharing a sector, then facts sharing a rare name (by date),
        then facts of the same article sharing a sector. Names found in more than a tenth of
        the facts (countries, the presidents) relate nothing."""
        sectors = list(dict.fromkeys(fact.sectors))
        in_sectors = ("x.rowid IN (SELECT rowid FROM fact_sectors WHERE sector IN "
                      f"({marks(sectors)}))")
        found: list[Fact] = []
        if fact.event:
            found = self.select(f"x.event = ? AND f.id != ? AND {in_sectors}",
                                [fact.event, fact.id, *sectors], FILE_ORDER, limit)
        if len(found) >= limit:
            return found[:limit]
        taken = [fact.id, *(other.id for other in found)]
        names = sorted({name for (name,) in self.index.rows(
            "SELECT n.name FROM fact_names n JOIN facts f ON f.rowid = n.rowid WHERE f.id = ?",
            [fact.id])})
        if names:
            common = max(3, self.count() // 10)
            counts = self.index.rows(
                "SELECT n.name, COUNT(*) FROM fact_names n JOIN filters x ON x.rowid = n.rowid "
                f"WHERE {self.index.admit(f'n.name IN ({marks(names)})')} GROUP BY n.name",
                names)
            rare = [name for name, count in counts if count <= common]
            if rare:
                found += self.select(
                    f"x.rowid IN (SELECT rowid FROM fact_names WHERE name IN ({marks(rare)})) "
                    f"AND f.id NOT IN ({marks(taken)})", [*rare, *taken],
                    "x.date, x.rowid", limit - len(found))
        if len(found) >= limit:
            return found[:limit]
        taken = [fact.id, *(other.id for other in found)]
        found += self.select(f"x.source = ? AND {in_sectors} AND f.id NOT IN ({marks(taken)})",
                             [fact.source, *sectors, *taken], FILE_ORDER, limit - len(found))
        return found[:limit]

    # --- what brief and track read: an event's facts, their parts and links, in SQL -------
    # model.Dataset answers the same questions in Python (the rule these must agree with).

    def facts_of(self, sources: Iterable[str], events: Iterable[str],
                 statuses: Iterable[str] | None = None, top_level: bool = False,
                 ids: bool = False) -> list[Any]:
        """Facts (or their ids, with ``ids``) of these sources and events ('' for none), of
        these statuses, only those that are not parts with ``top_level``; file order."""
        sources, events = list(dict.fromkeys(sources)), list(dict.fromkeys(events))
        if not sources or not events:
            return []
        where = f"x.source IN ({marks(sources)}) AND x.event IN ({marks(events)})"
        params: list[Any] = [*sources, *events]
        if statuses is not None:
            statuses = list(statuses)
            where += f" AND x.status IN ({marks(statuses)})"
            params += statuses
        if top_level:
            where += f" AND {TOP_LEVEL}"
        if ids:
            return [row[0] for row in self.index.rows(
                f"SELECT x.id FROM filters x WHERE {self.index.admit(where)} "
                f"ORDER BY {FILE_ORDER}", params)]
        return self.select(where, params, FILE_ORDER)

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

    def event_source_outcomes(self) -> dict[tuple[str, str], tuple[bool, bool]]:
        """Per (event, source) of the facts tied to an event: whether one reports the event
        under way (an ongoing meeting), whether one reports an outcome (signed, agreed,
        done)."""
        if "outcomes" not in self._small:
            self._event_sources()
        return self._small["outcomes"]

    def event_fact_sources(self, event_id: str) -> list[str]:
        """The sources of an event's facts, in the order they first appear."""
        return [row[0] for row in self.index.rows(
            "SELECT x.source, MIN(x.rowid) AS first FROM filters x WHERE "
            f"{self.index.admit('x.event = ?')} GROUP BY x.source ORDER BY first",
            [event_id])]

    def known_before(self, event_ids: Iterable[str], sources: Iterable[str], before: date,
                     sectors: Iterable[str], names: Iterable[str]) -> tuple[set[str], set[str]]:
        """Which of ``sectors`` and of the (normalised) ``names`` some fact already had: a
        fact of ``event_ids``, or one outside any event from ``sources`` dated before
        ``before``. Each is asked whether one such fact exists (by the sector's or name's
        index), not every earlier fact read."""
        event_ids, sources = list(event_ids), list(sources)
        where = f"(x.event IN ({marks(event_ids)}) OR (x.event = '' AND x.source IN " \
                f"({marks(sources)}) AND x.date < ?))"
        params = [*event_ids, *sources, before.toordinal()]

        def known(table: str, column: str, values: Iterable[str]) -> set[str]:
            found: set[str] = set()
            for chunk in _chunks(list(dict.fromkeys(values))):
                rows = self.index.rows(
                    f"WITH wanted(value) AS (VALUES {','.join(['(?)'] * len(chunk))}) "
                    f"SELECT value FROM wanted WHERE EXISTS (SELECT 1 FROM {table} t JOIN "
                    f"filters x ON x.rowid = t.rowid WHERE t.{column} = wanted.value AND "
                    f"{self.index.admit(where)})", [*chunk, *params])
                found.update(row[0] for row in rows)
            return found

        return known("fact_sectors", "sector", sectors), known("fact_names", "name", names)

    def event_sectors(self, event_id: str) -> set[str]:
        """Every sector of an event's facts: the distinct stored lists ('|nuclear|energy|')
        of the event's rows, read by the event's index (a few), split here."""
        return {sector for (listed,) in self.index.typed_rows(
            f"SELECT DISTINCT x.sectors FROM filters x WHERE {self.index.admit('x.event = ?')}",
            [event_id], (str,)) for sector in listed[1:-1].split("|")}

    def role_candidates(self) -> list[Fact]:
        """Facts track may follow (follow.role), narrowed in SQL by status and kind; file
        order. role() decides among them."""
        return self.select(ROLE_CANDIDATES, order=FILE_ORDER)

    def role_pool(self, page: int = 5000) -> Iterator["Candidate"]:
        """``role_candidates`` a page at a time, each with only what role() and track's
        choice read (the words only of a statement that may be a discussed item, taken out of
        the stored record by SQLite): no record decoded, none held. The facts track shows are
        read whole afterwards (``fetch``), each value checked."""
        evidence = Fact._fields.index("evidence")
        where = self.index.admit(f"({ROLE_CANDIDATES}) AND x.rowid > ?")
        sql = ("SELECT x.rowid, x.id, x.kind, x.event, x.date, x.status, x.speaker, x.sectors, "
               "x.part_of, CASE WHEN x.status = 'reported' AND x.kind = 'statement' THEN "
               f"(SELECT json_extract(f.record, '$[{evidence}]') FROM facts f WHERE f.rowid = "
               f"x.rowid) ELSE '' END FROM filters x NOT INDEXED WHERE {where} "
               f"ORDER BY {FILE_ORDER} LIMIT {int(page)}")  # NOT INDEXED: a page by rowid
        types = (int, str, str, str, int, str, str, str, str, str)
        shared: dict[str, str] = {}  # one copy of each kind, event, status and speaker
        sectors: dict[str, tuple[str, ...]] = {}
        last = -1
        while True:
            rows = self.index.typed_rows(sql, [last], types)
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

    def main_sector_facts(self, sectors: Iterable[str]) -> list[Fact]:
        """Facts whose main (first) sector is one of ``sectors``, in file order: the stored
        sector list starts with it ('|nuclear|…')."""
        sectors = list(sectors)
        if not sectors:
            return []
        where = " OR ".join(["instr(x.sectors, '|' || ? || '|') = 1"] * len(sectors))
        return self.select(f"({where})", sectors, FILE_ORDER)

    def with_parts(self) -> set[str]:
        """Ids of the facts that have admitted parts."""
        where = self.index.admit("x.part_of != ''")
        return {row[0] for row in self.index.rows(
            f"SELECT DISTINCT x.part_of FROM filters x WHERE {where}")}

    def search_allowed(self, allowed: set[int] | None) -> set[int] | None:
        """Search's row set with drafts taken out (None: every row, when there are none)."""
        if self.drafts or not self.index.has_drafts:
            return allowed
        admitted = self.index.allowed("1", [])
        return admitted if allowed is None else allowed & admitted


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


class _Facts(Mapping[str, Fact]):
    """The admitted facts by id, read from SQL when asked (a command asks for a few)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._known: dict[str, Fact] = {}
        self._all: list[Fact] | None = None

    def __getitem__(self, fact_id: str) -> Fact:
        if fact_id not in self._known:
            found = self.store.fact(fact_id)
            if found is None:
                raise KeyError(fact_id)
            self._known[fact_id] = found
        return self._known[fact_id]

    def __contains__(self, fact_id: object) -> bool:
        if not isinstance(fact_id, str):
            return False
        try:
            self[fact_id]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.fact_ids())

    def __len__(self) -> int:
        return self.store.count()

    def values(self) -> list[Fact]:  # type: ignore[override]
        """Every admitted fact in file order: a whole-table read (once a run), for the callers
        that still walk the table (brief's and track's context)."""
        if self._all is None:
            self._all = self.store.select(order=FILE_ORDER)
            self._known = {fact.id: fact for fact in self._all}
            for grouped in (self.store.facts_by_event, self.store.parts):
                grouped.fill(self._all)
        return self._all


class _Grouped(Mapping[str, list[Fact]]):
    """Facts by event (or by parent, for parts), in file order, read from SQL when asked."""

    def __init__(self, store: Store, column: str) -> None:
        self.store = store
        self.column = column
        self._known: dict[str, list[Fact]] = {}
        self._complete = False

    def fill(self, facts: list[Fact]) -> None:
        """Group facts already read (the whole table): no more queries for this mapping."""
        self._known = {}
        for fact in facts:
            self._known.setdefault(getattr(fact, self.column), []).append(fact)
        self._complete = True

    def __getitem__(self, key: str) -> list[Fact]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if key not in self._known and not self._complete:
            self._known[key] = self.store.select(f"x.{self.column} = ?", [key], FILE_ORDER)
        return self._known.get(key) or default

    def __iter__(self) -> Iterator[str]:
        rows = self.store.index.rows(f"SELECT DISTINCT x.{self.column} FROM filters x WHERE "
                                     f"{self.store.index.admit()}")
        return (key for (key,) in rows if key)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Lines(Mapping[str, int]):
    """The CSV line of each fact (the curated order), from facts already read or from SQL."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __getitem__(self, fact_id: str) -> int:
        known = self.store._lines
        if fact_id not in known:
            # admitted rows only: a hidden draft has no line, as it has no fact
            rows = self.store.index.rows(
                "SELECT x.line FROM filters x JOIN facts f ON f.rowid = x.rowid WHERE "
                f"{self.store.index.admit('f.id = ?')}", [fact_id])
            if not rows:
                raise KeyError(fact_id)
            known[fact_id] = int(rows[0][0])
        return known[fact_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.fact_ids())

    def __len__(self) -> int:
        return self.store.count()
