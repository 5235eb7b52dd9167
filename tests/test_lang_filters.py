"""What a Russian table shows can be typed back (issue 17's leftovers, point 2), and track's
status column can be filtered as it reads (point 4).

A status shown as «подписано», a kind as «документ», an event kind as «рабочий визит»: each
is accepted wherever the English value is, in any case and with ё or е, and a value that
names nothing is a usage error listing the accepted values in the reader's language.
"""

from __future__ import annotations

import json

import pytest

from kzru import query
from kzru.commands.track import STATUSES as TRACK_STATUSES
from kzru.follow import COMMENTATOR, STATE
from kzru.labels import LABELS

# Every command with the filter, with what it needs to list facts (a query, a sector).
STATUS_COMMANDS = [("facts",), ("search", "соглашение"), ("timeline", "университет"),
                   ("sectors", "education"), ("track",)]
KIND_COMMANDS = [("facts",), ("search", "соглашение"), ("timeline", "университет"),
                 ("sectors", "education")]
SORT_COMMANDS = [("facts",), ("search", "газ"), ("visits",)]


def russian(key: str) -> str:
    return LABELS[key][1]


def listed(run, *args: str) -> tuple[int, list]:
    """Exit code and records (JSON) of a run: the same records mean the same filter."""
    done = run(*args, "--format", "json")
    assert done.code in (0, 1), done.err
    return done.code, json.loads(done.out) if done.out.strip() else []


def variants(word: str) -> list[str]:
    """The word as a table shows it, in capitals, and with ё written е (or е as ё)."""
    found = [word, word.upper(), word.capitalize()]
    if "ё" in word:
        found.append(word.replace("ё", "е"))
    return found


# track follows only some statuses (its --status lists them): each command with its own
STATUS_PAIRS = [(command, status) for command in STATUS_COMMANDS for status in query.STATUSES
                if command[0] != "track" or status in TRACK_STATUSES]


