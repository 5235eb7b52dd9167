"""Which facts are about a topic, for `kzru track`: search's hits, read the way search reads the
query, minus facts that match only inside an organisation's name (the Gubkin University *of Oil
and Gas* is not about gas), plus the facts whose main sector the query names (атом names
nuclear energy, so the council on the *ядерно*-топливный cycle is about it).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from kzru.model import Dataset, Fact, GlossaryEntry
from kzru.text import content_words, normalize, stem, words

ORGANISATIONS = ("organization", "university")
# The word naming what an organisation is may match inside its name: a university is what
# "университет" asks for, while "газ" in a university's name is not its topic.
HEADS = {"university": "university universities университет университеты вуз вузы institute "
                       "институт", "organization": "organization organisation организация"}
# Small words inside a name ("университет нефти и газа им. И. Губкина").
_JOINERS = frozenset("и им имени of and the for".split())
_CYRILLIC_ENDINGS = ("ов", "ев", "н", "ск")  # adjectives made from a noun: атомн ← атом
TEXT_MATCHES = ("exact", "stem", "alias", "translation", "transliteration", "part", "typo")


def word_keys(word: str) -> frozenset[str]:
    """Keys under which a word meets its kin: its stem, the noun an adjective is made from
    (атомн → атом), and a short word as written (Snowball cuts атом to ат). Kept once
    worked out: a topic's thousands of matches say the same words again and again."""
    found = _KEYS.get(word)
    if found is None:
        found = keys_of(word, stem(word))
        if len(_KEYS) < 200_000:
            _KEYS[word] = found
    return found


def keys_of(word: str, word_stem: str) -> frozenset[str]:
    """``word_keys`` of a word whose stem is known (a build stems its vocabulary at once)."""
    keys = {word_stem}
    if word_stem and "а" <= word_stem[0] <= "я":
        keys.update(word_stem[:-len(ending)] for ending in _CYRILLIC_ENDINGS
                    if word_stem.endswith(ending) and len(word_stem) - len(ending) >= 4)
        if len(word) <= 5:
            keys.add(word)
    return frozenset(keys)


_KEYS: dict[str, frozenset[str]] = {}


_FOLDED: dict[str, str] = {}
_NAME_WORDS: dict[str, list[str]] = {}


def _kept(memo: dict[str, Any], name: str, make: Callable[[str], Any]) -> Any:
    """``make(name)``, kept once worked out (up to 100,000 names): a topic's thousands of
    matches carry the same few thousand names."""
    found = memo.get(name)
    if found is None:
        found = make(name)
        if len(memo) < 100_000:
            memo[name] = found
    return found


def _fold(name: str) -> str:
    """``normalize(name)``, kept."""
    return _kept(_FOLDED, name, normalize)


def _name_words(name: str) -> list[str]:
    """``words(name)``, kept (read, never changed)."""
    return _kept(_NAME_WORDS, name, words)


def organisation_names(dataset: Dataset) -> dict[str, list[GlossaryEntry]]:
    """Each (normalised) name of an organisation in the glossary, with the entries it names:
    worked out once, not for every fact a query matches."""
    found: dict[str, list[GlossaryEntry]] = {}
    for entry in dataset.glossary.values():
        if entry.kind in ORGANISATIONS:
            for name in {normalize(name) for name in entry.all_names()}:
                found.setdefault(name, []).append(entry)
    return found


def _organisations(dataset: Dataset, fact: Fact,
                   named: dict[str, list[GlossaryEntry]] | None = None) -> list[GlossaryEntry]:
    """The glossary's organisations the fact names, in glossary order."""
    named = organisation_names(dataset) if named is None else named
    chosen = {id(entry) for name in fact.names
              for entry in named.get(_FOLDED.get(name) or _fold(name), ())}
    if not chosen:  # most facts name none: the glossary is not walked for them
        return []
    return [entry for entry in dataset.glossary.values() if id(entry) in chosen]


