"""Mutation testing (mutmut 3) over the modules whose behaviour kzru promises: a benchmark of
how many deliberately broken versions of the code the suite catches. Not part of CI: it runs
the relevant tests once per mutant and takes minutes to hours.

Why a copy: mutmut writes a ``mutants/`` tree and rewrites functions into trampolines; doing
that in a scratch copy of the checkout keeps the work tree clean and lets one module's run go
on while the code is edited.

    python tests/bench/mutation.py cite                # one module, its fastest test subset
    python tests/bench/mutation.py query cite --jobs 1 # several, one worker each
    python tests/bench/mutation.py --list              # modules and the tests each runs
    python tests/bench/mutation.py cite --survivors    # also print each surviving mutant

Score = killed / (killed + survived + no tests + timeout + suspicious); mutants the tool
marks as skipped are not counted. Equivalent mutants (no behaviour can tell them apart) are
listed with a reason in tests/bench/mutation_equivalent.md; the README reports both figures.
Results go to tests/bench/out/mutation-<module>.json. Scratch copies go under `.mutation/` in
the checkout (git-ignored; `--workdir` moves them), and each run's temporary files go inside its
copy: a system-wide /tmp can be cleaned while a run of an hour is still going.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
WORKDIR = ROOT / ".mutation"

# module -> every test file that exercises it in-process: the files that import it, and those
# that run the commands whose path goes through it (round 13: the full selections; the earlier
# rounds' narrower ones gave lower bounds). mutmut runs, for each mutant, only the tests that
# called the mutated function, fastest first, so a wide selection costs a longer first pass
# and longer runs for survivors, not for every mutant. Tests that only run kzru in a
# subprocess still see the mutant (PYTHONPATH points at the mutated copy).
_T = "tests/test_{}.py".format


def _tests(*names: str) -> list[str]:
    return [_T(name) for name in names]


_BRIEF = ("mut_brief", "mut_render_brief", "follow_brief", "round6_fixes", "round7_fixes",
          "round8_fixes", "round9_fixes", "round10_briefs", "round11_fixes", "round12_fixes",
          "lang_ru", "lang_ru_by_rule", "read_paths", "judged")
_TRACK = ("mut_render_track", "track_rules", "track_options", "track_filters",
          "track_reason_rows", "follow_brief", "round6_fixes", "round9_fixes", "round11_fixes",
          "round12_fixes", "lang_ru", "lang_filters", "read_paths", "judged")
_STORE = ("mut_store", "mut_validate", "mut_links", "store", "store_columns",
          "validate_free_text", "faults", "faults_store", "faults_reads", "faults_cascade",
          "lint", "lint_part_sectors")
MODULES = {
    "query": ("kzru/query.py", _tests(
        "mut_query", "query_rules", "db", "mut_db", "promises", "properties", "lang_filters",
        "lang_ru", "lang_ru_by_rule", "track_filters", "track_rules", "track_reason_rows",
        "store", "cli", "analyst")),
    "render": ("kzru/render.py", _tests(
        "mut_render", "render_rules", "render", "read_paths", "cite_rules", "cite_export",
        "cli", "output", "fields_width", "promises", "lang_ru", "lang_ru_leftovers", "faults")),
    # the JSON writer, split out of render.py
    "json_writer": ("kzru/json_writer.py", _tests(
        "mut_json_writer", "mut_render", "read_paths", "render_rules", "render", "mut_brief",
        "cite_rules", "cite_export", "mut_cite", "faults_json", "promises", "follow_brief",
        "lang_ru")),
    # every JSON listing's rows through the C encoder, keys and indentation from a template
    # per shape of row (round 15, from json_writer.py)
    "json_records": ("kzru/json_records.py", _tests(
        "json_records", "mut_json_writer", "mut_render", "read_paths", "render_rules", "render",
        "cli", "output", "faults_json", "promises", "cite_export", "lang_ru")),
    # track's and brief's presentation, split out of render.py
    "render_track": ("kzru/render_track.py", _tests(*_TRACK)),
    "render_brief": ("kzru/render_brief.py", _tests(*_BRIEF)),
    # the preview against the outcome, and what is new since the last meeting, split out of
    # render_brief.py
    "render_brief_checks": ("kzru/render_brief_checks.py", _tests(*_BRIEF)),
    "render_brief_novelty": ("kzru/render_brief_novelty.py", _tests(*_BRIEF)),
    # a brief's fact lines and its data for scripts, split out of render_brief.py
    "brief_lines": ("kzru/brief_lines.py", _tests(*_BRIEF)),
    "brief_data": ("kzru/brief_data.py", _tests(*_BRIEF)),
    "cite": ("kzru/cite.py", _tests(
        "mut_cite", "cite_rules", "cite_export", "promises", "cli", "analyst", "lang_ru",
        "mut_brief", "mut_render_brief", "follow_brief", "round10_briefs")),
    "export": ("kzru/export.py", _tests(
        "mut_export", "export_rules", "promises", "cite_export", "faults_writes",
        "lang_ru_by_rule", "faults", "analyst")),
    "cache": ("kzru/cache.py", _tests(
        "mut_cache", "faults", "faults_store", "faults_r12", "judged", "promises", "build")),
    "follow": ("kzru/follow.py", _tests(*dict.fromkeys(
        ("mut_follow", "neighbours", "suggest", *_TRACK, *_BRIEF)))),
    # one fact's verdict (words, record, rule), split out of follow.py (round 14)
    "verdicts": ("kzru/verdicts.py", _tests(*dict.fromkeys(
        ("mut_follow", "neighbours", "suggest", *_TRACK, *_BRIEF)))),
    "store": ("kzru/store.py", _tests(*_STORE)),
    # the loader's halves, split out of store.py: one table's cells; references and links
    "validate": ("kzru/validate.py", _tests(*_STORE)),
    # one cell's rules, split out of validate.py
    "cells": ("kzru/cells.py", _tests(*_STORE, "mut_export", "export_rules")),
    "links": ("kzru/links.py", _tests(*_STORE)),
    # the read paths brief and track ask the store, split out of db.py
    "walks": ("kzru/walks.py", _tests(*dict.fromkeys(
        ("mut_walks", "mut_db", "db", "mut_follow", *_TRACK, *_BRIEF)))),
    # what brief asks of one event and its report, split out of walks.py
    "report_walks": ("kzru/report_walks.py", _tests(*dict.fromkeys(
        ("mut_walks", "mut_db", "db", *_BRIEF)))),
    "db": ("kzru/db.py", _tests(
        "mut_db", "db", "read_paths", "query_rules", "promises", "mut_query", "properties",
        "store_columns", "cite_export", "export_rules", "mut_export", "neighbours", "suggest",
        "search", "search_order", "ranking_rules", "cli", "analyst", "judged")),
}
# Tests that only run kzru in a subprocess: mutmut cannot tell which function they cover, so
# they would only slow every phase down (they stay in the suite, of course). The two installs'
# test runs kzru with a PYTHONPATH of its own: it cannot see the mutants, nor run under mutmut;
# the hashlib test fails in a mutated copy (there hashlib is imported: not kzru's doing).
SKIP = ("not reader_closing and not closing_a_table and not unexpected_error and "
        "not every_help_example and not pager and not terminal and not parallel and "
        "not invisible_characters and not two_installs and not without_loading_hashlib")
COUNTED = ("killed", "survived", "no tests", "timeout", "suspicious", "segfault")


def workspace(module: str, tests: list[str], workdir: Path) -> Path:
    """A scratch copy of the checkout with a mutmut configuration for one module."""
    workdir.mkdir(parents=True, exist_ok=True)
    place = Path(tempfile.mkdtemp(prefix=f"{module}-", dir=workdir))
    for name in ("kzru", "tests", "data"):
        shutil.copytree(ROOT / name, place / name,
                        ignore=shutil.ignore_patterns("__pycache__", "out", ".hypothesis"))
    # pyproject.toml without a [tool.mutmut] table: mutmut then reads setup.cfg
    shutil.copy(ROOT / "pyproject.toml", place / "pyproject.toml")
    configure(place, module, tests)
    return place


def configure(place: Path, module: str, tests: list[str]) -> None:
    """The mutmut configuration: the module to mutate, the tests to run."""
    selection = "\n    ".join(tests)
    (place / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths = kzru\n"
        f"only_mutate = {MODULES[module][0]}\n"
        "also_copy = data\n"
        f"pytest_add_cli_args_test_selection =\n    {selection}\n"
        "pytest_add_cli_args =\n    -p\n    no:cacheprovider\n    -k\n"
        f"    {SKIP}\n"
        "timeout_multiplier = 20.0\n"  # a loaded shared machine: no false timeouts
        "use_git_change_detection = False\n", encoding="utf-8")


def refresh_tests(place: Path, module: str, tests: list[str]) -> None:
    """Bring a kept scratch copy's tests up to the checkout's (the code stays as it was
    copied): mutmut runs the tests from its own copy under mutants/, which it never
    overwrites, so both copies are refreshed."""
    for target in (place / "tests", place / "mutants" / "tests"):
        if target.parent.exists():
            shutil.copytree(ROOT / "tests", target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "out", ".hypothesis"))
    configure(place, module, tests)


def wilson(killed: int, counted: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of a sampled score: where the score of every mutant of the
    module lies, given ``killed`` of ``counted`` sampled ones (a full run needs none)."""
    if not counted:
        return (0.0, 0.0)
    share = killed / counted
    middle = share + z * z / (2 * counted)
    spread = z * ((share * (1 - share) + z * z / (4 * counted)) / counted) ** 0.5
    scale = 1 + z * z / counted
    return ((middle - spread) / scale, (middle + spread) / scale)


