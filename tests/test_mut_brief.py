"""How a brief says one fact (kzru.brief_lines) and the brief as data (kzru.brief_data), by the
rules their docstrings state: a fact's own date is shown unless it is a day of the event; other
articles reporting the same fact are listed by citation number; a sector and a speaker are said
in the reader's language (the glossary's Russian name for a person or a body, the role in
brackets as the table has it). Facts, events, sectors and the glossary are the bundled table's,
read here; the brief around a line is only what the rule reads of it (its event, its sources).
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from conftest import read_table

from kzru import store
from kzru.brief import Item
from kzru.brief_lines import date_mark, members, reported_lines, sector_word, speaker_name
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
SECTORS = {row["id"]: row for row in read_table(DATA, "sectors")}
GLOSSARY = read_table(DATA, "glossary")
EVENT = "2025-11-state-visit-moscow"


@pytest.fixture(scope="module")
def table():  # noqa: ANN201
    return store.load(DATA)


def russian_name(english: str, kind: str) -> str:
    return next(row["name_ru"] for row in GLOSSARY
                if row["name_en"] == english and row["kind"] == kind)


# --- a fact's date beside it ----------------------------------------------------------------

def test_a_date_is_shown_unless_it_is_a_day_of_the_event(table) -> None:  # noqa: ANN001
    event = table.events[EVENT]
    assert event.start < event.end and event.date_precision == "day"  # a visit of two days
    brief = SimpleNamespace(event=event)
    fact = next(f for f in table.facts.values() if f.event == EVENT)
    on_a_day = fact._replace(date=event.end, date_precision="day", date_basis="publication")
    assert date_mark(on_a_day, brief) == ""
    # the event's month, known only to the month: not a day of the event, so it is shown
    in_the_month = on_a_day._replace(date_precision="month")
    assert date_mark(in_the_month, brief) == f" ({event.end.isoformat()[:7]})"
    # a day before the event: shown
    before = on_a_day._replace(date=date(2025, 9, 3))
    assert date_mark(before, brief) == " (2025-09-03)"
    # which day of a visit of two days, when inferred, says so
    inferred = on_a_day._replace(date_basis="inferred")
    assert date_mark(inferred, brief) == f" ({event.end.isoformat()}, inferred)"
    assert date_mark(inferred, brief, "ru") == f" ({event.end.isoformat()}, дата выведена)"


# --- other articles that report the same fact -------------------------------------------

def test_other_articles_reporting_a_fact_are_listed_by_citation_number_then_id(table
                                                                               ) -> None:  # noqa: ANN001
    """A row of a later-cited article with an id earlier in the alphabet comes after one of
    an earlier-cited article: the order is the citation numbers'."""
    sources = [table.sources[s] for s in ("a004", "a001", "a003")]  # cited [1], [2], [3]
    brief = SimpleNamespace(sources=sources)
    fact = next(f for f in table.facts.values() if f.source == "a004")
    first = fact._replace(id="zz-of-a001", source="a001")  # [2]
    second = fact._replace(id="aa-of-a003", source="a003")  # [3]
    also = fact._replace(id="ab-of-a003", source="a003")  # [3], after aa- by id
    item = Item(fact, [], "", 1, same=[also, second, first])
    assert reported_lines(item, brief, "en") == [
        "  - reported by 3 sources: [1], [2] `zz-of-a001`, [3] `aa-of-a003`, "
        "[3] `ab-of-a003`"]
    assert reported_lines(item._replace(same=[]), brief, "en") == []


# --- sectors and speakers in the reader's language --------------------------------------

def test_a_sector_in_a_line_is_its_id_in_english_and_its_short_russian_name_in_russian(
        table) -> None:  # noqa: ANN001
    for sector, row in SECTORS.items():
        short = row["name_ru"].split(" (")[0]
        assert sector_word(sector, table, "ru") == short[:1].lower() + short[1:]
        assert sector_word(sector, table, "en") == sector
    assert sector_word("energy", table, "ru") == "энергетика"
    assert sector_word("no-such-sector", table, "ru") == "no-such-sector"


