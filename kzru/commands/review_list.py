"""kzru review --list: the drafts waiting, in every format, with the event each invitation
proposes; and how review says its messages (in the reader's language, data made one line),
for the terminal review too (kzru.commands.review).

Apart from the terminal session because a listing is read by scripts: its keys are a contract.
"""

from typing import Optional

from kzru.errors import one_line
from kzru.labels import Said, say
from kzru.options import Options

LIST_KEYS = ("id", "source", "status", "kind", "date", "date_precision", "event", "same_as",
             "text", "proposes", "proposes_title", "proposes_kind", "proposes_date",
             "proposes_date_precision", "proposes_places")


def said_in(key: str, lang: str, **fields: object) -> str:
    """A message of the table in the reader's language, data in it made safe for one line."""
    return say(Said(key, **{name: one_line(value) if type(value) is str else value
                            for name, value in fields.items()}), lang)


def list_drafts(session, source: Optional[str], options: Options) -> None:  # noqa: ANN001
    """The drafts waiting, in the chosen format like every listing: a table at a terminal
    (the sentence wrapped at spaces), TSV with a header in a pipe, or json/jsonl/csv/md."""
    from kzru.labels import label, status_word, word
    from kzru.output import Output
    from kzru.render import date_label
    from kzru.table import Column

    lang = options.language
    rows = []
    for fact_id in session.drafts(source):
        fact = session.data.facts[fact_id]
        proposed = proposed_event(session, fact_id)
        shown = fact.text + own_event(session, fact.event, lang) + (
            said_in("review.list_proposes", lang, id=proposed["proposes"],
                    title=title_of(session, fact_id, lang), date=proposed["proposes_when"])
            if proposed["proposes"] else "")
        rows.append({"id": fact.id, "source": fact.source, "status": fact.status,
                     "kind": fact.kind, "date": fact.date, "date_precision": fact.date_precision,
                     "when": date_label(fact.date, fact.date_precision), "event": fact.event,
                     "same_as": list(fact.same_as), "text": fact.text, **proposed,
                     # a table's words (the machine formats keep the values above)
                     "status_shown": say(status_word(fact.status), lang),
                     "kind_shown": say(word("kind", fact.kind), lang), "text_shown": shown})
    columns = [Column("id", said_in("review.col.draft", lang), no_wrap=True),
               Column("status_shown", label("col.status", lang), drop=3),
               Column("kind_shown", said_in("review.col.kind", lang), drop=1),
               Column("when", label("col.date", lang), no_wrap=True, drop=2),
               Column("text_shown", said_in("review.col.sentence", lang), ratio=1,
                      min_width=20)]
    not_shown = said_in("review.not_shown", lang, columns="{columns}")
    with Output(options) as out:
        nothing = said_in("review.none", lang, folder=str(session.folder))
        out.rows(rows, LIST_KEYS, columns, nothing,
                 draw=lambda: out.writer.table(rows, columns, dropped_note=not_shown))
        if out.is_table:
            out.writer.line(said_in("review.waiting", lang, count=len(rows),
                                    folder=str(session.folder)), style="dim")


def proposed_event(session, fact_id: str) -> dict:  # noqa: ANN001
    """The event the draft proposes (an invitation's visit), as --list's keys: the event's id,
    English title, kind, start and its precision, places ('' and None when it proposes none,
    or names an event the folder lacks)."""
    from datetime import date

    from kzru.render import date_label

    event = session.proposed_row(fact_id)
    if event is None:
        return {"proposes": "", "proposes_title": "", "proposes_kind": "",
                "proposes_date": None, "proposes_date_precision": "", "proposes_places": [],
                "proposes_when": ""}
    try:
        start = date.fromisoformat(event["start"])
        when = date_label(start, event["date_precision"])
    except ValueError:  # refused when the folder is validated; shown as written
        start, when = None, event["start"]
    if start is not None and event["date_precision"] == "day" and event["end"] not in (
            "", event["start"]):
        when = f"{when}–{event['end']}"
    return {"proposes": event["id"], "proposes_title": event["title_en"],
            "proposes_kind": event["kind"], "proposes_date": start,
            "proposes_date_precision": event["date_precision"],
            "proposes_places": [p for p in event["places"].split("; ") if p],
            "proposes_when": when}


def own_event(session, event_id: str, lang: str) -> str:  # noqa: ANN001
    """The event a draft belongs to, as the table shows it after the sentence (round-16 red
    team F11: accepting the draft accepts a draft event, so the table names it)."""
    event = session.event_by_id(event_id)
    if event is None:
        return ""
    draft = said_in("review.list_event_draft", lang) if event["review"] == "draft" else ""
    return said_in("review.list_event", lang, id=event_id, title=_title(event, lang),
                   draft=draft)


def title_of(session, fact_id: str, lang: str) -> str:  # noqa: ANN001
    """The proposed event's title in the reader's language (English when it has no other)."""
    return _title(session.proposed_row(fact_id) or {}, lang)


def _title(event: dict[str, str], lang: str) -> str:
    """An event row's title in the reader's language (English when it has no other)."""
    return event.get("title_ru") if lang == "ru" and event.get("title_ru") else \
        event.get("title_en", "")
