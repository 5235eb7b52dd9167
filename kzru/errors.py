"""Errors meant for people: each carries the one-line message the CLI prints."""

from __future__ import annotations


class KzruError(Exception):
    """A usage or data problem; the CLI prints its message and exits with code 2."""

    exit_code = 2


class DataError(KzruError):
    """A data folder failed validation; ``problems`` holds one line per problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} data {noun} found")


def did_you_mean(word: str, choices: list[str]) -> str:
    """Return ' (did you mean X?)' for the closest choice, or '' when nothing is close."""
    from rapidfuzz import fuzz, process

    best = process.extractOne(word, choices, scorer=fuzz.WRatio, score_cutoff=60)
    return f" (did you mean {best[0]!r}?)" if best else ""
