"""An event among the others: what it has that the previous meeting of its family had not,
what became of that meeting's commitments (track's verdicts, by this meeting and now), and
the events of the same trip.

Why apart from brief.py: brief lays out the event's own rows; these questions are asked of
the other events and of the whole table's history (what was known before), and they are
the ones a reader of "new since the last meeting" checks on their own.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable, Iterable, NamedTuple, Sequence

from kzru.follow import NO_REPORT, VIEW, Tracked, chosen, judged, preview_sources, role
from kzru.model import Dataset, Event, Fact
from kzru.pages import Pages
from kzru.text import normalize

# Meetings compare with the previous meeting of the same family: a state visit with the last
# visit or talks, a summit with the last summit, a forum with the last forum.
FAMILIES = {"state-visit": "bilateral", "working-visit": "bilateral",
            "official-visit": "bilateral", "talks": "bilateral", "meeting": "bilateral",
            "summit": "summit", "forum": "forum"}



class Novelty(NamedTuple):
    """What this event has that the previous one of its family had not, and what became of
    the previous one's commitments (track's verdicts)."""

    previous: Event | None
    sectors: list[str]
    first_sectors: list[str]
    names: list[str]
    # as of this meeting: what articles published by its end say (judged when read: Pages)
    outcomes: Sequence[Tracked] = []
    since: dict[str, Tracked] = {}  # fact id -> its verdict now, where later articles add to it
    # fact id -> later facts that may mention it, not linked as its progress (track's see
    # also, beside a "no later report" that still stands: the 2025 Declaration beside the
    # 2024 joint statement)
    see_also: dict[str, tuple[Fact, ...]] = {}
    # sectors first in the table through the rows its reports give alongside, not linked to
    # the event (Sochi 2022: KamAZ's industry, the trade record): said apart, so that no page
    # misses them (round 10)
    first_alongside: list[str] = []
    # names first appearing here and at an event beginning the same day: event id -> names
    with_others: dict[str, list[str]] = {}
    # of the names first appearing, those only the event's preview names, not its report (the
    # Eurasian Route Council, the fuel-cycle council): said after the report's, marked (round
    # 11: listed first, they read as what the meeting brought in)
    preview_only: list[str] = []
    # names first appearing in the rows reported alongside (not the event's own)
    names_alongside: list[str] = []
    # sectors the previous meeting's own facts did not cover but its page reported alongside
    # (Sochi 2022's report told of the MSU branch, KamAZ and trade beside the talks): not
    # in ``sectors``, said apart (round-13 briefs reader B)
    last_alongside: list[str] = []



def organisation_names(dataset: Dataset, event: Event, lang: str = "en") -> dict[str, str]:
    """The organisations a summit is a summit of: the glossary's organisations its title
    names, each by the shortest of its names the title (in ``lang``) gives («СНГ», "CSTO"). A
    summit is held against the last summit of the same organisation: the CSTO Collective
    Security Council's session is no successor of the CIS summit (round 12). Other meetings,
    and a summit whose title names no organisation, name none."""
    if FAMILIES.get(event.kind) != "summit":
        return {}
    title = normalize(event.title(lang))
    found: dict[str, str] = {}
    for entry in dataset.glossary.values():
        if entry.kind != "organization":
            continue
        for name in sorted(entry.all_names(), key=len):
            if name and re.search(rf"(?<!\w){re.escape(normalize(name))}(?!\w)", title):
                found[entry.id] = name
                break
    return found


def previous_event(dataset: Dataset, event: Event) -> Event | None:
    """The last earlier meeting of the same family; for a summit, of the same organisation
    (organisation_names: both name none, or they share one)."""
    family = FAMILIES.get(event.kind, event.kind)
    earlier = [other for other in dataset.events.values()
               if FAMILIES.get(other.kind, other.kind) == family and other.start < event.start]
    if family == "summit":
        own = set(organisation_names(dataset, event))
        earlier = [other for other in earlier
                   if _same_organisation(own, set(organisation_names(dataset, other)))]
    return max(earlier, key=lambda other: (other.start, other.id), default=None)


def _same_organisation(one: set[str], other: set[str]) -> bool:
    return bool(one & other) if one or other else True


class Named(NamedTuple):
    """What novelty reads of an event's row: its sectors and names (a brief passes each
    pair once, in the rows' order, not the rows)."""

    sectors: tuple[str, ...]
    names: tuple[str, ...]


