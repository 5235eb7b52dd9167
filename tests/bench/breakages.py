"""Break one promise at a time in a scratch copy and check that its named test fails.

Issue 20 listed promises whose breakage passed every test. Each entry below is one such
breakage, written as a text replacement in kzru's source, with the tests meant to catch it.
For each, this script copies the checkout, applies the replacement, runs those tests, and
reports "caught" (they fail), "MISSED" (they pass: the promise is unguarded again) or "n/a"
(the code changed and the replacement no longer applies: update the entry).

    python tests/bench/breakages.py            # every breakage
    python tests/bench/breakages.py status     # those whose label contains "status"

Not part of CI (it runs the suite's subsets ~30 times); tests/bench/mutation.py is the
broader, automatic version of the same idea.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
P = "tests/test_promises.py::"
R = "tests/test_ranking_rules.py::"

# label, file, text to replace, replacement, tests that must fail
BREAKAGES = [
    ("facts --status ignored", "kzru/query.py",
     'any_of("x.status", self.statuses)', "pass",
     [P + "test_facts_status_keeps_exactly_the_facts_of_that_status"]),
    # track answers JSON and the like from its kept judgement, narrowed in SQL
    # (FactFilter.sql), and the terminal table item by item (FactFilter.accepts)
    ("track --sector ignored in the table", "kzru/query.py",
     "(not self.sectors or any(s in fact.sectors for s in self.sectors))", "True",
     [P + "test_track_sector_keeps_exactly_the_items_of_that_sector"]),
    ("--sector ignored in SQL (facts, track as JSON)", "kzru/query.py",
     "        if self.sectors:\n            clauses.append(",
     "        if False:\n            clauses.append(",
     [P + "test_track_sector_keeps_exactly_the_items_of_that_sector",
      "tests/test_properties.py::test_track_filters_keep_exactly_the_items_that_pass"]),
    ("search --status ignored", "kzru/query.py",
     'any_of("x.status", self.statuses)', "pass",
     [P + "test_search_status_keeps_the_matches_of_that_status"]),
    ("a bug's traceback escapes", "kzru/cli.py",
     'if os.environ.get("KZRU_DEBUG"):', "if True:",
     [P + "test_an_unexpected_error_is_one_line_and_exit_2"]),
    ("closed pipe exits 3 (typer's flush path)", "kzru/cli.py",
     "_silence_stdout()\n            raise SystemExit(0) from None",
     "raise SystemExit(3) from None", [P + "test_a_reader_closing_the_pipe_early_is_exit_0"]),
    ("closed pipe in machine output exits 1", "kzru/output.py",
     "raise typer.Exit(0) from None", "raise typer.Exit(1) from None",
     [P + "test_a_reader_closing_the_pipe_early_is_exit_0"]),
    ("cite prints full days", "kzru/cite.py",
     "shown = date_label(source.published, source.published_precision)",
     "shown = date_label(source.published)",
     [P + "test_cite_prints_the_article_date_at_its_precision"]),
    ("CSL-JSON issued with a day it does not know", "kzru/cite.py",
     'return parts[:{"year": 1, "month": 2}.get(source.published_precision, 3)]',
     "return parts[:3]",
     [P + "test_cite_prints_the_article_date_at_its_precision"]),
    ("sources print full days", "kzru/commands/sources.py",
     "date_label(source.published, source.published_precision)",
     "date_label(source.published)",
     [P + "test_sources_print_the_published_date_at_its_precision"]),
    ("track prints full days", "kzru/render_track.py",
     'head = Text(f"{date_label(fact.date, fact.date_precision)}  "',
     'head = Text(f"{date_label(fact.date)}  "',
     [P + "test_track_prints_dates_at_their_precision"]),
    ("track's later reports print full days", "kzru/render_track.py",
     'lines += _unbreakable(f"→ {date_label(later.date, later.date_precision)} "\n'
     '                              f"{_status(later.status, lang)}", later.id, width, INDENT, '
     '"cyan")',
     'lines += _unbreakable(f"→ {date_label(later.date)} "\n'
     '                              f"{_status(later.status, lang)}", later.id, width, INDENT, '
     '"cyan")',
     [P + "test_track_prints_dates_at_their_precision"]),
    ("sectors Last prints full days", "kzru/render.py",
     '"last": "last_precision"', '"last": "day"',
     [P + "test_sectors_print_first_and_last_at_their_precision"]),
    ("event spans print full days", "kzru/commands/shared.py",
     "span_label(event.start, event.end, event.date_precision)",
     "span_label(event.start, event.end)", [P + "test_event_spans_print_at_their_precision"]),
    ("visits and sources count parts too", "kzru/db.py",
     'f"{self.index.admit(TOP_LEVEL)} GROUP BY x.{column}"',
     'f"{self.index.admit(\'1\')} GROUP BY x.{column}"',
     [P + "test_visits_count_top_level_facts_only", P + "test_sources_count_top_level"]),
    ("show loses its related list", "kzru/commands/show.py",
     'row["related"] = [fact.id for fact in query.related_facts(data, record)]',
     'row["related"] = []', [P + "test_show_keeps_its_related_list"]),
    ("--lang ru shows the English summary", "kzru/commands/shared.py",
     'Column("text" if lang == "ru" else "summary"', 'Column("summary"',
     [P + "test_lang_ru_shows_the_russian_text"]),
    ("track's keys reordered", "kzru/render_track.py",
     'KEYS = ("id", "date", "date_precision", "status"',
     'KEYS = ("id", "date", "status", "date_precision"',
     [P + "test_track_keys_in_the_promised_order"]),
    ("fact keys reordered", "kzru/render.py",
     'FACT_KEYS = ("id", "date", "date_precision", "date_basis"',
     'FACT_KEYS = ("id", "date", "date_basis", "date_precision"',
     ["tests/test_cli.py::test_every_listing_command_in_every_format_has_the_contract_keys"]),
    ("track --since drops its first day in the table", "kzru/follow.py",
     "(since is None or day >= since)", "(since is None or day > since)",
     [P + "test_track_since_includes_its_first_day"]),
    ("--since drops its first day in SQL (facts, track as JSON)", "kzru/query.py",
     'clauses.append("x.date >= ?")', 'clauses.append("x.date > ?")',
     [P + "test_track_since_includes_its_first_day"]),
    ("export drops follows links", "kzru/export.py",
     '    ("facts", "follows"): ("fact_follows", "follows_id", "facts"),\n', "",
     [P + "test_export_keeps_every_follows_link"]),
    ("export stores numbers as floats", "kzru/export.py",
     "return value if -(1 << 63) <= value < (1 << 63) else str(value)", "return float(value)",
     [P + "test_export_keeps_every_digit_of_a_large_integer"]),
    ("export leaves evidence out of full-text search", "kzru/export.py",
     'FTS_COLUMNS = ("summary", "text", "evidence", "names")',
     'FTS_COLUMNS = ("summary", "text", "names")', [P + "test_export_searches_the_evidence"]),
    ("cache trusted inside a world-writable folder", "kzru/cache.py",
     "parent.st_mode & stat.S_IWOTH and not parent.st_mode & stat.S_ISVTX", "False",
     [P + "test_cache_inside_a_world_writable_folder_needs_the_sticky_bit"]),
    ("cache refuses a world-writable sticky folder", "kzru/cache.py",
     "and not parent.st_mode & stat.S_ISVTX", "",
     [P + "test_cache_inside_a_world_writable_folder_needs_the_sticky_bit"]),
    ("cache trusts another user's link", "kzru/cache.py",
     "stat.S_ISLNK(link.st_mode) and link.st_uid not in (0, os.geteuid())", "False",
     [P + "test_cache_folder_reached_through_another_users_link_is_not_used"]),
    ("ranking: oldest first among equals", "kzru/ranking.py",
     "-dates[rowid], rowid)", "dates[rowid], rowid)",
     [R + "test_newest_first_among_equal_scores"]),
    ("ranking: no date tie-break", "kzru/ranking.py",
     "-dates[rowid], rowid)", "0, rowid)", [R + "test_newest_first_among_equal_scores"]),
    ("ranking: matching every word not first", "kzru/ranking.py",
     "scores[rowid] *= min(1.0, said.get(rowid, 0.0) / words)", "pass",
     [R + "test_facts_matching_every_word"]),
    ("ranking: no lift for an event's decisions", "kzru/ranking.py",
     "if constrained and scores:", "if False:",
     [R + "test_an_events_decisions_rank_first", R + "test_an_events_facts_rank_before"]),
    ("ranking: lift for decisions only, not for events", "kzru/ranking.py",
     "0.4 * (rowid in tied)", "0.0 * (rowid in tied)", [R + "test_an_events_facts_rank_before"]),
    ("ranking: lift for events only, not for decisions", "kzru/ranking.py",
     "0.6 * (rowid in decisive)", "0.0 * (rowid in decisive)",
     [R + "test_an_events_decisions_rank_first"]),
    ("ranking: lift without a constraint", "kzru/ranking.py",
     "if constrained and scores:", "if scores:", [R + "test_an_events_decisions_rank_first"]),
    ("ranking: months ignored", "kzru/ranking.py",
     "if reading.months or reading.days:", "if False:",
     [R + "test_a_month_ranks_the_facts_dated_then_first"]),
    ("ranking: 'how many' ignored", "kzru/ranking.py",
     "    if reading.kinds:\n        found = signals.where", "    if False:\n        found = x",
     [R + "test_how_many_ranks_figures_first"]),
    ("ranking: no relevance threshold", "kzru/ranking.py",
     "MIN_SCORE = 30.0", "MIN_SCORE = 0.0", [R + "test_a_common_word_alone"]),
]


def run_one(label: str, path: str, old: str, new: str, tests: list[str]) -> str:
    place = Path(tempfile.mkdtemp(prefix="kzru-breakage-"))
    try:
        for name in ("kzru", "tests", "data"):
            shutil.copytree(ROOT / name, place / name,
                            ignore=shutil.ignore_patterns("__pycache__", "out", ".hypothesis"))
        shutil.copy(ROOT / "pyproject.toml", place)
        target = place / path
        source = target.read_text(encoding="utf-8")
        if source.count(old) != 1:
            return "n/a"
        target.write_text(source.replace(old, new), encoding="utf-8")
        files = sorted({t.split("::")[0] for t in tests})
        names = " or ".join(t.split("::")[1] for t in tests)
        env = {**os.environ, "PYTHONPATH": str(place), "PYTHONDONTWRITEBYTECODE": "1",
               "KZRU_CACHE_DIR": str(place / "cache")}
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p",
                               "no:cacheprovider", *files, "-k", names], cwd=place, env=env,
                              capture_output=True, text=True, timeout=900)
        if done.returncode == 5:
            return "n/a (no such test)"
        return "caught" if done.returncode == 1 else "MISSED" if done.returncode == 0 \
            else f"error {done.returncode}"
    finally:
        shutil.rmtree(place, ignore_errors=True)


def main() -> int:
    wanted = sys.argv[1:]
    missed = 0
    for label, path, old, new, tests in BREAKAGES:
        if wanted and not any(word in label for word in wanted):
            continue
        outcome = run_one(label, path, old, new, tests)
        missed += outcome != "caught"
        print(f"{outcome:8} {label}  ({', '.join(t.split('::')[-1] for t in tests)})",
              flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
