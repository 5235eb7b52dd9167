"""Names told apart from what they name: "Astana" in *Astana Hub* names a technopark, not the
city where something happened; "газ" in *Российский университет нефти и газа* names a
university, not gas.

Worked out once, when the index is built: for every fact, the words it says only inside the
name of something (a glossary name of two words or more). Search reads a place or a topic
word of the query as the fact's own, and a fact that says it only inside a name matches it
as part of a name: shown, but ranked as not matching that word.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from kzru.text import STOPWORDS, stem, words

# A name that says where its bearer is ("филиал МГИМО в Астане", "MEPhI Almaty branch") does
# name the place: a branch or an office stands in the city it names.
LOCATIVE = frozenset("в во in at branch branches филиал филиала филиалы представительство "
                     "office".split())


def key(word: str) -> str:
    """The stem, one letter shorter when long: Snowball cuts Астана to аста but Астане to
    астан, so the shorter form lets every case of a name meet."""
    return _key(stem(word))


def _key(found: str) -> str:
    return found[:-1] if len(found) >= 5 else found


def _keys(text: str) -> list[str]:
    return [key(word) for word in words(text) if word not in STOPWORDS]


# Multi-word names as sequences of keys, by their first key and then their second (every name
# has two keys or more): a fact's keys are looked up two at a time, so a common first word
# ("Kazakhstan", which starts a dozen names) costs one look-up where it starts none of them.
Names = dict[str, dict[str, list[tuple[str, ...]]]]


def _names(glossary: Iterable[Any]) -> Names:
    """Multi-word names of things other than people, by their first and second keys."""
    found: Names = {}
    for entry in glossary:
        if entry.kind == "person":
            continue
        for text in entry.all_names():
            name = tuple(_keys(text))
            if len(name) >= 2 and not LOCATIVE & set(words(text)):
                found.setdefault(name[0], {}).setdefault(name[1], []).append(name)
    return found


def words_inside_names(glossary: Iterable[Any], facts: list[Any]) -> Iterator[tuple[str, int]]:
    """(word key, fact row) for each word a fact says only inside a name."""
    names = _names(glossary)
    if not names:
        return
    keys: dict[str, str] = {}
    for rowid, fact in enumerate(facts):
        fields = [words(field) for field in (fact.summary, fact.text, fact.evidence, *fact.names)]
        for inside in inside_names(names, fields, keys):
            yield inside, rowid


def name_table(glossary: Iterable[Any]) -> Names:
    """The multi-word names to look for, built once per index build."""
    return _names(glossary)


# Stands in the sequence of keys for a word whose key is in no name: it keeps the words
# around it apart as that key would, and like it is never a name's key.
ELSEWHERE = " "


def name_keys(names: Names) -> frozenset[str]:
    """Every key that some name of ``names`` holds."""
    return frozenset(part for by_second in names.values() for found in by_second.values()
                     for name in found for part in name)


def inside_names(names: Names, fields: Iterable[list[str]],
                 keys: dict[str, str], parts: frozenset[str] | None = None) -> list[str]:
    """The keys of the words a fact says only inside a name, from the words of its fields
    (summary, text, evidence, then each name), as the index build has already split them;
    ``keys`` memoises key() across facts (a 100,000-fact build meets each word many times).
    With ``parts`` (name_keys(names)), a word whose key is in no name is memoised as
    ELSEWHERE (the answer is the same: such a key is neither matched nor returned), so the
    memo holds one shared string for most words, and the stems are not cached twice."""
    sequence: list[str] = []
    for found in fields:
        sequence.append("")  # keeps fields (and names) apart
        for word in found:
            keyed = keys.get(word)
            if keyed is None:
                if word in STOPWORDS:
                    keyed = ""
                elif parts is None:
                    keyed = key(word)
                else:
                    keyed = _key(stem.__wrapped__(word))  # type: ignore[attr-defined]
                    keyed = keyed if keyed in parts else ELSEWHERE
                keys[word] = keyed
            if keyed:
                sequence.append(keyed)
    sequence.append("")  # so that every key has one after it
    starts = [place for place, found in enumerate(sequence) if found in names]
    covered: set[int] = set()
    for start in starts:
        for name in names[sequence[start]].get(sequence[start + 1], ()):
            if tuple(sequence[start:start + len(name)]) == name:
                covered.update(range(start, start + len(name)))
    if not covered:
        return []
    outside = {sequence[p] for p in range(len(sequence)) if p not in covered}
    return sorted({sequence[p] for p in covered} - outside)


def university_fields(glossary: Iterable[Any]) -> Iterator[str]:
    """Keys of words that stand in the names of exactly one thing, a university: the field
    it is named for (газ in the Gubkin University of Oil and Gas). A word in the names of
    many things (university, state) is what they are; the trade an organisation is named
    for (the Uranium Enrichment Centre) is what it does."""
    holders: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for entry in glossary:
        if entry.kind in ("person", "place"):
            continue
        kinds[entry.id] = entry.kind
        for name in entry.all_names():
            for word in words(name):
                holders.setdefault(key(word), set()).add(entry.id)
    for found, ids in sorted(holders.items()):
        if len(ids) == 1 and kinds[next(iter(ids))] == "university":
            yield found


# A place named only to be set apart: "не татарстанский автогигант", "not the giant from
# Tatarstan". A negation at most NEGATION_REACH words before every mention of the place, in
# each of the fact's own fields that mention it ("не только" / "not only" adds, not sets apart).
NEGATIONS = frozenset({"не", "not", "нет", "neither", "nor"})
NOT_ONLY = frozenset({"только", "лишь", "only", "just"})
NEGATION_REACH = 5


def _mentions(found: list[str], place: str) -> list[int]:
    """Positions of the words that name ``place`` (its key), or an adjective made from it."""
    return [at for at, word_key in enumerate(map(key, found))
            if word_key == place or (len(place) >= 4 and word_key.startswith(place))]


def set_apart(fields: Iterable[str], place: str | tuple[str, ...]) -> bool:
    """True when every mention of ``place`` (a key, or the keys of its names in both
    scripts) in ``fields`` follows a negation."""
    said = False
    for field in fields:
        found = words(field)
        for at in sorted({at for one in ((place,) if isinstance(place, str) else place)
                          for at in _mentions(found, one)}):
            said = True
            before = range(max(0, at - NEGATION_REACH), at)
            if not any(found[j] in NEGATIONS and found[j + 1] not in NOT_ONLY for j in before):
                return False
    return said


def keyed_names(names: list[str]) -> list[tuple[str, ...]]:
    """``names`` as says_any reads them: each name's word keys (worked out once per place,
    not once per row)."""
    return [tuple(_keys(name)) for name in names]


def says_any(fields: Iterable[str], keyed: list[tuple[str, ...]]) -> bool:
    """True when one of the fields holds one of the names ``keyed`` (see keyed_names): word
    by word, in any form."""
    for field in fields:
        sequence = _keys(field)
        for name in keyed:
            if name and any(tuple(sequence[at:at + len(name)]) == name
                            for at in range(len(sequence) - len(name) + 1)):
                return True
    return False


def not_the_place(index: Any, entry: str, place: str | tuple[str, ...], inside: set[int],
                  rows: Iterable[int]) -> set[int]:
    """Of ``rows`` matching a place (its key, or its names' keys), those that do not say it
    happened there: a name holding the word (``inside``), unless it is the place's own
    longer name (Republic of Tatarstan), and a mention only to set the place apart (see
    set_apart)."""
    own = [name for name in index.table("glossary")[entry].all_names()
           if len(words(name)) > 1] if entry else []
    if own and inside:
        facts = index.facts(sorted(inside))
        keyed = keyed_names(own)
        inside = {r for r in inside if not says_any(
            (facts[r].summary, facts[r].text, facts[r].evidence), keyed)}
    return inside | {rowid for rowid, fields in negated_rows(index, sorted(rows))
                     if set_apart(fields, place)}


def negated_rows(index: Any, rowids: list[int]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(row, (summary, text, evidence)) for the rows among ``rowids`` with a negation in
    their own text: SQLite picks them, so a common place does not load every fact."""
    likes = " OR ".join(f"{field} LIKE ?" for field in ("summary", "text", "evidence")
                        for _ in range(3))
    patterns = ["% not %", "% не %", "Не %"] * 3
    for start in range(0, len(rowids), 500):
        chunk = rowids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for rowid, *fields in index.rows(
                f"SELECT rowid, summary, text, evidence FROM facts WHERE rowid IN ({marks}) "
                f"AND ({likes})", [*chunk, *patterns]):
            yield rowid, tuple(fields)
