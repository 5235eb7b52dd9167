"""Whether a sentence is only about third countries: it names a country other than Kazakhstan
and Russia and nothing of either side — no side word ("России", "казахстанский", "РФ"), no
city of theirs, no person (whose side the text may tell elsewhere), no word for the pair
("стороны", "двух стран", "наши страны"), and no one's view (a verb of saying, "по словам").
Such a sentence ("Лидеры Турции и Азербайджана
обсудили транзит") is no fact of the table: kzru add leaves it undrafted and counts it in
its summary ("skipped: 1 (third countries only)"), so the reviewer sees it was read.

Deliberately narrow: a sentence that names a Kazakh or Russian party beside third countries
("Путин встретится с президентом Турции") is drafted, for the reviewer to judge.
"""

from __future__ import annotations

import re

from kzru.cues import ATTRIBUTION_PHRASES
from kzru.curate.annotate import Sentence
from kzru.curate.titles import side_of_word
from kzru.curate.verbs import saying
from kzru.curate.words import holds_word, normalize
from kzru.event_cues import COUNTRIES, PAIR_WORDS, THIRD_COUNTRIES

_SIDE_PLACES = tuple(stem for stems in COUNTRIES.values() for stem in stems)


def third_only(sentence: Sentence) -> bool:
    words = re.findall(r"[^\W\d_][\w-]*", sentence.text)
    third = any(word[:1].isupper() and normalize(word).startswith(THIRD_COUNTRIES)
                for word in words)
    if not third or any(side_of_word(word) for word in words):
        return False
    if any(e.type == "person" or e.type in ("place", "organization") and any(
            normalize(part).startswith(_SIDE_PLACES) for part in e.normal.split())
            for e in sentence.entities):
        return False
    text = normalize(sentence.text)
    # someone's view in the article ("как отмечает эксперт, перспективным становится транзит
    # через Афганистан") is part of its argument about the two sides, for the reviewer
    return not holds_word(text, PAIR_WORDS) and not holds_word(
        text, ATTRIBUTION_PHRASES) and not any(saying(t) for t in sentence.tokens)
