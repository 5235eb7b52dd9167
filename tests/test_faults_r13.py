"""The fault suite's cases for the round-13 red team's findings in h17's share of kzru
(/work/wt/audits/redteam-r13.md, on d856cb5). Each failed on the commit the red team tested.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_fixtures import ROOT, full_folder, kzru

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


# --- #5 (low): SIGHUP (a terminal closed, ssh dropped) ends kzru the way SIGTERM does ----

ARTICLE = ("Астана, 5 декабря 2026 года\n\n"
           "Президенты Казахстана и России подписали соглашение о транзите газа.\n"
           "Товарооборот составил 28 млрд долларов.\n")
ENDINGS = {  # the signal: (exit status, what kzru says)
    signal.SIGTERM: (143, "kzru: terminated (SIGTERM)\n"),  # red team r12 #8b
    signal.SIGHUP: (129, "kzru: hung up (SIGHUP)\n"),
}


@pytest.mark.parametrize("number", list(ENDINGS), ids=lambda number: number.name)
def test_a_signal_that_ends_a_write_leaves_the_folder_as_it_was_and_unlocked(
        run, tmp_path: Path, number: signal.Signals) -> None:  # noqa: ANN001
    """`timeout kzru add …` (SIGTERM) or a closed terminal (SIGHUP) while add holds the
    folder: the old kzru died at once, said nothing and left .kzru-lock behind. Now: one
    line, exit 128 + the signal's number, the lock removed, the tables as they were."""
    pytest.importorskip("natasha")
    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    before = {path.name: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    article = tmp_path / "art.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, "-m", "kzru", "add", str(article), "--data",
                                str(folder), "--published", "2026-12-05"], env=env, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (folder / ".kzru-lock").exists() and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(number)
    out, err = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("add finished before the signal reached it")
    assert (process.returncode, err, out) == (*ENDINGS[number], "")
    assert {path.name: path.read_bytes() for path in folder.rglob("*")
            if path.is_file()} == before


@pytest.mark.parametrize("number", list(ENDINGS), ids=lambda number: number.name)
def test_a_signal_while_blocked_on_a_full_pipe_gives_the_flag_back(
        tmp_path: Path, number: signal.Signals) -> None:
    """stdout handed over non-blocking, nobody reading, kzru blocked in its write, then the
    signal: with SIGHUP the old kzru was killed outright and left the parent's pipe in
    blocking mode. Now it ends as for SIGTERM: one line, 128 + the number, the flag back."""
    reading, writing = os.pipe()
    os.set_blocking(writing, False)
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    child = subprocess.Popen([sys.executable, "-m", "kzru", "facts", "--format", "json"],
                             stdout=writing, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while os.get_blocking(writing) is False:  # kzru set it blocking: it is writing
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.01)
        time.sleep(0.5)  # the pipe fills while nobody reads: kzru waits in its write
        child.send_signal(number)
        os.set_blocking(reading, False)
        while child.poll() is None:
            try:
                os.read(reading, 1 << 20)
            except BlockingIOError:
                time.sleep(0.01)
        assert (child.returncode, child.stderr.read().decode()) == ENDINGS[number]
        assert os.get_blocking(writing) is False  # given back as it came
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(writing)
        os.close(reading)
