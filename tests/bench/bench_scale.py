"""How kzru search scales to 10,000 and 100,000 facts (synthetic, see synth.py).

Why: the index is built on first use and cached; at real-world sizes that first run, the
memory it takes, and every later search must stay acceptable. Measured per size:
(a) the first `kzru search` with an empty cache (index build) - wall time and peak RSS;
(b) warm searches end to end, median of N interleaved runs, for a Russian word, an English
word, a typo and a Latin transliteration; (c) peak RSS of a warm search; (d) the same
queries with `sqlite-utils search` over FTS5 (unicode61) of the same rows, whose build time
is reported separately. Targets at 100k: warm <= 300 ms and <= sqlite-utils, build <= 30 s,
RSS <= 300 MB. Peak RSS comes from os.wait4 (the child's own ru_maxrss).

    python tests/bench/bench_scale.py [10000] [100000] [--reps 15] [--strict] [--keep]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import build_fts, env_with, machine_info, median, run, table, tool  # noqa: E402
from synth import make_dataset  # noqa: E402

QUERIES = [("russian", "университет"), ("english", "nuclear"), ("typo", "univrsity"),
           ("latin", "Kostanay")]
WARM_MS, BUILD_S, RSS_MB = 300, 30, 300


def _hits(output: bytes) -> int:
    try:
        return len(json.loads(output or b"[]"))
    except ValueError:
        return -1


def measure(size: int, reps: int, root: Path) -> list[str]:
    """Print the figures for one size; return the targets missed (checked at 100k only)."""
    kzru, sqlite_utils = tool("kzru"), tool("sqlite-utils")
    started = time.perf_counter()
    data = make_dataset(size, root / f"data-{size}")
    generated = time.perf_counter() - started
    env = env_with(KZRU_CACHE_DIR=str(root / f"cache-{size}"))
    build_s, build_rss, code, out = run(
        [kzru, "search", QUERIES[0][1], "--format", "json", "--data", str(data)], env)
    if code not in (0, 1):
        sys.exit(f"bench: first kzru search at {size} failed (exit {code})")
    fts_s = build_fts(data / "facts.csv", root / f"fts-{size}.db")
    commands = []
    for kind, word in QUERIES:
        commands.append((kind, word, "kzru",
                         [kzru, "search", word, "--format", "json", "--data", str(data)]))
        commands.append((kind, word, "sqlite-utils",
                         [sqlite_utils, "search", str(root / f"fts-{size}.db"), "facts", word,
                          "--limit", "10"]))
    times: list[list[float]] = [[] for _ in commands]
    peak = [0.0 for _ in commands]
    hits = [_hits(run(c[3], env)[3]) for c in commands]  # also warms the OS file cache
    for _ in range(reps):
        for i, command in enumerate(commands):
            seconds, rss, _, _ = run(command[3], env)
            times[i].append(seconds)
            peak[i] = max(peak[i], rss)
    print(f"## {size:,} facts (generated in {generated:.1f} s, facts.csv "
          f"{(data / 'facts.csv').stat().st_size / 1e6:.0f} MB)\n")
    print(f"first kzru search (index build): {build_s:.2f} s, peak RSS {build_rss:.0f} MB; "
          f"sqlite-utils insert + enable-fts: {fts_s:.2f} s\n")
    rows, by_query = [], {}
    for i, (kind, word, system, _) in enumerate(commands):
        ms = median(times[i]) * 1000
        by_query.setdefault(kind, {})[system] = ms
        rows.append([kind, word, system, f"{ms:.0f}", f"{peak[i]:.0f}", hits[i]])
    table(["query", "word", "system", "warm median ms", "peak RSS MB", "hits"], rows)
    if size < 100_000:
        return []
    missed = []
    if build_s > BUILD_S:
        missed.append(f"build {build_s:.1f} s > {BUILD_S} s")
    worst_rss = max([build_rss] + [peak[i] for i, c in enumerate(commands) if c[2] == "kzru"])
    if worst_rss > RSS_MB:
        missed.append(f"peak RSS {worst_rss:.0f} MB > {RSS_MB} MB")
    for kind, ms in by_query.items():
        if ms["kzru"] > WARM_MS:
            missed.append(f"warm {kind} {ms['kzru']:.0f} ms > {WARM_MS} ms")
        if ms["kzru"] > ms["sqlite-utils"]:
            missed.append(f"warm {kind} {ms['kzru']:.0f} ms > sqlite-utils "
                          f"{ms['sqlite-utils']:.0f} ms")
    print("targets at 100k (warm <= 300 ms and <= sqlite-utils, build <= 30 s, RSS <= 300 MB): "
          + ("all met" if not missed else "MISSED: " + "; ".join(missed)) + "\n")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    args = parser.parse_args()
    machine_info(f"kzru at scale (warm figures: median of {args.reps} interleaved runs)")
    root = Path(tempfile.mkdtemp(prefix="kzru-scale-"))
    try:
        missed = [m for size in args.sizes for m in measure(size, args.reps, root)]
    finally:
        if args.keep:
            print(f"data kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