def _masked(tokens: list[str], name_stems: set[str], least: int) -> set[int]:
    """Positions of the tokens that spell a name: runs of its words (joined by small words)
    holding at least ``least`` of them."""
    masked: set[int] = set()
    run: list[int] = []

    def close() -> None:
        while run and tokens[run[-1]] in _JOINERS:
            run.pop()
        if sum(stem(tokens[i]) in name_stems for i in run) >= least:
            masked.update(run)
        run.clear()

    for position, token in enumerate(tokens):
        if stem(token) in name_stems or (run and (token in _JOINERS or len(token) == 1)):
            run.append(position)
        else:
            close()
    close()
    return masked


@lru_cache(maxsize=4096)
def _spelling(entry: GlossaryEntry) -> tuple[frozenset[str], int]:
    """The stems an organisation's names are spelled with, and how many of them make a run
    that spells the name (one where a name is a single word)."""
    spelled = [content_words(name) for name in entry.all_names()]
    least = 1 if any(len(name) == 1 for name in spelled) else 2
    return frozenset(stem(word) for name in spelled for word in name), least


def outside_names(dataset: Dataset, fact: Fact,
                  named: dict[str, list[GlossaryEntry]] | None = None) -> set[str]:
    """Keys of the fact's words that are not part of an organisation's name it carries."""
    organisations = _organisations(dataset, fact, named)
    spelled_names = {normalize(name) for entry in organisations for name in entry.all_names()}
    heads = {key for entry in organisations for word in HEADS.get(entry.kind, "").split()
             for key in word_keys(word)}
    found = {key for name in fact.names if normalize(name) not in spelled_names
             for word in words(name) for key in word_keys(word)} | heads
    spellings = [_spelling(entry) for entry in organisations]
    for text in (fact.summary, fact.text, fact.evidence):
        tokens = words(text)
        masked: set[int] = set()
        for name_stems, least in spellings:
            masked |= _masked(tokens, name_stems, least)
        found.update(key for position, token in enumerate(tokens)
                     for key in word_keys(token) if position not in masked or key in heads)
    return found


def says_outside_names(dataset: Dataset, fact: Fact, wanted: frozenset[str],
                       named: dict[str, list[GlossaryEntry]] | None = None) -> bool:
    """Whether ``outside_names`` holds one of the keys ``wanted``, found without working out
    every key: a text is masked only when it says a wanted word at all (a topic's thousands
    of matches each read three texts)."""
    organisations = _organisations(dataset, fact, named)
    heads = {key for entry in organisations for word in HEADS.get(entry.kind, "").split()
             for key in word_keys(word)}
    if not wanted.isdisjoint(heads):
        return True
    spelled_names = {_fold(name) for entry in organisations for name in entry.all_names()}
    says = _SAYS.get(wanted)
    if says is None:  # whether a word (or a name) says one of the wanted, worked out once
        says = _SAYS[wanted] = {}
        _NAMES_SAY[wanted] = {}
    names_say = _NAMES_SAY[wanted]
    for name in fact.names:
        found = names_say.get(name)
        if found is None:
            found = names_say[name] = any(not wanted.isdisjoint(word_keys(word))
                                          for word in _name_words(name))
        if found and _fold(name) not in spelled_names:
            return True
    spellings = [_spelling(entry) for entry in organisations]
    for text in (fact.summary, fact.text, fact.evidence):
        tokens = words(text)
        if not spellings:  # no name to mask: the first wanted word will do (the words
            for token in tokens:  # after it are not looked up)
                found = says.get(token)
                if found is None:
                    found = says[token] = not wanted.isdisjoint(word_keys(token))
                if found:
                    return True
            continue
        for token in tokens:
            if token not in says:
                says[token] = not wanted.isdisjoint(word_keys(token))
        said = [position for position, token in enumerate(tokens) if says[token]]
        if not said:
            continue
        masked: set[int] = set()
        for name_stems, least in spellings:
            masked |= _masked(tokens, name_stems, least)
        if any(position not in masked for position in said):
            return True
    return False


_SAYS: dict[frozenset[str], dict[str, bool]] = {}
_NAMES_SAY: dict[frozenset[str], dict[str, bool]] = {}


def topic_words(reading: Any) -> dict[str, str]:
    """The query's topic words (those naming a sector: газ, атом, ядерный), with the sector
    each names."""
    return {term.text: term.sector for term in getattr(reading, "terms", ()) if term.sector}


