"""Dates printed no more precisely than they are known: 2025, 2025-05 or 2025-11-12."""

from __future__ import annotations

from datetime import date


def at_precision(value: date | None, precision: str) -> str:
    """The ISO date cut to its precision (year, month or day)."""
    if value is None:
        return ""
    text = value.isoformat()
    return text[:4] if precision == "year" else text[:7] if precision == "month" else text


def span(start: date, end: date, precision: str) -> str:
    """A range at its precision, shortened where the years agree: 2024-11-27 – 11-28."""
    first, last = at_precision(start, precision), at_precision(end, precision)
    if first == last:
        return first
    return f"{first} – {last[5:] if first[:4] == last[:4] and len(last) > 4 else last}"
