"""Propose same_as: a draft that states what a fact of another source states.

Candidates share the event (or the date, below) and at least one name or number; they are
ranked by how alike their texts are (rapidfuzz, on normalised words). Two rules keep
near-copies about different things apart, because an alike text is not the same fact:

- **the date agrees at the coarser precision of the two** (talks on 6 March are not the talks
  on 5 March; "2026" agrees with 2026-03-05), unless both facts belong to the same event,
  whose reports may carry the days they were published;
- **the named object agrees**: where both texts have the same word followed by different
  words that the other text never uses ("поставках газа" / "поставках нефти"), they name
  different things. A word inserted ("поставке российского газа") is no disagreement, since
  the other text still holds "газа".

A proposal is only that: the draft lists it, and the reviewer confirms each link explicitly
when accepting (kzru review asks; --accept keeps none unless --set same_as names it).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Iterable, NamedTuple

from kzru.model import Fact
from kzru.text import content_words, stem_many

THRESHOLD = 55  # token-set similarity (0–100) of the two texts
MAX_PROPOSALS = 3
_PRECISION_CHARS = {"year": 4, "month": 7, "day": 10}


def _words(fact: Fact) -> str:
    return _joined(fact.text, fact.summary)


@lru_cache(maxsize=65536)
def _joined(text: str, summary: str) -> str:
    """A fact's words, once per fact however many drafts it is compared with."""
    return " ".join(content_words(f"{text} {summary}"))


def same_date(one: Fact, other: Fact) -> bool:
    """Whether two facts' dates agree, read at the coarser of their precisions."""
    chars = min(_PRECISION_CHARS.get(one.date_precision, 10),
                _PRECISION_CHARS.get(other.date_precision, 10))
    return _iso(one.date)[:chars] == _iso(other.date)[:chars]


@lru_cache(maxsize=4096)
def _iso(day: date) -> str:
    return day.isoformat()


class _Shape(NamedTuple):
    """A text's content stems, as a set, and the stems that follow each stem."""

    stems: tuple[str, ...]
    held: frozenset[str]
    follows: dict[str, frozenset[str]]


@lru_cache(maxsize=65536)
def _shape(text: str) -> _Shape:
    """Stemmed once per text, however many drafts it is compared with (an add of many
    articles compares each draft with every earlier fact that shares a name)."""
    words = content_words(text)
    stems = tuple(stem_many(words)) if words else ()
    follows: dict[str, set[str]] = {}
    for head, word in zip(stems, stems[1:]):
        follows.setdefault(head, set()).add(word)
    return _Shape(stems, frozenset(stems),
                  {head: frozenset(words) for head, words in follows.items()})


def different_object(one: Fact, other: Fact) -> bool:
    """Whether the two texts name different things after a word they share: a stem followed
    in each text by a word the other text never holds ("поставк газ" / "поставк нефт")."""
    mine, theirs = _shape(one.text), _shape(other.text)
    for head, word in zip(theirs.stems, theirs.stems[1:]):
        if word in mine.held or head not in mine.follows:
            continue
        if not mine.follows[head] <= theirs.held:
            return True
    return False


class Candidates:
    """The facts a draft may be the same as, found by what they share instead of by reading
    every fact: a name or the value (propose's first requirement), of the same kind."""

    def __init__(self, facts: Iterable[Fact] = ()) -> None:
        self._by_name: dict[tuple[str, str], list[Fact]] = {}
        self._by_value: dict[tuple[str, object], list[Fact]] = {}
        for fact in facts:
            self.add(fact)

    def add(self, fact: Fact) -> None:
        for name in set(fact.names):
            self._by_name.setdefault((fact.kind, name), []).append(fact)
        if fact.value is not None:
            self._by_value.setdefault((fact.kind, fact.value), []).append(fact)

    def of(self, draft: Fact) -> list[Fact]:
        """Facts of other sources and the draft's kind sharing a name or its value, each once."""
        found: dict[str, Fact] = {}
        lists = [self._by_name.get((draft.kind, name), []) for name in set(draft.names)]
        if draft.value is not None:
            lists.append(self._by_value.get((draft.kind, draft.value), []))
        for facts in lists:
            for fact in facts:
                if fact.source != draft.source:
                    found[fact.id] = fact
        return list(found.values())


def propose(draft: Fact, others: Iterable[Fact]) -> tuple[str, ...]:
    """Ids of facts of other sources the draft may be the same as, best first."""
    from rapidfuzz import fuzz

    mine = _words(draft)
    names = set(draft.names)
    scored = []
    for other in others:
        if other.source == draft.source or other.kind != draft.kind:
            continue
        same_event = bool(draft.event) and draft.event == other.event
        if not same_event and not same_date(draft, other):
            continue
        shared = not names.isdisjoint(other.names) or (draft.value is not None
                                                       and draft.value == other.value)
        if not shared:
            continue
        if different_object(draft, other):
            continue
        score = fuzz.token_set_ratio(mine, _words(other))
        if score >= THRESHOLD:
            scored.append((score, other.id))
    scored.sort(reverse=True)
    return tuple(fact_id for _, fact_id in scored[:MAX_PROPOSALS])
