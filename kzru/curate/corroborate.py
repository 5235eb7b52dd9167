"""Propose same_as: a draft that states what a fact of another source states.

Candidates share the event (or lie within a month of each other) and at least one name or
number; they are ranked by how alike their texts are (rapidfuzz, on normalised words). A
proposal is only that: the draft lists it, and the reviewer confirms it when accepting.
"""

from __future__ import annotations

from typing import Iterable

from kzru.model import Fact
from kzru.text import content_words

THRESHOLD = 55  # token-set similarity (0–100) of the two texts
MAX_PROPOSALS = 3
WINDOW_DAYS = 31


def _words(fact: Fact) -> str:
    return " ".join(content_words(f"{fact.text} {fact.summary}"))


def propose(draft: Fact, others: Iterable[Fact]) -> tuple[str, ...]:
    """Ids of facts of other sources the draft may be the same as, best first."""
    from rapidfuzz import fuzz

    mine = _words(draft)
    names = set(draft.names)
    scored = []
    for other in others:
        if other.source == draft.source or other.kind != draft.kind:
            continue
        near = (draft.event and draft.event == other.event) or \
            abs((draft.date - other.date).days) <= WINDOW_DAYS
        shared = names & set(other.names) or (draft.value is not None
                                               and draft.value == other.value)
        if not near or not shared:
            continue
        score = fuzz.token_set_ratio(mine, _words(other))
        if score >= THRESHOLD:
            scored.append((score, other.id))
    scored.sort(reverse=True)
    return tuple(fact_id for _, fact_id in scored[:MAX_PROPOSALS])
