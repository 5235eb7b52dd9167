"""Where a data folder is and how much kzru reads from each file.

Why a module of its own: every command needs to find its folder, and the warm path of a
search or a listing must not import the validator (``store``, ``validate``, ``links``) just to
learn a file name or a size limit.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

from kzru.errors import KzruError

TABLES = ("sources", "events", "facts", "sectors", "glossary")
CSV_LIMIT = 256 << 20  # bytes; 100,000 facts take about 65 MB
ARTICLE_LIMIT = 16 << 20
PACKAGE_LIMIT = 1 << 20
# A write of several files in progress, or killed part way (kzru.journal finishes it).
JOURNAL = ".kzru-journal"


@functools.lru_cache(maxsize=1)
def package_dir() -> Path:
    return Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def bundled_data_dir() -> Path:
    """The data shipped in the wheel (kzru/data), or data/ beside the package in a checkout."""
    inside = package_dir() / "data"
    return inside if inside.is_dir() else package_dir().parent / "data"


def resolve_data_dir(option: str | os.PathLike[str] | None) -> Path:
    """Pick the folder: --data, then KZRU_DATA, then the bundled table."""
    chosen = option or os.environ.get("KZRU_DATA") or None
    folder = Path(chosen) if chosen else bundled_data_dir()
    where = "option" if option else "env" if chosen else "bundled"
    if not folder.exists():
        raise KzruError(_said("err.no_data_folder", folder=folder,
                              where=_said(f"err.where.{where}")))
    if not folder.is_dir():
        raise KzruError(_said("err.data_not_folder", folder=folder,
                              where=_said(f"err.where.{where}")))
    if os.path.lexists(folder / JOURNAL):  # one stat; the journal's code loads only then
        from kzru.journal import settle

        settle(folder)  # never read half of one write and half of another
    return folder


def _said(key: str, **fields: object) -> str:
    """A message (kzru.labels loads only on this, the error path)."""
    from kzru.labels import Said

    return Said(key, **fields)


def data_files(folder: Path) -> list[Path]:
    """The files whose content a data folder's index depends on (its package file included)."""
    return [*(folder / f"{table}.csv" for table in TABLES), folder / "datapackage.json"]


def load_schema() -> dict[str, Any]:
    """kzru's own schema (the bundled ``datapackage.json``), resource by name."""
    path = bundled_data_dir() / "datapackage.json"
    with open(path, encoding="utf-8") as handle:
        package = json.load(handle)
    return {resource["name"]: resource for resource in package["resources"]}
