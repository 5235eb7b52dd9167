"""The first store build's memory summed over every process it runs (kzru and its forked
word worker), sampled while it runs.

Why a separate measure: bench_scale.py reads the build's peak from os.wait4, which gives the
larger of the two processes, not what the machine pays for both at once. Here the build runs
in its own session and a sampler adds up, every few milliseconds, the proportional set size
(Pss, from /proc/PID/smaps_rollup: a page shared by both processes after the fork counts half
in each) and the resident size (Rss, which counts shared pages twice) of every process in
that session. The peak of each sum is printed beside the wait4 figure. Linux only.

    python tests/bench/bench_build_memory.py [SIZE] [--reps 3] [--interval 0.005]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import env_with, machine_info, median, table, tool  # noqa: E402


def _session_members(session: int) -> list[int]:
    """The pids whose session id is ``session`` (field 6 of /proc/PID/stat)."""
    members = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 3 and int(fields[3]) == session:
            members.append(int(name))
    return members


def _kilobytes(pid: int) -> tuple[int, int]:
    """(Pss, Rss) of one process in kB; (0, 0) once it has gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith(b"Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        return 0, 0
    return pss, rss


def sampled_build(cmd: list[str], env: dict, interval: float) -> dict[str, float]:
    """Run cmd in a new session; return its wall time, peak summed Pss and Rss (MB), the
    most processes seen at once, and the wait4 peak (the larger single process)."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    peak_pss = peak_rss = 0
    most = 0
    while True:
        found, status, usage = os.wait4(child.pid, os.WNOHANG)
        if found:
            break
        members = _session_members(child.pid)
        sizes = [_kilobytes(pid) for pid in members]
        peak_pss = max(peak_pss, sum(pss for pss, _ in sizes))
        peak_rss = max(peak_rss, sum(rss for _, rss in sizes))
        most = max(most, len(members))
        time.sleep(interval)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed (exit {child.returncode})")
    return {"wall": time.perf_counter() - started, "pss": peak_pss / 1024,
            "rss": peak_rss / 1024, "processes": most, "wait4": usage.ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--interval", type=float, default=0.005)
    args = parser.parse_args()
    machine_info(f"first build's memory, all processes summed, {args.size:,} facts")
    kzru = tool("kzru")
    with tempfile.TemporaryDirectory(prefix="kzru-build-memory-") as scratch:
        root = Path(scratch)
        data = root / "data"
        subprocess.run([sys.executable, str(Path(__file__).with_name("synth.py")),
                        str(args.size), str(data)], check=True, stdout=subprocess.DEVNULL)
        runs = []
        for rep in range(args.reps):
            env = env_with(KZRU_CACHE_DIR=str(root / f"cache-{rep}"))
            runs.append(sampled_build([kzru, "facts", "--limit", "10", "--format", "json",
                                       "--data", str(data)], env, args.interval))
    rows = [[f"{run['wall']:.2f}", f"{run['wait4']:.0f}", f"{run['pss']:.0f}",
             f"{run['rss']:.0f}", run["processes"]] for run in runs]
    table(["wall s", "largest process MB (wait4)", "summed Pss MB", "summed Rss MB",
           "processes"], rows)
    print(f"\nmedian of {len(runs)}: summed Pss {median([r['pss'] for r in runs]):.0f} MB, "
          f"largest process {median([r['wait4'] for r in runs]):.0f} MB (target <= 150 MB); "
          f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
