"""kzru check: validate a data folder and, with --sources, every evidence excerpt."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from kzru import store
from kzru.errors import DataError
from kzru.options import Options, with_common_options

EXAMPLES = ("kzru check", "kzru check --sources ../shared/seeds",
            "kzru export --csv my-data --force && kzru check --data my-data/")


@with_common_options
def command(
    sources_dir: Annotated[Optional[Path], typer.Option(
        "--sources", metavar="DIR",
        help="Folder of article texts: also verify every evidence excerpt verbatim.")] = None,
    *, options: Options,
) -> None:
    """Validate a data folder; with --sources, verify each evidence excerpt in its article."""
    folder = store.resolve_data_dir(options.data)
    data = store.load(folder)
    if sources_dir is not None:
        problems = store.verify_evidence(data, sources_dir)
        if problems:
            raise DataError(problems)
    counts = ", ".join(f"{len(getattr(data, name))} {name}" for name in store.TABLES)
    checked = f"; {len(data.facts)} evidence excerpts found verbatim in {sources_dir}" \
        if sources_dir is not None else ""
    typer.echo(f"ok: {folder}: {counts}{checked}")
