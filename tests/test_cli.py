"""End to end: every command, every format, every error path, pipe versus terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, kzru_command, needs_seeds, read_table, terminal

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FORMATS = ("json", "jsonl", "csv", "tsv", "md")
# The output contract (README, "For scripts"), written out: never read from the code.
FACT_KEYS = ["id", "date", "date_precision", "date_basis", "event", "kind", "sectors", "status",
             "speaker", "summary", "text", "evidence", "source", "part_of", "same_as",
             "sources_count"]
KEYS = {
    "facts": FACT_KEYS,
    "search": [*FACT_KEYS, "reported_in", "score"],
    "timeline": FACT_KEYS,
    "visits": ["id", "kind", "title", "start", "end", "date_precision", "date_basis", "host",
               "guest", "places", "sources", "facts"],
    "sectors": ["id", "name", "name_ru", "facts", "signed", "agreed", "events", "first",
                "first_precision", "last", "last_precision"],
    "sources": ["id", "file", "publisher", "title", "published", "published_precision",
                "published_basis", "url", "facts"],
}
ARGS = {"facts": [], "search": ["атом"], "timeline": ["университет"], "visits": [],
        "sectors": [], "sources": []}


def parse(fmt: str, out: str) -> tuple[list[str], list[dict]]:
    """Read any machine format back into (keys, rows)."""
    if fmt == "json":
        rows = json.loads(out)
        return (list(rows[0]) if rows else []), rows
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        return (list(rows[0]) if rows else []), rows
    if fmt == "md":
        lines = [line.strip("| ").split(" | ") for line in out.splitlines()]
        return lines[0], [dict(zip(lines[0], cells)) for cells in lines[2:]]
    reader = csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t")
    table = list(reader)
    return table[0], [dict(zip(table[0], cells)) for cells in table[1:]]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", sorted(KEYS))
def test_every_listing_command_in_every_format_has_the_contract_keys(run, command: str,
                                                                     fmt: str) -> None:
    result = run(command, *ARGS[command], "--format", fmt)
    assert result.code == 0, result.err
    keys, rows = parse(fmt, result.out)
    assert keys == KEYS[command]
    assert rows
    if fmt in ("json", "jsonl"):
        assert all(list(row) == KEYS[command] for row in rows)


def test_json_lists_stay_lists_and_csv_flattens_them(run) -> None:
    rows = json.loads(run("facts", "--sector", "nuclear", "--format", "json").out)
    assert all(isinstance(row["sectors"], list) and "nuclear" in row["sectors"] for row in rows)
    multi = [row for row in rows if len(row["sectors"]) > 1][0]
    flat = parse("csv", run("show", multi["id"], "--format", "csv").out)[1][0]
    assert flat["sectors"] == "; ".join(multi["sectors"])


def test_tsv_fields_never_hold_tabs_or_newlines(run) -> None:
    out = run("facts", "--format", "tsv").out
    lines = out.splitlines()
    assert all(line.count("\t") == len(FACT_KEYS) - 1 for line in lines)


def test_piped_default_is_tsv_without_colour() -> None:
    done = subprocess.run([*kzru_command(), "search", "Росатом"], capture_output=True,
                          text=True, check=True)
    assert done.stdout.splitlines()[0].split("\t")[-1] == "score"
    assert "\x1b[" not in done.stdout and "─" not in done.stdout


def run_in_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """Run kzru with stdout on a 120-column pseudo-terminal; return what it showed."""
    return terminal(*args, columns=120, env=env)


def test_terminal_gets_a_coloured_table_with_highlighted_matches() -> None:
    shown = run_in_terminal("search", "Росатом")
    assert "Score" in shown and "Summary (id)" in shown
    assert "─" in shown
    assert "\x1b[1;33m" in shown  # the matched word in bold yellow


def test_no_color_flag_and_environment_remove_colour() -> None:
    """Only the colour goes: the same table, character for character, as the coloured one
    without its escape sequences."""
    coloured = run_in_terminal("visits")
    assert "\x1b[" in coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert all(row["id"] in plain for row in read_table(DATA, "events"))
    assert run_in_terminal("visits", "--no-color") == plain
    assert run_in_terminal("visits", env={"NO_COLOR": "1"}) == plain


def test_closed_pipe_is_quiet() -> None:
    shell = f"{sys.executable} -m kzru facts --format jsonl | head -1"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, check=True)
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr == ""


def test_works_as_python_m_from_any_directory_under_lang_c(tmp_path: Path) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C"}
    done = subprocess.run([*kzru_command(), "search", "Kostanay", "--format", "json"],
                          capture_output=True, cwd=tmp_path, env=env, check=True)
    rows = json.loads(done.stdout.decode("utf-8"))
    assert any("Костанай" in row["text"] or "Костанай" in row["evidence"] for row in rows)


def test_visits_are_in_date_order_and_filter(run) -> None:
    rows = json.loads(run("visits", "--format", "json").out)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    assert {r["id"] for r in rows} >= {"2022-02-working-visit", "2022-08-sochi-talks",
                                      "2024-11-state-visit-astana", "2024-11-csto-council",
                                      "2025-11-state-visit-moscow"}
    astana = next(r for r in rows if r["id"] == "2024-11-state-visit-astana")
    assert (astana["start"], astana["end"], astana["host"]) == ("2024-11-27", "2024-11-28", "kz")
    only = json.loads(run("visits", "--year", "2024", "--host", "kz", "--format", "json").out)
    assert {r["id"] for r in only} == {"2024-11-state-visit-astana", "2024-11-csto-council"}
    state = json.loads(run("visits", "--kind", "state-visit", "--format", "json").out)
    assert {r["kind"] for r in state} == {"state-visit"} and len(state) == 2


def test_visits_table_marks_inferred_dates(run, data_copy: Path) -> None:
    out = run("visits", "--format", "table").out
    assert "2022-02-10 – 02-11*" in out
    assert "* date inferred" in out
    events = data_copy / "events.csv"
    text = events.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("2025-11-state-visit-moscow,"))
    events.write_text(text.replace(line, line.replace(",day,inferred,", ",day,stated,")),
                      encoding="utf-8")
    stated = run("visits", "--format", "table", "--data", str(data_copy)).out
    visit = next(x for x in stated.splitlines() if "state-visit" in x and "2025-11-11" in x)
    assert "2025-11-11 – 11-12 " in visit and "*" not in visit


def test_search_filters_and_limit(run) -> None:
    rows = json.loads(run("search", "университет", "--year", "2025", "--status", "done",
                          "--format", "json", "--limit", "3").out)
    assert 0 < len(rows) <= 3
    assert all(r["date"].startswith("2025") and r["status"] == "done" for r in rows)
    assert all(0 <= r["score"] <= 100 for r in rows)


def test_search_exact_is_a_literal_substring(run) -> None:
    rows = json.loads(run("search", "ГРЭС-2", "--exact", "--format", "json").out)
    assert rows and all("грэс-2" in (r["summary"] + r["text"] + r["evidence"]).lower()
                        for r in rows)


def test_search_explain_says_how_each_word_matched(run) -> None:
    rows = json.loads(run("search", "Oskemen", "--explain", "--format", "json").out)
    assert rows[0]["explain"] == ["oskemen → усть каменогорск (alias)"]


def test_nothing_found_exits_1_with_empty_json(run) -> None:
    result = run("search", "blockchain", "--format", "json")
    assert (result.code, result.out.strip()) == (1, "[]")
    assert run("facts", "--year", "1990", "--format", "csv").out.startswith("id,date,")
    assert run("facts", "--year", "1990", "--format", "csv").code == 1
    table = run("search", "zxcvbnm", "--format", "table")
    # the words that matched nothing are named (issue 18)
    assert (table.code, table.err) == (1, "kzru: no facts match — no match for: zxcvbnm\n")


def test_facts_filters_combine(run) -> None:
    rows = json.loads(run("facts", "--status", "signed", "--kind", "document",
                          "--format", "json").out)
    assert rows and all(r["status"] == "signed" and r["kind"] == "document" for r in rows)
    by_event = json.loads(run("facts", "--event", "2024-11-csto-council", "--format", "json").out)
    assert by_event and {r["event"] for r in by_event} == {"2024-11-csto-council"}
    russian = json.loads(run("facts", "--sector", "Атомная энергетика", "--format", "json").out)
    assert russian and all("nuclear" in r["sectors"] for r in russian)


@pytest.mark.parametrize("args, message", [
    (["facts", "--sector", "nuclar"], "kzru: unknown sector 'nuclar' (did you mean 'nuclear'?)"),
    (["facts", "--status", "signd"], "kzru: unknown status 'signd' (did you mean 'signed'?)"),
    (["facts", "--kind", "documnt"], "kzru: unknown kind 'documnt' (did you mean 'document'?)"),
    (["visits", "--kind", "state-vist"],
     "kzru: unknown event kind 'state-vist' (did you mean 'state-visit'?)"),
    (["show", "2024-11-csto-councl"],
     "kzru: no fact or event with id '2024-11-csto-councl' (did you mean '2024-11-csto-council'?)"),
])
def test_typos_in_names_get_did_you_mean(run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.code == 2
    assert result.err.splitlines()[0].startswith(message)
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize("args", [
    ["facts", "--format", "xml"], ["search"], ["facts", "--limit", "-1"], ["nonsense"],
    ["facts", "--year", "last"], ["visits", "--bogus"],
])
def test_usage_errors_are_one_line_and_exit_2(run, args: list[str]) -> None:
    result = run(*args)
    assert result.code == 2
    assert len(result.err.splitlines()) == 1 and result.err.startswith("kzru: ")
    assert "Traceback" not in result.err


def test_missing_data_folder_is_one_line(run, tmp_path: Path) -> None:
    result = run("facts", "--data", str(tmp_path / "nope"))
    assert result.code == 2
    assert result.err == f"kzru: data folder not found: {tmp_path / 'nope'} (from --data)\n"


def test_bad_data_lists_every_problem_then_exits_2(run, data_copy: Path) -> None:
    text = (data_copy / "facts.csv").read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace(",a0", ",zz", 1)
    (data_copy / "facts.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    result = run("search", "атом", "--data", str(data_copy))
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[-1] == "kzru: 1 data problem found"
    assert lines[0].startswith(f"kzru: {data_copy / 'facts.csv'}:2:")


def test_kzru_data_environment_variable_is_used(run, data_copy: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (data_copy / "facts.csv").write_text(
        (data_copy / "facts.csv").read_text(encoding="utf-8").splitlines()[0] + "\n",
        encoding="utf-8")
    monkeypatch.setenv("KZRU_DATA", str(data_copy))
    assert run("facts", "--format", "json").out.strip() == "[]"


def test_sectors_summary_one_sector_and_matrix(run) -> None:
    rows = json.loads(run("sectors", "--format", "json").out)
    ids = {r["id"] for r in rows}
    assert {"transport", "energy", "nuclear", "education", "digital", "space", "culture",
            "health", "ecology", "justice", "tourism", "telecom", "construction",
            "agriculture", "industry", "trade", "security", "interregional",
            "politics"} <= ids
    nuclear = next(r for r in rows if r["id"] == "nuclear")
    assert nuclear["facts"] > 5 and nuclear["first"] <= nuclear["last"]
    facts = json.loads(run("sectors", "space", "--format", "json").out)
    assert facts and all("space" in f["sectors"] for f in facts)
    matrix = json.loads(run("sectors", "--matrix", "--format", "json").out)
    row = next(r for r in matrix if r["sector"] == "security")
    assert row["2024-11-csto-council"] >= 1
    table = run("sectors", "--format", "table").out
    assert "Signed" in table and "Agreed" in table


def test_sectors_table_groups_by_event(run) -> None:
    out = run("sectors", "space", "--format", "table").out
    assert "Tokayev's working visit to Russia" in out
    assert "Tokayev's state visit to Russia" in out


def test_show_fact_and_event_in_full(run) -> None:
    rows = json.loads(run("show", "a003-trade-turnover-2021", "--format", "json").out)
    fact = rows[0]
    assert fact["value"] == 24000000000 and fact["unit"] == "USD"
    assert fact["source_file"] == "003_db76453028a9b892.txt"
    assert {"evidence", "related", "names", "date_precision"} <= set(fact)
    event = json.loads(run("show", "2024-11-csto-council", "--format", "json").out)[0]
    assert event["host"] == "kz" and len(event["facts"]) >= 1
    table = run("show", "a003-trade-turnover-2021", "--format", "table").out
    assert "«" in table and "verbatim quotation" in table


def test_sources_list_every_article_with_its_publisher(run) -> None:
    rows = json.loads(run("sources", "--format", "json").out)
    assert {r["file"] for r in rows} == {p for p in (
        "000_d1d8b5bb9fbf5349.txt", "001_0d73feeffb228fdc.txt", "002_64b280f37fe08a16.txt",
        "003_db76453028a9b892.txt", "004_7da5a18f75e09145.txt")}
    publishers = {r["id"]: r["publisher"] for r in rows}
    assert publishers["a004"] == "Kazinform" and publishers["a003"] == "МИР 24"
    assert publishers["a001"] == "CMN.KZ" and publishers["a000"] == ""
    assert sum(r["facts"] for r in rows) > 150


def test_timeline_is_in_date_order_grouped_by_event(run) -> None:
    rows = json.loads(run("timeline", "университет", "--format", "json").out)
    assert len({r["event"] for r in rows}) >= 2
    starts = {e["id"]: e["start"] for e in json.loads(run("visits", "--format", "json").out)}
    seen: list[str] = []
    for row in rows:
        if row["event"] and (not seen or seen[-1] != row["event"]):
            assert row["event"] not in seen  # each event's facts in one run
        seen.append(row["event"])
    # events by their start, facts outside any event by their own dates, between them
    keys = [starts[r["event"]] if r["event"] else r["date"] for r in rows]
    assert keys == sorted(keys)
    # the loose facts are not all put first: some stand after an event
    assert any(event == "" and any(seen[:i]) for i, event in enumerate(seen))
    table = run("timeline", "университет", "--format", "table").out
    assert "Outside any event" in table


def test_lang_ru_shows_russian_text(run) -> None:
    out = run("facts", "--sector", "space", "--lang", "ru", "--format", "table").out
    assert "Текст (пересказ)" in out and "Summary" not in out


def test_global_options_before_the_command(run) -> None:
    result = run("--format", "json", "sources")
    assert json.loads(result.out)[0]["id"]


def test_version(run) -> None:
    from kzru import __version__

    assert run("--version").out == f"kzru {__version__}\n"
    assert run("facts", "--version").out == f"kzru {__version__}\n"
    assert run("-V").out == f"kzru {__version__}\n"


def test_every_command_help_ends_with_examples(run) -> None:
    for command in ("visits", "search", "sectors", "facts", "show", "sources", "timeline",
                    "check"):
        result = run(command, "--help")
        assert result.code == 0
        tail = result.out.rstrip().split("Examples:")[-1]
        assert "Examples:" in result.out and f"kzru {command}" in tail


def test_sector_completion_offers_ids_and_names() -> None:
    from kzru.commands.shared import complete_sector

    assert ("nuclear", "Nuclear energy") in complete_sector("nu")


def test_check_passes_on_bundled_data(run) -> None:
    result = run("check")
    assert result.code == 0 and result.out.startswith("ok: ")


@needs_seeds
def test_check_verifies_every_excerpt_against_the_articles(run) -> None:
    result = run("check", "--sources", str(SEEDS))
    assert result.code == 0, result.err
    assert "evidence excerpts found verbatim" in result.out


def test_check_reports_missing_article_folder(run, tmp_path: Path) -> None:
    result = run("check", "--sources", str(tmp_path / "none"))
    assert (result.code, result.err) == (2, f"kzru: sources folder not found: "
                                            f"{tmp_path / 'none'}\n")


def test_bare_kzru_prints_the_help(run) -> None:
    result = run()
    assert result.code == 0
    assert result.out.startswith("Usage: kzru [OPTIONS] COMMAND [ARGS]...")
    assert "Examples:" in result.out and result.err == ""


def test_check_counts_one_conflict_in_the_singular(run) -> None:
    # the bundled table has exactly one same_as conflict: the KazNU Omsk branch's dates
    lines = run("check").out.splitlines()
    assert lines[1] == "1 conflict between facts marked the same (same_as):"
    assert "a001-kaznu-omsk-branch vs a004-kaznu-omsk-branch: dates differ" in lines[2]


@pytest.mark.parametrize("command", [["facts"], ["visits"], ["search", "университет"],
                                     ["sectors", "education"]])
def test_a_range_that_ends_before_it_starts_is_a_usage_error(run, command: list[str]) -> None:
    done = run(*command, "--since", "2025", "--until", "2022-06")
    assert done.code == 2 and done.out == ""
    assert done.err == "kzru: --since 2025 is after --until 2022-06: the range holds no date " \
                       "(swap them?)\n"
    # the same month as both bounds is a range, not an error
    assert run(*command, "--since", "2024-11", "--until", "2024-11").code == 0


def test_an_untitled_source_reads_the_same_in_sources_and_cite(run) -> None:
    # a000 has no headline: both commands say so in the same words, and the JSON keeps it empty
    from conftest import terminal

    table = [line for line in terminal("sources", columns=120).splitlines()
             if line.startswith("a000 ")]
    assert "[headline not given]" in table[0] and "(no title)" not in table[0]
    assert "[headline not given]" in run("cite", "a000-agreements-package").out
    assert next(r for r in json.loads(run("sources", "--format", "json").out)
                if r["id"] == "a000")["title"] == ""


@pytest.mark.parametrize("command", ["facts", "visits", "track"])
@pytest.mark.parametrize("value", ["20x4", "0", "10000", "２０２４", "-5"])
def test_a_year_that_is_not_one_is_said_in_kzrus_words(run, command: str, value: str) -> None:
    done = run(command, "--year", value)
    assert done.code == 2 and done.out == ""
    assert done.err == f"kzru: --year {value!r} is not a year (1 to 9999, e.g. 2024)\n"
