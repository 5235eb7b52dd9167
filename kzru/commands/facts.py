"""kzru facts: every fact, filtered."""

from typing import Annotated

import typer

from kzru import fields, query
from kzru.commands.fact_rows import fact_rows
from kzru.commands.shared import (
    FieldsOption,
    LimitOption,
    ReverseOption,
    cut_limit,
    dataset,
    fact_columns,
    fact_filter,
    in_order,
    layout,
    sort_option,
    with_fact_filters,
)
from kzru.filters import Typed
from kzru.labels import label
from kzru.options import Options, with_common_options
from kzru.output import Output

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Every fact, newest first, filtered"
EXAMPLES = ("kzru facts", "kzru facts --sector nuclear",
            "kzru facts --status signed --kind document --top-level",
            "kzru facts --kind figure --fields id,date,value,unit,summary",
            "kzru facts --year 2022 --format csv > facts-2022.csv",
            "kzru facts --sector энергетика --since 2024-11 --until 2025",
            "kzru facts --speaker Токаев --place Москва --sort id", "kzru facts | head -3")


@with_common_options
@with_fact_filters
def command(
    limit: LimitOption = None,
    top_level: Annotated[bool, typer.Option(
        "--top-level", help="Only facts that are not part of another (a package, not its "
        "areas): what kzru's counts count.")] = False,
    sort: sort_option(("date", "id"), "date, newest first") = None,
    reverse: ReverseOption = False,
    fields_: FieldsOption = None, *, options: Options, typed: Typed,
) -> None:
    """Every fact, newest first, narrowed by the filters given: date, status, sectors and the
    summary with its id; a package's parts right after the package."""
    data = dataset(options)
    selection = fact_filter(data, typed)
    most = cut_limit(limit)
    if sort in (None, "date") and not reverse:  # the store's own order: cut in SQL
        shown = query.filter_facts(data, selection, top_level, most)
        total = len(shown) if most is None or len(shown) < most else \
            data.count(selection, top_level)
        shown = in_order(shown, "date", False)
    else:
        found = query.filter_facts(data, selection, top_level)
        total = len(found)
        shown = in_order(found, sort, reverse)[:most]
    with Output(options) as out:
        out.glossary = lambda: data.glossary  # speakers in Russian (--lang ru)
        keys, columns = layout(out, fields_, fields.FACT_DEFAULT, fields.FACT_ALL,
                               fact_columns(out), "facts")
        out.rows(fact_rows(shown, data.events, data.sources, out.lang,
                           None if out.is_table else keys), keys, columns,
                 label("empty.facts", out.lang))
        out.cut(len(shown), total)
