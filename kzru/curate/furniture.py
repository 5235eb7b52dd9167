"""Page furniture: the lines around a news report that report nothing — the headline, a photo
caption or credit, "Читайте также", a line that only names where the report came from ("Об
этом сообщает ТАСС."). None of them is drafted: a headline repeats what the lead says (and
the lead says it with its verb and date), a caption describes a picture, and an attribution
line is the channel of the sentence before it, which kzru.curate.speakers still reads.

Rules of how news pages are laid out in general (kzru.report_cues), not of one site.
"""

from __future__ import annotations

import re

from kzru.curate.annotate import Annotated, Sentence
from kzru.curate.decide import normalize
from kzru.report_cues import (
    ATTRIBUTION_LINE,
    CHANNEL_NOUNS,
    CHANNEL_VERBS,
    CREDIT_STARTS,
    CREDIT_WITHIN,
    LINK_STARTS,
    NEWS_OUTLETS,
    PRESS_OFFICES,
)

_ATTRIBUTION = re.compile(ATTRIBUTION_LINE)
LEAD_SENTENCES = 3  # a headline is repeated, if at all, by one of the first body sentences
REPEATED = 0.6  # the share of its words a body sentence must repeat
STEM = 5
CHANNEL_WORDS = 7  # words of a clause that only names a channel
PREDICATES = ("VERB", "ADJS", "PRTS", "PRED")


def furniture(annotated: Annotated) -> set[int]:
    """The numbers of the sentences that are page furniture, not report: each sentence is
    judged by its own words, never by the line or paragraph it stands in."""
    found: set[int] = set(_headline(annotated))
    for sentence in annotated.sentences:
        said = normalize(sentence.text).strip()
        verbless = not any(t.pos in ("VERB", "PRTS") for t in sentence.tokens)
        if said.startswith(LINK_STARTS) or verbless and (
                said.startswith(CREDIT_STARTS) or any(word in said for word in CREDIT_WITHIN)) \
                or _ATTRIBUTION.fullmatch(said.rstrip(". ")):
            found.add(sentence.index)
    return found


def _line(text: str, sentence: Sentence) -> str:
    """The line of the text the sentence begins on, stripped."""
    start = text.rfind("\n", 0, sentence.start) + 1
    stop = text.find("\n", sentence.start)
    return text[start:len(text) if stop < 0 else stop].strip()


def _headline(annotated: Annotated) -> set[int]:
    """The sentences of the headline: the first line of text when it is the article's title
    (a line of its own, no final full stop) and a report follows it."""
    title = normalize(annotated.article.title or "").strip()
    if not title or len(annotated.sentences) < 3:
        return set()
    text = annotated.article.text
    first = next((s for s in annotated.sentences if s.text.strip()), None)
    if first is None:
        return set()
    line = normalize(_line(text, first))
    if line != title and not (title.startswith(line) and len(line) > 20) or \
            line.rstrip()[-1:] in ".!?…":
        return set()  # a headline is a line of its own with no final full stop
    stop = text.find("\n", first.start)
    stop = len(text) if stop < 0 else stop
    lines = [s for s in annotated.sentences if s.start < stop]
    body = [s for s in annotated.sentences if s.start >= stop][:LEAD_SENTENCES]
    said = _stems(" ".join(s.text for s in lines))
    claims = _stems(" ".join(t.text for s in lines for t in s.tokens if t.pos in PREDICATES))
    # a headline the lead repeats, its predicate too, says nothing of its own; one whose
    # claim ("X и Y довольны…") no sentence below repeats is kept for the reviewer
    if said and any(len(said & _stems(s.text)) >= REPEATED * len(said) and
                    claims <= _stems(s.text) and not re.search(r"(?<!\w)бы(?!\w)",
                                                                normalize(s.text))
                    for s in body):
        return {s.index for s in lines}
    return set()


def _stems(text: str) -> set[str]:
    """The beginnings of a text's longer words: enough to see one sentence repeat another
    across inflection ("Токаева" / "Токаев", "визитом" / "визит")."""
    return {word[:STEM] for word in re.findall(r"[^\W\d_]{4,}", normalize(text))}


def attribution_only(piece: Sentence) -> bool:
    """A clause that only names the channel of the rest of its sentence ("…, 3 июля сообщает
    РИА Новости"; "передаёт корреспондент агентства"): a few words around one verb of
    reporting and no other verb. Drafted on its own it would be a fact of nothing."""
    words = [t for t in piece.tokens if re.search(r"[^\W\d_]", t.text)]
    verbs = [t for t in words if t.pos in ("VERB", "GRND", "PRTS")]
    said = normalize(piece.text)
    return 0 < len(words) <= CHANNEL_WORDS and len(verbs) == 1 and \
        normalize(verbs[0].text).startswith(CHANNEL_VERBS) and (
            any(re.search(rf"(?<!\w){re.escape(name)}", said)
                for name in (*NEWS_OUTLETS, *PRESS_OFFICES, *CHANNEL_NOUNS)))
