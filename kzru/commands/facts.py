"""kzru facts: every fact, filtered."""

from typing import Annotated

import typer

from kzru import fields, query
from kzru.commands.shared import (
    EventFilter,
    FieldsOption,
    KindFilter,
    LimitOption,
    SectorFilter,
    StatusFilter,
    YearFilter,
    cut_limit,
    dataset,
    fact_columns,
    fact_rows,
    filter_values,
    layout,
)
from kzru.options import Options, with_common_options
from kzru.output import Output

EXAMPLES = ("kzru facts", "kzru facts --sector nuclear",
            "kzru facts --status signed --kind document --top-level",
            "kzru facts --kind figure --fields id,date,value,unit,summary",
            "kzru facts --year 2022 --format csv > facts-2022.csv", "kzru facts | head -3")


@with_common_options
def command(
    sector: SectorFilter = None, year: YearFilter = None, event: EventFilter = None,
    status: StatusFilter = None, kind: KindFilter = None, limit: LimitOption = None,
    top_level: Annotated[bool, typer.Option(
        "--top-level", help="Only facts that are not part of another (a package, not its "
        "areas): what kzru's counts count.")] = False,
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """Every fact, newest first, narrowed by the filters given."""
    data = dataset(options)
    selection = query.make_filter(data.sectors, data.events,
                                  **filter_values(sector, year, event, status, kind))
    shown = query.filter_facts(data, selection, top_level, cut_limit(limit))
    total = len(shown) if cut_limit(limit) is None or len(shown) < (limit or 0) else \
        data.count(selection, top_level)
    with Output(options) as out:
        keys, columns = layout(out, fields_, fields.FACT_DEFAULT, fields.FACT_ALL,
                               fact_columns(out), "facts")
        out.rows(fact_rows(shown, data.events, data.sources, out.lang), keys, columns,
                 "no facts match")
        out.cut(len(shown), total)
