"""Shared fixtures: an isolated cache, an in-process runner, and a copy of the bundled data."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from kzru import store
from kzru.cli import main
from kzru.store import bundled_data_dir

# A suite started with SIGHUP or SIGTERM ignored (under nohup, say) hands that to every kzru it
# starts, and kzru rightly leaves an ignored signal alone; the tests that send those signals
# ask what kzru does with them, so the suite's children get the default action back.
for _name in ("SIGHUP", "SIGTERM"):
    if signal.getsignal(getattr(signal, _name)) == signal.SIG_IGN:
        signal.signal(getattr(signal, _name), signal.SIG_DFL)

# No property test has a wall-clock deadline: on a loaded machine hypothesis's default 200 ms
# fails tests for being slow, not wrong. Speed is measured in tests/bench/.
settings.register_profile("kzru", deadline=None)
settings.load_profile("kzru")

# The five articles the table is built from: ../shared/seeds beside the checkout, or any
# folder of your own copies named by KZRU_SEEDS (file names as in data/sources.csv).
SEEDS = Path(os.environ.get("KZRU_SEEDS") or
             Path(__file__).resolve().parents[2] / "shared" / "seeds")
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=f"{SEEDS} not found: this test checks every evidence excerpt against the articles "
           "themselves; put the five articles there, or set KZRU_SEEDS=DIR to a folder of "
           "your own copies (named as in data/sources.csv)")


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path_factory.getbasetemp() / "cache"
    monkeypatch.setenv("KZRU_CACHE_DIR", str(cache))
    monkeypatch.delenv("KZRU_DATA", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return cache


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    """Run kzru in-process with the given arguments; return exit code, stdout, stderr."""

    def invoke(*args: str) -> Result:
        try:
            main(list(args))
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 0
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture(autouse=True)
def _english_reader() -> None:
    """Each test starts with messages said in English: the command line sets the reader's
    language for what libraries write to stderr (labels.READER), and an in-process run with
    --lang ru would otherwise leave it Russian for the tests that follow."""
    from kzru.labels import READER

    READER.lang = "en"


@pytest.fixture
def empty(tmp_path: Path, run) -> Path:  # noqa: ANN001
    """An empty data folder of the user's own, made as a user makes one (kzru init --empty)."""
    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    return folder


@pytest.fixture(scope="module")
def bundled():  # noqa: ANN201
    """The bundled table, loaded once per test module."""
    return store.load(bundled_data_dir())


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder."""
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def kzru_command() -> list[str]:
    return [sys.executable, "-m", "kzru"]


def terminal(*args: str, columns: int = 100, lines: int = 500,
             env: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> str:
    """Run kzru with stdout on a pseudo-terminal of the given size; return what it showed."""
    import os
    import pty
    import subprocess

    leader, follower = pty.openpty()
    environment = {**os.environ, "COLUMNS": str(columns), "LINES": str(lines), "TERM": "xterm",
                   "KZRU_PAGER": "", **(env or {})}
    for name in drop:
        environment.pop(name, None)
    process = subprocess.Popen([*kzru_command(), *args], stdout=follower, stderr=follower,
                               stdin=subprocess.DEVNULL, env=environment)
    os.close(follower)
    shown = read_to_end(leader)
    process.wait(timeout=60)
    os.close(leader)
    return shown.decode("utf-8", "replace").replace("\r\n", "\n")


def read_to_end(leader: int) -> bytes:
    """All a pseudo-terminal's other side wrote until it closed (EIO on Linux ends it)."""
    import os

    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def replace_with(path: Path, kind: str) -> None:
    """Put an odd file where a regular one was: a FIFO, a link to a device, a folder, or a
    huge sparse file (regular, but more than kzru reads); the fault suite and its benchmark."""
    import os

    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        with open(path, "wb") as handle:
            handle.truncate(300 << 20)


def read_table(folder: Path, name: str) -> list[dict[str, str]]:
    """A data folder's table as written: every cell as text, in file order."""
    import csv

    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def folder_bytes(folder: Path, ignore: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under a data folder, by its relative path, with its bytes: what a test
    compares to show a refused or interrupted write left the folder as it was. ``ignore``
    names files left out by name (the lock file, which names its last holder)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in ignore}


def load_problems(folder: Path) -> list[str]:
    """Every problem loading a data folder reports (all of them, not the first 20 of a kind);
    none for a folder that loads."""
    from kzru.errors import DataError

    try:
        store.load(folder, all_problems=True)
    except DataError as error:
        return list(error.problems)
    return []


def write_table(folder: Path, name: str, rows: list[dict[str, str]]) -> None:
    """Rewrite a table of a data folder copy with the same header (tests only)."""
    import csv

    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: row.get(key, "") for key in header} for row in rows)


# Columns that link a fact to others: a fact made from a template starts with none of them.
LINK_COLUMNS = ("part_of", "follows", "same_as")


