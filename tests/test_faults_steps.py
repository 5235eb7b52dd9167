"""The fault suite's cases for power cuts and interrupted writes (issue 14's leftovers): the
cache's files are on disk before they are renamed into place; and a data folder's write cut
short at any step (each of its system calls failing in turn: a file's bytes, its flush, a
folder's flush, the old copies, the journal, a rename, a removal) leaves the old folder or the
new one, which `kzru check` then says is whole.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_faults_writes import Disk


def test_cache_files_are_on_disk_before_their_rename(
        data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build files the index, the stat memo and the seal, each by a rename over its
    name: a power cut after a rename keeps the name and only the bytes that were flushed, so
    each file's bytes must be flushed before its rename (else an empty or torn file under
    the name; the index was built with synchronous=OFF, so SQLite flushed nothing)."""
    from kzru.index import open_index

    cache = tmp_path / "cache"
    monkeypatch.setenv("KZRU_CACHE_DIR", str(cache))
    disk = Disk()
    disk.watch(monkeypatch)
    open_index(data_copy).connection.close()
    renamed = [(at, inode, target) for at, (what, value) in enumerate(disk.events)
               if what == "rename" for inode, target in [value]
               if Path(target).parent == cache]
    kinds = sorted({Path(target).name.split("-")[0] for _, _, target in renamed})
    assert kinds == ["index", "seal", "stat"], renamed
    for at, inode, target in renamed:
        flushed = [when for when, (what, value) in enumerate(disk.events)
                   if what == "fsync" and value == inode]
        assert flushed and flushed[0] < at, f"{Path(target).name} renamed before its flush"


# --- a write cut short at every step leaves the old folder or the new one -------------------

# The system calls a write of several files makes (kzru.writer and kzru.journal, tempfile's
# os.open included): a kill before any of them, or any of them failing, is a step to cut at.
CALLS = ("open", "close", "fsync", "replace", "rename", "link", "unlink", "chmod", "mkdir",
         "rmdir")


def _version(folder: Path) -> dict[str, bytes]:
    """A write as `kzru add` makes one: two tables changed, the reviewer's notes, and a new
    article in a folder that does not exist yet."""
    from test_faults_writes import new_version

    new = new_version(folder)
    new["review.json"] = b'{"drafts": {}, "skipped": []}'
    new["articles/fresh.txt"] = "Статья, добавленная этой записью.\n".encode()
    return new


def _state(folder: Path, names) -> dict[str, bytes | None]:  # noqa: ANN001
    return {name: (folder / name).read_bytes() if (folder / name).exists() else None
            for name in names}


class _Cut(Exception):
    """The fault injected at a step."""


def _cutting(at: int, fail) -> list[int]:  # noqa: ANN001
    """Wrap each of os's CALLS: the ``at``-th call (from 1) does ``fail()`` instead; every
    call counted in the list returned."""
    count = [0]
    for name in CALLS:
        real = getattr(os, name)

        def wrapped(*args, _real=real, **kwargs):  # noqa: ANN002, ANN003, ANN202
            count[0] += 1
            if count[0] == at:
                fail()
            return _real(*args, **kwargs)

        setattr(os, name, wrapped)
    return count


def _steps(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many of CALLS one whole write makes (on a copy, not cut)."""
    import shutil

    from kzru import writer

    copy = tmp_path / "count"
    shutil.copytree(data_copy, copy)
    with monkeypatch.context() as patched:
        for name in CALLS:
            patched.setattr(os, name, getattr(os, name))  # undone when the block ends
        count = _cutting(0, lambda: None)
        writer.commit(copy, _version(copy))
    assert _state(copy, _version(data_copy)) == _version(data_copy)
    return count[0]


def _judged(run, folder: Path, old: dict, new: dict) -> dict:  # noqa: ANN001
    """The folder as the next kzru finds it: `check` says it is whole, and it is the old
    folder or the new one; a writer then leaves nothing staged behind."""
    from kzru import writer

    done = run("check", "--data", str(folder))
    assert done.code == 0 and done.out.startswith("ok: "), done.err
    found = _state(folder, new)
    assert found in (old, new), {name: (value or b"")[:40] for name, value in found.items()}
    with writer.folder_lock(folder):  # the next writer tidies what a cut left staged
        pass
    left = [path.name for path in folder.rglob(".kzru-*")]
    assert left == [], left
    return found


def test_a_write_killed_before_any_step_leaves_the_old_or_the_new_folder(
        run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """SIGKILL before each system call of the write in turn (a child process that dies on the
    spot: no handler, no finally): the next `kzru check` finds the folder whole, old before
    the journal is filed and new from then on, and says ok."""
    import shutil

    from kzru import writer

    steps = _steps(data_copy, tmp_path, monkeypatch)
    assert steps > 20
    seen = []
    for at in range(1, steps + 1):
        folder = tmp_path / f"cut-{at}"
        shutil.copytree(data_copy, folder)
        new = _version(folder)
        old = _state(folder, new)
        child = os.fork()
        if child == 0:  # pragma: no cover - the child dies at the step, or writes whole
            try:
                _cutting(at, lambda: os._exit(137))
                writer.commit(folder, new)
            finally:
                os._exit(0)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) in (0, 137)
        seen.append("new" if _judged(run, folder, old, new) == new else "old")
        shutil.rmtree(folder)
    assert seen[0] == "old" and seen[-1] == "new" and "new" not in seen[:seen.index("new")] \
        and "old" not in seen[seen.index("new"):], seen  # old until the journal, new after


def test_a_write_whose_step_fails_says_what_the_next_reader_finds(
        run, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Each system call of the write failing in turn (EIO): the writer's error says 'not
    written' exactly when the next `check` finds the old folder, and the new folder is found
    exactly when it said nothing or that the write is written."""
    import errno
    import shutil

    from kzru import writer
    from kzru.errors import KzruError

    steps = _steps(data_copy, tmp_path, monkeypatch)

    def fail() -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    for at in range(1, steps + 1):
        folder = tmp_path / f"fail-{at}"
        shutil.copytree(data_copy, folder)
        new = _version(folder)
        old = _state(folder, new)
        said = ""
        with monkeypatch.context() as patched:
            for name in CALLS:
                patched.setattr(os, name, getattr(os, name))
            _cutting(at, fail)
            try:
                writer.commit(folder, new)
            except KzruError as error:
                said = str(error)
        found = _judged(run, folder, old, new)
        if found == old:
            assert said.endswith("nothing was changed"), (at, said)
        else:
            assert "nothing was changed" not in said, (at, said)
        shutil.rmtree(folder)
