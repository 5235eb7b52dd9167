"""A brief as Markdown (for a note or, drawn by rich, for the terminal) and as plain JSON data.

Every heading and note comes from kzru.labels in the reader's language; the data's own text is
escaped so that it is never Markdown (h14's ``md``).
"""

from __future__ import annotations

from typing import Any

from kzru.brief import ATTRIBUTED, Brief, Check, Item
from kzru.cite import headline, published_label
from kzru.follow import NOT_AS_SUCH, NOT_BORNE_OUT, NOT_TAKEN_UP, VERDICTS, Tracked
from kzru.labels import label, say, status_word, word
from kzru.model import Dataset, Fact, Source
from kzru.render import WEB_URL, date_label, md, span_label


def _section_title(status: str, lang: str) -> str:
    key = f"brief.section.{status}"
    return label(key, lang)


def _status_word(status: str, lang: str) -> str:
    return say(status_word(status), lang)


def event_kind(kind: str, lang: str) -> str:
    """An event's kind as a reader says it (summit, саммит); an unknown kind as it is."""
    return say(word("event_kind", kind), lang)


def _sector_word(sector: str, dataset: Dataset, lang: str) -> str:
    """A sector in a line of text: its id in English (what --sector takes), its Russian name
    without the bracketed detail in Russian (энергетика, not energy)."""
    if lang != "ru" or sector not in dataset.sectors:
        return sector
    name = dataset.sectors[sector].label(lang).split(" (")[0]
    return name[:1].lower() + name[1:]


def verdict_label(verdict: str, lang: str) -> str:
    """A verdict as a brief says it (track's verdicts, in the reader's language)."""
    key = "brief.verdict." + verdict.split(" —")[0].replace(" ", "_")
    return label(key, lang)


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


def _source_markdown(source: Source, lang: str = "en") -> str:
    """source_line in Markdown: the data escaped; the source's URL, which kzru prints for
    what it is, the one link drawn (and only when it is a plain web address)."""
    outlet = md(source.publisher) if source.publisher else label("brief.outlet_unnamed", lang)
    title = f"«{md(source.title)}»" if source.title else md(headline(source, lang))
    url = ""
    if source.url:
        url = f", <{source.url}>" if WEB_URL.fullmatch(source.url) else f", {md(source.url)}"
    return (f"{outlet}, {title}, {published_label(source, lang)}, {label('brief.file', lang)} "
            f"{md(source.file)}{url}")


def speaker_name(speaker: str, dataset: Dataset, lang: str) -> str:
    """A speaker as the reader's language names them: each person or body the glossary knows
    by its English name takes its Russian name under --lang ru (Akorda → Акорда); a role in
    brackets and anyone the glossary does not know stay as the table has them."""
    if lang != "ru" or not speaker:
        return speaker
    russian = {entry.name_en: entry.name_ru for entry in dataset.glossary.values()
               if entry.kind in ("person", "organization", "university") and entry.name_ru}
    said = []
    for one in speaker.split("; "):
        name, bracket, rest = one.partition(" (")
        named = russian.get(name) or say(word("speaker", name), lang)
        said.append(named + bracket + rest)
    return "; ".join(said)


def _attribution(item: Item, brief: Brief, dataset: Dataset, lang: str) -> str:
    """Who says so, in the reader's language: the speaker, else the outlet or the article;
    for a preview, that it was written before the event."""
    fact = item.fact
    source = dataset.sources[fact.source]
    if fact.speaker:
        said = md(speaker_name(fact.speaker, dataset, lang))
    elif source.publisher:
        said = label("brief.according_to", lang, who=md(source.publisher))
    else:
        said = label("brief.according_to_article", lang, id=source.id)
    if item.preview == "preview":
        said += ", " + label("brief.in_preview", lang)
    elif item.preview:
        said += ", " + label("brief.announced_in", lang,
                             title=md(dataset.events[item.preview].title(lang)))
    return said


