"""The fault suite's cases for power cuts and interrupted writes (issue 14's leftovers): the
cache's files are on disk before they are renamed into place; and a data folder's write cut
short at any step (each of its system calls failing in turn: a file's bytes, its flush, a
folder's flush, the old copies, the journal, a rename, a removal) leaves the old folder or the
new one, which `kzru check` then says is whole.
"""

from __future__ import annotations

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
