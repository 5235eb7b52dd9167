"""The curator's lint: evidence that does not show the word that makes a fact's status true.

A fact marked signed must quote the signing; one marked agreed must quote the agreement. Each
status has a short list of cue stems (Russian and English, in kzru.cues, the table the
drafter reads too); evidence holding none of them is
worth a warning. `reported` has no cue: reporting is the outlet's act, not a word in the quote.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kzru.cues import STATUS_CUES
from kzru.labels import Said
from kzru.model import Dataset, Fact
from kzru.text import normalize

_LETTER_BEFORE = r"(?<![^\W\d_])"


class LintWarning(NamedTuple):
    """One lint finding, placed at the fact's evidence cell."""

    fact: str
    line: int
    column: int
    message: str


@lru_cache(maxsize=None)
def _cue_pattern(status: str) -> re.Pattern[str]:
    """One pattern per status: any of its cues at the start of a word."""
    cues = "|".join(re.escape(normalize(cue)) for cue in STATUS_CUES[status])
    return re.compile(f"{_LETTER_BEFORE}(?:{cues})")


def has_status_cue(fact: Fact) -> bool:
    """Whether the evidence holds a cue word of the fact's status (always true for reported)."""
    if fact.status not in STATUS_CUES:
        return True
    return _cue_pattern(fact.status).search(normalize(fact.evidence)) is not None


def lint(dataset: Dataset) -> list[LintWarning]:
    """Every fact whose evidence lacks a cue word of its status, in file order."""
    column = list(Fact._fields).index("evidence") + 1
    found = []
    for fact in dataset.facts.values():
        if not has_status_cue(fact):
            cues = "/".join(f"{cue}-" for cue in STATUS_CUES[fact.status][:3])
            found.append(LintWarning(
                fact.id, dataset.fact_lines.get(fact.id, 0), column,
                Said("data.no_status_word", id=fact.id, status=fact.status, cues=cues)))
    return sorted(found, key=lambda warning: warning.line)
