"""cache.py's and freshness.py's promises, one rule at a time, in this process (the fault
suite checks them through the commands): a cache folder or file another user could have
written is not used; folders are made private however loose the umask; a memo or seal is
read back only when every field is exactly as kzru writes it; freshness follows the data's
content, with a stat memo that is trusted only when no change could hide inside the file
system's clock; a damaged index is found by its checksum, kept per content key; tidying keeps
the newest few files and removes only stale temporaries.
"""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from kzru import cache, freshness
from kzru.errors import KzruError
from kzru.store import CSV_LIMIT, PACKAGE_LIMIT, bundled_data_dir

OTHER_UID = 4242  # a user id nobody here runs as


def as_root() -> bool:
    return os.geteuid() == 0


needs_root = pytest.mark.skipif(not as_root(), reason="giving a file to another user needs "
                                                      "root (chown)")


@pytest.fixture(autouse=True)
def fresh_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test may warn once: the flag is per run."""
    monkeypatch.setattr(cache, "_warned", False)


# --- where the cache lives ---------------------------------------------------------------

def test_cache_dir_is_the_override_when_given(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setenv("KZRU_CACHE_DIR", str(tmp_path / "c"))
    assert cache.cache_dir() == tmp_path / "c"


def test_cache_dir_is_the_user_cache_folder_otherwise(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setenv("KZRU_CACHE_DIR", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache.cache_dir() == tmp_path / ".cache" / "kzru"


# --- trust -------------------------------------------------------------------------------

def test_made_folders_are_private_under_any_umask(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c"
    old = os.umask(0)
    try:
        cache._make_private(target)
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700, folder
    cache._make_private(target)  # already there: nothing to do, no error


def test_making_the_cache_private_leaves_existing_folders_alone(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    cache._make_private(tmp_path / "new")
    assert stat.S_IMODE(os.stat(tmp_path).st_mode) == 0o755
    assert stat.S_IMODE(os.stat(tmp_path / "new").st_mode) == 0o700


@pytest.mark.parametrize("mode", [0o770, 0o702, 0o720, 0o707])
def test_a_folder_others_may_write_is_distrusted(tmp_path: Path, mode: int) -> None:
    os.chmod(tmp_path, mode)
    reason = cache._distrust(os.stat(tmp_path), "the place")
    assert reason == f"the place is writable by other users (mode {mode:o})"


@pytest.mark.parametrize("mode", [0o700, 0o755, 0o500])
def test_a_folder_only_its_owner_writes_is_trusted(tmp_path: Path, mode: int) -> None:
    os.chmod(tmp_path, mode)
    try:
        assert cache._distrust(os.stat(tmp_path), "the place") is None
    finally:
        os.chmod(tmp_path, 0o700)


@needs_root
def test_a_folder_of_another_user_is_distrusted(tmp_path: Path) -> None:
    os.chown(tmp_path, OTHER_UID, -1)
    os.chmod(tmp_path, 0o700)
    assert cache._distrust(os.stat(tmp_path), "it") == \
        f"it is owned by another user (uid {OTHER_UID})"


def warning(problem: str, folder: Path) -> str:
    """The one line a distrusted cache folder gets: what is wrong, where, what to do."""
    return (f"kzru: {problem}: {folder}; not using it, the index is built in memory (make it "
            "yours and chmod 700, or set KZRU_CACHE_DIR)\n")


def use(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv("KZRU_CACHE_DIR", str(folder))


def test_trusted_dir_makes_and_returns_a_private_folder(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    use(monkeypatch, tmp_path / "cache")
    assert cache.trusted_dir() == tmp_path / "cache"
    assert stat.S_IMODE(os.stat(tmp_path / "cache").st_mode) == 0o700
    assert capsys.readouterr().err == ""


def test_a_loose_cache_folder_is_not_used_and_said_once(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    os.chmod(folder, 0o777)
    use(monkeypatch, folder)
    assert cache.trusted_dir() is None
    assert cache.trusted_dir() is None
    assert capsys.readouterr().err == warning(
        "the cache folder is writable by other users (mode 777)", folder)


@needs_root
def test_a_cache_folder_of_another_user_is_not_used(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    os.chown(folder, OTHER_UID, -1)
    use(monkeypatch, folder)
    assert cache.trusted_dir() is None
    assert capsys.readouterr().err == warning(
        f"the cache folder is owned by another user (uid {OTHER_UID})", folder)


@needs_root
@pytest.mark.parametrize("owner", [1, OTHER_UID])
def test_a_link_to_the_cache_owned_by_another_user_is_not_used(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], owner: int) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    os.lchown(link, owner, -1)
    use(monkeypatch, link)
    assert cache.trusted_dir() is None
    assert capsys.readouterr().err == warning("the cache folder is a link owned by another user",
                                              link)


def test_a_link_to_the_cache_of_ones_own_is_used(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    use(monkeypatch, link)
    assert cache.trusted_dir() == link


def test_a_cache_inside_a_folder_everyone_may_write_is_not_used(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    use(monkeypatch, shared / "cache")
    try:
        assert cache.trusted_dir() is None
    finally:
        os.chmod(shared, 0o700)
    assert capsys.readouterr().err == warning(
        "the folder holding the cache is writable by everyone", shared / "cache")


def test_a_sticky_shared_folder_like_tmp_may_hold_the_cache(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    use(monkeypatch, shared / "cache")
    try:
        assert cache.trusted_dir() == shared / "cache"
    finally:
        os.chmod(shared, 0o700)


def test_a_cache_path_that_is_a_file_is_not_used(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "file"
    path.write_text("")
    os.chmod(path, 0o600)
    use(monkeypatch, path)
    assert cache.trusted_dir() is None
    assert capsys.readouterr().err == warning("the cache folder is not a folder", path)


def test_a_cache_that_cannot_be_made_means_memory_quietly(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    (tmp_path / "file").write_text("")
    use(monkeypatch, tmp_path / "file" / "cache")
    assert cache.trusted_dir() is None
    assert capsys.readouterr().err == ""


def test_no_home_means_memory_with_one_warning(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cache, "cache_dir", lambda: None)
    assert cache.trusted_dir() is None
    assert capsys.readouterr().err == (
        "kzru: no home folder to keep the search index in; it is built in memory (set "
        "KZRU_CACHE_DIR to keep it)\n")


def test_trusted_file(tmp_path: Path) -> None:
    assert cache._trusted_file(tmp_path / "absent") is None
    mine = tmp_path / "mine"
    mine.write_text("x")
    os.chmod(mine, 0o600)
    assert cache._trusted_file(mine) == os.lstat(mine)
    link = tmp_path / "link"
    link.symlink_to(mine)
    with pytest.raises(cache.Untrusted, match="not a regular file"):
        cache._trusted_file(link)
    with pytest.raises(cache.Untrusted, match="not a regular file"):
        cache._trusted_file(tmp_path)
    os.chmod(mine, 0o620)
    with pytest.raises(cache.Untrusted, match="writable by other users"):
        cache._trusted_file(mine)


@needs_root
def test_a_file_of_another_user_is_not_trusted(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.write_text("x")
    os.chmod(theirs, 0o600)
    os.chown(theirs, OTHER_UID, -1)
    with pytest.raises(cache.Untrusted, match="owned by another user"):
        cache._trusted_file(theirs)


# --- signatures, freshness ---------------------------------------------------------------

def test_signature_is_device_inode_size_mtime_ctime(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"12345")
    info = os.stat(path)
    assert freshness._signature(info) == [info.st_dev, info.st_ino, 5, info.st_mtime_ns,
                                      info.st_ctime_ns]
    assert freshness._signature(None) == [-1, -1, -1, -1, -1]


def test_a_stat_taken_within_the_clock_margin_proves_nothing() -> None:
    written = 10 * freshness.RACY_NS
    margin = written - freshness.RACY_NS
    assert freshness._racy([0, 0, 0, margin, 0], written)
    assert freshness._racy([0, 0, 0, 0, margin], written)
    assert freshness._racy([0, 0, 0, margin - 1, margin + 5], written)
    assert not freshness._racy([0, 0, 0, margin - 1, margin - 1], written)


def test_sources_are_the_data_files_and_the_bundled_schema_with_their_limits(
        tmp_path: Path) -> None:
    found = freshness._sources(tmp_path)
    names = [path.name for path, _ in found]
    assert names == ["sources.csv", "events.csv", "facts.csv", "sectors.csv", "glossary.csv",
                     "datapackage.json", "datapackage.json"]
    assert found[-1] == (bundled_data_dir() / "datapackage.json", PACKAGE_LIMIT)
    assert found[-2] == (tmp_path / "datapackage.json", PACKAGE_LIMIT)
    assert all(limit == CSV_LIMIT for _, limit in found[:5])


def test_data_signatures_stat_each_file_and_mark_missing_ones(tmp_path: Path) -> None:
    present = tmp_path / "a.csv"
    present.write_text("id\n")
    found = freshness._data_signatures([(present, 100), (tmp_path / "b.csv", 100)])
    assert found == [freshness._signature(os.stat(present)), [-1, -1, -1, -1, -1]]


def test_data_signatures_refuse_a_fifo_and_a_huge_file_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "facts.csv"
    os.mkfifo(fifo)
    with pytest.raises(KzruError, match="not a regular file"):
        freshness._data_signatures([(fifo, 100)])
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 101)
    with pytest.raises(KzruError, match="more than"):
        freshness._data_signatures([(big, 100)])
    big.write_bytes(b"x" * 100)
    assert freshness._data_signatures([(big, 100)])[0][2] == 100


def test_the_content_key_follows_content_names_and_absence(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"one")
    second.write_bytes(b"two")
    key = freshness._hash_data([(first, 100), (second, 100)])
    assert freshness._is_hex(key)
    assert key == freshness._hash_data([(first, 100), (second, 100)])
    assert key != freshness._hash_data([(second, 100), (first, 100)])
    first.write_bytes(b"ONE")
    changed = freshness._hash_data([(first, 100), (second, 100)])
    assert changed != key
    # the boundary between files counts: "ab" + "c" is not "a" + "bc"
    first.write_bytes(b"ab")
    second.write_bytes(b"c")
    split_one = freshness._hash_data([(first, 100), (second, 100)])
    first.write_bytes(b"a")
    second.write_bytes(b"bc")
    assert freshness._hash_data([(first, 100), (second, 100)]) != split_one
    # a missing file is not an empty one
    second.write_bytes(b"")
    empty = freshness._hash_data([(first, 100), (second, 100)])
    second.unlink()
    assert freshness._hash_data([(first, 100), (second, 100)]) != empty
    # the format version is part of the key: a new layout never reads an old index
    third = tmp_path / "c.csv"
    third.write_bytes(b"x")
    assert freshness._hash_data([(third, 100)]) != freshness.file_digest(third)


def test_the_content_key_reads_a_file_larger_than_one_block(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"a" * (1 << 20) + b"b")
    key = freshness._hash_data([(path, 2 << 20)])
    path.write_bytes(b"a" * (1 << 20) + b"c")
    assert freshness._hash_data([(path, 2 << 20)]) != key


def test_file_digest_is_the_checksum_of_the_whole_file(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "index.sqlite"
    content = b"x" * (1 << 20) + b"tail"
    path.write_bytes(content)
    assert freshness.file_digest(path) == hashlib.blake2b(content, digest_size=16).hexdigest()


@pytest.mark.parametrize(("value", "expected"), [
    ("0123456789abcdef0123456789abcdef", True),
    ("0123456789ABCDEF0123456789abcdef", False),
    ("0123456789abcdef0123456789abcde", False),
    ("0123456789abcdef0123456789abcdef0", False),
    ("../../../../etc/passwd0123456789ab", False),
    ("0123456789abcdef0123456789abcdeg", False),
    ("0123456789abcdef0123456789abcdeX", False),
    ("X" * 32, False),
    (None, False),
    (12, False),
])
def test_a_key_is_32_lowercase_hex_digits(value: object, expected: bool) -> None:
    assert freshness._is_hex(value) is expected


# --- memos ------------------------------------------------------------------------------

KEY = "0123456789abcdef0123456789abcdef"
DIGEST = "fedcba9876543210fedcba9876543210"


def good_memo() -> dict[str, object]:
    return {"version": cache.FORMAT_VERSION, "files": [[1, 2, 3, 4, 5]], "key": KEY,
            "written": 7}


def good_seal() -> dict[str, object]:
    return {"version": cache.FORMAT_VERSION, "key": KEY, "digests": [DIGEST, "0" * 32],
            "index": [6, 7, 8, 9, 10], "checked": 11}


def write_memo(path: Path, payload: object) -> Path:
    path.write_text(json.dumps(payload))
    os.chmod(path, 0o600)
    return path


def test_a_memo_reads_back_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "stat-00000000.json"
    freshness.Memo([[1, 2, 3, 4, 5]], KEY, 7).save(path)
    memo = freshness._read_memo(path)
    assert memo is not None
    assert (memo.files, memo.key, memo.written) == ([[1, 2, 3, 4, 5]], KEY, 7)
    assert json.loads(path.read_text()) == good_memo()


def test_a_seal_reads_back_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / f"seal-{KEY}.json"
    freshness.Seal(KEY, [DIGEST, "0" * 32], [6, 7, 8, 9, 10], 11).save(path)
    seal = freshness._read_seal(path, KEY)
    assert seal is not None
    assert (seal.key, seal.digests, seal.index, seal.checked) == \
        (KEY, [DIGEST, "0" * 32], [6, 7, 8, 9, 10], 11)
    assert json.loads(path.read_text()) == good_seal()


def test_a_seal_without_a_checked_stat_yet_reads_back(tmp_path: Path) -> None:
    payload = {**good_seal(), "index": None}
    seal = freshness._read_seal(write_memo(tmp_path / "s.json", payload), KEY)
    assert seal is not None and seal.index is None


@pytest.mark.parametrize("change", [
    {"version": "0"},
    {"files": "x"},
    {"files": [[1, 2, 3, 4]]},
    {"files": [[1, 2, 3, 4, 5, 6]]},
    {"files": [[1, 2, 3, 4, "5"]]},
    {"files": [[1, 2, 3, 4, 5.0]]},
    {"files": [[1, 2, 3, 4, True]]},
    {"key": "../index"},
    {"key": None},
    {"written": "7"},
    {"written": 7.5},
    {"digest": DIGEST},  # the fields a memo held before seals: a memo of another layout
    {"index": [6, 7, 8, 9, 10]},
])
def test_a_memo_not_exactly_as_kzru_writes_it_is_ignored(tmp_path: Path,
                                                         change: dict[str, object]) -> None:
    assert freshness._read_memo(write_memo(tmp_path / "m.json", {**good_memo(), **change})) \
        is None


@pytest.mark.parametrize("change", [
    {"version": "0"},
    {"key": "f" * 32},  # the seal of another key
    {"key": "../index"},
    {"digests": []},
    {"digests": DIGEST},
    {"digests": [DIGEST, DIGEST[::-1], "0" * 32]},  # more than are kept
    {"digests": ["../d"]},
    {"digests": [DIGEST.upper()]},
    {"index": [1, 2]},
    {"index": "x"},
    {"checked": None},
    {"checked": "11"},
    {"files": []},
])
def test_a_seal_not_exactly_as_kzru_writes_it_is_ignored(tmp_path: Path,
                                                         change: dict[str, object]) -> None:
    path = write_memo(tmp_path / "s.json", {**good_seal(), **change})
    assert freshness._read_seal(path, KEY) is None


def test_an_absent_seal_is_none_and_a_loose_or_linked_one_is_refused(tmp_path: Path) -> None:
    assert freshness._read_seal(tmp_path / "absent.json", KEY) is None
    path = write_memo(tmp_path / "s.json", good_seal())
    os.chmod(path, 0o666)
    with pytest.raises(cache.Untrusted):
        freshness._read_seal(path, KEY)
    os.chmod(path, 0o600)
    (tmp_path / "link.json").symlink_to(path)
    with pytest.raises(cache.Untrusted):
        freshness._read_seal(tmp_path / "link.json", KEY)


@pytest.mark.parametrize("text", ["[]", "not json", '"text"', "{}"])
def test_a_memo_that_is_no_object_is_ignored(tmp_path: Path, text: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(text)
    os.chmod(path, 0o600)
    assert freshness._read_memo(path) is None


def test_a_huge_memo_is_ignored(tmp_path: Path) -> None:
    payload = {**good_memo(), "files": [[1, 2, 3, 4, 5]] * (cache.MEMO_LIMIT // 10)}
    assert freshness._read_memo(write_memo(tmp_path / "m.json", {**payload, "files": []}))
    assert freshness._read_memo(write_memo(tmp_path / "m.json", payload)) is None


def test_an_absent_memo_is_none_and_a_loose_one_is_refused(tmp_path: Path) -> None:
    assert freshness._read_memo(tmp_path / "absent.json") is None
    path = write_memo(tmp_path / "m.json", good_memo())
    os.chmod(path, 0o666)
    with pytest.raises(cache.Untrusted):
        freshness._read_memo(path)


# --- locating the index ------------------------------------------------------------------

def data_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("sources", "events", "facts", "sectors", "glossary"):
        (folder / f"{name}.csv").write_text(f"id\n{name}-1\n")
    (folder / "datapackage.json").write_text("{}")
    return folder


def later_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let kzru's clock run ten seconds ahead: every file written so far (its change time
    included, which no test can set back) is then out of the clock margin."""
    real = time.time_ns
    monkeypatch.setattr(cache.time, "time_ns", lambda: real() + 10 * 10**9)


