"""Which facts are about a topic, for `kzru track`: search's hits, read the way search reads the
query, minus facts that match only inside an organisation's name (the Gubkin University *of Oil
and Gas* is not about gas), plus the facts whose main sector the query names (атом names
nuclear energy, so the council on the *ядерно*-топливный cycle is about it).
"""

from __future__ import annotations

from typing import Any, Iterable

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


def word_keys(word: str) -> set[str]:
    """Keys under which a word meets its kin: its stem, the noun an adjective is made from
    (атомн → атом), and a short word as written (Snowball cuts атом to ат)."""
    word_stem = stem(word)
    found = {word_stem}
    if word_stem and "а" <= word_stem[0] <= "я":
        found.update(word_stem[:-len(ending)] for ending in _CYRILLIC_ENDINGS
                     if word_stem.endswith(ending) and len(word_stem) - len(ending) >= 4)
        if len(word) <= 5:
            found.add(word)
    return found


def _organisations(dataset: Dataset, fact: Fact) -> list[GlossaryEntry]:
    names = {normalize(name) for name in fact.names}
    return [entry for entry in dataset.glossary.values() if entry.kind in ORGANISATIONS
            and names & {normalize(name) for name in entry.all_names()}]


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


def outside_names(dataset: Dataset, fact: Fact) -> set[str]:
    """Keys of the fact's words that are not part of an organisation's name it carries."""
    organisations = _organisations(dataset, fact)
    spelled_names = {normalize(name) for entry in organisations for name in entry.all_names()}
    heads = {key for entry in organisations for word in HEADS.get(entry.kind, "").split()
             for key in word_keys(word)}
    found = {key for name in fact.names if normalize(name) not in spelled_names
             for word in words(name) for key in word_keys(word)} | heads
    for text in (fact.summary, fact.text, fact.evidence):
        tokens = words(text)
        masked: set[int] = set()
        for entry in organisations:
            spelled = [content_words(name) for name in entry.all_names()]
            name_stems = {stem(word) for name in spelled for word in name}
            least = 1 if any(len(name) == 1 for name in spelled) else 2
            masked |= _masked(tokens, name_stems, least)
        found.update(key for position, token in enumerate(tokens)
                     for key in word_keys(token) if position not in masked or key in heads)
    return found


def _matches_outside_names(dataset: Dataset, hit: Any, topics: set[str]) -> bool:
    """Whether the hit matched a name, a word by meaning, or a topic word (one naming a
    sector: газ, атом, нефть) outside an organisation's name."""
    textual = [match for match in hit.matches if match.how in TEXT_MATCHES]
    if any(match.query not in topics for match in textual):
        return True
    meaning = [match for match in hit.matches if match.how not in TEXT_MATCHES
               and match.how not in ("year", "status", "sector")]
    if meaning or any(match.how == "sector" and hit.fact.sectors[:1] == (match.term,)
                      for match in hit.matches):
        return True
    if not textual:
        return False
    free = outside_names(dataset, hit.fact)
    return any(free & word_keys(word) for match in textual for word in words(match.term))


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


def about(dataset: Dataset, hits: Iterable[Any], reading: Any) -> list[Fact]:
    """The facts a query is about: hits whose topic words match outside organisations' names
    (a place or a name may match inside one: Челябинск in Chelyabinsk State University), and
    the facts whose main sector the query names."""
    topics = {term.text for term in getattr(reading, "terms", ()) if term.sector}
    chosen = {hit.fact.id: dataset.facts[hit.fact.id] for hit in hits
              if hit.fact.id in dataset.facts and _matches_outside_names(dataset, hit, topics)}
    sectors = named_sectors(reading, dataset)
    if sectors:
        chosen.update({fact.id: fact for fact in dataset.facts.values()
                       if fact.sectors[:1] and fact.sectors[0] in sectors})
    return list(chosen.values())
