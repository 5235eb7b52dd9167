"""Start-up cost of kzru on the bundled table, against two floors.

Why: a CLI that takes seconds is not used. Most of a small search is interpreter start-up
and imports, so we compare with the least any Python CLI on the same stack pays
(`python -c "import typer, rapidfuzz"`, target kzru <= 1.3x) and with a ready-made
alternative, `sqlite-utils search` over an FTS5 table of the same facts (target < 1x).
Runs are interleaved (one of each per round, N rounds) so drift hits every command alike.

At a terminal (stdout on a pseudo-terminal, 100x40): `kzru visits` draws a table, so its floor
also imports rich (`import typer, rapidfuzz, rich.console, rich.table`, target <= 1.3x), and
`kzru facts` sends all its rows into the pager (KZRU_PAGER=cat, target <= 2x that floor).

    python tests/bench/bench_startup.py [--reps 15] [--strict]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # the tests' conftest
from common import build_fts, env_with, interpreter_of, machine_info, median, run, table, tool  # noqa: E402
from conftest import read_to_end  # noqa: E402

BUNDLED = Path(__file__).resolve().parents[2] / "data"
FLOOR_TARGET, SQLITE_TARGET = 1.3, 1.0
TERMINAL_TARGETS = {"kzru visits (terminal)": 1.3, "kzru facts (terminal, pager)": 2.0}


def run_in_terminal(cmd: list[str], env: dict) -> tuple[float, int, bytes]:
    """Run cmd with stdout and stderr on a pseudo-terminal; (wall seconds, exit code, output)."""
    import os
    import pty
    import subprocess
    import time

    leader, follower = pty.openpty()
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=follower, stderr=follower, stdin=subprocess.DEVNULL,
                             env=env)
    os.close(follower)
    shown = read_to_end(leader)
    code = child.wait()
    elapsed = time.perf_counter() - started
    os.close(leader)
    return elapsed, code, shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    machine_info(f"kzru start-up (bundled table, median of {args.reps} interleaved runs)")
    kzru, sqlite_utils = tool("kzru"), tool("sqlite-utils")
    with tempfile.TemporaryDirectory(prefix="kzru-bench-") as tmp:
        env = env_with(KZRU_CACHE_DIR=str(Path(tmp) / "cache"))
        db = Path(tmp) / "facts.db"
        build_fts(BUNDLED / "facts.csv", db)
        commands = {
            "import floor": [interpreter_of(kzru), "-c", "import typer, rapidfuzz"],
            "kzru search": [kzru, "search", "атом", "--format", "json"],
            "kzru visits": [kzru, "visits", "--format", "json"],
            "sqlite-utils search": [sqlite_utils, "search", str(db), "facts", "атом",
                                    "--limit", "10"],
        }
        for name, cmd in commands.items():  # warm the index cache and the OS file cache
            _, _, code, out = run(cmd, env)
            if code != 0 or (cmd[1:2] != ["-c"] and not out.strip()):
                sys.exit(f"bench: {name} failed (exit {code}): {' '.join(cmd)}")
        times: dict[str, list[float]] = {name: [] for name in commands}
        rss: dict[str, float] = {name: 0.0 for name in commands}
        for _ in range(args.reps):
            for name, cmd in commands.items():
                seconds, peak, _, _ = run(cmd, env)
                times[name].append(seconds)
                rss[name] = max(rss[name], peak)
        terminal_env = env_with(KZRU_CACHE_DIR=str(Path(tmp) / "cache"), COLUMNS="100",
                                LINES="40", KZRU_PAGER="cat", TERM="xterm")
        at_terminal = {
            "rich floor": [interpreter_of(kzru), "-c",
                           "import typer, rapidfuzz, rich.console, rich.table"],
            "kzru visits (terminal)": [kzru, "visits"],
            "kzru facts (terminal, pager)": [kzru, "facts"],
        }
        for name, cmd in at_terminal.items():
            _, code, out = run_in_terminal(cmd, terminal_env)
            if code != 0 or (cmd[1:2] != ["-c"] and not out.strip()):
                sys.exit(f"bench: {name} failed at a terminal (exit {code})")
            times[name] = []
        for _ in range(args.reps):
            for name, cmd in at_terminal.items():
                times[name].append(run_in_terminal(cmd, terminal_env)[0])
    med = {name: median(values) for name, values in times.items()}
    table(["command", "median ms", "min ms", "max ms", "peak RSS MB"],
          [[name, f"{med[name] * 1000:.0f}", f"{min(v) * 1000:.0f}", f"{max(v) * 1000:.0f}",
            f"{rss[name]:.0f}" if name in rss else "-"] for name, v in times.items()])
    checks = []
    for name in ("kzru search", "kzru visits"):
        checks.append((f"{name} / import floor", med[name] / med["import floor"], FLOOR_TARGET,
                       lambda r: r <= FLOOR_TARGET, "<="))
        checks.append((f"{name} / sqlite-utils", med[name] / med["sqlite-utils search"],
                       SQLITE_TARGET, lambda r: r < SQLITE_TARGET, "<"))
    for name, target in TERMINAL_TARGETS.items():
        checks.append((f"{name} / rich floor", med[name] / med["rich floor"], target,
                       lambda r, t=target: r <= t, "<="))
    table(["ratio", "value", "target", "met"],
          [[label, f"{ratio:.2f}", f"{sign} {target}", "yes" if ok(ratio) else "NO"]
           for label, ratio, target, ok, sign in checks])
    missed = [label for label, ratio, _, ok, _ in checks if not ok(ratio)]
    if missed:
        print("missed: " + "; ".join(missed))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
