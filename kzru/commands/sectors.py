"""kzru sectors: the taxonomy with counts, one sector's facts, or the sector × event matrix."""

from typing import Annotated, Optional

import typer

from kzru import query
from kzru.commands.shared import complete_sector, dataset, date_span, fact_columns
from kzru.model import Dataset
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import FACT_KEYS, Column, fact_row

EXAMPLES = ("kzru sectors", "kzru sectors nuclear",
            "kzru sectors 'Образование и наука' --lang ru", "kzru sectors --matrix",
            "kzru sectors --matrix --format csv")
KEYS = ("id", "name", "name_ru", "facts", "signed", "agreed", "events", "first", "last")


@with_common_options
def command(
    sector: Annotated[Optional[str], typer.Argument(
        metavar="[SECTOR]", autocompletion=complete_sector,
        help="A sector id, name or alias: list its facts grouped by event.")] = None,
    matrix: Annotated[bool, typer.Option(
        "--matrix", help="A sector × event table of fact counts.")] = False,
    *, options: Options,
) -> None:
    """The sector taxonomy with counts; one sector's facts by event; or a sector × event matrix."""
    data = dataset(options)
    out = Output(options)
    if matrix:
        return _matrix(data, out)
    if sector:
        return _one_sector(data, out, sector)
    rows = []
    for summary in query.sector_summaries(data):
        rows.append({
            "id": summary.sector.id, "name": summary.sector.name,
            "name_ru": summary.sector.name_ru, "facts": summary.facts,
            "signed": summary.signed, "agreed": summary.agreed, "events": summary.events,
            "first": summary.first, "last": summary.last,
            "label": summary.sector.label(out.lang),
        })
    columns = [Column("id", "Id", no_wrap=True), Column("label", "Sector", ratio=3),
               Column("facts", "Facts", justify="right"),
               Column("signed", "Signed", justify="right"),
               Column("agreed", "Agreed", justify="right"),
               Column("events", "Events", justify="right"),
               Column("first", "First", no_wrap=True), Column("last", "Last", no_wrap=True)]
    out.rows(rows, KEYS, columns, "no sectors")


def _one_sector(data: Dataset, out: Output, sector: str) -> None:
    chosen = query.resolve_sector(sector, data.sectors)
    found = query.filter_facts(data, query.FactFilter(sectors=(chosen,)))
    groups = query.group_by_event(found)
    ordered = [fact for _, group in groups for fact in group]

    def draw() -> None:
        for event_id, group in groups:
            event = data.events.get(event_id)
            title = (f"{event.title(out.lang)} ({date_span(event)})" if event
                     else "Outside any event")
            out.writer.table([fact_row(f) for f in group], fact_columns(out), title)

    out.rows([fact_row(f) for f in ordered], FACT_KEYS, [], "no facts in this sector", draw=draw)


def _matrix(data: Dataset, out: Output) -> None:
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
        for number, event in enumerate(events, 1):
            out.writer.line(f"{number:>2}  {event.id:<32} {event.title(out.lang)}")
        out.writer.line(" —  facts outside any event")
        return
    out.rows(rows, keys, columns, "no sectors")
