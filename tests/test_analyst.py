"""Issue 17: filters that mean the same in every command, ids as people type them, each
command's own formats, completion, the pager's environment, and layouts at 60, 80 and 120
columns. Expected values come from the CSV files read here and from the rules."""

from __future__ import annotations

import json
import re

import pytest
from conftest import kzru_command, read_table, terminal

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = read_table(DATA, "facts")
EVENTS = read_table(DATA, "events")
SOURCES = read_table(DATA, "sources")
SECTORS = read_table(DATA, "sectors")
ACCEPTED = [f for f in FACTS if f["review"] == "accepted"]
WIDTHS = (60, 80, 120)


def ids(run, *args: str) -> list[str]:
    done = run(*args, "--format", "json")
    assert done.code in (0, 1), done.err
    return [row["id"] for row in json.loads(done.out or "[]")]


def plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r", "")


# -- 17.10: every repeatable filter repeats, OR within, AND across --------------------------

def test_visits_year_repeated_means_either_year(run) -> None:
    both = ids(run, "visits", "--year", "2024", "--year", "2025")
    expected = [e["id"] for e in sorted(EVENTS, key=lambda e: (e["start"], e["id"]))
                if e["review"] == "accepted" and (e["start"][:4] in ("2024", "2025")
                                                  or e["end"][:4] in ("2024", "2025"))]
    assert both == expected and len({e[:4] for e in both}) == 2


def test_visits_host_and_kind_repeat_too(run) -> None:
    kinds = ids(run, "visits", "--kind", "forum", "--kind", "summit", "--host", "kz",
                "--host", "ru")
    assert kinds and {e["kind"] for e in EVENTS if e["id"] in kinds} == {"forum", "summit"}


def test_facts_filters_or_within_and_across(run) -> None:
    got = set(ids(run, "facts", "--status", "signed", "--status", "agreed", "--year", "2025"))
    expected = {f["id"] for f in ACCEPTED if f["status"] in ("signed", "agreed")
                and f["date"][:4] == "2025"}
    assert got == expected and expected


def _in_sector(fact: dict, sector: str) -> bool:
    return sector in fact["sectors"].split("; ")


@pytest.mark.parametrize("args,keep", [
    (("--year", "2024", "--year", "2025", "--status", "agreed", "--status", "signed"),
     lambda f: f["date"][:4] in ("2024", "2025") and f["status"] in ("agreed", "signed")),
    (("--since", "2024-11-28", "--until", "2025"),
     lambda f: "2024-11-28" <= f["date"] <= "2025-12-31"),
    (("--source", "Kazinform", "--kind", "commitment"),
     lambda f: f["source"] == "a004" and f["kind"] == "commitment"),
    (("--event", "moscow-2025", "--event", "2024-11-state-visit-astana"),
     lambda f: f["event"] in ("2025-11-state-visit-moscow", "2024-11-state-visit-astana")),
    (("--speaker", "Акорда",), lambda f: f["speaker"] == "Akorda"),
    (("--sector", "transport", "--sector", "industry"),
     lambda f: _in_sector(f, "transport") or _in_sector(f, "industry")),
])
def test_sectors_sector_takes_the_fact_filters(run, args, keep) -> None:
    """kzru sectors SECTOR narrows the sector's facts with the filters facts takes: OR
    within one filter, AND across, and AND with the sector itself (issue 17.10-17.12)."""
    expected = {f["id"] for f in ACCEPTED if _in_sector(f, "energy") and keep(f)}
    assert expected, "the case must select something in the bundled table"
    got = ids(run, "sectors", "энергетика", *args)
    assert set(got) == expected and len(got) == len(expected)
    everything = {f["id"] for f in ACCEPTED if _in_sector(f, "energy")}
    assert expected < everything, "the filter narrowed nothing: the case proves nothing"


def test_sectors_filters_without_a_sector_are_refused(run) -> None:
    for args in (("--year", "2024"), ("--matrix", "--status", "signed")):
        done = run("sectors", *args)
        assert done.code == 2 and "kzru sectors SECTOR" in done.err and not done.out


