"""store.py's promises one at a time, in this process: the data folder is found from --data,
then KZRU_DATA, then the bundled table, and a wrong one is named with where it came from; a
folder's own datapackage.json must list exactly kzru's five tables, once each, by their bare
file names, with kzru's schemas (prose aside), and each departure is reported in one line
that says what is wrong and where; evidence pieces are checked verbatim against the articles.
Expected messages are the ones the docstrings and the README promise, worked out here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kzru import store
from kzru.errors import DataError, KzruError

BUNDLED = store.bundled_data_dir()
TABLES = ("sources", "events", "facts", "sectors", "glossary")


# --- finding the folder -----------------------------------------------------------------------

def test_data_comes_from_the_option_then_the_environment_then_the_bundled_table(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    mine.mkdir()
    theirs.mkdir()
    monkeypatch.delenv("KZRU_DATA", raising=False)
    assert store.resolve_data_dir(None) == BUNDLED
    assert store.resolve_data_dir(mine) == mine
    assert store.resolve_data_dir(str(mine)) == mine
    monkeypatch.setenv("KZRU_DATA", str(theirs))
    assert store.resolve_data_dir(None) == theirs
    assert store.resolve_data_dir(mine) == mine
    monkeypatch.setenv("KZRU_DATA", "")
    assert store.resolve_data_dir(None) == BUNDLED


def test_a_wrong_folder_is_named_with_where_it_came_from(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("")
    with pytest.raises(KzruError) as raised:
        store.resolve_data_dir(tmp_path / "nowhere")
    assert str(raised.value) == f"data folder not found: {tmp_path / 'nowhere'} (from --data)"
    with pytest.raises(KzruError) as raised:
        store.resolve_data_dir(a_file)
    assert str(raised.value) == f"data folder is not a folder: {a_file} (from --data)"
    monkeypatch.setenv("KZRU_DATA", str(a_file))
    with pytest.raises(KzruError) as raised:
        store.resolve_data_dir(None)
    assert str(raised.value) == f"data folder is not a folder: {a_file} (from KZRU_DATA)"


def test_the_bundled_data_is_the_data_folder_beside_the_package() -> None:
    assert (BUNDLED / "datapackage.json").is_file()
    assert BUNDLED == store.package_dir() / "data" or \
        BUNDLED == store.package_dir().parent / "data"


def test_the_schema_is_kzru_s_five_tables_by_name() -> None:
    schema = store.load_schema()
    assert list(schema) == list(TABLES)
    assert all(schema[name]["path"] == f"{name}.csv" for name in TABLES)


def test_the_index_depends_on_the_five_tables_and_the_package_file(tmp_path: Path) -> None:
    assert store.data_files(tmp_path) == [*(tmp_path / f"{t}.csv" for t in TABLES),
                                          tmp_path / "datapackage.json"]


def test_prose_is_incidental_at_any_depth() -> None:
    value = {"title": "T", "description": "D", "fields": [
        {"name": "id", "example": "x", "constraints": {"description": "d", "required": True}}],
        "primaryKey": ["id"]}
    assert store._essential(value) == {"fields": [{"name": "id", "constraints":
                                                   {"required": True}}], "primaryKey": ["id"]}


# --- the folder's own package ------------------------------------------------------------------

def package_of(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def problems_with(folder: Path, package: object | None = None, raw: bytes | None = None
                  ) -> list[str]:
    """The problems load reports once the folder's package is ``package`` (or ``raw``)."""
    path = folder / "datapackage.json"
    if raw is not None:
        path.write_bytes(raw)
    elif package is not None:
        path.write_text(json.dumps(package), encoding="utf-8")
    try:
        store.load(folder)
    except DataError as error:
        return list(error.problems)
    return []


def resources(package: dict) -> dict[str, dict]:
    return {r["name"]: r for r in package["resources"]}


