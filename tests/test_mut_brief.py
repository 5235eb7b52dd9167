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
from kzru.brief_lines import date_mark, reported_lines, sector_word, speaker_name
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
