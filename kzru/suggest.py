"""Candidate follows links for a curator (`kzru check --suggest-follows`) and, beside track's
"no later report", the same candidates marked unconfirmed.

A candidate pairs a tracked fact with a later fact of a later article that shares rare names or
rare topic words and a sector. It is never written anywhere: curators accept links by hand.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from kzru.follow import (
    COMMENTATOR,
    DONE_STATUSES,
    FORECASTS,
    NO_REPORT,
    Tracked,
    period_end,
    role,
    talks,
    voice,
)
from kzru.model import Dataset, Fact
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
# A name or word in more facts than this is not rare, however large the table: at 100,000
# facts a fifteenth would be 6,666 facts, and every pair sharing one would be compared.
RARE_AT_MOST = 40
_NUMBERISH = re.compile(r"\d")


def _topic_stems(fact: Fact, memo: dict[str, frozenset[str]] | None = None) -> set[str]:
    """The keys of the fact's topic words; ``memo`` keeps each word's keys across facts
    (at 100,000 facts each word is met many times)."""
    memo = {} if memo is None else memo
    found: set[str] = set()
    for word in words(f"{fact.summary} {fact.text}"):
        keys = memo.get(word)
        if keys is None:
            keys = memo[word] = frozenset() if (
                word in STOPWORDS or len(word) <= 3 or _NUMBERISH.search(word)) \
                else frozenset(word_keys(word))
        found |= keys
    return found


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
    ``earlier_ids`` narrows the earlier side."""
    facts = list(dataset.facts.values())
    names = {fact.id: {normalize(name) for name in fact.names} for fact in facts}
    frequency: dict[str, int] = {}
    for found in names.values():
        for name in found:
            frequency[name] = frequency.get(name, 0) + 1
    common = max(3, min(len(facts) // 15, RARE_AT_MOST))
    memo: dict[str, frozenset[str]] = {}
    topics = {fact.id: _topic_stems(fact, memo) for fact in facts}
    document_frequency: dict[str, int] = {}
    for found in topics.values():
        for word in found:
            document_frequency[word] = document_frequency.get(word, 0) + 1
    sector_topics = _sector_topics(dataset)
    context: dict[str, object] = {
        "published": {source.id: source.published for source in dataset.sources.values()}}
    recorded = {(later.id, earlier) for later in facts for earlier in later.follows}
    # A pair qualifies only through a shared rare name or rare word: look up those, not every
    # pair (rare keys have short lists, so this stays near linear at 100,000 facts).
    sharing: dict[tuple[str, str], list[int]] = {}
    for position, fact in enumerate(facts):
        for name in names[fact.id]:
            if frequency[name] <= common:
                sharing.setdefault(("name", name), []).append(position)
        for word in topics[fact.id]:
            if document_frequency[word] <= common:
                sharing.setdefault(("word", word), []).append(position)
    suggestions: list[Suggestion] = []
    for earlier in facts:
        if not role(earlier) or (earlier_ids is not None and earlier.id not in earlier_ids) \
                or not earlier.sectors:  # (no sector, so none shared: nothing qualifies)
            continue
        own = sector_topics.get(earlier.sectors[0], set())
        # A pair qualifies only with a rare name, two rare words or a word naming the
        # earlier fact's own sector in common: count what each candidate shares, and
        # weigh only those that can (the same answer, without weighing every neighbour).
        shares: dict[int, int] = {}
        for name in names[earlier.id]:
            for position in sharing.get(("name", name), ()):
                shares[position] = shares.get(position, 0) + 2
        for word in topics[earlier.id]:
            gain = 2 if word in own else 1
            for position in sharing.get(("word", word), ()):
                shares[position] = shares.get(position, 0) + gain
        found = []
        for position in sorted(p for p, count in shares.items() if count >= 2):
            later = facts[position]
            if (later.id, earlier.id) in recorded or later.id == earlier.id \
                    or not _qualifies(earlier, later, context):
                continue
            rare = sorted(n for n in names[earlier.id] & names[later.id] if frequency[n] <= common)
            shared = _distinct(w for w in topics[earlier.id] & topics[later.id]
                               if document_frequency[w] <= common)
            sectors = set(earlier.sectors) & set(later.sectors)
            own_topic = [w for w in shared if w in own]
            if not sectors or not (rare or len(shared) >= 2 or (
                    own_topic and earlier.sectors[0] in sectors)):
                continue
            rarity = sum(1.0 + (common - document_frequency[w]) / common for w in shared)
            score = 2.0 * len(rare) + rarity + 0.5 * len(sectors) + 1.0 * len(own_topic)
            score += 1.5 if later.sectors[0] == earlier.sectors[0] else 0.0
            score *= _weight(later)
            reasons = [f"names: {', '.join(rare)}"] if rare else []
            reasons += [f"words: {', '.join(shared)}"] if shared else []
            reasons.append(f"sectors: {', '.join(sorted(sectors))}")
            found.append(Suggestion(later, earlier, round(score, 2), reasons, tuple(rare)))
        # A curator reviews each commitment's best few: keep those only, as they are found,
        # so memory holds a few per fact, not every pair.
        found.sort(key=lambda s: (-s.score, s.later.id))
        suggestions.extend(found if per_earlier is None else found[:per_earlier])
    suggestions.sort(key=lambda s: (-s.score, s.earlier.date, s.later.id))
    return suggestions[:limit] if limit is not None else suggestions


def see_also(dataset: Dataset, entries: list[Tracked]) -> list[Tracked]:
    """Beside each "no later report", the later facts the suggester proposes for it that share
    a rare name or the main sector with it (at most three)."""
    open_ids = {e.fact.id for e in entries if e.verdict == NO_REPORT}
    if not open_ids:
        return entries
    proposed: dict[str, list[Fact]] = {}
    for item in suggest_follows(dataset, limit=None, earlier_ids=open_ids):
        # Stricter than for a curator: a reader sees these beside the verdict.
        if item.score >= SEE_ALSO_SCORE and (
                item.names or item.later.sectors[0] == item.earlier.sectors[0]):
            proposed.setdefault(item.earlier.id, []).append(item.later)

    return [entry._replace(see_also=tuple(proposed.get(entry.fact.id, [])[:3]))
            if entry.verdict == NO_REPORT else entry for entry in entries]
