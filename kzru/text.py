"""Text normalisation shared by the index and the query: one place decides what a word is."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Kazakh letters fold onto the Russian letters people type instead of them.
_FOLD = str.maketrans({
    "ё": "е", "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х",
    "і": "и", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "’": "'", "‘": "'",
    "ʼ": "'", "\u00a0": " ", "\u202f": " ",
})
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
CYRILLIC = re.compile(r"[а-я]")
# C0 and C1 controls: rejected in data, escaped on screen.
CONTROL_CHARACTERS = r"[\x00-\x1f\x7f-\x9f]"

STOPWORDS = frozenset("""
a an and are as at be by for from in into is it its of on or that the this to was were will with
how did do does what which who whom when where why about there their has have had been not so
than then these those such can could would should may might our we you your he she they them
his her i me my any all some
и в во на по с со к ко о об от до из за для при а но что как не ни же ли бы это этот эта эти
также то так уже еще ещё его ее её их они он она мы вы я был была были будет том тот той
где когда кто какой какие какая каких чем сколько ли или у же всё все весь есть
""".split())

# Latin skeleton of each letter: both scripts fold to it, so Kostanay and Костанай meet.
_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}
_LATIN_FOLDS = (("kh", "h"), ("yu", "iu"), ("ya", "ia"), ("yo", "e"), ("ye", "e"), ("sch", "sh"),
                ("shch", "sh"), ("tz", "ts"), ("dzh", "zh"), ("j", "zh"), ("y", "i"), ("q", "k"),
                ("w", "v"), ("x", "ks"), ("c", "k"))
_DOUBLE = re.compile(r"(.)\1+")


def normalize(text: str) -> str:
    """NFC, lower case, ё→е, Kazakh letters and typographic dashes/quotes folded."""
    return unicodedata.normalize("NFC", text).casefold().translate(_FOLD)


def words(text: str) -> list[str]:
    """The normalised words of a text, stopwords included (callers decide)."""
    return WORD.findall(normalize(text))


def is_cyrillic(word: str) -> bool:
    return bool(CYRILLIC.search(word))


@lru_cache(maxsize=1)
def _stemmers() -> tuple[object, object]:
    import Stemmer

    return Stemmer.Stemmer("russian"), Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem in the word's own script: Russian for Cyrillic, English for Latin."""
    russian, english = _stemmers()
    stemmer = russian if is_cyrillic(word) else english
    return stemmer.stemWord(word)  # type: ignore[attr-defined]


def stem_many(tokens: list[str]) -> list[str]:
    """Stem a batch (much faster than one call a word when building the index)."""
    russian, english = _stemmers()
    cyrillic = [t for t in tokens if is_cyrillic(t)]
    latin = [t for t in tokens if not is_cyrillic(t)]
    stems = dict(zip(cyrillic, russian.stemWords(cyrillic)))  # type: ignore[attr-defined]
    stems.update(zip(latin, english.stemWords(latin)))  # type: ignore[attr-defined]
    return [stems[t] for t in tokens]


def skeleton(word: str) -> str:
    """A lossy Latin spelling shared by both scripts: Достык, Dostyk and Dostik meet at 'dostik'."""
    if is_cyrillic(word):
        word = "".join(_CYR_TO_LAT.get(char, char) for char in word)
    else:
        for latin, folded in _LATIN_FOLDS:
            word = word.replace(latin, folded)
    return _DOUBLE.sub(r"\1", word)


def translit_key(word: str) -> str:
    """Skeleton of the stem: lets inflected Russian forms meet their Latin spelling."""
    return skeleton(stem(word))
