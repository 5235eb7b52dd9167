"""Candidate follows links for a curator (`kzru check --suggest-follows`) and, beside track's
"no later report", the same candidates marked unconfirmed.

A candidate pairs a tracked fact with a later fact of a later article that shares rare names or
rare topic words and a sector. It is never written anywhere: curators accept links by hand.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from kzru.follow import (
    COMMENTATOR,
    DONE_STATUSES,
    FORECASTS,
    GENERAL_SECTORS,
    NO_REPORT,
    NOT_BORNE_OUT,
    Namer,
    Tracked,
    naming,
    period_end,
    report_sources,
    role,
    talks,
    voice,
)
from kzru.model import Dataset, Fact
from kzru.suggest_index import (
    RARE_AT_MOST,
    Rare,
    rare_names,
    rare_topics_of,
    topic_keys,
)
from kzru.text import STOPWORDS, normalize, words
from kzru.topic import word_keys


class Suggestion(NamedTuple):
    """A candidate follows link for a curator: ``later`` may report progress on ``earlier``."""

    later: Fact
    earlier: Fact
    score: float
    reasons: list[str]
    names: tuple[str, ...] = ()  # rare names both share


# Beside a verdict only candidates this strong show (a rare shared name alone scores 2.5+).
SEE_ALSO_SCORE = 6.0
# Earlier facts weighed together: their candidates are read in one go (from a store).
BATCH = 500


class _Keys(NamedTuple):
    """An earlier fact's rare names and rare topic keys, each with how many facts hold it and
    which (positions in a loaded table, or rows of a store)."""

    names: dict[str, Rare]
    words: dict[str, Rare]


def _topic_stems(fact: Fact, memo: dict[str, frozenset[str]]) -> set[str]:
    """The keys of the fact's topic words (suggest_index.topic_keys, the rule the store's
    build keeps them by)."""
    return topic_keys(words(f"{fact.summary} {fact.text}"), memo)


def _distinct(keys: Iterable[str]) -> list[str]:
    """Keys less those another key is a prefix of (транспорт, not also транспортн): one
    word counts once."""
    found = sorted(keys)
    return [key for key in found if not any(key != other and key.startswith(other)
                                            for other in found)]


def _sector_topics(dataset: Dataset) -> dict[str, set[str]]:
    """Per sector, the roots of its one-word aliases and of its name's head: a word that
    names the sector's own topic (атом for nuclear, railway for transport)."""
    found: dict[str, set[str]] = {}
    for sector in dataset.sectors.values():
        names = [*sector.aliases, sector.name.split("(")[0], sector.name_ru.split("(")[0]]
        found[sector.id] = {key for name in names for word in words(name)
                            if word not in STOPWORDS and len(word) > 3 for key in word_keys(word)}
    return found


def _qualifies(earlier: Fact, later: Fact, context: dict[str, object]) -> bool:
    """The later fact may report on the earlier: published later, not earlier in time (at the
    dates' precision), and not a commentator's forecast."""
    published = context["published"]
    assert isinstance(published, dict)
    return (published[later.source] > published[earlier.source]
            and period_end(later.date, later.date_precision) >= earlier.date
            and not (later.status in FORECASTS and voice(later) == COMMENTATOR))


def _weight(later: Fact) -> float:
    """How far a later fact can report progress at all: the sides' acts fully, an item they
    discussed nearly, a commentator's view or a general statement at half."""
    if voice(later) == COMMENTATOR:
        return 0.5
    if later.status == "reported":
        return 0.9 if talks(later) else 0.5
    return 1.2 if later.status in (*DONE_STATUSES, "agreed") else 1.0


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
        found = _from_store(dataset, earlier_ids, per_earlier)
    else:
        found = _from_table(dataset, earlier_ids, per_earlier)
    found.sort(key=lambda s: (-s.score, s.earlier.date, s.later.id))
    return found[:limit] if limit is not None else found


