"""The data folder's sector lexicon and glossary as stems, and what a sentence holds of them:
its sectors (directly, or through a glossary entry whose names fall in a sector) and the
names it mentions. Built once per add; entries are indexed by their first stem, so a
sentence is matched only against the entries its own words can start.

A word of a sentence offers several keys: its stem, and the stem of its dictionary form
(an alias in the plural then meets the singular: see _lemma_phrase); for a stem shorter
than MIN_STEM, its dictionary form instead (Snowball cuts "атом" to "ат", which "Алма-Ата"
also gives, and "уран" to "ура"); and for a compound, its parts ("электроэнергетики" holds
"энергетики", "газоснабжение" holds "газ"). A place's name never puts a sentence in a
sector: a place is where something happens, not what it is about.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple

from kzru.cues import ACTIVITY_SECTORS, SECTOR_STEMS
from kzru.curate.annotate import Sentence
from kzru.text import compound_parts, normalize, stem_many, words

# Stems shorter than this are matched by the word's dictionary form, not by the stem.
MIN_STEM = 4


class Lexicon(NamedTuple):
    """The data folder's sector lexicon and glossary, as stems (built once per add)."""

    sectors: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    # (name stems, (name_ru, name_en) or () for a term, sectors the entry's own names belong to)
    glossary: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]
    # first stem -> positions in ``sectors`` / ``glossary`` of the phrases it begins, so a
    # sentence is matched only against the entries its own words can start
    sector_index: dict[str, tuple[int, ...]] = {}
    glossary_index: dict[str, tuple[int, ...]] = {}
    # a person's every glossary name, as stems -> the glossary's Russian name for them
    people: dict[tuple[str, ...], str] = {}
    # the glossary's Russian name of a person -> its English name (speakers are English)
    english: dict[str, str] = {}

def _index(firsts: Iterable[tuple[int, str]]) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for position, stem in firsts:
        if position not in found.setdefault(stem, []):
            found[stem].append(position)
    return {stem: tuple(positions) for stem, positions in found.items()}

def _acronym(word: str) -> bool:
    """ИИ, IT, АЭС, NPP: all capitals (or a two-letter word), matched as written."""
    return len(word) <= 2 or (word.isupper() and len(word) > 1)


def _phrase(text: str) -> tuple[str, ...]:
    """A name as keys (see _keys); an acronym (ИИ, IT, АЭС) stays as written and is matched
    case-sensitively, so it never meets a common short word."""
    stripped = text.strip()
    if " " not in stripped and _acronym(stripped):
        return (f"={stripped}",)
    found = words(stripped)
    if not found:
        return ()
    return tuple(stem if len(stem) >= MIN_STEM else f"~{_lemma(word)}"
                 for word, stem in zip(found, stem_many(found)))


def _lemma_phrase(text: str) -> tuple[str, ...]:
    """A name as the stems of its words' dictionary forms: Snowball cuts "филиал" to
    "филиа" (as if "-л" were a past tense) but "филиалы" to "филиал", so an alias written
    in the plural would miss the singular; stems of dictionary forms meet whatever the
    inflection (a sentence's words offer theirs too, see _stems_of)."""
    stripped = text.strip()
    found = words(stripped)
    if not found or (" " not in stripped and _acronym(stripped)):
        return ()
    lemmas = [_lemma(word) for word in found]
    return tuple(stem if len(stem) >= MIN_STEM else f"~{lemma}"
                 for lemma, stem in zip(lemmas, stem_many(lemmas)))


def _lemma(word: str) -> str:
    from kzru.curate.annotate import word_class

    return normalize(word_class(word)[2])

def _names(text: str) -> list[str]:
    """A sector's name split into the names it lists ("Energy (oil, gas, coal, power)")."""
    return [part for part in re.split(r"[(),&/]|\s(?:и|and)\s", text) if part.strip()]

