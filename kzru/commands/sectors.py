"""kzru sectors: the taxonomy with counts, one sector's facts, or the sector × event matrix."""

from typing import Annotated, Any, Optional

import typer

from kzru import fields, query
from kzru.commands.fact_rows import fact_rows
from kzru.commands.shared import (
    FieldsOption,
    complete_sector,
    dataset,
    fact_columns,
    fact_filter,
    group_title,
    in_date_order,
    layout,
    with_fact_filters,
)
from kzru.db import Store
from kzru.errors import KzruError
from kzru.filters import Typed
from kzru.labels import Said, label, say
from kzru.labels import word as vocab
from kzru.model import Event
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.table import GAP, Column

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Sectors, one sector's facts, or a matrix"
EXAMPLES = ("kzru sectors", "kzru sectors nuclear",
            "kzru sectors 'Образование и наука' --lang ru", "kzru sectors --matrix",
            "kzru sectors --matrix --format csv", "kzru sectors --fields id,facts,signed,agreed",
            "kzru sectors energy --year 2024 --year 2025 --status agreed",
            "kzru sectors образование --since 2024-11 --source a002")


@with_common_options
@with_fact_filters
def command(
    name: Annotated[Optional[str], typer.Argument(
        metavar="[SECTOR]", autocompletion=complete_sector,
        help="A sector id, name or alias: list its facts by event, in date order.")] = None,
    matrix: Annotated[bool, typer.Option(
        "--matrix", help="A sector × event table of fact counts.")] = False,
    fields_: FieldsOption = None, *, options: Options, typed: Typed,
) -> None:
    """The sector taxonomy with counts; one sector's facts by event; or a sector × event matrix.

    One sector's facts take every filter kzru facts takes (OR within a filter, AND across;
    --sector then narrows to facts also in one of those sectors). Counts count each item once:
    the parts of a package are not counted again. At narrow widths Last goes first, then
    First, Events and the sector's name."""
    if typed != Typed() and (matrix or not name):
        raise KzruError(Said("err.sector_filters"))
    data = dataset(options)
    with Output(options) as out:
        out.glossary = lambda: data.glossary  # speakers in Russian (--lang ru)
        if matrix:
            return _matrix(data, out)
        if name:
            return _one_sector(data, out, name, fields_, typed)
        rows = []
        for sector, counts in query.sector_summaries(data):
            rows.append({
                "id": sector.id, "name": sector.name, "name_ru": sector.name_ru,
                "aliases": sector.aliases, "facts": counts.facts, "signed": counts.signed,
                "agreed": counts.agreed, "events": counts.events, "first": counts.first,
                "first_precision": counts.first_precision, "last": counts.last,
                "last_precision": counts.last_precision, "label": sector.label(out.lang),
            })
        lang = out.lang
        columns = [Column("id", label("col.id", lang), no_wrap=True),
                   Column("label", label("col.sector", lang), ratio=3, drop=4, min_width=14),
                   Column("facts", label("col.facts", lang), justify="right"),
                   Column("signed", label("col.signed", lang), justify="right"),
                   Column("agreed", label("col.agreed", lang), justify="right"),
                   Column("events", label("col.events", lang), justify="right", drop=3),
                   Column("first", label("col.first", lang), no_wrap=True, drop=2),
                   Column("last", label("col.last", lang), no_wrap=True, drop=1)]
        keys, columns = layout(out, fields_, fields.SECTOR_DEFAULT, fields.SECTOR_ALL, columns,
                               "sectors")
        out.rows(rows, keys, columns, label("empty.sectors", out.lang))


def _one_sector(data: Store, out: Output, sector: str, spec: Optional[str],
                typed: Typed) -> None:
    """The sector's facts that pass the filters typed, grouped by event in date order."""
    chosen = query.resolve_sector(sector, data.sectors)
    selection = fact_filter(data, typed)
    also = set(selection.sectors)  # --sector beside SECTOR: in it and in one of those
    found = [fact for fact in query.filter_facts(data, selection._replace(sectors=(chosen,)))
             if not also or also & set(fact.sectors)]
    groups = in_date_order(found, data.events)
    ordered = [fact for _, group in groups for fact in group]
    keys, columns = layout(out, spec, fields.FACT_DEFAULT, fields.FACT_ALL, fact_columns(out),
                           "facts")

    def draw() -> None:
        for event_id, group in groups:
            title = group_title(data.events.get(event_id), out.lang, group)
            out.writer.table(fact_rows(group, data.events, data.sources, out.lang), columns,
                             title)

    out.rows(fact_rows(ordered, data.events, data.sources, out.lang,
                       None if out.is_table else keys), keys, columns,
             label("empty.sector_facts", out.lang), draw=draw)


def _short(event: Event, lang: str) -> str:
    """A column head: the month and the kind ("2024-11 state visit"); wraps at its spaces."""
    kind = say(vocab("event_kind", event.kind), lang)
    return f"{event.start:%Y-%m} {kind.replace('-', ' ')}"


def _matrix(data: Store, out: Output) -> None:
    """Counts per sector and event with row and column totals. Events head their columns by
    month and kind where those are unique and fit the width; otherwise by number, with the
    legend printed first so that it is on the first screen."""
    lang = out.lang
    events, counts = query.sector_matrix(data)
    rows = []
    for sector, per_event, loose in counts:
        row: dict[str, Any] = {"sector": sector.id}
        row.update({event.id: count for event, count in zip(events, per_event)})
        row["none"] = loose
        row["total"] = sum(per_event) + loose
        rows.append(row)
    keys = ["sector", *(e.id for e in events), "none", "total"]
    if not out.is_table:
        out.rows(rows, keys, [], label("empty.sectors", lang))
        return
    shorts = [_short(event, lang) for event in events]
    longest_word = max((len(w) for short in shorts for w in short.split()), default=1)
    totals_width = len(label("col.total", lang))
    needed = (max(len(row["sector"]) for row in rows) + GAP + (longest_word + GAP) * len(events)
              + 1 + GAP + max(totals_width, 3))
    width = out.writer.width
    named = len(set(shorts)) == len(shorts) and (width is None or needed <= width)
    heads = shorts if named else [str(number) for number in range(1, len(events) + 1)]
    columns = [Column("sector", label("col.sector", lang), no_wrap=True)] + [
        Column(event.id, head, justify="right") for event, head in zip(events, heads)
    ] + [Column("none", "—", justify="right"),
         Column("total", label("col.total", lang), justify="right")]
    if not named:  # one line an event: its id says what it is; titles where they fit
        legend = [{"number": str(number), "event": event.id, "title": event.title(lang)}
                  for number, event in enumerate(events, 1)]
        legend_columns = [Column("number", label("col.number", lang), justify="right"),
                          Column("event", label("col.event", lang), no_wrap=True)]
        id_width = max(len(event.id) for event in events) + 3 + 2 * GAP
        if width is None or width - id_width >= max(len(row["title"]) for row in legend):
            legend_columns.append(Column("title", label("col.title", lang), ratio=1))
        out.writer.table(legend, legend_columns)
    summed = {"sector": label("col.total", lang)}
    for key in keys[1:]:
        summed[key] = sum(row[key] for row in rows)
    display = [{k: (v or "·") if k != "sector" else v for k, v in row.items()}
               for row in [*rows, summed]]
    out.writer.table(display, columns, label("title.matrix", lang))
    out.writer.line(label("note.matrix", lang), style="dim")
