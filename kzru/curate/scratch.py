"""Check the tables add or review is about to write, exactly as ``kzru check`` would, before
anything is written.

Why a module of its own: the check runs in a scratch copy of the folder (the tables as they
would be, the articles beside them), and every problem it finds must then be said about the
user's own files and inputs, never the copy: that translation, not the drafting, is what this
code is about. add (kzru.curate.pipeline) and review (kzru.curate.review) both call it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from kzru import store, writer
from kzru.curate import inputs
from kzru.errors import DataError, KzruError
from kzru.labels import Said, rewrite
from kzru.model import Dataset

ARTICLES = "articles"  # the texts kzru read, beside the tables: kzru check --sources DIR/articles


def validate(folder: Path, contents: dict[str, bytes],
             origins: dict[str, str] | None = None, locate: inputs.Locate | None = None
             ) -> None:
    """Load the new tables exactly as check would (in a scratch copy) and verify every
    evidence excerpt in its article; raise DataError, writing nothing, on any problem.

    Every message names the user's files, never the scratch copy: a table as the file in
    ``folder``, a new article as the file it was read from (``origins``: its name under
    articles/ -> the path the user gave); a problem in a row the user's file does not hold,
    or in a value an option gave, at its input (``locate``, kzru.curate.inputs)."""
    with tempfile.TemporaryDirectory(prefix="kzru-add-") as scratch:
        place = Path(scratch)

        def paths(message: str) -> str:
            for name, origin in (origins or {}).items():
                message = message.replace(str(place / name), origin)
            return message.replace(str(place), str(folder))

        def theirs(message: object) -> object:  # a Said stays one, to be said in Russian
            return rewrite(message, paths)

        try:
            _check_copy(folder, place, contents)
        except DataError as error:
            written = {table: inputs.start_lines(contents[f"{table}.csv"])
                       for table in inputs.EDITED if f"{table}.csv" in contents}
            before = {table: inputs.start_lines(_bytes(folder / f"{table}.csv"))
                      for table in written}
            said = [inputs.relocate(p, place, written, before, locate or _nowhere)
                    for p in error.problems]
            raise DataError([theirs(p) for p in said], error.total) from None
        except KzruError as error:
            raise KzruError(theirs(error.args[0] if error.args else str(error))) from None
        except OSError as error:
            where = theirs(str(error.filename or folder))
            raise KzruError(Said("err.cannot_check", where=where, why=error.strerror)) from None


def _nowhere(table: str, row_id: str, column: str | None) -> None:
    return None


def _bytes(path: Path) -> bytes:
    try:
        return store.read_limited(path, writer.CSV_LIMIT)
    except OSError:
        return b""


def _check_copy(folder: Path, place: Path, contents: dict[str, bytes]) -> None:
    for table in store.TABLES:
        shutil.copyfile(folder / f"{table}.csv", place / f"{table}.csv")
    shutil.copyfile(folder / "datapackage.json", place / "datapackage.json")
    articles = folder / ARTICLES
    (place / ARTICLES).mkdir()
    if articles.is_dir():
        for path in articles.iterdir():
            if path.is_file() and not path.is_symlink():
                shutil.copyfile(path, place / ARTICLES / path.name)
    for name, payload in contents.items():
        (place / name).write_bytes(payload)
    data = store.load(place)
    fresh = {name[len(ARTICLES) + 1:] for name in contents if name.startswith(ARTICLES)}
    added = {k: v for k, v in data.sources.items() if v.file in fresh}
    mine = Dataset(data.folder, added, data.events,
                   {k: f for k, f in data.facts.items() if f.source in added},
                   data.sectors, data.glossary)
    mine.fact_lines = data.fact_lines
    mine.source_lines = data.source_lines
    problems = store.verify_evidence(mine, place / ARTICLES)  # the new articles' evidence
    if problems:
        raise DataError(problems)
