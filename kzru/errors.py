"""Errors meant for people: each carries the one-line message the CLI prints."""

from __future__ import annotations

from typing import Callable, Iterable

# How many problems of one kind a report lists before it says how many more there are.
PER_KIND = 20


class KzruError(Exception):
    """A usage or data problem; the CLI prints its message and exits with code 2.

    The message is a ``labels.Said`` (a message of kzru/messages.py): it reads as English,
    and the CLI says it in the reader's language (``labels.say``)."""

    exit_code = 2


class DataError(KzruError):
    """A data folder failed validation; ``problems`` holds the lines to print, ``total`` the
    number of problems found (more than the lines when a report was capped)."""

    def __init__(self, problems: list[str], total: int | None = None) -> None:
        self.problems = problems
        self.total = len(problems) if total is None else total
        from kzru.labels import Said

        key = "err.data_problems_one" if self.total == 1 else "err.data_problems"
        super().__init__(Said(key, count=self.total))


class Problems:
    """Every problem found in a data folder, each of a kind (a rule broken in a column):
    the first PER_KIND of each kind are kept as lines, the rest only counted, so a table
    with every reference broken is reported in a screenful, in time linear in its size.
    ``keep_all`` (kzru check --all-problems) keeps every line."""

    def __init__(self, keep_all: bool = False) -> None:
        self.keep_all = keep_all
        self.lines: list[str] = []
        self.kinds: list[str | None] = []  # the kind of each kept line
        self.counts: dict[str, int] = {}
        self.last: dict[str, int] = {}  # kind -> index of its last kept line
        self.total = 0

    def append(self, message: "str | Callable[[], str]", kind: str | None = None) -> None:
        """Record a problem; ``message`` may be a function, called only when the line is
        kept. A problem without a kind (one per file at most) is always kept."""
        self.total += 1
        if kind is not None:
            seen = self.counts[kind] = self.counts.get(kind, 0) + 1
            if seen > PER_KIND and not self.keep_all:
                return
            self.last[kind] = len(self.lines)
        self.lines.append(message() if callable(message) else message)
        self.kinds.append(kind)

    def extend(self, other: "Problems") -> None:
        """Add the problems ``other`` recorded (as if appended here in their order): a file
        read early for another reason still reports in its place."""
        kept: dict[str, int] = {}
        for line, kind in zip(other.lines, other.kinds):
            if kind is not None:
                kept[kind] = kept.get(kind, 0) + 1
            self.append(line, kind)
        for kind, count in other.counts.items():
            unkept = count - kept.get(kind, 0)
            if unkept:
                self.counts[kind] = self.counts.get(kind, 0) + unkept
                self.total += unkept

    def counted(self, kind: str) -> bool:
        """Count a problem of ``kind`` when a report would not show its line, and say so:
        a caller in a loop over 100,000 rows then need not word it at all."""
        if self.keep_all:
            return False
        seen = self.counts.get(kind, 0)
        if seen < PER_KIND:
            return False
        self.counts[kind] = seen + 1
        self.total += 1
        return True

    def seen(self, kind: str) -> int:
        """How many problems of ``kind`` were recorded so far."""
        return self.counts.get(kind, 0)

    def __bool__(self) -> bool:
        return self.total > 0

    def __len__(self) -> int:
        return self.total

    def __iter__(self):  # noqa: ANN204 - an iterator of the report's lines
        return iter(self.report())

    def report(self) -> list[str]:
        """The kept lines, each capped kind followed by how many more of it there are."""
        from kzru.labels import Said

        after: dict[int, str] = {}
        for kind, count in self.counts.items():
            if count > PER_KIND and not self.keep_all:
                after[self.last[kind]] = Said("err.more_of_kind", count=count - PER_KIND,
                                              kind=kind)
        lines: list[str] = []
        for position, line in enumerate(self.lines):
            lines.append(line)
            if position in after:
                lines.append(after[position])
        return lines

    def error(self) -> DataError:
        return DataError(self.report(), self.total)


def one_line(text: str) -> str:
    """A message safe to print: control characters, line separators and undecodable bytes
    shown as escapes, so nothing read from a file or a path can drive the terminal or
    split the message over several lines."""
    import re

    from kzru.text import UNSHOWABLE

    return re.sub(UNSHOWABLE, _escape, text)


def tell(message: object) -> None:
    """One line on stderr in the reader's language, escaped (stdout stays the answer); a
    closed stderr only loses the line."""
    import sys

    from kzru.labels import READER, say

    try:
        sys.stderr.write(f"kzru: {one_line(say(message, READER.lang))}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _escape(found: "re.Match[str]") -> str:  # noqa: F821
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


# How alike (0-100, rapidfuzz's normalised edit distance) a suggestion must be: a typo or
# two in a word or an id, never an unrelated id that merely shares a few letters.
CLOSE = 75


def did_you_mean(word: str, choices: list[str]) -> str:
    """Return ' (did you mean X?)' (a Said) for the closest choice, or '' when nothing is close.

    Whole strings are compared (no partial matching, which made any short word "close" to
    some long id), in any case."""
    from rapidfuzz import fuzz, process, utils

    best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=CLOSE,
                              processor=utils.default_process)
    if not best:
        return ""
    from kzru.labels import Said

    return Said("err.did_you_mean", choice=best[0])


def choose(value: str, allowed: Iterable[str], what: str,
           shown: "dict[str, object] | None" = None) -> str:
    """Return the allowed value ``value`` names, else raise a one-line error with a suggestion.

    A value is named by itself, or (any case, ё or е, spaces or hyphens) by the word a table
    shows it as in either language (``подписано`` for signed, labels.choice_words), or by a
    word form of that word naming no other value. ``shown``: each value as its error lists
    it (a labels.Pair for a word of the data, such as a sector's Russian name)."""
    allowed = list(allowed)
    if value in allowed:
        return value
    from kzru.labels import Joined, Pair, Said, choice_words, word

    spoken = choice_words(what, allowed)  # value -> its words, the Russian one first
    found = _named(value, allowed, spoken)
    if found is not None:
        return found
    said = [word for words in spoken.values() for word in words]
    hint: object = did_you_mean(value, list(dict.fromkeys([*allowed, *said])))
    if len(allowed) <= 25:
        listed = shown or {choice: Pair(choice, words[0]) for choice, words in spoken.items()
                           if words}
        hint = Joined([hint, Said("err.choose_from",
                                  choices=Joined([listed.get(c, c) for c in allowed]))], "")
    raise KzruError(Said("err.unknown", what=word("err.noun", what), value=value, hint=hint))


def _named(value: str, allowed: list[str], spoken: "dict[str, list[str]]") -> str | None:
    """The one allowed value ``value`` names by a word of its own (see ``choose``), or None."""
    import re

    from kzru.text import stem, words

    def key(text: object) -> str:
        return " ".join(words(re.sub(r"[-_]", " ", str(text))))

    def stems(text: object) -> tuple[str, ...]:
        return tuple(stem(part) for part in key(text).split())

    names = {choice: [choice, *spoken.get(choice, ())] for choice in allowed}
    wanted = key(value)
    for test, typed in ((key, wanted), (stems, stems(value))):
        if not typed:
            return None
        found = [choice for choice, said in names.items() if any(test(s) == typed for s in said)]
        if len(found) == 1:
            return found[0]
    return None
