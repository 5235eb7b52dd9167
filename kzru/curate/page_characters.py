"""What a saved page holds that its reader would change without a word.

trafilatura drops every character Python cannot print (controls, soft hyphens, zero-width and
direction marks, private-use characters) from the text and metadata it reads, and fails on a
control character written as a reference (``&#x7;``: "no article text found"). A text file
holding such a character is refused at its line and column; a page is held to the same rule.
Before the page is read, each such character (raw, or as a numeric or named reference) is
replaced by a marker, a letter the page does not hold; a marker that reaches what ``add``
takes (the text, the headline, the site name, the link) is refused at the page's line and
column. One elsewhere (a menu, a script) changes nothing kzru keeps.

trafilatura also title-cases a site name that does not start with a capital
(``=HYPERLINK("http://e")`` became ``=Hyperlink("Http://E")``): the name is taken, and said
in any message, as the page's metadata gives it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from kzru.curate.inputs import at
from kzru.errors import KzruError
from kzru.labels import Said
from kzru.text import INVISIBLE_CHARACTERS

_KEPT = "\t\n\r"
# a numeric reference, or a named one (without its ";" only where a parser reads it so: not
# before "=" or a letter, as in a link's "?a=1&shy=2")
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?"
                        r"|&([A-Za-z][A-Za-z0-9]*(?:;|(?![=A-Za-z0-9])))")
# Markers: CJK ideographs of Extension B, letters every parser keeps as they are.
_MARKERS = (0x20000, 0x2A6DF)


# Spaces Python will not print but every reader keeps (no-break, thin, ideographic; a tab):
# a line holding only these besides printable characters needs no closer look.
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def dropped(char: str) -> bool:
    """Whether the page reader drops ``char`` (or kzru's tables refuse it) unsaid."""
    if char in _KEPT:
        return False
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Co", "Cn", "Cs") or category in ("Mn", "Lo", "Zl", "Zp") \
        and re.fullmatch(INVISIBLE_CHARACTERS, char) is not None


@lru_cache(maxsize=1)
def _named() -> dict[str, str]:
    """The named references (``&shy;``, ``&lrm;``…) that stand for such a character."""
    from html.entities import html5

    return {name: value for name, value in html5.items() if len(value) == 1 and dropped(value)}


class Found(NamedTuple):
    offset: int  # in the decoded page
    char: str


class Marked(NamedTuple):
    html: str  # the page with each such character a marker
    found: dict[str, Found]  # marker -> the character it replaced, and where


def _referenced(match: re.Match[str]) -> str | None:
    """The character a reference stands for, as an HTML parser reads it, when dropped."""
    if match[3] is not None:
        return _named().get(match[3])
    code = int(match[1], 16) if match[1] else int(match[2])
    if 0x80 <= code <= 0x9F:  # read as windows-1252, as HTML says ("&#150;" is a dash)
        char = bytes([code]).decode("cp1252", "ignore") or chr(code)
    elif code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code == 0:
        return None  # a replacement character, which add already refuses
    else:
        char = chr(code)
    return char if dropped(char) else None


def mark(html: str) -> Marked:
    """``html`` with each character its reader would drop replaced by a marker of its own;
    the page as it is when there is none (the common case: one pass over its lines)."""
    spans: list[tuple[int, int, str]] = []  # start, stop, the character
    offset = 0
    for line in html.splitlines(keepends=True):
        if not _SPACES.sub(" ", line.rstrip("\r\n")).isprintable():
            spans.extend((offset + at, offset + at + 1, char)
                         for at, char in enumerate(line) if dropped(char))
        offset += len(line)
    if "&" in html:
        for match in _REFERENCE.finditer(html):
            char = _referenced(match)
            if char is not None:
                spans.append((match.start(), match.end(), char))
    if not spans:
        return Marked(html, {})
    present = {ord(char) for char in re.findall("[\U00020000-\U0002A6DF]", html)}
    free = (code for code in range(*_MARKERS) if code not in present)
    pieces: list[str] = []
    found: dict[str, Found] = {}
    last = 0
    markers = [chr(code) for code in free]
    for number, (start, stop, char) in enumerate(sorted(spans)):
        marker = markers[number % len(markers)]
        found.setdefault(marker, Found(start, char))
        pieces.append(html[last:start] + marker)
        last = stop
    pieces.append(html[last:])
    return Marked("".join(pieces), found)


_PARTS = ("text", "title", "publisher", "url")


def refuse_marked(path: Path, page: str, marked: Marked, taken: dict[str, str]) -> None:
    """Refuse the page when a marker reached a value ``add`` takes (``taken``: part ->
    value), at the page's line and column of the first such character."""
    if not marked.found:
        return
    for part in _PARTS:
        value = taken.get(part) or ""
        if part == "url":
            value = unquote(value)
        hits = [marked.found[char] for char in value if char in marked.found]
        if not hits:
            continue
        first = min(hits)
        raise KzruError(Said(
            "err.dropped_in_page", where=at(path, page, first.offset),
            part=Said(f"err.page_part.{part}"), code=f"U+{ord(first.char):04X}",
            name=unicodedata.name(first.char, "").lower() or _unnamed(first.char),
            count=len(set(hits))))


def _unnamed(char: str) -> str:
    category = unicodedata.category(char)
    return {"Cc": "control character", "Co": "private-use character",
            "Cn": "unassigned character"}.get(category, "format character")


_TAGS = re.compile(r"(<!--.*?-->|<[^>]*>)")  # what trafilatura strips from a meta value


def site_as_written(html: str, site: str) -> str:
    """The site name as the page's metadata gives it: trafilatura title-cases one that
    does not start with a capital and has no dot; that value is looked for among the page's
    meta values (a leading @ of a handle still dropped, as trafilatura drops it)."""
    if not site or "." in site or site != site.title():
        return site
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.LxmlError):
        return site
    for element in tree.iterfind(".//head/meta[@content]"):
        value = " ".join(_TAGS.sub("", element.get("content", "")).split()).lstrip("@")
        if value and value != site and value.title() == site and not value[0].isupper():
            return value
    return site
