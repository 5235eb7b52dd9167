"""What became of each commitment: follow-through links, verdicts and suggested links.

A fact's ``follows`` names earlier facts it reports progress on. From those curated links this
module derives, for every commitment, plan, expectation, proposal and ongoing work, the later
facts in date order and a verdict. The table is the evidence: "no later report" means nothing
later *in this table* links to it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable, NamedTuple

from kzru.model import Dataset, Fact
from kzru.text import STOPWORDS, normalize, stem, words

TRACKED = ("agreed", "planned", "expected", "proposed", "ongoing")
DONE_STATUSES = ("signed", "done")
DONE, IN_PROGRESS, NO_REPORT = "done", "in progress", "no later report"


class Tracked(NamedTuple):
    """One tracked fact, what followed it (date order) and the verdict with its reason."""

    fact: Fact
    later: list[Fact]
    verdict: str
    reason: str


def followers(dataset: Dataset) -> dict[str, list[Fact]]:
    """For each fact id, the facts whose ``follows`` name it."""
    found: dict[str, list[Fact]] = {}
    for fact in dataset.facts.values():
        for earlier in fact.follows:
            found.setdefault(earlier, []).append(fact)
    return found


def later_facts(fact_id: str, linked: dict[str, list[Fact]]) -> list[Fact]:
    """Every fact reporting progress on ``fact_id``, directly or through another, by date."""
    seen: dict[str, Fact] = {}
    pending = list(linked.get(fact_id, []))
    while pending:
        current = pending.pop()
        if current.id not in seen and current.id != fact_id:
            seen[current.id] = current
            pending.extend(linked.get(current.id, []))
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


def verdict(later: list[Fact]) -> tuple[str, str]:
    """done / in progress / no later report, and a sentence saying why."""
    finished = [fact for fact in later if fact.status in DONE_STATUSES]
    if finished:
        first = finished[0]
        return DONE, f"{first.id} ({first.source}, {first.status}) reports it {first.status}"
    if later:
        first = later[0]
        return IN_PROGRESS, (f"{first.id} ({first.source}, {first.status}) reports progress; "
                             "no later fact reports it signed or done")
    return NO_REPORT, "nothing later in this table reports on it"


def track(dataset: Dataset, candidates: Iterable[Fact] | None = None,
          since: date | None = None, statuses: Iterable[str] = TRACKED) -> list[Tracked]:
    """Tracked facts (date order) among ``candidates`` (all facts when None)."""
    wanted = set(statuses)
    linked = followers(dataset)
    pool = dataset.facts.values() if candidates is None else candidates
    chosen = [fact for fact in pool if fact.status in wanted
              and (since is None or fact.date >= since)]
    result = []
    for fact in sorted(chosen, key=lambda fact: (fact.date, fact.id)):
        later = later_facts(fact.id, linked)
        outcome, reason = verdict(later)
        result.append(Tracked(fact, later, outcome, reason))
    return result


class Suggestion(NamedTuple):
    """A candidate follows link for a curator: ``later`` may report progress on ``earlier``."""

    later: Fact
    earlier: Fact
    score: float
    reasons: list[str]


_NUMBERISH = re.compile(r"\d")


def _topic_stems(fact: Fact) -> set[str]:
    return {stem(word) for word in words(f"{fact.summary} {fact.text}")
            if word not in STOPWORDS and len(word) > 3 and not _NUMBERISH.search(word)}


def suggest_follows(dataset: Dataset, limit: int = 30) -> list[Suggestion]:
    """Likely links not yet recorded: a tracked fact, a later fact from a later report sharing
    rare names, a sector and topic words. Ranked; never written anywhere."""
    facts = list(dataset.facts.values())
    names = {fact.id: {normalize(name) for name in fact.names} for fact in facts}
    frequency: dict[str, int] = {}
    for found in names.values():
        for name in found:
            frequency[name] = frequency.get(name, 0) + 1
    common = max(3, len(facts) // 15)
    topics = {fact.id: _topic_stems(fact) for fact in facts}
    document_frequency: dict[str, int] = {}
    for found in topics.values():
        for word in found:
            document_frequency[word] = document_frequency.get(word, 0) + 1
    published = {source.id: source.published for source in dataset.sources.values()}
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
    suggestions = []
    for earlier in facts:
        if earlier.status not in TRACKED:
            continue
        keys = [("name", n) for n in names[earlier.id]] + [("word", w) for w in topics[earlier.id]]
        candidates = sorted({p for key in keys for p in sharing.get(key, ())})
        for later in (facts[position] for position in candidates):
            if (later.id, earlier.id) in recorded or later.date < earlier.date \
                    or published[later.source] <= published[earlier.source]:
                continue
            rare = sorted(n for n in names[earlier.id] & names[later.id] if frequency[n] <= common)
            shared = sorted(w for w in topics[earlier.id] & topics[later.id]
                            if document_frequency[w] <= common)
            sectors = set(earlier.sectors) & set(later.sectors)
            if not sectors or not (rare or len(shared) >= 2):
                continue
            score = 2.0 * len(rare) + len(shared) + 0.5 * len(sectors)
            reasons = [f"names: {', '.join(rare)}"] if rare else []
            reasons += [f"words: {', '.join(shared)}"] if shared else []
            reasons.append(f"sectors: {', '.join(sorted(sectors))}")
            suggestions.append(Suggestion(later, earlier, score, reasons))
    suggestions.sort(key=lambda s: (-s.score, s.earlier.date, s.later.id))
    return suggestions[:limit]
