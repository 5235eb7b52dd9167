"""kzru search: facts ranked by relevance."""

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

EXAMPLES = ("kzru search атом", "kzru search университеты --year 2025",
            "kzru search Kostanay --explain",
            "kzru search соглашение --status signed --format json",
            "kzru search 'Middle Corridor' --sector transport", "kzru search Росатом --exact",
            "kzru search атом --fields all --format jsonl")


@with_common_options
def command(
    words: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    sector: SectorFilter = None, year: YearFilter = None, event: EventFilter = None,
    status: StatusFilter = None, kind: KindFilter = None,
    limit: Annotated[int, typer.Option(
        "--limit", "-n", min=0, help="Show at most N facts (0: all).")] = 10,
    exact: Annotated[bool, typer.Option("--exact", help="Literal substring search.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show which query word matched which term, and how.")] = False,
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """Facts ranked by relevance: word forms, both scripts, aliases and typos all match."""
    found, total, events, sources = hits(options, " ".join(words),
                                         filter_values(sector, year, event, status, kind),
                                         exact, cut_limit(limit))
    with Output(options) as out:
        rows = fact_rows([hit.fact for hit in found], events, sources, out.lang)
        for row, hit in zip(rows, found):
            row["score"] = hit.score
            row["explain"] = [f"{m.query} → {m.term} ({m.how})" for m in hit.matches]
        default = (*fields.FACT_DEFAULT, "score", *(("explain",) if explain else ()))
        keys, columns = layout(out, fields_, default, (*fields.FACT_ALL, "score", "explain"),
                               fact_columns(out, score=True, explain=explain), "search")
        terms = {number: hit.terms for number, hit in enumerate(found)}
        out.rows(rows, keys, columns, "no facts match", terms=terms)
        out.cut(len(found), total)
