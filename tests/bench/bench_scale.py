"""Every kzru command at 10,000 and 100,000 facts (synthetic, see synth.py), against the
sqlite-utils command that answers the same question, measured in the same run.

Why: every command reads the cached, validated SQLite store (kzru/db.py); at real-world sizes
the first run (validation and build), the memory it takes, and every later command must stay
close to what a plain SQLite tool pays for the same answer. Measured per size:
(a) the first `kzru facts` with an empty cache (validation + store build): wall time and peak
RSS, against `sqlite-utils insert --csv` + `enable-fts` of the same facts.csv;
(b) each command warm, end to end, median of N interleaved runs, with its peak RSS, against
its sqlite-utils equivalent over a database of the same five CSV files (inserted with
`--pk id`, indexes on the columns the question filters by, FTS5 on the searched text);
(c) `kzru check` and `kzru check --suggest-follows` (no sqlite-utils equivalent: absolute).
Targets at 100k: warm <= 1.5x sqlite-utils and <= 0.5 s, peak <= 100 MB, search <= 1.0x;
first build <= 1.0x sqlite-utils and <= 150 MB; check <= 10 s; --suggest-follows <= 60 s.
Every command is started by a small launcher (common.measured), so its peak RSS is its own
(a child forked by this large process would report this process's size). The start-up of a
bare `python -c pass` (kzru's interpreter) is measured in the same run, for context. The
machine may be shared: compare ratios within one run, never figures across runs.

    python tests/bench/bench_scale.py [10000] [100000] [--reps 5] [--strict] [--keep]
        [--only NAME ...] [--data DIR] [--no-compile]

kzru is measured as an install runs it: its bytecode compiled once before the runs (pip
compiles a package's modules when it installs it, as it did sqlite-utils'; an editable
install under PYTHONDONTWRITEBYTECODE would compile every module on every run instead);
``--no-compile`` measures without that.

``--only`` measures only the pairs whose name starts with NAME (e.g. ``--only brief --only
track``), and leaves out `check` and `--suggest-follows`; the first build is always measured.
``--data DIR`` measures a folder synth.py already made (give its size alone) instead of
generating one. `track` and `brief` keep what they work out beside the store on their first run
(kzru/kept.py): that first run is measured on its own ("first kzru track", "first kzru brief")
before the warm runs; so is the first run of the Moscow brief in JSON and in Markdown (the
event with a preview and a last meeting: the most a brief holds), against the memory target.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
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

RATIO, SEARCH_RATIO, WARM_S, RSS_MB = 1.5, 1.0, 0.5, 100
BUILD_RATIO, BUILD_RSS_MB, CHECK_S, SUGGEST_S = 1.0, 150, 10, 60
SLOW_S = 20
FACT = "a001-joint-statement-strategic-partnership"
EVENT = "2024-11-state-visit-astana"
# The brief with the most to hold: a preview held against the report, a last meeting's items
# judged then and now; its first run (no kept page) in each format, against RSS_MB.
MOSCOW = "2025-11-state-visit-moscow"
TRACKED = "'agreed', 'planned', 'expected', 'proposed', 'ongoing'"
# Sectors are a '; '-separated list in the CSV: a sector's facts are those whose list holds it.
IN_SECTOR = "instr('; ' || f.sectors || '; ', '; ' || s.id || '; ') > 0"


def questions(db: str, data: Path, out: Path) -> list[tuple[str, list[str], list[str]]]:
    """(name, kzru arguments, sqlite-utils arguments) for the same question."""
    def sql(query: str) -> list[str]:
        return ["query", db, query]

    exported = out / "export-sqlite-utils.db"
    # export writes every table, its links and FTS; the baseline at least the facts and FTS
    rebuild = (f"rm -f {exported} && {tool('sqlite-utils')} insert {exported} facts "
               f"{data / 'facts.csv'} --csv && {tool('sqlite-utils')} enable-fts {exported} "
               "facts summary text evidence names --fts5 --tokenize unicode61")

    return [
        ("facts --limit 10", ["facts", "--limit", "10"],
         sql("select * from facts order by date desc, id desc limit 10")),
        ("facts --sector nuclear --limit 10", ["facts", "--sector", "nuclear", "--limit", "10"],
         sql("select * from facts where instr('; ' || sectors || '; ', '; nuclear; ') > 0 "
             "order by date desc, id desc limit 10")),
        ("visits", ["visits"],
         sql("select e.*, (select count(*) from facts f where f.event = e.id and "
             "f.part_of = '') as facts from events e order by start, id")),
        ("sectors", ["sectors"],
         sql("select s.id, s.name, count(f.id) as facts, sum(f.status = 'signed') as signed, "
             "sum(f.status = 'agreed') as agreed, count(distinct nullif(f.event, '')) as events, "
             f"min(f.date) as first, max(f.date) as last from sectors s left join facts f on "
             f"{IN_SECTOR} and f.part_of = '' group by s.id")),
        ("sectors --matrix", ["sectors", "--matrix"],
         sql(f"select s.id, f.event, count(*) from sectors s join facts f on {IN_SECTOR} "
             "and f.part_of = '' group by s.id, f.event")),
        ("sources", ["sources"],
         sql("select s.*, (select count(*) from facts f where f.source = s.id and "
             "f.part_of = '') as facts from sources s order by published, id")),
        ("show FACT", ["show", FACT], sql(f"select * from facts where id = '{FACT}'")),
        ("cite EVENT", ["cite", EVENT],
         sql("select f.id, f.evidence, s.* from facts f join sources s on s.id = f.source "
             f"where f.event = '{EVENT}' and f.part_of = ''")),
        ("timeline атом", ["timeline", "атом"], ["search", db, "facts", "атом"]),
        ("brief EVENT", ["brief", EVENT],
         sql(f"select * from facts where event = '{EVENT}' order by status, date")),
        ("track", ["track"],
         sql(f"select * from facts where status in ({TRACKED}) order by date, id")),
        ("track атом", ["track", "атом"],
         sql(f"select * from facts where status in ({TRACKED}) and rowid in (select rowid "
             "from facts_fts where facts_fts match 'атом') order by date, id")),
        ("search атом", ["search", "атом"], ["search", db, "facts", "атом", "--limit", "10"]),
        ("export FILE.db", ["export", str(out / "export-kzru.db"), "--force"],
         ["--bash", rebuild]),
    ]


def baseline_db(data: Path, db: Path) -> None:
    """The five CSV files in one database, as a sqlite-utils user would set it up."""
    sqlite_utils = tool("sqlite-utils")
    for name in ("sources", "events", "facts", "sectors", "glossary"):
        subprocess.run([sqlite_utils, "insert", str(db), name, str(data / f"{name}.csv"),
                        "--csv", "--pk", "id"], check=True, stdout=subprocess.DEVNULL)
    for column in ("date", "event", "source", "status"):
        subprocess.run([sqlite_utils, "create-index", str(db), "facts", column], check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run([sqlite_utils, "enable-fts", str(db), "facts", "summary", "text",
                    "evidence", "names", "--fts5", "--tokenize", "unicode61"], check=True,
                   stdout=subprocess.DEVNULL)


def compiled(kzru: str) -> str:
    """Compile kzru's modules to bytecode, as installing it does; say where."""
    found = subprocess.run(
        [interpreter_of(kzru), "-c", "import compileall, os, kzru; "
         "folder = os.path.dirname(kzru.__file__); compileall.compile_dir(folder, quiet=1); "
         "print(folder)"], check=True, capture_output=True, text=True,
        cwd=Path(kzru).parent)  # not this folder: its kzru/ would be imported instead
    return found.stdout.strip()