def test_sectors_sector_with_nothing_left_is_exit_1(run) -> None:
    assert not any(_in_sector(f, "energy") and f["date"][:4] == "2023" for f in ACCEPTED)
    done = run("sectors", "energy", "--year", "2023", "--format", "json")
    assert done.code == 1


# -- 17.11: one sector resolver in both languages -------------------------------------------

@pytest.mark.parametrize("word,sector", [("энергетика", "energy"), ("транспорт", "transport"),
                                         ("образование", "education"),
                                         ("образования", "education"),
                                         ("Телекоммуникации", "telecom"), ("логистика",
                                                                           "transport")])
def test_russian_sector_words_work_in_sector_options(run, word: str, sector: str) -> None:
    by_word = set(ids(run, "facts", "--sector", word))
    by_id = set(ids(run, "facts", "--sector", sector))
    assert by_word == by_id and by_id
    assert run("sectors", word, "--format", "json").code == 0
    assert set(ids(run, "search", word, "--sector", word, "--limit", "0")) <= by_id


def test_a_word_naming_two_sectors_lists_them(run) -> None:
    shared = [alias for s in SECTORS for alias in s["aliases"].split("; ")
              if sum(alias in t["aliases"].split("; ") for t in SECTORS) > 1]
    assert shared, "the taxonomy has an alias in two sectors (финтех)"
    done = run("facts", "--sector", shared[0])
    owners = [s["id"] for s in SECTORS if shared[0] in s["aliases"].split("; ")]
    assert done.code == 2 and all(owner in done.err for owner in owners)


# -- 17.12: --since/--until at any precision, --source, --speaker, --place, sort ------------

@pytest.mark.parametrize("since,until,low,high", [
    ("2024", "2024", "2024-01-01", "2024-12-31"),
    ("2024-11", "2025-02", "2024-11-01", "2025-02-28"),
    ("2025-11-12", "2025-11-12", "2025-11-12", "2025-11-12")])
def test_since_and_until_at_any_precision(run, since, until, low, high) -> None:
    got = set(ids(run, "facts", "--since", since, "--until", until))
    assert got == {f["id"] for f in ACCEPTED if low <= f["date"] <= high}
    assert set(ids(run, "search", "визит", "--since", since, "--until", until,
                   "--limit", "0")) <= got


def test_a_bad_date_is_one_line_exit_2(run) -> None:
    done = run("facts", "--since", "2024-13")
    assert done.code == 2 and "--since '2024-13' is not a date" in done.err


def test_source_by_id_or_publisher(run) -> None:
    named = next(s for s in SOURCES if s["publisher"])
    expected = {f["id"] for f in ACCEPTED if f["source"] == named["id"]}
    assert set(ids(run, "facts", "--source", named["id"])) == expected
    assert set(ids(run, "facts", "--source", named["publisher"].upper())) == expected


def test_speaker_in_either_language(run) -> None:
    latin = set(ids(run, "facts", "--speaker", "Tokayev"))
    assert latin == {f["id"] for f in ACCEPTED if "Tokayev" in f["speaker"]} and latin
    assert set(ids(run, "facts", "--speaker", "Токаев")) == latin
    assert run("facts", "--speaker", "Nobody Atall").code == 2


def test_place_means_the_event_held_there_or_a_fact_naming_it(run) -> None:
    held = {e["id"] for e in EVENTS if "Москва" in e["places"].split("; ")}
    got = set(ids(run, "facts", "--place", "Москва"))
    assert {f["id"] for f in ACCEPTED if f["event"] in held} <= got
    assert all(f["event"] in held or "Москва" in f["names"] or "Moscow" in f["names"]
               for f in ACCEPTED if f["id"] in got)
    assert set(ids(run, "facts", "--place", "Moscow")) == got
    assert set(ids(run, "visits", "--place", "Москва")) == held


def test_sort_and_reverse(run) -> None:
    # (top-level only: in any order a package's parts follow the package)
    by_id = ids(run, "facts", "--sort", "id", "--year", "2022", "--top-level")
    assert by_id == sorted(by_id)
    assert ids(run, "facts", "--sort", "id", "--reverse", "--year", "2022",
               "--top-level") == by_id[::-1]
    oldest = ids(run, "facts", "--reverse", "--top-level", "--year", "2022")
    dates = {f["id"]: f["date"] for f in FACTS}
    assert [dates[i] for i in oldest] == sorted(dates[i] for i in oldest)
    ranked = ids(run, "search", "университет", "--sort", "date", "--limit", "0")
    assert [dates[i] for i in ranked] == sorted((dates[i] for i in ranked), reverse=True)