def novelty(dataset: Dataset, event: Event, facts: Iterable[Fact | Named],
            alongside: Iterable[Fact | Named] = (),
            reported: Iterable[str] | None = None,
            alongside_of: Callable[[Dataset, Event], set[str]] | None = None) -> Novelty:
    """``reported``: the names the event's own reports give (not its preview), where it has
    both; the other new names are the preview's only. ``alongside_of``: the sectors an
    event's page reports alongside its own facts (brief.alongside_sectors), for the previous
    meeting's."""
    previous = previous_event(dataset, event)
    seen_sectors = dataset.event_sectors(previous.id) if previous else set()
    beside_last = alongside_of(dataset, previous) if previous and alongside_of else set()
    facts, alongside = list(facts), list(alongside)  # (each read twice: sectors, names)
    own_sectors = list(dict.fromkeys(sector for fact in facts for sector in fact.sectors))
    around = [sector for sector in dict.fromkeys(sector for fact in alongside
                                                 for sector in fact.sectors)
              if sector not in own_sectors]
    folded: dict[str, str] = {}
    for fact in facts:
        for name in fact.names:
            if name not in folded:
                folded[name] = normalize(name)
    # the names the rows reported alongside bring, said apart as their sectors are (Sochi
    # 2022: МГУ, КамАЗ, Новоуральск; round-13 briefs reader)
    beside: dict[str, str] = {}
    own = set(folded.values())
    for fact in alongside:
        for name in fact.names:
            if name not in beside and normalize(name) not in own:
                beside[name] = normalize(name)
    # Known before the event: the facts of earlier events, and background facts of articles
    # published before it; never the event's own facts, whatever precision their dates have.
    first_report = min((dataset.sources[s].published for s in event.sources), default=event.start)
    # a name is known under any of its glossary entry's names (the Republic of Tatarstan of
    # 2022 is the Tatarstan of the Sochi report: round 13)
    variants = _variants(dataset, [*folded.values(), *beside.values()])
    ever_sectors, ever_names = dataset.known_before(
        [other.id for other in dataset.events.values() if other.start < event.start],
        [source.id for source in dataset.sources.values() if source.published < first_report],
        event.start, [*own_sectors, *around],
        list(dict.fromkeys(v for found in variants.values() for v in found)))
    names = [name for name in folded if not variants[folded[name]] & ever_names]
    names_beside = [name for name in beside if not variants[beside[name]] & ever_names]
    preview_only: list[str] = []
    if reported is not None:
        told = {normalize(name) for name in reported}
        preview_only = [name for name in names if folded[name] not in told]
        names = [name for name in names if folded[name] in told]
    # its commitments, documents and discussed items; not a view said there (Tokayev's belief
    # that the undertakings will help: a statement, no one's commitment — round 11): chosen
    # from what role() reads of them, and judged a batch at a time when read (at 100,000 facts
    # the last meeting left thousands of items: never all held, whole or judged)
    order = chosen(dataset, [candidate for candidate in dataset.role_pool(event=previous.id)
                             if role(candidate) not in ("", VIEW)])[0] if previous else []
    # "New since the last meeting" is what was known by this one: the verdicts of articles
    # published by its last day; what later articles add is said apart (SPIEF 2022 is not
    # where the 2025 reports of the February branches belong).
    outcomes = Pages(len(order), lambda: judged(dataset, order, until=event.end)) \
        if previous else []
    since, see_also = _now(dataset, order, event.end) if previous else ({}, {})
    unseen = [s for s in own_sectors if s not in seen_sectors]
    return Novelty(previous, [s for s in unseen if s not in beside_last],
                   [s for s in own_sectors if s not in ever_sectors], names, outcomes, since,
                   see_also, [s for s in around if s not in ever_sectors],
                   _first_with(dataset, event, [*names, *preview_only]), preview_only,
                   names_beside, [s for s in unseen if s in beside_last])


