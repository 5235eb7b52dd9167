"""Find, read and validate a data folder, reporting every problem with file, line and column.

The schema is kzru's own ``datapackage.json`` (bundled with the package): whatever folder is
loaded, it is checked against the contract the rest of the code relies on. This module finds
the folder and checks its package file; ``validate.py`` reads each table, ``links.py`` checks
what spans rows.
"""

from __future__ import annotations

import json
import os
from array import array
from pathlib import Path
from typing import Any, Callable, MutableSequence

from kzru.errors import KzruError, Problems
from kzru.files import article_text, parse_json, read_limited, text_sha256
from kzru.labels import Said
from kzru.links import LINK_FIELDS, FactLinks, check_references, check_rules
from kzru.model import Dataset, Fact, Source
from kzru.paths import (  # noqa: F401 - read from here by the commands and curation
    ARTICLE_LIMIT,
    CSV_LIMIT,
    PACKAGE_LIMIT,
    TABLES,
    bundled_data_dir,
    data_files,
    load_schema,
    package_dir,
    resolve_data_dir,
)
from kzru.validate import (  # noqa: F401 - the limits and exact_number are read from here too
    FORMULA_START,
    Table,
    exact_number,
    excerpt,
    read_table,
)

_INCIDENTAL = ("description", "title", "example")


def _essential(value: Any) -> Any:
    """A schema without its prose: what a reader of the data depends on."""
    if isinstance(value, dict):
        return {key: _essential(item) for key, item in value.items() if key not in _INCIDENTAL}
    if isinstance(value, list):
        return [_essential(item) for item in value]
    return value


def _check_package(folder: Path, schema: dict[str, Any], problems: Problems) -> None:
    """The folder's own datapackage.json must describe the tables as kzru's schema does:
    exactly kzru's five tables, each once, each by its bare file name. Tools (and older
    kzru exports) act on every resource a package lists, so a package naming another file
    ('../.bashrc', '.git/hooks/pre-commit') or a table twice is refused, not just ignored."""
    path = folder / "datapackage.json"
    mine = bundled_data_dir() / "datapackage.json"
    try:
        if os.path.samefile(path, mine):
            return  # the bundled folder: its package is kzru's schema itself
    except OSError:
        pass
    try:
        package = parse_json(read_limited(path, PACKAGE_LIMIT).decode("utf-8-sig"))
    except FileNotFoundError:
        problems.append(Said("data.no_package", path=path))
        return
    except OSError as error:
        problems.append(Said("err.cannot_read", path=path, why=error.strerror))
        return
    except UnicodeDecodeError as error:
        problems.append(Said("data.not_utf8_byte", path=path, byte=error.start))
        return
    except json.JSONDecodeError as error:
        problems.append(Said("data.not_json", where=f"{path}:{error.lineno}:{error.colno}",
                             why=error.msg))
        return
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        problems.append(Said("data.no_resources", path=path))
        return
    declared: dict[Any, Any] = {}
    for position, item in enumerate(resources, 1):
        name = item.get("name") if isinstance(item, dict) else None
        if name not in TABLES:
            shown = repr(excerpt(name)) if isinstance(name, str) else Said("data.no_name")
            problems.append(Said("data.other_resource", path=path, position=position,
                                 shown=shown, tables=", ".join(TABLES)),
                            Said("data.kind.other_resources"))
        elif name in declared:
            problems.append(Said("data.resource_twice", path=path, name=name,
                                 position=position), Said("data.kind.resource_twice"))
        else:
            declared[name] = item
    for name in TABLES:
        resource = declared.get(name)
        if resource is None:
            problems.append(Said("data.no_resource", path=path, name=name))
        elif resource.get("path") != f"{name}.csv" or "data" in resource:
            where = resource.get("path")
            shown = repr(excerpt(where)) if isinstance(where, str) else \
                Said("data.inline") if "data" in resource else Said("data.no_file_name")
            problems.append(Said("data.resource_path", path=path, name=name, shown=shown))
        elif _essential(resource.get("schema")) != _essential(schema[name]["schema"]):
            problems.append(Said("data.other_schema", path=path, name=name,
                                 why=_first_difference(resource.get("schema"), schema[name])))


def _first_difference(theirs: Any, ours: dict[str, Any]) -> object:
    mine = _essential(ours["schema"])
    other = _essential(theirs) if isinstance(theirs, dict) else {}
    fields = other.get("fields") if isinstance(other.get("fields"), list) else []
    for position, field in enumerate(mine["fields"]):
        found = fields[position] if position < len(fields) else None
        if found != field:
            return Said("data.field_should_be", position=position + 1, name=field["name"],
                        type=field["type"]) \
                if not isinstance(found, dict) or found.get("name") != field["name"] \
                else Said("data.field_differs", name=field["name"])
    if len(fields) != len(mine["fields"]):
        return Said("data.field_count", count=len(fields), expected=len(mine["fields"]))
    return Said("data.other_settings")


# The tables read before the facts: small, and needed whole by a store built while the facts
# stream in (the glossary's names, the tables kept beside the facts).
SMALL_TABLES = ("sources", "events", "sectors", "glossary")
Sink = Callable[[Fact, int], None]


