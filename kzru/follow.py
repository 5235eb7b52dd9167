"""What became of each commitment: follow-through links, verdicts and suggested links.

A fact's ``follows`` names earlier facts it reports progress on. From those curated links this
module derives, for every commitment, plan, expectation, proposal, ongoing work, signed document
and item a meeting discussed, the later facts in date order and a verdict. The table is the
evidence: "no later report" means nothing later *in this table* links to it, and "latest report"
that no article in the table is newer than the one it comes from.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Iterator, NamedTuple

from kzru.labels import Joined, Said, status_word, verdict_word
from kzru.lint import STATUS_CUES
from kzru.model import Dataset, Event, Fact
from kzru.render import date_label
from kzru.text import normalize

TRACKED = ("agreed", "planned", "expected", "proposed", "ongoing")
DONE_STATUSES = ("signed", "done")
FORECASTS = ("expected", "proposed")
# Which later fact decides: the one that says most (signed over agreed over merely discussed).
STRENGTH = ("signed", "done", "ongoing", "agreed", "planned", "expected", "proposed", "reported")
DONE, IN_PROGRESS, REAFFIRMED = "done", "in progress", "reaffirmed — still open"
BORNE_OUT, NOT_BORNE_OUT = "borne out", "not borne out"
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
VERDICTS = (DONE, IN_PROGRESS, BORNE_OUT, PARTLY_BORNE_OUT, REAFFIRMED, NOT_BORNE_OUT,
            NOT_AS_SUCH, NOT_TAKEN_UP, LATEST, NO_REPORT)
COMMITMENT, DOCUMENT, DISCUSSED, PROJECT = "commitment", "document", "discussed", "project"
# A joint project or an institution the article reports as a state of affairs is followed too
# (the 2022 peaceful-atom work, the KamAZ centre in Almaty).
PROJECTS = ("project", "institution")
STATE, COMMENTATOR = "state", "commentator"
VOICES = (STATE, COMMENTATOR)
# Words that report talk, not a decision: a meeting's discussed items are followed for what
# became of them ("обсуждены", "подчеркнули важность", "обозначили сотрудничество").
DISCUSSION_CUES = ("обсуди", "обсужд", "подчеркн", "обозначи", "затрону", "отмечен", "отмети",
                   "discuss", "stress", "outline", "singled out")
# Words before "отметить" that make it the writer's aside, not what the sides said.
ASIDES = frozenset({"необходимо", "следует", "стоит", "нужно", "надо", "важно", "можно"})
# Talk about relations as such ("обсуждали двусторонние отношения") is a meeting's agenda, not
# a file anyone follows.
GENERAL_SECTORS = ("politics",)
# A preview is not one when it reports the event itself as under way ("форум проходит").
OUTCOMES = ("signed", "agreed", "done")


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


class Linked:
    """For a fact id, the facts whose ``follows`` name it, asked of the table as a walk
    reaches each fact (the store answers by its index on the links), kept once asked."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.known: dict[str, list[Fact]] = {}

    def prefetch(self, fact_ids: Iterable[str]) -> None:
        """Ask for many at once (a few queries instead of one per fact)."""
        wanted = [fact_id for fact_id in fact_ids if fact_id not in self.known]
        found = self.dataset.followers(wanted)
        for fact_id in wanted:
            self.known[fact_id] = found.get(fact_id, [])

    def get(self, fact_id: str, default: list[Fact] | None = None) -> list[Fact] | None:
        if fact_id not in self.known:
            self.prefetch([fact_id])
        return self.known[fact_id] or default


def followers(dataset: Dataset) -> dict[str, list[Fact]]:
    """For each fact id, the facts whose ``follows`` name it: the whole table's links at
    once (track and brief ask only for what they walk, through ``Linked``)."""
    found: dict[str, list[Fact]] = {}
    for fact in dataset.facts.values():
        for earlier in fact.follows:
            found.setdefault(earlier, []).append(fact)
    return found


