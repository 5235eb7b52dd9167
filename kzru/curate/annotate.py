"""Annotate an article: sentences and tokens (razdel), named entities (natasha), each token's
word class and tense (pymorphy2, through natasha), every span with its offsets in the text.

The models load once per process (``tools``); ``kzru add --jobs`` loads them in the parent
and forks its workers, which share them. razdel tokenises each sentence once: natasha's
tagger runs on those tokens (in chunks of sentences, so memory stays bounded however long
the article), and only on sentences long enough to be drafted. Entities are normalised to
their dictionary form ("Владимира Путина" → "Владимир Путин") by inflecting each word to the
nominative, which is cheaper than natasha's full morphological tagging and right for names,
places and organisations.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from kzru.curate.read import Article
from kzru.text import fold

# A sentence with fewer words than this is a heading, caption or tag line: never drafted.
MIN_WORDS = 4
# A "sentence" past this many characters is a list or a table kept as text (no news sentence
# is that long: the seeds' longest has 459): it is neither tagged nor drafted, only counted
# as skipped (kzru.curate.draft), since tagging and drafting it cost memory and time that
# grow faster than its length.
LONGEST_SENTENCE = 2000
_LETTER = re.compile(r"[^\W\d_]")
# natasha's entity types -> kzru's words for them.
ENTITY_TYPES = {"PER": "person", "LOC": "place", "ORG": "organization"}
_PREFERRED = {"person": ("Name", "Surn", "Patr"), "place": ("Geox",), "organization": ()}


class Token(NamedTuple):
    start: int  # offsets in the article's text
    stop: int
    text: str
    pos: str  # pymorphy2's word class (VERB, NOUN, …), '' for punctuation and numbers
    tense: str  # past | pres | futr | ''
    lemma: str


class Entity(NamedTuple):
    start: int
    stop: int
    type: str  # person | place | organization
    text: str
    normal: str


class Sentence(NamedTuple):
    index: int
    start: int
    stop: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]

    def tense(self) -> str:
        """past, future or present from the verbs (the first finite verb decides)."""
        for token in self.tokens:
            if token.tense:
                return {"past": "past", "futr": "future", "pres": "present"}[token.tense]
        return ""


class Annotated(NamedTuple):
    article: Article
    sentences: tuple[Sentence, ...]


@lru_cache(maxsize=1)
def tools() -> tuple[Any, Any]:
    """natasha's NER tagger and morphology dictionary, loaded once per process.

    The tagger's matrices are small (a chunk of sentences at a time): one BLAS thread does
    them fastest; more threads spin, costing about 40% more CPU per article, and fight
    --jobs workers for the cores. So unless the user chose otherwise, numpy (first imported
    here) gets one thread; --jobs is the parallelism."""
    import os
    import sys

    if "numpy" not in sys.modules:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
    from natasha import MorphVocab, NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding()), MorphVocab()


@lru_cache(maxsize=100_000)
def _parse(word: str) -> Any:
    return tools()[1].parse(word)


@lru_cache(maxsize=100_000)
def word_class(word: str) -> tuple[str, str, str]:
    """(word class, tense, lemma) of the likeliest reading of ``word``."""
    if not _LETTER.search(word):
        return "", "", word
    word = fold(word)
    parses = _parse(word)
    if not parses:
        return "", "", word.lower()
    best = parses[0]
    tag = best.tag
    return str(tag.POS or ""), str(tag.tense or ""), best.normal_form


def _normal_word(word: str, kind: str, case: str | None, modifier: bool,
                 gender: str | None = None) -> str:
    """One word of an entity in the nominative; ``modifier`` words of a longer name prefer an
    adjective reading ("Омском государственном университете") in the ``gender`` of the
    name's head noun, with which an adjective agrees ("Московского университета" is
    "Московский университет": "-ого" is masculine or neuter, the noun decides)."""
    parses = _parse(word)
    if not parses or not re.fullmatch(r"[А-Яа-яЁё]+", word):
        return word
    wanted = list(parses)
    if modifier:
        wanted = [p for p in wanted if p.tag.POS in ("ADJF", "PRTF")] or wanted
        if gender:
            wanted = [p for p in wanted if p.tag.gender == gender] or wanted
    else:
        wanted = [p for p in wanted if any(g in p.tag for g in _PREFERRED[kind])] or wanted
    wanted = [p for p in wanted if p.tag.case == case] or wanted
    wanted = [p for p in wanted if p.tag.number != "plur"] or wanted
    choice = wanted[0]
    if choice.tag.POS not in ("NOUN", "ADJF", "PRTF") or choice.tag.case in (None, "nomn"):
        return word
    try:
        inflected = choice.inflect({"Nom"})
    except (KeyError, ValueError, AttributeError):
        inflected = None
    if inflected is None:
        return word
    result = inflected.word
    return result[:1].upper() + result[1:] if word[:1].isupper() else result


def _cases(word: str) -> list[str]:
    seen: list[str] = []
    for parse in _parse(word):
        if parse.tag.case and parse.tag.case not in seen:
            seen.append(parse.tag.case)
    return seen


def _shared_case(words: list[str]) -> str | None:
    """The case every word of the name can be in: None (leave it) when that includes the
    nominative or nothing is shared."""
    known = [_cases(word) for word in words if _cases(word) not in ([], ["nomn"])]
    if len(words) == 1 and words[0][:1].isupper() and not any(
            p.tag.number != "plur" and p.tag.case != "nomn" for p in _parse(words[0])):
        return None  # a name with no singular oblique reading is already nominative
    if not known:
        return None
    shared = [case for case in known[0] if all(case in cases for cases in known[1:])]
    if not shared or shared[0] == "nomn":
        return None
    return shared[0]


def _gender(word: str, case: str) -> str | None:
    """The gender of a name's head noun read in ``case``, when its readings agree on one."""
    genders = {str(p.tag.gender) for p in _parse(word)
               if p.tag.POS == "NOUN" and p.tag.case == case and p.tag.gender}
    return genders.pop() if len(genders) == 1 else None