def test_a_speaker_takes_the_glossarys_russian_name_and_keeps_the_bracket(table) -> None:  # noqa: ANN001
    putin = russian_name("Vladimir Putin", "person")
    tokayev = russian_name("Kassym-Jomart Tokayev", "person")
    akorda = russian_name("Akorda", "organization")
    assert speaker_name("Vladimir Putin", table, "ru") == putin
    assert speaker_name("Kassym-Jomart Tokayev; Vladimir Putin", table, "ru") == \
        f"{tokayev}; {putin}"
    assert speaker_name("Akorda", table, "ru") == akorda
    # the role in brackets stays as the table has it, brackets inside it too
    assert speaker_name("Vladimir Putin (President (Russia))", table, "ru") == \
        f"{putin} (President (Russia))"
    # English, and no speaker: as they are
    assert speaker_name("Vladimir Putin", table, "en") == "Vladimir Putin"
    assert speaker_name("", table, "ru") == ""
    # a place the glossary names in Russian is not a speaker's name: not taken
    place = next(row for row in GLOSSARY if row["kind"] == "place" and row["name_ru"])
    assert speaker_name(place["name_en"], table, "ru") == place["name_en"]


# --- the brief as data (brief --format json) ----------------------------------------------

FACT_KEYS = ["id", "kind", "date", "date_precision", "date_basis", "sectors", "status",
             "speaker", "summary", "text", "evidence", "source", "part_of"]
ITEM_KEYS = [*FACT_KEYS, "attribution", "citation", "parts", "announced", "same_sentence",
             "areas", "conflicts", "same_as", "sources_count"]
CHECK_KEYS = [*ITEM_KEYS, "verdict", "shown_as", "see_also", "field_rows", "parts_verdicts",
              "later", "decided_by", "words"]


def split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def as_fact(row: dict[str, str]) -> dict[str, object]:
    """A fact of the CSV as the brief's data gives it: the fact's own cells, lists as lists."""
    return {key: split(row[key]) if key == "sectors" else row[key] for key in FACT_KEYS}


def items_of(page: dict) -> list[tuple[str, dict]]:
    found = [("section", entry) for section in page["sections"]
             for group in section["sectors"] for entry in group["facts"]]
    for key in ("preview_against_outcome", "figures", "alongside", "preview_background"):
        found += [(key, entry) for entry in page[key]]
    return found


def brief_json(run, *args: str) -> dict:  # noqa: ANN001
    import json

    done = run("brief", *args, "--format", "json")
    assert done.code == 0, done.err
    return json.loads(done.out)


