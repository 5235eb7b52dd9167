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
# Characters that change how text around them displays while showing nothing themselves:
# every format character of Unicode (bidi overrides and isolates such as U+202E, zero-width
# spaces and joiners, tags, the soft hyphen), the line and paragraph separators, and the
# blank fillers. No article needs them; a row holding one can show as something it is not,
# so they are refused in data and escaped in messages, as control characters are.
INVISIBLE_CHARACTERS = (
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f\u1160"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
# What a message cannot show as it is (escaped there): controls, invisible characters, and
# the bytes of a file name that are not UTF-8 (surrogate escapes).
UNSHOWABLE = f"{CONTROL_CHARACTERS}|{INVISIBLE_CHARACTERS}|[\ud800-\udfff]"

STOPWORDS = frozenset("""
a an and are as at be by for from in into is it its of on or that the this to was were will with
how did do does what which who whom when where why about there their has have had been not so
than then these those such can could would should may might our we you your he she they them
his her i me my any all some
и в во на по с со к ко о об от до из за для при а но что как не ни же ли бы это этот эта эти
также то так уже еще ещё его ее её их они он она мы вы я был была были будет том тот той
где когда кто какой какие какая каких чем сколько ли или у же всё все весь есть
такой такая такое такие чего чём кем каком какую
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


# The same folds as pairs: a replace per fold the text holds is several times faster than
# str.translate, which looks every character up (each fold is one character to one that is
# not folded itself, so the order of the replacements does not matter).
_FOLD_PAIRS = tuple((chr(code), to) for code, to in _FOLD.items())
_FOLDED = re.compile("[" + "".join(folded for folded, _ in _FOLD_PAIRS) + "]")


# Latin letters that look like Cyrillic ones: inside a Cyrillic word ("пoдпиcaли" typed or
# pasted with a Latin o, c, a) they are read as the Cyrillic letter, one for one (the drafter
# reads its words so, and the lint its evidence, so that the two agree).
_LOOKALIKES = str.maketrans("aceopxykmthbACEOPXYKMTHB", "асеорхукмтнвАСЕОРХУКМТНВ")
# Each alphabet searched for apart, and each word (a run of \w) tested once: a pattern for "a
# word holding both" backtracks over a long one-alphabet word in time cubic in its length (a
# 200-letter word in every row made `kzru check` minutes long; round-15 red team).
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")


def _folded_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if _LATIN.search(word) and _CYRILLIC.search(word):
        return word.translate(_LOOKALIKES)
    return word


def fold(text: str) -> str:
    """``text`` with the Latin look-alike letters of each word that mixes both alphabets
    read as Cyrillic; the same length, so every offset still holds."""
    if not (_LATIN.search(text) and _CYRILLIC.search(text)):
        return text
    return _WORD_RUN.sub(_folded_word, text)


def normalize(text: str) -> str:
    """NFC, lower case, ё→е, Kazakh letters and typographic dashes/quotes folded."""
    text = unicodedata.normalize("NFC", text).casefold()
    if _FOLDED.search(text) is None:  # most words: nothing to fold
        return text
    for folded, to in _FOLD_PAIRS:
        if folded in text:
            text = text.replace(folded, to)
    return text


def words(text: str) -> list[str]:
    """The normalised words of a text, stopwords included (callers decide)."""
    return WORD.findall(normalize(text))


def normalized_fields(fields: list[str]) -> list[str]:
    """Each field normalised, in one call for them all (an index build normalises every
    field of every fact): a line break is a control character, which validated data never
    holds, so the joined text splits back into the fields; fields that do hold one are
    normalised one by one."""
    pieces = normalize("\n".join(fields)).split("\n")
    return pieces if len(pieces) == len(fields) else [normalize(field) for field in fields]


def content_words(text: str) -> list[str]:
    """The words of a name without stopwords, or all of them when nothing else is left
    (a glossary name such as "Board No. 1" must keep its words)."""
    found = words(text)
    return [w for w in found if w not in STOPWORDS] or found


# First elements of compound words, as written inside them (with the linking vowel):
# газоснабжение = газ + снабжение, Транскаспийский = транс + каспийский.
COMPOUND_HEADS = tuple(sorted("""
авиа авто агро аэро био вело видео водо газо гео гидро евро зерно кибер кино медиа мега меж
микро нано нефте нефтегазо радио спорт теле тепло транс фото хим электро энерго эко
agro bio cyber electro euro geo hydro inter micro petro tele thermo trans
""".split(), key=len, reverse=True))
MIN_PART = 5
# Words that begin like a compound but are not one: транспорт is not транс + порт.
FALSE_COMPOUNDS = tuple("""
транспорт трансляц трансформ трансфер транзит эконом эколог экосистем телефон телевиз телеграм
телекомм водород микроб аэропорт автор автомат автоном геноц биограф
transport transfer transform translat telephon televis author automat autonom
""".split())


def compound_parts(word: str) -> list[str]:
    """The parts of a compound word worth matching on their own, or [] when it is not one.

    Only listed first elements split a word, so a name such as Газиз is never cut up.
    """
    if not word.startswith(COMPOUND_HEADS):  # most words, at once (a build asks for each)
        return []
    for head in COMPOUND_HEADS:
        rest = word[len(head):]
        if (word.startswith(head) and len(rest) >= MIN_PART and rest.isalpha()
                and not word.startswith(FALSE_COMPOUNDS)):
            root = head[:-1] if head[-1] in "ое" and len(head) > 3 else head
            return [root, rest] if root != head or len(root) >= 3 else [rest]
    return []


def typo_distance(first: str, second: str, limit: int) -> int:
    """Optimal string alignment: a swap of two neighbouring letters is one typo."""
    from rapidfuzz.distance import OSA

    return OSA.distance(first, second, score_cutoff=limit)


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


# Russian case and number endings, longest first: Snowball leaves short words whole (дням,
# днях), since it cuts an ending only after the word's first vowel.
_ENDINGS = tuple(sorted("""
ями ами ого его ому ему ыми ими ах ях ам ям ом ем ой ей ий ый ая яя ое ее ую юю ых их ым
им ов ев а я о е ё ы и у ю ь й
""".split(), key=len, reverse=True))


def word_core(word: str) -> str:
    """The word without its ending and without a vowel that comes and goes before its last
    consonant (день, дни, дням: дн; рынок, рынка: рынк)."""
    core = next((word[:-len(end)] for end in _ENDINGS
                 if word.endswith(end) and len(word) - len(end) >= 2), word)
    if len(core) >= 3 and core[-2] in "еоё" and core[-1] not in "аеёиоуыэюяйь":
        core = core[:-2] + core[-1]
    return core
