"""export.py's promises, one at a time, in this process: every value as SQLite keeps it exactly
(`_cell`), the database laid out by kzru's schema (types, required columns, keys, a link table
per list field with its index, the views, full-text search over summary, text, evidence and
names), written whole or not at all; the data package written into a new folder swapped in
whole, drafts left behind unless asked for, never through a link, never over files kzru did not
write. Expected values come from the rules and from the CSV rows read here.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import read_table

from kzru import export
from kzru.errors import KzruError
from kzru.store import bundled_data_dir, load

DATA = bundled_data_dir()
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TABLES = ("sources", "events", "facts", "sectors", "glossary")


# --- values ------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "cell"), [
    (None, None), ("", None), ((), None),
    (("a", "b", "c"), "a; b; c"), (("one",), "one"),
    (date(2024, 11, 27), "2024-11-27"),
    (0, 0), (42, 42), (-7, -7),
    ((1 << 63) - 1, (1 << 63) - 1), (-(1 << 63), -(1 << 63)),
    (1 << 63, str(1 << 63)), (-(1 << 63) - 1, str(-(1 << 63) - 1)),
    (12345678901234567890123, "12345678901234567890123"),
    ("text", "text"), (2.5, 2.5),
    (Decimal("3.14159265358979323846"), "3.14159265358979323846"),
    (Decimal("1E+3"), "1000"), (Decimal("0.00001"), "0.00001"),
])
def test_a_value_is_kept_exactly(value: object, cell: object) -> None:
    found = export._cell(value)
    assert found == cell and type(found) is type(cell)


# --- the database ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dataset():  # noqa: ANN201
    return load(DATA)


@pytest.fixture
def written(dataset, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    # written for each test, not once a module: a mutation tool links the code a fixture
    # runs to the first test that asked for it only
    target = tmp_path_factory.mktemp("db") / "kzru.db"
    counts = export.write_database(dataset, target, PACKAGE)
    return target, counts, sqlite3.connect(target)


def schema_of(table: str) -> dict:
    return next(r["schema"] for r in PACKAGE["resources"] if r["name"] == table)


def test_the_counts_are_the_rows_of_each_table_and_link_table(written) -> None:  # noqa: ANN001
    target, counts, db = written
    expected = {table: len(read_table(DATA, table)) for table in TABLES}
    facts = read_table(DATA, "facts")
    expected["fact_same_as"] = sum(len([i for i in row["same_as"].split("; ") if i])
                                   for row in facts)
    expected["fact_sectors"] = sum(len([i for i in row["sectors"].split("; ") if i])
                                   for row in facts)
    for name, count in expected.items():
        assert counts[name] == count, name
        assert db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == count, name
    assert list(counts)[:2] == ["sources", "events"]  # tables in the package's order


@pytest.mark.parametrize("table", TABLES)
def test_columns_types_and_required_cells_follow_the_schema(written, table: str) -> None:  # noqa: ANN001
    db = written[2]
    info = {row[1]: row for row in db.execute(f"PRAGMA table_info({table})")}
    fields = schema_of(table)["fields"]
    assert list(info) == [field["name"] for field in fields]
    for field in fields:
        _, name, declared, notnull, _, pk = info[field["name"]]
        required = bool(field.get("constraints", {}).get("required"))
        assert bool(notnull) == required, (table, name)
        if field["type"] == "integer":
            assert declared == "INTEGER"
        elif field["type"] in ("string", "date", "list"):
            assert declared == "TEXT", (table, name)
        assert bool(pk) == (name in (schema_of(table).get("primaryKey") or [])), (table, name)


def test_a_number_column_has_no_type_so_each_value_is_kept_as_given(written) -> None:  # noqa: ANN001
    db = written[2]
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'facts'").fetchone()[0]
    assert '"value" /* number:' in sql
    kinds = {kind for (kind,) in db.execute("SELECT DISTINCT typeof(value) FROM facts")}
    assert "integer" in kinds
    integers = [row for row in read_table(DATA, "facts") if row["value"].lstrip("-").isdigit()]
    for row in integers[:20]:
        stored = db.execute("SELECT value, typeof(value) FROM facts WHERE id = ?",
                            [row["id"]]).fetchone()
        assert stored == (int(row["value"]), "integer")


def test_the_foreign_keys_of_the_schema_are_declared(written) -> None:  # noqa: ANN001
    db = written[2]
    declared = {(row[3], row[2], row[4]) for row in db.execute("PRAGMA foreign_key_list(facts)")}
    assert ("event", "events", "id") in declared
    assert ("source", "sources", "id") in declared
    assert ("part_of", "facts", "id") in declared


@pytest.mark.parametrize(("owner", "field"), sorted(export.LINKS))
def test_each_list_field_has_a_link_table_with_keys_and_an_index(written, owner: str,  # noqa: ANN001
                                                                 field: str) -> None:
    db = written[2]
    table, column, target = export.LINKS[(owner, field)]
    owner_column = export.OWNER_COLUMN[owner]
    info = [(row[1], row[2], row[3], row[5]) for row in db.execute(f"PRAGMA table_info({table})")]
    assert info == [(owner_column, "TEXT", 1, 1), (column, "TEXT", 1, 0),
                    ("position", "INTEGER", 1, 2)]
    keys = {(row[3], row[2]) for row in db.execute(f"PRAGMA foreign_key_list({table})")}
    assert (owner_column, owner) in keys
    assert ((column, target) in keys) == (target is not None)
    assert len(keys) == (2 if target else 1)
    indexes = {row[1] for row in db.execute(f"PRAGMA index_list({table})")}
    assert f"{table}_{column}" in indexes
    columns = [row[2] for row in db.execute(f"PRAGMA index_info({table}_{column})")]
    assert columns == [column]
    rows = read_table(DATA, owner)
    expected = sorted((row["id"], item, position) for row in rows
                      for position, item in enumerate(i for i in row[field].split("; ") if i))
    assert sorted(db.execute(f"SELECT * FROM {table}").fetchall()) == expected


def test_the_views_are_there_with_the_columns_they_promise(written) -> None:  # noqa: ANN001
    db = written[2]
    views = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='view'")}
    assert views == set(export.VIEWS)
    columns = {view: [d[0] for d in db.execute(f"SELECT * FROM {view} LIMIT 0").description]
               for view in views}
    assert columns["documents_signed_per_visit"] == ["event", "title", "start", "end", "host",
                                                     "documents", "fact_ids"]
    assert columns["facts_per_sector"] == ["sector", "name", "facts", "signed", "agreed",
                                           "events", "first", "last"]
    assert columns["facts_per_sector_and_visit"] == ["sector", "event", "start", "facts",
                                                     "signed", "agreed"]


def test_documents_signed_per_visit_name_the_visit(written) -> None:  # noqa: ANN001
    db = written[2]
    events = {row["id"]: row for row in read_table(DATA, "events")}
    found = db.execute("SELECT event, title, start, \"end\", host FROM "
                       "documents_signed_per_visit").fetchall()
    assert found
    for event, title, start, end, host in found:
        row = events[event]
        assert (title, start, end, host) == (row["title_en"], row["start"], row["end"],
                                             row["host"])
    assert [row[2] for row in found] == sorted(row[2] for row in found)


def test_facts_per_sector_give_events_first_and_last_of_the_top_level_facts(written) -> None:  # noqa: ANN001
    db = written[2]
    top = [row for row in read_table(DATA, "facts") if not row["part_of"]]
    sectors = {row["id"]: row for row in read_table(DATA, "sectors")}
    found = db.execute("SELECT sector, name, facts, events, first, last "
                       "FROM facts_per_sector").fetchall()
    assert [row[0] for row in found] == sorted(sectors, key=lambda s: (
        -sum(s in r["sectors"].split("; ") for r in top), s))
    for sector, name, facts, events, first, last in found:
        mine = [r for r in top if sector in r["sectors"].split("; ")]
        assert name == sectors[sector]["name"]
        assert facts == len(mine)
        assert events == len({r["event"] for r in mine if r["event"]})
        assert (first, last) == ((min(r["date"] for r in mine), max(r["date"] for r in mine))
                                 if mine else (None, None))


def test_facts_per_sector_and_visit_come_by_sector_then_date(written) -> None:  # noqa: ANN001
    db = written[2]
    found = db.execute("SELECT sector, start FROM facts_per_sector_and_visit").fetchall()
    assert found == sorted(found, key=lambda r: (r[0], r[1] or ""))


def test_full_text_search_finds_words_of_the_evidence_and_the_names(written) -> None:  # noqa: ANN001
    db = written[2]
    columns = [row[1] for row in db.execute("PRAGMA table_info(facts_fts)")]
    assert columns == ["summary", "text", "evidence", "names"]
    facts = read_table(DATA, "facts")
    row = next(r for r in facts if r["names"])
    name_word = row["names"].split("; ")[0].split()[0].strip("«»\"()")
    hits = {fact_id for (fact_id,) in db.execute(
        "SELECT f.id FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid "
        "WHERE facts_fts MATCH ?", [f'names:"{name_word}"'])}
    assert row["id"] in hits
    evidence_word = max(row["evidence"].split(), key=len).strip(".,;:«»\"()—")
    hits = {fact_id for (fact_id,) in db.execute(
        "SELECT f.id FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid "
        "WHERE facts_fts MATCH ?", [f'evidence:"{evidence_word}"'])}
    assert row["id"] in hits
    count = db.execute("SELECT count(*) FROM facts_fts").fetchone()[0]
    assert count == len(facts)


def _dump(target: Path) -> list[str]:
    return list(sqlite3.connect(target).iterdump())


def test_the_stores_facts_are_written_a_page_at_a_time_never_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 100,000 facts the table read whole for the database was 355 MB: the store's facts
    go in a page at a time (walks.pages), and the database is the one the loaded table gives
    (every row, drafts too, as the loaded table holds them)."""
    from kzru import walks
    from kzru.db import _Facts, open_store

    sizes: list[int] = []
    real = walks.WalkQueries.pages

    def pages(self, page: int = 2000):  # noqa: ANN001, ANN202
        for found in real(self, 7):
            sizes.append(len(found))
            yield found

    monkeypatch.setattr(walks.WalkQueries, "pages", pages)
    monkeypatch.setattr(_Facts, "values", lambda self: pytest.fail("the table read whole"))
    paged, whole = tmp_path / "paged.db", tmp_path / "whole.db"
    counts = export.write_database(open_store(DATA, color=False, drafts=True), paged, PACKAGE)
    assert counts == export.write_database(load(DATA), whole, PACKAGE)
    assert _dump(paged) == _dump(whole)
    assert sum(sizes) == counts["facts"] == len(read_table(DATA, "facts"))
    assert max(sizes) == 7 and len(sizes) > 30


