"""The words of a sentence as the drafter's rules read them: normalised once, a cue found at
the start of a word, the tokens that hold letters, a word negated.

The ground every rule module stands on (kzru.curate.decide, kzru.curate.verbs, drafting): kept
apart so that none of them imports another for these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kzru.curate.annotate import Sentence, Token
from kzru.text import fold
from kzru.text import normalize as _normalize

_LETTER = re.compile(r"[^\W\d_]")


# Every sentence is normalised by each rule that reads it: once is enough.
@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """kzru.text.normalize after Latin look-alikes inside Cyrillic words are folded (the
    same length: offsets hold)."""
    return _normalize(fold(text))

def cue_at(sentence: Sentence, offset: int) -> Token | None:
    for token in sentence.tokens:
        if token.start <= offset < token.stop:
            return token
    return None


def negated(sentence: Sentence, token: Token) -> bool:
    before = [t for t in sentence.tokens if t.stop <= token.start]
    return bool(before) and normalize(before[-1].text) in ("не", "not")


def _letter_start(cue: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W\d_])" + re.escape(normalize(cue)))


_PATTERNS: dict[str, re.Pattern[str]] = {}


def find(cue: str, text: str) -> list[int]:
    """Where ``cue`` begins a word of ``text`` (both normalised)."""
    if normalize(cue) not in text:
        return []  # most cues are absent: a substring test spares the pattern
    pattern = _PATTERNS.get(cue)
    if pattern is None:
        pattern = _PATTERNS[cue] = _letter_start(cue)
    return [match.start() for match in pattern.finditer(text)]


def holds_word(text: str, stems: tuple[str, ...]) -> bool:
    """Whether a word of ``text`` (normalised) begins with one of ``stems``."""
    return any(find(stem, text) for stem in stems)


def letters(sentence: Sentence) -> list[Token]:
    """The sentence's tokens that hold a letter: its words, without numbers and marks."""
    return [t for t in sentence.tokens if _LETTER.search(t.text)]
