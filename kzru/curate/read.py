"""Read one article: plain text (UTF-8, byte order mark accepted) or a saved web page.

A web page's main text and metadata (headline, site, publication date, canonical URL) come
from trafilatura, its date from htmldate; a plain text's from its first lines (a headline, a
dateline, "сообщает «…»"). Options given by the user win over anything found. The text kzru
read is what the evidence is cut from, what is hashed, and what is saved beside the data.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

from kzru.curate import page_characters
from kzru.curate.datelines import DATELINE_REACH, dateline, settle_page_date, with_dateline_day
from kzru.curate.dates import Published
from kzru.curate.inputs import OPTIONS, at
from kzru.curate.page_encoding import decode_page
from kzru.errors import KzruError
from kzru.files import article_text, read_limited, text_sha256
from kzru.labels import Said
from kzru.validate import WEB_ADDRESS

# kzru add drafts at most 2 MiB of an article (a long news article is under 100 KB): the
# language tools hold about 100 MB per MiB, so a bigger file is refused before it is read.
ARTICLE_LIMIT = 2 << 20
SUFFIXES = (".txt", ".html", ".htm")


# How a source's value was found (Article.origins): given as an option ("option"), on a line
# of a text file (where is FILE:LINE:COL: "headline_line", "publisher_line", "dateline"), in a
# page's metadata (where is the page: "page_headline", "page_site", "page_link", "page_date",
# "text_publisher"), or the file's own name ("file_name"); kzru/curate/inputs.py says each.


class Overrides(NamedTuple):
    """What the user says about the article (--publisher, --title, --url, --published)."""

    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD


class Article(NamedTuple):
    path: str
    name: str  # the file name the source row gets (always .txt: the text kzru read)
    text: str
    sha256: str
    title: str
    publisher: str
    url: str
    published: date | None
    precision: str
    basis: str
    note: str
    url_note: str = ""
    mode: int = 0o644  # the file's permission bits: its copy never gets more
    # Where each value of the source row came from, for a problem to name it rather than a
    # row of sources.csv that was never written: field -> (how, where), how as listed above.
    origins: dict[str, tuple[str, str]] | None = None
    warnings: tuple = ()  # what add says on stderr about how the article was read

    @property
    def date(self) -> Published | None:
        return Published(self.published, self.precision) if self.published else None


def article_files(paths: list[Path], links: list[Path] | None = None) -> list[Path]:
    """The articles among ``paths``: files as given, folders' .txt/.html files by name.
    A folder's symbolic links are not articles (one from someone else's folder could pull
    any file the user can read, a private key, into the data that gets shared): they go to
    ``links``, for the caller to say. A link given by name is refused."""
    found: list[Path] = []
    for path in paths:
        if path.is_symlink() and not path.is_dir():
            raise KzruError(Said("err.article_is_link", path=path))
        if path.is_dir():
            for entry in sorted(path.iterdir()):
                if entry.suffix.lower() not in SUFFIXES:
                    continue
                if entry.is_symlink():
                    if links is not None:
                        links.append(entry)
                elif entry.is_file():
                    found.append(entry)
        elif path.exists():
            if path.suffix.lower() not in SUFFIXES:
                raise KzruError(Said("err.not_article", path=path))
            found.append(path)
        else:
            raise KzruError(Said("err.no_such_path", path=path))
    return found


def digest(text: str) -> str:
    """The text's SHA-256, as ``kzru check --sources`` computes it (kzru.files)."""
    return text_sha256(text)


def parse_published(value: str) -> tuple[date, str]:
    """--published: YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year)."""
    for pattern, precision in ((r"(\d{4})-(\d{2})-(\d{2})", "day"), (r"(\d{4})-(\d{2})", "month"),
                               (r"(\d{4})", "year")):
        match = re.fullmatch(pattern, value.strip())
        if match:
            parts = [int(part) for part in match.groups()] + [1] * (3 - len(match.groups()))
            try:
                return date(*parts), precision
            except ValueError:
                break
    raise KzruError(Said("err.bad_published", value=value))


