"""One cell's rules: what a column of kzru's schema accepts, and the value a cell holds.

Why apart from reading a table (validate.py): a cell is judged alone, by its column's type and
constraints and the characters it holds; a table is judged by its header, the shape of its
rows and the rules across a row's cells. The row loop in validate.py calls in here only for a
cell that is not plainly valid; codecs and loaders read numbers back with ``exact_number``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kzru.labels import Said
from kzru.paths import CSV_LIMIT
from kzru.text import CONTROL_CHARACTERS, INVISIBLE_CHARACTERS

# ASCII digits only (\d takes any script's digits, which no other tool reads as a number), and a
# number written one way only — no leading zero, no trailing zero after the point, no -0 — so
# every output (JSON, --format csv, export) says the same digits the file holds.
ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
NUMBER = r"(?!-0$)-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?"
MAX_DIGITS = 40
SHARED_MAX = 300
# A text cell starting with one of these runs as a formula when a spreadsheet opens the
# CSV (OWASP, "CSV Injection"); tab and carriage return are refused as control characters.
FORMULA_START = "=+-@"
# A source's url: an http(s) address with a host, nothing a reader could be made to run
# (javascript:, data:, file:) and no spaces.
WEB_ADDRESS = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)
HEADER_NAME = 40  # the most of a bad cell or column name a message echoes
MEMO_TRIAL = 2000  # rows after which a column whose values rarely repeat stops memoising
_ISO_DATE = re.compile(ISO_DATE)
_NUMBER = re.compile(NUMBER)
_CONTROL = re.compile(CONTROL_CHARACTERS)
_INVISIBLE = re.compile(INVISIBLE_CHARACTERS)
_UNSAFE = re.compile(f"{CONTROL_CHARACTERS}|{INVISIBLE_CHARACTERS}")


def _printable_invisible() -> str:
    """The invisible characters that str.isprintable() lets through (Hangul fillers, the
    combining grapheme joiner): every other one, and every control character, it refuses."""
    found = []
    for first, last in re.findall(r"(.)(?:-(.))?", INVISIBLE_CHARACTERS[1:-1], re.DOTALL):
        found += [chr(code) for code in range(ord(first), ord(last or first) + 1)
                  if chr(code).isprintable()]
    return "".join(found)


_PRINTABLE_INVISIBLE = _printable_invisible()


def is_clean(text: str) -> bool:
    """Whether ``text`` (a whole row) holds no control and no invisible character, in one
    pass in C for nearly every row: isprintable() refuses both kinds, and the spaces that
    it also refuses but articles use (no-break spaces) are set aside first. A row it
    refuses for another reason is searched with the exact pattern."""
    if text.replace("\xa0", " ").replace("\u202f", " ").isprintable():
        return not any(map(text.__contains__, _PRINTABLE_INVISIBLE))
    return _UNSAFE.search(text) is None


def exact_number(text: str) -> Any:
    """The number ``text`` holds, every digit kept: an int when whole, a float when its
    digits survive a float (15 significant digits or fewer), else a Decimal."""
    if "." not in text:
        return int(text)
    if len(text.lstrip("-0.").replace(".", "")) <= 15:
        return float(text)
    from decimal import Decimal  # only here: importing it costs start-up time

    return Decimal(text)


# A required cell left empty: said as a message only when reported (a table that validates
# never loads the messages)
REQUIRED = "is required but empty"


class ColumnRules:
    """One column's rules, read from the schema once (not once per cell), and a memo of the
    values already parsed: kinds, statuses, dates, ids referred to and sector lists repeat
    across rows, so each is parsed once and shared (one copy each keeps 100,000 facts within
    the memory budget). A column whose values rarely repeat stops memoising."""

    __slots__ = ("name", "kind", "required", "max_length", "enum", "enum_text", "pattern",
                 "pattern_text", "delimiter", "unique", "uri", "memo", "empty", "table", "kinds",
                 "free", "limit")

    def __init__(self, spec: dict[str, Any]) -> None:
        rules = spec.get("constraints", {})
        self.name: str = spec["name"]
        self.kind: str = spec["type"]
        self.required = bool(rules.get("required"))
        self.max_length: int | None = rules.get("maxLength")
        self.enum: frozenset[str] | None = frozenset(rules["enum"]) if "enum" in rules else None
        self.enum_text = ", ".join(rules.get("enum", ()))
        self.pattern_text: str | None = rules.get("pattern")
        self.pattern = re.compile(self.pattern_text) if self.pattern_text else None
        self.delimiter: str = spec.get("delimiter", "; ")
        self.unique = bool(rules.get("unique"))
        self.uri = spec.get("format") == "uri"
        self.memo: dict[str, Any] | None = None if self.unique else {}
        self.table = ""  # the table's name, set by the reader
        self.kinds: dict[str, Any] = {}  # "invalid", "duplicates" -> the kind, once needed
        # Free text (no set of values, no pattern, no address): a cell that is clean, not
        # padded, within its length and no formula is its own value (what parse returns),
        # told by the row loop without a call; any other goes through parse.
        self.free = self.kind == "string" and self.enum is None and self.pattern is None \
            and not self.uri
        self.limit = self.max_length if self.max_length is not None else CSV_LIMIT
        self.empty: tuple[Any, str | None] = (
            (None, REQUIRED) if self.required else
            ((), None) if self.kind == "list" else (None, None) if self.kind == "number" else
            ("", None))

    def problem_kind(self, which: str) -> Any:
        """The kind its problems are counted by ("facts.csv date: invalid cells"), made on the
        first problem: a table that validates never loads the messages."""
        if which not in self.kinds:
            self.kinds[which] = Said(f"data.kind.{which}", table=self.table, column=self.name)
        return self.kinds[which]

    def value(self, raw: str, clean: bool) -> tuple[Any, str | None]:
        """The cell's value and None, or what is wrong with it; ``clean`` says the row holds
        no control or invisible character (checked once for the whole row). A value found
        valid is remembered (the row loop looks it up before calling this)."""
        found = self.empty if raw == "" else self.parse(raw, clean)
        if self.memo is not None and found[1] is None and len(raw) <= SHARED_MAX:
            self.memo[raw] = found[0]
        return found

    def after_trial(self) -> None:
        """Stop memoising when most values were new (free text: a memo would hold them all)."""
        if self.memo is not None and len(self.memo) * 4 > MEMO_TRIAL * 3:
            self.memo = None

    def parse(self, raw: str, clean: bool) -> tuple[Any, Any]:
        """Turn one non-empty cell into its value, or return the reason it is invalid."""
        if raw != raw.strip():
            return None, Said("data.padded")
        if not clean:
            if _CONTROL.search(raw):
                return None, Said("data.control")
            invisible = _INVISIBLE.search(raw)
            if invisible:
                return None, Said("data.invisible", code=f"{ord(invisible.group()):04X}")
        if self.max_length is not None and len(raw) > self.max_length:
            return None, Said("data.too_long", length=len(raw), limit=self.max_length)
        kind = self.kind
        if kind == "date":
            if not _ISO_DATE.fullmatch(raw):
                return None, Said("data.not_iso_date", value=raw)
            try:
                return date.fromisoformat(raw), None
            except ValueError:
                return None, Said("data.no_such_date", value=raw)
        if kind == "number":
            # A rejected number keeps its text, so the value-and-unit rule adds no second error.
            if not _NUMBER.fullmatch(raw):
                return raw, Said("data.not_number", value=raw)
            digits = sum(char.isdigit() for char in raw)
            if digits > MAX_DIGITS:
                return raw, Said("data.digits", digits=digits, limit=MAX_DIGITS)
            return exact_number(raw), None
        items = raw.split(self.delimiter) if kind == "list" else [raw]
        for item in items:
            if item == "" or item != item.strip():
                return None, Said("data.padded_item", value=raw)
            if item[0] in FORMULA_START:
                return None, Said("data.formula", value=excerpt(item), first=item[0])
            if self.enum is not None and item not in self.enum:
                return None, Said("data.not_in_enum", value=item, allowed=self.enum_text)
            if self.pattern is not None and not self.pattern.fullmatch(item):
                return None, Said("data.pattern", value=item, pattern=self.pattern_text)
            if self.uri and not WEB_ADDRESS.fullmatch(item):
                return None, Said("data.not_web", value=excerpt(item))
        return (tuple(items) if kind == "list" else raw), None


def excerpt(text: str, length: int = HEADER_NAME) -> str:
    """At most ``length`` characters of ``text``: a message never echoes a whole bad cell."""
    return text if len(text) <= length else text[:length - 1] + "…"
