"""How many sources report a fact (same_as), and where facts marked the same disagree.

Light on purpose: ``show``, ``search``, ``facts``, ``brief`` and ``check`` read it, so it
imports nothing beyond the model and render's date label (both on every command's path).
"""

from __future__ import annotations

from typing import Mapping, NamedTuple

from kzru.model import Fact
from kzru.render import date_label

_RANK = {"day": 0, "month": 1, "year": 2}


def reporting_sources(fact: Fact, facts: Mapping[str, Fact]) -> list[str]:
    """The fact's own source, then the sources of the facts it is the same as (each once)."""
    found = [fact.source]
    for other_id in fact.same_as:
        other = facts.get(other_id)
        if other is not None and other.source not in found:
            found.append(other.source)
    return found


def sources_label(fact: Fact, facts: Mapping[str, Fact]) -> str:
    sources = reporting_sources(fact, facts)
    noun = "source" if len(sources) == 1 else "sources"
    return f"reported by {len(sources)} {noun}: {', '.join(sources)}"


class Conflict(NamedTuple):
    fact: str
    other: str
    field: str
    message: str


# Statuses one report may give where another gives the other without contradicting it: a
# thing done (opened) is then ongoing (operating); a plan is also an expectation.
COMPATIBLE = ({"done", "ongoing"}, {"planned", "expected"})


def _same_status(a: Fact, b: Fact) -> bool:
    return a.status == b.status or any({a.status, b.status} <= pair for pair in COMPATIBLE)


def _same_date(a: Fact, b: Fact) -> bool:
    """Dates agree at the coarser of the two precisions (2024 agrees with 2024-11-27)."""
    coarse = max(a.date_precision, b.date_precision, key=lambda p: _RANK.get(p, 0))
    if coarse == "year":
        return a.date.year == b.date.year
    if coarse == "month":
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return a.date == b.date


def conflicts(facts: Mapping[str, Fact]) -> list[Conflict]:
    """Pairs of facts marked the same whose dates (each given by its text, not just the
    article's date), values or statuses (beyond COMPATIBLE ones) differ; each pair once.
    Each message is a message of the table (kzru/screens.py: read only now, for check)."""
    from kzru.labels import Said, status_word

    found: list[Conflict] = []
    for fact in facts.values():
        for other_id in fact.same_as:
            other = facts.get(other_id)
            if other is None or other_id < fact.id:
                continue
            sides = {"source": fact.source, "other_source": other.source}
            dated = "publication" not in (fact.date_basis, other.date_basis)
            if dated and not _same_date(fact, other):  # an article's date is only "as of"
                found.append(Conflict(fact.id, other.id, "date", Said(
                    "check.differ.date", ours=date_label(fact.date, fact.date_precision),
                    theirs=date_label(other.date, other.date_precision), **sides)))
            if fact.value is not None and other.value is not None and fact.value != other.value:
                found.append(Conflict(fact.id, other.id, "value", Said(
                    "check.differ.value", ours=f"{fact.value} {fact.unit}",
                    theirs=f"{other.value} {other.unit}", **sides)))
            if not _same_status(fact, other):
                found.append(Conflict(fact.id, other.id, "status", Said(
                    "check.differ.status", ours=status_word(fact.status),
                    theirs=status_word(other.status), **sides)))
    return found
