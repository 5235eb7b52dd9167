"""The first build streams: the facts are validated and written to the store in one pass,
never held whole. The store it writes must be the one a build from the loaded table writes,
bad data must be refused exactly as the loader refuses it, and nothing may be filed under a
key that is not the content read."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from build_fixtures import counting_word_calls

from kzru import build, word_worker
from kzru.errors import DataError
from kzru.index import open_index
from kzru.search import search
from kzru.store import bundled_data_dir, load


def _contents(connection: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order (row order in a table is not a promise)."""
    tables = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {name: sorted(connection.execute(f"SELECT * FROM {name}"), key=repr)
            for name in tables}


def _edit(path: Path, edit) -> None:  # noqa: ANN001
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _with_drafts(folder: Path) -> None:
    """Mark a few facts as drafts, so the draft count and review column are exercised."""
    def edit(rows: list[list[str]]) -> None:
        review = rows[0].index("review")
        part_of, follows, same_as = (rows[0].index(name)
                                     for name in ("part_of", "follows", "same_as"))
        linked = {item for row in rows[1:] for cell in (row[part_of], row[follows],
                                                        row[same_as])
                  for item in cell.split("; ") if item}
        chosen = [row for row in rows[1:] if row[0] not in linked][:3]
        assert len(chosen) == 3
        for row in chosen:
            row[review] = "draft"

    _edit(folder / "facts.csv", edit)


@pytest.mark.parametrize("drafts", [False, True])
def test_a_streamed_store_is_the_store_built_from_the_loaded_table(data_copy: Path,
                                                                   drafts: bool) -> None:
    if drafts:
        _with_drafts(data_copy)
    streamed, loaded = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
    build.stream(data_copy, streamed)
    build.build(load(data_copy), loaded)
    mine, theirs = _contents(streamed), _contents(loaded)
    assert mine.keys() == theirs.keys()
    for table in mine:
        assert mine[table] == theirs[table], table
    facts = streamed.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert facts == len(load(data_copy).facts) > 200
    meta = dict(streamed.execute("SELECT key, value FROM meta"))
    assert meta["drafts"] == ("3" if drafts else "0") and meta["complete"] == "1"


def test_a_streamed_build_refuses_bad_data_as_the_loader_does(data_copy: Path) -> None:
    """Every problem is reported (cells, rows, references), the same lines as load()."""
    def edit(rows: list[list[str]]) -> None:
        header = rows[0]
        rows[3][header.index("date")] = "2024-13-01"
        rows[5][header.index("event")] = "2024-11-state-visit-astna"
        rows[7][header.index("status")] = "finished"

    _edit(data_copy / "facts.csv", edit)
    with pytest.raises(DataError) as loaded:
        load(data_copy)
    with pytest.raises(DataError) as streamed:
        build.stream(data_copy, sqlite3.connect(":memory:"))
    assert streamed.value.problems == loaded.value.problems
    assert len(loaded.value.problems) == 3


