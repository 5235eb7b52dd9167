"""One reading of sector names for every command: --sector, `kzru sectors SECTOR` and search.

Why one: search understood «энергетика» while `--sector энергетика` was an unknown sector.
A sector is named by its id, its English or Russian name, an alias, or a word form of any of
them in either language (транспорт, транспорта, образование, energy); a name part stands for
its sector too (логистика → transport & logistics). A word that names two sectors is an
error listing both, never a guess.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from kzru.errors import KzruError, choose
from kzru.text import content_words, normalize, stem, stem_many

# Where a sector's name splits into parts that each name it: "Transport & logistics",
# "Образование и наука", "Energy (oil, gas, coal, power)".
# Compiled on first use (re caches it): a one-word search never splits a name.
_PARTS = r"\s*(?:&|,|\(|\)|;|\band\b|\bи\b)\s*"


def sector_words(sectors: Iterable[Any]) -> dict[str, tuple[str, bool]]:
    """Stem -> (sector id, is it the sector's own name) for one-word names and aliases: the
    table search reads a query's sector words with (the first word of a name is its own).
    Stemmed in one batch: this runs on every search, so it counts toward start-up."""
    entries: list[tuple[str, str, bool]] = []  # (word, sector id, own name), in table order
    for sector in sectors:
        for alias in sector.aliases:
            alias_words = content_words(alias)
            if len(alias_words) == 1:
                entries.append((alias_words[0], sector.id, False))
        for name in (sector.id, sector.name, sector.name_ru):
            first = content_words(name)[:1]
            if first:
                entries.append((first[0], sector.id, True))
    found: dict[str, tuple[str, bool]] = {}
    for word_stem, (_, sector_id, own) in zip(stem_many([e[0] for e in entries]), entries):
        if own:
            found[word_stem] = (sector_id, True)
        else:
            found.setdefault(word_stem, (sector_id, False))
    return found


Phrases = dict[str, list[tuple[tuple[str, ...], str, bool]]]


def sector_phrases(sectors: Iterable[Any]) -> Phrases:
    """Sector names of two words or more (сельское хозяйство, nuclear energy), as stems, by
    their first stem, longest first, each with its sector id (and True: the sector's own
    name). Read as one term, so that the second word is no word of its own (хозяйстве).
    Aliases stay words (trade turnover: a fact may say trade alone)."""
    entries: list[tuple[list[str], str, bool]] = []
    for sector in sectors:
        for name in (sector.name, sector.name_ru):
            entries += [(content_words(part), sector.id, True) for part in re.split(_PARTS, name)]
    entries = [entry for entry in entries if len(entry[0]) >= 2]
    stems = iter(stem_many([word for phrase, _, _ in entries for word in phrase]))
    found: Phrases = {}
    for phrase, sector_id, own in entries:
        key = tuple(next(stems) for _ in phrase)
        found.setdefault(key[0], []).append((key, sector_id, own))
    for choices in found.values():
        choices.sort(key=lambda choice: -len(choice[0]))
    return found


def _key(text: str) -> tuple[str, ...]:
    """A phrase as its stemmed content words: word forms and case do not matter."""
    return tuple(stem(word) for word in content_words(text))


def _names(sector: Any) -> set[tuple[str, ...]]:
    names = {_key(sector.id.replace("-", " ")), _key(sector.name), _key(sector.name_ru)}
    for name in (sector.name, sector.name_ru):
        names |= {_key(part) for part in re.split(_PARTS, name) if part.strip()}
    names |= {_key(alias) for alias in sector.aliases}
    return {name for name in names if name}


def matching_sectors(value: str, sectors: dict[str, Any]) -> list[str]:
    """Sector ids ``value`` names (see the module's docstring), in table order."""
    wanted = normalize(value.strip())
    for fields in (lambda s: (s.id, s.name, s.name_ru), lambda s: s.aliases):
        exact = [sector.id for sector in sectors.values()
                 if wanted in (normalize(name) for name in fields(sector))]
        if exact:
            return exact
    key = _key(value)
    if not key:
        return []
    found = [sector.id for sector in sectors.values() if key in _names(sector)]
    if not found and len(key) == 1:
        own = sector_words(sectors.values()).get(key[0])
        found = [own[0]] if own else []
    return found


def resolve_sector(value: str, sectors: dict[str, Any]) -> str:
    """The one sector ``value`` names; else a one-line error (exit 2) listing the sectors it
    could mean, or suggesting a close one."""
    found = matching_sectors(value, sectors)
    if len(found) == 1:
        return found[0]
    if found:
        from kzru.labels import Said

        raise KzruError(Said("err.several_sectors", value=value, count=len(found),
                             ids=", ".join(found)))
    from kzru.labels import Pair

    # a Russian error lists the sectors as a Russian table names them, without the brackets
    shown = {sector.id: Pair(sector.id, sector.short("ru") or sector.id)
             for sector in sectors.values()}
    return choose(value, sectors, "sector", shown)