def test_facts_puts_a_packages_parts_right_after_it(run) -> None:
    listed = ids(run, "facts")
    parents = {f["id"]: f["part_of"] for f in ACCEPTED}
    for position, fact_id in enumerate(listed):
        parent = parents.get(fact_id)
        if parent and parent in listed:
            before = listed[listed.index(parent) + 1:position]
            assert all(parents.get(other) == parent or parents.get(parents.get(other, ""))
                       == parent for other in before), (fact_id, before)


def test_timeline_takes_filters_and_a_limit(run) -> None:
    all_hits = ids(run, "timeline", "университет")
    limited = ids(run, "timeline", "университет", "--limit", "3")
    assert len(limited) == 3 < len(all_hits) and set(limited) <= set(all_hits)
    signed = ids(run, "timeline", "университет", "--status", "signed")
    status = {f["id"]: f["status"] for f in FACTS}
    assert signed and all(status[i] == "signed" for i in signed)


# -- 17.5: ids as people type them -----------------------------------------------------------

def test_shorter_event_ids_any_case(run) -> None:
    moscow = [e["id"] for e in EVENTS if "moscow" in e["id"] and e["id"][:4] == "2025"]
    assert len(moscow) == 1
    for typed in ("moscow-2025", "2025-11-state-visit", moscow[0].upper()):
        assert ids(run, "show", typed) == moscow
        assert run("brief", typed, "--format", "json").code == 0
    done = run("brief", "2025")
    matching = [e["id"] for e in EVENTS if "2025" in e["id"]]
    assert done.code == 2 and all(e in done.err for e in matching) and len(matching) > 1
    assert set(ids(run, "facts", "--event", "moscow-2025")) == \
        {f["id"] for f in ACCEPTED if f["event"] == moscow[0]}


def test_fact_ids_any_case(run) -> None:
    fact = ACCEPTED[0]["id"]
    assert ids(run, "show", fact.upper()) == [fact]


# -- 17.14: did you mean, only when close -----------------------------------------------------

def test_did_you_mean_only_when_close(run) -> None:
    far = run("show", "nope-id")
    assert far.code == 2 and "did you mean" not in far.err
    fact = ACCEPTED[5]["id"]
    typo = fact[:-2] + fact[-1] + fact[-2]  # two letters swapped
    near = run("show", typo)
    assert near.code == 2 and f"did you mean '{fact}'" in near.err


# -- 17.13: each command's own formats --------------------------------------------------------

def test_help_lists_each_commands_own_formats(run) -> None:
    def formats(command: str) -> str:
        text = run(command, "--help").out
        found = re.search(r"--format\s+\[([a-z|]+)\]", text)
        return found.group(1) if found else ""

    assert formats("cite") == "text|md|json|jsonl|bibtex"
    assert formats("brief") == "table|md|json"
    assert formats("facts") == "table|json|jsonl|csv|tsv|md"
    assert "--format" not in run("export", "--help").out
    assert "--format" not in run("check", "--help").out


def test_an_environment_default_a_command_cannot_print_is_ignored(run, monkeypatch) -> None:
    monkeypatch.setenv("KZRU_FORMAT", "tsv")
    brief = run("brief", "2024-11-csto-council")
    assert brief.code == 0 and brief.out.startswith("# ")  # its own default in a pipe: md
    cite = run("cite", "2024-11-csto-council")
    assert cite.code == 0 and "«" in cite.out and "\t" not in cite.out
    assert "\t" in run("facts", "--limit", "1").out  # listings still take it
    monkeypatch.setenv("KZRU_FORMAT", "bibtex")
    assert run("cite", "2024-11-csto-council").out.startswith("@")
    assert "\t" in run("facts", "--limit", "1").out  # facts cannot print bibtex: its default
    assert run("cite", "2024-11-csto-council", "--format", "text").code == 0