def test_bad_data_files_nothing_in_the_cache(run, data_copy: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("KZRU_CACHE_DIR", str(cache))

    def edit(rows: list[list[str]]) -> None:
        rows[-1][rows[0].index("source")] = "no-such-source"

    _edit(data_copy / "facts.csv", edit)
    done = run("facts", "--data", str(data_copy))
    assert done.code == 2 and "source 'no-such-source' is not an id in sources.csv" in done.err
    assert not list(cache.glob("index-*"))  # no store, and no scratch file left behind


def test_a_file_saved_while_the_facts_stream_files_nothing(data_copy: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """The curator saves facts.csv after kzru hashed it and before it read the facts: this
    run answers from what it read, and nothing is filed under the old content's key."""
    from kzru import store

    monkeypatch.setenv("KZRU_CACHE_DIR", str(tmp_path / "cache"))
    path = data_copy / "facts.csv"
    original = path.read_bytes()
    real = store.read_table

    def saving(name, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if name == "facts":
            path.write_bytes(original.replace("Росатом".encode(), "Ростатм".encode()))
        return real(name, *args, **kwargs)

    from kzru import freshness

    old_key = freshness._hash_data(freshness._sources(data_copy))
    monkeypatch.setattr(store, "read_table", saving)
    index = open_index(data_copy)
    assert search(index, "Ростатм", limit=1)
    # the folder changed under the read, so it is read again: a store may be filed for the
    # saved content, never one under the old content's key
    assert not (tmp_path / "cache" / f"index-{old_key}.sqlite").exists()
    monkeypatch.setattr(store, "read_table", real)
    path.write_bytes(original)
    index = open_index(data_copy)
    assert search(index, "Росатом", limit=1) and not search(index, "Ростатм", limit=1)
    assert (tmp_path / "cache" / f"index-{old_key}.sqlite").exists()


def test_names_memoised_as_elsewhere_give_the_same_words_inside_names() -> None:
    """The build memoises a word whose key is in no name as one shared marker: the words
    found inside names must be those found with every key kept."""
    from kzru.places import inside_names, name_keys, name_table
    from kzru.text import words

    dataset = load(bundled_data_dir())
    names = name_table(dataset.glossary.values())
    parts = name_keys(names)
    found_any = False
    plain: dict[str, str] = {}
    marked: dict[str, str] = {}
    for fact in dataset.facts.values():
        fields = [words(fact.summary), words(fact.text), words(fact.evidence),
                  *(words(name) for name in fact.names)]
        expected = inside_names(names, fields, plain)
        assert inside_names(names, fields, marked, parts) == expected, fact.id
        found_any = found_any or bool(expected)
    assert found_any
    assert len(set(marked.values())) < len(set(plain.values()))


def _names_of(*names: tuple[str, ...]) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    found: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for name in names:
        found.setdefault(name[0], {}).setdefault(name[1], []).append(name)
    return found


def test_words_inside_names_on_invented_facts() -> None:
    """Keys given directly (the memo is filled with each word as its own key, a stopword as
    nothing): a word is inside a name only when every place the fact says it is covered."""
    from kzru.places import inside_names

    names = _names_of(("a", "b"), ("b", "c"), ("a", "c", "d"))

    def inside(*fields: list[str]) -> list[str]:
        keys = {word: word for field in fields for word in field}
        keys["и"] = ""  # a stopword: left out, so the words around it stand together
        return inside_names(names, list(fields), keys)

    assert inside(["a", "b", "x"], ["b"]) == ["a"]  # b said again outside the name
    assert inside(["a", "b", "c"]) == ["a", "b", "c"]  # two names overlapping
    assert inside(["a"], ["b"]) == []  # a name never runs across two fields
    assert inside(["x", "a", "b"]) == ["a", "b"]  # at the end of a field
    assert inside(["a", "c", "x"]) == []  # the second key fits, the third does not
    assert inside(["a", "c", "d", "a"]) == ["c", "d"]  # a is also said alone
    assert inside(["a", "и", "b"]) == ["a", "b"]


def test_words_inside_names_as_every_name_tried_at_every_place() -> None:
    """The look-up by first and second key finds what trying every name at every place of
    the fact's keys finds, on the bundled table."""
    from kzru.places import inside_names, name_table
    from kzru.text import words

    dataset = load(bundled_data_dir())
    names = name_table(dataset.glossary.values())
    every = [name for by_second in names.values() for found in by_second.values()
             for name in found]
    keys: dict[str, str] = {}
    matched = 0
    for fact in dataset.facts.values():
        fields = [words(fact.summary), words(fact.text), words(fact.evidence),
                  *(words(name) for name in fact.names)]
        found = inside_names(names, fields, keys)
        sequence: list[str] = []
        for field in fields:
            sequence += ["", *(keys[word] for word in field if keys[word])]
        covered = {place for start in range(len(sequence)) for name in every
                   if tuple(sequence[start:start + len(name)]) == name
                   for place in range(start, start + len(name))}
        outside = {sequence[place] for place in range(len(sequence)) if place not in covered}
        assert found == sorted({sequence[place] for place in covered} - outside), fact.id
        matched += bool(found)
    assert matched >= 10


def _no_child_left() -> bool:
    import os

    try:
        os.waitpid(-1, os.WNOHANG)  # a child, running or ended: one was left
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("drafts", [False, True])
def test_the_words_found_in_a_forked_worker_make_the_same_store(
        data_copy: Path, tmp_path: Path, drafts: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if drafts:
        _with_drafts(data_copy)
    calls = counting_word_calls(monkeypatch)
    path = tmp_path / "forked.sqlite"
    forked = sqlite3.connect(path)
    build.stream(data_copy, forked, path=str(path))
    assert calls == [] and _no_child_left()  # every word was found in the worker
    alone = sqlite3.connect(":memory:")
    build.stream(data_copy, alone)
    assert len(calls) == len(load(data_copy).facts) > 200
    mine, theirs = _contents(forked), _contents(alone)
    assert mine.keys() == theirs.keys()
    for table in mine:
        assert mine[table] == theirs[table], table
    assert mine["vocab"] and mine["inname"] and mine["topic_keys"] and mine["parts"]


def test_a_forked_build_refuses_bad_data_as_the_loader_does_and_stops_its_worker(
        data_copy: Path, tmp_path: Path) -> None:
    def edit(rows: list[list[str]]) -> None:
        header = rows[0]
        rows[3][header.index("date")] = "2024-13-01"
        rows[-1][header.index("source")] = "no-such-source"

    _edit(data_copy / "facts.csv", edit)
    with pytest.raises(DataError) as loaded:
        load(data_copy)
    path = tmp_path / "forked.sqlite"
    with pytest.raises(DataError) as streamed:
        build.stream(data_copy, sqlite3.connect(path), path=str(path))
    assert streamed.value.problems == loaded.value.problems
    assert len(loaded.value.problems) == 2 and _no_child_left()
    tables = {name for (name,) in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "topic_keys" not in tables  # the worker wrote nothing


def test_a_failed_worker_is_done_again_in_one_process(
        run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    cache = tmp_path / "cache"
    monkeypatch.setenv("KZRU_CACHE_DIR", str(cache))
    monkeypatch.setattr(word_worker, "_serve", lambda words, pipe, path: 1)  # the worker fails
    calls = counting_word_calls(monkeypatch)
    done = run("search", "атом", "--format", "json", "--data", str(data_copy))
    assert done.code == 0 and "атом" in done.out.lower() and _no_child_left()
    assert len(calls) == len(load(data_copy).facts)  # all found here, once
    filed = list(cache.glob("index-*.sqlite"))
    assert len(filed) == 1
    alone = sqlite3.connect(":memory:")
    monkeypatch.setattr(word_worker, "FORK", False)
    build.stream(data_copy, alone)
    assert _contents(sqlite3.connect(filed[0])) == _contents(alone)
