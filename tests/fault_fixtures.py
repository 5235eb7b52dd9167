"""What the red-team fault cases share (test_faults_r12, test_faults_r13; one copy): kzru run
as a user runs it, in its own process (with a file-size limit if asked), and a temporary
folder on a full file system."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]


def kzru(*args: str, env: dict[str, str], limit: int | None = None,
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``kzru ARGS`` in a child process; ``limit``: no file it writes may grow past so many
    bytes (ulimit -f)."""
    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "kzru", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout,
                          preexec_fn=limited)


@contextlib.contextmanager
def full_folder(place: Path) -> Iterator[Path]:
    """``place``: a 1 MB tmpfs filled to the last byte, unmounted afterwards; the test is
    skipped where one cannot be mounted (not root, no mount)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs a small tmpfs mounted (root)")
    place.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(place)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("needs a small tmpfs mounted (root)")
    try:
        with open(place / "fill", "wb") as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
            except OSError:
                pass
        yield place
    finally:
        subprocess.run(["umount", "-l", str(place)], capture_output=True)
