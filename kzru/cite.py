"""References a journalist can paste and a reference manager can import: one per article.

Why one per article: a reference manager deduplicates by item, and pandoc letters items of one
author and year (2025a, 2025b), so an item per fact turned one article into several. Here each
source is one item under a citation key that does not change with what is cited (publisher or
site, year, a word of the headline; see ``citation_keys``), with one title everywhere
("[headline not given]" where the article has none — never a title made up from an event).
A fact's citation is its article's item plus the fact itself: its id as the locator and its
evidence, the only verbatim text, as the quotation.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple, Sequence
from urllib.parse import urlsplit

from kzru.labels import label, say, status_word
from kzru.model import Fact, Source
from kzru.render import WEB_URL, date_label, md

FORMATS = ("text", "md", "json", "jsonl", "bibtex")

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ә": "a", "ғ": "g",
    "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
# Headline words that say nothing about the article (the key takes the first other word).
_DULL = frozenset("""
a an the of and in on for to with at by from о об и в во на с со к по за для из от до что как
""".split())
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def published_label(source: Source, lang: str = "en") -> str:
    """The article's date at its precision, saying so when it is inferred, not printed."""
    shown = date_label(source.published, source.published_precision)
    return shown if source.published_basis == "stated" else \
        f"{shown} ({label('cite.date_inferred', lang)})"


def headline(source: Source, lang: str = "en") -> str:
    """The article's headline, or the one bracketed placeholder every format uses."""
    return source.title or label("cite.no_headline", lang)


def _ascii(text: str) -> str:
    """Lower-case letters and digits only, Cyrillic transliterated: safe in BibTeX and pandoc."""
    folded = "".join(_TRANSLIT.get(char, char) for char in text.casefold())
    return re.sub(r"[^a-z0-9]", "", folded)


def _site(url: str) -> str:
    """The main name of the article's host: ``example`` for https://www.example.org/…"""
    host = urlsplit(url).hostname or ""
    labels = [part for part in host.split(".") if part not in ("www", "m", "amp")]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


def _word(title: str) -> str:
    for word in re.findall(r"[^\W_]+", title):
        if word.casefold() not in _DULL and len(word) > 2:
            return _ascii(word)
    return ""


def citation_keys(sources: Iterable[Source]) -> dict[str, str]:
    """Source id -> citation key, e.g. ``kazinform2025gosvizit``.

    Built over every source of the table, so a key never depends on what else is cited: the
    publisher (else the site of its URL, else "unnamed"), the year, the first telling word of
    the headline (else the source id). Keys that still collide get a, b… in source-id order.
    """
    chosen: dict[str, str] = {}
    for source in sorted(sources, key=lambda s: s.id):
        who = _ascii(source.publisher) or _ascii(_site(source.url)) or "unnamed"
        what = _word(source.title) or _ascii(source.id)
        chosen[source.id] = f"{who}{source.published.year}{what}"
    counts: dict[str, int] = {}
    for key in chosen.values():
        counts[key] = counts.get(key, 0) + 1
    seen: dict[str, int] = {}
    for source_id, key in chosen.items():
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            chosen[source_id] = f"{key}{chr(ord('a') + seen[key] - 1)}"
    return chosen


def accessed(source: Source) -> str:
    """The day the address was checked: the first ISO date in ``url_note``, else ''."""
    found = _ISO_DATE.search(source.url_note) if source.url else None
    return found.group(0) if found else ""


class Reference(NamedTuple):
    """One article and the facts cited from it, in the order they were asked for."""

    key: str
    source: Source
    facts: tuple[Fact, ...]
    lang: str

    @property
    def title(self) -> str:
        return headline(self.source, self.lang)

    @property
    def publisher(self) -> str:
        return self.source.publisher or label("cite.no_publisher", self.lang)


def references(facts: Sequence[Fact], sources: dict[str, Source], lang: str,
               extra: Sequence[str] = ()) -> list[Reference]:
    """The cited facts grouped by article, articles in order of first mention; ``extra`` adds
    whole articles (source ids) cited without a fact."""
    keys = citation_keys(sources.values())
    grouped: dict[str, list[Fact]] = {source_id: [] for source_id in extra}
    for fact in facts:
        grouped.setdefault(fact.source, []).append(fact)
    return [Reference(keys[source_id], sources[source_id], tuple(found), lang)
            for source_id, found in grouped.items()]


def fact_line(fact: Fact, lang: str = "en") -> str:
    """The fact as the locator: its id, status (in the reader's language) and date."""
    status = say(status_word(fact.status), lang)
    return f"kzru {fact.id} ({status}, {date_label(fact.date, fact.date_precision)})"


