"""kzru search: facts ranked by relevance."""

from typing import Annotated, List

import typer

from kzru.commands.shared import (
    EventFilter,
    KindFilter,
    SectorFilter,
    StatusFilter,
    YearFilter,
    fact_columns,
    filter_values,
    hits,
)
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import FACT_KEYS, fact_row

EXAMPLES = ("kzru search атом", "kzru search университеты --year 2025",
            "kzru search Kostanay --explain",
            "kzru search соглашение --status signed --format json",
            "kzru search 'Middle Corridor' --sector transport", "kzru search Росатом --exact")


@with_common_options
def command(
    words: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    sector: SectorFilter = None, year: YearFilter = None, event: EventFilter = None,
    status: StatusFilter = None, kind: KindFilter = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N facts.")] = 10,
    exact: Annotated[bool, typer.Option("--exact", help="Literal substring search.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show which query word matched which term, and how.")] = False,
    *, options: Options,
) -> None:
    """Facts ranked by relevance: word forms, both scripts, aliases and typos all match."""
    found = hits(options, " ".join(words), filter_values(sector, year, event, status, kind),
                 limit, exact)
    out = Output(options)
    rows = []
    for hit in found:
        row = {**fact_row(hit.fact), "score": hit.score}
        if explain:
            row["explain"] = [f"{m.query} → {m.term} ({m.how})" for m in hit.matches]
        rows.append(row)
    keys = (*FACT_KEYS, "score", *(("explain",) if explain else ()))
    terms = {number: hit.terms for number, hit in enumerate(found)}
    out.rows(rows, keys, fact_columns(out, score=True, explain=explain), "no facts match",
             terms=terms)
