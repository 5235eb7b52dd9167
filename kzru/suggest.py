"""Candidate follows links for a curator (`kzru check --suggest-follows`) and, beside track's
"no later report", the same candidates marked unconfirmed; beside a forecast of a field the
report does not name, the documents the visit signed; beside a topic only talked about, the
next meeting's overview of its field.

A candidate pairs a tracked fact with a later fact of a later article that shares rare names or
rare topic words and a sector (found and weighed by kzru.suggest_pairs). It is never written
anywhere: curators accept links by hand.
"""

from __future__ import annotations

from bisect import insort
from typing import Any, Iterator

from kzru.follow import (
    GENERAL_SECTORS,
    NO_REPORT,
    NOT_LINKED,
    NOT_NAMED,
    Namer,
    Tracked,
    naming,
    report_sources,
    talks,
)
from kzru.model import Dataset, Fact
from kzru.suggest_pairs import Suggestion, from_store, from_table
from kzru.text import normalize, stem, words

# Beside a verdict only candidates this strong show (a rare shared name alone scores 2.5+).
SEE_ALSO_SCORE = 6.0


def suggest_follows(dataset: Dataset, limit: int | None = None,
                    earlier_ids: set[str] | None = None,
                    per_earlier: int | None = 3) -> list[Suggestion]:
    """Likely links not yet recorded: a tracked fact, a later fact from a later report sharing
    rare names, a sector and topic words (or one word naming the earlier fact's own sector).
    Ranked, at most ``per_earlier`` for each earlier fact; never written anywhere.
    ``earlier_ids`` narrows the earlier side. A store (kzru.db) answers from the keys its
    build kept (suggest_index.py), reading only the earlier facts and their candidates; a
    loaded table is walked whole. Both give the same suggestions (tests/test_suggest.py)."""
    if getattr(dataset, "index", None) is not None:
        found = from_store(dataset, earlier_ids, per_earlier)
    else:
        found = from_table(dataset, earlier_ids, per_earlier)
    found.sort(key=lambda s: (-s.score, s.earlier.date, s.later.id))
    return found[:limit] if limit is not None else found


def see_also(dataset: Dataset, entries: list[Tracked],
             memo: dict[str, Any] | None = None) -> list[Tracked]:
    """Beside each "no later report" (an item's or a part's), the later facts the suggester
    proposes for it that share a rare name or the main sector with it (at most three); beside
    a forecast of a field the visit's report does not name (scientific-technical
    cooperation), the documents the visit signed (``field_documents``). ``memo``: what a
    caller judging a batch at a time keeps from one batch to the next (next_field_rows)."""
    open_facts = {fact.id: fact for fact in _open(entries)}
    proposed: dict[str, list[Fact]] = {}
    if open_facts:
        if getattr(dataset, "index", None) is not None:  # the open facts are read already
            found = from_store(dataset, set(open_facts), 3, list(open_facts.values()))
        else:
            found = suggest_follows(dataset, limit=None, earlier_ids=set(open_facts))
        found.sort(key=lambda s: (-s.score, s.earlier.date, s.later.id))
        universities = _universities(dataset) if found else {}
        for item in found:
            # Stricter than for a curator: a reader sees these beside the verdict.
            if item.score >= SEE_ALSO_SCORE and (
                    item.names or item.later.sectors[0] == item.earlier.sectors[0]) \
                    and not _other_university(item, universities) \
                    and not _other_than_a_document(item):
                proposed.setdefault(item.earlier.id, []).append(item.later)
    chosen = {fact_id: _with_wholes(dataset, found[:3]) for fact_id, found in proposed.items()}
    for fact_id, rows in next_overviews(dataset, list(open_facts.values())).items():
        chosen[fact_id] = tuple(dict.fromkeys([*chosen.get(fact_id, ()), *rows]))
    for fact_id, rows in next_field_rows(dataset, list(open_facts.values()), memo).items():
        chosen[fact_id] = tuple(dict.fromkeys([*chosen.get(fact_id, ()), *rows]))
    return _beside(entries, chosen, field_documents(dataset, entries))