def test_the_briefs_data_says_each_event_fact_and_article_as_the_table_has_them(run) -> None:  # noqa: ANN001
    facts = {row["id"]: row for row in read_table(DATA, "facts")}
    events = {row["id"]: row for row in read_table(DATA, "events")}
    sources = {row["id"]: row for row in read_table(DATA, "sources")}
    page = brief_json(run, EVENT)
    assert list(page) == ["event", "related", "related_announced_only", "announced_in",
                          "sections",
                          "preview_against_outcome", "figures", "alongside",
                          "preview_background", "preview_assessments_left_out", "new",
                          "citations"]
    row = events[EVENT]
    assert page["event"] == {
        "id": EVENT, "kind": row["kind"], "title_en": row["title_en"],
        "title_ru": row["title_ru"], "start": row["start"], "end": row["end"],
        "date_precision": row["date_precision"], "date_basis": row["date_basis"],
        "date_note": row["date_note"], "places": split(row["places"]), "host": row["host"],
        "guest": row["guest"]}
    assert all(other in events for other in page["related"])
    assert set(page["related_announced_only"]) <= set(page["related"])
    assert isinstance(page["preview_assessments_left_out"], int)
    for section in page["sections"]:
        assert list(section) == ["status", "title", "sectors"]
        assert all(list(group) == ["sector", "facts"] for group in section["sectors"])
    found = items_of(page)
    assert {where for where, _ in found} == {"section", "preview_against_outcome", "figures",
                                             "alongside", "preview_background"}
    for where, entry in found:
        keys = {"preview_against_outcome": CHECK_KEYS,
                "figures": [*ITEM_KEYS, "value", "unit"]}.get(where, ITEM_KEYS)
        assert list(entry) == keys, where
        assert {key: entry[key] for key in FACT_KEYS} == as_fact(facts[entry["id"]])
        for part in entry["parts"]:
            assert part == as_fact(facts[part["id"]])
        assert all(other in facts for other in [*entry["announced"], *entry["same_as"],
                                                *entry["same_sentence"]])
        if where == "figures":
            cell = facts[entry["id"]]
            assert entry["unit"] == cell["unit"]
            assert entry["value"] == (float(cell["value"]) if cell["value"] else None)
        if where == "preview_against_outcome":
            # every id it names is a fact of the table; no see-also is the empty string
            assert entry["see_also"] == "" or entry["see_also"] in facts
            assert entry["decided_by"] == "" or entry["decided_by"] in facts
            assert all(other in facts for other in [*entry["later"], *entry["field_rows"],
                                                    *entry["parts_verdicts"]])
    checks = page["preview_against_outcome"]
    assert any(entry["see_also"] for entry in checks)
    assert any(entry["see_also"] == "" for entry in checks)
    new = page["new"]
    assert list(new) == ["previous_event", "sectors", "sectors_last_alongside", "first_sectors",
                         "first_sectors_alongside", "names", "names_preview_only",
                         "names_first_with", "previous_commitments"]
    assert new["previous_event"] in events
    assert all(other in events for other in new["names_first_with"])
    assert new["previous_commitments"] and all(
        list(entry) == ["id", "verdict", "later", "verdict_now", "later_now", "see_also",
                        "parts_see_also"]
        for entry in new["previous_commitments"])
    cited = [entry["source"] for entry in page["citations"]]
    assert [entry["number"] for entry in page["citations"]] == list(range(1, len(cited) + 1))
    for entry in page["citations"]:
        row = sources[entry["source"]]
        assert list(entry) == ["number", "preview", "of_this_event", "source", "publisher",
                               "title", "published", "published_precision", "file", "url",
                               "reference"]
        assert {key: entry[key] for key in ("publisher", "title", "published",
                                            "published_precision", "file", "url")} == \
            {key: row[key] for key in ("publisher", "title", "published",
                                       "published_precision", "file", "url")}
        # the reference to paste: outlet, «title», date, file, address
        outlet = row["publisher"] or "outlet not named in the text"
        assert entry["reference"].startswith(f"{outlet}, ")
        if row["title"]:
            assert entry["reference"].startswith(f"{outlet}, «{row['title']}», ")
        tail = f", file {row['file']}" + (f", {row['url']}" if row["url"] else "")
        assert entry["reference"].endswith(tail)
    assert any(sources[source]["url"] for source in cited)
    assert any(sources[source]["title"] for source in cited)
    assert any(entry["preview"] for entry in page["citations"])


def test_an_articles_other_date_for_a_fact_is_in_the_data_as_the_table_has_it(run) -> None:  # noqa: ANN001
    facts = {row["id"]: row for row in read_table(DATA, "facts")}
    page = brief_json(run, "2024-11-state-visit-astana")
    conflicts = [(entry, other) for _, entry in items_of(page) for other in entry["conflicts"]]
    assert conflicts
    for entry, other in conflicts:
        row = facts[other["id"]]
        assert other == {"id": row["id"], "source": row["source"], "date": row["date"],
                         "date_precision": row["date_precision"]}
        assert other["date"] != entry["date"] or \
            other["date_precision"] != entry["date_precision"]


def test_the_last_meetings_commitments_now_count_reports_after_this_meeting(run, data_copy
                                                                            ) -> None:  # noqa: ANN001
    """``later``: what was reported by this meeting; ``later_now``: by the newest article. A
    report published after the Astana visit on one of the Sochi talks' commitments is in the
    second only."""
    from conftest import add_facts

    page = brief_json(run, "2024-11-state-visit-astana", "--data", str(data_copy))
    commitment = page["new"]["previous_commitments"][0]
    assert commitment["later"] == commitment["later_now"]
    moscow = next(row for row in read_table(data_copy, "facts")
                  if row["event"] == EVENT and row["source"] == "a004" and not row["part_of"])
    add_facts(data_copy, {"id": "a004-later-report", "follows": commitment["id"],
                          "status": "done", "part_of": ""}, template=moscow["id"])
    after = brief_json(run, "2024-11-state-visit-astana", "--data", str(data_copy))
    again = next(entry for entry in after["new"]["previous_commitments"]
                 if entry["id"] == commitment["id"])
    assert again["later"] == commitment["later"]
    assert again["later_now"] == [*commitment["later_now"], "a004-later-report"]
    assert again["verdict_now"] == "done"


