"""What became of each commitment: which facts track follows and the walk that judges them.

A fact's ``follows`` names earlier facts it reports progress on. From those curated links this
module derives, for every commitment, plan, expectation, proposal, ongoing work, signed document
and item a meeting discussed, the later facts in date order and a verdict. The table is the
evidence: "no later report" means nothing later *in this table* links to it, and "latest report"
that no article in the table is newer than the one it comes from.

The verdict of each fact on its own (its words, the Tracked record, the rule) is
kzru.verdicts; here are the choice of facts, the batches they are read in, a document's parts
under it (the parent given the strongest of their verdicts) and a preview's background held
against what the report takes up around it.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Callable, Iterable, Iterator, NamedTuple

from kzru.labels import Joined, Said, verdict_word
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
    open_ended,
    role,
    talks,
    voice,
)
from kzru.verdicts import (  # noqa: F401 - read from here by brief, the commands and tests
    BORNE_OUT,
    DONE,
    DONE_STATUSES,
    IN_PROGRESS,
    LATEST,
    NO_REPORT,
    NOT_AS_SUCH,
    NOT_LINKED,
    NOT_MENTIONED,
    NOT_NAMED,
    NOT_TAKEN_UP,
    OPERATING,
    PARTLY_BORNE_OUT,
    REAFFIRMED,
    RESTATED,
    STRENGTH,
    TAKEN_UP_AGAIN,
    VERDICTS,
    Context,
    Tracked,
    judge,
    later_line,
    strongest,
)


def _context(dataset: Dataset, until: date | None = None) -> Context:
    newest = max((s.published for s in dataset.sources.values()), default=date.min)
    linked, namer = Linked(dataset), Namer(dataset)
    neighbours = Neighbours(dataset, namer, partial(_first_later, linked, dataset, until),
                            linked.prefetch)
    return Context(dataset, linked, previewed(dataset), newest, {}, {}, until,
                   preview_work(dataset), {}, neighbours, namer, {})


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
    return strongest(later) if later else None


def _around(entry: Tracked, context: Context) -> Tracked:
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
                          reason=Said("track.why.around", via=via, later=later_line(first)))


# At most this many of the report's rows on a field are named beside the work they take up.
FIELD_ROWS = 3


def _field_rows(context: Context, event: Event, fact: Fact) -> tuple[Fact, ...]:
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


def _entry(fact: Fact, context: Context, parts: tuple[Tracked, ...] = ()) -> Tracked:
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
          until: date | None = None, context: Context | None = None) -> list[Tracked]:
    """Tracked facts (date order) among ``candidates`` (all facts when None): commitments,
    signed documents and discussed items, a document's or a set's parts under it. With
    ``until``, judged only on what articles published by that day report (what a meeting
    could know of the last one's commitments). ``context``: one ``context_of`` made, shared
    by calls that judge a page's items a chunk at a time (what it reads once is kept)."""
    return list(tracked(dataset, candidates, since, statuses, until=until, context=context))


context_of = _context


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
            batch: int = 1000, until: date | None = None,
            context: Context | None = None) -> Iterator[Tracked]:
    """``track`` one by one as they are judged, ``batch`` facts (with their parts and later
    facts) read at a time in date order: at 100,000 facts only a batch is held whole."""
    context = context or _context(dataset, until)
    order, known = chosen(dataset, candidates, since, statuses, context.role)
    yield from judged(dataset, order, until, batch, known, context)


def judged(dataset: Dataset, order: list[str], until: date | None = None, batch: int = 1000,
           known: dict[str, Fact] | None = None,
           context: Context | None = None) -> Iterator[Tracked]:
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
