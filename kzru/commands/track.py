"""kzru track: every commitment, plan, expectation and proposal, and what became of it."""

from datetime import date
from typing import Annotated, List, Optional

import typer

from kzru import follow, query
from kzru.commands.shared import dataset, hits
from kzru.errors import KzruError
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import date_label
from kzru.table import Column

EXAMPLES = ("kzru track университет", "kzru track nuclear --explain",
            "kzru track --since 2025-01-01 --status proposed",
            "kzru track --format json | jq '.[] | select(.verdict == \"done\") | .id'")
KEYS = ("id", "date", "date_precision", "status", "event", "source", "summary", "verdict",
        "later", "reason")


def _since(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value if len(value) == 10 else f"{value}-01-01"[:10]
                                  if len(value) == 4 else f"{value}-01")
    except ValueError:
        raise KzruError(f"--since {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


@with_common_options
def command(
    words: Annotated[Optional[List[str]], typer.Argument(
        metavar="[QUERY...]", help="Only what matches these words (as kzru search).")] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE", help="Only facts dated on or after DATE (YYYY[-MM[-DD]]).")
    ] = None,
    status: Annotated[Optional[List[str]], typer.Option(
        "--status", metavar="STATUS",
        help="Only these statuses: " + ", ".join(follow.TRACKED) + " (repeatable).")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Say why each verdict was reached.")] = False,
    *, options: Options,
) -> None:
    """Commitments, plans, expectations, proposals and ongoing work, each with the later facts
    that report on it and a verdict: done, in progress, or no later report in this table."""
    loaded = dataset(options)
    statuses = [query.choose(s, follow.TRACKED, "status") for s in status or follow.TRACKED]
    candidates = None
    if words:
        found = hits(options, " ".join(words), {}, exact=False).hits
        candidates = follow.with_earlier(
            loaded, [loaded.facts[hit.fact.id] for hit in found if hit.fact.id in loaded.facts])
    tracked = follow.track(loaded, candidates, _since(since), statuses)
    with Output(options) as out:
        _print(out, tracked, explain)


def _print(out: Output, tracked: list[follow.Tracked], explain: bool) -> None:
    rows = []
    for entry in tracked:
        fact = entry.fact
        rows.append({
            "id": fact.id, "date": fact.date, "date_precision": fact.date_precision,
            "status": fact.status, "event": fact.event, "source": fact.source,
            "summary": fact.summary if out.lang == "en" else fact.text,
            "verdict": entry.verdict, "later": [later.id for later in entry.later],
            "reason": entry.reason,
            "when": date_label(fact.date, fact.date_precision),
            # each later fact on a line of its own, never broken: date, status, id
            "followed": [f"{date_label(later.date, later.date_precision)} {later.status} "
                         f"{later.id}" for later in entry.later] or ["—"],
        })
    columns = [Column("when", "Date", no_wrap=True),
               Column("status", "Status", no_wrap=True, drop=1),
               Column("summary", "Commitment (id)", ratio=3, footnote="id"),
               Column("verdict", "Verdict", no_wrap=True),
               Column("followed", "Later reports", ratio=2, stack=True, ids=True)]
    if explain:
        columns.append(Column("reason", "Why", ratio=2, drop=2))
    keys = KEYS if explain else KEYS[:-1]
    out.rows(rows, keys, columns, "nothing to track matches")