def test_a_copy_of_kzru_s_package_loads_and_prose_may_differ(data_copy: Path) -> None:
    package = package_of(data_copy)
    package["title"] = "my copy"
    for resource in package["resources"]:
        resource["description"] = "mine"
        resource["schema"]["fields"][0]["description"] = "my words"
    assert problems_with(data_copy, package) == []
    # a byte order mark is no problem either
    raw = json.dumps(package).encode("utf-8")
    assert problems_with(data_copy, raw=b"\xef\xbb\xbf" + raw) == []


def test_a_missing_package_file_says_what_to_do(data_copy: Path) -> None:
    (data_copy / "datapackage.json").unlink()
    found = problems_with(data_copy)
    assert found == [f"{data_copy / 'datapackage.json'}: file not found (every data folder "
                     "needs one; copy kzru's own and keep its schemas)"]


def test_a_package_that_is_no_utf8_names_the_byte(data_copy: Path) -> None:
    found = problems_with(data_copy, raw=b'{"resources": "\xff"}')
    assert found == [f"{data_copy / 'datapackage.json'}: not valid UTF-8 (byte 15)"]


def test_a_package_that_is_no_json_names_line_and_column(data_copy: Path) -> None:
    found = problems_with(data_copy, raw=b'{\n  "resources": [,]\n}')
    assert found == [f"{data_copy / 'datapackage.json'}:2:17: not valid JSON: "
                     "Expecting value"]


@pytest.mark.parametrize("package", [[], {"resources": {}}, {"name": "x"}, "text"])
def test_a_package_without_a_list_of_resources(data_copy: Path, package: object) -> None:
    assert problems_with(data_copy, package) == \
        [f"{data_copy / 'datapackage.json'}: no list of resources"]


def test_a_package_that_is_no_file_says_so(data_copy: Path) -> None:
    (data_copy / "datapackage.json").unlink()
    (data_copy / "datapackage.json").mkdir()
    with pytest.raises(KzruError) as raised:
        store.load(data_copy)
    assert str(raised.value) == f"{data_copy / 'datapackage.json'}: is a folder, not a " \
        "regular file"


def test_other_resources_are_named_by_position(data_copy: Path) -> None:
    package = package_of(data_copy)
    package["resources"] += [{"name": "notes", "path": "notes.csv"}, {"path": "x.csv"}, 7]
    path = data_copy / "datapackage.json"
    listed = "sources, events, facts, sectors, glossary"
    assert problems_with(data_copy, package) == [
        f"{path}: resource 6 ('notes') is not one of kzru's tables ({listed}); a kzru package "
        "lists those only",
        f"{path}: resource 7 (without a name) is not one of kzru's tables ({listed}); a kzru "
        "package lists those only",
        f"{path}: resource 8 (without a name) is not one of kzru's tables ({listed}); a kzru "
        "package lists those only"]


def test_a_table_listed_twice_is_refused(data_copy: Path) -> None:
    package = package_of(data_copy)
    package["resources"].append(resources(package)["events"])
    assert problems_with(data_copy, package) == [
        f"{data_copy / 'datapackage.json'}: resource 'events' is listed more than once "
        "(resource 6); each table is listed once"]


def test_a_missing_table_is_named(data_copy: Path) -> None:
    package = package_of(data_copy)
    package["resources"] = [r for r in package["resources"] if r["name"] != "sectors"]
    assert problems_with(data_copy, package) == [
        f"{data_copy / 'datapackage.json'}: no resource named 'sectors'"]


@pytest.mark.parametrize(("change", "shown"), [
    ({"path": "../facts.csv"}, "'../facts.csv'"),
    ({"path": "FACTS.csv"}, "'FACTS.csv'"),
    ({"path": ["facts.csv"]}, "no file name"),
    ({"path": None}, "no file name"),
    ({"data": [["x"]]}, "'facts.csv'"),
])
def test_a_table_must_be_its_bare_file_name(data_copy: Path, change: dict, shown: str) -> None:
    package = package_of(data_copy)
    resources(package)["facts"].update(change)
    assert problems_with(data_copy, package) == [
        f"{data_copy / 'datapackage.json'}: resource 'facts' has path {shown}, expected the "
        "bare file name facts.csv"]