def matches_outside_names(dataset: Dataset, hit: Any, topics: dict[str, str],
                           named: dict[str, list[GlossaryEntry]] | None = None) -> bool:
    """Whether the hit matched a name, a word by meaning, or a topic word (one naming a
    sector: газ, атом, нефть) outside an organisation's name, or inside one where the fact's
    own main sector is the word's: the council on the *ядерно*-топливный cycle is a nuclear
    fact, so `track ядерный` keeps it, while Gubkin University's branch (education) is no gas
    fact (round-14 track reader)."""
    # a topic word met as a word of a name (газа, a word of «Российский университет нефти и
    # газа»: the exact form read as a name) is held to the same test as its text matches: a
    # name may be the organisation's (round-14 track reader)
    textual = [match for match in hit.matches if match.how in TEXT_MATCHES
               or (match.how == "name" and match.query in topics)]
    if any(match.query not in topics for match in textual):
        return True
    meaning = [match for match in hit.matches if match not in textual
               and match.how not in ("year", "status", "sector")]
    if meaning or any(match.how == "sector" and hit.fact.sectors[:1] == (match.term,)
                      for match in hit.matches):
        return True
    if not textual:
        return False
    if hit.fact.sectors[:1] and hit.fact.sectors[0] in {topics[match.query] for match in textual}:
        return True
    wanted = frozenset(key for match in textual for word in words(match.term)
                       for key in word_keys(word))
    return says_outside_names(dataset, hit.fact, wanted, named)


def named_sectors(reading: Any, dataset: Dataset) -> set[str]:
    """Sectors whose own name a query word is the root of (атом → Атомная энергетика), not a
    member listed in brackets (газ in «Энергетика (нефть, газ, …)» names no sector)."""
    found = set()
    for term in getattr(reading, "terms", ()):
        if len(term.tokens) != 1:
            continue
        keys = word_keys(term.tokens[0])
        for sector in dataset.sectors.values():
            heads = [sector.name.split("(")[0], sector.name_ru.split("(")[0]]
            head_keys = {key for head in heads for word in content_words(head)[:1]
                         for key in word_keys(word)}
            shared = keys & head_keys
            if shared and max(map(len, shared)) >= 4:
                found.add(sector.id)
    return found


def in_named_sectors(dataset: Dataset, facts: list[Fact], topical: list[Fact],
                     reading: Any) -> list[Fact]:
    """Of ``facts`` (a topic's facts, ``topical``, and the earlier ones they follow), where the
    query names a sector, the earlier ones only by their own sectors: the 2024 talks on
    education are no transport fact because the 2025 overview of transport, economy … and
    education follows them (round-14 track reader). judged.topic_rows chooses alike."""
    sectors = named_sectors(reading, dataset)
    if not sectors:
        return facts
    own = {fact.id for fact in topical}
    return [fact for fact in facts if fact.id in own or sectors & set(fact.sectors)]


def about(dataset: Dataset, hits: Iterable[Any], reading: Any) -> list[Fact]:
    """The facts a query is about: hits whose topic words match outside organisations' names
    (a place or a name may match inside one: Челябинск in Chelyabinsk State University), and
    the facts whose main sector the query names; in no order that means anything (track
    orders what it follows by date)."""
    topics = topic_words(reading)
    hits = list(hits)
    named = organisation_names(dataset)
    # The hits are the store's own admitted rows: taken as they are, not read again.
    known = dataset.fetch((hit.fact.id for hit in hits),
                          {hit.fact.id: hit.fact for hit in hits})
    sectors = named_sectors(reading, dataset)
    # a hit whose main sector the query names is about it whatever its words (below): its
    # words are not read (атом at 100,000 facts: most of its thousands of hits)
    chosen = {hit.fact.id: known[hit.fact.id] for hit in hits
              if hit.fact.id in known and (hit.fact.sectors[:1] and hit.fact.sectors[0] in sectors
                                           or matches_outside_names(dataset, hit, topics,
                                                                     named))}
    if sectors:
        chosen.update({fact.id: fact for fact in dataset.main_sector_facts(sorted(sectors))})
    return list(chosen.values())
