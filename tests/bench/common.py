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


# Started as a fresh, small interpreter (-S: no site packages), this forks and runs the
# command, then reports its wall time, peak RSS and exit status on a pipe. Why: a child's
# ru_maxrss starts from the size of the process that forked it (Linux keeps the larger of
# the parent's resident size and the child's own across exec), so a command forked by a
# large benchmark process reports the benchmark's size; forked by this launcher (~9 MB) it
# reports its own peak (any Python command is larger than the launcher).
_LAUNCHER = """
import os, signal, sys, time
report, limit, command = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(report)
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
while True:
    found, status, usage = os.wait4(pid, os.WNOHANG if limit > 0 else 0)
    if found:
        elapsed = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        break
    if time.perf_counter() - started > limit:
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        elapsed, code = float("inf"), -9
        break
    time.sleep(0.02)
os.write(report, f"{elapsed!r} {usage.ru_maxrss} {code}".encode())
"""


def measured(cmd: list[str], env: dict | None = None,
             limit: float = 0.0) -> tuple[float, float, int, bytes]:
    """Run cmd through the small launcher: (wall seconds, the command's own peak RSS in MB,
    exit code, stdout). With ``limit`` > 0 the command is killed after that many seconds and
    its time is inf."""
    reading, writing = os.pipe()
    try:
        with tempfile.TemporaryFile() as out:
            child = subprocess.Popen(
                [sys.executable, "-S", "-c", _LAUNCHER, str(writing), str(limit), *cmd],
                stdout=out, stderr=subprocess.DEVNULL, env=env, pass_fds=(writing,))
            os.close(writing)
            writing = -1
            report = b""
            while True:
                chunk = os.read(reading, 4096)
                if not chunk:
                    break
                report += chunk
            child.wait()
            out.seek(0)
            text = out.read()
    finally:
        os.close(reading)
        if writing != -1:
            os.close(writing)
    try:
        elapsed, peak_kb, code = report.decode().split()
    except ValueError:
        sys.exit(f"bench: the launcher did not report on {' '.join(cmd)}")
    return float(elapsed), int(peak_kb) / 1024, int(code), text


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
