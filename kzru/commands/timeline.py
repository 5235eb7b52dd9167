"""kzru timeline: matching facts in date order, grouped by event."""

from typing import Annotated, List

import typer

from kzru import query
from kzru.commands.shared import dataset, date_span, fact_columns, hits
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import FACT_KEYS, fact_row

EXAMPLES = ("kzru timeline университет", "kzru timeline 'Экибастузская ГРЭС'",
            "kzru timeline transport --format jsonl")


@with_common_options
def command(
    words: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    *, options: Options,
) -> None:
    """Matching facts in date order, grouped by event: how a topic moved from visit to visit."""
    found_hits = hits(options, " ".join(words), {}, None, exact=False)
    out = Output(options)
    found = [hit.fact for hit in found_hits]
    terms = {hit.fact.id: hit.terms for hit in found_hits}
    groups = query.group_by_event(found)
    ordered = [fact for _, group in groups for fact in group]

    def draw() -> None:
        data = dataset(options)
        for event_id, group in groups:
            event = data.events.get(event_id)
            title = (f"{date_span(event)}  {event.title(out.lang)}" if event
                     else "Outside any event")
            out.writer.table([fact_row(f) for f in group], fact_columns(out), title,
                             {n: terms[f.id] for n, f in enumerate(group)})

    out.rows([fact_row(f) for f in ordered], FACT_KEYS, [], "no facts match", draw=draw)
