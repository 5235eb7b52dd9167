"""Records as the store keeps them in JSON (the small tables, the alias table), turned back
into named tuples field by field; the facts, stored as columns, are fact_columns.py's.

Every value read back is checked against kzru's own schema (type, enum, required), so an
index can only ever yield records the loader itself could have made; anything else is
``Damaged`` and the index is rebuilt. Nothing here runs code or names a path.

Why two modules: the small tables are a few hundred records decoded from JSON in Python;
the facts are up to hundreds of thousands of rows checked by SQL as they are selected. Each
side changes for its own reasons (a record's JSON shape vs the columns and their checks).
"""

from __future__ import annotations

import json
import math
import operator
import re
import sqlite3
from collections.abc import Mapping
from datetime import date
from itertools import chain, repeat
from typing import Any, Iterator, NamedTuple

from kzru.files import parse_json
from kzru.model import Event, Fact, GlossaryEntry, Sector, Source

AliasTable = dict[tuple[str, ...], list[tuple[str, ...]]]

# The store's layout that building (build.py) and reading (index.py, search.py) share: field
# bits kept in each posting, how much a match in that field counts, and the small tables.
FIELDS = {"summary": 1, "text": 2, "evidence": 4, "names": 8, "tags": 16}
FIELD_WEIGHT = {1: 1.0, 2: 1.0, 4: 0.9, 8: 1.0, 16: 0.6}
FIELD_BITS = 5
TABLES = {"sources": Source, "events": Event, "sectors": Sector, "glossary": GlossaryEntry}


class Damaged(sqlite3.DatabaseError):
    """The index holds something kzru would never have written."""


def plain(record: Any) -> list[Any]:
    """A record's values as JSON: dates as ISO text, lists for tuples, numbers as text."""
    return [_plain(value) for value in record]


def _plain(value: Any) -> Any:
    """A field value as JSON: dates as ISO text, lists for tuples, a Decimal as its text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return value  # JSON keeps both exactly (Python reads back any int, floats by repr)
    return str(value)  # a Decimal: its exact text


def encode(record: Any) -> str:
    return json.dumps(plain(record), ensure_ascii=False)


def schema_fields(record_type: Any) -> list[tuple[str, str, frozenset[str] | None, bool]]:
    """(name, type, allowed values or None, required) of each field of ``record_type``."""
    return _Schema.fields(record_type)


class _Schema:
    """What each field of a record may hold, read from kzru's own schema when first needed."""

    _fields: dict[str, list[tuple[str, str, frozenset[str] | None, bool]]] | None = None
    NAMES = {Source: "sources", Event: "events", Fact: "facts", Sector: "sectors",
             GlossaryEntry: "glossary"}

    @classmethod
    def fields(cls, record_type: Any) -> list[tuple[str, str, frozenset[str] | None, bool]]:
        if cls._fields is None:
            from kzru.paths import load_schema

            cls._fields = {
                name: [(spec["name"], spec["type"],
                        frozenset(spec["constraints"]["enum"])
                        if "enum" in spec.get("constraints", {}) else None,
                        bool(spec.get("constraints", {}).get("required")))
                       for spec in resource["schema"]["fields"]]
                for name, resource in load_schema().items()}
        return cls._fields[cls.NAMES[record_type]]


# A number stored as text (a Decimal, an int past 64 bits): at most 40 digits a side.
NUMBER = r"-?[0-9]{1,40}(\.[0-9]{1,40})?"


