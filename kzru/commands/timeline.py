"""kzru timeline: matching facts in date order, grouped by event."""

from typing import Annotated, List

import typer

from kzru import fields
from kzru.commands.shared import (
    FieldsOption,
    fact_columns,
    fact_rows,
    group_title,
    hits,
    in_date_order,
    layout,
)
from kzru.options import Options, with_common_options
from kzru.output import Output

EXAMPLES = ("kzru timeline университет", "kzru timeline 'Экибастузская ГРЭС'",
            "kzru timeline transport --format jsonl",
            "kzru timeline атом --fields date,date_precision,event,summary")


@with_common_options
def command(
    words: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """Matching facts in date order, grouped by event: how a topic moved from visit to visit.

    Facts outside any event stand between the events by their own dates."""
    result = hits(options, " ".join(words), {}, exact=False)
    found_hits, events, sources = result.hits, result.events, result.sources
    found = [hit.fact for hit in found_hits]
    terms = {hit.fact.id: hit.terms for hit in found_hits}
    groups = in_date_order(found, events)
    ordered = [fact for _, group in groups for fact in group]
    with Output(options) as out:
        keys, columns = layout(out, fields_, fields.FACT_DEFAULT, fields.FACT_ALL,
                               fact_columns(out), "timeline")

        def draw() -> None:
            for event_id, group in groups:
                out.writer.table(fact_rows(group, events, sources, out.lang), columns,
                                 group_title(events.get(event_id), out.lang, group),
                                 {n: terms[f.id] for n, f in enumerate(group)})

        out.rows(fact_rows(ordered, events, sources, out.lang), keys, columns, "no facts match",
                 draw=draw)
