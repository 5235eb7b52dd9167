"""Whether an article is a text already added, whatever an editor did to its line ends.

A source's sha256 stays the hash of exactly the text kzru read (``kzru.files.article_text``),
so ``kzru check --sources`` can tell whether the copy beside the data is still that text. But
an editor that adds or drops the final newline, a blank last line, or spaces at the ends of
lines makes another hash of the same article, which ``add`` took for a second source that
corroborates the first. So "the same text" is compared on its trimmed form: spaces and tabs at
the end of each line and blank lines at the start and end left out. Rows added before this
rule keep their hashes: a stored row is matched by its sha256 against the new article's text
and its trimmed forms, and by the trimmed form of its copy beside the data when that is there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from kzru.errors import KzruError
from kzru.files import article_text, read_limited, text_sha256
from kzru.model import Source

_TRIMMED = "trimmed:"  # a key of the trimmed text, apart from the rows' own hashes


def trimmed(text: str) -> str:
    """The text without spaces and tabs at its lines' ends and without blank lines at its
    start and end: what saving in another editor may change, and nothing else."""
    return "\n".join(line.rstrip(" \t") for line in text.split("\n")).strip("\n")


def probes(text: str) -> list[str]:
    """The keys under which ``text`` meets a text already known: its own hash, the hashes
    of its trimmed form with and without a final newline (a stored row's sha256 of such a
    text), and the key of its trimmed form (another article's, or a stored copy's)."""
    short = trimmed(text)
    return [text_sha256(text), text_sha256(short), text_sha256(short + "\n"),
            _TRIMMED + text_sha256(short)]


def keys(text: str) -> list[str]:
    """The keys an article given in this run is known by, for a later one to meet."""
    return [text_sha256(text), _TRIMMED + text_sha256(trimmed(text))]


def known(sources: Iterable[Source], articles: Path, limit: int) -> dict[str, Source]:
    """Every stored source by its sha256, and by the trimmed form of its copy in
    ``articles`` where that copy can be read (never through a link, at most ``limit``
    bytes): a copy that is missing or unreadable leaves only the row's hash to match."""
    found: dict[str, Source] = {}
    readable = not articles.is_symlink()  # add refuses a linked folder; nothing read there
    for source in sources:
        if source.sha256:
            found.setdefault(source.sha256, source)
        if not readable:
            continue
        try:
            text = article_text(read_limited(articles / source.file, limit, follow=False))
        except (OSError, UnicodeDecodeError, KzruError):
            continue
        found.setdefault(_TRIMMED + text_sha256(trimmed(text)), source)
    return found