def _item_lines(item: Item, status: str, lang: str, brief: Brief, dataset: Dataset,
                quote: bool) -> list[str]:
    """One bullet; the quotation follows unless the next item quotes the same words."""
    fact = item.fact
    attributed = status in ATTRIBUTED or fact.speaker or fact.source in brief.previews
    said = f" — *{_attribution(item, brief, dataset, lang)}*" if attributed else ""
    dated = _dated(fact, brief, lang)
    if item.areas:
        names = " · ".join(md(dataset.sectors[s].label(lang)) for s in item.areas)
        also = f" · {label('brief.areas', lang)}: {names}"
    else:
        others = [s for s in fact.sectors if s != item.fact.sectors[0]]
        also = f" · {label('brief.also', lang)} " \
               f"{', '.join(md(_sector_word(o, dataset, lang)) for o in others)}" if others else ""
    lines = [f"- {_text(fact, lang)}{dated}{said} [{item.citation}] `{fact.id}`{also}"]
    for part in item.parts:
        lines.append(f"  - {_text(part, lang)} `{part.id}`")
        if part.evidence != fact.evidence:
            lines.append(f"    > {_quote(part)}")
    for plan in item.announced:
        lines.append(f"  - {label('brief.announced', lang)}: {_text(plan.fact, lang)} — "
                     f"*{_attribution(plan, brief, dataset, lang)}* [{plan.citation}] "
                     f"`{plan.fact.id}`")
    for other in item.also:
        lines.append(f"  - {label('brief.same_sentence', lang)}: {_text(other, lang)} "
                     f"`{other.id}` ({_status_word(other.status, lang)})")
    lines += _conflict_lines(item, brief, lang)
    lines += _reported_lines(item, brief, lang)
    if quote:
        lines.append(f"\n  > {_quote(fact)}\n")
    return lines


def _dated(fact: Fact, brief: Brief, lang: str = "en") -> str:
    """The fact's own date when it is not a day of the event (" (2025-09)"), else nothing; a
    date the curators inferred ("в прошлом году", a month without its year, the day of a visit
    of several days) says so where it is shown, not only in the row's note (rubric 4: an
    inferred date says how)."""
    event = brief.event
    inside = event.start <= fact.date <= event.end and fact.date_precision == "day"
    # which day of a visit of several days is itself an inference worth showing
    chosen = fact.date_basis == "inferred" and event.start != event.end
    return "" if inside and not chosen else f" ({_date_shown(fact, lang)})"


def _date_shown(fact: Fact, lang: str = "en") -> str:
    """A fact's date at its precision, marked when it was inferred ("2021, inferred")."""
    shown = date_label(fact.date, fact.date_precision)
    return label("brief.date_inferred_item", lang, date=shown) \
        if fact.date_basis == "inferred" else shown


def _number_of(brief: Brief, source_id: str) -> int:
    return next(n for n, s in enumerate(brief.sources, 1) if s.id == source_id)


def _conflict_lines(item: Item, brief: Brief, lang: str) -> list[str]:
    """Other articles that date the same fact differently, shown where the fact is."""
    fact = item.fact
    here = _date_shown(fact, lang)
    lines = []
    for other in item.conflicts:
        said = label("brief.conflict", lang, here=here, n=item.citation,
                     there=_date_shown(other, lang),
                     m=_number_of(brief, other.source))
        lines.append(f"  - ⚠ {said} `{other.id}`")
    return lines


def _reported_lines(item: Item, brief: Brief, lang: str) -> list[str]:
    """"Reported by N sources" and which: this row's citation, then each other article's
    row with its citation number (the same fact told by several articles, issue 16.5)."""
    if not item.same:
        return []
    count = len({item.fact.source, *(other.source for other in item.same)})
    others = sorted(item.same, key=lambda other: (_number_of(brief, other.source), other.id))
    which = [f"[{item.citation}]"] + [f"[{_number_of(brief, other.source)}] `{other.id}`"
                                     for other in others]
    return [f"  - {label('brief.reported_by', lang, count=count)}: {', '.join(which)}"]