def _value(raw: Any, kind: str, allowed: frozenset[str] | None, required: bool) -> Any:
    """One stored value back as the loader made it; Damaged when kzru could not have
    written it."""
    if kind == "list":
        if isinstance(raw, list) and all(isinstance(item, str) and item for item in raw):
            if allowed is None or all(item in allowed for item in raw):
                return tuple(raw)
    elif kind == "number":
        if raw is None or type(raw) is int or type(raw) is float and math.isfinite(raw):
            return raw
        if isinstance(raw, str) and re.fullmatch(NUMBER, raw):
            from kzru.cells import exact_number  # a long number: rare

            return exact_number(raw)
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
    plan = _plans.get(record_type) or _make_plan(record_type)
    if type(raw) is list and len(raw) == plan.size and plan.plain(raw):
        for index in plan.lists:
            raw[index] = tuple(raw[index])
        for index in plan.dates:
            raw[index] = date.fromisoformat(raw[index])
        return tuple.__new__(record_type, raw)
    return _checked(record_type, raw)


def _checked(record_type: Any, raw: Any) -> Any:
    """Field by field, each by ``_value``'s rule: Damaged names what is wrong."""
    checks = _checks.get(record_type) or _make_checks(record_type)
    if type(raw) is not list or len(raw) != len(checks):
        raise Damaged("a stored record has the wrong shape")
    return record_type(*[check(item) for check, item in zip(checks, raw)])


class _Plan(NamedTuple):
    """Where each kind of field sits in a record, for checking the common case (every value
    of the type and in the set kzru writes) in a few calls per record, not one per field."""

    size: int
    texts: Any  # itemgetter of the free-text fields
    required: Any  # itemgetter of the free-text fields that may not be empty
    enums: tuple[tuple[int, frozenset[str]], ...]  # required, from a set
    lists: tuple[int, ...]
    dates: tuple[int, ...]  # required
    numbers: tuple[int, ...]

    def plain(self, raw: list[Any]) -> bool:
        """True when every value is plainly what kzru writes; False sends the record to the
        field-by-field check (which accepts what this does not cover, or says what is
        wrong)."""
        texts = self.texts(raw)
        if type(texts) is not tuple:
            texts = (texts,)
        if set(map(type, texts)) != {str} or not all(self.required(raw)):
            return False
        for index, allowed in self.enums:
            value = raw[index]
            if type(value) is not str or value not in allowed:
                return False
        for index in self.lists:
            value = raw[index]
            if type(value) is not list:
                return False
            if value and (set(map(type, value)) != {str} or "" in value):
                return False
        for index in self.dates:
            value = raw[index]
            if type(value) is not str or len(value) != 10:
                return False
            try:
                date.fromisoformat(value)
            except ValueError:
                return False
        for index in self.numbers:
            value = raw[index]
            if not (value is None or type(value) is int
                    or type(value) is float and math.isfinite(value)):
                return False
        return True


_plans: dict[Any, _Plan] = {}


def _make_plan(record_type: Any) -> _Plan:
    from operator import itemgetter

    fields = list(enumerate(_Schema.fields(record_type)))
    texts = [i for i, (_, kind, allowed, _) in fields if kind == "string" and allowed is None]
    required = [i for i in texts if fields[i][1][3]]
    plan = _Plan(
        len(fields), itemgetter(*texts) if texts else (lambda raw: ()),
        itemgetter(*required) if len(required) > 1 else (
            (lambda raw: (raw[required[0]],)) if required else (lambda raw: ())),
        tuple((i, allowed) for i, (_, kind, allowed, needed) in fields
              if kind == "string" and allowed is not None and needed),
        tuple(i for i, (_, kind, allowed, _) in fields if kind == "list" and allowed is None),
        tuple(i for i, (_, kind, _, needed) in fields if kind == "date" and needed),
        tuple(i for i, (_, kind, _, _) in fields if kind == "number"))
    # A field of a kind the plan does not cover (an optional enum or date, a list from a
    # set) sends every record of the type to the field-by-field check.
    covered = {*texts, *(i for i, _ in plan.enums), *plan.lists, *plan.dates, *plan.numbers}
    if len(covered) != len(fields):
        plan = plan._replace(size=-1)
    _plans[record_type] = plan
    return plan


_checks: dict[Any, list[Any]] = {}