def _with_wholes(dataset: Dataset, found: list[Fact]) -> tuple[Fact, ...]:
    """The candidates, each part told in its whole's own sentence preceded by that whole (the
    first NPP's project, in «Особо отмечена плодотворная работа с компанией «Росатом», в том
    числе по проекту строительства первой АЭС»: the Rosatom work): the sentence says first
    what the part is a part of (the round-13b re-readers asked for the Rosatom row beside the
    2022 peaceful-atom work). A part cut from a longer list (a document's area) keeps its
    line alone."""
    shown: list[Fact] = []
    parents = dataset.fetch(fact.part_of for fact in found if fact.part_of)
    for fact in found:
        whole = parents.get(fact.part_of) if fact.part_of else None
        if whole is not None and whole.evidence == fact.evidence and whole not in shown \
                and whole not in found:
            shown.append(whole)
        if fact not in shown:
            shown.append(fact)
    return tuple(shown)


# A row naming this many fields is an overview of what a meeting covered («Договоренности …
# коснулись сфер транспорта, экономики, культуры, образования и спорта»; brief.main_sector).
OVERVIEW_SECTORS = 4


def next_overviews(dataset: Dataset, facts: list[Fact]) -> dict[str, tuple[Fact, ...]]:
    """Fact id -> the next meeting's overview rows that list its field, for each topic the
    sides only talked about at a meeting, naming nothing but the field («обсудили вопросы …
    образования»). The next meeting of the same kind covering the field may take the topic
    up again, or not: a field is not a named item (RUBRIC-follows 1), so the pair is shown
    as see also, never linked (round-10 readers: education in 2024 and the 2025 overview)."""
    wanted = [fact for fact in facts if fact.event in dataset.events and talks(fact)]
    if not wanted:
        return {}
    namer = Namer(dataset)
    overviews: dict[str, tuple[Fact, ...]] = {}
    found: dict[str, tuple[Fact, ...]] = {}
    for fact in wanted:
        if naming(dataset, fact, namer):
            continue
        event = dataset.events[fact.event]
        later = [other for other in dataset.events.values()
                 if other.kind == event.kind and other.start > event.end]
        if not later:
            continue
        nearest = min(later, key=lambda other: (other.start, other.id))
        if nearest.id not in overviews:
            overviews[nearest.id] = tuple(dataset.overview_rows(
                nearest.id, report_sources(dataset, nearest, set()), OVERVIEW_SECTORS))
        rows = tuple(row for row in overviews[nearest.id] if fact.sectors[0] in row.sectors)
        if rows:
            found[fact.id] = rows
    return found


# At most this many of the next meeting's rows are named beside a topic (next_field_rows).
FIELD_ROWS = 3


def next_field_rows(dataset: Dataset, facts: list[Fact],
                    memo: dict[str, Any] | None = None) -> dict[str, tuple[Fact, ...]]:
    """Fact id -> the next meeting's rows in its field that say again the word its field is
    named by, for each topic the sides only talked about, naming nothing but the field
    («обозначили сотрудничество в … строительство»: the 2025 rows on building schools and the
    first NPP say «строительства»). Not its progress — a field is no named item — so shown
    as see also, never linked (round-14 briefs reader: construction had nothing beside it).
    The field's words are its sector's own names (Строительство и ЖКХ; housing, ЖКХ) that
    the topic's evidence says; a topic whose field word no later row says has none.
    ``memo``: kept across calls (see_also's), so each meeting is read once a run."""
    wanted = [fact for fact in facts if fact.event in dataset.events and talks(fact)
              and fact.sectors]
    if not wanted:
        return {}
    memo = {} if memo is None else memo
    namer = Namer(dataset)
    found: dict[str, tuple[Fact, ...]] = {}
    for fact in wanted:
        if naming(dataset, fact, namer) or fact.sectors[0] not in dataset.sectors:
            continue
        field = _field_words(dataset, fact.sectors[0], memo) & \
            {stem(word) for word in words(fact.evidence)}
        event = dataset.events[fact.event]
        later = [other for other in dataset.events.values()
                 if other.kind == event.kind and other.start > event.end]
        if not field or not later:
            continue
        nearest = min(later, key=lambda other: (other.start, other.id))
        # its report's rows and its preview's (round 14: the 2024 industry talks beside the
        # preview's «расширении промышленной … кооперации»)
        # the first rows saying any of the field's words: among the first of each word's
        saying = _saying_fields(dataset, nearest.id, memo)
        rows = sorted({key: row for word in field
                       for key, row in saying.get((fact.sectors[0], word), ())}.items())
        if rows:
            found[fact.id] = tuple(row for _, row in rows[:FIELD_ROWS])
    return found


