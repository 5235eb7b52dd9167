"""How long `kzru check` takes on hostile or badly mistaken tables at 100,000 facts.

Why: validation used to be quadratic - every broken reference ran a fuzzy "did you mean" over
every id, every header column was counted against every other, every fact walked its follows
chain - so a mistaken table could hang `check` and every command that loads it. The README
promises near-linear validation: `kzru check` on a 100,000-fact table with every reference
broken finishes in under 10 s. Cases, each on the synthetic table (synth.py):

  valid       the table as made, for scale;
  broken      every reference of every fact broken (event, source, sectors, part_of, follows,
              same_as): half written with capitals (the hint index finds them), half unknown;
  broken-all  the same with --all-problems (every line printed, hints from the index);
  chain       each fact follows the one before it (one chain of 100,000 links);
  header      a sectors.csv header of 200,000 columns.

Targets at 100,000 facts: `kzru check` on the valid table <= 10 s and on the broken one
< 10 s. The machine may be shared, so two floors are measured in the same run, interleaved
with the cases: `python -c pass` (start-up) and Python's csv module reading facts.csv and
doing nothing else (the least any validator written in Python pays). Each case prints its
time, its ratio to the csv floor and its peak RSS; a `missed:` line names each target not
met (`--strict` makes that the exit status).

    python tests/bench/bench_validation.py [100000] [--reps 3] [--strict]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import env_with, interpreter_of, machine_info, median, run, tool  # noqa: E402
from synth import make_dataset  # noqa: E402

TARGETS = {"valid": 10.0, "broken": 10.0}  # seconds, at 100,000 facts
# Reading facts.csv with Python's csv module and nothing else.
CSV_FLOOR = ("import csv, sys\n"
             "with open(sys.argv[1], encoding='utf-8', newline='') as handle:\n"
             "    sum(1 for _ in csv.reader(handle))")
REFERENCES = ("event", "source", "sectors", "part_of", "follows", "same_as")


def _rewrite_facts(folder: Path, edit) -> None:  # noqa: ANN001
    path = folder / "facts.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    for number, row in enumerate(rows[1:]):
        edit(header, number, row, rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _break_every_reference(header: list[str], number: int, row: list[str],
                           rows: list[list[str]]) -> None:
    for name in REFERENCES:
        if name not in header:
            continue
        column = header.index(name)
        if number % 2:  # a near miss the hint index folds back onto the real id
            real = row[column] or rows[1 + (number + 1) % (len(rows) - 1)][0]
            row[column] = real.split("; ")[0].upper()
        else:
            row[column] = f"no-such-{name.replace('_', '-')}-{number}"


def _chain(header: list[str], number: int, row: list[str], rows: list[list[str]]) -> None:
    if number:
        row[header.index("follows")] = rows[number][0]


def _wide_header(folder: Path) -> None:
    path = folder / "sectors.csv"
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    columns = ",".join(f"column{n}" for n in range(200_000))
    path.write_text(f"{columns}\n{body}", encoding="utf-8")


def _prepare(size: int, root: Path) -> None:
    made = make_dataset(size, root / "valid")
    for name in ("broken", "chain", "header"):
        shutil.copytree(made, root / name)
    _rewrite_facts(root / "broken", _break_every_reference)
    _rewrite_facts(root / "chain", _chain)
    _wide_header(root / "header")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--prepare", metavar="ROOT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        _prepare(args.size, Path(args.prepare))
        return 0
    kzru = tool("kzru")
    machine_info(f"kzru check on hostile tables ({args.size} facts)")
    root = Path(tempfile.mkdtemp(prefix="kzru-bench-validation-"))
    try:
        # In a child: a child's peak RSS starts from this process's size when forked, so
        # this process never holds the tables.
        subprocess.run([sys.executable, __file__, str(args.size), "--prepare", str(root)],
                       check=True)
        made = root / "valid"
        cases = {"valid": (made, []), "broken": (root / "broken", []),
                 "broken-all": (root / "broken", ["--all-problems"]),
                 "chain": (root / "chain", []), "header": (root / "header", [])}
        env = env_with(KZRU_CACHE_DIR=str(root / "cache"))
        python = interpreter_of(kzru)
        floors = {"python -c pass": [python, "-c", "pass"],
                  "csv floor": [python, "-c", CSV_FLOOR, str(made / "facts.csv")]}
        commands = {name: [kzru, "check", "--data", str(folder), *extra]
                    for name, (folder, extra) in cases.items()}
        times: dict[str, list[float]] = {name: [] for name in [*floors, *commands]}
        peaks: dict[str, float] = {}
        codes: dict[str, int] = {}
        for _ in range(args.reps):  # interleaved: a change in load hits every case alike
            for name, command in [*floors.items(), *commands.items()]:
                elapsed, rss, code, _ = run(command, env)
                times[name].append(elapsed)
                peaks[name] = max(peaks.get(name, 0.0), rss)
                codes[name] = code
        floor = median(times["csv floor"])
        missed = []
        print(f"{'case':<16} {'median s':>9} {'/ csv floor':>11} {'peak MB':>8} {'exit':>5} "
              f"{'stdout+stderr lines':>20}")
        for name in floors:
            took = median(times[name])
            print(f"{name:<16} {took:>9.2f} {took / floor:>11.2f} {peaks[name]:>8.0f}")
        for name, (folder, extra) in cases.items():
            took = median(times[name])
            lines = _lines(kzru, folder, extra, env)
            print(f"{name:<16} {took:>9.2f} {took / floor:>11.2f} {peaks[name]:>8.0f} "
                  f"{codes[name]:>5} {lines:>20}")
            limit = TARGETS.get(name)
            if limit is not None and args.size >= 100_000 and took > limit:
                missed.append(f"{name}: {took:.1f} s > {limit:.0f} s "
                              f"({took / floor:.1f}x the csv floor of {floor:.1f} s)")
        load = os.getloadavg()
        print(f"load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        for line in missed:
            print(f"missed: {line}")
        if not missed and args.size >= 100_000:
            print("targets at 100k: all met")
        return 1 if missed and args.strict else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _lines(kzru: str, folder: Path, extra: list[str], env: dict) -> int:
    done = subprocess.run([kzru, "check", "--data", str(folder), *extra], env=env,
                          capture_output=True)
    return (done.stdout + done.stderr).count(b"\n")


if __name__ == "__main__":
    sys.exit(main())