def read_article(path: Path, overrides: Overrides = Overrides()) -> Article:
    """The article at ``path`` with what is known of it; KzruError if it cannot be read.
    Its mode is kept for the copy beside the data: a private file stays private."""
    if path.is_symlink():
        raise KzruError(Said("err.article_is_link", path=path))
    try:
        raw = read_limited(path, ARTICLE_LIMIT, follow=False)
        mode = os.stat(path, follow_symlinks=False).st_mode & 0o777
    except OSError as error:
        raise KzruError(Said("err.cannot_read", path=path, why=error.strerror)) from None
    if path.suffix.lower() in (".html", ".htm"):
        found = _from_html(path, raw)
    else:
        try:
            text = article_text(raw)
        except UnicodeDecodeError as error:
            raise KzruError(Said("err.not_utf8_article", path=path, byte=error.start)) from None
        found = _from_text(path, text)
    text = found["text"]
    if not text.strip():
        raise KzruError(Said("err.no_text", path=path))
    _refuse_invisible(path, text)
    for what in ("text", "title", "publisher"):
        if getattr(overrides, what, None) is not None:
            continue  # the user's own value replaces what was found
        bad = found[what].find("\ufffd")
        if bad >= 0:
            raise KzruError(Said(f"err.replacement_{what}", path=path,
                                 line=found[what].count(chr(10), 0, bad) + 1))
    published, precision, basis, note = found["published"], found["precision"], \
        found["basis"], found["note"]
    warnings = (found["warning"],) if found.get("warning") else ()
    if overrides.published:
        published, precision = parse_published(overrides.published)
        basis, note, warnings = "stated", Said("draft.source.given"), ()
    published, precision, basis, note = with_dateline_day(
        text, published, precision, basis, note)
    name = path.name if path.suffix.lower() == ".txt" else f"{path.stem}.txt"
    origins = dict(found["origins"])
    origins["file"] = ("file_name", str(path))
    for field, option in OPTIONS.items():
        if getattr(overrides, field) is not None:
            origins[field] = ("option", option)
    url, url_note = found["url"], ""
    if overrides.url is not None:
        url = overrides.url.strip()
        if url and not WEB_ADDRESS.fullmatch(url):
            raise KzruError(Said("err.bad_url", value=overrides.url))
    elif url and not WEB_ADDRESS.fullmatch(url):
        url_note = Said("draft.source.bad_link")
        url = ""
    return Article(
        path=str(path), name=name, text=text, sha256=digest(text),
        title=overrides.title if overrides.title is not None else found["title"],
        publisher=overrides.publisher if overrides.publisher is not None else found["publisher"],
        url=url, published=published, precision=precision, basis=basis, note=note,
        url_note=url_note, mode=mode, origins=origins, warnings=warnings)


def _refuse_invisible(path: Path, text: str) -> None:
    """An article holding a character kzru's tables refuse (a soft hyphen, a zero-width
    space, a direction mark: text copied from pages and messengers carries them) is refused
    here, at its own line and column, not at rows of facts.csv that were never written."""
    import unicodedata

    from kzru.text import INVISIBLE_CHARACTERS

    found = list(re.finditer(INVISIBLE_CHARACTERS, text))
    if not found:
        return
    first = found[0].start()
    char = text[first]
    raise KzruError(Said("err.invisible_in_article", where=at(path, text, first),
                         code=f"U+{ord(char):04X}",
                         name=unicodedata.name(char, "format character").lower(),
                         count=len(found)))


