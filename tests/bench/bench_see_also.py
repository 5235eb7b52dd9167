"""See also beside "no later report" at scale: `kzru track` and `kzru track атом` with and without
it, against the sqlite-utils queries bench_scale.py holds them to, and `kzru check
--suggest-follows`, on one synthetic table, measured in the same run.

Why: see-also reads the suggester's keys kept in the store (kzru/suggest_index.py) instead of
walking every fact; what it adds to track (time and peak memory) is the cost of showing it at
every size. The first build is measured too (the keys are written by it): wall time and peak
RSS against `sqlite-utils insert --csv` + `enable-fts`. Median of N interleaved runs, each
command's own peak RSS (common.measured). The machine may be shared: compare within a run.

    python tests/bench/bench_see_also.py DATA_FOLDER [--reps 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import baseline_db, questions  # noqa: E402
from common import (  # noqa: E402
    build_fts,
    env_with,
    interpreter_of,
    machine_info,
    measured,
    median,
    table,
    tool,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a data folder (tests/bench/synth.py makes one)")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    machine_info(f"see also at scale (median of {args.reps} interleaved runs)")
    kzru, sqlite_utils = tool("kzru"), tool("sqlite-utils")
    root = Path(tempfile.mkdtemp(prefix="kzru-see-also-"))
    try:
        env = env_with(KZRU_CACHE_DIR=str(root / "cache"))
        given = ["--format", "json", "--data", str(args.data)]
        build_s, build_mb, code, _ = measured([kzru, "facts", "--limit", "10", *given], env)
        if code != 0:
            sys.exit(f"bench: the first kzru facts failed (exit {code})")
        fts_s = build_fts(args.data / "facts.csv", root / "fts.db")
        print(f"first kzru facts (validation + store build): {build_s:.2f} s, peak "
              f"{build_mb:.0f} MB; sqlite-utils insert --csv + enable-fts: {fts_s:.2f} s; "
              f"ratio {build_s / fts_s:.2f}\n")
        db = root / "baseline.db"
        baseline_db(args.data, db)
        theirs = {name: [sqlite_utils, *command] for name, _, command
                  in questions(str(db), args.data, root) if name.startswith("track")}
        commands = {
            "track": [kzru, "track", *given],
            "track --no-see-also": [kzru, "track", "--no-see-also", *given],
            "sqlite-utils (track)": theirs["track"],
            "track атом": [kzru, "track", "атом", *given],
            "track атом --no-see-also": [kzru, "track", "атом", "--no-see-also", *given],
            "sqlite-utils (track атом)": theirs["track атом"],
            "python -c pass": [interpreter_of(kzru), "-c", "pass"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks = dict.fromkeys(commands, 0.0)
        for _ in range(args.reps):
            for name, command in commands.items():
                seconds, peak, code, _ = measured(command, env)
                if code not in (0, 1):
                    sys.exit(f"bench: {' '.join(command)} failed (exit {code})")
                times[name].append(seconds)
                peaks[name] = max(peaks[name], peak)
        table(["command (warm)", "median ms", "peak MB", "runs"],
              [[name, f"{median(found) * 1000:.0f}", f"{peaks[name]:.0f}", len(found)]
               for name, found in times.items()])
        for plain in ("track", "track атом"):
            ours = median(times[plain])
            print(f"{plain}: see-also adds {ours - median(times[plain + ' --no-see-also']):.2f} s; "
                  f"{ours / median(times[f'sqlite-utils ({plain})']):.2f}x sqlite-utils")
        seconds, peak, _, _ = measured([kzru, "check", "--suggest-follows", "--data",
                                        str(args.data)], env, 300)
        print(f"kzru check --suggest-follows: {seconds:.2f} s, peak {peak:.0f} MB")
        print(f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