def read_folder(folder: Path, all_problems: bool = False,
                start: "Callable[[dict[str, Table]], Sink] | None" = None,
                ) -> tuple[dict[str, Table], Problems]:
    """Read and check every table and what spans them; return the tables and the problems.

    With ``start``, facts are streamed: once the small tables are read without a problem,
    ``start(tables)`` gives a function that receives each fact and its line, for as long as
    no problem has been found, and the facts table keeps only what the checks across rows
    need (links.FactLinks), so memory does not grow with the facts' text. Problems are
    reported in the order of TABLES whatever the order of reading."""
    schema = load_schema()
    found = {name: Problems(keep_all=all_problems) for name in ("datapackage", *TABLES)}
    _check_package(folder, schema, found["datapackage"])
    tables = {name: read_table(name, folder / f"{name}.csv", schema[name], found[name])
              for name in SMALL_TABLES}
    keep = None
    # each fact's line: an array, not an int object a fact (some megabytes at 100,000 facts)
    kept: tuple[list[Any], MutableSequence[int]] = ([], array("I"))
    if start is not None:
        sink = start(tables) if not any(found.values()) else None
        facts_found = found["facts"]

        # The values facts share (an event, a source, a date, sectors, review) kept once,
        # not once a fact.
        shared: dict[Any, Any] = {}
        same = shared.setdefault

        def keep(record: Fact, line: int) -> None:
            nonlocal sink
            links = [record[at] for at in LINK_FIELDS]
            kept[0].append(FactLinks(links[0], *[same(value, value) for value in links[1:]]))
            kept[1].append(line)
            if sink is not None:
                if facts_found:
                    sink = None  # nothing will be built: stop feeding it
                else:
                    sink(record, line)

    facts = read_table("facts", folder / "facts.csv", schema["facts"], found["facts"], keep)
    if keep is not None:
        facts.rows, facts.lines = kept
    tables["facts"] = facts
    problems = Problems(keep_all=all_problems)
    for name in ("datapackage", *TABLES):
        problems.extend(found[name])
    if all(table.columns for table in tables.values()):
        check_references(tables, schema, problems)
        check_rules(tables, problems)
    return {name: tables[name] for name in TABLES}, problems


def load(folder: Path, all_problems: bool = False) -> Dataset:
    """Read and validate every table; raise DataError listing the problems found (the first
    few of each kind, every one with ``all_problems``). Every row is returned, drafts (review
    = draft) included: readers admit rows through the store (db.Store, Index.admit). Read
    again if a write changed the folder meanwhile: the tables are all of one version."""
    from kzru.whole_reads import read_whole

    tables, problems = read_whole(folder, lambda: read_folder(folder, all_problems))
    if problems:
        raise problems.error()
    records = {
        name: {row.id: row for row in table.rows}
        for name, table in tables.items()
    }
    dataset = Dataset(folder=str(folder), **records)
    dataset.fact_lines = dict(zip((row.id for row in tables["facts"].rows),
                                  tables["facts"].lines))
    dataset.source_lines = dict(zip((row.id for row in tables["sources"].rows),
                                    tables["sources"].lines))
    return dataset


def verify_evidence(dataset: Dataset, sources_dir: Path, hashes: list[str] | None = None,
                    absent: list[str] | None = None) -> list[str]:
    """Check that every piece of each evidence excerpt is a verbatim substring of its
    article (read as ``files.article_text``). Each article that is not the text its source's
    sha256 names (hashed as ``kzru add`` hashed it) is listed in ``hashes``: the evidence
    may still all be there, so check makes it a warning (an error under --strict).

    With ``absent``, a source whose article is not in the folder at all is listed there (its
    id) instead of being a problem: a copy made by ``kzru init`` holds only the articles its
    user added, since the bundled ones are not shipped. If no source's article is there, the
    folder is most likely the wrong one, and each stays a problem."""
    if not sources_dir.is_dir():
        raise KzruError(Said("err.no_sources_folder", folder=sources_dir))
    facts_path = Path(dataset.folder) / "facts.csv"
    column = list(Fact._fields).index("evidence") + 1
    texts: dict[str, str | None] = {}
    problems: list[str] = []
    missing: list[tuple[str, str]] = []
    for source in dataset.sources.values():
        path = sources_dir / source.file
        try:
            texts[source.id] = article_text(read_limited(path, ARTICLE_LIMIT))
        except FileNotFoundError as error:
            texts[source.id] = None
            missing.append((source.id, Said("data.no_article", path=path, source=source.id,
                                            why=error.strerror)))
        except OSError as error:
            texts[source.id] = None
            problems.append(Said("data.no_article", path=path, source=source.id,
                                 why=error.strerror))
        except UnicodeDecodeError as error:
            texts[source.id] = None
            problems.append(Said("data.article_not_utf8", path=path, source=source.id,
                                 byte=error.start))
    if absent is not None and len(missing) < len(dataset.sources):
        absent.extend(source_id for source_id, _ in missing)
    else:
        problems[:0] = [message for _, message in missing]
    sources_path = Path(dataset.folder) / "sources.csv"
    sha_column = list(Source._fields).index("sha256") + 1
    for source in dataset.sources.values():
        article = texts.get(source.id)
        if hashes is not None and article is not None and source.sha256 and \
                text_sha256(article) != source.sha256:
            line = dataset.source_lines.get(source.id, 0)
            hashes.append(Said("data.other_text", where=f"{sources_path}:{line}:{sha_column}",
                               path=sources_dir / source.file, source=source.id,
                               found=text_sha256(article)[:12], row=source.sha256[:12]))
    for fact in dataset.facts.values():
        article = texts.get(fact.source)
        if article is None:
            continue
        for number, piece in enumerate(fact.evidence_pieces, 1):
            if piece not in article:
                line = dataset.fact_lines.get(fact.id, 0)
                which = Said("data.piece", number=number) if len(fact.evidence_pieces) > 1 \
                    else Said("data.evidence")
                problems.append(Said("data.not_verbatim", where=f"{facts_path}:{line}:{column}",
                                     which=which, id=fact.id,
                                     file=dataset.sources[fact.source].file))
    return problems
