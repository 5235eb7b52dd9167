"""The store's answers (kzru.db) by the rules its docstrings state, each on a copy of the
table changed here so that one rule decides: drafts (facts, events, sources) are never
returned nor counted unless asked for; counts count top-level facts once; a sector's first and
last dates come at the precision they are known to, day before month before year on a tie;
related facts stop at the limit asked at every stage; the lazy mappings answer like dicts.
Expected values are worked out from the CSV rows read here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import add_facts, add_sector, mark_drafts, read_table, write_table

from kzru import query
from kzru.db import open_store
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = read_table(DATA, "facts")
EVENTS = read_table(DATA, "events")
SOURCES = read_table(DATA, "sources")


@pytest.fixture
def store():  # noqa: ANN201
    # opened for each test, not once a module: a mutation tool links the code a fixture runs
    # to the first test that asked for it only
    return open_store(DATA)


def listed(row: dict[str, str], column: str) -> list[str]:
    return [item.strip() for item in row[column].split(";") if item.strip()]


def top(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [row for row in rows if not row["part_of"]]


# --- reading facts -----------------------------------------------------------------------------

def test_fact_ids_are_in_file_order_and_facts_newest_first(store) -> None:  # noqa: ANN001
    assert store.fact_ids() == [row["id"] for row in FACTS]
    assert [f.id for f in store.select()] == [row["id"] for row in sorted(
        FACTS, key=lambda r: (r["date"], r["id"]), reverse=True)]
    assert [f.id for f in store.select(limit=3)] == [f.id for f in store.select()][:3]
    assert store.fact(FACTS[5]["id"]).id == FACTS[5]["id"]
    assert store.fact("no-such-fact") is None
    # a filter alone keeps parts too: only top_level leaves them out
    assert [f.id for f in store.filtered()] == [f.id for f in store.select()]
    assert store.count() == len(FACTS)


def test_top_level_facts_in_file_order(store) -> None:  # noqa: ANN001
    assert [f.id for f in store.top_level()] == [row["id"] for row in top(FACTS)]
    some = store.select(limit=30)
    assert store.top_level(some) == [f for f in some if not f.part_of]


def test_speakers_are_every_speaker_value_once(store) -> None:  # noqa: ANN001
    assert sorted(store.speakers()) == sorted({row["speaker"] for row in FACTS})


def test_counts_of_top_level_facts_per_event_and_per_source(store) -> None:  # noqa: ANN001
    for column in ("event", "source"):
        expected: dict[str, int] = {}
        for row in top(FACTS):
            expected[row[column]] = expected.get(row[column], 0) + 1
        assert store.top_level_counts(column) == expected
    with pytest.raises(ValueError, match="status"):
        store.top_level_counts("status")


def test_facts_per_source_and_event_count_every_fact_tied_to_an_event(store) -> None:  # noqa: ANN001
    expected: dict[tuple[str, str], int] = {}
    for row in FACTS:
        if row["event"]:
            key = (row["source"], row["event"])
            expected[key] = expected.get(key, 0) + 1
    assert store.source_event_counts() == expected


def test_facts_per_sector_and_event_count_top_level_facts_outside_events_too(store) -> None:  # noqa: ANN001
    expected: dict[tuple[str, str], int] = {}
    for row in top(FACTS):
        for sector in listed(row, "sectors"):
            key = (sector, row["event"])
            expected[key] = expected.get(key, 0) + 1
    assert store.sector_event_counts() == expected


def test_follows_links_are_every_recorded_link_in_file_order(store) -> None:  # noqa: ANN001
    assert store.follows_links() == [(row["id"], earlier) for row in FACTS
                                     for earlier in listed(row, "follows")]


def test_sector_counts_of_a_filter(store) -> None:  # noqa: ANN001
    selection = query.FactFilter(statuses=("signed",))
    rows = [row for row in top(FACTS) if row["status"] == "signed"]
    found = store.sector_counts(selection)
    for sector in {s for row in rows for s in listed(row, "sectors")}:
        mine = [row for row in rows if sector in listed(row, "sectors")]
        assert (found[sector].facts, found[sector].signed, found[sector].agreed) == \
            (len(mine), len(mine), 0)
        assert found[sector].events == len({row["event"] for row in mine if row["event"]})
        assert found[sector].sector == sector
    assert set(found) == {s for row in rows for s in listed(row, "sectors")}


# --- first and last dates at their precision -------------------------------------------------

def test_first_and_last_prefer_the_day_then_the_month_then_the_year(data_copy: Path) -> None:
    template = top(FACTS)[0]["id"]
    add_sector(data_copy)
    common = {"sectors": "quiet", "event": "", "part_of": ""}
    add_facts(data_copy,
              {**common, "id": "q-year", "date": "2024-01-01", "date_precision": "year"},
              {**common, "id": "q-month", "date": "2024-01-01", "date_precision": "month"},
              {**common, "id": "q-day", "date": "2024-01-01", "date_precision": "day"},
              {**common, "id": "q-late-year", "date": "2026-01-01", "date_precision": "year"},
              {**common, "id": "q-late-month", "date": "2026-01-01", "date_precision": "month"},
              template=template)
    found = open_store(data_copy).sector_counts()["quiet"]
    assert (found.first.isoformat(), found.first_precision) == ("2024-01-01", "day")
    assert (found.last.isoformat(), found.last_precision) == ("2026-01-01", "month")
    assert found.facts == 5 and found.events == 0


def test_a_year_is_first_when_nothing_is_known_closer(data_copy: Path) -> None:
    template = top(FACTS)[0]["id"]
    add_sector(data_copy)
    common = {"sectors": "quiet", "event": "", "part_of": ""}
    add_facts(data_copy,
              {**common, "id": "q-year", "date": "2023-01-01", "date_precision": "year"},
              {**common, "id": "q-month", "date": "2023-05-01", "date_precision": "month"},
              template=template)
    found = open_store(data_copy).sector_counts()["quiet"]
    assert (found.first.isoformat(), found.first_precision) == ("2023-01-01", "year")
    assert (found.last.isoformat(), found.last_precision) == ("2023-05-01", "month")


# --- drafts -------------------------------------------------------------------------------------

def test_draft_events_and_sources_are_hidden_unless_asked_for(data_copy: Path) -> None:
    template = top(FACTS)[0]["id"]
    events = read_table(data_copy, "events")
    sources = read_table(data_copy, "sources")
    write_table(data_copy, "events", [*events, {**events[0], "id": "2030-01-draft-visit",
                                                "review": "draft"}])
    write_table(data_copy, "sources", [*sources, {**sources[0], "id": "a999",
                                                  "file": "999_draft.txt", "review": "draft"}])
    add_facts(data_copy, {"id": "draft-fact", "event": "2030-01-draft-visit", "source": "a999",
                          "review": "draft", "part_of": ""}, template=template)
    hidden, shown = open_store(data_copy), open_store(data_copy, drafts=True)
    assert "2030-01-draft-visit" not in hidden.events and "a999" not in hidden.sources
    assert "2030-01-draft-visit" in shown.events and "a999" in shown.sources
    assert len(hidden.events) == len(events) and len(shown.events) == len(events) + 1
    assert hidden.sectors == shown.sectors and hidden.glossary == shown.glossary
    assert len(hidden.sectors) == len(read_table(DATA, "sectors"))
    assert "draft-fact" not in hidden.facts and "draft-fact" in shown.facts
    assert hidden.count() == len(FACTS) and shown.count() == len(FACTS) + 1
    assert ("a999", "2030-01-draft-visit") not in hidden.source_event_counts()
    assert shown.source_event_counts()[("a999", "2030-01-draft-visit")] == 1
    assert "2030-01-draft-visit" not in hidden.top_level_counts("event")
    assert "draft-fact" not in hidden.fact_ids()
    assert shown.fact_lines["draft-fact"] == len(FACTS) + 2
    # a hidden draft has no line either: the mapping answers as the facts do
    assert "draft-fact" not in hidden.fact_lines
    with pytest.raises(KeyError):
        hidden.fact_lines["draft-fact"]
    assert hidden.fact_lines.get("draft-fact") is None
    assert list(hidden.facts_by_event).count("2030-01-draft-visit") == 0
    assert "2030-01-draft-visit" in list(shown.facts_by_event)


def test_search_allowed_takes_drafts_out(data_copy: Path) -> None:
    plain = open_store(data_copy)
    assert plain.search_allowed(None) is None
    assert plain.search_allowed({1, 2}) == {1, 2}
    referred = {i for row in read_table(data_copy, "facts")
                for i in (row["part_of"], *listed(row, "follows"), *listed(row, "same_as"))}
    draft = next(row["id"] for row in read_table(data_copy, "facts")
                 if row["id"] not in referred and not row["part_of"])
    mark_drafts(data_copy, "facts", {draft})
    hidden, shown = open_store(data_copy), open_store(data_copy, drafts=True)
    every = hidden.search_allowed(None)
    assert every is not None and len(every) == len(FACTS) - 1
    assert shown.search_allowed(None) is None
    assert shown.search_allowed({3}) == {3}
    one = next(iter(every))
    assert hidden.search_allowed({one, 10**9}) == {one}


# --- related facts ------------------------------------------------------------------------------

@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_related_facts_stop_at_the_limit_at_every_stage(store, limit: int) -> None:  # noqa: ANN001
    for fact in store.select(limit=60):
        full = store.related(fact, 30)
        assert store.related(fact, limit) == full[:limit], fact.id
        assert fact.id not in [f.id for f in full]
        assert len({f.id for f in full}) == len(full)


def test_related_facts_without_an_event_start_from_shared_names(data_copy: Path) -> None:
    template = top(FACTS)[0]["id"]
    add_facts(data_copy,
              {"id": "n-one", "event": "", "names": "Zzyzx Works", "source": "a001",
               "sectors": "energy", "part_of": "", "date": "2024-02-01"},
              {"id": "n-two", "event": "", "names": "Zzyzx Works", "source": "a003",
               "sectors": "culture", "part_of": "", "date": "2024-01-01"},
              {"id": "n-three", "event": "", "names": "zzyzx works; Other", "source": "a002",
               "sectors": "culture", "part_of": "", "date": "2023-01-01"},
              template=template)
    mine = open_store(data_copy)
    found = [f.id for f in mine.related(mine.facts["n-one"], 2)]
    assert found == ["n-three", "n-two"]  # by date, the fact itself left out


def tenth_of_the_facts(folder: Path, extra: int) -> list[str]:
    """Add facts outside any event, in a sector of their own, sharing one name, so that the
    name is found in exactly a tenth of the facts (``extra`` = 0) or in one more; dated newest
    first in file order, so that the name's stage (by date) and the article's stage (in file
    order) give opposite orders. Returns their ids in file order."""
    # k facts among N + k with N = 9k + r (r < 9): (N + k) // 10 = k, the rule's "a tenth"
    tenth = len(FACTS) // 9
    assert tenth >= 3  # the rule's floor: a name in 3 facts is never common
    add_sector(folder)
    ids = [f"tenth-{i:02d}" for i in range(tenth + extra)]
    add_facts(folder, *({"id": fact_id, "event": "", "part_of": "", "source": "a001",
                         "sectors": "quiet", "names": "Zzyzx Works",
                         "date": f"2020-{12 - i // 28:02d}-{28 - i % 28:02d}",
                         "date_precision": "day"} for i, fact_id in enumerate(ids)),
              template=top(FACTS)[0]["id"])
    return ids


def test_a_name_in_exactly_a_tenth_of_the_facts_still_relates_them(data_copy: Path) -> None:
    ids = tenth_of_the_facts(data_copy, 0)
    mine = open_store(data_copy)
    assert mine.count() // 10 == len(ids)
    # the rare name's stage: the others by date, oldest first (the reverse of file order)
    assert [f.id for f in mine.related(mine.facts[ids[0]], len(ids))] == ids[:0:-1]


def test_a_name_in_more_than_a_tenth_of_the_facts_relates_nothing(data_copy: Path) -> None:
    ids = tenth_of_the_facts(data_copy, 1)
    mine = open_store(data_copy)
    # the name is common: only the article's stage (same source and sector) in file order
    assert [f.id for f in mine.related(mine.facts[ids[0]], len(ids))] == ids[1:]


# --- what brief and track read --------------------------------------------------------------
# The rule for a fact track may follow, as the store documents it (follow.role decides among
# them): a commitment's status, a signed document, or a report at an event that is a statement
# said by the sides (no speaker with an affiliation in brackets) and not about relations as
# such (politics first), or a report of a project or institution.

def role_candidate(row: dict[str, str]) -> bool:
    status, kind = row["status"], row["kind"]
    discussed = row["event"] != "" and kind == "statement" and "(" not in row["speaker"] \
        and listed(row, "sectors")[:1] != ["politics"]
    return status in ("agreed", "planned", "expected", "proposed", "ongoing") or \
        (status == "signed" and kind == "document") or \
        (status == "reported" and (discussed or kind in ("project", "institution")))


def ids(facts: list) -> list[str]:  # noqa: ANN001
    return [fact.id for fact in facts]


def test_role_candidates_are_the_rules_facts_in_file_order(store) -> None:  # noqa: ANN001
    assert ids(store.role_candidates()) == [row["id"] for row in FACTS if role_candidate(row)]


def test_an_events_facts_in_file_order_top_level_and_with_a_role(store) -> None:  # noqa: ANN001
    for event in {row["event"] for row in FACTS if row["event"]}:
        mine = [row for row in FACTS if row["event"] == event]
        assert ids(store.event_facts(event)) == [row["id"] for row in mine]
        assert ids(store.event_facts(event, top_level=True)) == [row["id"] for row in top(mine)]
        # "at least those follow.role gives a role": here exactly the rule's candidates
        assert ids(store.event_facts(event, roles=True)) == \
            [row["id"] for row in mine if role_candidate(row)]
        assert ids(store.event_facts(event, top_level=True, roles=True)) == \
            [row["id"] for row in top(mine) if role_candidate(row)]


def test_facts_of_sources_events_and_statuses_in_file_order(store) -> None:  # noqa: ANN001
    part = next(row for row in FACTS if row["part_of"] and row["event"])
    sources = [part["source"], next(row["source"] for row in FACTS
                                    if row["source"] != part["source"])]
    events = [part["event"], next(row["event"] for row in FACTS
                                  if row["event"] not in ("", part["event"])), ""]
    mine = [row for row in FACTS if row["source"] in sources and row["event"] in events]
    assert mine and top(mine) != mine  # the choice has parts and facts outside any event
    assert ids(store.facts_of(sources, events)) == [row["id"] for row in mine]
    assert store.facts_of(sources, events, ids=True) == [row["id"] for row in mine]
    assert store.facts_of(sources, events, top_level=True, ids=True) == \
        [row["id"] for row in top(mine)]
    signed = [row["id"] for row in mine if row["status"] in ("signed", "agreed")]
    assert signed and store.facts_of(sources, events, ["signed", "agreed"], ids=True) == signed
    assert store.facts_of([], events) == [] and store.facts_of(sources, []) == []
    assert store.facts_of(sources, events, []) == []


def test_facts_of_main_sectors_keeps_the_facts_whose_first_sector_is_named(store) -> None:  # noqa: ANN001
    """A fact's main sector is the first it lists: a fact naming the sector only after
    another is left out (a report's statements on a field, read by suggest.field_documents);
    no sector named, no fact."""
    sources = sorted({row["source"] for row in FACTS})
    events = sorted({row["event"] for row in FACTS})
    second = next(row for row in FACTS if len(listed(row, "sectors")) > 1)
    sector = listed(second, "sectors")[1]
    mine = [row for row in FACTS if listed(row, "sectors")[:1] == [sector]]
    assert mine and second not in mine
    assert store.facts_of(sources, events, ids=True, main_sectors=[sector]) == \
        [row["id"] for row in mine]
    statements = [row["id"] for row in top(mine) if row["kind"] == "statement"]
    assert statements and store.facts_of(sources, events, top_level=True, ids=True,
                                          kinds=["statement"], main_sectors=[sector]) == statements
    both = [row["id"] for row in FACTS if listed(row, "sectors")[:1] in ([sector], ["politics"])]
    assert ids(store.facts_of(sources, events, main_sectors=["politics", sector])) == both
    assert store.facts_of(sources, events, main_sectors=[]) == []


def test_fetch_and_parts_of_read_many_ids_in_runs(store) -> None:  # noqa: ANN001
    # more ids than one query's list holds (500): the parents are read in the first and the
    # last run, and ids of no fact are left out
    parents = list(dict.fromkeys(row["part_of"] for row in FACTS if row["part_of"]))
    asked = [parents[0], *(f"no-such-{n}" for n in range(600)), parents[-1]]
    found = store.parts_of(asked)
    assert list(found) == [parents[0], parents[-1]]
    for parent in (parents[0], parents[-1]):
        assert ids(found[parent]) == [row["id"] for row in FACTS if row["part_of"] == parent]
    fetched = store.fetch(asked)
    assert list(fetched) == [parents[0], parents[-1]]
    assert fetched[parents[-1]].id == parents[-1]


def test_fetch_takes_the_facts_already_known_as_they_are(store) -> None:  # noqa: ANN001
    first, second = FACTS[0]["id"], FACTS[1]["id"]
    known = {first: store.fact(first)._replace(summary="already read")}
    found = store.fetch([second, first, first], known)
    assert list(found) == [second, first]
    assert found[first] is known[first] and found[second].id == second
    parents = {row["part_of"] for row in FACTS if row["part_of"]}
    parent = sorted(parents)[0]
    part = next(row["id"] for row in FACTS if row["part_of"] == parent)
    changed = store.fact(part)._replace(summary="known part")
    assert changed in store.parts_of([parent], {part: changed})[parent]


def test_followers_are_the_facts_naming_each_id_once_per_naming(store) -> None:  # noqa: ANN001
    named = list(dict.fromkeys(earlier for row in FACTS for earlier in listed(row, "follows")))
    asked = [*named, "no-such-fact"]
    found = store.followers(asked)
    assert set(found) == set(named)
    for earlier in named:
        assert ids(found[earlier]) == [row["id"] for row in FACTS
                                       for one in listed(row, "follows") if one == earlier]


def test_the_new_read_paths_leave_hidden_drafts_out(data_copy: Path) -> None:
    referred = {i for row in FACTS for i in (row["part_of"], *listed(row, "follows"),
                                             *listed(row, "same_as"))}
    counts: dict[str, int] = {}
    for row in FACTS:
        if row["part_of"]:
            counts[row["part_of"]] = counts.get(row["part_of"], 0) + 1
    # a parent's only part, and a fact that follows another, nothing referring to either
    part = next(row for row in FACTS if counts.get(row["part_of"]) == 1
                and row["id"] not in referred)
    later = next(row for row in FACTS if listed(row, "follows") and row["id"] not in referred
                 and not row["part_of"])
    mark_drafts(data_copy, "facts", {part["id"], later["id"]})
    hidden, shown = open_store(data_copy), open_store(data_copy, drafts=True)
    for store, present in ((hidden, False), (shown, True)):
        assert (part["part_of"] in store.with_parts()) is present
        assert (part["part_of"] in store.parts_of([part["part_of"]])) is present
        assert (part["id"] in store.fetch([part["id"]])) is present
        assert (part["id"] in store.facts_of([part["source"]], [part["event"]], ids=True)) \
            is present
        assert (later["id"] in ids(store.followers(listed(later, "follows")).get(
            listed(later, "follows")[0], []))) is present
        assert (later["id"] in ids(store.event_facts(later["event"]))) is present
        assert (later["id"] in ids(store.role_candidates())) is (present and
                                                                 role_candidate(later))


# --- the lazy mappings ---------------------------------------------------------------------------

def test_the_fact_mapping_answers_like_a_dict(store) -> None:  # noqa: ANN001
    assert len(store.facts) == len(FACTS)
    assert 12 not in store.facts and None not in store.facts
    assert FACTS[0]["id"] in store.facts
    with pytest.raises(KeyError):
        store.facts["no-such-fact"]
    assert store.facts[FACTS[3]["id"]] is store.facts[FACTS[3]["id"]]


def test_reading_every_fact_fills_the_groups(data_copy: Path) -> None:
    mine = open_store(data_copy)
    every = mine.facts.values()
    assert [f.id for f in every] == [row["id"] for row in FACTS]
    assert mine.facts.values() is every
    event = EVENTS[0]["id"]
    assert [f.id for f in mine.facts_by_event[event]] == \
        [row["id"] for row in FACTS if row["event"] == event]
    parent = next(row["part_of"] for row in FACTS if row["part_of"])
    assert [f.id for f in mine.parts[parent]] == \
        [row["id"] for row in FACTS if row["part_of"] == parent]
    assert mine.parts.get("no-such-parent") is None
    assert mine.parts.get("no-such-parent", []) == []
    with pytest.raises(KeyError) as raised:
        mine.parts["no-such-parent"]
    assert raised.value.args == ("no-such-parent",)


def test_the_groups_answer_like_dicts_before_any_whole_read(store) -> None:  # noqa: ANN001
    events = [row["event"] for row in FACTS if row["event"]]
    assert sorted(store.facts_by_event) == sorted(set(events))
    assert len(store.facts_by_event) == len(set(events))
    parents = {row["part_of"] for row in FACTS if row["part_of"]}
    assert sorted(store.parts) == sorted(parents)
    assert len(store.parts) == len(parents)
    assert store.facts_by_event.get("no-such-event", "none") == "none"


def test_the_line_of_each_fact_is_its_line_in_the_csv(store) -> None:  # noqa: ANN001
    fresh = open_store(DATA)
    for line, row in list(enumerate(FACTS, start=2))[::25]:
        assert fresh.fact_lines[row["id"]] == line
    assert len(fresh.fact_lines) == len(FACTS)
    assert list(fresh.fact_lines)[:3] == [row["id"] for row in FACTS[:3]]
    with pytest.raises(KeyError) as raised:
        fresh.fact_lines["no-such-fact"]
    assert raised.value.args == ("no-such-fact",)
    assert "no-such-fact" not in fresh.fact_lines


def test_a_fresh_store_groups_facts_in_file_order_before_any_whole_read(data_copy: Path
                                                                        ) -> None:
    mine = open_store(data_copy)
    assert mine.folder == str(data_copy)
    for event in [row["id"] for row in EVENTS][:4]:
        assert [f.id for f in mine.facts_by_event.get(event, [])] == \
            [row["id"] for row in FACTS if row["event"] == event]
    parent = next(row["part_of"] for row in FACTS if row["part_of"])
    assert [f.id for f in open_store(data_copy).parts[parent]] == \
        [row["id"] for row in FACTS if row["part_of"] == parent]
    with pytest.raises(KeyError) as raised:
        mine.facts["no-such-fact"]
    assert raised.value.args == ("no-such-fact",)


# --- a small table: the floor of three under "a tenth" --------------------------------------

def small_table(folder: Path, sharing: int) -> list[str]:
    """Cut a data folder copy down to 20 facts that link to nothing, then add ``sharing``
    facts outside any event, each from another article, in a sector of their own, all
    naming one thing: only the name can relate them. Returns their ids in file order."""
    rows = read_table(folder, "facts")
    linked = {i for row in rows for column in ("part_of", "follows", "same_as")
              for i in listed(row, column)}
    plain = [row for row in rows if row["id"] not in linked and not row["part_of"]
             and not row["follows"] and not row["same_as"]][:20]
    assert len(plain) == 20 and not any("Zzyzx" in row["names"] for row in plain)
    write_table(folder, "facts", plain)
    add_sector(folder)
    sources = [row["id"] for row in SOURCES][:sharing]
    assert len(sources) == sharing  # one article each: the article's stage relates none
    ids = [f"small-{i}" for i in range(sharing)]
    add_facts(folder, *({"id": fact_id, "event": "", "part_of": "", "source": source,
                         "sectors": "quiet", "names": "Zzyzx Works",
                         "date": f"2020-0{9 - i}-01", "date_precision": "day"}
                        for i, (fact_id, source) in enumerate(zip(ids, sources))),
              template=plain[0]["id"])
    return ids


def test_in_a_table_of_fewer_than_40_facts_a_name_in_three_is_still_rare(data_copy: Path
                                                                          ) -> None:
    """A tenth of 23 facts is 2, but a name in 3 facts is never common (the floor): the
    other two are related by the name, oldest first."""
    ids = small_table(data_copy, 3)
    mine = open_store(data_copy)
    assert mine.count() == 23 and mine.count() // 10 < 3
    assert [f.id for f in mine.related(mine.facts[ids[0]])] == [ids[2], ids[1]]


def test_in_a_table_of_fewer_than_40_facts_a_name_in_four_is_common(data_copy: Path) -> None:
    """In 24 facts, a name in 4 is more than the floor of three (and than a tenth, 2): it
    relates nothing, and nothing else relates these facts."""
    ids = small_table(data_copy, 4)
    mine = open_store(data_copy)
    assert mine.count() == 24
    assert mine.related(mine.facts[ids[0]]) == []


# --- the build's progress follows --no-color ------------------------------------------------

def test_opening_the_store_builds_with_the_colour_asked_for(data_copy: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """open_store passes its colour to the build: a progress bar at a terminal is coloured by
    default and with color=True, plain with color=False (--no-color, NO_COLOR). A build
    from the folder shows its bar every 500 facts, so the table is made longer than that."""
    import io
    import re
    import sys

    from rich.console import Console

    from kzru import build

    screens: list[io.StringIO] = []

    def console() -> Console:
        screens.append(io.StringIO())
        return Console(file=screens[-1], force_terminal=True, width=80)

    add_facts(data_copy, *({"id": f"more-{n:03d}", "part_of": ""} for n in range(300)),
              template=top(FACTS)[0]["id"])
    monkeypatch.setattr(build, "PROGRESS_THRESHOLD", 10)
    monkeypatch.setattr(build, "_stderr_console", console)
    terminal = io.StringIO()
    monkeypatch.setattr(terminal, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys, "stderr", terminal)
    coloured = re.compile(r"\x1b\[[0-9;]*3[0-9][0-9;]*m|\x1b\[9[0-7]m")
    for n, asked in enumerate(({}, {"color": True}, {"color": False})):
        monkeypatch.setenv("KZRU_CACHE_DIR", str(tmp_path / f"cache-{n}"))  # a fresh build
        assert open_store(data_copy, **asked).count() == len(FACTS) + 300
        assert "building search index" in screens[-1].getvalue(), asked
        assert bool(coloured.search(screens[-1].getvalue())) == asked.get("color", True), asked
    assert len(screens) == 3


def test_a_store_made_without_saying_hides_drafts(data_copy: Path) -> None:
    """Store(index, folder): drafts excluded unless asked for (the class's promise)."""
    from kzru.db import Store
    from kzru.index import open_index

    draft = top(FACTS)[-1]["id"]
    assert not any(draft in (row["part_of"], *listed(row, "follows"), *listed(row, "same_as"))
                   for row in FACTS)
    mark_drafts(data_copy, "facts", {draft})
    plain = Store(open_index(data_copy), data_copy)
    assert draft not in plain.facts and plain.count() == len(FACTS) - 1
    asked = Store(open_index(data_copy), data_copy, True)
    assert draft in asked.facts and asked.count() == len(FACTS)
