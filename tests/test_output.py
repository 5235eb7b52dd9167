"""Output people and scripts rely on: dates at their precision, --fields, widths from 60 to 120
columns, the pager, cut lists, choices and environment defaults, and every --help example."""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import kzru_command, read_to_end, terminal

from kzru.table import Column, TableWriter

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
WIDTHS = (60, 80, 100, 120)


def plain(text: str) -> str:
    return ANSI.sub("", text)


# -- dates ---------------------------------------------------------------------------------

def label(iso: str, precision: str) -> str:
    return iso[:4] if precision == "year" else iso[:7] if precision == "month" else iso


def test_coarse_dates_print_at_their_precision_in_tables_and_markdown(run) -> None:
    rows = json.loads(run("facts", "--format", "json").out)
    coarse = [r for r in rows if r["date_precision"] != "day"]
    assert coarse, "the bundled table has facts known only to the month or year"
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) for r in rows)  # JSON stays ISO
    table = run("facts", "--format", "table").out
    markdown = run("facts", "--format", "md").out
    for row in coarse:
        shown = label(row["date"], row["date_precision"])
        line = next(line for line in markdown.splitlines() if f"| {row['id']} |" in line)
        assert f"| {shown} |" in line and row["date"] not in line
    for line in table.splitlines():  # no coarse fact is printed as an exact day
        for row in coarse:
            if row["summary"][:40] in line:
                assert row["date"] not in line


def test_machine_formats_carry_precision_and_basis(run) -> None:
    for command, args in (("facts", []), ("search", ["атом"]), ("timeline", ["атом"])):
        keys = run(command, *args, "--format", "csv").out.splitlines()[0].split(",")
        assert {"date", "date_precision", "date_basis", "part_of"} <= set(keys)


def test_sectors_first_and_last_follow_the_precision_rule(run) -> None:
    rows = json.loads(run("sectors", "--format", "json").out)
    assert all(r["first_precision"] in ("day", "month", "year") for r in rows if r["facts"])
    table = run("sectors", "--format", "table").out
    for row in rows:
        if row["facts"] and row["first_precision"] != "day":
            line = next(line for line in table.splitlines() if line.startswith(row["id"] + " "))
            assert row["first"] not in line
            assert label(row["first"], row["first_precision"]) in line


def test_sectors_json_carries_the_counts_the_table_shows(run) -> None:
    row = json.loads(run("sectors", "--format", "json").out)[0]
    assert {"facts", "signed", "agreed", "events", "first", "last"} <= set(row)


# -- fields --------------------------------------------------------------------------------

FIELD_COMMANDS = {"facts": [], "search": ["атом"], "timeline": ["атом"], "visits": [],
                  "sectors": [], "sources": [], "show": ["2024-11-csto-council"]}
CHOSEN = {"facts": "summary,id,value", "search": "score,id,unit", "timeline": "event,id,names",
          "visits": "facts,id,start", "sectors": "signed,id", "sources": "url,id,facts",
          "show": "kind,id,start"}


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "md"])
@pytest.mark.parametrize("command", sorted(FIELD_COMMANDS))
def test_fields_choose_keys_and_order_in_every_format(run, command: str, fmt: str) -> None:
    from test_cli import parse

    result = run(command, *FIELD_COMMANDS[command], "--fields", CHOSEN[command], "--format", fmt)
    assert result.code == 0, result.err
    keys, rows = parse(fmt, result.out)
    assert keys == CHOSEN[command].split(",") and rows


@pytest.mark.parametrize("command", sorted(FIELD_COMMANDS))
def test_fields_in_a_table_are_its_columns(run, command: str) -> None:
    out = run(command, *FIELD_COMMANDS[command], "--fields", CHOSEN[command], "--format",
              "table").out
    if command == "show":  # one field a row
        firsts = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
        assert firsts == CHOSEN[command].split(",")
        return
    header = next(line for line in out.splitlines() if line.split()[:1] ==
                  [CHOSEN[command].split(",")[0]])
    assert header.split() == CHOSEN[command].split(",")


