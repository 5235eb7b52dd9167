"""The facts a query term's meaning points at, read from the index's columns rather than its
words: a kind word the facts of that kind, an event word the facts of such events, a place
the facts of the events held there, a sector's name the facts of that sector, a status noun
beside its filter the facts of that status; a visit's openings; the facts dated in a month
or on a day; and a person's own statements on the query's topics.

Why apart from matching.py: these are answers by column (kind, event, sector, status, date,
speaker), each weighed as a signal (SIGNAL); matching.py merges them with what a term's
letters match.
"""

from datetime import date

from kzru.index import Index
from kzru.query_terms import Term
from kzru.word_match import Best

# What a fact earns for a term through what the term means rather than its letters.
SIGNAL = {"kind": 0.7, "event": 0.7, "place": 0.8, "sector": 0.6, "status": 0.7}
# An event held in several places (the 2022 visit: Moscow, then Tatarstan) does not say in
# which of them each of its facts happened: its place counts for less than a stated one.
SHARED_PLACE = 0.5
# An event's opening announced ahead (a visit "scheduled for" its first day) says less of
# the event than one reporting that it took place.
PREVIEW = 0.5


class Signals:
    """Rows of facts by kind, event, sector, status, year and date, read from the index."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def where(self, column: str, values: tuple[str, ...] | tuple[int, ...]) -> set[int]:
        if not values:
            return set()
        marks = ",".join("?" * len(values))
        return self.index.allowed(f"{column} IN ({marks})", list(values))

    def sector(self, sector: str) -> set[int]:
        return self.index.sector_rows(sector)  # (by the sectors' index: no scan of the rows)

    def speaker(self, entry_id: str) -> set[int]:
        """Rows whose speaker is the glossary person ``entry_id``, by any of their Latin
        names (the speaker column names people in English: "Zhanar Tulindinova (KazISS)")."""
        entry = self.index.table("glossary").get(entry_id) if entry_id else None
        if entry is None or entry.kind != "person":
            return set()
        names = [name for name in entry.all_names() if name.isascii() and len(name) >= 4]
        return set().union(*(self.index.allowed("speaker LIKE ?", [f"%{name}%"])
                             for name in names))

    def event_kinds(self, kinds: tuple[str, ...]) -> set[int]:
        chosen = tuple(e.id for e in self.index.events.values() if e.kind in kinds)
        return self.where("event", chosen)

    def openings(self, kinds: tuple[str, ...]) -> dict[int, tuple[str, float]]:
        """Rows that say an event of ``kinds`` took place: its meetings dated, by their own
        date, on its first day (or in its month or year, as precisely as the row knows: the
        arrival, the talks that opened it), each with its event and how much it counts: 1
        for one that happened, PREVIEW for one announced ahead."""
        found: dict[int, tuple[str, float]] = {}
        for event in self.index.events.values():
            if event.kind not in kinds:
                continue
            start = event.start
            days = [start.toordinal(), start.replace(day=1).toordinal(),
                    start.replace(month=1, day=1).toordinal()]  # by precision (day, month, year)
            for status, share in (("planned", PREVIEW), ("expected", PREVIEW),
                                  ("done", 1.0), ("ongoing", 1.0)):
                found.update(dict.fromkeys(self.index.allowed(
                    "event = ? AND kind = 'meeting' AND status = ? AND basis != 'publication' "
                    "AND ((precision = 0 AND date = ?) OR (precision = 1 AND date = ?) "
                    "OR (precision = 2 AND date = ?))", [event.id, status, *days]),
                    (event.id, share)))
        return found

    def dates(self, years: tuple[int, ...], months: tuple[int, ...],
              days: tuple[tuple[int, int], ...]) -> set[int]:
        """Rows dated in one of ``months`` or on one of ``days`` (of ``years`` if given)."""
        cache: dict[int, date] = {}
        found = set()
        for rowid, ordinal in enumerate(self.index.dates):
            when = cache.get(ordinal)
            if when is None:
                when = cache[ordinal] = date.fromordinal(ordinal)
            if years and when.year not in years:
                continue
            if when.month in months or (when.month, when.day) in days:
                found.add(rowid)
        return found


def signal_rows(signals: Signals, term: Term) -> dict[int, Best]:
    rows: dict[int, Best] = {}
    # the events held in several places, as the reader found them (query_terms.Term.shared)
    single = tuple(e for e in term.events if e not in term.shared)
    shared = tuple(e for e in term.events if e in term.shared)
    parts = [("kind", signals.where("kind", term.kinds), "/".join(term.kinds), 1.0),
             ("event", signals.event_kinds(term.event_kinds), "/".join(term.event_kinds), 1.0),
             ("place", signals.where("event", single), term.entity, 1.0),
             ("place", signals.where("event", shared), term.entity, SHARED_PLACE)]
    if term.sector_only:
        parts.append(("sector", signals.sector(term.sector), term.sector, 1.0))
    if term.status:  # договорённости: the facts agreed, said so or not
        parts.append(("status", signals.where("status", (term.status,)), term.status, 1.0))
    for how, found, label, share in parts:
        for rowid in found:
            if rowid not in rows or SIGNAL[how] * share > rows[rowid][0]:
                rows[rowid] = (SIGNAL[how] * share, label, how)
    return rows


def statements(signals: Signals, terms: list[tuple[Term, dict[int, Best]]]) -> None:
    """A query naming a person and a topic ("Тулиндинова о транспортных коридорах") asks
    what that person said on it: the person's own statements (their speaker) in a topic
    word's sector match that word through its sector, as a fact of a sector matches the
    sector's name. In place, in each term's rows; nothing for a query naming no person."""
    speaking = set().union(*(signals.speaker(term.entry) for term, _ in terms
                             if term.entity == "person"))
    if not speaking:
        return
    for term, rows in terms:
        if not term.sector or term.entity:
            continue
        for rowid in speaking & signals.sector(term.sector):
            if rowid not in rows or rows[rowid][2] == "name":
                rows[rowid] = (SIGNAL["sector"], term.sector, "speaker")