def later_facts(fact_id: str, linked: Linked | dict[str, list[Fact]]) -> list[Fact]:
    """Every fact reporting progress on ``fact_id``, directly or through another, by date."""
    seen: dict[str, Fact] = {}
    pending = list(linked.get(fact_id) or [])
    if not pending:
        return []
    while pending:
        current = pending.pop()
        if current.id not in seen and current.id != fact_id:
            seen[current.id] = current
            pending.extend(linked.get(current.id) or [])
    return sorted(seen.values(), key=lambda fact: (fact.date, fact.id))


def with_earlier(dataset: Dataset, facts: Iterable[Fact]) -> list[Fact]:
    """``facts`` and every earlier fact they report progress on, directly or through another:
    a topic's matches bring in the commitments they follow."""
    found: dict[str, Fact] = {}
    pending = list(facts)
    while pending:
        current = pending.pop()
        if current.id not in found:
            found[current.id] = current
            pending.extend(dataset.facts[earlier] for earlier in current.follows
                           if earlier in dataset.facts)
    return list(found.values())


def voice(fact: Fact) -> str:
    """state or commentator. The table names a commentator with their affiliation in brackets
    ("Zhanar Tulindinova (KazISS)") or as "experts"; leaders and state bodies plainly. With no
    speaker, a forecast is the outlet's own view; anything else reports what the sides did."""
    key = (fact.speaker, fact.status == "expected")
    found = _VOICES.get(key)
    if found is None:  # worked out once a speaker: a table names the same few thousands
        speakers = [s.strip() for s in fact.speaker.split(";") if s.strip()]
        commentator = any("(" in s or normalize(s) in ("experts", "эксперты")
                          for s in speakers) or (not speakers and key[1])
        found = COMMENTATOR if commentator else STATE
        if len(_VOICES) < 100_000:
            _VOICES[key] = found
    return found


_VOICES: dict[tuple[str, bool], str] = {}


def _cue_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(normalize(cue)) for cue in cues)
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})[^\W_]*(?:\s+[^\W_]+){{0,2}}")


_PATTERNS = {status: _cue_pattern(cues) for status, cues in STATUS_CUES.items()}
_PATTERNS["reported"] = _cue_pattern(DISCUSSION_CUES)


def deciding_words(fact: Fact, earlier: Fact | None = None) -> str:
    """The words of the evidence that carry the fact's status (the cue and the two words after
    it), as written; empty when the evidence holds none. With ``earlier``, the words that name
    the thing both facts are about follow after " … " when the cue does not show them
    ("открыты филиалы девяти … инженерно-физического института (МИФИ)")."""
    pattern = _PATTERNS.get(fact.status)
    folded = normalize(fact.evidence)
    found = pattern.search(folded) if pattern else None
    if found is None and earlier is not None and len(folded) == len(fact.evidence):
        # no word of talk or status ("уделяют должное внимание продвижению русской
        # культуры"): the words that name what both facts are about decide
        return _naming_words(fact.evidence, earlier, 0, 0)
    if found is None or len(folded) != len(fact.evidence):
        return normalize(found.group()) if found else ""
    cue = fact.evidence[found.start():found.end()]
    named = _naming_words(fact.evidence, earlier, found.start(), found.end()) \
        if earlier is not None else ""
    return f"{cue} … {named}" if named else cue


