"""The fault suite's cache cases for the store every command reads, not only search.

Every command (issue 15) answers from the cached, validated store, so every command must keep
the cache's promises: a tampered or corrupted store is rebuilt with the same answer; a store,
seal or memo another user could write, or a link, is not used (one warning, the answer built
in memory, nothing of theirs written); a store of other content never answers for data
edited since; and two folders or two installs holding the same content share one store
instead of each taking the other's build for damage and rebuilding it in turn.

The store is built once per module and copied into each test's own cache: its seal is per
content key, so a copy beside a new data folder is taken as sound (that is itself the point
of the two-installs fix).
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kzru import build as build_module
from kzru import cache, freshness
from kzru.cli import main
from kzru.store import bundled_data_dir

ROOT = Path(__file__).resolve().parents[1]
# Every command that reads the store, each asked something its output shows.
COMMANDS = {
    "search": ("search", "Росатом", "--format", "json"),
    "facts": ("facts", "--sector", "nuclear", "--format", "json"),
    "sectors": ("sectors", "--format", "json"),
    "sectors --matrix": ("sectors", "--matrix", "--format", "json"),
    "visits": ("visits", "--format", "json"),
    "sources": ("sources", "--format", "json"),
    "show": ("show", "a001-joint-statement-strategic-partnership", "--format", "json"),
    "timeline": ("timeline", "атом", "--format", "json"),
    "brief": ("brief", "2025-11-state-visit-moscow", "--format", "json"),
    "track": ("track", "Челябинск", "--format", "json"),
    "cite": ("cite", "2024-11-csto-council", "--format", "json"),
    "check --suggest-follows": ("check", "--suggest-follows"),
    "export": ("export", "{out}", "--force"),
}
# A same-size edit each command's answer shows: names, a publisher, a sector's name and one
# fact moved from one sector to another of the same length (the matrix counts it).
EDITS = [("Tokayev", "Tokajev"), ("Росатом", "Росатон"), ("Kostanay", "Kostanaj"),
         ("CMN.KZ", "CMN.KK"), ("Transport & logistics", "Transport & logistiks")]
MOVED = (",nuclear,", ",justice,")


@dataclass
class Answer:
    code: int
    out: str
    err: str


def ask(name: str, data: Path, scratch: Path) -> Answer:
    """One command in this process; the folder's path is masked, an export is read back as
    its rows (SQLite's pages are not the answer)."""
    args = [part.replace("{out}", str(scratch / "out.db")) for part in COMMANDS[name]]
    out, err = io.StringIO(), io.StringIO()
    cache._warned = False  # the 'not trusted' line is once a run; each call is a run
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([*args, "--data", str(data)])
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 0
    text = out.getvalue().replace(str(data), "DATA").replace(str(scratch), "SCRATCH")
    if name == "export" and code == 0:
        with contextlib.closing(sqlite3.connect(scratch / "out.db")) as connection:
            text += "\n".join(sorted(connection.iterdump()))
        (scratch / "out.db").unlink()
    return Answer(code, text, err.getvalue())


def edit(folder: Path) -> None:
    """EDITS and MOVED in every table, each file keeping its size and modification time."""
    for path in folder.glob("*.csv"):
        info = path.stat()
        text = path.read_text(encoding="utf-8")
        for old, new in EDITS:
            text = text.replace(old, new)
        if path.name == "facts.csv":
            text = text.replace(*MOVED, 1)
        path.write_text(text, encoding="utf-8")
        assert path.stat().st_size == info.st_size
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


@dataclass
class Built:
    data: Path
    store: list[Path]  # the index and its seal, as one run filed them
    before: dict[str, Answer]
    edited: dict[str, Answer]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The bundled data built once; every command's answer before and after EDITS."""
    root = tmp_path_factory.mktemp("store")
    data, edited = root / "data", root / "edited"
    shutil.copytree(bundled_data_dir(), data)
    shutil.copytree(bundled_data_dir(), edited)
    edit(edited)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KZRU_CACHE_DIR", str(root / "cache"))
        before = {name: ask(name, data, root) for name in COMMANDS}
        patch.setenv("KZRU_CACHE_DIR", str(root / "other"))
        after = {name: ask(name, edited, root) for name in COMMANDS}
    for answers in (before, after):
        assert all(answer.code == 0 and answer.err == "" for answer in answers.values())
    store = sorted((root / "cache").glob("index-*.sqlite")) + sorted(
        (root / "cache").glob("seal-*.json"))
    assert len(store) == 2
    return Built(data, store, before, after)


@pytest.fixture
def mine(built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own, and a cache holding a copy of the built store."""
    shutil.copytree(built.data, tmp_path / "data")
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    for path in built.store:
        shutil.copy2(path, folder / path.name)
    monkeypatch.setenv("KZRU_CACHE_DIR", str(folder))
    return tmp_path / "data"


def index_of(folder: Path) -> Path:
    (found,) = folder.glob("index-*.sqlite")
    return found


def seal_of(folder: Path) -> Path:
    (found,) = folder.glob("seal-*.json")
    return found


def memo_of(folder: Path) -> Path:
    (found,) = folder.glob("stat-*.json")
    return found


def index_of_key(folder: Path, built: Built) -> Path:
    """The store of the bundled content in ``folder`` (another content's may be beside it)."""
    return folder / built.store[0].name


def seal_of_key(folder: Path, built: Built) -> Path:
    return folder / built.store[1].name


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every store build filed in the cache, counted."""
    counted: list[str] = []
    real = build_module.build_file

    def counting(place, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        counted.append(place.index.name)
        return real(place, *args, **kwargs)

    monkeypatch.setattr(build_module, "build_file", counting)
    return counted


# --- two folders, two installs: one store -------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_two_folders_of_one_content_share_the_store_without_rebuilding(
        built: Built, mine: Path, tmp_path: Path, builds: list[str], name: str) -> None:
    """The memo is per folder, the seal per content: a store another folder filed is sound
    here (on the old layout each folder's memo held its own checksum, so the two folders
    took each other's build for damage and rebuilt it on every switch)."""
    other = tmp_path / "other"
    shutil.copytree(mine, other)
    for folder in (mine, other, mine, other):
        assert ask(name, folder, tmp_path) == built.before[name]
    assert builds == []
    assert len(list((tmp_path / "cache").glob("stat-*.json"))) == 2


def test_two_installs_sharing_a_cache_build_the_store_once(tmp_path: Path) -> None:
    """Two copies of kzru (two venvs: each bundled table at its own path), run in turn with
    one user cache, as the last stop's profile found them: the store is built by the first
    run only, and the other install's runs read it."""
    installs = []
    for number in (1, 2):
        install = tmp_path / f"install{number}"
        shutil.copytree(ROOT / "kzru", install / "kzru",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(bundled_data_dir(), install / "kzru" / "data")
        installs.append(install)
    environment = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    outputs, stores = [], []
    for install in installs * 3:
        done = subprocess.run([sys.executable, "-m", "kzru", "visits", "--format", "json"],
                              capture_output=True, env={**environment, "PYTHONPATH": str(install)},
                              cwd=tmp_path, timeout=120)
        assert done.returncode == 0 and done.stderr == b""
        outputs.append(done.stdout)
        info = index_of(tmp_path / "cache").stat()
        stores.append((info.st_ino, info.st_mtime_ns))
    assert len(set(outputs)) == 1
    assert len(list((tmp_path / "cache").glob("stat-*.json"))) == 2  # two installs' tables
    assert len(set(stores)) == 1, "the store was built again by the other install"


# --- tampering and corruption --------------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_rebuilds_a_tampered_store(built: Built, mine: Path, tmp_path: Path,
                                                 builds: list[str], name: str) -> None:
    """A value kzru could have written (a summary, a status), changed in the file: only the
    checksum in the seal tells, and the store is rebuilt before the command answers."""
    index = index_of(tmp_path / "cache")
    with contextlib.closing(sqlite3.connect(index)) as connection, connection:
        connection.execute("UPDATE facts SET summary = 'planted', text = 'planted'")
        connection.execute("UPDATE filters SET status = 'signed'")
    assert ask(name, mine, tmp_path) == built.before[name]
    assert len(builds) == 1
    seal = freshness._read_seal(seal_of(tmp_path / "cache"), index.name[6:38])
    assert seal is not None and freshness.file_digest(index) in seal.digests


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_answers_the_same_from_a_corrupted_store(
        built: Built, mine: Path, tmp_path: Path, name: str) -> None:
    index = index_of(tmp_path / "cache")
    pristine = index.read_bytes()
    chance = random.Random(f"{name} 20261205")
    for _ in range(3):
        offset = chance.randrange(len(pristine) - 64)
        index.write_bytes(pristine[:offset] + chance.randbytes(64) + pristine[offset + 64:])
        assert ask(name, mine, tmp_path) == built.before[name], f"corruption at {offset}"
    index.write_bytes(pristine[: len(pristine) // 2])  # cut short, as by a full disk
    assert ask(name, mine, tmp_path) == built.before[name]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_refuses_a_seal_vouching_for_another_keys_store(
        built: Built, mine: Path, tmp_path: Path, builds: list[str], name: str) -> None:
    """The store of other content renamed to this content's name, its seal beside it: the
    seal names its key, and the checksum is not this key's."""
    folder = tmp_path / "cache"
    other = tmp_path / "edited"
    shutil.copytree(mine, other)
    edit(other)
    assert ask(name, other, tmp_path) == built.edited[name]  # files the other content
    index, seal = index_of_key(folder, built), seal_of_key(folder, built)
    (theirs,) = (path for path in folder.glob("index-*.sqlite") if path != index)
    os.replace(theirs, index)
    (their_seal,) = (path for path in folder.glob("seal-*.json") if path != seal)
    os.replace(their_seal, seal)
    builds.clear()
    assert ask(name, mine, tmp_path) == built.before[name]
    assert len(builds) == 1


# --- stale keys ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_answers_for_data_edited_in_place(built: Built, mine: Path,
                                                        tmp_path: Path, name: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit that keeps every file's size and modification time: the store of the old
    content must not answer (its key is the old content's). kzru's clock runs ahead, so the
    memo's stats are old enough to be believed: only the change time tells."""
    real = freshness.time.time_ns
    monkeypatch.setattr(freshness.time, "time_ns", lambda: real() + 10 * 10**9)
    assert ask(name, mine, tmp_path) == built.before[name]
    edit(mine)
    answer = ask(name, mine, tmp_path)
    assert answer == built.edited[name] and answer != built.before[name]


# --- permissions and links -----------------------------------------------------------------

UNTRUSTED = ["store writable by others", "seal writable by others", "memo writable by others",
             "seal of another user", "store is a link", "seal is a link", "memo is a link",
             "folder is open"]


def spoil(folder: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make one cache file (or the folder) untrusted; the files whose bytes must not change."""
    target = {"store": index_of, "seal": seal_of, "memo": memo_of}.get(how.split()[0])
    path = target(folder) if target else folder
    if how.endswith("writable by others"):
        path.chmod(0o666)
    elif how == "folder is open":
        path.chmod(0o777)
    elif how.endswith("another user"):
        if os.geteuid() == 0:
            os.chown(path, 65534, 65534)
        else:  # without root, lstat says so: kzru learns a cache file's owner from lstat
            monkeypatch.setattr(os, "lstat", _owned_by_another(path, os.lstat))
    elif how.endswith("a link"):
        real = path.with_name("elsewhere")
        os.replace(path, real)
        path.symlink_to(real.name)
        return [real]
    return [path] if path.is_file() else sorted(path.iterdir())


def _owned_by_another(target: Path, real):  # noqa: ANN001, ANN202
    def lstat(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        info = real(path, *args, **kwargs)
        if os.fspath(path) != os.fspath(target):
            return info
        values = list(info)
        values[stat.ST_UID] = os.geteuid() + 1
        return os.stat_result(values)

    return lstat


@pytest.mark.parametrize("how", UNTRUSTED)
@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_reads_no_store_another_user_could_have_written(
        built: Built, mine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        builds: list[str], name: str, how: str) -> None:
    folder = tmp_path / "cache"
    if how.startswith("memo"):
        assert ask(name, mine, tmp_path) == built.before[name]  # the memo is made here
    watched = spoil(folder, how, monkeypatch)
    contents = {path: path.read_bytes() for path in watched}
    answer = ask(name, mine, tmp_path)
    assert (answer.code, answer.out) == (built.before[name].code, built.before[name].out)
    assert answer.err.count("\n") == 1 and "built in memory" in answer.err, answer.err
    assert {path: path.read_bytes() for path in watched} == contents
    assert builds == []  # nothing filed beside an untrusted file


# --- answers kept beside the store (kept.py): track's judged items, a brief's page ---------

KEPT = {"track": "items", "brief": "pages"}  # each command's kept table
DAMAGE = ["planted", "corrupted", "cut short", "wrong types, sealed",
          "another variant's, sealed", "seal removed"]


def kept_of(folder: Path) -> tuple[Path, Path]:
    """The one kept answer in ``folder`` and its seal."""
    (found,) = folder.glob("kept-*.sqlite")
    return found, found.with_suffix(".json")


def _sealed(path: Path, seal: Path) -> None:
    """Seal the file as it is now, as if kzru had written it (what a checksum cannot catch:
    only the checks of its meta and values can)."""
    freshness.Seal(path.stem[5:], [freshness.file_digest(path)]).save(seal)


def _damage(path: Path, seal: Path, table: str, how: str) -> None:
    if how == "planted":  # a value kzru could have written: only the checksum tells
        with contextlib.closing(sqlite3.connect(path)) as connection, connection:
            connection.execute(f"UPDATE {table} SET text = 'planted'")
    elif how == "corrupted":
        pristine = path.read_bytes()
        chance = random.Random(f"{path.name} 20261205")
        offset = chance.randrange(len(pristine) - 64)
        path.write_bytes(pristine[:offset] + chance.randbytes(64) + pristine[offset + 64:])
    elif how == "cut short":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "wrong types, sealed":
        with contextlib.closing(sqlite3.connect(path)) as connection, connection:
            connection.execute(f"UPDATE {table} SET text = X'00' WHERE seq = 1")  # a blob
        _sealed(path, seal)
    elif how == "another variant's, sealed":
        with contextlib.closing(sqlite3.connect(path)) as connection, connection:
            connection.execute(f"UPDATE {table} SET text = 'planted'")
            connection.execute("UPDATE meta SET value = ? WHERE key = 'variant'",
                               ["0" * 32])
        _sealed(path, seal)
    elif how == "seal removed":
        seal.unlink()


@pytest.mark.parametrize("how", DAMAGE)
@pytest.mark.parametrize("name", KEPT)
def test_a_damaged_kept_answer_is_rebuilt_never_answered_from(
        built: Built, mine: Path, tmp_path: Path, name: str, how: str) -> None:
    folder = tmp_path / "cache"
    assert ask(name, mine, tmp_path) == built.before[name]  # kept here
    path, seal = kept_of(folder)
    _damage(path, seal, KEPT[name], how)
    assert ask(name, mine, tmp_path) == built.before[name]
    assert kept_of(folder) == (path, seal)  # kept again under its name, sound
    filed = freshness._read_seal(seal, path.stem[5:])
    assert filed is not None and freshness.file_digest(path) in filed.digests
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute(f"SELECT COUNT(*) FROM {KEPT[name]} WHERE text = 'planted' "
                                  "OR typeof(text) != 'text'").fetchone() == (0,)
    assert ask(name, mine, tmp_path) == built.before[name]  # and read back


@pytest.mark.parametrize("how", ["kept answer writable by others", "kept seal is a link",
                                 "kept answer of another user"])
@pytest.mark.parametrize("name", KEPT)
def test_a_kept_answer_another_user_could_have_written_is_not_read(
        built: Built, mine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        name: str, how: str) -> None:
    """Not read, not replaced: one warning, the answer worked out afresh, the file as it
    was (planted text in it never shows)."""
    folder = tmp_path / "cache"
    assert ask(name, mine, tmp_path) == built.before[name]
    path, seal = kept_of(folder)
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(f"UPDATE {KEPT[name]} SET text = 'planted'")
    _sealed(path, seal)
    target = seal if "seal" in how else path
    if how.endswith("writable by others"):
        target.chmod(0o666)
    elif how.endswith("a link"):
        os.replace(target, target.with_name("elsewhere"))
        target.symlink_to("elsewhere")
    elif os.geteuid() == 0:
        os.chown(target, 65534, 65534)
    else:
        monkeypatch.setattr(os, "lstat", _owned_by_another(target, os.lstat))
    watched = [path, seal]
    contents = {file: file.read_bytes() for file in watched}
    answer = ask(name, mine, tmp_path)
    assert (answer.code, answer.out) == (built.before[name].code, built.before[name].out)
    assert answer.err.count("\n") == 1 and "worked out afresh" in answer.err, answer.err
    assert {file: file.read_bytes() for file in watched} == contents
