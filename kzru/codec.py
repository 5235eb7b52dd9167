"""Records as the index stores them: JSON lists, turned back into named tuples field by field.

Every value read back is checked against kzru's own schema (type, enum, required), so an
index can only ever yield records the loader itself could have made; anything else is
``Damaged`` and the index is rebuilt. Nothing here runs code or names a path.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from typing import Any

from kzru.model import Event, Fact, GlossaryEntry, Sector, Source

AliasTable = dict[tuple[str, ...], list[tuple[str, ...]]]


class Damaged(sqlite3.DatabaseError):
    """The index holds something kzru would never have written."""


def plain(record: Any) -> list[Any]:
    """A record's values as JSON: dates as ISO text, lists for tuples, numbers as text."""
    return [_plain(value) for value in record]


def _plain(value: Any) -> Any:
    """A field value as JSON: dates as ISO text, lists for tuples, numbers as decimal text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if value is None or isinstance(value, str):
        return value
    return str(value)  # a Decimal: its exact text


def encode(record: Any) -> str:
    return json.dumps(plain(record), ensure_ascii=False)


class _Schema:
    """What each field of a record may hold, read from kzru's own schema when first needed."""

    _fields: dict[str, list[tuple[str, str, frozenset[str] | None, bool]]] | None = None
    NAMES = {Source: "sources", Event: "events", Fact: "facts", Sector: "sectors",
             GlossaryEntry: "glossary"}

    @classmethod
    def fields(cls, record_type: Any) -> list[tuple[str, str, frozenset[str] | None, bool]]:
        if cls._fields is None:
            from kzru.store import load_schema

            cls._fields = {
                name: [(spec["name"], spec["type"],
                        frozenset(spec["constraints"]["enum"])
                        if "enum" in spec.get("constraints", {}) else None,
                        bool(spec.get("constraints", {}).get("required")))
                       for spec in resource["schema"]["fields"]]
                for name, resource in load_schema().items()}
        return cls._fields[cls.NAMES[record_type]]


_NUMBER = re.compile(r"-?\d{1,40}(\.\d{1,40})?")


def _value(raw: Any, kind: str, allowed: frozenset[str] | None, required: bool) -> Any:
    """One stored value back as the loader made it; Damaged when kzru could not have
    written it."""
    if kind == "list":
        if isinstance(raw, list) and all(isinstance(item, str) and item for item in raw):
            if allowed is None or all(item in allowed for item in raw):
                return tuple(raw)
    elif kind == "number":
        if raw is None:
            return None
        if isinstance(raw, str) and _NUMBER.fullmatch(raw):
            from decimal import Decimal

            return Decimal(raw)
    elif isinstance(raw, str):
        if raw == "":
            if not required:
                return ""
        elif kind == "date":
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        elif allowed is None or raw in allowed:
            return raw
    raise Damaged(f"a stored {kind} value is not what kzru writes")


def decode_record(record_type: Any, raw: Any) -> Any:
    """Rebuild one named tuple from its stored JSON list, checking every field."""
    fields = _Schema.fields(record_type)
    if not isinstance(raw, list) or len(raw) != len(fields):
        raise Damaged("a stored record has the wrong shape")
    return record_type(*(_value(item, kind, allowed, required)
                         for item, (_, kind, allowed, required) in zip(raw, fields)))


def encode_aliases(table: AliasTable) -> str:
    """Keys sharing the same names (every name of one glossary entry) store them once."""
    groups: dict[tuple[tuple[str, ...], ...], int] = {}
    keys = [[list(key), groups.setdefault(tuple(names), len(groups))]
            for key, names in table.items()]
    return json.dumps({"groups": [[list(name) for name in names] for names in groups],
                       "keys": keys}, ensure_ascii=False)


def decode_aliases(text: Any) -> AliasTable:
    """The alias table back from its stored groups, every word checked."""
    def words_of(value: Any) -> tuple[str, ...]:
        if type(value) is list and value and all(type(word) is str for word in value):
            return tuple(value)
        raise Damaged("a stored alias is not a list of words")

    stored = json.loads(text) if isinstance(text, str) else None
    if not isinstance(stored, dict) or not isinstance(stored.get("groups"), list) \
            or not isinstance(stored.get("keys"), list):
        raise Damaged("the stored aliases have the wrong shape")
    groups = []
    for names in stored["groups"]:
        if type(names) is not list:
            raise Damaged("a stored alias group is not a list")
        groups.append([words_of(name) for name in names])
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for pair in stored["keys"]:
        if not (type(pair) is list and len(pair) == 2 and type(pair[1]) is int
                and 0 <= pair[1] < len(groups)):
            raise Damaged("a stored alias entry has the wrong shape")
        table[words_of(pair[0])] = list(groups[pair[1]])
    return table
