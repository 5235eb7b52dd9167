"""Errors meant for people: each carries the one-line message the CLI prints."""

from __future__ import annotations

from typing import Iterable


class KzruError(Exception):
    """A usage or data problem; the CLI prints its message and exits with code 2."""

    exit_code = 2


class DataError(KzruError):
    """A data folder failed validation; ``problems`` holds one line per problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} data {noun} found")


def one_line(text: str) -> str:
    """A message safe to print: control characters, line separators and undecodable bytes
    shown as escapes, so nothing read from a file or a path can drive the terminal or
    split the message over several lines."""
    import re

    from kzru.text import CONTROL_CHARACTERS

    unsafe = re.compile(f"{CONTROL_CHARACTERS}|[\u2028\u2029\ud800-\udfff]")
    return unsafe.sub(_escape, text)


def _escape(found: "re.Match[str]") -> str:  # noqa: F821
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def did_you_mean(word: str, choices: list[str]) -> str:
    """Return ' (did you mean X?)' for the closest choice, or '' when nothing is close."""
    from rapidfuzz import fuzz, process

    best = process.extractOne(word, choices, scorer=fuzz.WRatio, score_cutoff=60)
    return f" (did you mean {best[0]!r}?)" if best else ""


def choose(value: str, allowed: Iterable[str], what: str) -> str:
    """Return ``value`` if allowed, else raise a one-line error with a suggestion."""
    allowed = list(allowed)
    if value in allowed:
        return value
    message = f"unknown {what} {value!r}{did_you_mean(value, allowed)}"
    if len(allowed) <= 25:
        message += f"; choose from: {', '.join(allowed)}"
    raise KzruError(message)
