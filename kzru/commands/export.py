"""kzru export: the table as a SQLite database, or the data package itself."""

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from kzru import export, store
from kzru.errors import KzruError
from kzru.options import Options, with_common_options

EXAMPLES = ("kzru export kzru.db --force",
            "sqlite3 kzru.db 'SELECT * FROM documents_signed_per_visit'",
            "kzru export --csv kzru-data --force")


@with_common_options
def command(
    target: Annotated[Optional[Path], typer.Argument(
        metavar="[FILE.db]", help="The SQLite database to write.")] = None,
    csv_dir: Annotated[Optional[Path], typer.Option(
        "--csv", metavar="DIR",
        help="Write the data package instead: the CSV files and datapackage.json.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace FILE.db, or files of the same name in DIR.")] = False,
    *, options: Options,
) -> None:
    """The whole table as a SQLite database for Datasette, sqlite3 or DuckDB: one table per
    CSV, link tables for list fields, full-text search on facts, and views such as
    documents_signed_per_visit and facts_per_sector_and_visit. With --csv DIR, the data
    package itself, for tools that read CSV."""
    if (target is None) == (csv_dir is None):
        raise KzruError("give either FILE.db or --csv DIR (see 'kzru export --help')")
    folder = store.resolve_data_dir(options.data)
    store.load(folder)  # validate first: a database of bad data helps nobody
    with open(store.bundled_data_dir() / "datapackage.json", encoding="utf-8") as handle:
        bundled = json.load(handle)
    if csv_dir is not None:
        if csv_dir.exists() and not csv_dir.is_dir():
            raise KzruError(f"not a folder: {csv_dir}")
        clashes = [name for name in _package_files(bundled) if (csv_dir / name).exists()]
        if clashes and not force:
            raise KzruError(f"{csv_dir / clashes[0]} exists (--force replaces it)")
        written = export.copy_package(folder, csv_dir, bundled)
        typer.echo(f"wrote {len(written)} files to {csv_dir}: {', '.join(written)}")
        return
    assert target is not None
    if target.exists() and not force:
        raise KzruError(f"{target} exists (--force replaces it)")
    if not target.parent.is_dir():
        raise KzruError(f"folder not found: {target.parent}")
    counts = export.write_database(folder, target, bundled)
    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
    typer.echo(f"wrote {target}: {summary}; full-text search in facts_fts; views: "
               f"{', '.join(export.VIEWS)}")


def _package_files(package: dict) -> list[str]:
    return [resource["path"] for resource in package["resources"]] + ["datapackage.json"]