# --- a date taken from an article whose own date was inferred -------------------------------

def test_a_later_or_conflicting_fact_dated_by_its_inferred_article_says_inferred(table  # noqa: ANN001
                                                                               ) -> None:
    """A fact with no date of its own (basis "publication") takes its article's date; where
    that date was inferred (a001, published_basis "inferred" in sources.csv), the fact's date
    is marked inferred wherever the brief shows it: in a list of later facts and as the
    other article's date of a conflicting row."""
    from kzru.brief_lines import conflict_lines, later_list

    report = table.sources["a001"]
    assert report.published_basis == "inferred"
    later = next(f for f in table.facts.values()
                 if f.source == "a001" and f.date_basis == "publication")
    shown = later.date.isoformat()  # day precision, as a001's date is
    # (and, dated by its article, said "reported as of" it: round 13)
    assert later_list([later], "en", [report]) == \
        f"`{later.id}` (reported as of {shown}, inferred)"
    assert later_list([later], "ru", [report]) == \
        f"`{later.id}` (сообщено на {shown}, дата выведена)"
    stated = table.sources["a002"]
    # dated by its article, whose date was stated: no mark
    here = next(f for f in table.facts.values() if f.source == "a002" and
                f.date_basis == "publication" and f.date_precision == "day")
    brief = SimpleNamespace(sources=[stated, report])
    item = SimpleNamespace(fact=here, citation=1, conflicts=[later])
    assert conflict_lines(item, brief, "en") == [
        f"  - ⚠ Sources differ on the date: {here.date.isoformat()} here [1]; {shown}, "
        f"inferred in [2] `{later.id}`"]


def test_the_briefs_data_marks_only_the_preview_among_its_citations(table) -> None:  # noqa: ANN001
    """A citation is a preview where its article came out no later than the visit's first
    day and reports no outcome: of the Moscow visit's articles (11-12 November 2025) only
    a002 (on the first day, telling what is expected); a004 came out after it."""
    from kzru.brief import build
    from kzru.brief_data import data

    first_day = table.events[EVENT].start.isoformat()
    assert SOURCES_PUBLISHED["a002"] <= first_day < SOURCES_PUBLISHED["a004"]
    citations = data(build(table, EVENT))["citations"]
    assert {c["source"]: c["preview"] for c in citations} == \
        {c["source"]: c["source"] == "a002" for c in citations}
    assert "a002" in {c["source"] for c in citations}


SOURCES_PUBLISHED = {row["id"]: row["published"] for row in read_table(DATA, "sources")}


# --- a set's members: one sentence repeated but for the member each part names ---------------

def _set_of(table, *members: tuple[str, str]):  # noqa: ANN001, ANN202
    """A parent and one part per (summary, member name), every part quoting the parent."""
    base = next(fact for fact in table.facts.values() if not fact.part_of)
    parent = base._replace(id="the-set", evidence="the words the parent quotes")
    parts = [base._replace(id=f"part-{n}", part_of="the-set", evidence=parent.evidence,
                           summary=summary, names=(name,))
             for n, (summary, name) in enumerate(members)]
    return parent, parts


def test_two_parts_repeating_one_sentence_are_listed_by_their_members(table) -> None:  # noqa: ANN001
    # two is a set already; the members share their first letter, which is the member's own
    parent, parts = _set_of(table,
                            ("The council agreed a joint course with MEPhI for engineers.",
                             "MEPhI"),
                            ("The council agreed a joint course with MISIS for engineers.",
                             "MISIS"))
    assert members(parts, parent, "en") == [("MEPhI", parts[0]), ("MISIS", parts[1])]


def test_a_shared_ending_that_starts_inside_a_word_starts_at_the_next_whole_word(
        table) -> None:  # noqa: ANN001
    # Tomsk and Omsk end alike ("msk …"): the ending the parts share starts after the names
    parent, parts = _set_of(table,
                            ("The council agreed a joint course with Tomsk for engineers.",
                             "Tomsk"),
                            ("The council agreed a joint course with Omsk for engineers.",
                             "Omsk"))
    assert members(parts, parent, "en") == [("Tomsk", parts[0]), ("Omsk", parts[1])]