def _group_lines(items: list[Item], status: str, lang: str, brief: Brief,
                 dataset: Dataset) -> list[str]:
    lines: list[str] = []
    for position, item in enumerate(items):
        following = items[position + 1] if position + 1 < len(items) else None
        shared = following is not None and following.fact.evidence == item.fact.evidence
        lines += _item_lines(item, status, lang, brief, dataset, quote=not shared)
    return lines


def markdown(brief: Brief, dataset: Dataset, lang: str = "en") -> str:
    """The whole page as Markdown: heading, sections by status and sector, the preview against
    the outcome, figures, what is new and what became of the last meeting's commitments,
    sources."""
    event = brief.event
    title = md(event.title(lang))
    route = f"{event.guest.upper()} → {event.host.upper()}"
    when = span_label(event.start, event.end, event.date_precision)
    own = set(brief.own) or {source.id for source in brief.sources}
    cites = " ".join(f"[{n}]" for n, source in enumerate(brief.sources, 1) if source.id in own)
    mark = f" {label('brief.inferred', lang)}" if event.date_basis == "inferred" else ""
    places = ", ".join(md(place) for place in event.places)
    where = f" · {places}" if places else ""  # an article may name no place: say nothing
    lines = [f"# {title}", "",
             f"**{when}**{mark}{where} · {event_kind(event.kind, lang)}, {route} · "
             f"{label('brief.sources_word', lang)} {cites}  ", f"`{event.id}`", ""]
    for key, events in (("brief.related", [other for other in brief.related
                                           if other.id not in brief.related_announced]),
                        ("brief.related_announced", [other for other in brief.related
                                                     if other.id in brief.related_announced])):
        if events:
            together = " · ".join(
                f"{md(other.title(lang))} "
                f"({span_label(other.start, other.end, other.date_precision)}) `{other.id}`"
                for other in events)
            lines += [f"*{label(key, lang)}:* {together}", ""]
    if event.date_note:
        head = label("brief.date_inferred" if mark else "brief.date", lang)
        lines += [f"*{head}: {md(event.date_note)}*", ""]
    for section in brief.sections:
        lines += [f"## {_section_title(section.status, lang)}", ""]
        for group in section.groups:
            lines += [f"### {md(dataset.sectors[group.sector].label(lang))}", ""]
            lines += _group_lines(group.items, section.status, lang, brief, dataset)
            lines.append("")
    lines += _check_lines(brief, dataset, lang)
    if brief.figures:
        lines += [f"## {label('brief.figures', lang)}", ""]
        for item in brief.figures:
            value = _number(item.fact.value)
            lines += [f"- **{value} {md(item.fact.unit)}** — {_text(item.fact, lang)} "
                      f"[{item.citation}] `{item.fact.id}`", f"  > {_quote(item.fact)}"]
            lines += _conflict_lines(item, brief, lang)
            lines += _reported_lines(item, brief, lang)
        lines.append("")
    if brief.alongside:
        lines += [f"## {label('brief.alongside', lang)}", "",
                  f"*{label('brief.alongside_note', lang)}*", ""]
        for item in brief.alongside:
            fact = item.fact
            attributed = fact.speaker or fact.status in ATTRIBUTED or fact.source in brief.previews
            said = f" — *{_attribution(item, brief, dataset, lang)}*" if attributed else ""
            lines.append(f"- {_status_word(fact.status, lang)}: "
                         f"{_text(fact, lang)}{_dated(fact, brief, lang)}{said} [{item.citation}] "
                         f"`{fact.id}`")
            lines += _conflict_lines(item, brief, lang)
            lines += _reported_lines(item, brief, lang)
        lines.append("")
    lines += _preview_side_lines(brief, dataset, lang)
    lines += _novelty_lines(brief, dataset, lang)
    lines += [f"## {label('brief.sources', lang)}", ""]
    lines += [f"{number}. {_source_markdown(source, lang)}"
              f"{_source_role(source, brief, dataset, lang)}"
              for number, source in enumerate(brief.sources, 1)]
    return "\n".join(lines) + "\n"