def _variants(dataset: Dataset, names: list[str]) -> dict[str, set[str]]:
    """Each (normalised) name with the normalised names of its glossary entry, or itself."""
    wanted = set(names)
    entries: dict[str, set[str]] = {}
    for entry in dataset.glossary.values():
        all_names = {normalize(name) for name in entry.all_names()}
        if all_names & wanted:
            for name in all_names & wanted:
                entries.setdefault(name, set()).update(all_names)
    return {name: entries.get(name, set()) | {name} for name in names}


def _now(dataset: Dataset, order: list[str], until: date
         ) -> tuple[dict[str, Tracked], dict[str, tuple[Fact, ...]]]:
    """The verdicts of the last meeting's items as of the newest article, as far as a page
    shows them: those that later reports moved since the meeting (``since``: an article
    published after ``until`` reports on it; by then its verdict named only what was
    published by that day), and the suggester's candidates beside what is still open. Judged
    a batch at a time and only that kept."""
    from itertools import islice

    published = {source.id: source.published for source in dataset.sources.values()}
    since: dict[str, Tracked] = {}
    see_also: dict[str, tuple[Fact, ...]] = {}
    entries = judged(dataset, order)
    memo: dict[str, Any] = {}  # what the suggester read for one batch that the next needs
    while True:
        batch = list(islice(entries, 1000))
        if not batch:
            break
        # an item nothing later reports on, or a part of one (the 2024 transport parent is
        # reaffirmed through its checkpoints; its rail part is still open, as track shows it)
        still_open = []
        for entry in batch:
            if any(published[later.source] > until for later in entry.later):
                since[entry.fact.id] = entry
            if entry.verdict == NO_REPORT or any(part.verdict == NO_REPORT
                                                 for part in entry.parts):
                still_open.append(entry)
        if still_open:  # the suggester only on this path: it reads the store's rare keys
            from kzru.suggest import see_also as with_candidates

            # an item's candidates and its parts' (the 2022 package's space area beside the
            # 2025 documents on space), as track shows them (round 10: the brief dropped the
            # parts'); each item weighed on its own, so a batch at a time is the same
            for entry in with_candidates(dataset, still_open, memo):
                for one in (entry, *entry.parts):
                    if one.see_also:
                        see_also[one.fact.id] = one.see_also
    return since, see_also


def _first_with(dataset: Dataset, event: Event, names: list[str]) -> dict[str, list[str]]:
    """Of the names first appearing at an event, those that also first appear at an event
    beginning the same day (the 2025 state visit and the XXI forum, both told by the preview
    of 11 November): neither came first, so each page says the name is new with the other
    (round 10: Tulindinova was "first" on two pages). An event beginning earlier is known
    before this one already (known_before)."""
    found: dict[str, list[str]] = {}
    for other in sorted(dataset.events.values(), key=lambda other: other.id):
        if other.id == event.id or other.start != event.start or not names:
            continue
        theirs = {normalize(name) for fact in dataset.event_facts(other.id)
                  for name in fact.names}
        shared = [name for name in names if normalize(name) in theirs]
        if shared:
            found[other.id] = shared
    return found


def announced_only(dataset: Dataset, events: list[Event]) -> list[str]:
    """Of ``events``, those every source of which wrote before them (previews, announcements):
    no article here reports them held, so a page cannot say they were."""
    return [other.id for other in events
            if other.sources and preview_sources(dataset, other) >= set(other.sources)]


def related_events(dataset: Dataset, event: Event) -> list[Event]:
    """Events of the same trip: told by a common article, their days overlapping (the CSTO
    session of 28 November was held during the state visit, not alongside the XX forum of the
    27th: round-13 briefs reader)."""
    found = []
    for other in dataset.events.values():
        if other.id == event.id or not set(other.sources) & set(event.sources):
            continue
        if other.start <= event.end and event.start <= other.end:
            found.append(other)
    return sorted(found, key=lambda other: (other.start, other.id))
