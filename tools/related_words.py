"""Measure related words for the table's vocabulary and write kzru/related_words.tsv.

Why: an analyst types words the articles do not use (сделка for соглашение, нефтепровод for
нефть). Their neighbours in a Russian word-embedding model are a measured guess at what they
mean. The model, navec (news, 250k words, 300 dimensions), ships inside natasha's wheel, so
this needs no download beyond the package; kzru itself never imports it: this script runs
once and kzru reads the small text file it writes, only when a query word matches nothing.

How: every Russian word of the facts' text and evidence (not a name: glossary names and words
the morphological analyser tags as a first name, surname, patronymic, place or organisation
are left out, on both sides) is grouped by its Snowball stem; each stem's vector is the mean
of its forms' unit vectors. For each stem, the model words nearest to it (cosine similarity
at least MIN_SIMILARITY, at most NEIGHBOURS of them) become query words that lead to it,
unless they already share a stem with a word of the table (then they match directly); each
such query word then leads to the KEEP table words it is closest to, if at least
MIN_SIMILARITY close. Rank in the table matters more than the raw figure: сделка is only 0.37
from соглашение, yet no other word of the table is nearer.

    python -m venv /tmp/nat && /tmp/nat/bin/pip install natasha PyStemmer
    /tmp/nat/bin/python tools/related_words.py [--data data] [--out kzru/related_words.tsv]
"""

from __future__ import annotations

import argparse
import csv
import inspect
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzru.text import STOPWORDS, is_cyrillic, stem, words  # noqa: E402

MIN_SIMILARITY = 0.5
NEIGHBOURS = 40
KEEP = 2
MIN_LENGTH = 4
NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}
# Nouns only: neighbouring adjectives and verbs are as often opposites (растет/сокращается,
# внешний/внутренний) as they are kin.
KINDS = {"NOUN"}
CONTENT = {"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS"}


def _analyser():  # noqa: ANN202
    if not hasattr(inspect, "getargspec"):  # pymorphy2 predates Python 3.11
        inspect.getargspec = lambda f: inspect.getfullargspec(f)[:4]  # type: ignore
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


def _navec():  # noqa: ANN202
    import natasha
    from navec import Navec

    path = Path(natasha.__file__).parent / "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
    return Navec.load(path)


def table_words(data: Path) -> tuple[dict[str, list[str]], set[str]]:
    """Russian content words of the facts by stem, and every word of a glossary name."""
    names: set[str] = set()
    with open(data / "glossary.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for field in ("name_en", "name_ru", "aliases"):
                names.update(words(row[field]))
    by_stem: dict[str, list[str]] = defaultdict(list)
    with open(data / "facts.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for word in words(row["text"] + " " + row["evidence"]):
                if (is_cyrillic(word) and word.isalpha() and len(word) >= MIN_LENGTH
                        and word not in STOPWORDS and word not in names
                        and word not in by_stem[stem(word)]):
                    by_stem[stem(word)].append(word)
    return dict(by_stem), names


def _pos(analyser, word: str) -> str:  # noqa: ANN001
    """Part of speech, verbs and their forms taken as one."""
    pos = str(analyser.parse(word)[0].tag.POS)
    return {"INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "ADJS": "ADJF"}.get(pos, pos)


def is_name(analyser, word: str) -> bool:  # noqa: ANN001
    parse = analyser.parse(word)[0]
    return bool(NAME_TAGS & set(parse.tag.grammemes)) or parse.tag.POS not in CONTENT


def main() -> int:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "kzru" / "related_words.tsv")
    args = parser.parse_args()
    analyser = _analyser()
    navec = _navec()
    by_stem, names = table_words(args.data)
    stems = [s for s, forms in by_stem.items()
             if any(f in navec for f in forms) and not all(is_name(analyser, f) for f in forms)]
    vocabulary = navec.vocab.words
    matrix = navec.pq.unpack().astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    index = {word: n for n, word in enumerate(vocabulary)}
    table = np.stack([matrix[[index[f] for f in by_stem[s] if f in index]].mean(axis=0)
                      for s in stems])
    table /= np.linalg.norm(table, axis=1, keepdims=True) + 1e-9
    table_stems = set(by_stem)
    kinds = [_pos(analyser, min(by_stem[s], key=len)) for s in stems]
    # Query words: the model's words near some table word (its NEIGHBOURS nearest).
    candidates: set[int] = set()
    for start in range(0, len(stems), 256):
        similarity = table[start:start + 256] @ matrix.T
        nearest = np.argpartition(-similarity, NEIGHBOURS, axis=1)[:, :NEIGHBOURS]
        candidates.update(int(column) for column in nearest.ravel())
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for column in sorted(candidates):
        word = vocabulary[column]
        if (not is_cyrillic(word) or not word.isalpha() or len(word) < MIN_LENGTH
                or word in names or stem(word) in table_stems or is_name(analyser, word)):
            continue
        # ... each led to the table words of its part of speech it is closest to.
        similarity = table @ matrix[column]
        kind = _pos(analyser, word)
        if kind not in KINDS:
            continue
        kept = 0
        for row in np.argsort(-similarity)[:50]:
            value = float(similarity[row])
            if value < MIN_SIMILARITY or kept >= KEEP:
                break
            if kinds[row] != kind:
                continue
            kept += 1
            target = min((f for f in by_stem[stems[row]] if f in index), key=len)
            key = stem(word)
            found[key][target] = max(found[key].get(target, 0.0), value)
    lines = []
    for key in sorted(found):
        pairs = sorted(found[key].items(), key=lambda item: -item[1])[:KEEP]
        lines.append(key + "\t" + " ".join(f"{w}:{v:.2f}" for w, v in pairs))
    temporary = args.out.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temporary, args.out)
    print(f"{len(lines)} query stems, {sum(len(line.split()) - 1 for line in lines)} pairs, "
          f"from {len(stems)} table stems (similarity >= {MIN_SIMILARITY}) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