def test_locate_names_the_index_by_the_content_and_saves_a_memo(tmp_path: Path) -> None:
    folder, place = data_folder(tmp_path), tmp_path / "cache"
    place.mkdir(mode=0o700)
    found = freshness.locate(folder, place)
    key = freshness._hash_data(freshness._sources(folder))
    assert found.index == place / f"index-{key}.sqlite"
    assert found.memo.key == key
    memos = list(place.glob("stat-*.json"))
    assert len(memos) == 1 and found.memo_path == memos[0]
    import re
    assert re.fullmatch(cache.MEMO_NAME, memos[0].name)
    saved = freshness._read_memo(memos[0])
    assert saved is not None and saved.key == key
    assert saved.files == freshness._data_signatures(freshness._sources(folder))
    # another folder gets its own memo
    other = tmp_path / "other"
    other.mkdir()
    for path in folder.iterdir():
        (other / path.name).write_bytes(path.read_bytes())
    assert freshness.locate(other, place).memo_path != found.memo_path


def test_locate_follows_a_content_change_and_keeps_the_key_of_unchanged_content(
        tmp_path: Path) -> None:
    folder, place = data_folder(tmp_path), tmp_path / "cache"
    place.mkdir(mode=0o700)
    first = freshness.locate(folder, place)
    (folder / "facts.csv").write_text("id\nchanged\n")
    second = freshness.locate(folder, place)
    assert second.memo.key != first.memo.key
    (folder / "facts.csv").write_text("id\nfacts-1\n")
    assert freshness.locate(folder, place).memo.key == first.memo.key