def _field_words(dataset: Dataset, sector_id: str, memo: dict[str, Any]) -> set[str]:
    """The stems of a sector's own names (its name in both languages, its aliases)."""
    known = memo.setdefault("field words", {})
    if sector_id not in known:
        sector = dataset.sectors[sector_id]
        known[sector_id] = {stem(word) for name in (sector.name, sector.name_ru,
                                                    *sector.aliases) for word in words(name)}
    return known[sector_id]


def _saying_fields(dataset: Dataset, event_id: str, memo: dict[str, Any]
                   ) -> dict[tuple[str, str], list[tuple[tuple[int, str], Fact]]]:
    """(sector, stem of a word its field is named by) -> the event's first FIELD_ROWS rows in
    that sector that are not parts and say that word, by their place in the curated order
    (line, id): the first rows saying any of a field's words are among these. The event is
    read once a run, a page at a time, and only these rows kept: at 100,000 facts reading
    the next meeting whole for every topic, a batch of items at a time, made track's first
    run quadratic (425 s), and holding every row that says its field cost the Moscow brief's
    first run tens of MB."""
    known = memo.setdefault("saying fields", {})
    if event_id not in known:
        lines = dataset.fact_lines
        first: dict[tuple[str, str], list[tuple[tuple[int, str], Fact]]] = {}
        for page in dataset.event_pages(event_id):  # a page held at a time, not the event
            for row in page:
                stems: set[str] | None = None
                for sector in dict.fromkeys(row.sectors):
                    if sector not in dataset.sectors:
                        continue
                    if stems is None:
                        stems = {stem(word) for word in words(row.evidence)}
                    for word in stems & _field_words(dataset, sector, memo):
                        kept = first.setdefault((sector, word), [])
                        place = (lines.get(row.id, 0), row.id)
                        if len(kept) < FIELD_ROWS or place < kept[-1][0]:
                            insort(kept, (place, row), key=lambda pair: pair[0])
                            del kept[FIELD_ROWS:]
        known[event_id] = first
    return known[event_id]


def _universities(dataset: Dataset) -> dict[str, str]:
    """Each name of a university the glossary knows, folded -> the university's entry."""
    return {normalize(name): entry.id for entry in dataset.glossary.values()
            if entry.kind == "university" for name in entry.all_names()}


def _other_university(item: Suggestion, universities: dict[str, str]) -> bool:
    """Whether the pair names universities and none in common: the MAI branch is no later
    report on the MSU branch, though both are branches in education (RUBRIC-follows rule 1,
    the same named thing; round-10 track reservation 6)."""
    if item.names:
        return False

    def named(fact: Fact) -> set[str]:
        return {universities[key] for key in map(normalize, fact.names) if key in universities}

    earlier, later = named(item.earlier), named(item.later)
    return bool(earlier and later and not earlier & later)


# What may report on a signed document: another document (the 2025 documents on space beside
# the 2022 agreements on space) or a statement on one (the press statement on the Declaration).
ON_DOCUMENTS = ("document", "statement")


def _other_than_a_document(item: Suggestion) -> bool:
    """Whether a signed document is paired with a thing of another kind: a branch, a project,
    a figure or an initiative is not the document, even where it names one of the document's
    parties (the MEPhI branch and the Bolashak memorandum signed with MEPhI; the nine branches
    and the memoranda with six universities): RUBRIC-follows rule 1, the same named thing
    (round-11 readers: the SPIEF brief's see also tied branches to the memoranda)."""
    return item.earlier.kind == "document" and item.later.kind not in ON_DOCUMENTS


def with_field_documents(dataset: Dataset, entries: list[Tracked]) -> list[Tracked]:
    """The entries with ``field_documents`` beside each forecast they are found for (the
    brief's preview-against-outcome section, which shows no other candidates)."""
    documents = field_documents(dataset, entries)
    return _beside(entries, {}, documents) if documents else entries


