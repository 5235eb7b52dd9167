"""Checks across rows: every reference names a row that exists, links run back in time and
form no cycles, same_as goes both ways, accepted rows lean on no draft.

Each check reads the tables ``validate.read_table`` made and is linear in rows and links:
"did you mean" hints come from an index, never from a scan of every id.
"""

from __future__ import annotations

import re
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from kzru.errors import PER_KIND, Problems
from kzru.labels import Said
from kzru.model import Fact
from kzru.render import date_label
from kzru.validate import Table, excerpt

# How many ids on each side of where a mistyped id would sort (forwards and backwards) a
# fuzzy hint compares it with: a typo keeps either the start or the end of the id.
NEAR = 64


class FactLinks(NamedTuple):
    """What the checks across rows read of a fact: its id, date, review and links. A build
    that streams the facts into the store keeps only this of each (not its text)."""

    id: Any
    event: Any
    date: Any
    sectors: Any
    source: Any
    part_of: Any
    follows: Any
    same_as: Any
    review: Any


LINK_FIELDS = tuple(Fact._fields.index(name) for name in FactLinks._fields)


class _Hints:
    """'Did you mean' for ids of one table, from an index: an id written with capitals, a
    look-alike letter or an invisible character is found by its folded form in one lookup.
    A fuzzy search (for typos) is spent only on lines a report shows, and only over the ids
    that sort next to the mistyped one, read forwards and backwards, so a table with every
    reference broken is still checked in linear time."""

    # Cyrillic letters that look like Latin ones, as curators mistype them in ids.
    LOOKALIKES = str.maketrans("аеорсухкмтвнізј", "aeopcyxkmtbhizj")

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids
        self.folded: dict[str, str] | None = None
        self.forwards: list[str] | None = None
        self.backwards: list[str] | None = None

    @classmethod
    def fold(cls, text: str) -> str:
        import unicodedata

        plain = unicodedata.normalize("NFKC", text).casefold().translate(cls.LOOKALIKES)
        return re.sub(r"[^a-z0-9]", "", plain)

    def hint(self, item: str, fuzzy: bool) -> str:
        if self.folded is None:
            self.folded = {}
            for known in sorted(self.ids):
                self.folded.setdefault(self.fold(known), known)
        found = self.folded.get(self.fold(item))
        if found is None and fuzzy:
            from rapidfuzz import fuzz, process

            best = process.extractOne(item, self.nearby(item), scorer=fuzz.WRatio,
                                      score_cutoff=60)
            found = best[0] if best else None
        return Said("err.did_you_mean", choice=found) if found is not None else ""

    def nearby(self, item: str) -> list[str]:
        """The ids that sort within NEAR of ``item``, forwards and read backwards."""
        from bisect import bisect

        if self.forwards is None or self.backwards is None:
            self.forwards = sorted(self.ids)
            self.backwards = sorted(known[::-1] for known in self.ids)
        key = item.casefold()
        at = bisect(self.forwards, key)
        found = set(self.forwards[max(0, at - NEAR):at + NEAR])
        at = bisect(self.backwards, key[::-1])
        found.update(known[::-1] for known in self.backwards[max(0, at - NEAR):at + NEAR])
        return sorted(found)


def check_references(tables: dict[str, Table], schema: dict[str, Any],
                      problems: Problems) -> None:
    """Every foreign key, the list-field ones (listForeignKeys) and self-references included.
    A row whose id is invalid has none (None): it is reported where it is read."""
    ids = {name: {row.id for row in table.rows if row.id} for name, table in tables.items()}
    hints = {name: _Hints(known) for name, known in ids.items()}
    for name, table in tables.items():
        declared = schema[name]["schema"]
        for key in [*declared.get("foreignKeys", []), *declared.get("listForeignKeys", [])]:
            field = key["fields"][0]
            target = key["reference"]["resource"] or name
            if not tables[target].whole:
                continue  # its rows past a fatal error are unknown: reported there
            known = ids[target]
            kind = None  # made on the first problem: valid data never loads the messages
            for value, line in zip(map(attrgetter(field), table.rows), table.lines):
                for item in value if isinstance(value, tuple) else (value,):
                    if item and item not in known and kind is None:
                        kind = Said("data.kind.not_an_id", table=name, column=field,
                                    target=target)
                    if item and item not in known and not problems.counted(kind):
                        # The fuzzy hint only for lines shown by default (the first few).
                        fuzzy = problems.seen(kind) < PER_KIND
                        problems.append(Said("data.not_an_id", where=table.where(line, field),
                                             column=field, value=excerpt(item, 100),
                                             target=target,
                                             hint=hints[target].hint(item, fuzzy)), kind)


def check_rules(tables: dict[str, Table], problems: Problems) -> None:
    """Rules that span several rows (those within one row are checked as it is read). A
    cell that failed to parse holds None (or its text): each rule checks only values of
    the right type."""
    events = tables["events"]
    facts = tables["facts"]
    sources = tables["sources"]
    event_ids = {row.id for row in events.rows if row.id}
    source_ids = {row.id for row in sources.rows if row.id}
    for row, line in zip(facts.rows, facts.lines):
        if row.id in event_ids:
            problems.append(Said("data.fact_is_event", where=facts.where(line, "id"), id=row.id),
                            Said("data.kind.event_ids"))
        elif row.id in source_ids:
            problems.append(Said("data.id_is_source", where=facts.where(line, "id"), id=row.id),
                            Said("data.kind.source_ids"))
    for row, line in zip(sources.rows, sources.lines):
        if row.id in event_ids:
            problems.append(Said("data.source_is_event", where=sources.where(line, "id"),
                                 id=row.id), Said("data.kind.source_event_ids"))
    _check_fact_links(facts, problems)
    _check_same_as(facts, problems)
    _check_draft_references(tables, problems)