def _make_checks(record_type: Any) -> list[Any]:
    """One check per field, each the rule of ``_value`` for its kind, with the common case
    (text that is allowed) answered first: a command may decode tens of thousands of rows."""
    def check(kind: str, allowed: frozenset[str] | None, required: bool) -> Any:
        def slow(raw: Any) -> Any:
            return _value(raw, kind, allowed, required)

        if kind == "string" and allowed is None:
            def text(raw: Any) -> Any:
                return raw if type(raw) is str and (raw or not required) else slow(raw)
            return text
        if kind == "string":
            def chosen(raw: Any) -> Any:
                return raw if type(raw) is str and raw in allowed else slow(raw)
            return chosen
        if kind == "list" and allowed is None:
            def listed(raw: Any) -> Any:
                if type(raw) is not list:
                    return slow(raw)
                if raw:
                    try:
                        "".join(raw)  # every item text (JSON gives no other string type)
                    except TypeError:
                        return slow(raw)
                    if "" in raw:
                        return slow(raw)
                return tuple(raw)
            return listed
        if kind == "date":
            def day(raw: Any) -> Any:
                if type(raw) is str and len(raw) == 10:
                    try:
                        return date.fromisoformat(raw)
                    except ValueError:
                        pass
                return slow(raw)
            return day
        return slow

    found = [check(kind, allowed, required)
             for _, kind, allowed, required in _Schema.fields(record_type)]
    _checks[record_type] = found
    return found


def encode_aliases(table: AliasTable) -> str:
    """Names as space-joined words; the names of one glossary entry stored once, as a group
    that every key of the entry points to; the longest key's length, so a reader need not
    scan them all."""
    groups: dict[tuple[tuple[str, ...], ...], int] = {}
    keys = {" ".join(key): groups.setdefault(tuple(names), len(groups))
            for key, names in table.items()}
    return json.dumps({"groups": [[" ".join(name) for name in names] for names in groups],
                       "keys": keys, "longest": max(map(len, table), default=1)},
                      ensure_ascii=False)


class Aliases(Mapping[tuple[str, ...], list[tuple[str, ...]]]):
    """The alias table read back: one JSON object of keys, an entry's names decoded when a
    query first uses it (a search touches a handful of the thousand entries)."""

    def __init__(self, keys: dict[str, int], groups: list[list[str]], longest: int) -> None:
        self._keys = keys
        self._groups = groups
        self._decoded: dict[int, list[tuple[str, ...]]] = {}
        self.longest = longest

    def __getitem__(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        group = self._keys[" ".join(key)]
        if group not in self._decoded:
            self._decoded[group] = [tuple(name.split(" ")) for name in self._groups[group]]
        return list(self._decoded[group])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and " ".join(key) in self._keys

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return (tuple(key.split(" ")) for key in self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def decode_aliases(text: Any) -> Aliases:
    """Check the stored alias table's every part (all text, groups in range) and wrap it."""
    stored = parse_json(text) if isinstance(text, str) else None
    groups = stored.get("groups") if isinstance(stored, dict) else None
    keys = stored.get("keys") if isinstance(stored, dict) else None
    longest = stored.get("longest") if isinstance(stored, dict) else None
    # Checked by type sets and bounds, in C (this runs on every search), not item by item.
    if type(groups) is not list or type(keys) is not dict or type(longest) is not int \
            or not 1 <= longest <= 64 or set(map(type, groups)) - {list} \
            or set(map(type, chain.from_iterable(groups))) - {str} \
            or any(map(operator.contains, groups, repeat(""))):
        raise Damaged("the stored aliases have the wrong shape")
    size = len(groups)
    if "" in keys or keys and (set(map(type, keys.values())) != {int}
                               or min(keys.values()) < 0 or max(keys.values()) >= size):
        raise Damaged("a stored alias entry has the wrong shape")
    return Aliases(keys, groups, longest)
