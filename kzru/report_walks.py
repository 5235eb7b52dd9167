"""What brief asks the store of one event and its report: its facts and rows in file order,
the sources and passages that tell it, what was known before it, its sectors and names, the
report's rows, signed documents and overviews, all in SQL over indexed columns.

Why apart from walks.py: walks.py holds the walks over facts and their links that track makes
of the whole table (facts by id, parts, followers, the facts that may have a role); these are
questions about one event, its sources and its report, asked by brief (and by track's
judgement of a preview's forecasts). ``db.Store`` mixes in ``ReportQueries``, which adds them
to ``walks.WalkQueries``; tests/test_read_paths.py holds both to ``model.Dataset``'s answers.
"""

from datetime import date
from typing import Any, Iterable, Sequence

from kzru.fact_columns import LIST_JOIN
from kzru.model import Fact, Row
from kzru.walks import FILE_ORDER, TOP_LEVEL, WalkQueries, _chunks, _main_sector, marks


class ReportQueries(WalkQueries):
    """Mixed into ``db.Store`` (with ``WalkQueries``, whose declarations say what it needs of
    the store)."""

    def _event_sources(self) -> None:
        raise NotImplementedError  # db.Store._event_sources

    def facts_of(self, sources: Iterable[str], events: Iterable[str],
                 statuses: Iterable[str] | None = None, top_level: bool = False,
                 ids: bool = False, kinds: Iterable[str] | None = None,
                 main_sectors: Iterable[str] | None = None) -> list[Any]:
        """Facts (or their ids, with ``ids``) of these sources and events ('' for none), of
        these statuses (and ``kinds``, and main sectors), only those that are not parts with
        ``top_level``; file order."""
        sources, events = list(dict.fromkeys(sources)), list(dict.fromkeys(events))
        main = list(dict.fromkeys(main_sectors)) if main_sectors is not None else None
        if not sources or not events or main == []:
            return []
        where = f"x.source IN ({marks(sources)}) AND x.event IN ({marks(events)})"
        params: list[Any] = [*sources, *events]
        if statuses is not None:
            statuses = list(statuses)
            where += f" AND x.status IN ({marks(statuses)})"
            params += statuses
        if kinds is not None:
            kinds = list(kinds)
            where += f" AND x.kind IN ({marks(kinds)})"
            params += kinds
        if main is not None:
            first, more = _main_sector(main)
            where += f" AND {first}"
            params += more
        if top_level:
            where += f" AND {TOP_LEVEL}"
        if ids:  # their lines kept, as ``select`` keeps a fact's
            rows = self.index.typed_rows(
                f"SELECT x.id, x.line FROM filters x WHERE {self.index.admit(where)} "
                f"ORDER BY {FILE_ORDER}", params, (str, int))
            self._lines.update(rows)
            return [fact_id for fact_id, _ in rows]
        return self.select(where, params, FILE_ORDER)

    def rows_of(self, sources: Iterable[str], events: Iterable[str],
                top_level: bool = False) -> list[Row]:
        """``facts_of`` as rows (model.Row): what a page's layout reads, not the words."""
        sources, events = list(dict.fromkeys(sources)), list(dict.fromkeys(events))
        if not sources or not events:
            return []
        where = f"x.source IN ({marks(sources)}) AND x.event IN ({marks(events)})"
        if top_level:
            where += f" AND {TOP_LEVEL}"
        return self._rows(where, [*sources, *events])

    def event_rows(self, event_id: str) -> list[Row]:
        """``event_facts`` as rows (model.Row), read by the event's index."""
        return self._rows("x.event = ?", [event_id])

    def _rows(self, where: str, params: list[Any]) -> list[Row]:
        """Rows in file order, each value's type checked; a row's sentence is its evidence's
        rank among the rows read (equal evidence, equal rank), so no evidence is held. Their
        lines are kept, as ``select`` keeps a fact's."""
        lines = self._lines
        shared: dict[str, Any] = {}  # one copy of each kind, event, status, list of sectors
        join = LIST_JOIN
        held: dict[str, tuple[str, ...]] = {}  # one copy of each list of names, and each name

        def listed_names(names: str) -> tuple[str, ...]:
            found = held.get(names)
            if found is None:
                found = held[names] = tuple(shared.setdefault(name, name)
                                            for name in names.split(join)) if names else ()
            return found

        def row(found: tuple[Any, ...]) -> Row:
            (fact_id, kind, event, day, precision, basis, listed, status, speaker, source,
             names, part_of, same_as, sentence, line) = found
            sectors = shared.get(listed)
            if sectors is None:
                sectors = shared[listed] = tuple(listed[1:-1].split("|")) \
                    if listed != "||" else ()
            lines[fact_id] = line
            return Row(fact_id, shared.setdefault(kind, kind),
                       shared.setdefault(event, event), date.fromordinal(day),
                       shared.setdefault(precision, precision),
                       shared.setdefault(basis, basis), sectors,
                       shared.setdefault(status, status), shared.setdefault(speaker, speaker),
                       shared.setdefault(source, source),
                       listed_names(names), part_of,
                       tuple(same_as.split(join)) if same_as else (), sentence)

        return self.index.typed_records(
            "SELECT x.id, x.kind, x.event, x.date, CASE x.precision WHEN 0 THEN 'day' WHEN 1 "
            "THEN 'month' WHEN 2 THEN 'year' END, x.basis, x.sectors, x.status, "
            "x.speaker, x.source, f.names, x.part_of, f.same_as, "
            "DENSE_RANK() OVER (ORDER BY f.evidence), x.line FROM filters x JOIN facts f ON "
            f"f.rowid = x.rowid WHERE {self.index.admit(where)} ORDER BY {FILE_ORDER}",
            params, (str, str, str, int, str, str, str, str, str, str, str, str, str, int, int),
            row)

    def event_source_outcomes(self) -> dict[tuple[str, str], tuple[bool, bool]]:
        """Per (event, source) of the facts tied to an event: whether one reports the event
        under way (an ongoing meeting), whether one reports an outcome (signed, agreed,
        done)."""
        if "outcomes" not in self._small:
            self._event_sources()
        return self._small["outcomes"]

    def event_fact_sources(self, event_id: str) -> list[str]:
        """The sources of an event's facts, in the order they first appear (asked once an
        event: track asks it for each preview row it judges)."""
        known = self._small.setdefault("fact_sources", {})
        if event_id not in known:
            known[event_id] = [row[0] for row in self.index.rows(
                "SELECT x.source, MIN(x.rowid) AS first FROM filters x WHERE "
                f"{self.index.admit('x.event = ?')} GROUP BY x.source ORDER BY first",
                [event_id])]
        return list(known[event_id])

    def event_spans(self, source_id: str, event_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """Per event of ``event_ids`` the source tells, the first and last line of its facts
        there (the article's passage on it): two numbers an event, not its facts."""
        event_ids = list(dict.fromkeys(event_ids))
        if not event_ids:
            return {}
        where = self.index.admit(f"x.source = ? AND x.event IN ({marks(event_ids)})")
        return {event: (first, last) for event, first, last in self.index.typed_rows(
            f"SELECT x.event, MIN(x.line), MAX(x.line) FROM filters x WHERE {where} "
            "GROUP BY x.event", [source_id, *event_ids], (str, int, int))}

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

    def main_sectors(self, event_id: str, sources: Iterable[str]) -> set[str]:
        """The main (first) sectors of an event's facts from these sources: the distinct
        stored lists of the event's rows, read by the event's index."""
        sources = list(dict.fromkeys(sources))
        if not sources:
            return set()
        where = self.index.admit(f"x.event = ? AND x.source IN ({marks(sources)})")
        return {listed[1:-1].split("|")[0] for (listed,) in self.index.typed_rows(
            f"SELECT DISTINCT x.sectors FROM filters x WHERE {where}", [event_id, *sources],
            (str,)) if listed != "||"}

    def names_of(self, source_id: str, events: Iterable[str],
                 names: Iterable[str] | None = None,
                 followed: bool = False) -> list[tuple[str, str, Any]]:
        """(id, speaker, names) of a source's facts of these events ('' for none), in file
        order: what previews.naming reads, not the facts. With ``names`` (normalised), only
        the facts naming one of them (by the names' index); with ``followed``, only those
        some fact's ``follows`` names (by the links' index): the others have no later fact."""
        events = list(dict.fromkeys(events))
        where = f"x.source = ? AND x.event IN ({marks(events)})"
        params: list[Any] = [source_id, *events]
        if followed:  # the linking fact admitted, as followers() reads it (y's review)
            where += (" AND x.id IN (SELECT l.earlier FROM fact_follows l JOIN filters y ON "
                      f"y.rowid = l.rowid WHERE {self.index.admit('1')})")
        if names is not None:
            names = sorted(set(names))
            where += f" AND x.rowid IN (SELECT rowid FROM fact_names WHERE name IN " \
                     f"({marks(names)}))"
            params += names
        rows = self.index.typed_rows(
            f"SELECT x.id, x.speaker, f.names FROM filters x JOIN facts f ON f.rowid = x.rowid "
            f"WHERE {self.index.admit(where)} ORDER BY {FILE_ORDER}", params, (str, str, str))
        join = LIST_JOIN
        return [(fact_id, speaker, tuple(names.split(join)) if names else ())
                for fact_id, speaker, names in rows]

    def report_rows(self, event_id: str, sources: Iterable[str]) -> list[tuple[str, str, str]]:
        """(id, source, main sector) of an event's top-level facts from these sources that
        have a sector, in file order: which rows to read, not the rows."""
        sources = list(dict.fromkeys(sources))
        if not sources:
            return []
        where = self.index.admit(f"x.event = ? AND x.source IN ({marks(sources)}) AND "
                                 f"{TOP_LEVEL} AND x.sectors != '||'")
        return [(fact_id, source, listed[1:-1].split("|")[0])
                for fact_id, source, listed in self.index.typed_rows(
                    f"SELECT x.id, x.source, x.sectors FROM filters x WHERE {where} "
                    f"ORDER BY {FILE_ORDER}", [event_id, *sources], (str, str, str))]

    def signed_documents(self, event_id: str, sources: Iterable[str]) -> list[Fact]:
        """The documents an event's report says were signed: its top-level signed documents
        from these sources that have a sector, in file order. Read once a run (track asks for
        each batch of forecasts; at 100,000 facts a report signs hundreds)."""
        return self._report_once("signed", event_id, sources, "x.sectors != '||' AND "
                                 "x.kind = 'document' AND x.status = 'signed'")

    def overview_rows(self, event_id: str, sources: Iterable[str], least: int) -> list[Fact]:
        """An event's top-level report rows from these sources naming at least ``least``
        sectors (an overview of the areas covered), in file order. Read once a run: track
        asks for each batch of topics only talked about, and at 100,000 facts a report holds
        thousands of rows, few of them overviews (narrowed in SQL by the count of '|')."""
        rows = self._report_once(f"overviews {least}", event_id, sources,
                                 "length(x.sectors) - length(replace(x.sectors, '|', '')) > ?",
                                 [least])
        return [row for row in rows if len(set(row.sectors)) >= least]

    def _report_once(self, name: str, event_id: str, sources: Iterable[str], condition: str,
                     params: Sequence[Any] = ()) -> list[Fact]:
        """An event's top-level facts from these sources that meet ``condition``, in file
        order, selected once a run under ``name`` (track asks again for each batch)."""
        sources = list(dict.fromkeys(sources))
        known = self._small.setdefault(name, {})
        key = (event_id, *sources)
        if key not in known:
            where = f"x.event = ? AND x.source IN ({marks(sources)}) AND {TOP_LEVEL} AND " \
                    f"{condition}"
            known[key] = self.select(where, [event_id, *sources, *params], FILE_ORDER) \
                if sources else []
        return list(known[key])
