"""Which of a sentence's times belong to which of its acts. A sentence that joins two acts
("Вчера министры встретились, а сегодня подписали …", "подписали меморандум и, возможно,
подпишут соглашение в мае") names a time for each: an act is dated by its own clause's
time, never by the other act's; a time before the first act's verb is the whole sentence's
frame ("В марте министры встретились и подписали …")."""

from __future__ import annotations

import re

from kzru.curate.annotate import Sentence
from kzru.curate.dates import Dated
from kzru.curate.decide import normalize
from kzru.report_cues import COORDINATORS, RELATIVE_WORDS, THAT_WORDS

# a word joining a second act to the first, before that act's finite verb
_JOIN = re.compile(r"(?:[,;]\s*|\s)(?:(?:" + "|".join(re.escape(c) for c in COORDINATORS) +
                   r")|и|а|но)(?=[\s,])")
_FINITE = ("VERB", "PRTS")


def acts(sentence: Sentence) -> list[tuple[int, int, str]]:
    """The sentence's acts as (start, stop, tense) in its text: cut at a joining word that
    stands between two finite verbs of the main clause (none inside a clause after "что" or a
    relative word, none inside quotation marks); one act when there is no such word."""
    text = normalize(sentence.text)
    verbs = []
    for token in sentence.tokens:
        at = token.start - sentence.start
        if token.pos not in _FINITE or token.pos == "VERB" and not token.tense:
            continue
        words = re.findall(r"\w+", text[:at])
        if any(w in THAT_WORDS or w.startswith(RELATIVE_WORDS) for w in words) or \
                text[:at].count("«") != text[:at].count("»"):
            break  # a reported or a relative clause, or a quotation: not cut further
        verbs.append((at, token.stop - sentence.start, token.tense or ""))
    cuts = []
    for (_, stop, _), (start, _, _) in zip(verbs, verbs[1:]):
        joins = list(_JOIN.finditer(text, stop, start))
        if joins:
            cuts.append(joins[-1].start())
    bounds = [0, *cuts, len(text)]
    tenses = [verbs[0][2] if verbs else ""] + [
        next((tense for at, _, tense in verbs if at >= cut), "") for cut in cuts]
    return [(a, b, tense) for (a, b), tense in zip(zip(bounds, bounds[1:]), tenses)]


def own_times(sentence: Sentence, dates: list[Dated], cue_at: int, tense: str) -> list[Dated]:
    """Of ``dates`` (found in the sentence's text), those of the act whose deciding word
    stands at ``cue_at``: its own clause's, when it names one; else every other, but a time
    of an act in another tense ("…, и, возможно, подпишут … в мае" beside a past signing),
    which is that act's alone."""
    parts = acts(sentence)
    if len(parts) < 2 or not dates:
        return dates
    mine = next(((a, b) for a, b, _ in parts if a <= cue_at < b), None)
    if mine is None:
        return dates
    own = [d for d in dates if mine[0] <= d.start < mine[1]]
    if own:
        return own
    return [d for d in dates if not any(
        a <= d.start < b and other and tense and other != tense for a, b, other in parts)]


def frame_times(whole: Sentence, dates: list[Dated]) -> list[Dated]:
    """Of ``dates`` (found in the whole sentence's text), those before its first act's
    verb: the frame every act of it shares ("В марте министры встретились и …")."""
    verb = next((t.start - whole.start for t in whole.tokens if t.pos in _FINITE), None)
    return [] if verb is None else [d for d in dates if d.start < verb]
