"""The store every command reads: the validated table in the cached SQLite file, asked in SQL.

Why: parsing and validating the CSV files on every run costs seconds at 100,000 facts, and
the cache (cache.py, index.py) already holds a checked copy keyed on the data's content, with
the same freshness, integrity and permission rules for every command. Filters, counts and
orderings run in SQL over indexed columns; facts come back as named tuples only for the rows
asked for. Rows under review (``review = draft``) are admitted in one place, ``Index.admit``:
a store opened with ``drafts=False`` (the default) never returns them, nor counts them.

``Store`` also offers what ``model.Dataset`` offers (``facts``, ``events``, ``facts_by_event``,
``parts``, ``fact_lines``, ``top_level``), answered lazily from SQL, so code written against a
loaded dataset reads the store unchanged; the typed queries below (and brief's and track's
in walks.py and report_walks.py) are the fast paths.
"""

from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

from kzru.fact_columns import fact_sql
from kzru.index import Index
from kzru.model import Fact
from kzru.report_walks import ReportQueries
from kzru.walks import (  # noqa: F401 - the store's own names, kept where callers look
    FACTS,
    FILE_ORDER,
    ROLE_CANDIDATES,
    TOP_LEVEL,
    Candidate,
    _chunks,
    marks,
)

NEWEST_FIRST = "x.date DESC, x.id DESC"
PRECISIONS = ("day", "month", "year")


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


class Store(ReportQueries):
    """Typed queries over the cached store, drafts excluded unless ``drafts``; the questions
    brief and track ask are mixed in from ``report_walks.ReportQueries`` (which adds
    one event's questions to ``walks.WalkQueries``)."""

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
        sql = f"{FACTS.format(fact_sql())} WHERE {self.index.admit(where)}"
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
        """How many admitted facts pass; the whole table's count asked once a run (track's
        see also asks it for every batch)."""
        if selection is None and not top_level and "count" in self._small:
            return int(self._small["count"])
        where, params = self._where(selection, top_level)
        (found,), = self.index.rows(
            f"SELECT COUNT(*) FROM filters x WHERE {self.index.admit(where)}", params)
        if selection is None and not top_level:
            self._small["count"] = found
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

    def search_allowed(self, allowed: set[int] | None) -> set[int] | None:
        """Search's row set with drafts taken out (None: every row, when there are none)."""
        if self.drafts or not self.index.has_drafts:
            return allowed
        admitted = self.index.allowed("1", [])
        return admitted if allowed is None else allowed & admitted


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
