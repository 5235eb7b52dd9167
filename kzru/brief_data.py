"""A brief as plain data for scripts (``kzru brief --format json``): the same page as
kzru.render_brief draws, each fact whole, with its citation's reference as ``kzru cite`` says it.
"""

from __future__ import annotations

from typing import Any

from kzru.brief import Brief, Item
from kzru.cite import headline, published_label
from kzru.json_writer import Later
from kzru.model import Fact, Source


def source_line(source: Source) -> str:
    """A reference to paste: outlet, title (or a description), date at its precision, file."""
    outlet = source.publisher or "outlet not named in the text"
    title = f"«{source.title}»" if source.title else headline(source)  # as kzru cite says it
    url = f", {source.url}" if source.url else ""
    return f"{outlet}, {title}, {published_label(source)}, file {source.file}{url}"


def _fact_data(fact: Fact) -> dict[str, Any]:
    return {"id": fact.id, "kind": fact.kind, "date": fact.date.isoformat(),
            "date_precision": fact.date_precision, "date_basis": fact.date_basis,
            "sectors": list(fact.sectors), "status": fact.status, "speaker": fact.speaker,
            "summary": fact.summary, "text": fact.text, "evidence": fact.evidence,
            "source": fact.source, "part_of": fact.part_of}


def data(brief: Brief, lazy: bool = False) -> dict[str, Any]:
    """The same page as plain data, for scripts. With ``lazy`` the long lists of facts are
    generators, each item made as the writer reaches it (json_writer.write_json_value): a brief
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

    def new() -> dict[str, Any]:
        novelty = brief.novelty
        return {
            "previous_event": novelty.previous.id if novelty.previous else None,
            "sectors": novelty.sectors,
            # not the previous meeting's own, but on its page among the rows alongside
            "sectors_last_alongside": novelty.last_alongside,
            "first_sectors": novelty.first_sectors,
            "first_sectors_alongside": novelty.first_alongside,
            "names": novelty.names,
            # new names only the event's preview gives, not its report
            "names_preview_only": novelty.preview_only,
            "names_first_with": novelty.with_others,
            # verdict and later as of this meeting; *_now: as of the newest article
            # one item at a time (at 100,000 facts the last meeting left thousands)
            "previous_commitments": many(
                {"id": e.fact.id, "verdict": e.verdict, "later": [f.id for f in e.later],
                 "verdict_now": novelty.since.get(e.fact.id, e).verdict,
                 "later_now": [f.id for f in novelty.since.get(e.fact.id, e).later],
                 "see_also": [f.id for f in novelty.see_also.get(e.fact.id, ())],
                 "parts_see_also": {p.fact.id: [f.id for f in novelty.see_also[p.fact.id]]
                                    for p in e.parts if p.fact.id in novelty.see_also}}
                for e in novelty.outcomes)}

    return {
        "event": {"id": event.id, "kind": event.kind, "title_en": event.title_en,
                  "title_ru": event.title_ru, "start": event.start.isoformat(),
                  "end": event.end.isoformat(), "date_precision": event.date_precision,
                  "date_basis": event.date_basis, "date_note": event.date_note,
                  "places": list(event.places), "host": event.host, "guest": event.guest},
        "related": [other.id for other in brief.related],
        "related_announced_only": list(brief.related_announced),
        # on the page of an event its articles only announce: the events in whose reports
        # it was announced (not held alongside it: round-13 briefs reader A)
        "announced_in": [other for other in dict.fromkeys(brief.announcing.values())
                         if not brief.reports],
        # group by group: each made (its facts read) as the writer reaches it
        "sections": many({"status": section.status, "title": section.title,
                          "sectors": many({"sector": group.sector,
                                           "facts": many(item(entry) for entry in group.items)}
                                          for group in section.groups)}
                         for section in brief.sections),
        "preview_against_outcome": many(
            {**item(check.item), "verdict": check.tracked.verdict,
             "shown_as": check.shown or check.tracked.verdict,
             "see_also": check.see.id if check.see is not None else "",
             "field_rows": [f.id for f in check.field],
             "parts_verdicts": {p.fact.id: p.verdict for p in check.tracked.parts},
             "later": [f.id for f in check.tracked.later],
             "decided_by": check.tracked.decisive.id if check.tracked.decisive else "",
             "words": check.tracked.words} for check in brief.checks),
        "figures": many({**item(entry), "value": entry.fact.value, "unit": entry.fact.unit}
                        for entry in brief.figures),
        "alongside": many(item(entry) for entry in brief.alongside),
        "preview_background": many(item(entry) for entry in brief.preview_side),
        "preview_assessments_left_out": brief.preview_said,
        # worked out when the writer reaches it (render.Later): not held meanwhile
        "new": Later(new) if lazy else new(),
        "citations": [{"number": number, "preview": source.id in brief.previews,
                       "of_this_event": not brief.own or source.id in brief.own,
                       "source": source.id, "publisher": source.publisher,
                       "title": source.title, "published": source.published.isoformat(),
                       "published_precision": source.published_precision,
                       "file": source.file, "url": source.url, "reference": source_line(source)}
                      for number, source in enumerate(brief.sources, 1)],
    }
