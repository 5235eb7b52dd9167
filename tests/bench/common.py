"""Helpers shared by the benchmark scripts: finding the tools, timing a child process and
reading its own peak RSS (os.wait4 gives the rusage of exactly that child), machine info.

Why a module: every script measures the same way, so figures are comparable between them.
"""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """The executable beside this interpreter (the venv's), else the one on PATH."""
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if not found:
        sys.exit(f"bench: {name} not found (beside {sys.executable} or on PATH)")
    return found


def interpreter_of(script: str) -> str:
    """The Python a console script runs with, read from its #! line."""
    with open(script, "rb") as handle:
        first = handle.readline().decode().strip()
    return first[2:].split()[0] if first.startswith("#!") and "python" in first else sys.executable


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float, int, bytes]:
    """Run cmd; return (wall seconds, peak RSS in MB, exit code, stdout)."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return elapsed, usage.ru_maxrss / 1024, child.returncode, out.read()


def median(values: list[float]) -> float:
    return statistics.median(values)


def env_with(**extra: str) -> dict:
    env = dict(os.environ)
    env.update(extra)
    return env


def build_fts(facts_csv: Path, db: Path) -> float:
    """facts.csv -> SQLite table 'facts' + FTS5 (unicode61) on the searched text; seconds."""
    sqlite_utils = tool("sqlite-utils")
    if db.exists():
        db.unlink()
    started = time.perf_counter()
    for cmd in ([sqlite_utils, "insert", str(db), "facts", str(facts_csv), "--csv"],
                [sqlite_utils, "enable-fts", str(db), "facts", "summary", "text", "evidence",
                 "names", "--fts5", "--tokenize", "unicode61"]):
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def machine_info(title: str) -> None:
    kzru_python = interpreter_of(tool("kzru"))
    kzru_version = subprocess.run([kzru_python, "-c", "import sys; print(sys.version.split()[0])"],
                                  capture_output=True, text=True).stdout.strip()
    print(f"# {title}")
    print(f"python {platform.python_version()} ({sys.executable}); kzru runs on python "
          f"{kzru_version} ({kzru_python}); {os.cpu_count()} CPUs; {platform.machine()} "
          f"{platform.system()} {platform.release()}; SQLite {sqlite3.sqlite_version}")
    print()


def table(headers: list[str], rows: list[list]) -> None:
    """A Markdown table (readable as plain text too)."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")
    print()
