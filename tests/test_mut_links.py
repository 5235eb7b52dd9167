"""The checks across rows (kzru.links), one rule at a time, on a copy of the bundled table
changed here so that exactly one rule is broken: every reference names a row that exists (with
a "did you mean" hint for the first few), an id is not also an event's, a part comes from its
parent's source, a fact follows only earlier facts, neither links forms a cycle, same_as joins
other sources both ways, and an accepted row leans on no draft. Each problem is placed at
file:line:column; the expected places are worked out from the rows written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import add_facts, read_table, write_table
from conftest import load_problems as problems

from kzru.errors import PER_KIND, DataError
from kzru.links import _Hints, on_cycles
from kzru.store import bundled_data_dir, load

FACTS = read_table(bundled_data_dir(), "facts")
HEADER = list(FACTS[0])
TEMPLATE = next(row["id"] for row in FACTS if not row["event"] and not row["part_of"])


def place(folder: Path, line: int, column: str, table: str = "facts") -> str:
    header = list(read_table(folder, table)[0])
    return f"{folder / f'{table}.csv'}:{line}:{header.index(column) + 1}"


def added(folder: Path, *changes: dict[str, str]) -> list[int]:
    """Append facts made from one template (outside any event, no links); their lines."""
    add_facts(folder, *changes, template=TEMPLATE)
    first = len(FACTS) + 2
    return list(range(first, first + len(changes)))


def other_source(source: str) -> str:
    return next(row["source"] for row in FACTS if row["source"] != source)


SOURCE = next(row["source"] for row in FACTS if row["id"] == TEMPLATE)


# --- cycles: the pure walk ----------------------------------------------------------------------

@pytest.mark.parametrize(("links", "looping"), [
    ({}, set()),
    ({"a": ("b",), "b": ("c",)}, set()),                        # a chain
    ({"a": ("a",)}, {"a"}),                                      # a fact naming itself
    ({"a": ("b",), "b": ("a",)}, {"a", "b"}),
    ({"t": ("a",), "a": ("b",), "b": ("c",), "c": ("a",)}, {"a", "b", "c"}),  # a tail in
    ({"a": ("b",), "b": ("a",), "c": ("d",), "d": ("c",), "e": ("a", "c")},
     {"a", "b", "c", "d"}),                                      # two cycles, one node to both
    ({"a": ("missing", "b"), "b": ("a",)}, {"a", "b"}),          # a link out of the table
    ({"a": ("b", "c"), "b": ("d",), "c": ("d",), "d": ()}, set()),  # a diamond is no cycle
    ({"x": ("y",), "y": ("z",), "z": ("y", "w"), "w": ()}, {"y", "z"}),
    ({"d": ("a",), "a": ("b",), "b": ("c",), "c": ("b", "a")}, {"a", "b", "c"}),
])
def test_on_cycles_finds_exactly_the_nodes_on_a_cycle(links: dict, looping: set) -> None:
    assert on_cycles(links) == looping


def test_a_long_chain_is_walked_without_recursion() -> None:
    chain = {f"n{i}": (f"n{i + 1}",) for i in range(50_000)}
    assert on_cycles(chain) == set()
    chain["n50000"] = ("n0",)
    assert len(on_cycles(chain)) == 50_001


# --- "did you mean" -----------------------------------------------------------------------------

def test_hints_find_an_id_written_with_capitals_lookalikes_or_invisible_characters() -> None:
    hints = _Hints({"a001-visit", "a002-treaty"})
    assert hints.hint("A001-Visit", fuzzy=False) == " (did you mean 'a001-visit'?)"
    assert hints.hint("а001-visit", fuzzy=False) == " (did you mean 'a001-visit'?)"  # Cyrillic а
    assert hints.hint("a001-vis\u200bit", fuzzy=False) == " (did you mean 'a001-visit'?)"
    assert hints.hint("a001-visits", fuzzy=False) == ""
    assert hints.hint("a001-visits", fuzzy=True) == " (did you mean 'a001-visit'?)"
    assert hints.hint("zzzz", fuzzy=True) == ""


def test_folding_keeps_only_letters_and_digits_in_latin() -> None:
    assert _Hints.fold("А-Е-О-Р-С-У-Х-К-М-Т-В-Н-І-З-Ј") == "aeopcyxkmtbhizj"
    assert _Hints.fold("Ａ００１") == "a001"  # full-width letters fold to plain ones


def test_a_typo_is_compared_with_the_ids_that_sort_near_it_both_ways() -> None:
    many = {f"fact-{n:05d}" for n in range(1000)}
    hints = _Hints(many | {"zz-unrelated-end"})
    near = hints.nearby("fact-00500x")
    assert "fact-00500" in near and len(near) <= 4 * 64
    # read backwards, the end of an id places it: a typo at its start still finds it
    assert "zz-unrelated-end" in hints.nearby("qz-unrelated-end")


def test_a_typo_at_the_start_of_an_id_is_found_by_reading_the_ids_backwards() -> None:
    # forwards, "zqqq-…" sorts among the z ids, far from the id it means; read backwards it
    # sorts next to it (both end "-target-ending")
    ids = {f"b{n:03d}-x" for n in range(1000)} | {f"z{n:03d}-y" for n in range(1000)}
    hints = _Hints(ids | {"qqqq-target-ending"})
    assert "qqqq-target-ending" in hints.nearby("zqqq-target-ending")
    assert hints.hint("zqqq-target-ending", fuzzy=True) == \
        " (did you mean 'qqqq-target-ending'?)"


# --- references ---------------------------------------------------------------------------------

def test_an_unknown_reference_is_placed_and_hinted(data_copy: Path) -> None:
    event = read_table(data_copy, "events")[0]["id"]
    line, = added(data_copy, {"id": "new-fact", "event": event.upper()})
    found = problems(data_copy)
    assert found == [f"{place(data_copy, line, 'event')}: event {event.upper()!r} is not an id "
                     f"in events.csv (did you mean {event!r}?)"]


def test_a_list_reference_names_each_unknown_item(data_copy: Path) -> None:
    earlier = FACTS[0]["id"]
    line, = added(data_copy, {"id": "new-fact", "follows": f"{earlier}; qq",
                              "date": "2099-01-01"})
    found = problems(data_copy)
    assert found == [f"{place(data_copy, line, 'follows')}: follows 'qq' is not an id in "
                     "facts.csv"]


def test_only_the_first_few_unknown_references_get_a_fuzzy_hint(data_copy: Path) -> None:
    event = read_table(data_copy, "events")[0]["id"]
    typo = event[:-1] + "x"
    lines = added(data_copy, *({"id": f"new-{n}", "event": typo} for n in range(PER_KIND + 2)))
    found = problems(data_copy)
    assert len(found) == PER_KIND + 2
    hinted = [p for p in found if "did you mean" in p]
    assert [p.split(":")[1] for p in hinted] == [str(n) for n in lines[:PER_KIND]]


# --- rules across rows ----------------------------------------------------------------------------

def test_a_fact_id_that_is_also_an_event_id_is_refused(data_copy: Path) -> None:
    event = read_table(data_copy, "events")[0]["id"]
    line, = added(data_copy, {"id": event})
    assert problems(data_copy) == [f"{place(data_copy, line, 'id')}: id {event!r} is also an "
                                   "event id (kzru show could not tell them apart)"]


def test_a_part_comes_from_its_parents_source(data_copy: Path) -> None:
    other = other_source(SOURCE)
    line, = added(data_copy, {"id": "stray-part", "part_of": TEMPLATE, "source": other})
    assert problems(data_copy) == [
        f"{place(data_copy, line, 'part_of')}: part_of {TEMPLATE!r} is from source {SOURCE}, "
        f"this fact from {other}"]


def test_a_part_from_its_parents_source_passes(data_copy: Path) -> None:
    added(data_copy, {"id": "good-part", "part_of": TEMPLATE})
    assert problems(data_copy) == []


def test_a_fact_follows_only_facts_no_later_than_itself(data_copy: Path) -> None:
    row = next(row for row in FACTS if row["id"] == TEMPLATE)
    day = row["date"]
    # the earlier fact's date as it is known: 2022-02 for a month, 2022 for a year
    shown = day[:{"day": 10, "month": 7, "year": 4}[row["date_precision"]]]
    # the same day is no later: only the fact dated before what it follows is refused
    line, _ = added(data_copy,
                    {"id": "too-early", "date": "1999-01-01", "date_precision": "day",
                     "follows": TEMPLATE},
                    {"id": "same-day", "date": day, "date_precision": "day", "follows": TEMPLATE})
    assert problems(data_copy) == [
        f"{place(data_copy, line, 'follows')}: follows {TEMPLATE!r}, dated {shown}, later "
        "than this fact (1999-01-01)"]


@pytest.mark.parametrize("field", ["part_of", "follows"])
def test_a_cycle_is_reported_on_every_fact_on_it_and_no_other(data_copy: Path,
                                                               field: str) -> None:
    lines = added(data_copy, {"id": "loop-a", field: "loop-b"}, {"id": "loop-b", field: "loop-a"},
                  {"id": "into-loop", field: "loop-a"})
    found = [p for p in problems(data_copy) if "cycle" in p]
    assert found == [f"{place(data_copy, line, field)}: {field} of {fact_id!r} leads back to "
                     "itself (a cycle)" for line, fact_id in zip(lines, ("loop-a", "loop-b"))]


# --- same_as --------------------------------------------------------------------------------------

def test_same_as_goes_both_ways_between_other_sources(data_copy: Path) -> None:
    other = other_source(SOURCE)
    both = added(data_copy, {"id": "here", "same_as": "there"},
                 {"id": "there", "source": other, "same_as": "here"})
    assert problems(data_copy) == []
    write_table(data_copy, "facts", [*read_table(data_copy, "facts")[:-2]])
    one_way = added(data_copy, {"id": "here", "same_as": "there"},
                    {"id": "there", "source": other})
    assert problems(data_copy) == [
        f"{place(data_copy, one_way[0], 'same_as')}: same_as 'there' does not name 'here' back "
        "(same_as goes both ways: add it to that fact's same_as)"]
    assert both == one_way


def test_same_as_names_neither_the_fact_itself_nor_its_own_source(data_copy: Path) -> None:
    itself, same = added(data_copy, {"id": "self-same", "same_as": "self-same"},
                         {"id": "same-source", "same_as": TEMPLATE})
    found = [p for p in problems(data_copy) if "same_as" in p]
    assert found == [
        f"{place(data_copy, itself, 'same_as')}: same_as names the fact itself",
        f"{place(data_copy, same, 'same_as')}: same_as {TEMPLATE!r} is from the same source "
        f"{SOURCE}: same_as joins reports of different sources"]


def test_an_unknown_same_as_item_does_not_hide_the_next_ones(data_copy: Path) -> None:
    line, = added(data_copy, {"id": "mixed", "same_as": f"qq; {TEMPLATE}"})
    assert problems(data_copy) == [
        f"{place(data_copy, line, 'same_as')}: same_as 'qq' is not an id in facts.csv",
        f"{place(data_copy, line, 'same_as')}: same_as {TEMPLATE!r} is from the same source "
        f"{SOURCE}: same_as joins reports of different sources"]


@pytest.mark.parametrize("draft", ["here", "there"])
def test_a_drafts_same_as_is_a_proposal_that_need_not_be_named_back(data_copy: Path,
                                                                     draft: str) -> None:
    other = other_source(SOURCE)
    rows = [{"id": "here", "same_as": "there"}, {"id": "there", "source": other}]
    # an accepted row may not name a draft: only the draft names the other here
    if draft == "there":
        rows = [{"id": "here"}, {"id": "there", "source": other, "same_as": "here"}]
    for row in rows:
        row["review"] = "draft" if row["id"] == draft else "accepted"
    added(data_copy, *rows)
    assert problems(data_copy) == []


# --- drafts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["part_of", "follows", "same_as"])
def test_an_accepted_fact_may_not_lean_on_a_draft_fact(data_copy: Path, field: str) -> None:
    other = other_source(SOURCE) if field == "same_as" else SOURCE
    change = {"id": "leaning", field: "drafted", "source": other}
    draft = {"id": "drafted", "review": "draft", "date": "1999-01-01", "date_precision": "day"}
    if field == "same_as":
        draft["same_as"] = "leaning"
    _, line = added(data_copy, draft, change)
    assert problems(data_copy) == [
        f"{place(data_copy, line, field)}: accepted row 'leaning' refers to draft 'drafted' in "
        "facts.csv (accept it first, or remove the reference)"]


def test_a_draft_may_lean_on_a_draft(data_copy: Path) -> None:
    added(data_copy, {"id": "drafted", "review": "draft", "date": "1999-01-01",
                      "date_precision": "day"},
          {"id": "leaning", "follows": "drafted", "review": "draft"})
    assert problems(data_copy) == []


def test_an_accepted_fact_or_event_may_not_name_a_draft_event_or_source(data_copy: Path) -> None:
    sources = read_table(data_copy, "sources")
    events = read_table(data_copy, "events")
    write_table(data_copy, "sources", [*sources, {**sources[0], "id": "a999",
                                                  "file": "999_draft.txt", "review": "draft"}])
    write_table(data_copy, "events", [
        *events, {**events[0], "id": "2030-01-draft-visit", "review": "draft"},
        {**events[0], "id": "2030-02-accepted-visit", "sources": "a999"}])
    event_line = len(events) + 3
    lines = added(data_copy, {"id": "in-draft-event", "event": "2030-01-draft-visit"},
                  {"id": "from-draft-source", "source": "a999"})
    assert problems(data_copy) == [
        f"{place(data_copy, event_line, 'sources', 'events')}: accepted row "
        "'2030-02-accepted-visit' refers to draft 'a999' in sources.csv (accept it first, or "
        "remove the reference)",
        f"{place(data_copy, lines[0], 'event')}: accepted row 'in-draft-event' refers to draft "
        "'2030-01-draft-visit' in events.csv (accept it first, or remove the reference)",
        f"{place(data_copy, lines[1], 'source')}: accepted row 'from-draft-source' refers to "
        "draft 'a999' in sources.csv (accept it first, or remove the reference)"]


# --- many problems of one rule --------------------------------------------------------------------

def test_each_rule_across_rows_is_one_kind_shown_a_few_times_then_counted(data_copy: Path
                                                                          ) -> None:
    """Past PER_KIND problems of a kind, the report shows the first PER_KIND and a line
    naming the kind and how many more; the three same_as rules are one kind."""
    other = next(row for row in FACTS if row["source"] != SOURCE and not row["part_of"])
    many = PER_KIND + 1
    events = read_table(data_copy, "events")
    write_table(data_copy, "events", [*events, *({**events[0], "id": f"2030-01-clash{n}"}
                                                 for n in range(many))])
    added(data_copy,
          *({"id": f"2030-01-clash{n}"} for n in range(many)),
          *({"id": f"ring-{n}", "part_of": f"ring-{(n + 1) % many}"} for n in range(many)),
          *({"id": f"self-{n}", "same_as": f"self-{n}"} for n in range(many)),
          *({"id": f"same-{n}", "same_as": TEMPLATE} for n in range(many)),
          *({"id": f"oneway-{n}", "same_as": other["id"], "date": "2099-01-01"}
            for n in range(many)),
          {"id": "drafted", "review": "draft", "date": "1999-01-01", "date_precision": "day"},
          *({"id": f"lean-{n}", "follows": "drafted"} for n in range(many)))
    with pytest.raises(DataError) as raised:
        load(data_copy)
    report = list(raised.value.problems)
    counted = [line for line in report if line.startswith("… and ")]
    assert counted == [
        f"… and {n} more of this kind ({kind}); kzru check --all-problems lists every one"
        for n, kind in ((1, "facts.csv id: event ids"), (1, "facts.csv part_of: cycles"),
                        (3 * many - PER_KIND, "facts.csv same_as: rules"),
                        (1, "facts.csv follows: refers to a draft"))]
    assert len(report) == 4 * PER_KIND + len(counted)


# --- ids shared across tables, and their kinds -------------------------------------------------

def test_a_fact_id_that_is_also_a_source_id_is_refused(data_copy: Path) -> None:
    line, = added(data_copy, {"id": SOURCE})
    assert problems(data_copy) == [f"{place(data_copy, line, 'id')}: id {SOURCE!r} is also a "
                                   "source id (kzru cite takes any id and could not tell them "
                                   "apart)"]


def test_a_source_id_that_is_also_an_event_id_is_refused(data_copy: Path) -> None:
    events, sources = read_table(data_copy, "events"), read_table(data_copy, "sources")
    write_table(data_copy, "sources", [*sources, {**sources[-1], "id": events[0]["id"],
                                                  "file": "clash.txt"}])
    line = len(sources) + 2
    assert problems(data_copy) == [
        f"{place(data_copy, line, 'id', 'sources')}: id {events[0]['id']!r} is also an event id "
        "(kzru cite takes any id and could not tell them apart)"]


def test_a_long_unknown_reference_is_echoed_cut_to_a_hundred_characters(data_copy: Path) -> None:
    """A message never echoes a whole bad cell: at most 100 characters, the last one "…"."""
    value = "q" * 150
    line, = added(data_copy, {"id": "new-fact", "event": value})
    assert problems(data_copy) == [f"{place(data_copy, line, 'event')}: event "
                                   f"{'q' * 99 + '…'!r} is not an id in events.csv"]


def test_shared_ids_and_later_follows_are_each_one_kind_shown_a_few_times_then_counted(
        data_copy: Path) -> None:
    """PER_KIND + 1 facts whose id is a source's, sources whose id is an event's, and facts
    following a later fact: each rule's first PER_KIND problems, then one line counting the
    one more, under the rule's own kind."""
    many = PER_KIND + 1
    events, sources = read_table(data_copy, "events"), read_table(data_copy, "sources")
    write_table(data_copy, "events", [*events, *({**events[0], "id": f"2030-01-clash{n}"}
                                                 for n in range(many))])
    write_table(data_copy, "sources", [
        *sources, *({**sources[-1], "id": f"2030-01-clash{n}", "file": f"clash{n}.txt"}
                    for n in range(many)),
        *({**sources[-1], "id": f"src{n}", "file": f"src{n}.txt"} for n in range(many))])
    added(data_copy, *({"id": f"src{n}"} for n in range(many)),
          {"id": "future", "date": "2099-01-01", "date_precision": "day"},
          *({"id": f"early-{n}", "follows": "future", "date": "1999-01-01",
             "date_precision": "day"} for n in range(many)))
    with pytest.raises(DataError) as raised:
        load(data_copy)
    report = list(raised.value.problems)
    assert [line for line in report if line.startswith("… and ")] == [
        f"… and 1 more of this kind ({kind}); kzru check --all-problems lists every one"
        for kind in ("facts.csv id: source ids", "sources.csv id: event ids",
                     "facts.csv follows: later facts")]
