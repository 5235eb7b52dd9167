"""The fault suite's cases for reads while a folder changes (issue 14's leftovers, red team
r11 #1): `kzru check --sources` reads the tables and the articles it verifies the evidence in
as one version, wherever the articles are (a write that lands while the articles are read, a
kzru write of the data folder or of the folder that holds them, makes check read everything
again, as the loaders do); and a folder that changes during every read (an editor saving a
table in place) is refused in one line, never answered from part of it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, needs_seeds

from kzru import writer
from kzru.files import article_text, text_sha256

ADDED = "\nПриписка, добавленная новой версией статьи.\n"


def _articles(folder: Path) -> Path:
    """The five articles copied into ``folder``/articles, as kzru add keeps them."""
    place = folder / "articles"
    place.mkdir()
    for article in SEEDS.iterdir():
        if article.suffix == ".txt":
            shutil.copy(article, place / article.name)
    return place


def _new_version(folder: Path, articles: Path, sources: tuple[str, ...]) -> dict[str, bytes]:
    """A write of the articles of ``sources`` (a sentence added at the end, so every evidence
    excerpt is still there) with sources.csv naming their new checksums: valid as a whole,
    while the old table against a new article is 'not the text it was added from'."""
    table = (folder / "sources.csv").read_text(encoding="utf-8")
    new: dict[str, bytes] = {}
    for line in table.splitlines()[1:]:
        source, name = line.split(",")[:2]
        if source not in sources:
            continue
        old_text = (articles / name).read_bytes()
        payload = old_text + ADDED.encode("utf-8")
        old_sum, new_sum = text_sha256(article_text(old_text)), text_sha256(article_text(payload))
        assert old_sum in table
        table = table.replace(old_sum, new_sum)
        new[f"articles/{name}"] = payload
    new["sources.csv"] = table.encode("utf-8")
    return new


def _answer(run, folder: Path, articles: Path) -> tuple[int, str]:  # noqa: ANN001
    done = run("check", "--data", str(folder), "--sources", str(articles))
    text = done.out + done.err
    for place in sorted((str(articles), str(folder)), key=len, reverse=True):
        text = text.replace(place, "PLACE")
    return done.code, text


def _write_during_reads(monkeypatch: pytest.MonkeyPatch, folder: Path,
                        contents: dict[str, bytes], after: int) -> list[int]:
    """Land ``contents`` in ``folder`` (writer.commit: journal, renames) once check has read
    ``after`` articles; the number of articles read, for the test to see a second read."""
    from kzru import store

    real = store.article_text
    count = [0]

    def article(raw: bytes) -> str:
        count[0] += 1
        if count[0] == after:
            writer.commit(folder, contents)
        return real(raw)

    monkeypatch.setattr(store, "article_text", article)
    return count


@needs_seeds
def test_check_sources_rereads_when_its_folder_is_written_meanwhile(
        run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """The articles in the data folder: after two are read, a write replaces the third with a
    longer text and sources.csv with its new checksum. The old check held the tables read
    before the write against the article after it: 'not the text its source was added
    from', a warning neither version earns."""
    articles = _articles(data_copy)
    new = _new_version(data_copy, articles, ("a002",))
    old_copy, new_copy = tmp_path / "old", tmp_path / "new"
    shutil.copytree(data_copy, old_copy)
    shutil.copytree(data_copy, new_copy)
    for name, payload in new.items():
        (new_copy / name).write_bytes(payload)
    old, after = _answer(run, old_copy, old_copy / "articles"), \
        _answer(run, new_copy, new_copy / "articles")
    assert old == after and old[0] == 0 and "warning" not in old[1]  # both versions: clean
    read = _write_during_reads(monkeypatch, data_copy, new, after=2)
    got = _answer(run, data_copy, articles)
    assert got == after, got
    assert read[0] > 5  # the articles were read again, after the write
    assert (articles / new_name(new)).read_bytes().endswith(ADDED.encode("utf-8"))


def new_name(contents: dict[str, bytes]) -> str:
    return next(name for name in contents if name.startswith("articles/")).split("/", 1)[1]


@needs_seeds
def test_check_sources_rereads_articles_outside_the_data_folder_written_meanwhile(
        run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """--sources names the articles of another kzru folder; a write of that folder replaces
    two of them (and its own sources.csv) after check has read one. The data folder's tables
    never change, so both texts are 'other text' after the write and neither before: the old
    check read one old and one new article, a state the articles were never in."""
    other = tmp_path / "other"
    shutil.copytree(data_copy, other)
    articles = _articles(other)
    new = _new_version(other, articles, ("a000", "a004"))
    before = _answer(run, data_copy, articles)
    assert before[0] == 0 and "warning" not in before[1]
    staged = tmp_path / "staged"
    shutil.copytree(other, staged)
    for name, payload in new.items():
        (staged / name).write_bytes(payload)
    later = _answer(run, data_copy, staged / "articles")
    assert later[0] == 0 and later[1].count("kzru: warning") == 2, later
    read = _write_during_reads(monkeypatch, other, new, after=1)
    got = _answer(run, data_copy, articles)
    assert got == later, got  # the state after the write, read whole
    assert read[0] > 5


# --- a folder that changes during every read is refused, not answered from part of it -----

@pytest.mark.parametrize("args", [("facts", "--format", "tsv"), ("check",),
                                  ("export", "--csv", "OUT")])
def test_a_table_rewritten_in_place_during_every_read_is_refused(
        run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
        args: tuple[str, ...]) -> None:
    """An editor saving facts.csv in place while kzru reads it, every time kzru reads it: the
    old reader answered the third read as whole (the red team saw 19 facts of 243, exit 0,
    nothing on stderr). Now: exit 2, one line naming facts.csv, nothing on stdout, nothing
    exported."""
    from kzru import whole_reads

    real = whole_reads.read_whole
    path = data_copy / "facts.csv"
    saved = path.read_bytes()
    reads = [0]

    def read_whole(folder, read, *rest, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        def edited():  # noqa: ANN202 - every read of the folder, with the editor saving
            try:
                return read()
            finally:
                reads[0] += 1
                with open(path, "r+b") as handle:  # same bytes, a new mtime
                    handle.truncate(0)
                    handle.write(saved)
        return real(folder, edited, *rest, **kwargs)

    monkeypatch.setattr(whole_reads, "read_whole", read_whole)
    monkeypatch.setenv("KZRU_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "package"
    done = run(*[str(out) if arg == "OUT" else arg for arg in args], "--data", str(data_copy))
    assert done.code == 2, (done.out[:200], done.err)
    assert done.out == "" and len(done.err.strip().splitlines()) == 1
    assert f"{path} changed while being read, 3 times in a row" in done.err
    assert reads[0] >= 3 and not out.exists()  # three reads (export: each with a load inside)
    monkeypatch.setattr(whole_reads, "read_whole", real)  # the editor is done: read as usual
    assert run(*[str(out) if arg == "OUT" else arg for arg in args], "--data",
               str(data_copy)).code == 0
