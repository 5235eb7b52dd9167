"""kzru visits: the events in date order."""

from typing import Annotated, Optional

import typer

from kzru import fields, query
from kzru.commands.shared import FieldsOption, dataset, date_span, layout
from kzru.options import Choice, Options, with_common_options
from kzru.output import Output
from kzru.table import Column

EXAMPLES = ("kzru visits", "kzru visits --year 2024", "kzru visits --host ru --kind state-visit",
            "kzru visits --fields id,start,end,facts --format csv",
            "kzru visits --format json | jq '.[] | {id, start, facts}'")


@with_common_options
def command(
    year: Annotated[Optional[int], typer.Option(
        "--year", "-y", help="Events in this year.")] = None,
    host: Annotated[Optional[str], typer.Option(
        "--host", click_type=Choice(query.COUNTRIES, "host"), help="Host country.")] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", "-k", click_type=Choice(query.EVENT_KINDS, "event kind"),
        help="Event kind.")] = None,
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """Visits, talks, summits and forums in date order, with how many facts each holds.

    At narrow widths Sources goes first, then Places, then the kind."""
    data = dataset(options)
    events = query.visits(data, year, host, kind)
    counts = data.top_level_counts("event")
    with Output(options) as out:
        rows = []
        for event in events:
            row = fields.event_record(event, out.lang, counts.get(event.id, 0))
            row["dates"] = date_span(event)
            row["route"] = f"{event.guest.upper()} → {event.host.upper()}"
            rows.append(row)
        columns = [
            Column("dates", "Dates", no_wrap=True),
            Column("kind", "Kind, guest → host", no_wrap=True, footnote="route", drop=3),
            Column("title", "Title (id)", ratio=1, footnote="id", min_width=20),
            Column("places", "Places", stack=True, drop=2),
            Column("facts", "Facts", justify="right"),
            Column("sources", "Sources", stack=True, ids=True, drop=1),
        ]
        keys, columns = layout(out, fields_, fields.EVENT_DEFAULT, fields.EVENT_ALL, columns,
                               "visits")
        out.rows(rows, keys, columns, "no events match", title=None)
        if out.is_table and not fields_:
            out.writer.line("* date inferred (see kzru show ID)", style="dim")
