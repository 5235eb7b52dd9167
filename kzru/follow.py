"""What became of each commitment: follow-through links, verdicts and suggested links.

A fact's ``follows`` names earlier facts it reports progress on. From those curated links this
module derives, for every commitment, plan, expectation, proposal, ongoing work, signed document
and item a meeting discussed, the later facts in date order and a verdict. The table is the
evidence: "no later report" means nothing later *in this table* links to it, and "latest report"
that no article in the table is newer than the one it comes from.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Callable, Iterable, Iterator, NamedTuple

from kzru.labels import Joined, Said, status_word, verdict_word
from kzru.model import Dataset, Event, Fact
from kzru.previews import (  # noqa: F401 - read from here by brief, the commands and tests
    FORECASTS,
    Namer,
    Neighbours,
    main_events,
    named_rows,
    naming,
    place_names,
    preview_sources,
    preview_work,
    previewed,
    report_sources,
)
from kzru.progress import (  # noqa: F401 - read from here by brief, the commands and tests
    Linked,
    followers,
    later_facts,
    period_end,
    with_earlier,
)
from kzru.render import date_label
from kzru.roles import (  # noqa: F401 - read from here by brief, the commands and tests
    ASIDES,
    COMMENTATOR,
    COMMITMENT,
    DISCUSSED,
    DISCUSSION_CUES,
    DOCUMENT,
    GENERAL_SECTORS,
    PROJECT,
    PROJECTS,
    STATE,
    TRACKED,
    VIEW,
    VOICES,
    _cue_pattern,
    _naming_words,
    deciding_words,
    is_discussed,
    role,
    talks,
    voice,
)

DONE_STATUSES = ("signed", "done")
# Which later fact decides: the one that says most (signed over agreed over merely discussed).
STRENGTH = ("signed", "done", "ongoing", "agreed", "planned", "expected", "proposed", "reported")
DONE, IN_PROGRESS, REAFFIRMED = "done", "in progress", "reaffirmed — still open"
# An institution already at work (a branch whose work was confirmed, one teaching students)
# that a later article names again as open or operating: a later report exists, but it tells
# the same state again, not progress (RUBRIC-follows 2c, after the round-12 track reader:
# "no later report" said nothing was heard of the Chelyabinsk and MSU branches, which is false).
RESTATED = "restated — still operating"
# what says an institution exists: opened, at work, or told of as teaching
OPERATING = ("done", "ongoing", "reported")
BORNE_OUT = "borne out"
# A forecast for the visit its report is silent on: the report does not speak of it, which
# is no evidence that it failed ("not borne out" would need a report saying otherwise, and
# the table links only what a later report says happened: round-11 track reader). A forecast
# naming a thing of its own (a council) is not mentioned in the report; one naming nothing
# beyond its field (scientific-technical cooperation) is not named in it, since a reader may
# find the field in what the report does say (the documents it signed: RUBRIC-follows 4).
NOT_MENTIONED, NOT_NAMED = "not mentioned", "not named"
# A forecast naming several fields (its parts) of which the report bears out some, not all.
PARTLY_BORNE_OUT = "partly borne out"
# A preview's general outlook (no event of its own): the visit's silence on it is no failed
# forecast, only that the visit did not take it up.
NOT_TAKEN_UP = "not taken up at the visit"
# ... and the same background when the report takes up only what is around it: the same named
# thing through another of the preview's rows (the North–South corridor, not its eastern
# branch's ports), or, for the preview's ongoing work, its main sector (gas and power generation
# projects: the report discusses gas and electricity, not joint generation projects).
NOT_AS_SUCH = "not taken up as such"
NO_REPORT, LATEST = "no later report", "latest report"
# Strongest first: a parent's verdict is the strongest among its own and its parts'.
VERDICTS = (DONE, IN_PROGRESS, BORNE_OUT, PARTLY_BORNE_OUT, RESTATED, REAFFIRMED,
            NOT_MENTIONED, NOT_NAMED, NOT_AS_SUCH, NOT_TAKEN_UP, LATEST, NO_REPORT)


class Tracked(NamedTuple):
    """One tracked fact: what followed it (date order), the verdict and why, the later fact
    that decided it and the words of its evidence that did, its parts (each tracked), and
    unconfirmed candidates for a link the curators have not made."""

    fact: Fact
    later: list[Fact]
    verdict: str
    reason: str
    role: str = COMMITMENT
    voice: str = STATE
    parts: tuple["Tracked", ...] = ()
    decisive: Fact | None = None
    words: str = ""
    see_also: tuple[Fact, ...] = ()


class _Context(NamedTuple):
    dataset: Dataset
    linked: Linked
    previewed: dict[str, Event]
    newest: date
    # (event id, preview source) -> report_sources(event, {source}), once per preview: an
    # event may have thousands of facts
    reports: dict[tuple[str, str], list[str]]
    roles: dict[str, str]  # role() of each fact met, worked out once (it reads the evidence)
    until: date | None = None  # only what articles published by then report (a brief's "by
    # this meeting"); None: everything in the table
    work: dict[str, Event] | None = None  # preview_work(): the previews' background work
    taken_up: dict[str, set[str]] | None = None  # event id -> its report's main sectors
    neighbours: Neighbours | None = None  # what a preview's background is around (_around)
    namer: Namer | None = None  # the glossary's names, read once (previews.naming)
    # (event, preview) -> main sector -> the report's first rows on it (_field_rows)
    fields: dict[tuple[str, str], dict[str, tuple[Fact, ...]]] | None = None

    def reports_of(self, event: Event, source_id: str) -> list[str]:
        """report_sources(event, {source_id}), worked out once a run."""
        key = (event.id, source_id)
        if key not in self.reports:
            self.reports[key] = report_sources(self.dataset, event, {source_id})
        return self.reports[key]

    def role(self, fact: Fact) -> str:
        found = self.roles.get(fact.id)
        if found is None:
            found = self.roles[fact.id] = role(fact)
        return found


def _later_line(fact: Fact) -> Said:
    # the date at its precision: a year stated as 2025 is never "2025-01-01" (rubric 4)
    return Said("track.later_line", id=fact.id, source=fact.source,
                date=date_label(fact.date, fact.date_precision),
                status=status_word(fact.status))


def judge(fact: Fact, later: list[Fact], context: _Context) -> tuple[str, str, Fact | None]:
    """The verdict, a sentence saying why (a Said: English, and sayable in Russian), and the
    later fact that decided it."""
    event = context.previewed.get(fact.id)
    finished = [f for f in later if f.status in DONE_STATUSES]
    going = [f for f in later if f.status == "ongoing"]
    if event is not None:
        if later:
            first = _strongest(later)
            return BORNE_OUT, Said("track.why.borne_out", later=_later_line(first)), first
        reports = ", ".join(context.reports_of(event, fact.source))
        if fact.event != event.id:
            return NOT_TAKEN_UP, Said("track.why.not_taken_up", event=event.id,
                                      reports=reports), None
        if naming(context.dataset, fact, context.namer):
            return NOT_MENTIONED, Said("track.why.not_mentioned", event=event.id,
                                       reports=reports), None
        return NOT_NAMED, Said("track.why.not_named", event=event.id, reports=reports), None
    if _restated(fact, later):
        first = later[0]
        return RESTATED, Said("track.why.restated", later=_later_line(first)), first
    if finished:
        first = finished[0]
        return DONE, Said("track.why.done", later=_later_line(first),
                          status=status_word(first.status)), first
    if going:
        first = going[0]
        return IN_PROGRESS, Said("track.why.in_progress", later=_later_line(first)), first
    if later:
        first = _strongest(later)
        return REAFFIRMED, Said("track.why.reaffirmed", later=_later_line(first),
                                status=status_word(first.status)), first
    work = (context.work or {}).get(fact.id)
    if work is not None:
        reports = context.reports_of(work, fact.source)
        # Work that names a thing of its own (new CHPs, the Ekibastuz GRES-2) is taken up
        # only where the report names it (rule 1: the same named thing, not the sector);
        # work that names only its field (gas and power generation) by the field itself.
        if fact.sectors and fact.sectors[0] in _taken_up(context, work, reports) and \
                not naming(context.dataset, fact, context.namer):
            return NOT_AS_SUCH, Said("track.why.not_as_such_sector", event=work.id,
                                     reports=", ".join(reports),
                                     sector=fact.sectors[0]), None
        return NOT_TAKEN_UP, Said("track.why.work_not_taken_up", event=work.id,
                                  reports=", ".join(reports)), None
    if context.until is None and \
            context.dataset.sources[fact.source].published >= context.newest:
        return LATEST, Said("track.why.latest"), None
    return NO_REPORT, Said("track.why.no_report"), None


def _restated(fact: Fact, later: list[Fact]) -> bool:
    """An institution the article already tells of as existing (opened, at work, teaching),
    every later fact on it naming the same institution as open or at work: told again, not
    progress (RUBRIC-follows 2c). Work *begun* on a branch (a project, a000's MEPhI) that a
    later article reports open is progress: done."""
    return bool(later) and fact.kind == "institution" and fact.status in OPERATING and all(
        f.kind == "institution" and f.status in ("done", "ongoing") for f in later)


def _taken_up(context: _Context, event: Event, reports: list[str]) -> set[str]:
    """The main sectors of the event's own facts that its reports tell, worked out once."""
    known = context.taken_up if context.taken_up is not None else {}
    if event.id not in known:
        known[event.id] = context.dataset.main_sectors(event.id, reports)
    return known[event.id]


def _context(dataset: Dataset, until: date | None = None) -> _Context:
    newest = max((s.published for s in dataset.sources.values()), default=date.min)
    linked, namer = Linked(dataset), Namer(dataset)
    neighbours = Neighbours(dataset, namer, partial(_first_later, linked, dataset, until),
                            linked.prefetch)
    return _Context(dataset, linked, previewed(dataset), newest, {}, {}, until,
                    preview_work(dataset), {}, neighbours, namer, {})


def _strongest(later: list[Fact]) -> Fact:
    """The later fact that says most (STRENGTH), the earliest of those, then by id."""
    return min(later, key=lambda f: (STRENGTH.index(f.status), f.date, f.id))


def _reported_by(linked: Linked, dataset: Dataset, until: date | None,
                 fact_id: str) -> list[Fact]:
    """The later facts of ``fact_id`` that articles published by ``until`` report (all of
    them when None)."""
    later = later_facts(fact_id, linked)
    if until is not None:
        sources = dataset.sources
        later = [f for f in later if sources[f.source].published <= until]
    return later


def _first_later(linked: Linked, dataset: Dataset, until: date | None,
                 fact_id: str) -> Fact | None:
    """The later fact that says most of ``fact_id`` (reported by ``until``), if any."""
    later = _reported_by(linked, dataset, until, fact_id)
    return _strongest(later) if later else None


def _around(entry: Tracked, context: _Context) -> Tracked:
    """A preview's background the report does not take up, though it takes up the same named
    thing through another of the preview's rows (the eastern branch of the North–South
    corridor; the corridor itself is agreed on): not taken up as such, the report's fact
    beside it as see also (no curated link: the branch is not named in the report). Of the
    rows sharing a name with it, the first in the preview's order that a later fact reports
    on decides (previews.Neighbours)."""
    fact = entry.fact
    if entry.verdict not in (NOT_TAKEN_UP, NOT_AS_SUCH) or fact.event:
        return entry
    event = context.previewed.get(fact.id) or (context.work or {}).get(fact.id)
    if event is None:
        return entry
    if entry.verdict == NOT_AS_SUCH:  # taken up by its field: the report's rows there
        rows = _field_rows(context, event, fact)
        return entry._replace(see_also=rows, reason=Said(
            "track.why.field_rows", why=entry.reason, rows=Joined(f.id for f in rows)))
    found = context.neighbours.first(fact, event.id) if context.neighbours else None
    if found is None:
        return entry
    via, first = found
    return entry._replace(verdict=NOT_AS_SUCH, see_also=(first,),
                          reason=Said("track.why.around", via=via, later=_later_line(first)))


# At most this many of the report's rows on a field are named beside the work they take up.
FIELD_ROWS = 3


def _field_rows(context: _Context, event: Event, fact: Fact) -> tuple[Fact, ...]:
    """The rows of the event's report (top level, the article's order) whose main sector is
    the work's: where the report takes up its field (gas and power generation: the
    report's energy rows on progress, the oil-to-electricity partnership and gas)."""
    known = context.fields if context.fields is not None else {}
    key = (event.id, fact.source)
    if key not in known:  # once per preview: the first rows per main sector, only they read
        dataset = context.dataset
        rows = dataset.report_rows(event.id, context.reports_of(event, fact.source))
        by_sector: dict[str, list[str]] = {}
        for row_id, _, sector in sorted(rows, key=lambda row: row[1]):  # file order kept
            kept = by_sector.setdefault(sector, [])
            if len(kept) < FIELD_ROWS:
                kept.append(row_id)
        facts = dataset.fetch(row_id for kept in by_sector.values() for row_id in kept)
        known[key] = {sector: tuple(facts[row_id] for row_id in kept)
                      for sector, kept in by_sector.items()}
    return known[key].get(fact.sectors[0], ())


def _entry(fact: Fact, context: _Context, parts: tuple[Tracked, ...] = ()) -> Tracked:
    later = _reported_by(context.linked, context.dataset, context.until, fact.id)
    outcome, reason, decisive = judge(fact, later, context)
    if parts:
        own = [f.id for f in later]
        later = sorted({f.id: f for f in [*later, *(f for p in parts for f in p.later)]
                        }.values(), key=lambda f: (f.date, f.id))
        strongest = min((outcome, *(p.verdict for p in parts)), key=VERDICTS.index)
        if fact.id in context.previewed and strongest == BORNE_OUT and \
                any(p.verdict != BORNE_OUT for p in parts):
            # a forecast of several fields is borne out only where each of them is
            strongest = PARTLY_BORNE_OUT
        reported = [p for p in parts if p.later]
        if strongest != outcome or reported:
            reason = _parts_reason(reason if own else "", reported, len(parts))
            outcome = strongest
            if decisive is None and reported:
                decisive = next((p.decisive for p in reported
                                 if p.verdict == strongest), None) or reported[0].decisive
    words_ = deciding_words(decisive, fact) if decisive is not None else ""
    return Tracked(fact, later, outcome, reason, context.role(fact) or COMMITMENT, voice(fact),
                   parts,
                   decisive, words_)


def _parts_reason(own: str, reported: list[Tracked], total: int) -> str:
    said: list[object] = [Said("track.why.part", id=p.fact.id, verdict=verdict_word(p.verdict),
                               reason=p.reason) for p in reported]
    rest = total - len(reported)
    tail = [Said("track.why.rest_one" if rest == 1 else "track.why.rest_many", count=rest)] \
        if rest else []
    return Joined([*([own] if own else []), *said, *tail], "; ")


def track(dataset: Dataset, candidates: Iterable[Fact] | None = None,
          since: date | None = None, statuses: Iterable[str] | None = None,
          until: date | None = None) -> list[Tracked]:
    """Tracked facts (date order) among ``candidates`` (all facts when None): commitments,
    signed documents and discussed items, a document's or a set's parts under it. With
    ``until``, judged only on what articles published by that day report (what a meeting
    could know of the last one's commitments)."""
    return list(tracked(dataset, candidates, since, statuses, until=until))


class _Chosen(NamedTuple):
    """A fact track follows, as little as the choice needs: its whole record is read again
    when its turn comes (``tracked``), so the table's candidates are never held whole."""

    date: date
    id: str


def chosen(dataset: Dataset, candidates: Iterable[Fact] | None = None,
           since: date | None = None, statuses: Iterable[str] | None = None,
           role_of: Callable[[Fact], str] = role) -> tuple[list[str], dict[str, Fact]]:
    """The ids of the facts ``tracked`` judges, in its order (date, then id), and the whole
    facts already read for the choice (the candidates and their parents). Apart from the
    judging: the ids alone are what a kept judgement (judged.py) is asked for."""
    wanted = set(statuses) if statuses is not None else None
    # Every fact that may have a role (the store narrows them in SQL and gives only what
    # role() reads), or the candidates given (whole facts).
    given = None if candidates is None else list(candidates)
    known = {fact.id: fact for fact in given or ()}
    brief: dict[str, tuple[str, str, date, str]] = {}  # id -> part_of, status, date, role
    for fact in (dataset.role_pool() if given is None else given):
        brief[fact.id] = (fact.part_of, fact.status, fact.date, role_of(fact))
    members = list(brief)
    if given is not None:  # the candidates' parents, read whole (of the whole table, a
        # parent outside the narrowed pool has no role)
        parents = dataset.fetch((fact.part_of for fact in given if fact.part_of), known)
        for parent in parents.values():
            brief.setdefault(parent.id, (parent.part_of, parent.status, parent.date,
                                         role_of(parent)))
        known = {**parents, **known}
    # A part that matches brings in its parent: the parent is followed, the part under it.
    # Of the whole table, a parent with a role is followed whenever it has a part, even a
    # part the narrowed pool leaves out: the same as asking every part for its parent.
    with_parts = dataset.with_parts() if given is None else set()
    picked: set[_Chosen] = set()
    for fact_id in members:
        part_of = brief[fact_id][0]
        parent = brief.get(part_of) if part_of else None
        top = part_of if parent is not None and parent[3] else fact_id
        for one in (top, fact_id) if fact_id in with_parts else (top,):
            _, status, day, found_role = brief[one]
            if found_role and (wanted is None or status in wanted) and \
                    (since is None or day >= since):
                picked.add(_Chosen(day, one))
    del brief
    order = [one.id for one in sorted(picked)]
    return order, known


def tracked(dataset: Dataset, candidates: Iterable[Fact] | None = None,
            since: date | None = None, statuses: Iterable[str] | None = None,
            batch: int = 1000, until: date | None = None) -> Iterator[Tracked]:
    """``track`` one by one as they are judged, ``batch`` facts (with their parts and later
    facts) read at a time in date order: at 100,000 facts only a batch is held whole."""
    context = _context(dataset, until)
    order, known = chosen(dataset, candidates, since, statuses, context.role)
    yield from judged(dataset, order, until, batch, known, context)


def judged(dataset: Dataset, order: list[str], until: date | None = None, batch: int = 1000,
           known: dict[str, Fact] | None = None,
           context: _Context | None = None) -> Iterator[Tracked]:
    """Track's entries of the facts ``order`` names (track's choice in its order: ``chosen``),
    judged a batch at a time; ``known``: facts already read whole."""
    context = context or _context(dataset, until)
    known = known or {}
    lines = dataset.fact_lines
    for start in range(0, len(order), batch):
        ids = order[start:start + batch]
        facts = dataset.fetch(ids, known, keep=False)
        parts_of = dataset.parts_of(ids, known, keep=False)
        context.linked.prefetch([*ids, *(part.id for parts in parts_of.values()
                                         for part in parts)])
        for fact_id in ids:
            parts = tuple(_entry(part, context) for part in sorted(
                parts_of.get(fact_id, []), key=lambda p: lines.get(p.id, 0)))
            yield _around(_entry(facts[fact_id], context, parts), context)
