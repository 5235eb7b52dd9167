"""kzru visits: the events in date order."""

from typing import Annotated, List, Optional

import typer

from kzru import fields, query
from kzru.commands.shared import (
    FieldsOption,
    PlaceFilter,
    ReverseOption,
    SectorFilter,
    SinceOption,
    SourceFilter,
    UntilOption,
    cut_limit,
    dataset,
    date_span,
    layout,
    sort_option,
)
from kzru.filters import Typed, events_matching
from kzru.labels import label, say
from kzru.labels import word as vocab
from kzru.options import Choice, Options, Year, with_common_options
from kzru.output import Output
from kzru.table import Column

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Visits, talks, summits and forums by date"
EXAMPLES = ("kzru visits", "kzru visits --year 2024 --year 2025",
            "kzru visits --host ru --kind state-visit", "kzru visits --place Москва",
            "kzru visits --sector образование --since 2024 --reverse",
            "kzru visits --fields id,start,end,facts --format csv",
            "kzru visits --format json | jq '.[] | {id, start, facts}'")


@with_common_options
def command(
    year: Annotated[Optional[List[int]], typer.Option(
        "--year", "-y", metavar="YEAR", click_type=Year(),
        help="Events in this year. Repeatable.")] = None,
    host: Annotated[Optional[List[str]], typer.Option(
        "--host", click_type=Choice(query.COUNTRIES, "host"),
        help="Host country. Repeatable.")] = None,
    kind: Annotated[Optional[List[str]], typer.Option(
        "--kind", "-k", click_type=Choice(query.EVENT_KINDS, "event kind"),
        help="Event kind. Repeatable.")] = None,
    sector: SectorFilter = None, place: PlaceFilter = None, source: SourceFilter = None,
    since: SinceOption = None, until: UntilOption = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=0, metavar="N", help="Show at most N events (0: all).")] = None,
    sort: sort_option(("date", "id"), "date, oldest first") = None,
    reverse: ReverseOption = False,
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """Visits, talks, summits and forums in date order: dates, kind and route, title and id,
    places, how many facts each holds, and its sources. Repeat a filter for any of several
    values; different filters must all hold.

    At narrow widths Sources goes first, then Places, then the kind."""
    data = dataset(options)
    typed = Typed.of(sector=sector, place=place, source=source, since=since, until=until)
    found = events_matching(data, year or (), host or (), kind or (), typed)
    if sort == "id":
        found.sort(key=lambda event: event.id)
    if reverse:
        found.reverse()
    events = found[:cut_limit(limit)]
    counts = data.top_level_counts("event")
    with Output(options) as out:
        rows = []
        for event in events:
            row = fields.event_record(event, out.lang, counts.get(event.id, 0))
            row["dates"] = date_span(event)
            row["route"] = f"{event.guest.upper()} → {event.host.upper()}"
            row["kind_shown"] = say(vocab("event_kind", event.kind), out.lang)  # саммит
            rows.append(row)
        lang = out.lang
        columns = [
            Column("dates", label("col.dates", lang), no_wrap=True),
            Column("kind_shown", label("col.kind_route", lang), no_wrap=True, footnote="route",
                   drop=3),
            Column("title", label("col.title_id", lang), ratio=1, footnote="id", min_width=20),
            Column("places", label("col.places", lang), stack=True, drop=2),
            Column("facts", label("col.facts", lang), justify="right"),
            Column("sources", label("col.sources", lang), stack=True, ids=True, drop=1),
        ]
        keys, columns = layout(out, fields_, fields.EVENT_DEFAULT, fields.EVENT_ALL, columns,
                               "visits")
        out.rows(rows, keys, columns, label("empty.events", lang), title=None)
        out.cut(len(events), len(found), "events")
        if out.is_table and not fields_:
            out.writer.line(label("note.visits_inferred", lang), style="dim")
