"""Curation: new articles become draft rows, and a reviewer turns drafts into facts.

The pipeline, one step per module, each a function over plain records (nothing here prints):
``read`` (text or saved web page → Article) → ``annotate`` (sentences, tokens, entities, dates,
cues, numbers, all with offsets into the text) → ``draft`` (one draft fact per sentence that
says something; ``decide`` holds what the cue table decides: status, kind, event word, with
``verbs`` (what a verb's tense, aspect and clause say) and ``words`` (a sentence's words as
the rules read them); ``figures`` reads numbers; ``carried`` dates a draft by the sentences
before it; ``ahead`` the times of events it names as to come; ``speakers`` and
``channels`` say who speaks, ``attributions`` which sentences an attribution reaches) →
``events`` (link to a known event or propose one; ``background``: the article's framing;
``visits``: one visit however it is named) → ``corroborate`` (propose same_as) →
``pipeline`` (write atomically through kzru.writer).
``review`` accepts, edits and rejects drafts. The language tools (razdel, natasha,
trafilatura) are an extra: ``pip install "kzru[curate]"``; only ``kzru add`` imports them.
"""

from __future__ import annotations

from kzru.errors import KzruError
from kzru.labels import Said

EXTRA = 'pip install "kzru[curate]"'
NEEDED = ("razdel", "natasha", "trafilatura", "htmldate")


def require() -> None:
    """Fail in one line naming what to install when the curation extra is missing."""
    import importlib.util

    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise KzruError(Said("err.missing_extra", missing=", ".join(missing), extra=EXTRA))
