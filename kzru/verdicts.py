"""The verdict of one tracked fact, from the later facts linked to it: the verdict words
(done, in progress, reaffirmed — still open, …, no later report), the record track gives for a
fact (Tracked) and the rule that picks the verdict and says why (judge), with what it reads of
the table while judging (Context).

Why apart from follow.py: follow.py chooses which facts track follows and walks them a batch at
a time — a document's parts under it, a parent given the strongest of its parts' verdicts, a
preview's background held against the report around it. This is the one decision taken for each
fact on its own, the one a reader checks against RUBRIC-follows; it never walks the table.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from kzru.labels import Said, status_word
from kzru.model import Dataset, Event, Fact
from kzru.previews import Namer, Neighbours, naming, report_sources
from kzru.progress import Linked
from kzru.render import date_label
from kzru.roles import COMMITMENT, DISCUSSED, STATE, open_ended, role

DONE_STATUSES = ("signed", "done")
# Which later fact decides: the one that says most (signed over agreed over merely discussed).
STRENGTH = ("signed", "done", "ongoing", "agreed", "planned", "expected", "proposed", "reported")
DONE, IN_PROGRESS, REAFFIRMED = "done", "in progress", "reaffirmed — still open"
# An institution already at work (a branch whose work was confirmed, one teaching students)
# that a later article names again as open or operating: a later report exists, but it tells
# the same state again, not progress (RUBRIC-follows 2c, after the round-12 track reader:
# "no later report" said nothing was heard of the Chelyabinsk and MSU branches, which is false).
RESTATED = "restated — still operating"
# A topic a meeting only discussed (no one undertook anything: «обсудили вопросы … поддержки
# русского языка») that a later meeting takes up again: nothing was open, so "still open"
# overstates it; nothing is reported done on it either (round-14 readers).
TAKEN_UP_AGAIN = "taken up again"
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
# "no later report" beside later facts that may report on it but are not linked as its progress
# (the suggester's see also): the line must not claim nothing later exists while it lists them
# (round-14 readers, three running on the peaceful atom). Set where the candidates are found
# (suggest.see_also).
NOT_LINKED = "not linked"
# Strongest first: a parent's verdict is the strongest among its own and its parts'.
VERDICTS = (DONE, IN_PROGRESS, BORNE_OUT, PARTLY_BORNE_OUT, RESTATED, REAFFIRMED,
            TAKEN_UP_AGAIN, NOT_MENTIONED, NOT_NAMED, NOT_AS_SUCH, NOT_TAKEN_UP, LATEST, NOT_LINKED,
            NO_REPORT)


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


class Context(NamedTuple):
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


def later_line(fact: Fact) -> Said:
    # the date at its precision: a year stated as 2025 is never "2025-01-01" (rubric 4)
    return Said("track.later_line", id=fact.id, source=fact.source,
                date=date_label(fact.date, fact.date_precision),
                status=status_word(fact.status))


def judge(fact: Fact, later: list[Fact], context: Context) -> tuple[str, str, Fact | None]:
    """The verdict, a sentence saying why (a Said: English, and sayable in Russian), and the
    later fact that decided it."""
    event = context.previewed.get(fact.id)
    finished = [f for f in later if f.status in DONE_STATUSES]
    going = [f for f in later if f.status == "ongoing"]
    if event is not None:
        if later:
            first = strongest(later)
            return BORNE_OUT, Said("track.why.borne_out", later=later_line(first)), first
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
        return RESTATED, Said("track.why.restated", later=later_line(first)), first
    if finished and open_ended(fact):
        first = finished[0]
        return IN_PROGRESS, Said("track.why.open_ended", later=later_line(first),
                                 status=status_word(first.status),
                                 words=open_ended(fact)), first
    if finished:
        first = finished[0]
        return DONE, Said("track.why.done", later=later_line(first),
                          status=status_word(first.status)), first
    if going:
        first = going[0]
        return IN_PROGRESS, Said("track.why.in_progress", later=later_line(first)), first
    if later and (context.role(fact) == DISCUSSED or fact.status == "reported"):
        # nothing was undertaken: a topic discussed, or work an article reports as going on
        # (the 2022 peaceful-atom work, the 2025 Rosatom work singled out: round 14)
        first = strongest(later)
        key = "track.why.taken_up_again" if context.role(fact) == DISCUSSED \
            else "track.why.told_again"
        return TAKEN_UP_AGAIN, Said(key, later=later_line(first),
                                    status=status_word(first.status)), first
    if later:
        first = strongest(later)
        return REAFFIRMED, Said("track.why.reaffirmed", later=later_line(first),
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


def _taken_up(context: Context, event: Event, reports: list[str]) -> set[str]:
    """The main sectors of the event's own facts that its reports tell, worked out once."""
    known = context.taken_up if context.taken_up is not None else {}
    if event.id not in known:
        known[event.id] = context.dataset.main_sectors(event.id, reports)
    return known[event.id]


def strongest(later: list[Fact]) -> Fact:
    """The later fact that says most (STRENGTH), the earliest of those, then by id."""
    return min(later, key=lambda f: (STRENGTH.index(f.status), f.date, f.id))
