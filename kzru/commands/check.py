"""kzru check: validate a data folder, lint the evidence and, with --sources, verify it."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from kzru import store
from kzru.errors import Problems, one_line
from kzru.lint import lint
from kzru.model import Dataset
from kzru.options import Options, with_common_options
from kzru.suggest import suggest_follows as suggest

EXAMPLES = ("kzru check", "kzru check --strict", "kzru check --sources ../shared/seeds",
            "kzru check --data my-data/ --all-problems",
            "kzru check --suggest-follows",
            "kzru export --csv my-data --force && kzru check --data my-data/")


@with_common_options
def command(
    sources_dir: Annotated[Optional[Path], typer.Option(
        "--sources", metavar="DIR",
        help="Folder of article texts: also verify every evidence excerpt verbatim.")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Treat warnings (evidence without a word of its status) as errors.")
    ] = False,
    all_problems: Annotated[bool, typer.Option(
        "--all-problems",
        help="List every problem; by default the first 20 of each kind are listed, then how "
             "many more there are.")] = False,
    suggest_follows: Annotated[bool, typer.Option(
        "--suggest-follows",
        help="List likely follows links not yet recorded, for a curator to accept or reject "
             "(the data is never changed).")] = False,
    *, options: Options,
) -> None:
    """Validate a data folder, warn where evidence does not show its status; with --sources,
    verify each evidence excerpt in its article."""
    folder = store.resolve_data_dir(options.data)
    data = store.load(folder, all_problems=all_problems)
    problems = Problems(keep_all=all_problems)
    if sources_dir is not None:
        for problem in store.verify_evidence(data, sources_dir):
            problems.append(problem, "evidence not found in its article")
    facts_path = folder / "facts.csv"
    warnings = [f"{facts_path}:{w.line}:{w.column}: {w.message}" for w in lint(data)]
    if strict and warnings:
        for warning in warnings:
            problems.append(warning, "evidence without a word of its status")
    elif warnings:
        for warning in warnings:
            typer.echo(f"kzru: warning: {one_line(warning)}", err=True)
    if problems:
        raise problems.error()
    counts = ", ".join(f"{len(getattr(data, name))} {name}" for name in store.TABLES)
    checked = f"; {len(data.facts)} evidence excerpts found verbatim in {sources_dir}" \
        if sources_dir is not None else ""
    noted = f"; {len(warnings)} warnings" if warnings else ""
    typer.echo(one_line(f"ok: {folder}: {counts}{checked}{noted}"))
    if suggest_follows:
        _print_suggestions(data)


def _print_suggestions(data: Dataset) -> None:
    """One block per suggestion: the later fact, the earlier one, and why they may be linked."""
    found = suggest(data)
    typer.echo(f"{len(found)} suggested follows links (none is written; add the earlier id to "
               "the later fact's follows column to accept one):")
    for item in found:
        typer.echo(f"  {item.later.id}  follows?  {item.earlier.id}  "
                   f"[{item.earlier.status} {item.earlier.date} → {item.later.status} "
                   f"{item.later.date}; {'; '.join(item.reasons)}]")