# A Russian surname in the masculine nominative: no case ending after -ев/-ов/-ин/-ын
# ("Токаев", "Лавров", "Путин"); every other case adds one ("Токаева", "Лаврову").
NOMINATIVE_SURNAME = re.compile(r"[А-ЯЁ][а-яё]+(?:ев|ёв|ов|ин|ын)")
# The same surname with the ending -а: the genitive/accusative of the masculine, or the
# feminine nominative ("Токаева", "Лаврова") — which one only the text can tell.
_AMBIGUOUS_SURNAME = re.compile(r"([А-ЯЁ][а-яё]+(?:ев|ёв|ов|ин|ын))а")


@lru_cache(maxsize=20_000)
def normalise(text: str, kind: str) -> str:
    """An entity in its dictionary form: each word in the nominative, read in the one case all
    its words share ("Омском государственном университете": locative, not instrumental). A
    person whose surname is already nominative ("Касым-Жомарт Токаев") is left as written:
    the dictionary does not know most surnames and reads "Токаев" as a plural genitive."""
    parts = re.split(r"(\s+|-)", text)
    if kind == "person" and any(NOMINATIVE_SURNAME.fullmatch(part) for part in parts):
        return text
    # in a hyphenated compound only the last part declines (Санкт-Петербурге, Касым-Жомарта)
    fixed = {i for i, p in enumerate(parts) if i + 1 < len(parts) and parts[i + 1] == "-"}
    words = [p for i, p in enumerate(parts) if re.fullmatch(r"[А-Яа-яЁё]+", p)
             and i not in fixed]
    if not words:
        return text
    if kind == "person" and len(words) > 1 and any(_cases(w) == ["nomn"] for w in words):
        return text  # "Анна Иванова": a given name read only as a nominative, so is the name
    case = _shared_case(words)
    if case is None:
        return text
    if kind == "organization" and len(words) > 2:
        return text  # titles of organisations keep their own wording
    out = []
    last = max(i for i, p in enumerate(parts) if p in words)
    gender = _gender(parts[last], case)
    for index, part in enumerate(parts):
        if part in words and index not in fixed and not (part.isupper() and len(part) > 1):
            modifier = kind != "person" and index < last
            out.append(_normal_word(part, kind, case, modifier, gender))
        else:
            out.append(part)
    return "".join(out)


def annotate(article: Article) -> Annotated:
    """The article's sentences, each with its tokens and entities."""
    from razdel import sentenize, tokenize

    text = article.text
    spans = _sentences(text, sentenize)
    tokenised = []
    for start, stop in spans:
        if stop - start > LONGEST_SENTENCE:
            # never drafted (kzru.curate.draft counts it as skipped): its tokens and the
            # tagger's pass over one chunk of all of them would cost memory by its square
            tokenised.append(())
            continue
        tokenised.append(tuple(
            Token(start + token.start, start + token.stop, token.text, *word_class(token.text))
            for token in tokenize(fold(text[start:stop]))))  # offsets hold: fold keeps length
    wanted = [index for index, tokens in enumerate(tokenised)
              if sum(bool(_LETTER.search(t.text)) for t in tokens) >= MIN_WORDS]
    found = _entities(text, [tokenised[index] for index in wanted])
    found = _as_named_in_text(found, {
        token.text for tokens in tokenised for token in tokens
        if NOMINATIVE_SURNAME.fullmatch(token.text)})
    entities: dict[int, tuple[Entity, ...]] = dict(zip(wanted, found))
    sentences = tuple(
        Sentence(index, start, stop, text[start:stop], tokenised[index],
                 entities.get(index, ()))
        for index, (start, stop) in enumerate(spans))
    return Annotated(article, sentences)


