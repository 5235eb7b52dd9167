"""kzru export: the table as a SQLite database, or the data package itself."""

import json
import os
import stat
from pathlib import Path
from typing import Annotated, Optional

import typer

from kzru import export, store
from kzru.errors import KzruError, one_line
from kzru.labels import Joined, Said, say
from kzru.options import Options, a_path, with_common_options

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "The table as SQLite or a CSV data package"
EXAMPLES = ("kzru export kzru.db --force",
            "sqlite3 kzru.db 'SELECT * FROM documents_signed_per_visit'",
            "kzru export --csv kzru-data --force")


@with_common_options(formats=())
def command(
    target: Annotated[Optional[Path], typer.Argument(
        metavar="[FILE.db]", parser=a_path, help="The SQLite database to write.")] = None,
    csv_dir: Annotated[Optional[Path], typer.Option(
        "--csv", metavar="DIR", parser=a_path,
        help="Write the data package instead: the CSV files and datapackage.json.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace FILE.db, or DIR when it holds an earlier kzru export "
                        "only.")] = False,
    *, options: Options,
) -> None:
    """The whole table as a SQLite database for Datasette, sqlite3 or DuckDB: one table per
    CSV, link tables for list fields, full-text search on facts, and views such as
    documents_signed_per_visit and facts_per_sector_and_visit. With --csv DIR, the data
    package itself, for tools that read CSV."""
    if (target is None) == (csv_dir is None):
        raise KzruError(Said("err.export_target"))
    # "-" means standard output elsewhere; a package of files or a database cannot go there
    if csv_dir is not None and str(csv_dir) == "-":
        raise KzruError(Said("err.export_package_stdout"))
    if target is not None and str(target) == "-":
        raise KzruError(Said("err.export_db_stdout"))
    from kzru.db import open_store

    folder = store.resolve_data_dir(options.data)
    # Validate first (a database of bad data helps nobody): a fresh store proves it was.
    # Drafts are not facts: exported only with --drafts (then their review column says so).
    with open(store.bundled_data_dir() / "datapackage.json", encoding="utf-8") as handle:
        bundled = json.load(handle)
    if csv_dir is not None:
        from kzru.whole_reads import read_whole

        def validated_copies() -> Path:  # the store and the copies of one version
            open_store(folder, options.color, drafts=options.drafts)
            return export.stage_package(folder, csv_dir, bundled, force, options.drafts)

        staged = read_whole(folder, validated_copies, export.remove_stage)
        written = export.file_package(staged, csv_dir)
        typer.echo(one_line(say(Said("export.package", count=len(written), folder=csv_dir,
                                     files=", ".join(written)), options.language)))
        return
    assert target is not None
    dataset = open_store(folder, options.color, drafts=options.drafts)
    _check_database_target(target, force)
    counts = export.write_database(dataset, target, bundled)
    summary = Joined([Said("export.count", count=count, name=name)
                      for name, count in counts.items()])
    typer.echo(one_line(say(Said("export.database", target=target, counts=summary,
                                 views=", ".join(export.VIEWS)), options.language)))


def _check_database_target(target: Path, force: bool) -> None:
    """FILE.db is replaced only with --force, and only when it is a regular file."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    if info is not None and not force:
        raise KzruError(Said("err.exists", target=target))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise KzruError(Said("err.db_not_regular", target=target))
    if not target.parent.is_dir():
        raise KzruError(Said("err.folder_not_found", folder=target.parent))
