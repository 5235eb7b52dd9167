"""Facts as the store keeps them: typed columns, read back with SQL that checks each row.

A fact is stored as typed columns, not as a JSON record: a command reads thousands of facts
with plain SELECTs and no per-record decode. The filter columns (filters x) hold what SQL
filters by; the text the filters do not need is in ``facts f``. A list is its items joined
by LIST_JOIN (validated data holds no control character; sectors are '|a|b|' in filters).
Every value read is still held to what kzru writes: SQLite checks each row against the
schema's rules (fact_sql's last column), so a tampered store is found where it is read and
rebuilt, as it was when records were checked one by one in Python. The small tables and the
alias table are JSON (codec.py).
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, Iterable

from kzru.codec import NUMBER, Damaged, schema_fields
from kzru.model import Fact

LIST_JOIN = "\x1f"
_FACT_COLUMNS = {
    "id": "x.id", "kind": "x.kind", "event": "x.event", "date": "x.date",
    "date_precision": "x.precision", "date_basis": "x.basis", "date_note": "f.date_note",
    "sectors": "x.sectors", "status": "x.status", "speaker": "x.speaker",
    "summary": "f.summary", "text": "f.text", "evidence": "f.evidence", "source": "x.source",
    "value": "f.value", "unit": "f.unit", "names": "f.names", "part_of": "x.part_of",
    "follows": "f.follows", "same_as": "f.same_as", "review": "x.review"}
PRECISIONS = ("day", "month", "year")  # a date's precision as stored: its index here
_MAX_ORDINAL = date.max.toordinal()


def stored_number(value: Any) -> Any:
    """A fact's value as its column holds it: an int SQLite keeps exactly, a float, or the
    exact text of a Decimal or of an int past 64 bits."""
    if value is None or type(value) is float or \
            type(value) is int and -(1 << 63) <= value < (1 << 63):
        return value
    return str(value)


def stored_list(items: tuple[str, ...]) -> str:
    return LIST_JOIN.join(items)


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _fact_check(name: str, kind: str, allowed: frozenset[str] | None, required: bool) -> str:
    """The SQL that is true when the column holds what kzru writes for this field."""
    column = _FACT_COLUMNS[name]
    if name == "date_precision":
        return f"typeof({column}) = 'integer' AND {column} IN (0, 1, 2)"
    if kind == "date":
        return f"typeof({column}) = 'integer' AND {column} BETWEEN 1 AND {_MAX_ORDINAL}"
    if kind == "number":  # a text value is checked by number() when read
        return f"typeof({column}) IN ('null', 'integer', 'real', 'text')"
    text = f"typeof({column}) = 'text'"
    if name == "sectors":  # '|a|b|', '||' for none
        return (f"{text} AND length({column}) >= 2 AND substr({column}, 1, 1) = '|' AND "
                f"substr({column}, -1) = '|' AND ({column} = '||' OR instr({column}, '||') = 0)")
    if kind == "list":
        join = f"char({ord(LIST_JOIN)})"
        check = (f"{text} AND ({column} = '' OR (substr({column}, 1, 1) != {join} AND "
                 f"substr({column}, -1) != {join} AND instr({column}, {join} || {join}) = 0))")
        if allowed is not None:
            raise ValueError(f"a list from a set ({name}) is not stored as a column")
        return check
    if allowed is not None:
        values = ", ".join(map(_sql_text, sorted(allowed)))
        empty = "" if required else f" OR {column} = ''"
        return f"{text} AND ({column} IN ({values}){empty})"
    return f"{text} AND {column} != ''" if required else text


_fact_sql: list[str] = []


def fact_sql() -> str:
    """The SELECT list of a fact read from ``filters x JOIN facts f``: its fields in order,
    its CSV line, and whether every value is what kzru writes (worked out from the schema
    once a run)."""
    if not _fact_sql:
        fields = schema_fields(Fact)
        if [name for name, *_ in fields] != list(Fact._fields):
            raise ValueError("the facts schema and the Fact record differ")
        checks = " AND ".join(f"({_fact_check(*field)})" for field in fields)
        _fact_sql.append(", ".join([*(_FACT_COLUMNS[name] for name in Fact._fields), "x.line",
                                    f"({checks} AND typeof(x.line) = 'integer')"]))
    return _fact_sql[0]


def fact_rows(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Fact, int]]:
    """Facts (and their lines) from rows selected by ``fact_sql``; Damaged at the first row
    SQLite found not to be what kzru writes."""
    found = []
    sectors: dict[str, tuple[str, ...]] = {}
    new, fact_type, from_ordinal, precisions = tuple.__new__, Fact, date.fromordinal, PRECISIONS
    for (fact_id, kind, event, day, precision, basis, note, listed, status, speaker, summary,
         text, evidence, source, value, unit, names, part_of, follows, same_as, review, line,
         sound) in rows:
        if sound != 1:
            raise Damaged("a stored fact is not what kzru writes")
        held = sectors.get(listed)
        if held is None:
            held = sectors[listed] = tuple(listed[1:-1].split("|")) if listed != "||" else ()
        if type(value) is not int and value is not None:
            value = _number(value)
        found.append((new(fact_type, (
            fact_id, kind, event, from_ordinal(day), precisions[precision], basis, note, held,
            status, speaker, summary, text, evidence, source, value, unit,
            tuple(names.split(LIST_JOIN)) if names else (),
            part_of, tuple(follows.split(LIST_JOIN)) if follows else (),
            tuple(same_as.split(LIST_JOIN)) if same_as else (), review)), line))
    return found


def _number(value: Any) -> Any:
    """A stored value that is not a plain int: a finite float, or the exact text of a number."""
    if type(value) is float and math.isfinite(value):
        return value
    if type(value) is str and re.fullmatch(NUMBER, value):
        from kzru.cells import exact_number  # a long number: rare

        return exact_number(value)
    raise Damaged("a stored number is not what kzru writes")