def measure(size: int, reps: int, root: Path, only: list[str] | None = None,
            given_data: Path | None = None) -> list[str]:
    """Print the figures for one size; return the targets missed (checked at 100k only)."""
    kzru, sqlite_utils = tool("kzru"), tool("sqlite-utils")
    started = time.perf_counter()
    data = given_data or root / f"data-{size}"
    if given_data is None:
        # In a child process: a child's peak RSS starts from this process's size when forked.
        subprocess.run([sys.executable, str(Path(__file__).with_name("synth.py")), str(size),
                        str(data)], check=True, stdout=subprocess.DEVNULL)
    generated = time.perf_counter() - started
    env = env_with(KZRU_CACHE_DIR=str(root / f"cache-{size}"))
    given = ["--format", "json", "--data", str(data)]
    build_s, build_rss, code, _ = measured([kzru, "facts", "--limit", "10", *given], env)
    if code != 0:
        sys.exit(f"bench: first kzru facts at {size} failed (exit {code})")
    fts_s = build_fts(data / "facts.csv", root / f"fts-{size}.db")
    db = root / f"baseline-{size}.db"
    baseline_db(data, db)
    pairs = [pair for pair in questions(str(db), data, root)
             if not only or any(pair[0].startswith(name) for name in only)]
    firsts = []  # the first run of a command that keeps what it works out (kzru/kept.py)
    for name, mine, _ in pairs:
        if name in ("track", "brief EVENT"):
            seconds, rss, code, _ = measured([kzru, *mine, *given], env)
            if code not in (0, 1):
                sys.exit(f"bench: first kzru {name} at {size} failed (exit {code})")
            firsts.append(f"first kzru {name} (works out and keeps every item or the page): "
                          f"{seconds:.2f} s, peak RSS {rss:.0f} MB")
    first_missed = []
    if any(name == "brief EVENT" for name, _, _ in pairs):
        for fmt in ("json", "md"):
            seconds, rss, code, _ = measured(
                [kzru, "brief", MOSCOW, "--format", fmt, "--data", str(data)], env)
            if code != 0:
                sys.exit(f"bench: first kzru brief {MOSCOW} --format {fmt} at {size} failed "
                         f"(exit {code})")
            firsts.append(f"first kzru brief {MOSCOW} --format {fmt} (a preview and a last "
                          f"meeting): {seconds:.2f} s, peak RSS {rss:.0f} MB "
                          f"(target <= {RSS_MB} MB)")
            if size >= 100_000 and rss > RSS_MB:
                first_missed.append(f"first brief {MOSCOW} --format {fmt} {rss:.0f} MB > "
                                    f"{RSS_MB} MB")
    # export writes a database, not a listing: it takes no --format
    commands = [cmd for _, mine, theirs in pairs
                for cmd in ([kzru, *mine, *(given if mine[0] != "export" else given[2:])],
                            ["bash", "-c", theirs[1]]
                            if theirs[0] == "--bash" else [sqlite_utils, *theirs])]
    times: list[list[float]] = [[] for _ in commands]
    peak = [0.0 for _ in commands]
    bare = [interpreter_of(kzru), "-c", "pass"]
    python_s: list[float] = []
    for i, command in enumerate(commands):  # warms the OS file cache; finds slow commands
        seconds, rss, code, _ = measured(command, env)
        if code not in (0, 1):
            sys.exit(f"bench: {' '.join(command)} failed (exit {code})")
        times[i].append(seconds)
        peak[i] = rss
    for _ in range(reps - 1):
        python_s.append(measured(bare, env)[0])
        for i, command in enumerate(commands):
            if min(times[i]) > SLOW_S:  # so slow that one measure says enough
                continue
            seconds, rss, _, _ = measured(command, env)
            times[i].append(seconds)
            peak[i] = max(peak[i], rss)
    python_s.append(measured(bare, env)[0])
    print(f"## {size:,} facts (generated in {generated:.1f} s, facts.csv "
          f"{(data / 'facts.csv').stat().st_size / 1e6:.0f} MB)\n")
    build_ratio = build_s / fts_s
    print(f"first kzru facts (validation + store build): {build_s:.2f} s, peak RSS "
          f"{build_rss:.0f} MB (target <= {BUILD_RSS_MB} MB); sqlite-utils insert --csv + "
          f"enable-fts: {fts_s:.2f} s; ratio {build_ratio:.2f} (target <= {BUILD_RATIO})")
    for line in firsts:
        print(line)
    if size >= 100_000:
        for failed in (f"first build {build_ratio:.2f}x sqlite-utils > {BUILD_RATIO}x"
                       if build_ratio > BUILD_RATIO else "",
                       f"first build {build_rss:.0f} MB > {BUILD_RSS_MB} MB"
                       if build_rss > BUILD_RSS_MB else "", *first_missed):
            if failed:
                print(f"missed: {failed}")
    print()
    rows, missed = [], list(first_missed)
    for number, (name, _, _) in enumerate(pairs):
        mine, theirs = 2 * number, 2 * number + 1
        ours, other = median(times[mine]), median(times[theirs])
        ratio = ours / other
        rows.append([name, f"{ours * 1000:.0f}", f"{peak[mine]:.0f}", f"{other * 1000:.0f}",
                     f"{peak[theirs]:.0f}", f"{ratio:.2f}", len(times[mine])])
        limit = SEARCH_RATIO if name.startswith("search") else RATIO
        if ratio > limit:
            missed.append(f"{name} {ratio:.2f}x sqlite-utils > {limit}x")
        if ours > WARM_S:
            missed.append(f"{name} {ours:.2f} s > {WARM_S} s")
        if peak[mine] > RSS_MB:
            missed.append(f"{name} {peak[mine]:.0f} MB > {RSS_MB} MB")
    table(["command (warm)", "kzru ms", "kzru MB", "sqlite-utils ms", "sqlite-utils MB",
           "ratio", "runs"], rows)
    print(f"python start-up in the same run (`python -c pass`, kzru's interpreter): "
          f"{median(python_s) * 1000:.0f} ms median of {len(python_s)}; load average "
          f"{' '.join(f'{load:.1f}' for load in os.getloadavg())}\n")
    sys.stdout.flush()
    if only:  # the pairs asked for only
        if size < 100_000:
            return []
        print("targets at 100k (these pairs): " + ("all met" if not missed else
                                                    "missed: " + "; ".join(missed)) + "\n")
        return missed
    check_s, check_rss, _, _ = measured([kzru, "check", "--data", str(data)], env, CHECK_S * 6)
    suggest_s, suggest_rss, _, _ = measured(
        [kzru, "check", "--suggest-follows", "--data", str(data)], env, SUGGEST_S * 5)
    stopped = " (stopped at the time limit)"
    print(f"kzru check: {check_s:.2f} s{stopped if math.isinf(check_s) else ''}, peak RSS "
          f"{check_rss:.0f} MB; kzru check --suggest-follows: {suggest_s:.2f} s"
          f"{stopped if math.isinf(suggest_s) else ''}, peak RSS {suggest_rss:.0f} MB\n")
    if size < 100_000:
        return []
    if build_ratio > BUILD_RATIO:
        missed.append(f"first build {build_ratio:.2f}x sqlite-utils > {BUILD_RATIO}x")
    if build_rss > BUILD_RSS_MB:
        missed.append(f"first build {build_rss:.0f} MB > {BUILD_RSS_MB} MB")
    if check_s > CHECK_S:
        missed.append(f"check {check_s:.1f} s > {CHECK_S} s")
    if suggest_s > SUGGEST_S:
        missed.append(f"check --suggest-follows {suggest_s:.1f} s > {SUGGEST_S} s")
    print("targets at 100k: " + ("all met" if not missed else "missed: " + "; ".join(missed))
          + "\n")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument("--data", type=Path, metavar="DIR",
                        help="a folder synth.py made, measured instead of a new one (one size)")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="only the pairs whose name starts with NAME (repeatable)")
    parser.add_argument("--no-compile", action="store_true",
                        help="do not compile kzru's bytecode first (see above)")
    args = parser.parse_args()
    machine_info(f"kzru at scale (warm figures: median of {args.reps} interleaved runs)")
    print("kzru's bytecode: " + ("not compiled first (--no-compile)" if args.no_compile else
                                 f"compiled first, as an install does ({compiled(tool('kzru'))})"))
    root = Path(tempfile.mkdtemp(prefix="kzru-scale-"))
    try:
        if args.data is not None and len(args.sizes) != 1:
            parser.error("--data DIR measures one size: give it alone")
        missed = [m for size in args.sizes
                  for m in measure(size, args.reps, root, args.only, args.data)]
    finally:
        if args.keep:
            print(f"data kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
