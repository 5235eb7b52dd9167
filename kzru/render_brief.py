"""A brief as Markdown (for a note or, drawn by rich, for the terminal) and as plain JSON data."""

from __future__ import annotations

import re
from typing import Any

from kzru.brief import ATTRIBUTED, Brief, Item
from kzru.cite import headline, published_label
from kzru.model import Dataset, Fact, Source
from kzru.render import date_label, span_label

# Characters Markdown gives a meaning inside a line (emphasis, code, links, HTML, entities,
# tables, headings), and what makes a line's start a list item or a heading.
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~&!])")
_LINE_START = re.compile(r"^([-+=]|\d+)([.)]?)")
_URL = re.compile(r"https?://[^\s<>\\`\x00-\x1f\x7f]+")


def md(text: str) -> str:
    """Text from the data as Markdown that shows exactly that text: data is never markup, so
    '[official record](https://…)' in a title stays those characters and draws no link."""
    return _LINE_START.sub(_escape_start, _MARKUP.sub(r"\\\1", text))


def _escape_start(found: re.Match[str]) -> str:
    """'- x' and '1. x' would start a list: escape the punctuation (a digit cannot be)."""
    start, mark = found.groups()
    return f"\\{start}{mark}" if not start[0].isdigit() else \
        f"{start}\\{mark}" if mark else start


def _text(fact: Fact, lang: str) -> str:
    return md(fact.text if lang == "ru" else fact.summary)


def _quote(fact: Fact) -> str:
    return f"«{md(fact.evidence)}»"


def source_line(source: Source) -> str:
    """A reference to paste: outlet, title (or a description), date at its precision, file."""
    outlet = source.publisher or "outlet not named in the text"
    title = f"«{source.title}»" if source.title else headline(source)  # as kzru cite says it
    url = f", {source.url}" if source.url else ""
    return f"{outlet}, {title}, {published_label(source)}, file {source.file}{url}"


def _source_markdown(source: Source) -> str:
    """source_line in Markdown: the data escaped; the source's URL, which kzru prints for
    what it is, the one link drawn (and only when it is a plain web address)."""
    outlet = md(source.publisher) if source.publisher else "outlet not named in the text"
    title = f"«{md(source.title)}»" if source.title else \
        f"untitled article (source {source.id})"
    url = ""
    if source.url:
        url = f", <{source.url}>" if _URL.fullmatch(source.url) else f", {md(source.url)}"
    return f"{outlet}, {title}, {published_label(source)}, file {md(source.file)}{url}"


def _item_lines(item: Item, status: str, lang: str, brief: Brief, quote: bool) -> list[str]:
    """One bullet; the quotation follows unless the next item quotes the same words."""
    fact = item.fact
    attributed = status in ATTRIBUTED or fact.speaker or fact.source in brief.previews
    said = f" — *{md(item.attribution)}*" if attributed else ""
    event = brief.event
    inside = event.start <= fact.date <= event.end and fact.date_precision == "day"
    dated = "" if inside else f" ({date_label(fact.date, fact.date_precision)})"
    also = f" · also {', '.join(fact.sectors[1:])}" if len(fact.sectors) > 1 else ""
    lines = [f"- {_text(fact, lang)}{dated}{said} [{item.citation}] `{fact.id}`{also}"]
    for part in item.parts:
        lines.append(f"  - {_text(part, lang)} `{part.id}`")
        if part.evidence != fact.evidence:
            lines.append(f"    > {_quote(part)}")
    if quote:
        lines.append(f"\n  > {_quote(fact)}\n")
    return lines


def _group_lines(items: list[Item], status: str, lang: str, brief: Brief) -> list[str]:
    lines: list[str] = []
    for position, item in enumerate(items):
        following = items[position + 1] if position + 1 < len(items) else None
        shared = following is not None and following.fact.evidence == item.fact.evidence
        lines += _item_lines(item, status, lang, brief, quote=not shared)
    return lines