def _earlier(fact: Fact, earlier_ids: set[str] | None) -> bool:
    """A fact the suggester finds follow-ups for (one with no sector shares none with any
    later fact: nothing would qualify)."""
    return bool(role(fact)) and (earlier_ids is None or fact.id in earlier_ids) \
        and bool(fact.sectors)


def _common(count: int) -> int:
    """How many facts a rare key is held by at most: a fifteenth of the table, 3 to 40."""
    return max(3, min(count // 15, RARE_AT_MOST))


def _from_table(dataset: Dataset, earlier_ids: set[str] | None,
                per_earlier: int | None) -> list[Suggestion]:
    """Every fact's names and topic keys, worked out from a loaded table."""
    facts = list(dataset.facts.values())
    names = {fact.id: {normalize(name) for name in fact.names} for fact in facts}
    memo: dict[str, frozenset[str]] = {}
    topics = {fact.id: _topic_stems(fact, memo) for fact in facts}
    frequency: dict[tuple[str, str], int] = {}
    for fact in facts:
        for name in names[fact.id]:
            frequency[("name", name)] = frequency.get(("name", name), 0) + 1
        for word in topics[fact.id]:
            frequency[("word", word)] = frequency.get(("word", word), 0) + 1
    common = _common(len(facts))
    # Only rare keys bring candidates: look up those, not every pair (their lists are
    # short, so this stays near linear at 100,000 facts).
    sharing: dict[tuple[str, str], list[int]] = {}
    for position, fact in enumerate(facts):
        for key in (*(("name", name) for name in names[fact.id]),
                    *(("word", word) for word in topics[fact.id])):
            if frequency[key] <= common:
                sharing.setdefault(key, []).append(position)
    rare = {key: Rare(frequency[key], tuple(found)) for key, found in sharing.items()}
    del frequency, sharing

    def keys(fact: Fact) -> _Keys:
        return _Keys({name: rare[("name", name)] for name in names[fact.id]
                      if ("name", name) in rare},
                     {word: rare[("word", word)] for word in topics[fact.id]
                      if ("word", word) in rare})

    def peek(rows: list[int]) -> dict[int, Peek]:
        return {row: (facts[row].id, facts[row].source,
                      period_end(facts[row].date, facts[row].date_precision),
                      frozenset(facts[row].sectors)) for row in rows}

    earlier = [fact for fact in facts if _earlier(fact, earlier_ids)]
    return _weigh(_context(dataset), earlier, keys, peek,
                  lambda peeks: {row: facts[row] for row in peeks}, common, per_earlier)


def _from_store(store: Any, earlier_ids: set[str] | None, per_earlier: int | None,
                earlier: list[Fact] | None = None) -> list[Suggestion]:
    """The earlier facts (``earlier`` when already read, else those of ``earlier_ids`` or
    every fact track may follow, read a batch at a time), their rare keys looked up in the
    store, and only the facts holding one read (their filter columns first, their records
    only when those allow a pair)."""
    from kzru.db import FILE_ORDER, PRECISIONS, ROLE_CANDIDATES, marks

    index = store.index
    common = _common(store.count())
    context = _context(store)
    ends: dict[tuple[int, int], date] = {}
    sets: dict[str, frozenset[str]] = {}

    def peek(rows: list[int]) -> dict[int, Peek]:
        found: dict[int, Peek] = {}
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            for row, fact_id, source, day, precision, sectors in index.rows(
                    "SELECT x.rowid, x.id, x.source, x.date, x.precision, x.sectors FROM "
                    f"filters x WHERE {index.admit(f'x.rowid IN ({marks(chunk)})')}", chunk):
                end = ends.get((day, precision))
                if end is None:
                    end = ends[day, precision] = period_end(date.fromordinal(day),
                                                            PRECISIONS[precision])
                held = sets.get(sectors)
                if held is None:
                    held = sets[sectors] = frozenset(sectors.strip("|").split("|"))
                found[row] = (fact_id, source, end, held)
        return found

    def read(peeks: dict[int, Peek]) -> dict[int, Fact]:
        rows = sorted(peeks)
        facts: dict[str, Fact] = {}
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            facts.update((fact.id, fact) for fact in store.select(
                f"x.rowid IN ({marks(chunk)})", chunk, FILE_ORDER))
        return {row: facts[seen[0]] for row, seen in peeks.items() if seen[0] in facts}

    def batches() -> Iterator[list[tuple[int, Fact]]]:
        """The earlier facts with their rows, a batch at a time, in file order when read
        here (as a walk meets them)."""
        if earlier is not None:
            for start in range(0, len(earlier), BATCH):
                chunk = earlier[start:start + BATCH]
                ids = [fact.id for fact in chunk]
                found = dict(index.rows(
                    f"SELECT id, rowid FROM facts WHERE id IN ({marks(ids)})", ids))
                yield [(found[fact.id], fact) for fact in chunk if fact.id in found]
            return
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            facts = read(peek(chunk))
            yield [(row, facts[row]) for row in chunk if row in facts]

    rows: list[int] = []
    if earlier is not None:
        pass
    elif earlier_ids is None:
        rows = [row for row, in index.rows(
            f"SELECT x.rowid FROM filters x WHERE {index.admit(ROLE_CANDIDATES)} "
            "ORDER BY x.rowid")]
    else:
        wanted = sorted(earlier_ids)
        for start in range(0, len(wanted), BATCH):
            chunk = wanted[start:start + BATCH]
            rows += [row for row, in index.rows(
                "SELECT x.rowid FROM filters x WHERE "
                f"{index.admit(f'x.id IN ({marks(chunk)})')}", chunk)]
        rows.sort()
    suggestions: list[Suggestion] = []
    for found in batches():
        batch = [(row, fact) for row, fact in found if _earlier(fact, earlier_ids)]
        names = {fact.id: {normalize(name) for name in fact.names} for _, fact in batch}
        rare_name = rare_names(index, (n for found in names.values() for n in found), common)
        rare_word = rare_topics_of(index, [row for row, _ in batch], common)
        row_of = {fact.id: row for row, fact in batch}

        def keys(fact: Fact) -> _Keys:
            return _Keys({name: rare_name[name] for name in names[fact.id] if name in rare_name},
                         rare_word[row_of[fact.id]])

        suggestions += _weigh(context, [fact for _, fact in batch], keys, peek, read, common,
                              per_earlier)
    return suggestions


# What a candidate's filter columns say, enough to rule most pairs out before its record is
# read: id, source, the last day its date may stand for, sectors (a plain tuple: a store
# peeks at tens of thousands).
Peek = tuple[str, str, date, frozenset[str]]


def _context(dataset: Any) -> dict[str, Any]:
    """What every pair is weighed with: the sources' publication dates, the sectors' own
    topic words."""
    return {"published": {source.id: source.published for source in dataset.sources.values()},
            "sector_topics": _sector_topics(dataset)}


def _weigh(context: dict[str, Any], earlier: list[Fact], keys: Callable[[Fact], _Keys],
           peek: Callable[[list[int]], dict[int, Peek]],
           read: Callable[[dict[int, Peek]], dict[int, Fact]], common: int,
           per_earlier: int | None) -> list[Suggestion]:
    """For each earlier fact (in order), its best candidates: the facts that share a rare
    name, two rare words or a word naming its own sector with it, weighed."""
    sector_topics, published = context["sector_topics"], context["published"]
    suggestions: list[Suggestion] = []
    for start in range(0, len(earlier), BATCH):
        batch = [(fact, keys(fact)) for fact in earlier[start:start + BATCH]]
        chosen: list[list[int]] = []
        for fact, rare in batch:
            own = sector_topics.get(fact.sectors[0], set())
            # A pair qualifies only with a rare name, two rare words or a word naming the
            # earlier fact's own sector in common: count what each candidate shares, and
            # weigh only those that can (the same answer, without weighing every neighbour).
            shares: dict[int, int] = {}
            for held in rare.names.values():
                for row in held.rows:
                    shares[row] = shares.get(row, 0) + 2
            for word, held in rare.words.items():
                gain = 2 if word in own else 1
                for row in held.rows:
                    shares[row] = shares.get(row, 0) + gain
            chosen.append(sorted(row for row, count in shares.items() if count >= 2))
        seen = peek(sorted({row for rows in chosen for row in rows}))
        # Rule out by the filter columns what _pair would: itself, a report published no
        # later, a date before the earlier one, no sector in common.
        for number, (fact, _) in enumerate(batch):
            when, sectors = published.get(fact.source), set(fact.sectors)
            chosen[number] = [
                row for row in chosen[number] if row in seen and seen[row][0] != fact.id
                and seen[row][2] >= fact.date and not sectors.isdisjoint(seen[row][3])
                and when is not None and published.get(seen[row][1], when) > when]
        facts = read({row: seen[row] for rows in chosen for row in rows})
        for (fact, rare), rows in zip(batch, chosen):
            own = sector_topics.get(fact.sectors[0], set())
            found = [item for row in rows if row in facts
                     for item in _pair(fact, facts[row], row, rare, own, common, context)]
            # A curator reviews each commitment's best few: keep those only, as they are
            # found, so memory holds a few per fact, not every pair.
            found.sort(key=lambda s: (-s.score, s.later.id))
            suggestions.extend(found if per_earlier is None else found[:per_earlier])
    return suggestions


def _pair(earlier: Fact, later: Fact, row: int, rare: _Keys, own: set[str], common: int,
          context: dict[str, object]) -> list[Suggestion]:
    """The suggestion that ``later`` (at ``row``) follows ``earlier``, when it qualifies."""
    if earlier.id in later.follows or later.id == earlier.id \
            or not _qualifies(earlier, later, context):
        return []
    names = sorted(name for name, held in rare.names.items() if row in held.rows)
    shared = _distinct(word for word, held in rare.words.items() if row in held.rows)
    sectors = set(earlier.sectors) & set(later.sectors)
    own_topic = [word for word in shared if word in own]
    if not sectors or not (names or len(shared) >= 2 or (
            own_topic and earlier.sectors[0] in sectors)):
        return []
    rarity = sum(1.0 + (common - rare.words[word].frequency) / common for word in shared)
    score = 2.0 * len(names) + rarity + 0.5 * len(sectors) + 1.0 * len(own_topic)
    score += 1.5 if later.sectors[0] == earlier.sectors[0] else 0.0
    score *= _weight(later)
    reasons = [f"names: {', '.join(names)}"] if names else []
    reasons += [f"words: {', '.join(shared)}"] if shared else []
    reasons.append(f"sectors: {', '.join(sorted(sectors))}")
    return [Suggestion(later, earlier, round(score, 2), reasons, tuple(names))]


def see_also(dataset: Dataset, entries: list[Tracked]) -> list[Tracked]:
    """Beside each "no later report" (an item's or a part's), the later facts the suggester
    proposes for it that share a rare name or the main sector with it (at most three); beside
    a forecast of a field the visit's report does not name (scientific-technical
    cooperation), the documents the visit signed (``field_documents``)."""
    open_facts = {fact.id: fact for fact in _open(entries)}
    proposed: dict[str, list[Fact]] = {}
    if open_facts:
        if getattr(dataset, "index", None) is not None:  # the open facts are read already
            found = _from_store(dataset, set(open_facts), 3, list(open_facts.values()))
        else:
            found = suggest_follows(dataset, limit=None, earlier_ids=set(open_facts))
        found.sort(key=lambda s: (-s.score, s.earlier.date, s.later.id))
        universities = _universities(dataset) if found else {}
        for item in found:
            # Stricter than for a curator: a reader sees these beside the verdict.
            if item.score >= SEE_ALSO_SCORE and (
                    item.names or item.later.sectors[0] == item.earlier.sectors[0]) \
                    and not _other_university(item, universities):
                proposed.setdefault(item.earlier.id, []).append(item.later)
    chosen = {fact_id: tuple(found[:3]) for fact_id, found in proposed.items()}
    for fact_id, rows in next_overviews(dataset, list(open_facts.values())).items():
        chosen[fact_id] = tuple(dict.fromkeys([*chosen.get(fact_id, ()), *rows]))
    return _beside(entries, chosen, field_documents(dataset, entries))


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
            ids = [row[0] for row in dataset.report_rows(
                nearest.id, report_sources(dataset, nearest, set()))]
            overviews[nearest.id] = tuple(
                row for row in dataset.fetch(ids).values()
                if len(set(row.sectors)) >= OVERVIEW_SECTORS)
        rows = tuple(row for row in overviews[nearest.id] if fact.sectors[0] in row.sectors)
        if rows:
            found[fact.id] = rows
    return found


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


def with_field_documents(dataset: Dataset, entries: list[Tracked]) -> list[Tracked]:
    """The entries with ``field_documents`` beside each forecast they are found for (the
    brief's preview-against-outcome section, which shows no other candidates)."""
    documents = field_documents(dataset, entries)
    return _beside(entries, {}, documents) if documents else entries


def _beside(entries: list[Tracked], proposed: dict[str, tuple[Fact, ...]],
            documents: dict[str, tuple[Fact, ...]]) -> list[Tracked]:
    def beside(entry: Tracked) -> Tracked:
        if entry.verdict == NO_REPORT:
            entry = entry._replace(see_also=proposed.get(entry.fact.id, ()))
        elif entry.fact.id in documents:
            entry = entry._replace(see_also=documents[entry.fact.id])
        if entry.parts:
            entry = entry._replace(parts=tuple(beside(part) for part in entry.parts))
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
    item or a part) that is not borne out and names nothing beyond its field (the preview's
    "scientific-technical cooperation"): a reader may count a signed document in the field
    (the 2025 documents on space and nuclear energy) or not, so the pair is shown, never
    linked (RUBRIC-follows 4). A document on the relations as a whole (the Declaration,
    politics) takes up no field; a forecast naming a thing of its own (a council) is held to
    that thing alone."""
    wanted = [fact for entry in entries for fact in
              (entry.fact, *(part.fact for part in entry.parts))
              if fact.event and fact.event in dataset.events
              and _verdict_of(entry, fact.id) == NOT_BORNE_OUT]
    if not wanted:
        return {}
    namer = Namer(dataset)
    signed: dict[tuple[str, str], tuple[Fact, ...]] = {}
    found: dict[str, tuple[Fact, ...]] = {}
    for fact in wanted:
        if naming(dataset, fact, namer):
            continue
        key = (fact.event, fact.source)
        if key not in signed:
            event = dataset.events[fact.event]
            rows = dataset.report_rows(event.id, report_sources(dataset, event, {fact.source}))
            facts = dataset.fetch(row[0] for row in rows)
            lines = dataset.fact_lines
            signed[key] = tuple(sorted(
                (row for row in facts.values() if row.kind == "document"
                 and row.status == "signed" and row.sectors[0] not in GENERAL_SECTORS),
                key=lambda row: (lines.get(row.id, 0), row.id)))
        if signed[key]:
            found[fact.id] = signed[key]
    return found


def _verdict_of(entry: Tracked, fact_id: str) -> str:
    if entry.fact.id == fact_id:
        return entry.verdict
    return next(part.verdict for part in entry.parts if part.fact.id == fact_id)