def test_a_format_given_that_the_command_cannot_print_is_an_error(run) -> None:
    done = run("cite", "2024-11-csto-council", "--format", "csv")
    assert done.code == 2 and "text, md, json, jsonl, bibtex" in done.err


# -- 17.5: completion on every command that takes an event or a fact --------------------------

def _complete(words: str, monkeypatch, capsys) -> list[str]:
    import os
    import subprocess

    env = {**os.environ, "_KZRU_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    done = subprocess.run([*kzru_command()], capture_output=True, text=True, env=env)
    return done.stdout.split()


@pytest.mark.parametrize("words", ["kzru brief 2025-11-st", "kzru timeline 2025-11-st",
                                   "kzru facts --event 2025-11-st", "kzru cite 2025-11-st",
                                   "kzru show 2025-11-st", "kzru search 2025-11-st"])
def test_event_ids_complete(words: str, monkeypatch, capsys) -> None:
    offered = _complete(words, monkeypatch, capsys)
    assert "2025-11-state-visit-moscow" in offered, offered


# -- 17.4: the pager's environment --------------------------------------------------------------

def test_pager_environment_defaults() -> None:
    from kzru.pager import environment

    env = environment({})
    assert env["LESS"] == "FRX" and env["LV"] == "-c"
    env = environment({"LESS": "", "LV": "-Ou8"})
    assert env["LESS"] == "" and env["LV"] == "-Ou8"


# -- 17.8: layouts at 60, 80 and 120 columns ------------------------------------------------

@pytest.mark.parametrize("columns", WIDTHS)
def test_cite_fits_the_width_without_breaking_a_word(run, columns: int) -> None:
    event = "2025-11-state-visit-moscow"
    shown = plain(terminal("cite", event, columns=columns))
    piped = run("cite", event).out
    lines = shown.splitlines()
    assert all(len(line) <= columns or " " not in line.strip() for line in lines)
    assert shown.split() == piped.split()  # the same words: none broken, none lost


@pytest.mark.parametrize("columns", WIDTHS)
def test_visits_header_is_never_cut(columns: int) -> None:
    shown = plain(terminal("visits", "--no-color", "--no-pager", columns=columns))
    head = " ".join(shown.split("─")[0].split())
    if "Kind," in head:
        assert "host" in head  # "Kind, guest → host", wrapped where narrow, never cut


@pytest.mark.parametrize("columns", WIDTHS)
def test_sector_names_do_not_break_mid_word(columns: int) -> None:
    shown = plain(terminal("sectors", "--no-color", "--no-pager", columns=columns))
    if "Sector" in shown.splitlines()[0]:
        assert "Telecommunications" in shown.split()


@pytest.mark.parametrize("columns", WIDTHS)
def test_matrix_legend_first_and_totals(run, columns: int) -> None:
    shown = plain(terminal("sectors", "--matrix", "--no-color", "--no-pager", columns=columns,
                           lines=24))
    lines = shown.splitlines()
    numbered = lines[0].split()[:2] == ["#", "Event"]
    if columns >= 120:
        assert not numbered  # short names fit: no legend needed
    if numbered:  # the legend is on the first screen, before the matrix
        assert len(EVENTS) + 2 < 24
    matrix = json.loads(run("sectors", "--matrix", "--format", "json").out)
    total_row = next(line for line in lines if line.startswith("Total"))
    grand = sum(row["total"] for row in matrix)
    assert total_row.split()[-1] == str(grand)
    for row in matrix:
        assert row["total"] == sum(v for k, v in row.items() if k not in ("sector", "total"))


# -- 17.15: the Russian paraphrase says so ---------------------------------------------------

@pytest.mark.parametrize("command", [("facts", "--limit", "3"), ("search", "атом"),
                                     ("sectors", "space")])
def test_lang_ru_tables_label_the_paraphrase(run, command) -> None:
    shown = run(*command, "--lang", "ru", "--format", "table").out
    assert "пересказ" in shown and "Summary" not in shown


# -- 17.16: a skipped seeds test says what would run and how to provide the articles --------

def test_seeds_skip_reason_names_the_check_and_the_way_to_run_it() -> None:
    from conftest import needs_seeds

    reason = needs_seeds.kwargs["reason"]
    assert "evidence excerpt" in reason and "KZRU_SEEDS" in reason
