"""The fault suite's cases for the first build's forked word worker (second read, r12): how
it is started, told the end and reaped must hold whatever the process it runs in is like.

- A parent that ignores SIGCHLD passes that on to kzru (ignored signals survive exec): the
  system then reaps the worker itself and its exit status is lost. The old build took that
  for a failure every time, so no index was ever filed and every run built again.
- Ctrl-C landing in the worker's first instant, before it ignores SIGINT, made the worker
  go on running kzru's own code (its clean-up removed the build's file, its "interrupted"
  line reached the terminal).
- With another thread running, a fork copies whatever lock that thread held: the words are
  found in this process instead.
- A folder lock the main process holds is not kept by the worker.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from build_fixtures import counting_word_calls

from kzru import build, journal, word_worker
from kzru.store import load

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")

# A search run as a fresh process whose start is set up as the test needs (SIGCHLD ignored,
# or a SIGINT sent to the worker the moment it is forked), answering from a first build.
SCRIPT = """
import os, signal, sys
if sys.argv[1] == "ignore-sigchld":
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
elif sys.argv[1] == "interrupt-worker":
    real_fork = os.fork
    def fork():
        pid = real_fork()
        if pid == 0:  # Ctrl-C reaching the worker before its first line has run
            os.kill(os.getpid(), signal.SIGINT)
        return pid
    os.fork = fork
sys.argv = ["kzru", "search", "атом", "--format", "json", "--data", sys.argv[2]]
from kzru.start import main
main()
"""


def _search(how: str, data: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KZRU_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", SCRIPT, how, str(data)], env=env,
                          capture_output=True, text=True, timeout=300)


def _facts(done: subprocess.CompletedProcess[str]) -> list[str]:
    return [item["id"] for item in json.loads(done.stdout)]


def test_a_first_build_files_its_index_when_sigchld_is_ignored(data_copy: Path,
                                                                tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    done = _search("ignore-sigchld", data_copy, cache)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert _facts(done)  # атом is in the bundled table
    assert len(list(cache.glob("index-*.sqlite"))) == 1  # built once, kept for the next run
    assert not list(cache.glob("*.tmp"))


def test_ctrl_c_in_the_workers_first_instant_never_runs_kzru_twice(data_copy: Path,
                                                                    tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    done = _search("interrupt-worker", data_copy, cache)
    plain = _search("plain", data_copy, tmp_path / "other")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout == plain.stdout  # one answer, the same as a run left alone
    assert len(list(cache.glob("index-*.sqlite"))) == 1
    assert not list(cache.glob("*.tmp"))


def test_no_worker_is_forked_while_another_thread_runs(data_copy: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    calls = counting_word_calls(monkeypatch)
    forks: list[int] = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        path = tmp_path / "index.sqlite"
        build.stream(data_copy, sqlite3.connect(path), path=str(path))
    finally:
        release.set()
        other.join()
    assert forks == [] and len(calls) == len(load(data_copy).facts)


def test_the_worker_keeps_no_folder_lock(data_copy: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker closes the lock descriptors it inherited (journal.HELD): the old worker
    kept them, so a folder stayed locked for as long as the worker lived."""
    import sqlite3

    real = word_worker._serve
    seen: list[bool] = []

    def serve(words, pipe, path):  # noqa: ANN001, ANN202 - runs in the worker
        still_open = [descriptor for descriptor in held
                      if _is_open(descriptor)]
        return real(words, pipe, path) if not still_open else 1

    monkeypatch.setattr(word_worker, "_serve", serve)
    folder = tmp_path / "locked"
    folder.mkdir()
    with journal.folder_lock(folder):
        held = set(journal.HELD)
        assert held
        path = tmp_path / "index.sqlite"
        build.stream(data_copy, sqlite3.connect(path), path=str(path))  # no WorkerFailed
        seen.append(True)
    assert seen


def _is_open(descriptor: int) -> bool:
    try:
        os.fstat(descriptor)
    except OSError:
        return False
    return True
