"""The fast read paths give the answers the plain ones give: the one-pass JSON writer against
the standard encoder, the store's narrowed queries against the whole table walked in Python.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from kzru.json_writer import json_text
from kzru.render import plain_value as _plain


class Pair(NamedTuple):
    left: Any
    right: Any


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2 ** 70, max_value=2 ** 70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(),
    st.dates(), st.datetimes().map(lambda moment: moment),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10 ** 20,
                max_value=10 ** 20),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
        st.tuples(inner, inner).map(lambda both: Pair(*both))),
    max_leaves=20)


@given(VALUES)
def test_json_text_is_the_standard_encoders_text(value: Any) -> None:
    """Every kind of value a row may hold (dates, tuples, Decimals, integers past 2**53,
    integral floats, NaN, text with control characters) comes out as json.dumps writes it."""
    assert json_text(value) == json.dumps(_plain(value), ensure_ascii=False, indent=2)


def test_json_text_keys_that_are_not_text_fall_back() -> None:
    value = [{1: "one", "two": (date(2025, 1, 2), Decimal("0.1"))}, datetime(2025, 1, 2, 3)]
    assert json_text(value) == json.dumps(_plain(value), ensure_ascii=False, indent=2)


PLAIN_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2 ** 70, max_value=2 ** 70),
    st.floats(allow_nan=True, allow_infinity=True), st.text())
PLAIN_VALUES = st.recursive(
    PLAIN_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
        st.tuples(inner, inner).map(lambda both: Pair(*both))),
    max_leaves=20)


@given(PLAIN_VALUES)
def test_json_text_not_plain_is_json_dumps(value: Any) -> None:
    """Without the row conversion (the brief's own data), exactly json.dumps's text:
    integral floats stay floats, large integers stay numbers."""
    assert json_text(value, plain=False) == json.dumps(value, ensure_ascii=False, indent=2)


def test_json_text_not_plain_refuses_what_json_refuses() -> None:
    import pytest

    with pytest.raises(TypeError):
        json_text({"when": date(2025, 1, 1)}, plain=False)


# --- brief and track read from the store what they read from the loaded table -------------

def _both(folder):  # noqa: ANN001, ANN202
    from kzru.db import open_store
    from kzru.store import load

    # The loaded table holds every row; the store shows drafts only when asked to.
    return open_store(folder, color=False, drafts=True), load(folder)


def test_every_brief_from_the_store_is_the_brief_of_the_loaded_table() -> None:
    from kzru.brief import build
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    assert len(loaded.events) >= 9
    for event_id in loaded.events:
        assert build(stored, event_id) == build(loaded, event_id), event_id


def test_track_from_the_store_is_track_of_the_loaded_table() -> None:
    from datetime import date

    from kzru.follow import track
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    whole = track(loaded)
    assert len(whole) > 50 and any(entry.parts for entry in whole)
    assert track(stored) == whole
    assert track(stored, since=date(2024, 1, 1), statuses=["signed"]) == \
        track(loaded, since=date(2024, 1, 1), statuses=["signed"])
    some = [fact for fact in loaded.facts.values() if "нефт" in fact.text.casefold()]
    assert some and track(stored, some) == track(loaded, some)


def test_track_in_batches_is_track_of_the_loaded_table() -> None:
    """Read and judged a few facts at a time (the store's light pool, then each batch read
    whole): the same items in the same order, whatever the batch size."""
    from kzru.follow import track, tracked
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    whole = track(loaded)
    for batch in (1, 7, 1000):
        assert list(tracked(stored, batch=batch)) == whole


def test_track_streamed_as_json_is_the_whole_lists_json(run) -> None:  # noqa: ANN001
    """Without see-also (the default past 20,000 facts) JSON and JSON lines are written
    item by item as judged: the same document as the whole list's rows, and --limit cuts
    the same items."""
    from kzru.follow import track
    from kzru.render_track import KEYS, row
    from kzru.store import bundled_data_dir

    _, loaded = _both(bundled_data_dir())
    rows = [{key: row(entry, "en")[key] for key in KEYS} for entry in track(loaded)]
    done = run("track", "--format", "json", "--no-see-also")
    assert done.code == 0 and done.out == json.dumps(_plain(rows), ensure_ascii=False,
                                                     indent=2) + "\n"
    done = run("track", "--format", "jsonl", "--no-see-also", "--limit", "3")
    assert [json.loads(line) for line in done.out.splitlines()] == _plain(rows[:3])


def test_track_streamed_with_see_also_is_the_whole_lists(run, monkeypatch,  # noqa: ANN001
                                                         tmp_path) -> None:
    """The suggester's candidates added a batch at a time (here three items) are those it
    gives the whole list (each item is weighed on its own). A cache of its own: the judgement
    is kept (judged.py) by the first run, which must be this one's."""
    import kzru.judged as judged

    monkeypatch.setattr(judged, "SEE_ALSO_BATCH", 3)
    monkeypatch.setenv("KZRU_CACHE_DIR", str(tmp_path / "cache"))
    from kzru.db import open_store
    from kzru.follow import track
    from kzru.render_track import KEYS, row
    from kzru.store import bundled_data_dir
    from kzru.suggest import see_also

    stored = open_store(bundled_data_dir(), color=False)
    whole = see_also(stored, track(stored))
    assert any(entry.see_also for entry in whole)
    rows = [{key: row(entry, "en")[key] for key in KEYS} for entry in whole]
    done = run("track", "--format", "json")
    assert done.code == 0 and done.out == json.dumps(_plain(rows), ensure_ascii=False,
                                                     indent=2) + "\n"


def test_a_parent_with_a_role_is_followed_whatever_its_parts_are(data_copy) -> None:  # noqa: ANN001
    """A part of a part: the middle document has a role and a part of its own (a plain
    statement the store's narrowed pool leaves out), and is itself part of a signed package.
    Walking every fact follows both the package and the middle document; so must the store."""
    from conftest import add_facts

    from kzru.follow import track

    add_facts(data_copy,
              {"id": "a000-test-package", "kind": "document", "status": "signed",
               "event": "2022-02-working-visit"},
              {"id": "a000-test-middle", "kind": "document", "status": "signed",
               "part_of": "a000-test-package", "event": "2022-02-working-visit"},
              {"id": "a000-test-leaf", "kind": "statement", "status": "reported",
               "part_of": "a000-test-middle", "event": ""},
              template="a000-agreements-package")
    stored, loaded = _both(data_copy)
    followed = {entry.fact.id for entry in track(loaded)}
    assert {"a000-test-package", "a000-test-middle"} <= followed
    assert track(stored) == track(loaded)


@given(st.lists(VALUES, max_size=1200))
def test_write_json_is_json_text_with_a_line_break(rows: list[Any]) -> None:
    """Written in slices, the listing is still exactly one JSON document as json.dumps has it
    (slices end inside the list, whatever the rows hold)."""
    import io

    out = io.StringIO()
    from kzru.json_writer import write_json

    write_json(rows, out)
    assert out.getvalue() == json.dumps(_plain(rows), ensure_ascii=False, indent=2) + "\n"


def test_write_json_of_many_rows_is_one_document() -> None:
    import io

    from kzru.json_writer import write_json

    rows = [{"id": f"f{n}", "date": date(2025, 1, 1 + n % 28), "later": [str(n)] * (n % 3),
             "value": n / 4, "parts": []} for n in range(1234)]
    out = io.StringIO()
    write_json(rows, out)
    assert out.getvalue() == json.dumps(_plain(rows), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(out.getvalue())[1233]["id"] == "f1233"


@given(VALUES)
def test_write_json_value_is_json_text(value: Any) -> None:
    """Written piece by piece as it is made (a brief's document), the text is json_text's:
    every value, at every depth of indentation, and what falls back to the standard
    encoder (keys that are not text) falls back where it sits."""
    import io

    from kzru.json_writer import write_json_value

    out = io.StringIO()
    write_json_value(value, out)
    assert out.getvalue() == json_text(value)


@given(PLAIN_VALUES)
def test_write_json_value_not_plain_is_json_dumps(value: Any) -> None:
    import io

    from kzru.json_writer import write_json_value

    out = io.StringIO()
    write_json_value({"sections": [value, {"facts": [value, value]}], "n": 1}, out, plain=False)
    assert out.getvalue() == json.dumps({"sections": [value, {"facts": [value, value]}],
                                         "n": 1}, ensure_ascii=False, indent=2)


def test_write_json_takes_rows_as_they_come() -> None:
    """A generator of rows (track's items, made batch by batch) is the same document as the
    list, and the count of rows written comes back; none at all is an empty list."""
    import io

    from kzru.json_writer import write_json

    rows = [{"id": f"f{n}", "later": [str(n)] * (n % 3)} for n in range(1001)]
    out = io.StringIO()
    assert write_json((row for row in rows), out) == 1001
    assert out.getvalue() == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    assert write_json(iter(()), out) == 0 and out.getvalue() == "[]\n"


def test_every_fact_with_a_role_is_a_candidate_the_store_reads() -> None:
    """The store narrows track's pool in SQL (statuses, kinds, no commentator, not politics
    first); every fact role() gives a role to must still be in it, and the narrowing must
    leave out some the whole table would have read."""
    from kzru.follow import role
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    with_role = {fact.id for fact in loaded.facts.values() if role(fact)}
    candidates = {fact.id for fact in stored.role_candidates()}
    assert with_role and with_role <= candidates
    discussed = [fact for fact in loaded.facts.values() if fact.status == "reported"
                 and fact.event and fact.kind == "statement"]
    assert {fact.id for fact in discussed} - candidates  # commentators, politics: left out


def test_the_stores_other_answers_are_the_loaded_tables() -> None:
    """Each question brief, track and track's topic ask, for every event, sector and fact
    where it takes one: the store's SQL and the loaded table's walk agree."""
    from datetime import date

    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    # the 2025 visit's report has an overview of at least four sectors (not a vacuous check)
    assert loaded.overview_rows("2025-11-state-visit-moscow", ["a004"], 4)
    every = list(loaded.facts)
    followed: set[str] = set()
    statements_on_fields = 0
    for sector in loaded.sectors:
        assert stored.main_sector_facts([sector]) == loaded.main_sector_facts([sector])
    assert stored.main_sector_facts(["nuclear", "energy"]) == \
        loaded.main_sector_facts(["nuclear", "energy"])
    for event_id in loaded.events:
        assert stored.event_facts(event_id) == loaded.event_facts(event_id)
        assert stored.event_fact_sources(event_id) == loaded.event_fact_sources(event_id)
        assert stored.event_sectors(event_id) == loaded.event_sectors(event_id)
        for sources in (list(loaded.sources), ["a004"], []):
            assert stored.main_sectors(event_id, sources) == \
                loaded.main_sectors(event_id, sources)
            assert stored.report_rows(event_id, sources) == \
                loaded.report_rows(event_id, sources)
            # asked twice: the second answer is the store's kept one
            for _ in range(2):
                assert stored.signed_documents(event_id, sources) == \
                    loaded.signed_documents(event_id, sources)
                for least in (1, 4, 6):
                    assert stored.overview_rows(event_id, sources, least) == \
                        loaded.overview_rows(event_id, sources, least)
        for source_id in loaded.sources:
            assert stored.names_of(source_id, [event_id, ""]) == \
                loaded.names_of(source_id, [event_id, ""])
            assert stored.names_of(source_id, [event_id, ""], {"росатом", "ереван"}) == \
                loaded.names_of(source_id, [event_id, ""], {"росатом", "ереван"})
            assert stored.names_of(source_id, [event_id, ""], followed=True) == \
                loaded.names_of(source_id, [event_id, ""], followed=True)
            followed.update(row[0] for row in loaded.names_of(source_id, [event_id, ""],
                                                              followed=True))
        assert stored.facts_of(loaded.sources, [event_id, ""], top_level=True) == \
            loaded.facts_of(loaded.sources, [event_id, ""], top_level=True)
        # a report's statements on some fields (suggest.field_documents)
        main = sorted({fact.sectors[0] for fact in loaded.event_facts(event_id) if fact.sectors})
        for sectors in (main, main[:1], main[1:], []):
            on_fields = loaded.facts_of(loaded.sources, [event_id], top_level=True,
                                        kinds=("statement",), main_sectors=sectors)
            assert stored.facts_of(loaded.sources, [event_id], top_level=True,
                                   kinds=("statement",), main_sectors=sectors) == on_fields
            statements_on_fields += len(on_fields)
        others = [other for other in loaded.events if other != event_id]
        for source_id in loaded.sources:
            assert stored.event_spans(source_id, others) == \
                loaded.event_spans(source_id, others)
    assert statements_on_fields
    spans = [stored.event_spans(s, loaded.events) for s in loaded.sources]
    assert any(first < last for found in spans for first, last in found.values())
    linked = {earlier for fact in loaded.facts.values() for earlier in fact.follows}
    assert followed == linked & set(loaded.facts) != set()  # every followed row, only they
    assert stored.event_source_outcomes() == loaded.event_source_outcomes()
    assert stored.source_event_counts() == loaded.source_event_counts()
    assert stored.with_parts() == loaded.with_parts() != set()
    assert stored.parts_of(every) == loaded.parts_of(every) != {}
    some = [fact_id for fact in loaded.facts.values() for fact_id in fact.follows][:20]
    stored.all_links_past = 100  # a few asked by key; many: every link read at once, kept
    assert len(every) > 100 and some
    assert stored.followers(some) == loaded.followers(some) != {}
    assert "links" not in stored._small
    assert stored.followers(every) == loaded.followers(every) != {}
    assert "links" in stored._small
    assert stored.followers(some) == loaded.followers(some)
    assert stored.fetch(every) == loaded.fetch(every)
    names = {name for fact in loaded.facts.values() for name in fact.names}
    from kzru.text import normalize

    folded = {normalize(name) for name in names}
    for day in (date(2022, 1, 1), date(2024, 11, 27), date(2030, 1, 1)):
        events = [e.id for e in loaded.events.values() if e.start < day]
        sources = [s.id for s in loaded.sources.values() if s.published < day]
        assert stored.known_before(events, sources, day, loaded.sectors, folded) == \
            loaded.known_before(events, sources, day, loaded.sectors, folded)


def _outcome(decode, record_type, raw):  # noqa: ANN001, ANN202
    from kzru.codec import Damaged

    try:
        return decode(record_type, json.loads(json.dumps(raw)))
    except Damaged:
        return "damaged"


def test_records_decode_as_the_field_by_field_check_decodes_them() -> None:
    """The quick check of a stored record accepts and refuses exactly what the check of each
    field by its rule does: every record of the bundled table, and each of them with one
    field replaced by a value of another kind, empty, outside its set or malformed."""
    from kzru import codec
    from kzru.model import Event, Fact, GlossaryEntry, Sector, Source
    from kzru.store import bundled_data_dir, load

    loaded = load(bundled_data_dir())
    tables = {Fact: loaded.facts, Source: loaded.sources, Event: loaded.events,
              Sector: loaded.sectors, GlossaryEntry: loaded.glossary}
    odd = [None, 5, 2.5, float("inf"), "", "x", "2025-13-01", "2025-01-01", [], ["a"], [""],
           [5], "12.50", True]
    refused = 0
    for record_type, records in tables.items():
        for number, record in enumerate(records.values()):
            raw = codec.plain(record)
            assert _outcome(codec.decode_record, record_type, raw) == record
            if number % 7:
                continue
            for index in range(len(raw)):
                for value in odd:
                    changed = [*raw[:index], value, *raw[index + 1:]]
                    found = _outcome(codec.decode_record, record_type, changed)
                    assert found == _outcome(codec._checked, record_type, changed), \
                        (record_type.__name__, index, value)
                    refused += found == "damaged"
            assert _outcome(codec.decode_record, record_type, raw[:-1]) == "damaged"
    assert refused > 100


def test_says_outside_names_is_outside_names_asked_for_the_words() -> None:
    """track QUERY's short cut (a text masked only when it says a wanted word) answers what
    the whole key set answers, for every fact and words that match inside names, outside
    them, in names and in the heads of organisations."""
    from kzru.store import bundled_data_dir, load
    from kzru.text import words
    from kzru.topic import organisation_names, outside_names, says_outside_names, word_keys

    loaded = load(bundled_data_dir())
    named = organisation_names(loaded)
    asked = ["газ", "нефть", "атом", "университет", "институт", "Челябинск", "МИФИ",
             "Росатом", "образование", "university", "gas"]
    answers = set()
    for fact in loaded.facts.values():
        free = outside_names(loaded, fact, named)
        for word in asked:
            wanted = frozenset(key for part in words(word) for key in word_keys(part))
            answer = says_outside_names(loaded, fact, wanted, named)
            assert answer == bool(free & wanted), (fact.id, word)
            answers.add(answer)
    assert answers == {True, False}


@given(st.lists(VALUES, max_size=6))
def test_write_json_value_writes_an_iterator_as_its_list(items: list[Any]) -> None:
    import io

    from kzru.json_writer import write_json_value

    out = io.StringIO()
    write_json_value({"items": iter(items), "more": [iter(items)]}, out)
    assert out.getvalue() == json_text({"items": items, "more": [items]})


def test_every_brief_written_as_made_is_the_briefs_json(run) -> None:  # noqa: ANN001
    """The brief's JSON, its long lists made item by item as written, is the text of the
    whole page's data, for every event of the bundled table."""
    from kzru.brief import build
    from kzru.brief_data import data
    from kzru.db import open_store
    from kzru.store import bundled_data_dir

    stored = open_store(bundled_data_dir(), color=False)  # as the command reads it
    for event_id in stored.events:
        done = run("brief", event_id, "--format", "json")
        whole = data(build(stored, event_id))
        assert done.code == 0 and done.out == json_text(whole, plain=False) + "\n", event_id


def test_the_stores_rows_are_the_loaded_tables_and_a_sentence_is_its_evidence() -> None:
    """A page's layout reads rows (model.Row), not facts: the store's rows hold what the
    loaded table's facts hold, and two rows share a sentence exactly when their evidence
    is the same (the store ranks the evidence instead of holding it)."""
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    shared = 0
    for event_id in [*loaded.events, ""]:
        pairs = [(stored.rows_of(loaded.sources, [event_id], top_level=True),
                  loaded.rows_of(loaded.sources, [event_id], top_level=True))]
        if event_id:  # an event's rows (the loaded table keeps none for "no event")
            pairs.append((stored.event_rows(event_id), loaded.event_rows(event_id)))
        for mine, theirs in pairs:
            assert [row[:-1] for row in mine] == [row[:-1] for row in theirs]
            assert [row.id for row in theirs] == [
                fact.id for fact in loaded.facts.values() if fact.id in {r.id for r in theirs}]
            for one, other in ((a, b) for a in range(len(mine)) for b in range(len(mine))):
                same = mine[one].sentence == mine[other].sentence
                assert same == (theirs[one].sentence == theirs[other].sentence)
                shared += same and one != other
    assert shared  # some rows of the bundled table do share a sentence


def test_a_brief_is_made_again_each_time_it_is_read() -> None:
    """The long parts of a brief are made as they are read (brief.Pages): read twice, they
    are the same; their length and truth are known without reading them."""
    from kzru.brief import Pages, build
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    brief = build(stored, "2025-11-state-visit-moscow")
    assert brief.checks and brief.sections[0].groups  # the Moscow preview is held against it
    for part in (brief.sections, brief.figures, brief.alongside, brief.preview_side,
                 brief.checks, brief.sections[0].groups):
        assert isinstance(part, Pages)
        first = list(part)
        assert first == list(part) and len(part) == len(first) and bool(part) == bool(first)
        assert first is not list(part)
    assert list(brief.sections)[0].groups[0].items[0] == brief.sections[0].groups[0].items[0]
    assert [] + brief.figures == list(brief.figures) == brief.figures + []


def test_a_later_value_is_written_as_the_value_it_makes() -> None:
    """render.Later: made only when the writer reaches it, written as what it makes."""
    import io

    from kzru.json_writer import Later, write_json_value

    made: list[str] = []

    def make() -> dict[str, Any]:
        made.append("now")
        return {"b": [1, "два"], "c": None}

    value = {"a": iter([1, 2]), "new": Later(make), "z": "end"}
    out = io.StringIO()
    write_json_value(value, out, plain=False)
    assert made == ["now"]
    assert json.loads(out.getvalue()) == {"a": [1, 2], "new": {"b": [1, "два"], "c": None},
                                          "z": "end"}
    assert out.getvalue() == json_text({"a": [1, 2], "new": make(), "z": "end"}, plain=False)


def test_novelty_from_each_rows_sectors_and_names_once_is_novelty_from_the_rows() -> None:
    """A brief hands novelty each (sectors, names) pair of its rows once, in their order:
    the same answer as from every fact of the event."""
    from kzru.novelty import Named, novelty
    from kzru.store import bundled_data_dir

    stored, loaded = _both(bundled_data_dir())
    for event in loaded.events.values():
        facts = loaded.event_facts(event.id)
        pairs = [Named(*pair) for pair in dict.fromkeys((f.sectors, f.names) for f in facts)]
        assert len(pairs) <= len(facts)
        assert novelty(stored, event, pairs) == novelty(loaded, event, facts), event.id
