"""Related words for a word the table lacks: сделка → соглашение, нефтепровод → нефть.

The pairs are measured, not guessed: tools/related_words.py takes the Russian word-embedding
model navec (shipped in natasha's wheel), finds for each word of the bundled table the words
nearest to it, keeps pairs that are close both ways, and writes them to related_words.tsv
beside this file (one line a query stem: ``stem<TAB>word:similarity word:similarity``).
Nothing here imports natasha or navec; the small text file is read only when a query word
matches nothing.

Pairs the model cannot give are written by hand below: English ones (MoU → memorandum,
treaty → договор; navec is Russian only) and a few Russian words of treaty language whose
nearest neighbours in a news model are other things (сделка sits nearer "заключил" and
"долларов" than соглашение).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

from kzru.index import FIELD_BITS, decode
from kzru.matching import FIELD_MASK, TOP_WEIGHT
from kzru.query_terms import Term
from kzru.text import compound_parts, is_cyrillic, stem
from kzru.word_match import ADJECTIVE_SUFFIXES, QUALITY, Best, Matcher

DATA = Path(__file__).with_name("related_words.tsv")
# Analysts' words whose Russian or English counterpart the table uses.
_WRITTEN = {
    "сделка": (("соглашение", 0.8),), "сделки": (("соглашение", 0.8),),
    "сделку": (("соглашение", 0.8),), "договор": (("соглашение", 0.8),),
    "договора": (("соглашение", 0.8),), "договоры": (("соглашение", 0.8),),
    "пакт": (("соглашение", 0.7),), "трубопровод": (("нефть", 0.6), ("газ", 0.6)),
    "mou": (("memorandum", 0.9),), "mous": (("memorandum", 0.9),),
    "treaty": (("agreement", 0.8), ("соглашение", 0.8)),
    "pact": (("agreement", 0.8), ("соглашение", 0.8)),
    "deal": (("agreement", 0.7),), "accord": (("agreement", 0.8),),
    "pipeline": (("oil", 0.6), ("gas", 0.6)), "petroleum": (("oil", 0.9),),
    "nuclear": (("atomic", 0.8),), "atomic": (("nuclear", 0.8),),
    "varsity": (("university", 0.9),), "college": (("university", 0.6),),
    "trip": (("visit", 0.8),), "поездка": (("визит", 0.8),), "поездки": (("визит", 0.8),),
    "поездку": (("визит", 0.8),), "поездке": (("визит", 0.8),), "поездкой": (("визит", 0.8),),
    # English synonyms of the table's words, by stem (lifting, lifted: lift)
    "lift": (("raise", 0.7), ("increase", 0.7)), "boost": (("raise", 0.7), ("increase", 0.7)),
    "unusual": (("rare", 0.8), ("rarity", 0.8)), "uncommon": (("rare", 0.8), ("rarity", 0.8)),
    "unusu": (("rare", 0.8), ("rarity", 0.8)),
    # a joint communiqué is a joint statement; assembly (сборка) is what assembling does
    "коммюнике": (("заявление", 0.8), ("statement", 0.8)),
    "communique": (("statement", 0.8), ("заявление", 0.8)),
    "сборк": (("собирают", 0.8), ("сборочный", 0.8)),
    # a district (район) of a country is what the articles call its regions (регионы)
    "район": (("регион", 0.8),), "district": (("region", 0.7), ("регион", 0.7)),
}


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[tuple[str, float], ...]]:
    table: dict[str, tuple[tuple[str, float], ...]] = {}
    try:
        text = DATA.read_text(encoding="utf-8")
    except OSError:
        return table
    for line in text.splitlines():
        key, _, rest = line.partition("\t")
        pairs = []
        for item in rest.split():
            word, _, similarity = item.rpartition(":")
            try:
                pairs.append((word, float(similarity)))
            except ValueError:
                continue
        if key and pairs:
            table[key] = tuple(pairs)
    return table


# Russian verbs made from nouns, by their suffix: the verb's root, and the nouns that share
# it. председательствует -> председатель, председательство; участвует -> участие;
# модернизирует -> модернизация; организовать -> организация. A noun in -ство leads to its
# root too: председательство -> председатель.
DERIVED = 0.9
_VERB_SUFFIXES = (("ствова", ("", "ство", "стие")), ("ству", ("", "ство", "стие")),
                  ("ством", ("",)), ("ство", ("",)), ("ства", ("",)), ("стве", ("",)),
                  ("изирова", ("изация",)), ("изиру", ("изация",)),
                  ("изова", ("изация",)), ("изу", ("изация",)),
                  ("ирова", ("ация", "ирование")), ("иру", ("ация", "ирование")))
MIN_ROOT = 3
BARE_ROOT = 7  # a root alone is a word only when long: председатель, not господ


# English words made from another by a suffix, undone: chairmanship -> chairman -> chair,
# signature/signatory -> sign, investment/investor -> invest, presidency -> president,
# leadership -> leader, cooperation -> cooperate. Each line: the suffix, and what replaces it.
# Inflections (chaired, signing) are the stemmer's; these are derivations it keeps apart.
_EN_SUFFIXES = (("ship", ("",)), ("man", ("",)),
                ("ment", ("",)), ("atory", ("",)), ("ature", ("",)), ("ation", ("ate", "e")),
                ("ition", ("e",)), ("ency", ("ent",)), ("ancy", ("ant",)), ("or", ("",)),
                ("er", ("",)), ("al", ("", "e")), ("ure", ("e",)))
EN_ROOT = 4  # sign, lead: shorter roots are too often another word's start
EN_STEPS = 2  # chairmanship -> chairman -> chair


def derived_en(word: str) -> list[list[str]]:
    """The English words ``word`` is made from by the suffixes of _EN_SUFFIXES, one list per
    suffix undone, nearest first, up to EN_STEPS suffixes deep (most are no words: the
    caller keeps the nearest the facts hold)."""
    levels: list[list[str]] = []
    # a plural's singular first: signatories -> signatory
    level = [word[:-3] + "y" if word.endswith("ies") else word[:-1]
             if word.endswith("s") and not word.endswith("ss") else word]
    for _ in range(EN_STEPS):
        level = list(dict.fromkeys(
            root + ending for form in level for suffix, endings in _EN_SUFFIXES
            if form.endswith(suffix) and len(form) - len(suffix) >= EN_ROOT
            for root in [form[:-len(suffix)]] for ending in endings))
        if not level:
            break
        levels.append(level)
    return levels


def derived(word: str) -> list[str]:
    """Nouns a Russian verb (or -ство noun) is made from or shares its root with (see
    _VERB_SUFFIXES); a bare root counts only when long (BARE_ROOT). An English word: the
    words it is made from (see derived_en)."""
    if not is_cyrillic(word):
        return [form for level in derived_en(word) for form in level]
    for suffix, endings in _VERB_SUFFIXES:
        at = word.rfind(suffix)
        rest = word[at + len(suffix):]
        if at < MIN_ROOT or (rest and not rest.isalpha()):
            continue
        root = word[:at]
        return [root + ending for ending in endings
                if len(root + ending) >= (5 if ending else BARE_ROOT)]
    return []


def related_words(word: str) -> list[tuple[str, float]]:
    """Words related to ``word`` with their similarity (0–1), closest first: hand-written
    pairs, then measured neighbours."""
    written = _WRITTEN.get(word) or (_WRITTEN.get(word[:-1], ()) if word.endswith("s") else ()) \
        or _WRITTEN.get(stem(word), ())
    return [*written, *_table().get(stem(word), ())]


def derived_words(word: str, holds: Callable[[str], bool] = lambda _: True
                  ) -> list[tuple[str, float]]:
    """The nouns a verb is made from (see derived), and their words in the other language,
    with how sure each is. In English, the nearest words the facts hold (``holds``):
    chairmanship -> chair when no fact says chairman."""
    from kzru.query_words import BILINGUAL, bilingual_key

    if is_cyrillic(word):
        nouns = derived(word)
    else:
        nouns = next(([form for form in level if holds(form)] for level in derived_en(word)
                      if any(map(holds, level))), [])
    return [(noun, 1.0) for noun in nouns] + [
        (english, DERIVED) for noun in nouns
        for english in BILINGUAL.get(bilingual_key(noun), ())]


def related_rows(matcher: Matcher, term: Term) -> dict[int, Best]:
    """For a word the table lacks: facts holding a word derived from the same root (a verb's
    noun: председательствует → председатель, chair), or a related one, ranked below direct
    matches.

    Related are the first element of a compound (нефтепровод → нефть) and the neighbours
    measured for the table's words in a Russian word-embedding model; a derivation counts as
    the word itself, in another form (how "derived"), a related word below it. A personal
    name is never reached this way.
    """
    if len(term.tokens) != 1 or term.entity or len(term.tokens[0]) < 4:
        return {}
    from kzru.places import key

    word = term.tokens[0]
    candidates = [(part, 1.0, "related", True) for part in compound_parts(word)[:1]
                  if len(part) >= 3]
    candidates += [(other, sure, "derived", False) for other, sure in derived_words(
        word, lambda form: bool(matcher.index.lookup("stem = ?", [stem(form)])))]
    candidates += [(other, similarity, "related", False)
                   for other, similarity in related_words(word)]
    found: dict[int, Best] = {}
    for other, similarity, how, compound in candidates:
        in_names = matcher.index.inside_names(key(other))
        # The word's own forms only (and, for a compound's first part, the adjectives made
        # from it: газ → газовый), never a longer word that merely begins like it.
        forms = [stem(other)] + ([stem(other) + end for end in ADJECTIVE_SUFFIXES]
                                 if compound and is_cyrillic(other) else [])
        rows = matcher.index.lookup(f"stem IN ({','.join('?' * len(forms))})", forms)
        for matched, blob in rows:
            if matched in matcher.people:
                continue
            for posting in decode(blob):
                rowid = posting >> FIELD_BITS
                if rowid in in_names:
                    continue
                weight = QUALITY[how] * similarity * TOP_WEIGHT[posting & FIELD_MASK]
                if rowid not in found or weight > found[rowid][0]:
                    found[rowid] = (weight, f"{other}: {matched}", how)
    return found
