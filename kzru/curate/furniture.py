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
CHANNEL_WORDS = 7  # words of a clause that only names a channel


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
    """The sentences of the headline: the first line of text when it is the article's title,
    or reads as a headline (a short line of its own with no final full stop, not a
    dateline), and a report follows it. A headline is never drafted, whether or not the lead
    repeats it: it is the page's title, which the source row holds, and what it claims the
    report below says with its verb and its date (or a reviewer adds it by hand)."""
    from kzru.curate.read import first_line_title

    title = normalize(annotated.article.title or "").strip()
    text = annotated.article.text
    first = next((s for s in annotated.sentences if s.text.strip()), None)
    if first is None:
        return set()
    line = normalize(_line(text, first))
    if line.rstrip()[-1:] in ".!?…":
        return set()  # a headline is a line of its own with no final full stop
    if not (title and (line == title or title.startswith(line) and len(line) > 20)) and \
            normalize(first_line_title(text)).strip() != line:
        return set()
    stop = text.find("\n", first.start)
    stop = len(text) if stop < 0 else stop
    if not any(s.start >= stop for s in annotated.sentences):
        return set()  # nothing follows: the line is the text, not its headline
    return {s.index for s in annotated.sentences if s.start < stop}


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
