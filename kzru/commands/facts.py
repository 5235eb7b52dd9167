"""kzru facts: every fact, filtered."""

from kzru import query
from kzru.commands.shared import (
    EventFilter,
    KindFilter,
    LimitOption,
    SectorFilter,
    StatusFilter,
    YearFilter,
    dataset,
    fact_columns,
    filter_values,
)
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import FACT_KEYS, fact_row

EXAMPLES = ("kzru facts", "kzru facts --sector nuclear",
            "kzru facts --status signed --kind document",
            "kzru facts --year 2022 --format csv > facts-2022.csv", "kzru facts | head -3")


@with_common_options
def command(
    sector: SectorFilter = None, year: YearFilter = None, event: EventFilter = None,
    status: StatusFilter = None, kind: KindFilter = None, limit: LimitOption = None,
    *, options: Options,
) -> None:
    """Every fact, newest first, narrowed by the filters given."""
    data = dataset(options)
    selection = query.make_filter(data.sectors, data.events,
                                  **filter_values(sector, year, event, status, kind))
    found = query.filter_facts(data, selection)[:limit]
    out = Output(options)
    out.rows([fact_row(f) for f in found], FACT_KEYS, fact_columns(out), "no facts match")