def lexicon(sectors: Iterable[Any], glossary: Iterable[Any]) -> Lexicon:
    """Stems of each sector's names and aliases, and of each glossary entry's names, with the
    sectors a glossary entry's own names fall in (Росатом's long name holds "атомной")."""
    sector_phrases = tuple(
        (sector.id, tuple(dict.fromkeys(
            p for name in (sector.name_ru, sector.name, *sector.aliases)
            for part in _names(name) for p in (_phrase(part), _lemma_phrase(part)) if p)))
        for sector in sectors)
    entries = []
    for entry in glossary:
        stems = [list(_phrase(name)) for name in entry.all_names()]
        keys = [(one, _positions(one)) for one in ([{key} for key in name] for name in stems)
                if one]
        belongs = () if entry.kind == "place" else tuple(
            sector for sector, phrases in sector_phrases if any(
                _first(phrase, one, where) is not None for phrase in phrases
                for one, where in keys))
        # a term is a common noun ("меморандум", "железная дорога"): it gives a sentence its
        # sectors but is no name of what the sentence tells (names are entities)
        named = () if entry.kind == "term" else (entry.name_ru, entry.name_en)
        for name, phrase in zip(entry.all_names(), stems):
            if len(name) > 1 and phrase:
                entries.append((tuple(phrase), named, belongs))
    people = {tuple(_phrase(name)): entry.name_ru for entry in glossary
              if entry.kind == "person" and entry.name_ru for name in entry.all_names()
              if _phrase(name)}
    return Lexicon(
        sector_phrases, tuple(entries),
        _index((n, phrase[0]) for n, (_, phrases) in enumerate(sector_phrases)
               for phrase in phrases),
        _index((n, entry[0][0]) for n, entry in enumerate(entries)), people,
        {entry.name_ru: entry.name_en for entry in glossary
         if entry.kind == "person" and entry.name_ru and entry.name_en})

_STEMS: dict[tuple[int, int, str], list[set[str]]] = {}

def _stems(sentence: Sentence) -> list[set[str]]:
    """The sentence's words as keys (memoised for the sentence being drafted)."""
    key = (sentence.start, sentence.stop, sentence.text)
    if key not in _STEMS:
        if len(_STEMS) > 256:
            _STEMS.clear()
        _STEMS[key] = _stems_of(sentence)
    return _STEMS[key]

