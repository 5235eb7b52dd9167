"""What a reviewer sees of one draft: its sentence with the ones before and after it in the
article, and the notes kzru add kept on what decided it (a label, said in the reader's
language, when it still reads back as the table's English).

Apart from the Session (kzru.curate.review), which changes the tables: this only reads the
article and the notes.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from kzru import store
from kzru.curate.scratch import ARTICLES
from kzru.model import Dataset, Fact


class Context(NamedTuple):
    """What a reviewer sees of one draft."""

    fact: Fact
    before: str
    sentence: str
    after: str
    cue: str
    status_from: object  # a labels.Said when kzru add kept it so, else its English as written
    kind_word: str
    entity: str
    date_note: object = None  # the drafter's date note as a Said (None: none kept)


def context_of(folder: Path, data: Dataset, notes: dict, fact_id: str,
               article_text: str | None = None) -> Context:
    """The draft's sentence with the ones before and after, and what decided it."""
    fact = data.facts[fact_id]
    note = notes["drafts"].get(fact_id, {})
    text = article_text if article_text is not None else _article(folder, data, fact.source)
    span = note.get("sentence")
    before = after = ""
    sentence = fact.text
    if text and isinstance(span, list) and len(span) == 2 and \
            0 <= span[0] <= span[1] <= len(text):
        start, stop = span
        sentence = text[start:stop]
        head = text[:start].rstrip()
        before = _last_sentence(head)
        after = _first_sentence(text[stop:].lstrip())
    said = note.get("said") if isinstance(note.get("said"), dict) else {}
    status_from = str(note.get("status_from", ""))
    return Context(fact, before, sentence, after, str(note.get("cue", "")),
                   _kept(said.get("status_from"), status_from),
                   str(note.get("kind_word", "")), str(note.get("entity", "")),
                   _kept(said.get("date_note"), fact.date_note, None))


def _article(folder: Path, data: Dataset, source_id: str) -> str:
    source = data.sources.get(source_id)
    if source is None:
        return ""
    try:
        return store.read_limited(folder / ARTICLES / source.file,
                                  store.ARTICLE_LIMIT).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _last_sentence(text: str) -> str:
    """The sentence that ends ``text`` (at most 300 characters of it)."""
    cut = max(text.rfind(mark) for mark in (". ", "\n", "! ", "? "))
    return text[cut + 1:].strip()[-300:] if cut >= 0 else text[-300:]


def _first_sentence(text: str) -> str:
    cut = min([i for i in (text.find(". "), text.find("\n")) if i >= 0] or [len(text)])
    return text[:cut + 1][:300].strip()


def _kept(data: object, english: str, otherwise: object = "") -> object:
    """A note kept as a label's key and fields (labels.as_data), when it reads back as the
    English written beside it; else ``english`` itself (an older or edited note), or
    ``otherwise`` when there is none kept."""
    from kzru.labels import Said, from_data

    said = from_data(data) if data is not None else None
    if isinstance(said, Said) and said == english:
        return said
    return english if otherwise == "" else otherwise