def first_line_title(text: str) -> str:
    """A headline: a short first line with no final full stop that is not a dateline."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        words = line.split()
        if 3 <= len(words) <= 25 and not line.endswith((".", "…", ":")) and \
                not dateline(line)[0] and len(line) <= 200:
            return line
        return ""
    return ""


def _from_text(path: Path, text: str) -> dict:
    published, precision, basis, note = dateline(text)
    title = first_line_title(text)
    # no publisher is read from the text: "сообщает РИА Новости", "передает ТАСС" name the
    # channel a report came through, not who published this text (--publisher says it)
    origins = {"publisher": ("publisher_line", str(path))}
    if title:
        origins["title"] = ("headline_line", at(path, text, text.index(title)))
    if published is not None:
        said = note[note.find("(") + 1:note.rfind(")")]
        where = text.find(said, 0, DATELINE_REACH + len(said)) if said else -1
        origins["published"] = ("dateline", at(path, text, where) if where >= 0 else str(path))
    return {"text": text, "title": title, "publisher": "",
            "url": "", "published": published, "precision": precision, "basis": basis,
            "note": note, "origins": origins}


HTML_DEPTH = 255  # libxml2's limit on nested elements, past which it reads no further


def _too_deep(html: str) -> bool:
    """Whether the HTML parser stopped at its nesting limit: a page whose text lies deeper
    was refused as holding no text, which sent the curator looking for the wrong cause."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.etree.fromstring(html, parser)
    except (lxml.etree.LxmlError, ValueError):
        pass
    return any("Excessive depth" in entry.message for entry in parser.error_log)


# The most elements (tags) kzru add reads from one saved page. A news page has a few
# thousand; reading the article out of a page takes time that grows faster than its
# elements (25,000 about 3 s, 150,000 about 90 s and 370 MB), so past this a page is refused
# in one line instead of holding the curator for minutes.
PAGE_ELEMENTS = 25_000
_ELEMENT = re.compile(rb"<[A-Za-z]")


def _from_html(path: Path, raw: bytes) -> dict:
    import htmldate
    import trafilatura

    elements = sum(1 for _ in _ELEMENT.finditer(raw))
    if elements > PAGE_ELEMENTS:
        raise KzruError(Said("err.page_too_many_elements", path=path, count=elements,
                             limit=PAGE_ELEMENTS))
    html = decode_page(raw)
    marked = page_characters.mark(html)  # what the reader would drop unsaid, marked
    document = trafilatura.bare_extraction(marked.html, with_metadata=True,
                                           include_comments=False, include_tables=False)
    if document is None or not getattr(document, "text", ""):
        if _too_deep(html):
            raise KzruError(Said("err.page_too_deep", path=path, depth=HTML_DEPTH))
        raise KzruError(Said("err.no_text_page", path=path))
    site = page_characters.site_as_written(marked.html, getattr(document, "sitename", "") or "")
    page_characters.refuse_marked(path, html, marked, {
        "text": document.text, "title": getattr(document, "title", "") or "",
        "publisher": site, "url": getattr(document, "url", "") or ""})
    text = article_text(document.text.strip().encode("utf-8")) + "\n"
    warning = None
    # htmldate's plain search reads the page's own date markup; trafilatura's document.date
    # is its extensive search, which guesses (a page dated past today's clock came out as
    # 2026-01-01, a day no line of the page gives): never taken, the dateline is read instead
    found = htmldate.find_date(html, original_date=True, extensive_search=False)
    if found:  # weighed against the dateline, which wins where they disagree
        published, precision, basis, note, warning = settle_page_date(
            path, text, date.fromisoformat(found[:10]))
    else:
        published, precision, basis, note = dateline(text)
    origins = {"title": ("page_headline", str(path)),
               "publisher": ("page_site" if site else "text_publisher", str(path)),
               "url": ("page_link", str(path)),
               "published": ("page_date" if found and published.isoformat() == found[:10]
                             else "dateline", str(path))}
    return {"text": text, "title": getattr(document, "title", "") or "",
            "publisher": site,  # the page's own site name, never an agency its text cites
            "url": getattr(document, "url", "") or "", "published": published,
            "precision": precision, "basis": basis, "note": note, "origins": origins,
            "warning": warning}