def _positions(keys: list[set[str]]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for index, held in enumerate(keys):
        for key in held:
            found.setdefault(key, []).append(index)
    return found

def _first(phrase: tuple[str, ...], keys: list[set[str]], where: dict[str, list[int]]
           ) -> int | None:
    """Where the phrase (a run of keys, one per word) first occurs in the sentence, or None."""
    for index in sorted(where.get(phrase[0], ())):
        if index + len(phrase) <= len(keys) and all(
                key in keys[index + offset] for offset, key in enumerate(phrase)):
            return index
    return None

def _stems_of(sentence: Sentence) -> list[set[str]]:
    """Each word's keys: an acronym-like token as written (see _phrase); else its stem, or
    its dictionary form when the stem is short; and a compound's second part's stem."""
    tokens = [t for t in sentence.tokens if re.search(r"\w", t.text)]
    written = [normalize(t.text) for t in tokens]
    lemmas = [normalize(t.lemma) for t in tokens]
    parts = [compound_parts(word) for word in written]
    rest = [p for found in parts for p in found]
    stems = stem_many(written + lemmas + rest) if tokens else []
    rests = iter(zip(rest, stems[2 * len(written):]))
    keys = []
    for token, stem, lemma_stem, found in zip(tokens, stems, stems[len(written):], parts):
        held = {f"={token.text}"} if _acronym(token.text) else {
            stem if len(stem) >= MIN_STEM else f"~{normalize(token.lemma)}"}
        if not _acronym(token.text) and len(lemma_stem) >= MIN_STEM:
            held.add(lemma_stem)
        for part, part_stem in (next(rests) for _ in found):
            held.add(part_stem if len(part_stem) >= MIN_STEM else f"~{part}")
        keys.append(held)
    return keys

def find_sectors(sentence: Sentence, lexicon_: Lexicon) -> tuple[str, ...]:
    """Sectors whose names or aliases the sentence holds (directly or through a glossary
    entry it names), in the order they first appear."""
    stems = _stems(sentence)
    where = _positions(stems)
    positions: dict[str, int] = {}
    for number in _candidates(lexicon_.sector_index, where):
        sector, phrases = lexicon_.sectors[number]
        hits = [at for at in (_first(p, stems, where) for p in phrases) if at is not None]
        if hits:
            positions[sector] = min(hits)
    known = {sector for sector, _ in lexicon_.sectors}
    for index, word in enumerate(_words_of(sentence)):
        for sector, beginnings in SECTOR_STEMS.items():
            if sector in known and word.startswith(beginnings) and not _place(sentence, index):
                positions[sector] = min(positions.get(sector, index), index)
    for number in _candidates(lexicon_.glossary_index, where):
        phrase, _, belongs = lexicon_.glossary[number]
        if belongs:
            at = _first(phrase, stems, where)
            if at is not None:
                for sector in belongs:
                    positions[sector] = min(positions.get(sector, at), at)
    # building is the activity, what is built the sector ("строительство атомной станции":
    # nuclear, then construction)
    return tuple(sorted(positions, key=lambda s: (s in ACTIVITY_SECTORS and len(positions) > 1,
                                                  positions[s])))

def _words_of(sentence: Sentence) -> list[str]:
    """The sentence's words, normalised, in the order _stems_of keys them."""
    return [normalize(t.text) for t in sentence.tokens if re.search(r"\w", t.text)]


def _place(sentence: Sentence, index: int) -> bool:
    """Whether the word at ``index`` lies in a place's name (a place gives no sector)."""
    tokens = [t for t in sentence.tokens if re.search(r"\w", t.text)]
    token = tokens[index]
    return any(e.type == "place" and e.start <= token.start < e.stop for e in sentence.entities)


def _candidates(index: dict[str, tuple[int, ...]], where: dict[str, list[int]]
                ) -> list[int]:
    """Entries (in the lexicon's order) whose first stem the sentence holds."""
    return sorted({n for stem in where for n in index.get(stem, ())})

def canonical(name: str, lexicon_: Lexicon) -> str:
    """A person's name as the glossary writes it when the whole name is one of that person's
    glossary names in any case ("Токаева", "Касым-Жомарта Токаева" → "Касым-Жомарт Токаев");
    otherwise the name as given (an "Ирина Токаева" is not the glossary's Tokayev)."""
    return lexicon_.people.get(_phrase(name), name) if name else name


def speaker_english(name: str, lexicon_: Lexicon) -> str:
    """A drafted speaker as the table writes speakers, in English: a glossary person by the
    glossary's English name, a group by its English word, an office named without its holder
    by kzru.curate.offices ("министр энергетики Казахстана" → "Minister of Energy of
    Kazakhstan"), any other name romanised ("Виктор Лебедев" → "Viktor Lebedev"). A title the
    article left unresolved ("глава государства") stays as written, for the reviewer to
    settle (the caller, kzru.curate.draft, does not pass it here)."""
    from kzru.cues import GROUP_SPEAKERS_EN, OFFICE_NOUNS
    from kzru.curate.latin import romanised
    from kzru.curate.offices import office_english
    from kzru.report_cues import PRESS_OFFICE

    if not name:
        return name
    # an office or a press office with a word the office tables do not hold keeps its
    # Russian name as written (never romanised: "губернатор Омской области")
    return "; ".join(lexicon_.english.get(one, GROUP_SPEAKERS_EN.get(
        one, (office_english(one) or one) if one.startswith(PRESS_OFFICE) or
        one.split()[0] in OFFICE_NOUNS else romanised(one))) for one in name.split("; "))


def find_names(sentence: Sentence, lexicon_: Lexicon) -> tuple[str, ...]:
    """The entities' dictionary forms (a person the glossary knows by its name there), and
    the names of the glossary's entities the sentence holds (Russian and English; a term is
    a common noun, no name), each once."""
    from kzru.curate.datelines import opening_dateline

    # the dateline's place ("АСТАНА, 5 марта – …") is where the text was filed, no name of
    # what it says
    filed = sentence.start + opening_dateline(sentence.text)
    skip = sum(1 for t in sentence.tokens if re.search(r"\w", t.text) and t.stop <= filed)
    names: list[str] = []
    for entity in sentence.entities:
        if entity.stop <= filed:
            continue
        name = canonical(entity.normal, lexicon_) if entity.type == "person" else entity.normal
        if name not in names:
            names.append(name)
    stems = _stems(sentence)
    where = _positions(stems)
    for number in _candidates(lexicon_.glossary_index, where):
        phrase, glossary_names, _ = lexicon_.glossary[number]
        at = _first(phrase, stems, {key: [i for i in found if i >= skip]
                                    for key, found in where.items()})
        if at is not None:
            for name in glossary_names:
                if name and name not in names:
                    names.append(name)
    return tuple(names)