@pytest.mark.parametrize("command,status", STATUS_PAIRS,
                         ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_a_status_shown_in_russian_filters_as_the_english_one(run, command, status) -> None:
    wanted = listed(run, *command, "--status", status)
    for word in variants(russian(f"brief.status.{status}")):
        assert listed(run, *command, "--status", word) == wanted, word


def test_the_russian_status_filter_finds_what_the_russian_table_shows(run) -> None:
    """Round trip at a terminal: every status word of a --lang ru table, typed back, lists
    exactly the facts shown with that word."""
    facts = listed(run, "facts")[1]
    for status in query.STATUSES:
        expected = {fact["id"] for fact in facts if fact["status"] == status}
        found = {fact["id"] for fact in listed(run, "--lang", "ru", "facts", "--status",
                                                russian(f"brief.status.{status}"))[1]}
        assert found == expected and found, status


@pytest.mark.parametrize("command", KIND_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("kind", query.FACT_KINDS)
def test_a_fact_kind_in_russian_filters_as_the_english_one(run, command, kind) -> None:
    wanted = listed(run, *command, "--kind", kind)
    for word in [*variants(russian(f"kind.{kind}")), russian(f"kinds.{kind}")]:
        assert listed(run, *command, "--kind", word) == wanted, word


@pytest.mark.parametrize("kind", query.EVENT_KINDS)
def test_an_event_kind_in_russian_filters_visits(run, kind) -> None:
    code, wanted = listed(run, "visits", "--kind", kind)
    for word in [*variants(russian(f"event_kind.{kind}")), kind.upper(),
                 kind.replace("-", " ")]:
        assert listed(run, "visits", "--kind", word) == (code, wanted), word


def test_hosts_are_taken_in_capitals_as_the_table_shows_them(run) -> None:
    for host in query.COUNTRIES:
        wanted = listed(run, "visits", "--host", host)
        assert wanted[1] and all(event["host"] == host for event in wanted[1])
        assert listed(run, "visits", "--host", host.upper()) == wanted


def test_track_voices_and_roles_in_russian(run) -> None:
    for voice in (STATE, COMMENTATOR):
        wanted = listed(run, "track", "--by", voice)
        assert wanted[1] and listed(run, "track", "--by", russian(f"voice.{voice}")) == wanted
    # the words track's blocks show: «мнение комментатора»
    assert listed(run, "track", "--by", russian("track.commentator")) == \
        listed(run, "track", "--by", COMMENTATOR)
    for role in ("commitment", "view", "document", "discussed", "project"):
        wanted = listed(run, "track", "--role", role)
        assert wanted[1] and all(item["role"] == role for item in wanted[1])
        assert listed(run, "track", "--role", russian(f"role.{role}")) == wanted


@pytest.mark.parametrize("command", SORT_COMMANDS, ids=" ".join)
def test_sort_orders_in_russian(run, command) -> None:
    for order in ("date", "id"):
        wanted = listed(run, *command, "--sort", order, "--reverse")
        assert listed(run, *command, "--sort", russian(f"order.{order}"), "--reverse") == wanted


def test_russian_sector_names_as_a_table_shows_them_and_their_variants(run) -> None:
    wanted = listed(run, "facts", "--sector", "culture")
    shown = "Культурно-гуманитарная сфера (включая русский язык)"  # kzru sectors --lang ru
    for word in (shown, shown.upper(), "культурно-гуманитарная сфера"):
        assert listed(run, "facts", "--sector", word) == wanted, word
    assert listed(run, "visits", "--sector", "КОСМОС") == listed(run, "visits", "--sector",
                                                                 "space")


# -- a value that names nothing: the accepted values, in the reader's language ---------------

CHOICES = [
    (("facts", "--status", "nope"), [f"brief.status.{s}" for s in query.STATUSES],
     query.STATUSES),
    (("facts", "--kind", "nope"), [f"kind.{k}" for k in query.FACT_KINDS], query.FACT_KINDS),
    (("visits", "--kind", "nope"), [f"event_kind.{k}" for k in query.EVENT_KINDS],
     query.EVENT_KINDS),
    (("track", "--by", "nope"), ["voice.state", "voice.commentator"], ("state", "commentator")),
    (("track", "--role", "nope"), [f"role.{r}" for r in ("commitment", "view", "document",
                                                         "discussed", "project")],
     ("commitment", "view", "document", "discussed", "project")),
    (("track", "--status", "nope"), [f"brief.status.{s}" for s in (
        "agreed", "planned", "expected", "proposed", "ongoing", "signed", "reported")]
     + ["track.discussed"], ("agreed", "planned", "expected", "proposed", "ongoing", "signed",
                             "reported", "discussed")),
]


@pytest.mark.parametrize("args,keys,values", CHOICES, ids=lambda v: " ".join(v)
                         if isinstance(v, tuple) and v and v[0] in ("facts", "visits", "track")
                         else "")
def test_a_wrong_value_lists_the_accepted_ones_in_the_readers_language(run, args, keys,
                                                                       values) -> None:
    english = run(*args)
    assert english.code == 2
    assert english.err.strip().endswith("choose from: " + ", ".join(values)), english.err
    said = run("--lang", "ru", *args)
    assert said.code == 2 and len(said.err.splitlines()) == 1
    assert said.err.strip().endswith("допустимо: " + ", ".join(russian(k) for k in keys)), \
        said.err


def test_a_wrong_sector_lists_the_sectors_as_a_russian_table_names_them(run) -> None:
    from conftest import read_table

    from kzru.store import bundled_data_dir

    names = [row["name_ru"].split(" (")[0] for row in read_table(bundled_data_dir(), "sectors")]
    said = run("--lang", "ru", "facts", "--sector", "nope")
    assert said.code == 2
    assert said.err.strip().endswith("допустимо: " + ", ".join(names)), said.err
    english = run("facts", "--sector", "nope")
    assert english.err.strip().endswith(", ".join(row["id"] for row in read_table(
        bundled_data_dir(), "sectors"))), english.err


def test_a_close_russian_word_is_suggested(run) -> None:
    said = run("--lang", "ru", "visits", "--kind", "саммат")
    assert said.code == 2 and "(может быть, 'саммит'?)" in said.err, said.err


# -- track --status discussed (point 4) --------------------------------------------------------

def test_track_status_discussed_lists_what_the_status_column_shows_as_discussed(run) -> None:
    """A discussed item's status is reported and its role discussed; track's status column
    shows it as "discussed", so --status discussed lists exactly those."""
    from conftest import terminal

    everything = listed(run, "track")[1]
    expected = [item["id"] for item in everything if item["role"] == "discussed"]
    assert expected and all(item["status"] == "reported" for item in everything
                            if item["role"] == "discussed")
    found = listed(run, "track", "--status", "discussed")[1]
    assert [item["id"] for item in found] == expected
    # the Russian word the column shows, typed back
    assert listed(run, "track", "--status", russian("track.discussed"))[1] == found
    # and the table shows each of them as discussed
    page = terminal("track", "--status", "discussed", "--no-color", columns=120)
    heads = [line for line in page.splitlines() if line[:4].isdigit()]
    assert len(heads) == len(expected) and all("  discussed  " in line for line in heads)


def test_track_status_filters_are_alternatives_and_reported_takes_the_discussed(run) -> None:
    everything = listed(run, "track")[1]
    both = listed(run, "track", "--status", "discussed", "--status", "signed")[1]
    assert [item["id"] for item in both] == [
        item["id"] for item in everything
        if item["role"] == "discussed" or item["status"] == "signed"]
    reported = listed(run, "track", "--status", "reported")[1]
    assert {item["id"] for item in reported} == {
        item["id"] for item in everything if item["status"] == "reported"}
    assert {item["role"] for item in reported} == {"discussed", "project"}
    # --status and --role must both hold
    assert listed(run, "track", "--status", "reported", "--role", "project")[1] == [
        item for item in reported if item["role"] == "project"]


def test_track_help_documents_status_discussed_with_an_example(run) -> None:
    page = " ".join(run("track", "--help").out.split())
    assert "discussed (what a meeting discussed)" in page
    assert "kzru track --status discussed" in page.split("Examples:")[1]


def test_a_language_in_capitals_is_that_language_everywhere(run, monkeypatch) -> None:
    """--lang RU is ru for the messages as for the tables (a choice is read in any case)."""
    said = run("--lang", "RU", "facts", "--status", "nope")
    assert said.code == 2 and "статус: неизвестное значение 'nope'" in said.err
    assert run("--lang", "RU", "--format", "table", "facts", "--limit", "1").out.startswith(
        "Дата")
    monkeypatch.setenv("KZRU_LANG", "Ru")
    assert "статус: неизвестное значение" in run("facts", "--status", "nope").err