def _source_role(source: Source, brief: Brief, dataset: Dataset, lang: str) -> str:
    """What a source is to this page: a preview, a report of another event that announced
    this one, or an article cited only where it reports one of the page's facts too."""
    if source.id in brief.announcing:
        other = dataset.events[brief.announcing[source.id]]
        return " — " + label("brief.source_announcing", lang, title=md(other.title(lang)))
    if source.id in brief.previews:
        return " — " + label("brief.source_preview", lang)
    if brief.own and source.id not in brief.own:
        return " — " + label("brief.source_other", lang)
    return ""


def _preview_side_lines(brief: Brief, dataset: Dataset, lang: str) -> list[str]:
    """The preview's own background beside the visit (openings, projects, figures), and how
    many of its assessments the page leaves out."""
    if not brief.preview_side and not brief.preview_said:
        return []
    previews = " ".join(f"[{_number_of(brief, s)}]" for s in sorted(brief.previews))
    lines = [f"## {label('brief.preview_side', lang, previews=previews)}", "",
             f"*{label('brief.preview_side_note', lang)}*", ""]
    for item in brief.preview_side:
        fact = item.fact
        lines.append(f"- {_status_word(fact.status, lang)}: {_text(fact, lang)}"
                     f"{_dated(fact, brief, lang)} — *{_attribution(item, brief, dataset, lang)}* "
                     f"[{item.citation}] `{fact.id}`")
        lines += _conflict_lines(item, brief, lang)
        lines += _reported_lines(item, brief, lang)
    if brief.preview_said:
        source = sorted(brief.previews)[0]
        lines.append("- " + label("brief.preview_said", lang, count=brief.preview_said,
                                  source=source))
    return [*lines, ""]


def _check_lines(brief: Brief, dataset: Dataset, lang: str) -> list[str]:
    """Each forecast, proposal and plan of the preview with what the visit's report says."""
    if not brief.checks:
        return []
    previews = " ".join(f"[{_number_of(brief, s)}]" for s in sorted(brief.previews))
    reports = " ".join(f"[{n}]" for n, s in enumerate(brief.sources, 1)
                       if s.id in brief.reports)
    lines = [f"## {label('brief.checks', lang)}", "",
             f"*{label('brief.checks_note', lang, previews=previews, reports=reports)}*", ""]
    # in the order of track's verdicts, as the page says them
    ordered = sorted(brief.checks,
                     key=lambda check: VERDICTS.index(check.shown or check.tracked.verdict))
    for check in ordered:
        lines += _check_line(check, brief, dataset, lang)
    return [*lines, ""]


def _check_line(check: Check, brief: Brief, dataset: Dataset, lang: str) -> list[str]:
    """One forecast with how the report answers it; a forecast of several fields lists each
    with its own verdict; an item taken up only around it names the report's fact there."""
    item, tracked = check.item, check.tracked
    verdict = check.shown or tracked.verdict
    said = _attribution(item, brief, dataset, lang)
    line = (f"- **{verdict_label(verdict, lang)}** — {_text(item.fact, lang)} — "
            f"*{said}* [{item.citation}] `{item.fact.id}`")
    if not tracked.parts:  # a forecast of several fields: each part says what decided it
        line += _decider(tracked, brief)
    if check.see is not None:
        via = f"`{check.via.id}` → " if check.via is not None else ""
        line += f" · {label('brief.check_see_also', lang)} {via}" \
                f"`{check.see.id}`{_cited(check.see, brief)}"
    if check.field:
        line += f" · {label('brief.check_field', lang)} " + ", ".join(
            f"`{row.id}`{_cited(row, brief)}" for row in check.field)
    lines = [line]
    for part in tracked.parts:
        # a forecast's field the report is silent on is not mentioned; the part of background
        # work keeps track's own word (the GRES-2 of the energy projects: not taken up)
        shown = part.verdict if part.later or part.verdict in (NOT_AS_SUCH, NOT_TAKEN_UP) \
            else NOT_BORNE_OUT
        lines.append(f"  - **{verdict_label(shown, lang)}** — {_text(part.fact, lang)} "
                     f"`{part.fact.id}`{_decider(part, brief)}")
    return [*lines, *_reported_lines(item, brief, lang)]