def markdown(brief: Brief, dataset: Dataset, lang: str = "en") -> str:
    """The whole page as Markdown: heading, sections by status and sector, figures, what is
    new, sources."""
    event = brief.event
    title = md(event.title(lang))
    route = f"{event.guest.upper()} → {event.host.upper()}"
    when = span_label(event.start, event.end, event.date_precision)
    cites = " ".join(f"[{n}]" for n in range(1, len(brief.sources) + 1))
    mark = " (inferred)" if event.date_basis == "inferred" else ""
    places = ", ".join(md(place) for place in event.places)
    lines = [f"# {title}", "",
             f"**{when}**{mark} · {places} · {event.kind}, {route} · "
             f"sources {cites}  ", f"`{event.id}`", ""]
    if event.date_note:
        lines += [f"*{'Date inferred' if mark else 'Date'}: {md(event.date_note)}*", ""]
    for section in brief.sections:
        lines += [f"## {section.title}", ""]
        for group in section.groups:
            lines += [f"### {md(dataset.sectors[group.sector].label(lang))}", ""]
            lines += _group_lines(group.items, section.status, lang, brief)
            lines.append("")
    if brief.figures:
        lines += ["## Figures", ""]
        for item in brief.figures:
            value = _number(item.fact.value)
            lines += [f"- **{value} {md(item.fact.unit)}** — {_text(item.fact, lang)} "
                      f"[{item.citation}] `{item.fact.id}`", f"  > {_quote(item.fact)}"]
        lines.append("")
    if brief.alongside:
        lines += ["## Reported alongside", "",
                  "*What the same reports give beside the event's own facts, not linked to an "
                  "event in this table: states of affairs, assessments, items listed apart.*",
                  ""]
        for item in brief.alongside:
            fact = item.fact
            attributed = fact.speaker or fact.status in ATTRIBUTED or fact.source in brief.previews
            said = f" — *{md(item.attribution)}*" if attributed else ""
            lines.append(f"- {fact.status}: {_text(fact, lang)}{said} [{item.citation}] "
                         f"`{fact.id}`")
        lines.append("")
    lines += _novelty_lines(brief, dataset, lang)
    lines += ["## Sources", ""]
    lines += [f"{number}. {_source_markdown(source)}"
              + (" — a preview written before the event" if source.id in brief.previews else "")
              for number, source in enumerate(brief.sources, 1)]
    return "\n".join(lines) + "\n"


def _number(value: Any) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _novelty_lines(brief: Brief, dataset: Dataset, lang: str) -> list[str]:
    novelty = brief.novelty
    label = {sector: md(dataset.sectors[sector].label(lang)) for sector in dataset.sectors}
    if novelty.previous is None:
        head = "## New: the first meeting of its kind in this table"
    else:
        previous = novelty.previous
        head = (f"## New since {md(previous.title(lang))} "
                f"({span_label(previous.start, previous.end, previous.date_precision)})")
    lines = [head, ""]
    if novelty.previous is not None:
        lines.append("- Sectors not covered last time: " +
                     (", ".join(label[s] for s in novelty.sectors) or "none"))
    lines.append("- Sectors new to this table: " +
                 (", ".join(label[s] for s in novelty.first_sectors) or "none"))
    names = [md(name) for name in novelty.names]
    lines.append("- Names first appearing: " + (", ".join(names[:20]) or "none") +
                 (f" (and {len(names) - 20} more)" if len(names) > 20 else ""))
    return [*lines, ""]


def _fact_data(fact: Fact) -> dict[str, Any]:
    return {"id": fact.id, "kind": fact.kind, "date": fact.date.isoformat(),
            "date_precision": fact.date_precision, "date_basis": fact.date_basis,
            "sectors": list(fact.sectors), "status": fact.status, "speaker": fact.speaker,
            "summary": fact.summary, "text": fact.text, "evidence": fact.evidence,
            "source": fact.source, "part_of": fact.part_of}


def data(brief: Brief) -> dict[str, Any]:
    """The same page as plain data, for scripts."""
    event = brief.event

    def item(entry: Item) -> dict[str, Any]:
        return {**_fact_data(entry.fact), "attribution": entry.attribution,
                "citation": entry.citation, "parts": [_fact_data(p) for p in entry.parts]}

    novelty = brief.novelty
    return {
        "event": {"id": event.id, "kind": event.kind, "title_en": event.title_en,
                  "title_ru": event.title_ru, "start": event.start.isoformat(),
                  "end": event.end.isoformat(), "date_precision": event.date_precision,
                  "date_basis": event.date_basis, "date_note": event.date_note,
                  "places": list(event.places), "host": event.host, "guest": event.guest},
        "sections": [{"status": section.status, "title": section.title,
                      "sectors": [{"sector": group.sector,
                                   "facts": [item(entry) for entry in group.items]}
                                  for group in section.groups]}
                     for section in brief.sections],
        "figures": [{**item(entry), "value": entry.fact.value, "unit": entry.fact.unit}
                    for entry in brief.figures],
        "alongside": [item(entry) for entry in brief.alongside],
        "new": {"previous_event": novelty.previous.id if novelty.previous else None,
                "sectors": novelty.sectors, "first_sectors": novelty.first_sectors,
                "names": novelty.names},
        "citations": [{"number": number, "preview": source.id in brief.previews,
                       "source": source.id, "publisher": source.publisher,
                       "title": source.title, "published": source.published.isoformat(),
                       "published_precision": source.published_precision,
                       "file": source.file, "url": source.url, "reference": source_line(source)}
                      for number, source in enumerate(brief.sources, 1)],
    }