def quoted(fact: Fact) -> str:
    return f"«{fact.evidence}»"


# -- formats ---------------------------------------------------------------------------------

def as_text(reference: Reference) -> list[tuple[str, int]]:
    """Lines with their indent (the command wraps them to the terminal): the reference once,
    then each fact's locator and its quoted evidence."""
    source = reference.source
    head = f"{reference.publisher}. {_bracketed(reference.title)}. " \
           f"{published_label(source, reference.lang)}. " \
           f"{label('cite.file', reference.lang).capitalize()} {source.file}."
    if source.url:
        head += f" {source.url}"
    lines = [(f"{head} [{reference.key}]", 0)]
    for fact in reference.facts:
        lines += [(fact_line(fact, reference.lang), 2), (quoted(fact), 4)]
    return lines


def as_markdown(reference: Reference) -> str:
    source = reference.source
    linked = WEB_URL.fullmatch(source.url)
    title = f"[{md(reference.title)}]({source.url})" if linked else \
        f"*{md(reference.title)}*"
    lang = reference.lang
    lines = [f"- {md(reference.publisher)}, {title}, {published_label(source, lang)} "
             f"({label('cite.file', lang)} `{source.file}`) `[@{reference.key}]`"]
    for fact in reference.facts:
        lines.append(f"  - {md(fact_line(fact, lang))}  \n    > {md(quoted(fact))}")
    return "\n".join(lines)


def _date_parts(source: Source) -> list[int]:
    parts = [source.published.year, source.published.month, source.published.day]
    return parts[:{"year": 1, "month": 2}.get(source.published_precision, 3)]


def as_csl(reference: Reference) -> dict[str, Any]:
    """One CSL-JSON item for the article (validated against the official csl-data.json, which
    allows no other keys, so kzru's own go under ``custom``). The cited facts are the ``note``:
    each one's locator and its evidence quoted."""
    source = reference.source
    item: dict[str, Any] = {
        "id": reference.key,
        "type": "article-newspaper",
        "title": reference.title,
        "issued": {"date-parts": [_date_parts(source)]},
        "language": "ru",
        "archive_location": source.file,
        "custom": {"kzru_source": source.id, "kzru_facts": [f.id for f in reference.facts],
                   "published_basis": source.published_basis},
    }
    if reference.facts:
        item["note"] = "\n".join(f"{fact_line(f, reference.lang)}: {quoted(f)}"
                                 for f in reference.facts)
    if source.publisher:
        item["container-title"] = source.publisher
        item["publisher"] = source.publisher
    if source.published_basis != "stated":
        item["issued"]["circa"] = True
    if source.url:
        item["URL"] = source.url
        if accessed(source):
            item["accessed"] = {"date-parts": [[int(p) for p in accessed(source).split("-")]]}
    return item


def as_bibtex(reference: Reference) -> str:
    """A BibLaTeX entry: @article in the outlet where the publisher is known, else @online;
    urldate where the note says when the address was checked."""
    source = reference.source
    kind = "article" if source.publisher else "online"
    fields = [("title", reference.title)]
    if source.publisher:
        fields.append(("journaltitle", source.publisher))
    fields.append(("date", date_label(source.published, source.published_precision)))
    if source.url:
        fields.append(("url", source.url))
        if accessed(source):
            fields.append(("urldate", accessed(source)))
    fields.append(("langid", "russian"))
    notes = [f"{label('cite.file', reference.lang)} {source.file}"]
    if source.published_basis != "stated":
        notes.append(label("cite.date_inferred", reference.lang))
    fields.append(("note", "; ".join(notes)))
    if reference.facts:
        fields.append(("addendum", "; ".join(f"{fact_line(f, reference.lang)}: {quoted(f)}"
                                             for f in reference.facts)))
    body = ",\n".join(f"  {name} = {{{_tex(value) if name != 'url' else _url(value)}}}"
                      for name, value in fields)
    return f"@{kind}{{{reference.key},\n{body}\n}}"


def _bracketed(title: str) -> str:
    return title if title.startswith("[") else f"«{title}»"




_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
        "$": r"\$", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}


def _tex(text: str) -> str:
    """Data is text: every character TeX would read as markup is escaped."""
    return "".join(_TEX.get(char, char) for char in " ".join(text.split()))


def _url(text: str) -> str:
    """biblatex reads url verbatim; only braces and a percent sign could break the entry."""
    return text.replace("%", r"\%").replace("{", "%7B").replace("}", "%7D")
