"""Shared fixtures: an isolated cache, an in-process runner, and a copy of the bundled data."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kzru.cli import main
from kzru.store import bundled_data_dir

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


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
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