def test_fields_all_gives_every_field(run) -> None:
    row = json.loads(run("facts", "--fields", "all", "--format", "json").out)[0]
    assert {"value", "unit", "names", "part_of", "follows", "event_title", "source_publisher",
            "source_file", "date_note", "date_precision", "date_basis"} <= set(row)
    hit = json.loads(run("search", "атом", "--fields", "all", "--format", "json").out)[0]
    assert "score" in hit and "source_file" in hit
    figures = json.loads(run("facts", "--kind", "figure", "--fields", "id,value,unit",
                             "--format", "json").out)
    assert any(isinstance(r["value"], (int, float)) and r["unit"] for r in figures)


@pytest.mark.parametrize("command", sorted(FIELD_COMMANDS))
def test_unknown_field_exits_2_listing_the_fields(run, command: str) -> None:
    result = run(command, *FIELD_COMMANDS[command], "--fields", "id,nonsense")
    assert result.code == 2 and len(result.err.splitlines()) == 1
    assert "unknown field 'nonsense'" in result.err and "fields: all, id" in result.err


# -- widths --------------------------------------------------------------------------------

def ids_of(run, command: str, *args: str) -> list[str]:
    rows = json.loads(run(command, *args, "--format", "json").out)
    return [r["id"] for r in rows]


WIDTH_CASES = {"visits": [], "facts": ["--limit", "12"], "sources": [], "sectors": [],
               "search": ["университет"], "timeline": ["Росатом"],
               "show": ["2024-11-csto-council", "2024-11-state-visit-astana"],
               "sectors --matrix": ["--matrix"], "sectors interregional": ["interregional"],
               "track": ["университет"]}


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("command", sorted(WIDTH_CASES))
def test_tables_fit_the_terminal_and_never_break_ids(run, command: str, columns: int) -> None:
    args = WIDTH_CASES[command]
    command = command.split()[0]
    shown = plain(terminal(command, *args, "--no-color", "--no-pager", columns=columns))
    lines = shown.splitlines()
    assert lines and all(len(line) <= columns for line in lines), \
        max(lines, key=len)
    words = set(shown.split())
    if command == "show":
        data = json.loads(run(command, *WIDTH_CASES[command], "--format", "json").out)
        expected = [i for row in data for i in [row["id"], *row.get("facts", [])]]
    elif command == "sectors" and args == ["interregional"]:
        expected = ids_of(run, command, *args)
    elif command == "track":  # the tracked ids and every later fact's id
        data = json.loads(run(command, *args, "--format", "json").out)
        expected = [i for row in data for i in [row["id"], *row["later"]]]
    elif command == "sectors":
        expected = ids_of(run, command)
        if args:  # the matrix: sector ids, and the event ids of its legend, or (when the
            # columns are headed by month and kind, with no legend) each event's month
            events = json.loads(run("visits", "--format", "json").out)
            legend = lines[0].split() == ["#", "Event"] or lines[0].split()[:3] == [
                "#", "Event", "Title"]
            expected += [e["id"] if legend else e["start"][:7] for e in events]
    else:
        expected = ids_of(run, command, *args)
    assert expected and all(i in words for i in expected)  # each id whole on one line
    hidden = [line for line in lines if line.startswith("Not shown: ")]
    assert len(hidden) <= 1
    if columns >= 120:
        assert not hidden


def test_numbers_are_never_cropped_even_at_20_columns() -> None:
    out = io.StringIO()
    TableWriter(out, color=False, terminal=True, width=20).table(
        [{"score": 95.5, "text": "слово " * 20, "count": 123456}],
        [Column("score", "Score", justify="right"), Column("text", "Text", ratio=1, drop=1),
         Column("count", "Count", justify="right")])
    shown = out.getvalue()
    assert "95.5" in shown and "123456" in shown
    assert "Not shown: Text — widen or use --fields" in " ".join(shown.split())
    assert max(len(line) for line in shown.splitlines()) <= 20  # the note wraps too