def _check_same_as(facts: Table, problems: Any) -> None:
    """same_as names facts of *other* sources reporting the same thing, and says so on both
    sides; a draft's list is a proposal (kzru add), so only accepted rows must be symmetric."""
    by_id = {row.id: row for row in facts.rows}

    def rules() -> Any:  # their kind, made only when there is a problem
        return Said("data.kind.rules", table="facts", column="same_as")

    for row, line in zip(facts.rows, facts.lines):
        seen: set[str] = set()
        for other_id in row.same_as or ():  # (None: the cell was refused already)
            if other_id in seen:
                problems.append(Said("data.same_as_twice", where=facts.where(line, "same_as"),
                                     other=other_id), rules())
                continue
            seen.add(other_id)
            other = by_id.get(other_id)
            if other is None:
                continue  # reported by the reference check
            where = facts.where(line, "same_as")
            if other_id == row.id:
                problems.append(Said("data.same_as_self", where=where), rules())
            elif other.source == row.source:
                problems.append(Said("data.same_as_source", where=where, other=other_id,
                                     source=row.source), rules())
            elif row.review != "draft" and other.review != "draft" \
                    and row.id not in (other.same_as or ()):
                problems.append(Said("data.same_as_back", where=where, other=other_id, id=row.id),
                                rules())


def _check_draft_references(tables: dict[str, Table], problems: Any) -> None:
    """An accepted row may not lean on a draft: drafts are hidden from every reader, so the
    accepted row would point at nothing (accept the draft first, or drop the link)."""
    drafts = {name: {row.id for row in tables[name].rows if row.review == "draft"}
              for name in ("sources", "events", "facts")}
    links = {"events": (("sources", "sources"),),
             "facts": (("event", "events"), ("source", "sources"), ("part_of", "facts"),
                       ("follows", "facts"), ("same_as", "facts"))}
    for name, fields in links.items():
        table = tables[name]
        for row, line in zip(table.rows, table.lines):
            if row.review == "draft":
                continue
            for field, target in fields:
                value = getattr(row, field)
                for item in value if isinstance(value, tuple) else (value,):
                    if item in drafts[target]:
                        problems.append(Said("data.refers_to_draft",
                                             where=table.where(line, field), id=row.id,
                                             draft=item, target=target),
                                        Said("data.kind.refers_to_draft", table=name,
                                             column=field))


def _check_fact_links(facts: Table, problems: Problems) -> None:
    """part_of: same source as the parent, no cycles; follows: earlier facts, no cycles."""
    by_id = {row.id: row for row in facts.rows if row.id}
    for row, line in zip(facts.rows, facts.lines):
        parent = by_id.get(row.part_of) if row.part_of else None
        if parent is not None and parent.source != row.source:
            problems.append(Said("data.part_of_source", where=facts.where(line, "part_of"),
                                 parent=row.part_of, source=parent.source, own=row.source),
                            Said("data.kind.part_of_source"))
        for earlier in row.follows or ():
            target = by_id.get(earlier)
            if target is not None and isinstance(target.date, date) and \
                    isinstance(row.date, date) and target.date > row.date and \
                    target.date > _last_day(row.date, row.date_precision):
                # at the dates' precision: a fact of "2025" may follow one of 2025-09
                problems.append(Said("data.follows_later", where=facts.where(line, "follows"),
                                     earlier=earlier,
                                     date=date_label(target.date, target.date_precision),
                                     own=date_label(row.date, row.date_precision)),
                                Said("data.kind.follows_later"))
    for field in ("part_of", "follows"):
        # A fact that links to no fact lies on no cycle: only facts with links to facts
        # that exist are walked (a link to a missing id is reported by the reference check).
        links = {fact_id: targets for fact_id, row in by_id.items()
                 if (targets := tuple(target for target in _targets(getattr(row, field))
                                      if target in by_id))}
        looping = on_cycles(links)
        for row, line in zip(facts.rows, facts.lines):
            if row.id in looping:
                problems.append(Said("data.cycle", where=facts.where(line, field), column=field,
                                     id=row.id), Said("data.kind.cycles", column=field))


def _targets(value: Any) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,) if value else ()


def on_cycles(links: dict[str, tuple[str, ...]]) -> set[str]:
    """The nodes that lie on a cycle: members of a strongly connected component of more than
    one node, or linking to themselves (Tarjan's algorithm without recursion: linear in nodes
    and links, where walking the links from every node was quadratic on a long chain)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[str] = set()
    for root in links:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(links[root]))]
        while work:
            node, pending = work[-1]
            for target in pending:
                if target not in links:
                    continue
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(links[target])))
                    break
                if target in on_stack:
                    low[node] = min(low[node], order[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == order[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in links[node]:
                        found.update(component)
    return found


def _last_day(day: date, precision: str) -> date:
    """The last day a date stated at ``precision`` may stand for (as track reads it)."""
    from kzru.follow import period_end

    return period_end(day, precision)