_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# the stems of the countries' names in every case: "Казахстан" and "Казахстана" stem to
# "казахста", "Казахстане" to "казахстан", "России" to "росс"
_COUNTRIES = frozenset({"казахста", "казахстан", "росс", "kazakhstan", "russia", "рф"})
_MONTHS = frozenset({"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                     "октябр", "ноябр", "декабр"})


def _naming_words(evidence: str, earlier: Fact, start: int, end: int) -> str:
    """The longest run of words outside the cue (start, end) that the earlier fact's evidence
    also holds, in any form (small words inside a run do not break it), with the two words
    before it; a run with a proper name wins a tie. Countries, numbers and months name
    nothing."""
    from kzru.text import STOPWORDS, stem

    def key(word: str) -> str:
        folded = normalize(word)
        if folded in STOPWORDS:
            return " "  # a small word: inside a run, not a run of its own
        if any(ch.isdigit() for ch in folded) or stem(folded) in _MONTHS:
            return ""
        return stem(folded)

    theirs = {key(m.group()) for m in _TOKEN.finditer(earlier.evidence)} - {"", " "} - \
        _COUNTRIES
    tokens = list(_TOKEN.finditer(evidence))
    keys = [key(token.group()) for token in tokens]
    best: tuple[int, bool, int, int] | None = None  # (words, a proper name, -first, last)
    first = last = None
    for position in range(len(tokens) + 1):
        inside = position < len(tokens) and start <= tokens[position].start() < end
        shared = position < len(tokens) and not inside and keys[position] in theirs
        small = position < len(tokens) and not inside and keys[position] == " "
        if shared:
            first = position if first is None else first
            last = position
        elif small and first is not None:
            continue
        elif first is not None and last is not None:
            run = [t for t, k in zip(tokens[first:last + 1], keys[first:last + 1]) if k != " "]
            score = (len(run), any(t.group()[:1].isupper() for t in run), -first, last)
            best = max(best, score) if best else score
            first = last = None
    if best is None:
        return ""
    lead, last = max(0, -best[2] - 2), best[3]
    # never repeat the cue's own words: a run after the cue starts its two words after it (a
    # run before the cue keeps them, as it keeps words before the cue)
    while lead < -best[2] and tokens[lead].start() < end <= tokens[-best[2]].start():
        lead += 1
    stop = tokens[last].end()
    while stop < len(evidence) and evidence[stop] in ")»":
        stop += 1
    return evidence[tokens[lead].start():stop]


def is_discussed(fact: Fact) -> bool:
    """An item a meeting discussed, stressed or outlined: reported at an event, in words of
    talk, by the sides rather than a commentator."""
    if not fact.event or fact.kind != "statement":
        return False
    return talks(fact) and fact.sectors[0] not in GENERAL_SECTORS


def talks(fact: Fact) -> bool:
    """Reported by the sides in words of talk: discussed, stressed, outlined, singled out —
    not the outlet's own aside ("необходимо отметить, что…")."""
    if fact.status != "reported" or voice(fact) != STATE:
        return False
    folded = normalize(fact.evidence)
    for found in _PATTERNS["reported"].finditer(folded):
        before = folded[:found.start()].split()
        if not before or before[-1] not in ASIDES:
            return True
    return False


def role(fact: Fact) -> str:
    """Why track follows the fact: a commitment, a signed document, a discussed item, a
    reported project or institution, or ""."""
    if fact.status == "ongoing" and fact.kind == "meeting":
        return ""  # the meeting itself under way ("сегодня проходят переговоры"): no commitment
    if fact.status in TRACKED:
        return COMMITMENT
    if fact.status == "signed" and fact.kind == "document":
        return DOCUMENT
    if is_discussed(fact):
        return DISCUSSED
    if fact.status == "reported" and fact.kind in PROJECTS:
        return PROJECT
    return ""


def period_end(day: date, precision: str) -> date:
    """The last day a date stated at ``precision`` may stand for (2025 → 2025-12-31)."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return day


def main_events(dataset: Dataset) -> dict[str, str]:
    """Per source, the event it tells most about: where its background facts belong."""
    counts = dataset.source_event_counts()
    best: dict[str, str] = {}
    for (source_id, event_id), count in sorted(counts.items()):
        if source_id not in best or count >= counts[source_id, best[source_id]]:
            best[source_id] = event_id
    return best


def preview_sources(dataset: Dataset, event: Event) -> set[str]:
    """Sources that wrote about the event before it happened: published no later than its
    first day, reporting none of its outcomes and not the event itself as under way."""
    found = set()
    told = dataset.event_source_outcomes()
    for source_id in event.sources:
        under_way, outcome = told.get((event.id, source_id), (False, False))
        if dataset.sources[source_id].published <= event.start and not under_way and \
                not outcome:
            found.add(source_id)
    return found


def report_sources(dataset: Dataset, event: Event, previews: set[str]) -> list[str]:
    """The sources that report the event after the fact: its own sources and those of its
    facts, not its previews, published on or after its first day."""
    own = [*event.sources, *dataset.event_fact_sources(event.id)]
    return [s for s in dict.fromkeys(own)
            if s not in previews and dataset.sources[s].published >= event.start]


def previewed(dataset: Dataset) -> dict[str, Event]:
    """Fact id -> the event a preview expected or proposed it for: the preview's own items for
    the event and its background (where the event is the preview's main one)."""
    main = main_events(dataset)
    found: dict[str, Event] = {}
    for event in dataset.events.values():
        for source_id in preview_sources(dataset, event):
            if not report_sources(dataset, event, {source_id}):
                continue
            events = [event.id, ""] if main.get(source_id) == event.id else [event.id]
            for fact_id in dataset.facts_of([source_id], events, FORECASTS, ids=True):
                found[fact_id] = event
    return found


# Work under way: a concrete project, or a line of work not yet one (the expert's "contacts
# in digitalisation, AI, fintech" are held against the report as the gas projects are).
WORK_KINDS = ("project", "initiative")


def preview_work(dataset: Dataset) -> dict[str, Event]:
    """Fact id -> the event whose report a preview's background *work under way* (an ongoing
    project or initiative of no event: the grain clusters, gas and power generation, the
    contacts in digitalisation) is held against, as a brief holds it: where the event is the
    preview's main one and has a report. Work told inside the passage on another event of
    the same article (the Year of Working Professions, in the forum's) belongs to that one."""
    main = main_events(dataset)
    found: dict[str, Event] = {}
    for event in dataset.events.values():
        for source_id in preview_sources(dataset, event):
            if main.get(source_id) != event.id or \
                    not report_sources(dataset, event, {source_id}):
                continue
            work = [fact for fact in dataset.facts_of([source_id], [""], ("ongoing",))
                    if fact.kind in WORK_KINDS]
            inside = _inside_passages(dataset, source_id, event.id, work) if work else set()
            for fact in work:
                if fact.id not in inside:
                    found[fact.id] = event
    return found


def _inside_passages(dataset: Dataset, source_id: str, main: str,
                     facts: list[Fact]) -> set[str]:
    """Of ``facts``, those the article tells between the first and last fact of another of
    its events (in the curated table's order, which is the article's)."""
    others = [e.id for e in dataset.events.values() if e.id != main and source_id in e.sources]
    if not others:
        return set()
    line = dataset.fact_lines
    spans: dict[str, list[int]] = {}
    for fact in dataset.facts_of([source_id], others):
        spans.setdefault(fact.event, []).append(line.get(fact.id, 0))
    return {fact.id for fact in facts
            if any(min(at) < line.get(fact.id, 0) < max(at) for at in spans.values())}


def naming(dataset: Dataset, fact: Fact, places: set[str] | None = None) -> set[str]:
    """What a row names beyond places, people and who says so (folded): the thing it is about.
    ``places``: the glossary's places and people, when worked out already."""
    if places is None:
        places = place_names(dataset)
    return {normalize(name) for name in fact.names} - places - \
        speaker_names(dataset, fact.speaker)


def place_names(dataset: Dataset) -> set[str]:
    """Names of places and people: the leaders and the countries are in half the rows."""
    return {normalize(name) for entry in dataset.glossary.values()
            if entry.kind in ("place", "person") for name in entry.all_names()}


def speaker_names(dataset: Dataset, speaker: str) -> set[str]:
    """Every spelling of who says so ("Zhanar Tulindinova (KazISS)": her name and her
    institute's, in both languages): they say who speaks, not what the row is about."""
    wanted = set()
    for one in speaker.split(";"):
        name, _, rest = one.strip().partition(" (")
        wanted |= {normalize(name), normalize(rest.rstrip(")"))} - {""}
    if not wanted:
        return set()
    found = set(wanted)
    for entry in dataset.glossary.values():
        spellings = {normalize(n) for n in entry.all_names()}
        if spellings & wanted:
            found |= spellings
    return found


class _Context(NamedTuple):
    dataset: Dataset
    linked: Linked
    previewed: dict[str, Event]
    newest: date
    reports: dict[tuple[str, str], str]
    roles: dict[str, str]  # role() of each fact met, worked out once (it reads the evidence)
    until: date | None = None  # only what articles published by then report (a brief's "by
    # this meeting"); None: everything in the table
    work: dict[str, Event] | None = None  # preview_work(): the previews' background work
    taken_up: dict[str, set[str]] | None = None  # event id -> its report's main sectors
    # (preview, event) -> the preview's rows for it and what each names (_around)
    named: dict[tuple[str, str], list[tuple[Fact, set[str]]]] | None = None

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
            first = min(later, key=lambda f: (STRENGTH.index(f.status), f.date, f.id))
            return BORNE_OUT, Said("track.why.borne_out", later=_later_line(first)), first
        key = (event.id, fact.source)  # once per preview: an event may have thousands of facts
        if key not in context.reports:
            context.reports[key] = ", ".join(report_sources(context.dataset, event,
                                                            {fact.source}))
        reports = context.reports[key]
        if fact.event != event.id:
            return NOT_TAKEN_UP, Said("track.why.not_taken_up", event=event.id,
                                      reports=reports), None
        return NOT_BORNE_OUT, Said("track.why.not_borne_out", event=event.id,
                                   reports=reports), None
    if finished:
        first = finished[0]
        return DONE, Said("track.why.done", later=_later_line(first),
                          status=status_word(first.status)), first
    if going:
        first = going[0]
        return IN_PROGRESS, Said("track.why.in_progress", later=_later_line(first)), first
    if later:
        first = min(later, key=lambda f: (STRENGTH.index(f.status), f.date, f.id))
        return REAFFIRMED, Said("track.why.reaffirmed", later=_later_line(first),
                                status=status_word(first.status)), first
    work = (context.work or {}).get(fact.id)
    if work is not None:
        reports = report_sources(context.dataset, work, {fact.source})
        # Work that names a thing of its own (new CHPs, the Ekibastuz GRES-2) is taken up
        # only where the report names it (rule 1: the same named thing, not the sector);
        # work that names only its field (gas and power generation) by the field itself.
        if fact.sectors and fact.sectors[0] in _taken_up(context, work, reports) and \
                not naming(context.dataset, fact):
            return NOT_AS_SUCH, Said("track.why.not_as_such_sector", event=work.id,
                                     reports=", ".join(reports),
                                     sector=fact.sectors[0]), None
        return NOT_TAKEN_UP, Said("track.why.work_not_taken_up", event=work.id,
                                  reports=", ".join(reports)), None
    if context.until is None and \
            context.dataset.sources[fact.source].published >= context.newest:
        return LATEST, Said("track.why.latest"), None
    return NO_REPORT, Said("track.why.no_report"), None


def _taken_up(context: _Context, event: Event, reports: list[str]) -> set[str]:
    """The main sectors of the event's own facts that its reports tell, worked out once."""
    known = context.taken_up if context.taken_up is not None else {}
    if event.id not in known:
        known[event.id] = {f.sectors[0] for f in context.dataset.event_facts(event.id)
                           if f.source in reports and f.sectors}
    return known[event.id]


def _context(dataset: Dataset, until: date | None = None) -> _Context:
    newest = max((s.published for s in dataset.sources.values()), default=date.min)
    return _Context(dataset, Linked(dataset), previewed(dataset), newest, {}, {}, until,
                    preview_work(dataset), {}, {})


def _around(entry: Tracked, context: _Context) -> Tracked:
    """A preview's background the report does not take up, though it takes up the same named
    thing through another of the preview's rows (the eastern branch of the North–South
    corridor; the corridor itself is agreed on): not taken up as such, the report's fact
    beside it as see also (no curated link: the branch is not named in the report)."""
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
    dataset = context.dataset
    known = context.named if context.named is not None else {}
    key = (fact.source, event.id)
    if key not in known:  # the preview's rows for the event and its background, once
        places = place_names(dataset)
        known[key] = [(other, naming(dataset, other, places))
                      for other in dataset.facts_of([fact.source], [event.id, ""])]
    mine = next((names for other, names in known[key] if other.id == fact.id), None)
    if mine is None:
        mine = naming(dataset, fact)
    for other, names in known[key]:
        if other.id == fact.id or not mine & names:
            continue
        later = later_facts(other.id, context.linked)
        if context.until is not None:
            later = [f for f in later if dataset.sources[f.source].published <= context.until]
        if later:
            first = min(later, key=lambda f: (STRENGTH.index(f.status), f.date, f.id))
            return entry._replace(verdict=NOT_AS_SUCH, see_also=(first,),
                                  reason=Said("track.why.around", via=other.id,
                                              later=_later_line(first)))
    return entry


# At most this many of the report's rows on a field are named beside the work they take up.
FIELD_ROWS = 3


def _field_rows(context: _Context, event: Event, fact: Fact) -> tuple[Fact, ...]:
    """The rows of the event's report (top level, the article's order) whose main sector is
    the work's: where the report takes up its field (gas and power generation: the
    report's energy rows on progress, the oil-to-electricity partnership and gas)."""
    dataset = context.dataset
    reports = set(report_sources(dataset, event, {fact.source}))
    line = dataset.fact_lines
    rows = sorted((other for other in dataset.event_facts(event.id)
                   if other.source in reports and not other.part_of and other.sectors
                   and other.sectors[0] == fact.sectors[0]),
                  key=lambda other: (other.source, line.get(other.id, 0)))
    return tuple(rows[:FIELD_ROWS])


def _entry(fact: Fact, context: _Context, parts: tuple[Tracked, ...] = ()) -> Tracked:
    later = later_facts(fact.id, context.linked)
    if context.until is not None:
        sources = context.dataset.sources
        later = [f for f in later if sources[f.source].published <= context.until]
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


def tracked(dataset: Dataset, candidates: Iterable[Fact] | None = None,
            since: date | None = None, statuses: Iterable[str] | None = None,
            batch: int = 1000, until: date | None = None) -> Iterator[Tracked]:
    """``track`` one by one as they are judged, ``batch`` facts (with their parts and later
    facts) read at a time in date order: at 100,000 facts only a batch is held whole."""
    context = _context(dataset, until)
    wanted = set(statuses) if statuses is not None else None
    # Every fact that may have a role (the store narrows them in SQL and gives only what
    # role() reads), or the candidates given (whole facts).
    given = None if candidates is None else list(candidates)
    known = {fact.id: fact for fact in given or ()}
    brief: dict[str, tuple[str, str, date, str]] = {}  # id -> part_of, status, date, role
    for fact in (dataset.role_pool() if given is None else given):
        brief[fact.id] = (fact.part_of, fact.status, fact.date, context.role(fact))
    members = list(brief)
    if given is not None:  # the candidates' parents, read whole (of the whole table, a
        # parent outside the narrowed pool has no role)
        parents = dataset.fetch((fact.part_of for fact in given if fact.part_of), known)
        for parent in parents.values():
            brief.setdefault(parent.id, (parent.part_of, parent.status, parent.date,
                                         context.role(parent)))
        known = {**parents, **known}
    # A part that matches brings in its parent: the parent is followed, the part under it.
    # Of the whole table, a parent with a role is followed whenever it has a part, even a
    # part the narrowed pool leaves out: the same as asking every part for its parent.
    with_parts = dataset.with_parts() if given is None else set()
    chosen: set[_Chosen] = set()
    for fact_id in members:
        part_of = brief[fact_id][0]
        parent = brief.get(part_of) if part_of else None
        top = part_of if parent is not None and parent[3] else fact_id
        for one in (top, fact_id) if fact_id in with_parts else (top,):
            _, status, day, found_role = brief[one]
            if found_role and (wanted is None or status in wanted) and \
                    (since is None or day >= since):
                chosen.add(_Chosen(day, one))
    del brief
    order = [one.id for one in sorted(chosen)]
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
