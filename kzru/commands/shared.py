"""What several commands share: filter options, loading the data, fact columns, date labels."""

from __future__ import annotations

from typing import Annotated, Any, List, Optional

import typer

from kzru import query, store
from kzru.errors import KzruError
from kzru.model import Dataset
from kzru.options import Options
from kzru.output import Output
from kzru.render import Column


def examples(*lines: str) -> str:
    """An epilog block of runnable examples (the tests run every one)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def complete_sector(incomplete: str) -> list[tuple[str, str]]:
    import csv

    try:
        folder = store.resolve_data_dir(None)
        text = store.read_limited(folder / "sectors.csv", store.CSV_LIMIT).decode("utf-8-sig")
        rows = list(csv.DictReader(text.splitlines()))
    except (OSError, KzruError, csv.Error, ValueError):
        return []
    wanted = incomplete.casefold()
    return [(row["id"], row["name"]) for row in rows
            if row["id"].startswith(wanted) or row["name"].casefold().startswith(wanted)]


SectorFilter = Annotated[Optional[List[str]], typer.Option(
    "--sector", "-s", metavar="SECTOR", autocompletion=complete_sector,
    help="Only facts in this sector (id, name or alias; repeat for several).")]
YearFilter = Annotated[Optional[List[int]], typer.Option(
    "--year", "-y", metavar="YEAR", min=1, max=9999,
    help="Only facts dated in this year (repeatable).")]
EventFilter = Annotated[Optional[List[str]], typer.Option(
    "--event", "-e", metavar="ID", help="Only facts of this event id (repeatable).")]
StatusFilter = Annotated[Optional[List[str]], typer.Option(
    "--status", metavar="STATUS",
    help="Only facts with this status: " + ", ".join(query.STATUSES) + " (repeatable).")]
KindFilter = Annotated[Optional[List[str]], typer.Option(
    "--kind", "-k", metavar="KIND",
    help="Only facts of this kind: " + ", ".join(query.FACT_KINDS) + " (repeatable).")]
LimitOption = Annotated[Optional[int], typer.Option(
    "--limit", "-n", min=1, metavar="N", help="Show at most N facts.")]


def dataset(options: Options) -> Dataset:
    return store.load(store.resolve_data_dir(options.data))


def filter_values(sector: Any, year: Any, event: Any, status: Any, kind: Any) -> dict[str, Any]:
    return {"sector": sector or (), "year": year or (), "event": event or (),
            "status": status or (), "kind": kind or ()}


def fact_columns(out: Output, score: bool = False, explain: bool = False) -> list[Column]:
    columns = [Column("score", "Score", no_wrap=True, justify="right")] if score else []
    columns += [
        Column("date", "Date", no_wrap=True), Column("status", "Status", no_wrap=True),
        Column("sectors", "Sectors", stack=True),
        Column("text" if out.lang == "ru" else "summary", "Text (id)" if out.lang == "ru"
               else "Summary (id)", ratio=5, highlight=True, footnote="id"),
    ]
    if explain:
        columns.append(Column("explain", "Matched", ratio=2, stack=True))
    return columns


def date_span(event: Any) -> str:
    start, end = event.start.isoformat(), event.end.isoformat()
    span = start if start == end else f"{start} – {end[5:] if start[:4] == end[:4] else end}"
    mark = "*" if event.date_basis == "inferred" else ""
    return f"{'~' if event.date_precision != 'day' else ''}{span}{mark}"


def hits(options: Options, text: str, filters: dict[str, Any], limit: Optional[int],
         exact: bool) -> list[Any]:
    """Search hits for ``text``: the cached index, or a literal scan with ``exact``."""
    from kzru import search as matcher

    if exact:
        data = dataset(options)
        selection = query.make_filter(data.sectors, data.events, **filters)
        return matcher.exact_search(query.filter_facts(data, selection), text, limit)
    from kzru.index import open_index

    folder = store.resolve_data_dir(options.data)
    index = open_index(folder, lambda: store.load(folder), options.color)
    selection = query.make_filter(index.sectors, index.events, **filters)
    allowed = None if selection.empty else index.allowed(*selection.sql())
    return matcher.search(index, text, allowed, limit)