def test_an_old_enough_unchanged_stat_spares_rehashing(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder, place = data_folder(tmp_path), tmp_path / "cache"
    place.mkdir(mode=0o700)
    later_clock(monkeypatch)
    first = freshness.locate(folder, place)
    hashed = []
    monkeypatch.setattr(freshness, "_hash_data", lambda files: hashed.append(1) or "f" * 32)
    again = freshness.locate(folder, place)
    assert hashed == [] and again.memo.key == first.memo.key


def test_a_recent_stat_is_rehashed_and_a_new_key_starts_a_new_memo(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, place = data_folder(tmp_path), tmp_path / "cache"
    place.mkdir(mode=0o700)
    first = freshness.locate(folder, place)  # files written just now: racy
    first.record([1, 2, 3, 4, 5], DIGEST)
    hashed = []
    monkeypatch.setattr(freshness, "_hash_data", lambda files: hashed.append(1) or "e" * 32)
    again = freshness.locate(folder, place)
    assert hashed == [1]
    assert again.memo.key == "e" * 32
    assert freshness._read_seal(again.seal_path, "e" * 32) is None  # nothing vouched for yet


def test_a_rehash_with_the_same_key_keeps_the_verified_index(tmp_path: Path) -> None:
    folder, place = data_folder(tmp_path), tmp_path / "cache"
    place.mkdir(mode=0o700)
    first = freshness.locate(folder, place)
    first.record([1, 2, 3, 4, 5], DIGEST)
    os.utime(folder / "facts.csv")  # a new stat, the same content
    again = freshness.locate(folder, place)
    assert again.memo.key == first.memo.key
    seal = freshness._read_seal(again.seal_path, again.memo.key)
    assert seal is not None and seal.digests == [DIGEST] and seal.index == [1, 2, 3, 4, 5]
    saved = freshness._read_memo(again.memo_path)
    assert saved is not None and saved.files == freshness._data_signatures(
        freshness._sources(folder))


def test_the_seal_is_per_content_key_and_shared_by_folders_of_that_content(
        tmp_path: Path) -> None:
    """Two folders (or two installs) of one content: one index, one seal, two memos."""
    folder, place = data_folder(tmp_path), tmp_path / "cache"
    place.mkdir(mode=0o700)
    other = tmp_path / "other"
    other.mkdir()
    for path in folder.iterdir():
        (other / path.name).write_bytes(path.read_bytes())
    first, second = freshness.locate(folder, place), freshness.locate(other, place)
    assert first.memo_path != second.memo_path
    assert first.index == second.index and first.seal_path == second.seal_path
    assert first.seal_path.name == f"seal-{first.memo.key}.json"
    first.index.write_bytes(b"built by the first")
    os.chmod(first.index, 0o600)
    first.record(freshness._signature(os.lstat(first.index)),
                 freshness.file_digest(first.index))
    assert second.index_is_sound()


def test_still_current_compares_the_content_with_the_key(tmp_path: Path) -> None:
    folder, place = data_folder(tmp_path), tmp_path / "cache"
    place.mkdir(mode=0o700)
    found = freshness.locate(folder, place)
    assert found.still_current()
    (folder / "events.csv").write_text("id\nsaved meanwhile\n")
    assert not found.still_current()


def built(tmp_path: Path) -> freshness.Place:
    folder, place = data_folder(tmp_path), tmp_path / "cache"
    place.mkdir(mode=0o700)
    found = freshness.locate(folder, place)
    found.index.write_bytes(b"an index")
    os.chmod(found.index, 0o600)
    return found


def test_an_index_is_sound_when_its_checksum_is_the_recorded_one(tmp_path: Path) -> None:
    found = built(tmp_path)
    assert not found.index_is_sound()  # no checksum recorded yet
    found.record(freshness._signature(os.lstat(found.index)),
                 freshness.file_digest(found.index))
    assert found.index_is_sound()
    saved = freshness._read_seal(found.seal_path, found.memo.key)
    assert saved is not None and saved.digests == [freshness.file_digest(found.index)]
    assert saved.checked == found.now


def test_a_damaged_index_is_found_even_with_its_old_size(tmp_path: Path) -> None:
    found = built(tmp_path)
    found.record(freshness._signature(os.lstat(found.index)),
                 freshness.file_digest(found.index))
    found.index.write_bytes(b"an INDEX")
    assert not found.index_is_sound()


def test_a_missing_index_is_not_sound(tmp_path: Path) -> None:
    found = built(tmp_path)
    found.record([1, 2, 3, 4, 5], freshness.file_digest(found.index))
    found.index.unlink()
    assert not found.index_is_sound()


def test_an_unchanged_old_stat_spares_the_checksum(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    later_clock(monkeypatch)
    found = built(tmp_path)
    signature = freshness._signature(os.lstat(found.index))
    found.record(signature, freshness.file_digest(found.index))
    monkeypatch.setattr(freshness, "file_digest", lambda path: pytest.fail("hashed again"))
    assert found.index_is_sound()


def test_a_changed_stat_is_checked_and_recorded_again(tmp_path: Path) -> None:
    found = built(tmp_path)
    digest = freshness.file_digest(found.index)
    found.record([1, 2, 3, 4, 5], digest)  # a stat that is not the file's
    assert found.index_is_sound()
    saved = freshness._read_seal(found.seal_path, found.memo.key)
    assert saved is not None and saved.index == freshness._signature(os.lstat(found.index))


def test_an_unreadable_index_is_not_sound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    found = built(tmp_path)
    found.record([1, 2, 3, 4, 5], freshness.file_digest(found.index))

    def fail(path: Path) -> str:
        raise OSError("unreadable")

    monkeypatch.setattr(freshness, "file_digest", fail)
    assert not found.index_is_sound()


def test_a_new_build_is_named_before_it_is_filed_and_the_last_two_are_kept(
        tmp_path: Path) -> None:
    """A run that hashed the file on disk while another run renamed its build over it (or
    the other way round) finds either file named; only the last two builds are."""
    found = built(tmp_path)
    old = freshness.file_digest(found.index)
    found.record(freshness._signature(os.lstat(found.index)), old)
    found.file_build("1" * 32)  # the next build, not yet renamed into place
    seal = freshness._read_seal(found.seal_path, found.memo.key)
    assert seal is not None and seal.digests == ["1" * 32, old]
    assert seal.index == freshness._signature(os.lstat(found.index))  # still the old file's
    os.utime(found.index, ns=(1, 1))  # a new stat: checked again, and found named
    assert found.index_is_sound()
    found.file_build("2" * 32)
    found.file_build("3" * 32)
    seal = freshness._read_seal(found.seal_path, found.memo.key)
    assert seal is not None and seal.digests == ["3" * 32, "2" * 32]
    os.utime(found.index, ns=(2, 2))
    assert not found.index_is_sound()


def test_a_build_filed_while_the_file_was_hashed_is_found_in_a_second_look(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = built(tmp_path)
    found.record([1, 2, 3, 4, 5], "1" * 32)  # the seal names another build
    real = freshness.file_digest

    def meanwhile(path: Path) -> str:  # the run that built this file names it now
        digest = real(path)
        found.file_build(digest)
        return digest

    monkeypatch.setattr(freshness, "file_digest", meanwhile)
    assert found.index_is_sound()


# --- writing and tidying -----------------------------------------------------------------

def test_write_atomically_replaces_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "stat-1.json"
    target.write_bytes(b"old")
    assert cache.write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stat-1.json"]


def test_write_atomically_into_a_missing_folder_says_false(tmp_path: Path) -> None:
    assert cache.write_atomically(tmp_path / "gone" / "x.json", b"x") is False


def test_write_atomically_cleans_up_after_a_failed_rename(tmp_path: Path) -> None:
    target = tmp_path / "folder"
    target.mkdir()
    (target / "inside").write_text("")
    assert cache.write_atomically(target, b"x") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def make(path: Path, age_s: float) -> Path:
    path.write_bytes(b"")
    when = time.time() - age_s
    os.utime(path, (when, when))
    return path


def test_tidy_keeps_the_newest_indexes_and_the_current_one(tmp_path: Path) -> None:
    names = [f"index-{n:032x}.sqlite" for n in range(8)]
    for n, name in enumerate(names):
        make(tmp_path / name, 100 - n)  # higher n: newer
    current = tmp_path / names[0]  # the oldest, but in use
    cache.tidy(tmp_path, current)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted([names[0], *names[-(cache.KEEP_INDEXES - 1):]])


def test_tidy_keeps_the_newest_memos(tmp_path: Path) -> None:
    names = [f"stat-{n:08x}.json" for n in range(cache.KEEP_MEMOS + 3)]
    for n, name in enumerate(names):
        make(tmp_path / name, 1000 - n)
    cache.tidy(tmp_path, tmp_path / "index-none.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[3:])


def test_tidy_removes_the_seals_of_removed_indexes_and_old_orphans_only(tmp_path: Path) -> None:
    keys = [f"{n:032x}" for n in range(cache.KEEP_INDEXES + 2)]
    for n, key in enumerate(keys):
        make(tmp_path / f"index-{key}.sqlite", 100 - n)  # higher n: newer
        make(tmp_path / f"seal-{key}.json", 100 - n)
    orphan_old = make(tmp_path / f"seal-{'a' * 32}.json", cache.STALE_TEMPORARY_S + 60)
    orphan_new = make(tmp_path / f"seal-{'b' * 32}.json", 10)  # a build renaming soon
    current = tmp_path / f"index-{keys[0]}.sqlite"  # the oldest, but in use
    cache.tidy(tmp_path, current)
    kept = [keys[0], *keys[-(cache.KEEP_INDEXES - 1):]]
    assert sorted(p.name for p in tmp_path.glob("seal-*")) == sorted(
        [*(f"seal-{key}.json" for key in kept), orphan_new.name])
    assert not orphan_old.exists()


def test_tidy_removes_only_stale_temporaries_and_never_other_files(tmp_path: Path) -> None:
    stale = [make(tmp_path / "index-abc.tmp", cache.STALE_TEMPORARY_S + 60),
             make(tmp_path / "stat-1.json-x.tmp", cache.STALE_TEMPORARY_S + 60),
             make(tmp_path / "seal-1.json-x.tmp", cache.STALE_TEMPORARY_S + 60)]
    fresh = make(tmp_path / "index-def.tmp", 10)
    others = [make(tmp_path / "notes.txt", 10_000), make(tmp_path / "index-XYZ.sqlite", 10_000),
              make(tmp_path / "other.tmp", 10_000)]
    cache.tidy(tmp_path, tmp_path / "index-none.sqlite")
    assert not any(path.exists() for path in stale)
    assert fresh.exists() and all(path.exists() for path in others)


def test_tidy_never_fails(tmp_path: Path) -> None:
    # a cache folder not there yet: nothing to tidy, no error, and nothing made
    cache.tidy(tmp_path / "absent", tmp_path / "index.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_a_relative_user_cache_folder_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZRU_CACHE_DIR", "")
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *args, **kw: "relative/kzru")
    assert cache.cache_dir() is None


def test_a_folder_made_meanwhile_by_another_run_is_passed_over(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    real = os.mkdir
    first = tmp_path / "a"

    def racing(path: Path, mode: int = 0o777) -> None:
        if Path(path) == first:
            real(path, mode)  # another run made it between the look and the mkdir
            raise FileExistsError(path)
        real(path, mode)

    monkeypatch.setattr(cache.os, "mkdir", racing)
    cache._make_private(first / "b" / "c")
    monkeypatch.undo()
    assert stat.S_IMODE(os.stat(first / "b" / "c").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(first / "b").st_mode) == 0o700


def test_data_signatures_go_on_past_a_missing_file(tmp_path: Path) -> None:
    present = tmp_path / "b.csv"
    present.write_text("id\n")
    found = freshness._data_signatures([(tmp_path / "a.csv", 100), (present, 100)])
    assert found == [[-1, -1, -1, -1, -1], freshness._signature(os.stat(present))]


def test_the_temporary_file_is_beside_the_target_and_one_tidy_would_remove(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        renames: list[tuple[str, str]]) -> None:
    import re

    renamed = renames
    for name in ("stat-0badcafe.json", "index-" + "a" * 32 + ".sqlite",
                 "seal-" + "a" * 32 + ".json"):
        assert cache.write_atomically(tmp_path / name, b"x")
    monkeypatch.undo()
    for source, target in renamed:
        assert Path(source).parent == tmp_path == Path(target).parent
        assert re.fullmatch(cache.TEMPORARY_NAME, Path(source).name), source