def test_the_database_is_written_whole_beside_its_target(dataset, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "kzru.db"
    target.write_bytes(b"old")
    export.write_database(dataset, target, PACKAGE)
    assert sqlite3.connect(target).execute("SELECT count(*) FROM facts").fetchone()[0] == \
        len(dataset.facts)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kzru.db"]


def test_broken_references_write_nothing(dataset, tmp_path: Path) -> None:  # noqa: ANN001
    from kzru.model import Dataset

    events = dict(dataset.events)
    used = next(f.event for f in dataset.facts.values() if f.event)
    del events[used]
    broken = Dataset("x", dataset.sources, events, dataset.facts, dataset.sectors,
                     dataset.glossary)
    target = tmp_path / "kzru.db"
    with pytest.raises(KzruError, match=r"^export: \d+ broken references, first "):
        export.write_database(broken, target, PACKAGE)
    assert list(tmp_path.iterdir()) == []


def test_a_database_that_cannot_be_written_says_where_and_why(dataset, tmp_path: Path) -> None:  # noqa: ANN001
    """Errors are for people: the target and the system's own reason, in one line (the
    reason worked out here by trying to make a file in the same folder)."""
    target = tmp_path / "gone" / "kzru.db"  # its folder does not exist
    with pytest.raises(OSError) as tried:
        os.open(target.parent / "probe", os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    with pytest.raises(KzruError) as raised:
        export.write_database(dataset, target, PACKAGE)
    assert str(raised.value) == (f"{target}: cannot be written ({tried.value.strerror}); "
                                 "nothing was changed")
    assert list(tmp_path.iterdir()) == []


def test_an_error_without_a_system_reason_says_its_own_text(
        dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    def fails(*_: object) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(export, "_write_database", fails)
    with pytest.raises(KzruError) as raised:
        export.write_database(dataset, tmp_path / "kzru.db", PACKAGE)
    assert str(raised.value) == (f"{tmp_path / 'kzru.db'}: cannot be written (the disk went "
                                 "away); nothing was changed")


# --- the data package --------------------------------------------------------------------

def package_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in export.PACKAGE_FILES:
        (folder / name).write_bytes((DATA / name).read_bytes())
    return folder


def test_the_package_is_the_five_tables_and_kzru_s_description(tmp_path: Path) -> None:
    folder = package_folder(tmp_path)
    package = {"name": "kzru-test", "title": "Казахстан и Россия"}
    target = tmp_path / "out" / "package"
    assert export.write_package(folder, target, package, False, drafts=True) == \
        [*(f"{t}.csv" for t in TABLES), "datapackage.json"]
    for table in TABLES:
        assert (target / f"{table}.csv").read_bytes() == (folder / f"{table}.csv").read_bytes()
    assert (target / "datapackage.json").read_text(encoding="utf-8") == \
        json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["package"]


def test_a_new_package_folder_gets_the_umask_s_mode(tmp_path: Path) -> None:
    folder = package_folder(tmp_path)
    old = os.umask(0o027)
    try:
        export.write_package(folder, tmp_path / "p", PACKAGE, False)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "p").st_mode) == 0o750


def test_a_replaced_package_folder_keeps_its_mode_and_is_swapped_whole(tmp_path: Path) -> None:
    folder = package_folder(tmp_path)
    target = tmp_path / "p"
    export.write_package(folder, target, PACKAGE, False)
    os.chmod(target, 0o705)
    export.write_package(folder, target, PACKAGE, True)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o705
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "p"]
    assert sorted(p.name for p in target.iterdir()) == sorted(export.PACKAGE_FILES)


