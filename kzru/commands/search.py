"""kzru search: facts ranked by relevance, with the query read for times, statuses and more."""

from typing import Annotated, Any, List, Optional

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

EXAMPLES = ("kzru search атом", "kzru search соглашения 2022",
            "kzru search 'what was signed in 2022' --explain",
            "kzru search университеты --year 2025", "kzru search Kostanay --explain",
            "kzru search соглашение --status signed --format json",
            "kzru search 'Middle Corridor' --sector transport", "kzru search Росатом --exact",
            "kzru search 2022 --literal")


def _read_and_search(options: Options, text: str, filters: dict[str, Any],
                     limit: Optional[int], literal: bool) -> tuple[list[Any], str]:
    """Hits and the one-line reading of the query, from the cached index."""
    from kzru import query, store
    from kzru import search as matcher
    from kzru.index import open_index

    folder = store.resolve_data_dir(options.data)
    index = open_index(folder, lambda: store.load(folder))
    selection = query.make_filter(index.sectors, index.events, **filters)
    allowed = None if selection.empty else index.allowed(*selection.sql())
    reading = matcher.read_query(index, text, literal)
    found = matcher.search(index, text, allowed, limit, reading)
    described = reading.describe()
    if reading.ignored:
        described += f" · ignored: {', '.join(reading.ignored)}"
    return found, described


@with_common_options
def command(
    words: Annotated[List[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    sector: SectorFilter = None, year: YearFilter = None, event: EventFilter = None,
    status: StatusFilter = None, kind: KindFilter = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N facts.")] = 10,
    exact: Annotated[bool, typer.Option("--exact", help="Literal substring search.")] = False,
    literal: Annotated[bool, typer.Option(
        "--literal", help="Search every word as text: no reading of years, statuses, kinds, "
        "places or sectors.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show how the query was read and how each part matched.")] = False,
    *, options: Options,
) -> None:
    """Facts ranked by relevance: word forms, both scripts, aliases and typos all match.

    A year or status word in the query filters (`соглашения 2022`, `what was signed`);
    months, dates, kinds, places, events and sectors rank. The table's title says how the
    query was read.
    """
    text = " ".join(words)
    filters = filter_values(sector, year, event, status, kind)
    if exact:
        found, described = hits(options, text, filters, limit, exact), "literal substring"
    else:
        found, described = _read_and_search(options, text, filters, limit, literal)
    out = Output(options)
    rows = []
    for hit in found:
        row = {**fact_row(hit.fact), "score": hit.score}
        if explain:
            row["explain"] = [f"{m.query} → {m.term} ({m.how})" for m in hit.matches]
            row["read_as"] = described
        rows.append(row)
    keys = (*FACT_KEYS, "score", *(("explain", "read_as") if explain else ()))
    terms = {number: hit.terms for number, hit in enumerate(found)}
    out.rows(rows, keys, fact_columns(out, score=True, explain=explain),
             "no facts match", title=f"read as: {described}",
             terms=terms)