def test_inline_data_without_a_path_is_said_so(data_copy: Path) -> None:
    package = package_of(data_copy)
    facts = resources(package)["facts"]
    del facts["path"]
    facts["data"] = []
    assert problems_with(data_copy, package) == [
        f"{data_copy / 'datapackage.json'}: resource 'facts' has path inline data, expected "
        "the bare file name facts.csv"]


def schema_problem(folder: Path, change) -> list[str]:  # noqa: ANN001
    package = package_of(folder)
    change(resources(package)["events"]["schema"])
    return problems_with(folder, package)


def expect_schema(folder: Path, difference: str) -> list[str]:
    return [f"{folder / 'datapackage.json'}: the schema of 'events' differs from kzru's "
            f"({difference})"]


def test_a_field_of_another_type_is_named(data_copy: Path) -> None:
    def change(schema: dict) -> None:
        schema["fields"][4]["type"] = "string"
    assert schema_problem(data_copy, change) == \
        expect_schema(data_copy, "field 'start' has other type or constraints")


def test_a_renamed_or_missing_field_names_the_one_expected(data_copy: Path) -> None:
    def rename(schema: dict) -> None:
        schema["fields"][1]["name"] = "sort"
    assert schema_problem(data_copy, rename) == \
        expect_schema(data_copy, "field 2 should be 'kind' of type string")


def test_a_field_that_is_no_object_names_the_one_expected(data_copy: Path) -> None:
    def replace(schema: dict) -> None:
        schema["fields"][0] = "id"
    assert schema_problem(data_copy, replace) == \
        expect_schema(data_copy, "field 1 should be 'id' of type string")


def test_fields_cut_short_name_the_first_one_missing(data_copy: Path) -> None:
    def cut(schema: dict) -> None:
        del schema["fields"][3:]
    assert schema_problem(data_copy, cut) == \
        expect_schema(data_copy, "field 4 should be 'title_en' of type string")


def test_an_extra_field_is_counted(data_copy: Path) -> None:
    fields = len(store.load_schema()["events"]["schema"]["fields"])

    def extend(schema: dict) -> None:
        schema["fields"].append({"name": "extra", "type": "string"})
    assert schema_problem(data_copy, extend) == \
        expect_schema(data_copy, f"{fields + 1} fields, expected {fields}")


def test_other_keys_are_a_difference_too(data_copy: Path) -> None:
    def keys(schema: dict) -> None:
        schema["primaryKey"] = ["title_en"]
    assert schema_problem(data_copy, keys) == expect_schema(data_copy, "keys or other settings")


def test_a_schema_that_is_no_object_names_the_first_field(data_copy: Path) -> None:
    package = package_of(data_copy)
    resources(package)["events"]["schema"] = ["id"]
    assert problems_with(data_copy, package) == \
        expect_schema(data_copy, "field 1 should be 'id' of type string")


def test_fields_that_are_no_list_name_the_first_field(data_copy: Path) -> None:
    def not_a_list(schema: dict) -> None:
        schema["fields"] = "id, kind"
    assert schema_problem(data_copy, not_a_list) == \
        expect_schema(data_copy, "field 1 should be 'id' of type string")