def statuses_of(place: Path, env: dict[str, str], digits: str = "") -> dict[str, str]:
    listing = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                             cwd=place, env=env, capture_output=True, text=True).stdout
    statuses: dict[str, str] = {}
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name and (not digits or name[-1] in digits):
            statuses[name] = status
    return statuses


def run_module(module: str, jobs: int, survivors: bool, keep: bool,
               chosen: list[str] | None = None, digits: str = "",
               again: Path | None = None, workdir: Path = WORKDIR) -> dict[str, object]:
    source, tests = MODULES[module]
    tests = chosen or [test for test in tests if (ROOT / test.split("::")[0]).exists()]
    if again is None:
        place = workspace(module, tests, workdir)
        (place / "mutants").mkdir()  # on sys.path from the start: the tests import mutants
        # A test's own `python -m kzru` imports the mutants too (PYTHONPATH), but while
        # mutmut records which test calls what ("stats") a child process cannot record
        # anything: there it runs the original code.
        (place / "site").mkdir()
        (place / "site" / "sitecustomize.py").write_text(
            "import os\nif os.environ.get('MUTANT_UNDER_TEST') == 'stats':\n"
            "    os.environ['MUTANT_UNDER_TEST'] = ''\n", encoding="utf-8")
    else:
        place = again
        refresh_tests(place, module, tests)
    path = os.pathsep.join([str(place / "mutants"), str(place / "site")])
    # pytest's own temporary folders (numbered, safe for parallel workers) and the tests'
    # subprocesses' temporary files stay inside the scratch copy
    (place / "tmp").mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1",
           "TMPDIR": str(place / "tmp")}
    # the articles' checks find ../shared/seeds beside the checkout, not beside the copy
    seeds = ROOT.parent / "shared" / "seeds"
    if "KZRU_SEEDS" not in env and seeds.is_dir():
        env["KZRU_SEEDS"] = str(seeds)
    started = time.monotonic()
    # --digits 05: only the mutants whose number ends in 0 or 5 (a fixed fifth of each
    # function's mutants), when the machine has no time for all of them
    names = [f"kzru.{module}.*__mutmut_*[{digits}]"] if digits else []
    if again is not None:
        # --again: only the mutants that no test killed last time, with today's tests
        names = sorted(name for name, status in statuses_of(place, env, digits).items()
                       if status in COUNTED and status != "killed")
    if again is not None and not names:
        done = subprocess.CompletedProcess([], 0, "", "")  # every mutant is killed already
    else:
        done = subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children",
                               str(jobs), *names], cwd=place, env=env, capture_output=True,
                              text=True)
    seconds = time.monotonic() - started
    statuses = statuses_of(place, env, digits)
    counts: dict[str, int] = {}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    counted = sum(counts.get(status, 0) for status in COUNTED)
    score = counts.get("killed", 0) / counted if counted else 0.0
    result = {"module": module, "file": source, "tests": tests, "seconds": round(seconds),
              "sample": f"mutants numbered *[{digits}]" if digits else "all",
              "counts": counts, "score": round(score, 4),
              "interval": [round(bound, 4) for bound in wilson(counts.get("killed", 0), counted)]
              if digits else None,
              "survived": sorted(n for n, s in statuses.items() if s in COUNTED and s != "killed"),
              "exit": done.returncode}
    if done.returncode != 0 or counts.get("not checked"):
        result["log"] = (done.stdout + done.stderr)[-3000:]
    if survivors:
        diffs = []
        for name in result["survived"]:
            shown = subprocess.run([sys.executable, "-m", "mutmut", "show", name], cwd=place,
                                   env=env, capture_output=True, text=True).stdout
            diffs.append(shown)
        result["diffs"] = diffs
    if keep:
        result["workspace"] = str(place)
    else:
        shutil.rmtree(place, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"any of: {', '.join(MODULES)}")
    parser.add_argument("--jobs", type=int, default=1, help="mutmut workers (default 1)")
    parser.add_argument("--survivors", action="store_true", help="print surviving mutants")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    parser.add_argument("--list", action="store_true", help="list modules and their tests")
    parser.add_argument("--tests", nargs="+", help="run these tests instead of the module's own")
    parser.add_argument("--again", type=Path, metavar="WORKSPACE",
                        help="re-run the survivors of a scratch copy kept with --keep, with "
                             "the checkout's current tests (the code stays as copied)")
    parser.add_argument("--workdir", type=Path, default=WORKDIR,
                        help="where scratch copies go (default: .mutation/ in the checkout)")
    parser.add_argument("--digits", default="",
                        help="only mutants whose number ends in one of these digits (a sample)")
    args = parser.parse_args()
    if args.list or not args.modules:
        for name, (path, tests) in MODULES.items():
            print(f"{name:8} {path:18} {' '.join(tests)}")
        return 0
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s): {', '.join(unknown)}")
    try:
        import mutmut  # noqa: F401
    except ImportError:
        print("mutation: mutmut is not installed (pip install 'mutmut>=3.8')", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    status = 0
    for module in args.modules:
        result = run_module(module, args.jobs, args.survivors, args.keep or bool(args.again),
                            args.tests, args.digits, args.again, args.workdir.resolve())
        (OUT / f"mutation-{module}.json").write_text(json.dumps(result, indent=2,
                                                                ensure_ascii=False))
        counts = ", ".join(f"{k} {v}" for k, v in sorted(result["counts"].items()))
        interval = result["interval"]
        shown = f" ({interval[0]:.1%}–{interval[1]:.1%})" if interval else ""
        print(f"{module:8} score {result['score']:.1%}{shown}  ({counts})  {result['seconds']} s"
              f"  [{result['sample']}]", flush=True)
        if "log" in result:
            print(result["log"], file=sys.stderr)
            status = 1
        for diff in result.get("diffs", []):
            print(diff)
    return status


if __name__ == "__main__":
    sys.exit(main())