def _as_named_in_text(found: list[tuple[Entity, ...]], nominative: set[str]
                      ) -> list[tuple[Entity, ...]]:
    """A person's surname in -ева/-ова/-ина stays ambiguous after normalising (a man's
    genitive or a woman's nominative): when the text also names a "Токаев" in the
    nominative, "Токаева" is his genitive and becomes "Токаев"."""
    def fixed(entity: Entity) -> Entity:
        if entity.type != "person":
            return entity
        words = entity.normal.split(" ")
        match = _AMBIGUOUS_SURNAME.fullmatch(words[-1])
        if match is None or match.group(1) not in nominative:
            return entity
        return entity._replace(normal=" ".join([*words[:-1], match.group(1)]))

    return [tuple(fixed(entity) for entity in entities) for entities in found]


NER_CHUNK = 2000  # tokens the tagger sees at once: its memory stays bounded per chunk


def _entities(text: str, sentences: list[tuple[Token, ...]]) -> list[tuple[Entity, ...]]:
    """natasha's entities of each sentence, tagged on the sentences' own tokens (the tagger's
    encoder, network and decoder, without a second tokenisation), consecutive sentences
    joined into chunks of at most NER_CHUNK tokens (as fast as tagging the whole text, with
    memory bounded however long the article)."""
    from slovnet.bio import bio_spans

    infer = tools()[0].infer
    chunks: list[list[int]] = []  # sentence numbers per chunk
    size = 0
    for number, tokens in enumerate(sentences):
        if not chunks or size + len(tokens) > NER_CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append(number)
        size += len(tokens)
    words = [[token.text for number in chunk for token in sentences[number]]
             for chunk in chunks]
    infer.encoder.batch_size = 1
    found: list[tuple[Entity, ...]] = []
    for chunk, tagged in zip(chunks, infer.decoder(infer.process(infer.encoder(words)))):
        at = 0
        for number in chunk:
            tokens = sentences[number]
            inside = []
            for span in bio_spans(tokens, tagged[at:at + len(tokens)]):
                kind = ENTITY_TYPES.get(span.type)
                if kind:
                    said = text[span.start:span.stop]
                    inside.append(Entity(span.start, span.stop, kind, said,
                                         normalise(said, kind)))
            found.append(tuple(inside))
            at += len(tokens)
    return found


_BULLET = re.compile(r"[ \t\u00a0]*(?:[•·*]|[-–—](?=[ \t\u00a0]))[ \t\u00a0]*")


# A year's abbreviation ("2003 г.", "2019–2020 гг.") followed by a capitalised word: razdel
# keeps the two in one sentence, as the abbreviation may stand mid-sentence before a name
# ("в 2003 г. Россия и Казахстан подписали…").
_YEAR_END = re.compile(r"\d{4}\s?гг?\.(?=\s+[А-ЯЁ])")
_NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr")


def _year_ends(sentence: str) -> list[int]:
    """Where a sentence razdel kept whole ends after a year's abbreviation: the next word is
    capitalised and no proper name ("…проходят с 2003 г. Первая состоялась…"), so it opens
    a new sentence."""
    cuts = []
    for match in _YEAR_END.finditer(sentence):
        following = re.match(r"\s+([^\W\d_]+)", sentence[match.end():])
        parses = _parse(following.group(1)) if following else []
        if parses and not any(tag in parses[0].tag for tag in _NAME_TAGS):
            cuts.append(match.end())
    return cuts


def _split_at_year_ends(sentence: Any) -> list[tuple[int, str]]:
    """(start, text) of the pieces of a razdel sentence cut by _year_ends."""
    cuts = _year_ends(sentence.text) if "г." in sentence.text else []
    bounds = [0, *cuts, len(sentence.text)]
    return [(sentence.start + a, sentence.text[a:b]) for a, b in zip(bounds, bounds[1:])]


def _sentences(text: str, sentenize: Any) -> list[tuple[int, int]]:
    """Sentence spans; a line break always ends a sentence (headings, list items, datelines
    stand on lines of their own in news pages)."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group(0)
        for start, said in (piece for sentence in sentenize(body)
                            for piece in _split_at_year_ends(sentence)):
            # Only a list bullet (a mark followed by a space) is not part of the sentence: a
            # minus before a figure ("-2 млрд") is, and must stay in evidence and value.
            bullet = _BULLET.match(said)
            stripped = said[bullet.end() if bullet else 0:].strip(" \t\u00a0")
            if not stripped:
                continue
            offset = line.start() + start + said.index(stripped)
            spans.append((offset, offset + len(stripped)))
    return spans