def test_the_bundled_package_is_trusted_as_the_schema_itself(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    read: list[Path] = []
    real = store.read_limited

    def spy(path: Path, limit: int) -> bytes:
        read.append(path)
        return real(path, limit)

    monkeypatch.setattr(store, "read_limited", spy)
    store._check_package(BUNDLED, store.load_schema(), problems := store.Problems())
    assert read == [] and not problems


# --- loading ------------------------------------------------------------------------------------

def test_every_row_is_loaded_with_its_line(data_copy: Path) -> None:
    dataset = store.load(data_copy)
    from conftest import read_table

    rows = read_table(data_copy, "facts")
    assert list(dataset.facts) == [row["id"] for row in rows]
    assert dataset.fact_lines == {row["id"]: line for line, row in enumerate(rows, start=2)}
    assert dataset.folder == str(data_copy)
    for name in ("sources", "events", "sectors", "glossary"):
        assert list(getattr(dataset, name)) == [row["id"] for row in read_table(data_copy, name)]


def store_cap() -> int:
    from kzru.errors import PER_KIND

    return PER_KIND


def test_all_problems_keeps_every_line(data_copy: Path) -> None:
    from conftest import read_table, write_table

    rows = read_table(data_copy, "facts")
    for row in rows[:store_cap() + 3]:
        row["status"] = "maybe"
    write_table(data_copy, "facts", rows)
    with pytest.raises(DataError) as capped:
        store.load(data_copy)
    with pytest.raises(DataError) as every:
        store.load(data_copy, all_problems=True)
    statuses = [p for p in every.value.problems if "maybe" in p]
    assert len(statuses) == store_cap() + 3
    assert len([p for p in capped.value.problems if "maybe" in p]) == store_cap()


def test_a_table_without_its_header_skips_the_checks_across_tables(data_copy: Path) -> None:
    (data_copy / "events.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        store.load(data_copy)
    problems = raised.value.problems
    assert problems and all("events.csv" in p for p in problems)


# --- evidence against the articles -------------------------------------------------------------

def articles_for(dataset, folder: Path) -> None:  # noqa: ANN001
    """Articles holding every evidence piece of their facts, and nothing else."""
    folder.mkdir()
    texts: dict[str, list[str]] = {s: [] for s in dataset.sources}
    for fact in dataset.facts.values():
        texts[fact.source].extend(fact.evidence_pieces)
    for source in dataset.sources.values():
        (folder / source.file).write_text("\n".join(texts[source.id]), encoding="utf-8")


def test_evidence_found_verbatim_passes(data_copy: Path, tmp_path: Path) -> None:
    dataset = store.load(data_copy)
    articles_for(dataset, tmp_path / "a")
    assert store.verify_evidence(dataset, tmp_path / "a") == []


def test_a_missing_sources_folder_is_an_error(data_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(KzruError, match="sources folder not found: "):
        store.verify_evidence(store.load(data_copy), tmp_path / "none")


def test_a_missing_or_broken_article_is_named_once(data_copy: Path, tmp_path: Path) -> None:
    dataset = store.load(data_copy)
    articles_for(dataset, tmp_path / "a")
    first, second = list(dataset.sources.values())[:2]
    (tmp_path / "a" / first.file).unlink()
    (tmp_path / "a" / second.file).write_bytes(b"ok \xff")
    found = store.verify_evidence(dataset, tmp_path / "a")
    assert found == [
        f"{tmp_path / 'a' / first.file}: cannot read article for source {first.id}: "
        "No such file or directory",
        f"{tmp_path / 'a' / second.file}: article for source {second.id} is not valid UTF-8 "
        "(byte 3)"]


def test_a_piece_not_in_the_article_is_placed_at_its_cell(data_copy: Path,
                                                          tmp_path: Path) -> None:
    dataset = store.load(data_copy)
    articles_for(dataset, tmp_path / "a")
    several = next(f for f in dataset.facts.values() if len(f.evidence_pieces) > 1)
    single = next(f for f in dataset.facts.values() if len(f.evidence_pieces) == 1
                  and f.source != several.source)
    for fact, piece in ((several, several.evidence_pieces[1]), (single, single.evidence)):
        path = tmp_path / "a" / dataset.sources[fact.source].file
        path.write_text(path.read_text(encoding="utf-8").replace(piece, ""), encoding="utf-8")
    found = store.verify_evidence(dataset, tmp_path / "a")
    column = 13
    facts = data_copy / "facts.csv"
    expected = {
        f"{facts}:{dataset.fact_lines[several.id]}:{column}: piece 2 of the evidence of "
        f"{several.id} is not found verbatim in {dataset.sources[several.source].file}",
        f"{facts}:{dataset.fact_lines[single.id]}:{column}: evidence of {single.id} is not "
        f"found verbatim in {dataset.sources[single.source].file}"}
    assert expected <= set(found)
    assert all("piece 1 " not in p or several.id not in p for p in found)


def test_an_article_that_is_not_the_text_its_sha256_names_is_listed(data_copy: Path,
                                                                    tmp_path: Path) -> None:
    import hashlib

    from conftest import read_table, write_table

    rows = read_table(data_copy, "sources")
    dataset = store.load(data_copy)
    articles_for(dataset, tmp_path / "a")
    # the rows name the text each article holds now (line endings as line feeds), except the
    # second, whose article has changed since
    for row in rows:
        text = (tmp_path / "a" / row["file"]).read_text(encoding="utf-8")
        row["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    changed = rows[1]
    article = tmp_path / "a" / changed["file"]
    article.write_text(article.read_text(encoding="utf-8") + "\nadded later", encoding="utf-8")
    # the first article saved with Windows line endings is the same text
    first = tmp_path / "a" / rows[0]["file"]
    first.write_bytes(first.read_bytes().replace(b"\n", b"\r\n"))
    write_table(data_copy, "sources", rows)
    dataset = store.load(data_copy)
    hashes: list[str] = []
    assert store.verify_evidence(dataset, tmp_path / "a", hashes) == []
    now = hashlib.sha256(article.read_text(encoding="utf-8").encode("utf-8")).hexdigest()
    assert hashes == [
        f"{data_copy / 'sources.csv'}:3:11: {article} is not the text source {changed['id']} "
        f"was added from (its sha256 is {now[:12]}…, the row says {changed['sha256'][:12]}…)"]
    assert store.verify_evidence(dataset, tmp_path / "a") == []  # not asked: not listed



def _unreadable(monkeypatch: pytest.MonkeyPatch, name: str) -> str:
    """Reading the file called ``name`` fails with an input/output error (what a failing
    disk gives; a permission error cannot be made for root): its reason, as the system says."""
    import errno

    reading = store.read_limited

    def read_limited(path: Path, *args: object, **kwargs: object) -> bytes:
        if Path(path).name == name:
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        return reading(path, *args, **kwargs)

    monkeypatch.setattr(store, "read_limited", read_limited)
    return os.strerror(errno.EIO)


def test_an_article_that_cannot_be_read_is_named_with_the_reason(
        data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors are for people: an article that is there but cannot be read is named with its
    source and the system's reason."""
    dataset = store.load(data_copy)
    articles_for(dataset, tmp_path / "a")
    first = next(iter(dataset.sources.values()))
    why = _unreadable(monkeypatch, first.file)
    found = store.verify_evidence(dataset, tmp_path / "a")
    assert found == [f"{tmp_path / 'a' / first.file}: cannot read article for source "
                     f"{first.id}: {why}"]


def test_a_package_description_that_cannot_be_read_is_named_with_the_reason(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    why = _unreadable(monkeypatch, "datapackage.json")
    with pytest.raises(DataError) as raised:
        store.load(data_copy)
    assert [str(line) for line in raised.value.problems] == [
        f"{data_copy / 'datapackage.json'}: cannot be read: {why}"]


def test_a_first_build_refuses_a_broken_reference_as_a_load_does(run, data_copy: Path) -> None:  # noqa: ANN001
    """Data is sacred: a store built while the facts stream in checks the references across
    rows on what it keeps of each fact, as a whole load does: a fact naming an event the
    table does not hold stops the first command, naming the fact's event, and nothing is
    listed."""
    from conftest import read_table, write_table

    rows = read_table(data_copy, "facts")
    rows[0]["event"] = "2031-01-no-such-event"
    write_table(data_copy, "facts", rows)
    done = run("facts", "--data", str(data_copy))
    assert done.code == 2 and done.out == ""
    assert "2031-01-no-such-event" in done.err
