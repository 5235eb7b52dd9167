"""kzru timeline: matching facts in date order, grouped by event."""

from typing import Annotated, List, Optional

import typer

from kzru import fields
from kzru.commands.fact_rows import fact_rows
from kzru.commands.shared import (
    FieldsOption,
    ReverseOption,
    complete_query,
    cut_limit,
    dataset,
    fact_columns,
    group_title,
    hits,
    in_date_order,
    layout,
    with_fact_filters,
)
from kzru.filters import Typed
from kzru.labels import label
from kzru.options import Options, with_common_options
from kzru.output import Output

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Matching facts by date, event by event"
EXAMPLES = ("kzru timeline университет", "kzru timeline 'Экибастузская ГРЭС'",
            "kzru timeline transport --format jsonl",
            "kzru timeline университет --since 2024 --status signed --status done --limit 5",
            "kzru timeline атом --fields date,date_precision,event,summary")


@with_common_options
@with_fact_filters
def command(
    words: Annotated[List[str], typer.Argument(
        metavar="QUERY...", autocompletion=complete_query, help="Words to look for.")],
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=0, metavar="N",
        help="Only the N best matches (0: all), then put in date order [default: all].")
    ] = None,
    reverse: ReverseOption = False,
    fields_: FieldsOption = None, *, options: Options, typed: Typed,
) -> None:
    """Matching facts in date order (newest last; --reverse: first), grouped by event: how a
    topic moved from visit to visit. Prints one table per event, titled with its dates.

    Facts outside any event stand between the events by their own dates."""
    result = hits(options, " ".join(words), typed, exact=False, limit=cut_limit(limit))
    found_hits, events, sources = result.hits, result.events, result.sources
    found = [hit.fact for hit in found_hits]
    groups = in_date_order(found, events)
    if reverse:
        groups = [(event_id, group[::-1]) for event_id, group in groups[::-1]]
    ordered = [fact for _, group in groups for fact in group]
    with Output(options) as out:
        out.glossary = lambda: dataset(options).glossary  # speakers in Russian (--lang ru)
        keys, columns = layout(out, fields_, fields.FACT_DEFAULT, fields.FACT_ALL,
                               fact_columns(out), "timeline")

        def draw() -> None:
            terms = {hit.fact.id: hit.terms for hit in found_hits}  # highlighted in a table
            for event_id, group in groups:
                out.writer.table(fact_rows(group, events, sources, out.lang), columns,
                                 group_title(events.get(event_id), out.lang, group),
                                 {n: terms[f.id] for n, f in enumerate(group)})

        out.rows(fact_rows(ordered, events, sources, out.lang, None if out.is_table else keys),
                 keys, columns, label("empty.facts", out.lang), draw=draw)
        out.cut(len(found), result.total)