def test_without_an_atomic_exchange_the_old_folder_steps_aside(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    folder = package_folder(tmp_path)
    target = tmp_path / "p"
    export.write_package(folder, target, {**PACKAGE}, False)
    monkeypatch.setattr(export, "_exchange", lambda first, second: False)
    export.write_package(folder, target, PACKAGE, True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "p"]
    assert (target / "facts.csv").read_bytes() == (DATA / "facts.csv").read_bytes()


linux_only = pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")


@linux_only
def test_the_atomic_exchange_swaps_two_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one").write_text("1")
    (second / "two").write_text("2")
    assert export._exchange(first, second) is True
    assert [p.name for p in first.iterdir()] == ["two"]
    assert [p.name for p in second.iterdir()] == ["one"]


@linux_only
def test_the_atomic_exchange_with_nothing_there_is_an_error(tmp_path: Path) -> None:
    import errno

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    assert export._exchange(first, second)  # (a call that returns, for mutation tools)
    with pytest.raises(OSError) as raised:
        export._exchange(first, tmp_path / "missing")
    assert raised.value.filename == str(tmp_path / "missing")
    assert raised.value.errno == errno.ENOENT
    assert raised.value.strerror == os.strerror(errno.ENOENT)


def test_a_replaced_package_holds_the_new_content(tmp_path: Path) -> None:
    folder = package_folder(tmp_path)
    target = tmp_path / "p"
    export.write_package(folder, target, {**PACKAGE, "version": "1"}, False)
    export.write_package(folder, target, {**PACKAGE, "version": "2"}, True)
    assert json.loads((target / "datapackage.json").read_text(encoding="utf-8"))["version"] \
        == "2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "p"]


def draft_folder(tmp_path: Path) -> Path:
    folder = package_folder(tmp_path)
    rows = (folder / "facts.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    assert header[-1] == "review"
    rows[2] = rows[2][: rows[2].rindex(",")] + ",draft"
    (folder / "facts.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_drafts_stay_behind_unless_asked_for(tmp_path: Path) -> None:
    folder = draft_folder(tmp_path)
    written = read_table(folder, "facts")
    draft = written[1]["id"]
    export.write_package(folder, tmp_path / "without", PACKAGE, False)
    export.write_package(folder, tmp_path / "with", PACKAGE, False, drafts=True)
    kept = read_table(tmp_path / "without", "facts")
    assert [row["id"] for row in kept] == [row["id"] for row in written if row["id"] != draft]
    assert kept == [row for row in written if row["id"] != draft]
    assert (tmp_path / "with" / "facts.csv").read_bytes() == (folder / "facts.csv").read_bytes()
    # a table without drafts is copied byte for byte
    assert (tmp_path / "without" / "events.csv").read_bytes() == \
        (folder / "events.csv").read_bytes()


@pytest.mark.parametrize(("raw", "expected"), [
    (b"id,review\r\na,accepted\r\nb,draft\r\n", b"id,review\na,accepted\n"),
    (b"\xef\xbb\xbfid,review\na,draft\nb,accepted\n", b"id,review\nb,accepted\n"),
    (b"id,review\na,accepted\r\n", b"id,review\na,accepted\r\n"),
    (b"id,name\na,draft\n", b"id,name\na,draft\n"),
    (b"", b""),
    (b"id,note,review\nshort\nb,\"x, y\",draft\n", b"id,note,review\nshort\n"),
    (b"id,review\na,Draft\n", b"id,review\na,Draft\n"),
])
def test_without_drafts(raw: bytes, expected: bytes) -> None:
    assert export._without_drafts(raw) == expected


def test_a_copy_keeps_every_byte_of_a_large_file(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    content = b"id,review\n" + b"x,accepted\n" * 200_000
    source.write_bytes(content)
    export._copy(source, tmp_path / "copy.csv", drafts=True)
    assert (tmp_path / "copy.csv").read_bytes() == content


def test_an_unreadable_table_says_which(tmp_path: Path) -> None:
    folder = package_folder(tmp_path)
    (folder / "glossary.csv").unlink()
    with pytest.raises(KzruError, match=r"glossary\.csv: cannot be read: No such file"):
        export.write_package(folder, tmp_path / "p", PACKAGE, False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_new_file_is_never_written_over_an_old_one_or_through_a_link(tmp_path: Path) -> None:
    export._write_new(tmp_path / "new", [b"a", b"b"])
    assert (tmp_path / "new").read_bytes() == b"ab"
    with pytest.raises(FileExistsError):
        export._write_new(tmp_path / "new", [b"c"])
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OSError):
        export._write_new(tmp_path / "link", [b"c"])
    assert not (tmp_path / "elsewhere").exists()


# --- what may be replaced ----------------------------------------------------------------

def test_an_empty_folder_or_nothing_may_be_written(tmp_path: Path) -> None:
    # neither is refused (no KzruError), and the check itself writes nothing
    (tmp_path / "empty").mkdir()
    export._check_target(tmp_path / "empty", PACKAGE, False)
    export._check_target(tmp_path / "absent", PACKAGE, False)
    assert [path.name for path in tmp_path.iterdir()] == ["empty"]
    assert list((tmp_path / "empty").iterdir()) == []


def test_a_link_is_refused_even_with_force(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    with pytest.raises(KzruError) as raised:
        export._check_target(tmp_path / "link", PACKAGE, True)
    assert str(raised.value) == (f"{tmp_path / 'link'} is a link: kzru writes only into a "
                                 "folder itself (give the folder it points to)")


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    """The message names the file it refused (where), not only what is wrong."""
    (tmp_path / "file").write_text("")
    with pytest.raises(KzruError) as raised:
        export._check_target(tmp_path / "file", PACKAGE, True)
    assert str(raised.value) == f"not a folder: {tmp_path / 'file'}"


def test_a_folder_with_other_files_is_refused_naming_one(tmp_path: Path) -> None:
    target = tmp_path / "p"
    target.mkdir()
    (target / "facts.csv").write_text("")
    (target / "notes.txt").write_text("")
    with pytest.raises(KzruError) as raised:
        export._check_target(target, PACKAGE, True)
    assert str(raised.value) == (f"{target / 'notes.txt'} was not written by kzru: export into "
                                 "a new or empty folder, or one holding an earlier kzru export "
                                 "only")


def test_a_folder_where_a_package_name_is_no_regular_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "p"
    target.mkdir()
    (target / "datapackage.json").write_text(json.dumps(PACKAGE))
    (target / "facts.csv").mkdir()
    with pytest.raises(KzruError, match=r"facts\.csv is not a regular file"):
        export._check_target(target, PACKAGE, True)


@pytest.mark.parametrize("description", [None, "{not json", '{"name": "someone-else"}',
                                         '["kzru"]'])
def test_a_folder_without_kzru_s_description_is_refused(tmp_path: Path,
                                                       description: str | None) -> None:
    target = tmp_path / "p"
    target.mkdir()
    (target / "facts.csv").write_text("")
    if description is not None:
        (target / "datapackage.json").write_text(description)
    with pytest.raises(KzruError, match="holds no datapackage.json of kzru's"):
        export._check_target(target, PACKAGE, True)


def test_an_earlier_export_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "p"
    target.mkdir()
    (target / "datapackage.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(PACKAGE).encode())
    (target / "events.csv").write_text("")
    with pytest.raises(KzruError, match=r"datapackage\.json exists \(--force replaces it\)"):
        export._check_target(target, PACKAGE, False)
    export._check_target(target, PACKAGE, True)


def test_removing_an_export_takes_only_kzru_s_files_and_never_a_link_s_target(
        tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("keep")
    built = tmp_path / "built"
    built.mkdir()
    (built / "facts.csv").symlink_to(outside)
    (built / "events.csv").write_text("")
    export._remove_export(built)
    assert not built.exists() and outside.read_text() == "keep"
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "facts.csv").write_text("")
    (kept / "mine.txt").write_text("")
    (kept / "sources.csv").mkdir()
    export._remove_export(kept)
    assert sorted(p.name for p in kept.iterdir()) == ["mine.txt", "sources.csv"]


def test_a_new_database_gets_the_umask_s_mode_and_a_replaced_one_keeps_its_own(
        dataset, tmp_path: Path) -> None:  # noqa: ANN001
    old = os.umask(0o027)
    try:
        export.write_database(dataset, tmp_path / "new.db", PACKAGE)
        assert stat.S_IMODE(os.stat(tmp_path / "new.db").st_mode) == 0o640
        (tmp_path / "kept.db").write_bytes(b"")
        os.chmod(tmp_path / "kept.db", 0o604)
        export.write_database(dataset, tmp_path / "kept.db", PACKAGE)
        assert stat.S_IMODE(os.stat(tmp_path / "kept.db").st_mode) == 0o604
        # a link lends it no mode: neither its own nor its target's
        (tmp_path / "target.db").write_bytes(b"")
        os.chmod(tmp_path / "target.db", 0o600)
        (tmp_path / "link.db").symlink_to(tmp_path / "target.db")
        export.write_database(dataset, tmp_path / "link.db", PACKAGE)
        assert stat.S_IMODE(os.lstat(tmp_path / "link.db").st_mode) == 0o640
        assert (tmp_path / "target.db").read_bytes() == b""
    finally:
        os.umask(old)


def test_the_package_is_built_beside_its_target(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = package_folder(tmp_path)
    built: list[Path] = []
    real = export._swap_in

    def spy(building: Path, target: Path) -> None:
        built.append(building)
        real(building, target)

    monkeypatch.setattr(export, "_swap_in", spy)
    export.write_package(folder, tmp_path / "out" / "p", PACKAGE, False)
    assert [b.parent for b in built] == [tmp_path / "out"]
    assert built[0].name.startswith(".p-kzru-")


@pytest.mark.parametrize("filename", ["facts.csv", None])
def test_a_failed_write_names_where_and_leaves_the_target_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, filename: str | None) -> None:
    import errno

    folder = package_folder(tmp_path)
    target = tmp_path / "p"

    def full(path: Path, blocks: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), filename)

    monkeypatch.setattr(export, "_write_new", full)
    with pytest.raises(KzruError) as raised:
        export.write_package(folder, target, PACKAGE, False)
    where = filename or target
    assert str(raised.value) == (f"{where}: cannot write the data package: "
                                 f"{os.strerror(errno.ENOSPC)}; {target} is unchanged")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_package_files_get_the_mode_of_a_new_file(tmp_path: Path) -> None:
    folder = package_folder(tmp_path)
    old = os.umask(0o022)
    try:
        export.write_package(folder, tmp_path / "p", PACKAGE, False)
    finally:
        os.umask(old)
    for name in export.PACKAGE_FILES:
        assert stat.S_IMODE(os.stat(tmp_path / "p" / name).st_mode) == 0o644, name


@linux_only
def test_the_atomic_exchange_takes_relative_paths(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one").write_text("1")
    monkeypatch.chdir(tmp_path)
    assert export._exchange(Path("a"), Path("b")) is True
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["one"]


def test_the_database_is_written_beside_its_target_then_renamed(
        dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
        renames: list[tuple[str, str]]) -> None:
    renamed = renames
    export.write_database(dataset, tmp_path / "kzru.db", PACKAGE)
    monkeypatch.undo()
    assert [Path(source).parent for source, _ in renamed] == [tmp_path]
    assert Path(renamed[0][0]).name.startswith(".kzru-export-")
