"""How candidate follows links are found and weighed: a tracked fact and a later fact of a
later report that share rare names, rare topic words or a word naming the earlier fact's own
sector, and a sector; scored by what they share and by how far the later fact can report
progress at all.

Why apart from kzru.suggest: this is the search for pairs, from a loaded table walked whole or
from the keys a store's build kept (kzru.suggest_index), the same answer either way
(tests/test_suggest.py); kzru.suggest decides what is offered, to a curator (`kzru check
--suggest-follows`) and beside a verdict (track's and the brief's see also).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from kzru.follow import (
    COMMENTATOR,
    DONE_STATUSES,
    FORECASTS,
    period_end,
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
    # why, as (what is shared, the shared items): ("names", "мифи, mephi"), ("words", …),
    # ("sectors", …) — kzru check says each in the reader's language
    reasons: list[tuple[str, str]]
    names: tuple[str, ...] = ()  # rare names both share


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


def _earlier(fact: Fact, earlier_ids: set[str] | None) -> bool:
    """A fact the suggester finds follow-ups for (one with no sector shares none with any
    later fact: nothing would qualify)."""
    return bool(role(fact)) and (earlier_ids is None or fact.id in earlier_ids) \
        and bool(fact.sectors)


def _common(count: int) -> int:
    """How many facts a rare key is held by at most: a fifteenth of the table, 3 to 40."""
    return max(3, min(count // 15, RARE_AT_MOST))


def from_table(dataset: Dataset, earlier_ids: set[str] | None,
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


def from_store(store: Any, earlier_ids: set[str] | None, per_earlier: int | None,
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
    reasons = [("names", ", ".join(names))] if names else []
    reasons += [("words", ", ".join(shared))] if shared else []
    reasons.append(("sectors", ", ".join(sorted(sectors))))
    return [Suggestion(later, earlier, round(score, 2), reasons, tuple(names))]
