"""What a typed query's marks mean when they are not the plain ones, read only for a query
that holds such a mark: a dash that editors and phones type for the minus (‐ ‑ ‒ – — −)
glued to a word or a quote; a word of one script with look-alike letters of the other
(трaнзит with a Latin a); and a negation before a quoted phrase through stopwords, brackets,
a colon or a dash (except for "…", (без «…»), без: «…»).

Why apart from understand.py: the reader walks the words; this side only makes what was
typed read as what was meant, and most queries hold none of these marks (red team r13 #2, #3).
"""

import re

from kzru.query_words import (
    BRACKETS,
    DASHES,
    NEGATION_ENDS,
    NEGATION_GAP,
    NEGATION_PAIRS,
    NEGATION_REACH,
    NEGATIONS,
    NOT_NEGATIONS,
    QUERY_FILLERS,
)
from kzru.text import STOPWORDS, normalize

# A dash that editors and phones type for "-" (‐ ‑ ‒ – — −), glued to the word or quote after
# it at the start of a word, is the exclusion operator too (red team r13 #3).
_DASHED = rf'(?:^|(?<=[\s(\[]))[{DASHES}](?=[^\W_]|["«“„])'  # compiled when used
# Letters that look alike in the two scripts (lower and upper case). A word of one script with
# a few letters of the other typed by mistake (трaнзит with a Latin a) is read in its own
# script, so it matches, and is left out by -word, as the word it looks like.
_LATIN_LOOKS = dict(zip("aceopxykABCEHKMOPTXY", "асеорхукАВСЕНКМОРТХУ"))
_CYRILLIC_LOOKS = {cyrillic: latin for latin, cyrillic in _LATIN_LOOKS.items()}
_LETTERS = r"[^\W\d_]+"


def _one_script(query: str) -> str:
    """Each word that mixes Latin and Cyrillic letters in the letters of the script most of
    it is written in, when every other letter has a look-alike there; else as typed."""
    def fold(match: re.Match[str]) -> str:
        word = match.group()
        cyrillic = sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in word)
        latin = sum("a" <= c.lower() <= "z" for c in word)
        if not (cyrillic and latin):
            return word
        looks = _LATIN_LOOKS if cyrillic >= latin else _CYRILLIC_LOOKS
        other = [c for c in word if ("a" <= c.lower() <= "z") == (looks is _LATIN_LOOKS)]
        if not all(c in looks for c in other):
            return word
        return "".join(looks.get(c, c) for c in word)

    if query.isascii() or not any("a" <= c <= "z" for c in query.lower()):
        return query  # one script (most queries): no pattern to compile
    return re.sub(_LETTERS, fold, query)


def negation_before(before: str) -> int:
    """Where a negation that applies to the quoted phrase right after ``before`` starts (its
    offset in ``before``), or -1: the negation word (без, without, except, «за исключением»),
    then at most NEGATION_REACH stopwords, fillers or auxiliaries, and any brackets, colons
    and dashes (except for "…", без: «…», (без «…»), без учёта «…», not yet "…")."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"[^\W_]+|[^\w\s]", before)]
    skipped = 0
    for index in range(len(tokens) - 1, -1, -1):
        start, token = tokens[index]
        word = normalize(token)
        if word in NEGATIONS:
            return start
        if index and (normalize(tokens[index - 1][1]), word) in NEGATION_PAIRS:
            return tokens[index - 1][0]
        if word in NOT_NEGATIONS or skipped >= NEGATION_REACH:
            return -1
        if word in STOPWORDS or word in QUERY_FILLERS or word in NEGATION_ENDS \
                or word in NEGATION_GAP:
            skipped += 1
        elif token not in BRACKETS + ":,-" + DASHES:
            return -1
    return -1


def plain_marks(query: str) -> str:
    """``query`` with a dash typed for the minus read as "-" and each word in one script."""
    return _one_script(re.sub(_DASHED, "-", query))