def _cited(fact: Fact, brief: Brief) -> str:
    cited = [n for n, s in enumerate(brief.sources, 1) if s.id == fact.source]
    return f" [{cited[0]}]" if cited else f" ({fact.source})"


def _decider(tracked: Tracked, brief: Brief) -> str:
    """" → `the later fact` [n] «its words»", or nothing when nothing later decided."""
    later = tracked.decisive
    if later is None:
        return ""
    words = f" «{md(tracked.words)}»" if tracked.words else ""
    return f" → `{later.id}`{_cited(later, brief)}{words}"


def _number(value: Any) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _novelty_lines(brief: Brief, dataset: Dataset, lang: str) -> list[str]:
    novelty = brief.novelty
    names_of = {sector: md(dataset.sectors[sector].label(lang)) for sector in dataset.sectors}
    none = label("brief.none", lang)
    if novelty.previous is None:
        head = f"## {label('brief.new_first', lang)}"
    else:
        previous = novelty.previous
        head = "## " + label("brief.new_since", lang, title=md(previous.title(lang)),
                             when=span_label(previous.start, previous.end,
                                             previous.date_precision))
    lines = [head, ""]
    if novelty.previous is not None:
        lines.append(f"- {label('brief.sectors_not_last', lang)}: " +
                     (", ".join(names_of[s] for s in novelty.sectors) or none))
    lines.append(f"- {label('brief.sectors_new', lang)}: " +
                 (", ".join(names_of[s] for s in novelty.first_sectors) or none))
    names = [md(name) for name in novelty.names]
    more = f" {label('brief.and_more', lang, count=len(names) - 20)}" if len(names) > 20 else ""
    lines.append(f"- {label('brief.names_first', lang)}: " + (", ".join(names[:20]) or none)
                 + more)
    if novelty.outcomes:
        lines.append(f"- {label('brief.outcomes', lang)}:")
        # by this meeting's verdict; among equals, what later articles settled first
        ordered = sorted(novelty.outcomes, key=lambda entry: (
            VERDICTS.index(entry.verdict),
            VERDICTS.index(novelty.since[entry.fact.id].verdict)
            if entry.fact.id in novelty.since else len(VERDICTS)))
        for entry in ordered:
            now = novelty.since.get(entry.fact.id)
            verdict = verdict_label(entry.verdict, lang)
            if now is not None and not entry.later:
                verdict = label("brief.verdict.no_report_by_then", lang)
            lines.append(f"  - **{verdict}**: {_text(entry.fact, lang)} `{entry.fact.id}`"
                         + (f" → {_later_list(entry.later, lang)}" if entry.later else ""))
            if now is not None:
                lines.append(f"    - {label('brief.outcome_since', lang)}: "
                             f"**{verdict_label(now.verdict, lang)}** → "
                             f"{_later_list(now.later, lang)}")
            if entry.fact.id in novelty.see_also:
                lines.append(f"    - {label('track.see_also', lang)} "
                             f"{_later_list(list(novelty.see_also[entry.fact.id]), lang)}")
    return [*lines, ""]


def _later_list(facts: list[Fact], lang: str) -> str:
    return ", ".join(f"`{fact.id}` ({_date_shown(fact, lang)})" for fact in facts)


