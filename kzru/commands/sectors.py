"""kzru sectors: the taxonomy with counts, one sector's facts, or the sector × event matrix."""

from typing import Annotated, Optional

import typer

from kzru import fields, query
from kzru.commands.shared import (
    FieldsOption,
    complete_sector,
    dataset,
    fact_columns,
    fact_rows,
    group_title,
    in_date_order,
    layout,
)
from kzru.db import Store
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.table import Column

EXAMPLES = ("kzru sectors", "kzru sectors nuclear",
            "kzru sectors 'Образование и наука' --lang ru", "kzru sectors --matrix",
            "kzru sectors --matrix --format csv", "kzru sectors --fields id,facts,signed,agreed")


@with_common_options
def command(
    sector: Annotated[Optional[str], typer.Argument(
        metavar="[SECTOR]", autocompletion=complete_sector,
        help="A sector id, name or alias: list its facts by event, in date order.")] = None,
    matrix: Annotated[bool, typer.Option(
        "--matrix", help="A sector × event table of fact counts.")] = False,
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """The sector taxonomy with counts; one sector's facts by event; or a sector × event matrix.

    Counts count each item once: the parts of a package are not counted again. At narrow
    widths Last goes first, then First, Events and the sector's name."""
    data = dataset(options)
    with Output(options) as out:
        if matrix:
            return _matrix(data, out)
        if sector:
            return _one_sector(data, out, sector, fields_)
        rows = []
        for summary in query.sector_summaries(data):
            rows.append({
                "id": summary.sector.id, "name": summary.sector.name,
                "name_ru": summary.sector.name_ru, "aliases": summary.sector.aliases,
                "facts": summary.facts, "signed": summary.signed, "agreed": summary.agreed,
                "events": summary.events, "first": summary.first,
                "first_precision": summary.first_precision, "last": summary.last,
                "last_precision": summary.last_precision,
                "label": summary.sector.label(out.lang),
            })
        columns = [Column("id", "Id", no_wrap=True),
                   Column("label", "Sector", ratio=3, drop=4, min_width=14),
                   Column("facts", "Facts", justify="right"),
                   Column("signed", "Signed", justify="right"),
                   Column("agreed", "Agreed", justify="right"),
                   Column("events", "Events", justify="right", drop=3),
                   Column("first", "First", no_wrap=True, drop=2),
                   Column("last", "Last", no_wrap=True, drop=1)]
        keys, columns = layout(out, fields_, fields.SECTOR_DEFAULT, fields.SECTOR_ALL, columns,
                               "sectors")
        out.rows(rows, keys, columns, "no sectors")


def _one_sector(data: Store, out: Output, sector: str, spec: Optional[str]) -> None:
    chosen = query.resolve_sector(sector, data.sectors)
    found = query.filter_facts(data, query.FactFilter(sectors=(chosen,)))
    groups = in_date_order(found, data.events)
    ordered = [fact for _, group in groups for fact in group]
    keys, columns = layout(out, spec, fields.FACT_DEFAULT, fields.FACT_ALL, fact_columns(out),
                           "facts")

    def draw() -> None:
        for event_id, group in groups:
            title = group_title(data.events.get(event_id), out.lang, group)
            out.writer.table(fact_rows(group, data.events, data.sources, out.lang), columns,
                             title)

    out.rows(fact_rows(ordered, data.events, data.sources, out.lang), keys, columns,
             "no facts in this sector", draw=draw)


def _matrix(data: Store, out: Output) -> None:
    events, counts = query.sector_matrix(data)
    rows = []
    for sector, per_event, loose in counts:
        row = {"sector": sector.id}
        row.update({event.id: count for event, count in zip(events, per_event)})
        row["none"] = loose
        rows.append(row)
    keys = ["sector", *(e.id for e in events), "none"]
    columns = [Column("sector", "Sector", no_wrap=True)] + [
        Column(e.id, str(number), justify="right") for number, e in enumerate(events, 1)
    ] + [Column("none", "—", justify="right")]
    if out.is_table:
        display = [{k: (v or "·") if k != "sector" else v for k, v in row.items()} for row in rows]
        out.writer.table(display, columns, "Facts per sector (rows) and event (columns)")
        legend = [{"number": str(number), "event": event.id, "title": event.title(out.lang)}
                  for number, event in enumerate(events, 1)]
        legend.append({"number": "—", "event": "", "title": "facts outside any event"})
        out.writer.table(legend, [Column("number", "#", justify="right"),
                                  Column("event", "Event", no_wrap=True),
                                  Column("title", "Title", ratio=1)])
        return
    out.rows(rows, keys, columns, "no sectors")
