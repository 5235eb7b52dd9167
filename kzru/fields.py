"""Records as rows of named fields, and ``--fields``: which of them a command prints, in order.

Every listing builds full rows here, so a table, JSON and CSV of the same command can never
disagree about what a field holds; ``--fields`` only picks and orders keys.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping, Sequence

from kzru.errors import KzruError, did_you_mean
from kzru.labels import Said
from kzru.model import Event, Fact, Source
from kzru.render import FACT_KEYS

FACT_DEFAULT = FACT_KEYS
FACT_ALL = ("id", "date", "date_precision", "date_basis", "date_note", "event", "event_title",
            "kind", "sectors", "status", "speaker", "summary", "text", "evidence", "source",
            "source_publisher", "source_title", "source_file", "source_url", "value", "unit",
            "names", "part_of", "follows", "same_as", "sources_count", "reported_by")
EVENT_DEFAULT = ("id", "kind", "title", "start", "end", "date_precision", "date_basis", "host",
                 "guest", "places", "sources", "facts")
EVENT_ALL = ("id", "kind", "title", "title_en", "title_ru", "start", "end", "date_precision",
             "date_basis", "date_note", "host", "guest", "places", "sources", "facts")
SOURCE_DEFAULT = ("id", "file", "publisher", "title", "published", "published_precision",
                  "published_basis", "url", "facts")
SOURCE_ALL = ("id", "file", "publisher", "title", "published", "published_precision",
              "published_basis", "published_note", "url", "facts")
SECTOR_DEFAULT = ("id", "name", "name_ru", "facts", "signed", "agreed", "events", "first",
                  "first_precision", "last", "last_precision")
SECTOR_ALL = ("id", "name", "name_ru", "aliases", "facts", "signed", "agreed", "events",
              "first", "first_precision", "last", "last_precision")
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}

# How a table shows a field chosen with --fields: ids whole, numbers right, text wrapped.
IDS = {"id", "event", "source", "part_of", "follows", "sources", "sectors", "parts", "related",
       "facts_ids", "file", "source_file", "later", "see_also", "decided_by", "same_as"}
NUMBERS = {"facts", "signed", "agreed", "events", "score", "value", "reported_in"}
TEXT = {"summary", "text", "evidence", "title", "title_en", "title_ru", "event_title",
        "date_note", "published_note", "source_title", "explain", "names", "speaker", "aliases",
        "name", "name_ru", "places", "reason", "words", "read_as", "reported_by"}


def choose(spec: str | None, default: Sequence[str], available: Sequence[str],
           what: str) -> list[str]:
    """The keys to print: ``default`` without --fields, every key for ``all``, else the list
    given, in its order. An unknown name is a usage error listing what there is."""
    if not spec:
        return list(default)
    chosen: list[str] = []
    for name in (part.strip() for part in spec.split(",")):
        if not name:
            continue
        names = list(available) if name == "all" else [name]
        for one in names:
            if one not in available:
                raise KzruError(Said("err.unknown_field", value=one, what=what,
                                     hint=did_you_mean(one, list(available)),
                                     fields=", ".join(available)))
            if one not in chosen:
                chosen.append(one)
    if not chosen:
        raise KzruError(Said("err.no_fields", fields=", ".join(available)))
    return chosen


def reported_by(fact: Fact, lang: str) -> str:
    """How many sources report the fact and, beyond this one, which facts of theirs."""
    from kzru.labels import label

    if not fact.same_as:
        return label("note.reported_by_one", lang)
    return label("note.reported_by", lang, count=1 + len(fact.same_as),
                 ids=", ".join(fact.same_as))


def fact_record(fact: Fact, events: Mapping[str, Any], sources: Mapping[str, Any],
                lang: str) -> dict[str, Any]:
    """Every field of a fact, with its event's title and its source's publisher and file."""
    row = dict(fact._asdict())
    count = 1 + len(fact.same_as)  # same_as names facts of other sources (validated)
    row["sources_count"] = count
    row["reported_by"] = reported_by(fact, lang)
    event = events.get(fact.event)
    source = sources.get(fact.source)
    row["event_title"] = event.title(lang) if event else ""
    row["source_publisher"] = source.publisher if source else ""
    row["source_title"] = source.title if source else ""
    row["source_file"] = source.file if source else ""
    row["source_url"] = source.url if source else ""
    return row


def event_record(event: Event, lang: str, facts: int) -> dict[str, Any]:
    row = dict(event._asdict())
    row["title"] = event.title(lang)
    row["facts"] = facts
    return row


def source_record(source: Source, facts: int) -> dict[str, Any]:
    return {**source._asdict(), "facts": facts}


def first_and_last(facts: Sequence[Fact]) -> tuple[tuple[date | None, str], tuple[date | None,
                                                                                   str]]:
    """The earliest and latest date among ``facts``, each with the precision it is known to."""
    if not facts:
        return (None, ""), (None, "")
    first = min(facts, key=lambda f: (f.date, PRECISION_RANK.get(f.date_precision, 0)))
    last = max(facts, key=lambda f: (f.date, -PRECISION_RANK.get(f.date_precision, 0)))
    return (first.date, first.date_precision), (last.date, last.date_precision)


def columns_for(keys: Sequence[str]) -> list[Any]:
    """Table columns for keys chosen with --fields, in that order."""
    from kzru.table import Column

    columns = []
    for key in keys:
        if key in NUMBERS:
            columns.append(Column(key, key, justify="right"))
        elif key in IDS:
            columns.append(Column(key, key, stack=True, ids=True))
        elif key in TEXT:
            columns.append(Column(key, key, ratio=3, stack=True, highlight=True))
        else:
            columns.append(Column(key, key, no_wrap=True))
    return columns
