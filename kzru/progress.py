"""What later facts report on an earlier one: the curated ``follows`` links walked, from a
fact to every fact that reports progress on it (directly or through another), and back.

Why apart from follow.py: walking the links is the same question for track's verdicts,
brief's "new since" and the link suggester, and it asks the table only for the links (the
store answers by its index on them); the verdicts are rules on top of it.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from kzru.model import Dataset, Fact

NONE: list[Fact] = []  # shared by every fact nothing follows (never changed: read only)


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
            self.known[fact_id] = found.get(fact_id, NONE)

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


def period_end(day: date, precision: str) -> date:
    """The last day a date stated at ``precision`` may stand for (2025 → 2025-12-31)."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return day
