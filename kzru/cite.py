"""References a journalist can paste and a reference manager can import.

A fact is cited by the article it comes from: publisher, headline (or a bracketed description
where the article has none), the article's date at the precision it is known to, the file of
the text, its address where known, and the evidence quoted verbatim. CSL-JSON is the format
Zotero, Mendeley and pandoc read; one item per fact, typed ``article-newspaper``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from kzru.model import Event, Fact, Source
from kzru.render import date_label


def published_label(source: Source) -> str:
    """The article's date at its precision, saying so when it is inferred, not printed."""
    label = date_label(source.published, source.published_precision)
    return label if source.published_basis == "stated" else f"{label} (date inferred)"


class Citation(NamedTuple):
    fact: Fact
    source: Source
    event: Event | None
    lang: str

    @property
    def publisher(self) -> str:
        return self.source.publisher or "[publisher not named]"

    @property
    def title(self) -> str:
        """The headline; where there is none, a description in brackets, as style guides ask."""
        if self.source.title:
            return self.source.title
        if self.event is not None:
            return f"[untitled report: {self.event.title(self.lang)}]"
        return f"[untitled article, {self.source.file}]"

    @property
    def date(self) -> str:
        return published_label(self.source)

    @property
    def fact_date(self) -> str:
        return date_label(self.fact.date, self.fact.date_precision)


def as_text(citation: Citation) -> str:
    source, fact = citation.source, citation.fact
    head = f"{citation.publisher}. {_quoted(citation.title)}. {citation.date}. " \
           f"File {source.file}."
    if source.url:
        head += f" {source.url}"
    return (f"{head}\n  {_quoted(fact.evidence)}\n"
            f"  (kzru fact {fact.id}: {fact.status}, {citation.fact_date})")


def as_markdown(citation: Citation) -> str:
    source, fact = citation.source, citation.fact
    title = f"[{_md(citation.title)}]({source.url})" if source.url else f"*{_md(citation.title)}*"
    return (f"- {_md(citation.publisher)}, {title}, {citation.date} (file `{source.file}`)\n"
            f"  > {_md(_quoted(fact.evidence))}\n"
            f"  — kzru fact `{fact.id}` ({fact.status}, {citation.fact_date})")


def as_csl(citation: Citation) -> dict[str, Any]:
    """One CSL-JSON item (the schema allows no other keys, so kzru's own go under custom)."""
    source, fact = citation.source, citation.fact
    parts = [source.published.year, source.published.month, source.published.day]
    size = {"year": 1, "month": 2}.get(source.published_precision, 3)
    item: dict[str, Any] = {
        "id": fact.id,
        "type": "article-newspaper",
        "title": citation.title,
        "issued": {"date-parts": [parts[:size]]},
        "language": "ru",
        "archive_location": source.file,
        "abstract": fact.summary,
        "note": f"Evidence (verbatim): «{fact.evidence}»",
        "custom": {"kzru_fact": fact.id, "kzru_source": source.id, "status": fact.status,
                   "fact_date": fact.date.isoformat(), "fact_date_precision": fact.date_precision,
                   "published_basis": source.published_basis},
    }
    if source.publisher:
        item["container-title"] = source.publisher
        item["publisher"] = source.publisher
    if source.published_basis != "stated":
        item["issued"]["circa"] = True
    if source.url:
        item["URL"] = source.url
    return item


def _quoted(text: str) -> str:
    return text if text.startswith("[") else f"«{text}»"


def _md(text: str) -> str:
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text