def add_facts(folder: Path, *changes: dict[str, str], template: str | None = None) -> None:
    """Append facts to a data folder copy, each a template fact (the first row, or the one
    named) with the given cells changed: every column the schema may add later keeps a value
    that already validates."""
    rows = read_table(folder, "facts")
    base = next(row for row in rows if template in (None, row["id"]))
    for change in changes:
        made = {**base, **{column: "" for column in LINK_COLUMNS if column in base}}
        made.update(change)
        rows.append(made)
    write_table(folder, "facts", rows)


def mark_drafts(folder: Path, table: str, ids: set[str]) -> None:
    """Set ``review`` to draft on the rows of a data folder copy's table with these ids,
    leaving every other cell as written."""
    import csv

    path = folder / f"{table}.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("review")
    for row in rows[1:]:
        if row[0] in ids:
            row[column] = "draft"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def add_sector(folder: Path, sector: str = "quiet") -> None:
    """Add a sector no fact of the bundled table has (to a data folder copy), so that the
    facts a test adds in it are the only ones there."""
    write_table(folder, "sectors", [*read_table(folder, "sectors"),
                                    {"id": sector, "name": sector.title(), "name_ru": "Тихий",
                                     "aliases": ""}])


@pytest.fixture
def renames(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every rename (os.replace) made while the test runs, as (source, target); each is still
    made. ``monkeypatch.undo()`` stops recording."""
    renamed: list[tuple[str, str]] = []
    real = os.replace

    def spy(source: str, target: str) -> None:
        renamed.append((str(source), str(target)))
        real(source, target)

    monkeypatch.setattr(os, "replace", spy)
    return renamed


def kzru_here(*args: str, cache: Path) -> Result:
    """Run kzru in this process (so coverage and mutation tools see what it runs) outside a
    test's own fixtures, e.g. for a module-scoped fixture; ``cache`` is its cache folder."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.get("KZRU_CACHE_DIR")
    os.environ["KZRU_CACHE_DIR"] = str(cache)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(list(args))
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 0
    finally:
        if saved is None:
            os.environ.pop("KZRU_CACHE_DIR", None)
        else:
            os.environ["KZRU_CACHE_DIR"] = saved
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def empty_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kzru.writer import commit

    folder = tmp_path_factory.mktemp("rules") / "base"
    folder.mkdir()
    bundled = store.bundled_data_dir()
    for name in store.TABLES:
        raw = (bundled / f"{name}.csv").read_bytes()
        if name in ("sources", "events", "facts"):
            raw = raw.split(b"\n", 1)[0] + b"\n"
        commit(folder, {f"{name}.csv": raw})
    commit(folder, {"datapackage.json": (bundled / "datapackage.json").read_bytes()})
    return folder


def drafted(tmp_path: Path, empty_folder: Path, text: str, published: str | None = None):
    """Add ``text`` as an article to a fresh copy of an empty folder; return (data, by)
    where by(start) is the draft whose sentence starts with ``start`` (the drafter's rule
    tests, through the ``drafts_of`` fixture; a module's shared article calls it itself)."""
    from kzru.curate import pipeline
    from kzru.curate.read import Overrides

    folder = tmp_path / "data"
    shutil.copytree(empty_folder, folder)
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    pipeline.add([path], folder, Overrides(published=published))
    data = store.load(folder)

    def by(start: str):
        return next(f for f in data.facts.values() if f.text.startswith(start))

    return data, by


@pytest.fixture
def drafts_of(tmp_path: Path, empty_folder: Path):
    """drafts_of(text, published=None): ``drafted`` on this test's own folder, so that each
    of the drafter's rule tests says only its article and its checks, not the folders it
    needs; skips where the curate extra (natasha) is not installed."""
    pytest.importorskip("natasha")

    def add(text: str, published: str | None = None):
        return drafted(tmp_path, empty_folder, text, published)

    return add


def drafted_folder(tmp_path: Path, run, text: str) -> Path:  # noqa: ANN001
    """A folder made as a user makes one (kzru init --empty) with ``text`` added to it as an
    article: the review tests read its drafts (test_curate_review, test_lang_ru_by_rule,
    test_lang_ru_check_review)."""
    pytest.importorskip("natasha")
    from kzru.curate import pipeline

    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    path = tmp_path / "talks.txt"
    path.write_text(text, encoding="utf-8")
    pipeline.add([path], folder)
    return folder


@pytest.fixture(scope="session")
def table_20k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20,000 made-up facts: enough for SQLite to sort an index's entries in temporary files."""
    folder = tmp_path_factory.mktemp("synth") / "data"
    import subprocess

    synth = Path(__file__).resolve().parent / "bench" / "synth.py"
    subprocess.run([sys.executable, str(synth), "20000", str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    return folder