def _beside(entries: list[Tracked], proposed: dict[str, tuple[Fact, ...]],
            documents: dict[str, tuple[Fact, ...]]) -> list[Tracked]:
    def beside(entry: Tracked) -> Tracked:
        if entry.verdict == NO_REPORT:
            found = proposed.get(entry.fact.id, ())
            entry = entry._replace(see_also=found, verdict=NOT_LINKED if found else NO_REPORT)
        elif entry.fact.id in documents:
            entry = entry._replace(see_also=documents[entry.fact.id])
        if entry.parts:
            entry = entry._replace(parts=tuple(beside(part) for part in entry.parts))
            if entry.verdict == NO_REPORT and any(part.verdict == NOT_LINKED
                                                  for part in entry.parts):
                # the strongest of its parts', as track gives a parent (round 14)
                entry = entry._replace(verdict=NOT_LINKED)
        return entry

    return [beside(entry) for entry in entries]


def _open(entries: list[Tracked]) -> Iterator[Fact]:
    """The facts of the items and parts nothing later reports on."""
    for entry in entries:
        if entry.verdict == NO_REPORT:
            yield entry.fact
        yield from (part.fact for part in entry.parts if part.verdict == NO_REPORT)


def field_documents(dataset: Dataset, entries: list[Tracked]) -> dict[str, tuple[Fact, ...]]:
    """Fact id -> the documents its visit's report says were signed, for each forecast (an
    item or a part) the report does not name, naming nothing beyond its field (the preview's
    "scientific-technical cooperation"): a reader may count a signed document in the field
    (the 2025 documents on space and nuclear energy) or not, so the pair is shown, never
    linked (RUBRIC-follows 4). A document on the relations as a whole (the Declaration,
    politics) takes up no field; a forecast naming a thing of its own (a council) is held to
    that thing alone."""
    wanted = [fact for entry in entries for fact in
              (entry.fact, *(part.fact for part in entry.parts))
              if fact.event and fact.event in dataset.events
              and _verdict_of(entry, fact.id) == NOT_NAMED]
    if not wanted:
        return {}
    signed: dict[tuple[str, str], tuple[Fact, ...]] = {}
    said: dict[tuple[str, str], list[Fact]] = {}
    found: dict[str, tuple[Fact, ...]] = {}
    lines = dataset.fact_lines
    # the fields asked of each report: only its statements on those are read (at 100,000
    # facts the Moscow report makes 4,000 statements, read whole for every batch of forecasts)
    fields: dict[tuple[str, str], set[str]] = {}
    for fact in wanted:
        fields.setdefault((fact.event, fact.source), set()).update(fact.sectors[:1])
    for fact in wanted:  # a forecast naming a thing of its own is "not mentioned", not here
        key = (fact.event, fact.source)
        if key not in signed:
            event = dataset.events[fact.event]
            reports = report_sources(dataset, event, {fact.source})
            facts = dataset.signed_documents(event.id, reports)
            signed[key] = tuple(sorted(
                (row for row in facts if row.sectors[0] not in GENERAL_SECTORS),
                key=lambda row: (lines.get(row.id, 0), row.id)))
            # what the report says of a field, naming nothing (the IT sector, where
            # «Широкие возможности открываются»): beside a forecast of the same field
            # (round-14 readers: joint technological initiatives and the IT-sector line)
            # (the report's statements read as such: at 100,000 facts reading the event
            # whole for each forecast's article made track's first run quadratic)
            said[key] = sorted(dataset.facts_of(reports, (event.id,), top_level=True,
                                                kinds=("statement",), main_sectors=sorted(
                                                    fields[key] - set(GENERAL_SECTORS))),
                               key=lambda row: (lines.get(row.id, 0), row.id))
        field = tuple(row for row in said[key] if row.sectors[0] == fact.sectors[0])
        if signed[key] or field:
            found[fact.id] = (*signed[key], *field)
    return found


def _verdict_of(entry: Tracked, fact_id: str) -> str:
    if entry.fact.id == fact_id:
        return entry.verdict
    return next(part.verdict for part in entry.parts if part.fact.id == fact_id)