def test_columns_drop_in_the_stated_order_with_a_note() -> None:
    rows = [{"a": "x" * 30, "b": "y" * 30, "c": "z" * 30}]
    columns = [Column("a", "A", no_wrap=True), Column("b", "B", no_wrap=True, drop=2),
               Column("c", "C", no_wrap=True, drop=1)]
    for width, hidden in ((100, None), (70, "C"), (40, "C, B")):
        out = io.StringIO()
        TableWriter(out, color=False, terminal=True, width=width).table(rows, columns)
        note = [line for line in out.getvalue().splitlines() if line.startswith("Not shown")]
        assert (note[0].split(": ")[1].split(" — ")[0] if note else None) == hidden


def test_an_id_too_long_for_its_cell_gets_its_own_line() -> None:
    out = io.StringIO()
    long_id = "a004-declaration-strategic-partnership-alliance"
    TableWriter(out, color=False, terminal=True, width=60).table(
        [{"date": "2025-11-12", "summary": "A declaration " * 6, "id": long_id}],
        [Column("date", "Date", no_wrap=True),
         Column("summary", "Summary", ratio=1, footnote="id", min_width=20)])
    lines = out.getvalue().splitlines()
    assert any(line.strip() == long_id for line in lines)


def test_the_narrow_visits_table_stays_short() -> None:
    for columns in (60, 80):
        lines = plain(terminal("visits", "--no-pager", columns=columns)).splitlines()
        assert len(lines) < 60


# -- pager, cut lists, order ---------------------------------------------------------------

PAGER = "sed s/^/PAGED:/"


def test_long_output_goes_through_the_pager_at_a_terminal() -> None:
    assert terminal("facts", lines=20, env={"KZRU_PAGER": PAGER}).count("PAGED:") > 100
    assert "PAGED:" in terminal("facts", lines=20, env={"PAGER": PAGER}, drop=("KZRU_PAGER",))
    # an empty KZRU_PAGER switches paging off, whatever PAGER says
    assert "PAGED:" not in terminal("facts", lines=20, env={"KZRU_PAGER": "", "PAGER": PAGER})
    assert "PAGED:" not in terminal("facts", "--no-pager", lines=20, env={"KZRU_PAGER": PAGER})
    assert "PAGED:" not in terminal("sources", lines=200, env={"KZRU_PAGER": PAGER})


def test_a_pager_that_fails_is_said_not_taken_for_success() -> None:
    shown = terminal("facts", lines=20, env={"KZRU_PAGER": "false"})
    assert "kzru: the pager 'false' failed (exit 1)" in shown and "--no-pager" in shown
    # a pager that reads everything and exits 0 (a reader quitting less) is success, silently
    assert "failed" not in terminal("facts", lines=20, env={"KZRU_PAGER": "cat"})


def test_the_pager_s_exit_status_decides(monkeypatch: pytest.MonkeyPatch,
                                         capfd: pytest.CaptureFixture[str]) -> None:
    from kzru import pager
    from kzru.errors import KzruError

    monkeypatch.setattr(pager.shutil, "get_terminal_size", lambda: os.terminal_size((80, 5)))
    for status, fails in ((0, False), (3, True)):
        monkeypatch.setattr(pager, "command",
                            lambda status=status: ["sh", "-c", f"cat >/dev/null; exit {status}"])
        if fails:
            with pytest.raises(KzruError, match=r"the pager 'sh -c 'cat >/dev/null; exit 3'' "
                                                r"failed \(exit 3\)"):
                pager.show("line\n" * 50, 50)
        else:
            pager.show("line\n" * 50, 50)


@pytest.mark.skipif(shutil.which("less") is None,
                    reason="less is not installed here: the default pager cannot be chosen "
                    "(install less to run this test)")
