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

from kzru.text import stem

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


def related_words(word: str) -> list[tuple[str, float]]:
    """Words related to ``word`` with their similarity (0–1), closest first."""
    found = list(_WRITTEN.get(word, ()))
    found += _table().get(stem(word), ())
    return found