def _fact_data(fact: Fact) -> dict[str, Any]:
    return {"id": fact.id, "kind": fact.kind, "date": fact.date.isoformat(),
            "date_precision": fact.date_precision, "date_basis": fact.date_basis,
            "sectors": list(fact.sectors), "status": fact.status, "speaker": fact.speaker,
            "summary": fact.summary, "text": fact.text, "evidence": fact.evidence,
            "source": fact.source, "part_of": fact.part_of}


def data(brief: Brief, lazy: bool = False) -> dict[str, Any]:
    """The same page as plain data, for scripts. With ``lazy`` the long lists of facts are
    generators, each item made as the writer reaches it (render.write_json_value): a brief
    of 16,000 facts is never held twice, as items and as data."""
    event = brief.event
    many: Any = iter if lazy else list

    def item(entry: Item) -> dict[str, Any]:
        return {**_fact_data(entry.fact), "attribution": entry.attribution,
                "citation": entry.citation, "parts": [_fact_data(p) for p in entry.parts],
                "announced": [p.fact.id for p in entry.announced],
                "same_sentence": [p.id for p in entry.also], "areas": entry.areas,
                "conflicts": [{"id": p.id, "source": p.source, "date": p.date.isoformat(),
                               "date_precision": p.date_precision} for p in entry.conflicts],
                "same_as": [p.id for p in entry.same],
                "sources_count": len({entry.fact.source, *(p.source for p in entry.same)})}

    novelty = brief.novelty
    return {
        "event": {"id": event.id, "kind": event.kind, "title_en": event.title_en,
                  "title_ru": event.title_ru, "start": event.start.isoformat(),
                  "end": event.end.isoformat(), "date_precision": event.date_precision,
                  "date_basis": event.date_basis, "date_note": event.date_note,
                  "places": list(event.places), "host": event.host, "guest": event.guest},
        "related": [other.id for other in brief.related],
        "related_announced_only": list(brief.related_announced),
        "sections": [{"status": section.status, "title": section.title,
                      "sectors": [{"sector": group.sector,
                                   "facts": many(item(entry) for entry in group.items)}
                                  for group in section.groups]}
                     for section in brief.sections],
        "preview_against_outcome": many(
            {**item(check.item), "verdict": check.tracked.verdict,
             "shown_as": check.shown or check.tracked.verdict,
             "see_also": check.see.id if check.see is not None else "",
             "parts_verdicts": {p.fact.id: p.verdict for p in check.tracked.parts},
             "later": [f.id for f in check.tracked.later],
             "decided_by": check.tracked.decisive.id if check.tracked.decisive else "",
             "words": check.tracked.words} for check in brief.checks),
        "figures": many({**item(entry), "value": entry.fact.value, "unit": entry.fact.unit}
                        for entry in brief.figures),
        "alongside": many(item(entry) for entry in brief.alongside),
        "preview_background": many(item(entry) for entry in brief.preview_side),
        "preview_assessments_left_out": brief.preview_said,
        "new": {"previous_event": novelty.previous.id if novelty.previous else None,
                "sectors": novelty.sectors, "first_sectors": novelty.first_sectors,
                "names": novelty.names,
                # verdict and later as of this meeting; *_now: as of the newest article
                "previous_commitments": [
                    {"id": e.fact.id, "verdict": e.verdict, "later": [f.id for f in e.later],
                     "verdict_now": novelty.since.get(e.fact.id, e).verdict,
                     "later_now": [f.id for f in novelty.since.get(e.fact.id, e).later],
                     "see_also": [f.id for f in novelty.see_also.get(e.fact.id, ())]}
                    for e in novelty.outcomes]},
        "citations": [{"number": number, "preview": source.id in brief.previews,
                       "of_this_event": not brief.own or source.id in brief.own,
                       "source": source.id, "publisher": source.publisher,
                       "title": source.title, "published": source.published.isoformat(),
                       "published_precision": source.published_precision,
                       "file": source.file, "url": source.url, "reference": source_line(source)}
                      for number, source in enumerate(brief.sources, 1)],
    }
