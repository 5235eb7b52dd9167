"""The fault suite's cases for the round-13 red team's findings in h17's share of kzru
(/work/wt/audits/redteam-r13.md, on d856cb5). Each failed on the commit the red team tested.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fault_fixtures import full_folder, kzru

# --- #1 (medium): a full TMPDIR and a read that sorts more than SQLite's cache holds ------

MOSCOW = "2025-11-state-visit-moscow"  # 3,240 facts in the 20k table: its sort spills


@pytest.mark.parametrize("args", [("brief", MOSCOW, "--format", "md"), ("show", MOSCOW)])
def test_a_full_tmpdir_does_not_fail_a_read_of_a_sound_index(
        table_20k: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    """The index built and filed, then TMPDIR full: SQLite sorts a large event's facts in
    temporary files there, and every `brief` and `show` of it said 'internal error:
    OperationalError: database or disk is full', each run (a rebuild did not help: the new
    connection sorted in TMPDIR again). Now the read runs again with SQLite's temporary
    files in memory and answers as with room in TMPDIR."""
    data = ("--data", str(table_20k))
    room = kzru(*args, *data, env={**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "room")})
    assert room.returncode == 0 and room.stdout, room.stderr
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    assert kzru("search", "газ", "-n", "1", *data, env=env).returncode == 0  # index filed
    with full_folder(tmp_path / "full") as full:
        done = kzru(*args, *data, env={**env, "TMPDIR": str(full)})
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout == room.stdout
