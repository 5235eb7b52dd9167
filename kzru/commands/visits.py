"""kzru visits: the events in date order."""

from typing import Annotated, Optional

import typer

from kzru import query
from kzru.commands.shared import dataset, date_span
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import Column, event_row

EXAMPLES = ("kzru visits", "kzru visits --year 2024", "kzru visits --host ru --kind state-visit",
            "kzru visits --format json | jq '.[] | {id, start, facts}'")
KEYS = ("id", "kind", "title", "start", "end", "date_precision", "date_basis", "host", "guest",
        "places", "sources", "facts")


@with_common_options
def command(
    year: Annotated[Optional[int], typer.Option(
        "--year", "-y", help="Events in this year.")] = None,
    host: Annotated[Optional[str], typer.Option("--host", help="Host country: kz or ru.")] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", "-k", help="Event kind: " + ", ".join(query.EVENT_KINDS) + ".")] = None,
    *, options: Options,
) -> None:
    """Visits, talks, summits and forums in date order, with how many facts each holds."""
    data = dataset(options)
    out = Output(options)
    events = query.visits(data, year, host, kind)
    rows = [event_row(e, out.lang, len(data.top_level(data.facts_by_event.get(e.id, []))))
            for e in events]
    for row, event in zip(rows, events):
        row["dates"] = date_span(event)
        row["route"] = f"{event.guest.upper()} → {event.host.upper()}"
    columns = [
        Column("dates", "Dates", no_wrap=True),
        Column("kind", "Kind, guest → host", no_wrap=True, footnote="route"),
        Column("title", "Title (id)", ratio=1, footnote="id"),
        Column("places", "Places", stack=True),
        Column("facts", "Facts", justify="right"), Column("sources", "Sources", stack=True),
    ]
    out.rows(rows, KEYS, columns, "no events match", title=None)
    if out.is_table:
        out.writer.line("* date inferred (see kzru show ID); ~ precision coarser than a day",
                        style="dim")
