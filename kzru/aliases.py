"""The glossary alias table: every name of an entry, keyed by the stems of each name.

Its own module so that the index (which stores it) and search (which reads it) share it
without importing each other.
"""

from __future__ import annotations

from typing import Iterable

from kzru.model import GlossaryEntry
from kzru.text import content_words, stem

AliasTable = dict[tuple[str, ...], list[tuple[str, ...]]]


def alias_table(glossary: Iterable[GlossaryEntry]) -> AliasTable:
    """Map each glossary name (as stems) to every name of its entry (as words).

    Built once with the index, since stemming every name costs more than a search.
    """
    table: AliasTable = {}
    for entry in glossary:
        names = [tuple(content_words(name)) for name in entry.all_names()]
        names = [name for name in names if name]
        for name in names:
            table.setdefault(tuple(stem(w) for w in name), []).extend(names)
    return table