def test_default_pager_is_less_keeping_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    from kzru import pager

    monkeypatch.delenv("KZRU_PAGER", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    assert pager.command() == ["less", "-FRX"]


def test_a_missing_pager_prints_straight_out(monkeypatch: pytest.MonkeyPatch) -> None:
    from kzru import pager

    monkeypatch.delenv("KZRU_PAGER", raising=False)
    monkeypatch.setenv("PAGER", "no-such-pager-program")
    assert pager.command() is None  # a missing pager prints straight to the terminal


def test_pager_gets_less_and_lv_defaults_as_git_gives_them(tmp_path: Path) -> None:
    """PAGER=less alone must keep colours: LESS=FRX when LESS is unset, LV=-c when LV is unset;
    a value the user set (even empty) is passed on unchanged."""
    dump = tmp_path / "env"
    pager = f"sh -c 'echo LESS=${{LESS-unset}} LV=${{LV-unset}} > {dump}; cat >/dev/null'"
    terminal("facts", lines=20, env={"KZRU_PAGER": pager}, drop=("LESS", "LV"))
    assert dump.read_text().split() == ["LESS=FRX", "LV=-c"]
    terminal("facts", lines=20, env={"KZRU_PAGER": pager, "LESS": "S", "LV": ""})
    assert dump.read_text().split() == ["LESS=S", "LV="]


def test_ctrl_c_in_the_pager_is_the_pagers(tmp_path: Path) -> None:
    """^C while the pager shows a long listing (less uses it to stop a search) must not end kzru
    and leave the pager reading the terminal behind the prompt: kzru waits for the pager, as
    git does, and exits 0 once the pager has read everything and quit."""
    import pty
    import signal
    import time

    started, marker = tmp_path / "pager-started", tmp_path / "pager-done"
    script = tmp_path / "slow_pager.py"
    script.write_text(
        "import signal, sys, time\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        f"open({str(started)!r}, 'w').write('started')\n"
        "time.sleep(1.5)\n"
        "sys.stdin.buffer.read()\n"
        f"open({str(marker)!r}, 'w').write('read all')\n")
    leader, follower = pty.openpty()
    environment = {**os.environ, "COLUMNS": "100", "LINES": "20", "TERM": "xterm",
                   "KZRU_PAGER": f"{sys.executable} {script}"}
    process = subprocess.Popen([*kzru_command(), "facts", "--fields", "all"], stdout=follower,
                               stderr=follower, stdin=subprocess.DEVNULL, env=environment,
                               start_new_session=True)
    os.close(follower)
    deadline = time.monotonic() + 60
    while not started.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # kzru is now blocked feeding the pager, which has not read yet
    os.killpg(process.pid, signal.SIGINT)  # what ^C at the terminal does
    code = process.wait(timeout=60)
    done = marker.exists()
    output = read_to_end(leader)
    os.close(leader)
    assert done, "kzru exited before its pager had read the listing and quit"
    assert code == 0
    assert b"interrupted" not in output


def test_pager_never_runs_in_a_pipe(run) -> None:
    """In a pipe the pager setting changes nothing: the whole table, as without one."""
    done = subprocess.run([*kzru_command(), "facts", "--format", "table"], capture_output=True,
                          text=True, env={**os.environ, "KZRU_PAGER": PAGER, "LINES": "5"})
    assert "PAGED:" not in done.stdout and done.returncode == 0
    assert done.stdout == run("facts", "--format", "table").out


def test_a_cut_list_says_so_and_limit_0_means_all(run, monkeypatch: pytest.MonkeyPatch) -> None:
    total = len(json.loads(run("search", "университет", "--limit", "0", "--format", "json").out))
    assert total > 10
    table = run("search", "университет", "--format", "table").out
    assert f"10 of {total} facts — --limit 0 for all" in table
    piped = run("search", "университет", "--format", "json")
    assert len(json.loads(piped.out)) == 10
    assert piped.err == ""  # a script's stderr stays quiet
    monkeypatch.setattr("kzru.output.stderr_is_terminal", lambda: True)
    watched = run("search", "университет", "--format", "json")
    assert f"10 of {total} facts" in watched.err
    facts = run("facts", "--limit", "0", "--format", "json")
    assert facts.err == "" and len(json.loads(facts.out)) == len(
        json.loads(run("facts", "--format", "json").out))


def test_one_sector_is_in_date_order_with_loose_facts_among_events(run) -> None:
    rows = json.loads(run("sectors", "education", "--format", "json").out)
    starts = {e["id"]: e["start"] for e in json.loads(run("visits", "--format", "json").out)}
    keys = [starts[r["event"]] if r["event"] else r["date"] for r in rows]
    assert keys == sorted(keys)


def test_show_takes_several_ids(run) -> None:
    rows = json.loads(run("show", "2024-11-csto-council", "2022-08-sochi-talks",
                          "--format", "json").out)
    assert [r["id"] for r in rows] == ["2024-11-csto-council", "2022-08-sochi-talks"]
    table = run("show", "2024-11-csto-council", "2022-08-sochi-talks", "--format", "table").out
    assert "2024-11-csto-council" in table and "2022-08-sochi-talks" in table


def test_show_of_a_parent_lists_its_parts_and_counts_count_it_once(run, data_copy: Path
                                                                   ) -> None:
    path = data_copy / "facts.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    parent = next(r for r in rows if r["kind"] == "document" and r["status"] == "signed")
    part = next(r for r in rows if r["source"] == parent["source"] and r is not parent
                and r["kind"] == "document" and r["status"] == "signed")
    part["part_of"] = parent["id"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    shown = json.loads(run("show", parent["id"], "--data", str(data_copy), "--format",
                           "json").out)[0]
    assert part["id"] in shown["parts"]
    listed = json.loads(run("facts", "--data", str(data_copy), "--format", "json").out)
    assert next(r for r in listed if r["id"] == part["id"])["part_of"] == parent["id"]
    table = run("facts", "--data", str(data_copy), "--format", "table").out
    assert f"part of {parent['id']}" in table


# -- conventions ---------------------------------------------------------------------------

def test_choices_are_listed_in_help(run) -> None:
    facts_help = run("facts", "--help").out
    assert "[signed|agreed|" in facts_help and "[document|commitment|" in facts_help
    visits_help = run("visits", "--help").out
    assert "[kz|ru]" in visits_help and "[state-visit|" in visits_help
    assert "[table|json|jsonl|csv|tsv|md]" in visits_help
    assert "[auto|always|never]" in visits_help


def test_choices_and_ids_complete() -> None:
    from kzru.commands.shared import complete_event, complete_record
    from kzru.options import Choice

    assert [item.value for item in Choice(("signed", "agreed"), "status")
            .shell_complete(None, None, "si")] == ["signed"]
    assert ("2024-11-csto-council", "CSTO Collective Security Council session") in \
        complete_event("2024-11-c")
    assert any(item[0].startswith("a003-") for item in complete_record("a003-"))
    assert all(item[0].startswith("2022-") for item in complete_record("2022-"))


def test_completion_through_the_shell_protocol() -> None:
    env = {**os.environ, "_KZRU_COMPLETE": "complete_bash", "COMP_WORDS": "kzru facts --status s",
           "COMP_CWORD": "3"}
    done = subprocess.run([*kzru_command()], capture_output=True, text=True, env=env)
    assert "signed" in done.stdout


def test_environment_defaults_for_format_and_language(run, monkeypatch) -> None:
    monkeypatch.setenv("KZRU_FORMAT", "json")
    assert json.loads(run("sources").out)[0]["id"]
    assert run("sources", "--format", "csv").out.startswith("id,")  # the option wins
    monkeypatch.setenv("KZRU_LANG", "ru")
    assert "Текст (пересказ) (id)" in run("facts", "--sector", "space", "--format", "table").out
    monkeypatch.setenv("KZRU_FORMAT", "xml")
    bad = run("sources")
    # KZRU_LANG=ru: the message is Russian (issue 17), the variable named as it is typed
    assert bad.code == 2 and bad.err.startswith("kzru: KZRU_FORMAT: формат: неизвестное "
                                                "значение 'xml'")
    monkeypatch.delenv("KZRU_LANG")
    bad = run("sources")
    assert bad.code == 2 and bad.err.startswith("kzru: KZRU_FORMAT: unknown format 'xml'")


def test_colour_modes() -> None:
    assert "\x1b[" in terminal("sources", env={"NO_COLOR": ""})  # empty NO_COLOR: colour stays
    assert "\x1b[" not in terminal("sources", env={"NO_COLOR": "1"})
    assert "\x1b[" not in terminal("sources", "--color", "never")
    assert "\x1b[" not in terminal("sources", "--no-color")
    piped = subprocess.run([*kzru_command(), "sources", "--format", "table", "--color",
                            "always"], capture_output=True, text=True)
    assert "\x1b[" in piped.stdout


# -- every example in every --help runs -----------------------------------------------------

def help_example_groups() -> dict[str, list[str]]:
    """Each --help's examples, in the order it shows them (kzru's own help as "kzru")."""
    from kzru import cli

    groups = {"kzru": [line.strip() for line in cli.EPILOG.splitlines()[2:]]}
    for module in dict.fromkeys(cli.COMMANDS.values()):
        groups[module] = list(importlib.import_module(f"kzru.commands.{module}").EXAMPLES)
    return groups


def help_examples() -> list[str]:
    return [line for lines in help_example_groups().values() for line in lines]


def test_every_help_example_runs(tmp_path: Path) -> None:
    """As a user who only pip-installed kzru would run them: each command's examples top to
    bottom in a new empty folder, nothing beside it (no ../shared/seeds), so an example may
    use only what an earlier example of the same help created, or the bundled data."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("KZRU_DATA", None)
    groups = help_example_groups()
    assert sum(map(len, groups.values())) > 30
    for name, examples in groups.items():
        scratch = tmp_path / name / "work"
        scratch.mkdir(parents=True)
        for example in examples:
            done = subprocess.run(["bash", "-o", "pipefail", "-c", example],
                                  capture_output=True, text=True, cwd=scratch, env=env)
            assert done.returncode == 0, f"kzru {name} --help: {example}: {done.stderr}"
            assert done.stdout.strip() or ">" in example, example
            assert "Traceback" not in done.stderr


def test_help_examples_are_shell_words() -> None:
    for example in help_examples():
        assert shlex.split(example)[0] == "kzru" or "kzru" in example


# -- a non-blocking stdout (red team r12 #3) -------------------------------------------------

def test_a_non_blocking_stdout_gets_the_whole_answer_and_its_flag_back() -> None:
    """A parent may hand kzru a pipe with O_NONBLOCK set; Python's writer would drop what the
    pipe cannot take at once and still exit 0. The answer is whole, and the flag (the
    parent's, on the shared open file) is as it was when kzru leaves."""
    import select
    import time

    whole = subprocess.run([*kzru_command(), "facts", "--format", "json"], capture_output=True,
                           check=True).stdout
    assert len(whole) > 3 * 65536, "the answer must be larger than a pipe holds"
    reading, writing = os.pipe()
    os.set_blocking(writing, False)
    child = subprocess.Popen([*kzru_command(), "facts", "--format", "json"], stdout=writing,
                             stderr=subprocess.PIPE)
    time.sleep(1.0)  # let the pipe fill while nobody reads: writes would fail with EAGAIN
    got = bytearray()
    while child.poll() is None:
        if select.select([reading], [], [], 0.1)[0]:
            got += os.read(reading, 1 << 16)
    assert os.get_blocking(writing) is False  # given back as it came
    os.close(writing)
    while chunk := os.read(reading, 1 << 16):
        got += chunk
    os.close(reading)
    assert child.returncode == 0 and child.stderr.read() == b""
    assert bytes(got) == whole
