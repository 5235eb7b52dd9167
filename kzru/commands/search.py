"""kzru search: facts ranked by relevance, the query read for years, statuses, places…"""

from typing import Annotated, List

import typer

from kzru import fields
from kzru.commands.shared import (
    EventFilter,
    FieldsOption,
    KindFilter,
    SectorFilter,
    StatusFilter,
    YearFilter,
    cut_limit,
    fact_columns,
    fact_rows,
    filter_values,
    hits,
    layout,
)
from kzru.options import Options, with_common_options
from kzru.output import Output

EXAMPLES = ("kzru search атом", "kzru search соглашения 2022",
            "kzru search 'what was signed in 2022' --explain",
            "kzru search университеты --year 2025", "kzru search Kostanay --explain",
            "kzru search соглашение --status signed --format json",
            "kzru search 'Middle Corridor' --sector transport", "kzru search Росатом --exact",
            "kzru search 2025 --literal", "kzru search атом --fields all --format jsonl")


@with_common_options
def command(
    words: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    sector: SectorFilter = None, year: YearFilter = None, event: EventFilter = None,
    status: StatusFilter = None, kind: KindFilter = None,
    limit: Annotated[int, typer.Option(
        "--limit", "-n", min=0, help="Show at most N facts (0: all).")] = 10,
    exact: Annotated[bool, typer.Option("--exact", help="Literal substring search.")] = False,
    literal: Annotated[bool, typer.Option(
        "--literal", help="Search every word as text: no reading of years, statuses, kinds, "
        "places or sectors.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show how the query was read and how each part matched.")] = False,
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """Facts ranked by relevance: word forms, both scripts, aliases and typos all match.

    A year or status word in the query filters (`соглашения 2022`, `what was signed`);
    months, dates, kinds, places, events and sectors rank. The table's title says how the
    query was read.
    """
    found = hits(options, " ".join(words), filter_values(sector, year, event, status, kind),
                 exact, cut_limit(limit), literal)
    with Output(options) as out:
        rows = fact_rows([hit.fact for hit in found.hits], found.events, found.sources,
                         out.lang)
        for row, hit in zip(rows, found.hits):
            row["score"] = hit.score
            row["explain"] = [f"{m.query} → {m.term} ({m.how})" for m in hit.matches]
            row["read_as"] = found.read_as
        extra = ("explain", "read_as") if explain else ()
        default = (*fields.FACT_DEFAULT, "score", *extra)
        keys, columns = layout(out, fields_, default,
                               (*fields.FACT_ALL, "score", "explain", "read_as"),
                               fact_columns(out, score=True, explain=explain), "search")
        terms = {number: hit.terms for number, hit in enumerate(found.hits)}
        out.rows(rows, keys, columns, "no facts match", title=f"read as: {found.read_as}",
                 terms=terms)
        out.cut(len(found.hits), found.total)
