"""A brief as Markdown (kzru.render_brief.markdown), by the rules its docstrings and the
README state: each source names its outlet and headline or says that the text gives none;
events held alongside show their dates as a span; a line says who says so where the fact is
attributed; a part's quotation is shown only where it differs from the whole's; a fact's
other sectors are said in the reader's language; what is new since the last meeting lists at
most 20 names and counts the rest; a commitment nothing later reports keeps its verdict; a
forecast's field the report is silent on is "not mentioned"; a check names the later fact
that decided it with the words that did.

Facts, sources, events and sectors are the bundled table's, read here from the CSV; where the
table has no case of a rule (a row recorded from the same sentence, more than 20 new names in
a small brief) the brief is the real one with that one part replaced, and the page is still
made by ``markdown``.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import read_table

from kzru import store
from kzru.brief import Item, Section, SectorGroup, build
from kzru.follow import (
    BORNE_OUT,
    DONE,
    IN_PROGRESS,
    LATEST,
    NO_REPORT,
    NOT_TAKEN_UP,
    PARTLY_BORNE_OUT,
    TAKEN_UP_AGAIN,
    Tracked,
)
from kzru.novelty import Novelty
from kzru.render_brief import markdown
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = {row["id"]: row for row in read_table(DATA, "facts")}
SOURCES = {row["id"]: row for row in read_table(DATA, "sources")}
EVENTS = {row["id"]: row for row in read_table(DATA, "events")}
SECTORS = {row["id"]: row for row in read_table(DATA, "sectors")}
MOSCOW, ASTANA, FEBRUARY = ("2025-11-state-visit-moscow", "2024-11-state-visit-astana",
                            "2022-02-working-visit")


@pytest.fixture(scope="module")
def table():  # noqa: ANN201
    return store.load(DATA)


def page(table, event: str, lang: str = "en", **changes: object) -> list[str]:  # noqa: ANN001
    brief = build(table, event)
    return markdown(brief._replace(**changes) if changes else brief, table, lang).splitlines()


def number(table, event: str, source: str) -> int:  # noqa: ANN001
    """The citation number of a source on the event's page: its place in the brief's list."""
    return [s.id for s in build(table, event).sources].index(source) + 1


def section(lines: list[str], heading: str) -> list[str]:
    """The lines under the ``## heading`` that starts so, up to the next one."""
    start = next(i for i, line in enumerate(lines) if line.startswith(heading)) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


def line_of(lines: list[str], fact_id: str, prefix: str = "- ") -> str:
    found = [line for line in lines if line.startswith(prefix) and f"`{fact_id}`" in line]
    assert len(found) == 1, (fact_id, found)
    return found[0]


# --- sources -----------------------------------------------------------------------------

def test_a_source_names_its_outlet_and_headline_or_says_the_text_gives_none(table) -> None:  # noqa: ANN001
    """a002 has neither outlet nor headline, a001 an outlet only, a004 both (sources.csv)."""
    assert not SOURCES["a002"]["publisher"] and not SOURCES["a002"]["title"]
    assert SOURCES["a001"]["publisher"] == "CMN.KZ" and not SOURCES["a001"]["title"]
    assert SOURCES["a004"]["publisher"] == "Kazinform" and SOURCES["a004"]["title"]
    for lang, unnamed, no_headline in (("en", "outlet not named in the text",
                                        r"\[headline not given\]"),
                                       ("ru", "издание в тексте не названо",
                                        r"\[заголовок не указан\]")):
        sources = section(page(table, MOSCOW, lang), "## " + ("Sources" if lang == "en"
                                                                else "Источники"))
        said = {source: next(line for line in sources if line.startswith(
            f"{number(table, MOSCOW, source)}. ")) for source in ("a001", "a002", "a004")}
        assert said["a002"].startswith(f"{number(table, MOSCOW, 'a002')}. {unnamed}, "
                                       f"{no_headline}, 2025-11-11, ")
        assert said["a001"].startswith(f"{number(table, MOSCOW, 'a001')}. CMN.KZ, "
                                       f"{no_headline}, 2024-11-27 ")
        assert said["a004"].startswith(f"{number(table, MOSCOW, 'a004')}. Kazinform, "
                                       f"«{SOURCES['a004']['title']}», 2025-11-12, ")
        assert "«»" not in "\n".join(sources)


# --- events held alongside ---------------------------------------------------------------

def related_span(event: str, lang: str = "en") -> str:
    """An event's days on another page's related line: marked inferred as its own header
    is (round 13b)."""
    mark = {"en": ", inferred", "ru": ", дата выведена"}[lang]
    return span(event) + (mark if EVENTS[event]["date_basis"] == "inferred" else "")


def span(event: str) -> str:
    """An event's days as the README says a span is written: the shared leading part once
    (2025-11-11 – 11-12), one day as that day."""
    start, end = EVENTS[event]["start"], EVENTS[event]["end"]
    if start == end:
        return start
    return f"{start} – {end[5:]}" if start[:4] == end[:4] else f"{start} – {end}"


def test_events_held_alongside_show_their_days_as_a_span(table) -> None:  # noqa: ANN001
    forum = "2025-11-xxi-interregional-forum"
    assert (EVENTS[forum]["start"], EVENTS[forum]["end"]) == ("2025-11-11", "2025-11-12")
    assert EVENTS[forum]["date_basis"] == "inferred"
    assert f"*Held alongside:* {EVENTS[forum]['title_en']} (2025-11-11 – 11-12, inferred) " \
           f"`{forum}`" in page(table, MOSCOW)
    lines = page(table, ASTANA)
    forum, council = "2024-11-xx-interregional-forum", "2024-11-csto-council"
    assert f"*Held alongside:* {EVENTS[forum]['title_en']} ({related_span(forum)}) `{forum}`" \
        in lines
    assert f"*Announced alongside, not reported as held:* {EVENTS[council]['title_en']} " \
           f"({related_span(council)}) `{council}`" in lines
    assert span(forum) == "2024-11-27"  # one day: one date, no dash


# --- who says so --------------------------------------------------------------------------

def test_reported_alongside_names_the_speaker_and_only_where_one_is_attributed(table
                                                                                ) -> None:  # noqa: ANN001
    """A line of "reported alongside" says who says so when the fact has a speaker (or is a
    forecast, or comes from a preview); a plain report of the article's own says nobody."""
    moscow = section(page(table, MOSCOW), "## Reported alongside")
    assert FACTS["a004-mgimo-astana-branch"]["speaker"] == "Akorda"
    assert f" — *Akorda* [{number(table, MOSCOW, 'a004')}] `a004-mgimo-astana-branch`" in \
        line_of(moscow, "a004-mgimo-astana-branch")
    astana = section(page(table, ASTANA), "## Reported alongside")
    tokayev = "a001-tokayev-model-of-friendship"
    assert FACTS[tokayev]["speaker"] == "Kassym-Jomart Tokayev"
    assert line_of(astana, tokayev).endswith(
        f" — *Kassym-Jomart Tokayev* [{number(table, ASTANA, 'a001')}] `{tokayev}`")
    plain = "a001-press-usually-in-residence"
    assert not FACTS[plain]["speaker"] and FACTS[plain]["status"] == "reported"
    assert line_of(astana, plain) == f"- reported: {FACTS[plain]['summary']} " \
                                     f"[{number(table, ASTANA, 'a001')}] `{plain}`"


# --- a fact's parts and sectors -----------------------------------------------------------

def test_a_parts_quotation_is_shown_only_where_it_differs_from_the_wholes(table) -> None:  # noqa: ANN001
    lines = page(table, FEBRUARY)
    parts = [row for row in FACTS.values() if row["event"] == FEBRUARY and row["part_of"]]
    same = [row for row in parts if row["evidence"] == FACTS[row["part_of"]]["evidence"]]
    assert same and len(same) < len(parts)  # both kinds are on this page
    for row in parts:
        at = lines.index(line_of(lines, row["id"], prefix="  - "))
        quoted = lines[at + 1].startswith("    > ")
        assert quoted == (row["evidence"] != FACTS[row["part_of"]]["evidence"]), row["id"]
        if quoted:
            assert lines[at + 1] == f"    > «{row['evidence']}»"


def short_russian(sector: str) -> str:
    name = SECTORS[sector]["name_ru"].split(" (")[0]
    return name[:1].lower() + name[1:]


def test_a_facts_other_sectors_are_said_in_the_readers_language(table) -> None:  # noqa: ANN001
    """"also energy" in English (the id --sector takes), «также энергетика» in Russian; the
    first sector is the one the fact is listed under."""
    for lang, word, say in (("en", "also", lambda s: s), ("ru", "также", short_russian)):
        shown = [line for line in page(table, ASTANA, lang) if f"` · {word} " in line]
        assert len(shown) >= 2
        for line in shown:
            fact_id, others = re.search(rf"`([^`]+)` · {word} (.+)$", line).groups()
            sectors = FACTS[fact_id]["sectors"].split("; ")
            assert others == ", ".join(say(s) for s in sectors[1:]), line
    assert short_russian("energy") == "энергетика"


def test_a_row_of_the_same_sentence_is_said_with_its_own_text_and_status(table) -> None:  # noqa: ANN001
    """The other rows recorded from the same sentence follow the item, each in the reader's
    language with its status. (No row of the bundled table has one now: the item is the
    real fact with its sentence's other row beside it.)"""
    education, industry = table.facts["a001-talks-education"], table.facts["a001-talks-industry"]
    assert FACTS[education.id]["evidence"] == FACTS[industry.id]["evidence"]
    item = Item(education, [], "", 1, also=[industry])
    sections = [Section("reported", "", [SectorGroup("education", [item])])]
    said = {"en": f"  - the same sentence is also recorded as: {FACTS[industry.id]['summary']} "
                  f"`{industry.id}` (reported)",
            "ru": f"  - то же предложение записано также как: {FACTS[industry.id]['text']} "
                  f"`{industry.id}` (сообщается)"}
    for lang, expected in said.items():
        assert expected in page(table, ASTANA, lang, sections=sections)


# --- new since the last meeting -----------------------------------------------------------

def test_new_since_lists_twenty_names_counts_the_rest_and_keeps_each_verdict(table) -> None:  # noqa: ANN001
    previous = table.events[ASTANA]
    kept = table.facts["a001-health-agreements"]  # nothing later reports it
    silent = table.facts["a001-tourism-cooperation"]  # nothing by then; later articles do
    novelty = Novelty(previous, ["nuclear", "space", "health"], ["space"],
                      [f"Name {n}" for n in range(1, 24)],
                      outcomes=[Tracked(kept, [], NO_REPORT, ""),
                                Tracked(silent, [], NO_REPORT, "")],
                      since={silent.id: Tracked(silent, [], LATEST, "")})
    lines = section(page(table, MOSCOW, novelty=novelty),
                    f"## New since the last bilateral meeting in this table, "
                    f"{EVENTS[ASTANA]['title_en']} "
                    f"({span(ASTANA)})")
    names = SECTORS["nuclear"]["name"], SECTORS["space"]["name"], SECTORS["health"]["name"]
    assert f"- Sectors not covered last time: {', '.join(names)}" in lines
    assert f"- Sectors new to this table: {SECTORS['space']['name']}" in lines
    first = ", ".join(f"Name {n}" for n in range(1, 21))
    assert f"- Names first appearing: {first} (and 3 more)" in lines
    assert f"  - **no later report in this table**: {FACTS[kept.id]['summary']} `{kept.id}`" \
        in lines
    assert f"  - **no report by this meeting**: {FACTS[silent.id]['summary']} `{silent.id}`" \
        in lines
    # twenty names exactly: nothing more to count
    exact = novelty._replace(names=[f"Name {n}" for n in range(1, 21)])
    assert f"- Names first appearing: {first}" in page(table, MOSCOW, novelty=exact)


# --- the preview's own background ---------------------------------------------------------

def test_the_previews_background_says_its_inferred_dates_other_reports_and_statements(table
                                                                                      ) -> None:  # noqa: ANN001
    """A line of "also in the preview" says its date where it is not a day of the visit
    (marked when inferred, in the reader's language), the other articles that report it by
    citation number, and the preview's left-out statements close the list as one more
    item."""
    background = table.facts["a002-msu-branch"]
    dated = background._replace(date=date(2021, 1, 1), date_precision="year",
                                date_basis="inferred")
    other = table.facts["a004-mgimo-astana-branch"]
    item = Item(dated, [], "", number(table, MOSCOW, "a002"), preview="preview",
                same=[other])
    preview, report = number(table, MOSCOW, "a002"), number(table, MOSCOW, "a004")
    for lang, heading, inferred, reported, statements in (
            ("en", "## Also in the preview", "(2021, inferred)", "reported by 2 sources",
             "- and 7 statements and assessments (kzru facts --source a002)"),
            ("ru", "## Также в обзоре", "(2021, дата выведена)", "сообщают источники (2)",
             "- и высказывания и оценки (7; kzru facts --source a002)")):
        lines = section(page(table, MOSCOW, lang, preview_side=[item], preview_said=7),
                        f"{heading} [{preview}]")
        text = FACTS[background.id]["summary" if lang == "en" else "text"]
        line = line_of(lines, background.id)
        assert f": {text} {inferred} — *" in line
        assert lines[lines.index(line) + 1] == \
            f"  - {reported}: [{preview}], [{report}] `{other.id}`"
        assert statements in lines


# --- the preview against the outcome ------------------------------------------------------

def test_a_check_names_the_later_fact_that_decided_it_and_its_words(table) -> None:  # noqa: ANN001
    """The plan of the first nuclear plant with Rosatom is decided by the report's row that
    follows it (follows in facts.csv); the words quoted are the report's own (pieces of its
    evidence, joined by " … " where they are apart)."""
    checks = section(page(table, MOSCOW), "## Preview against outcome")
    forecast, later = "a002-first-npp-with-rosatom", "a004-first-npp-kazakhstan"
    assert forecast in FACTS[later]["follows"].split("; ")
    words = re.search(rf"→ `{later}` \[{number(table, MOSCOW, 'a004')}\] «(.+)»$",
                      line_of(checks, forecast)).group(1)
    assert words and all(piece in FACTS[later]["evidence"] for piece in words.split(" … "))
    # a field of a forecast of several fields: the same, on its own line
    field, report = "a002-expected-focus-transport-logistics", "a004-transport-corridors-expansion"
    assert field in FACTS[report]["follows"].split("; ")
    words = re.search(rf"→ `{report}` \[{number(table, MOSCOW, 'a004')}\] «(.+)»$",
                      line_of(checks, field, prefix="  - ")).group(1)
    assert words and all(piece in FACTS[report]["evidence"] for piece in words.split(" … "))


def test_a_field_the_report_is_silent_on_is_not_mentioned_unless_it_is_background(table
                                                                                  ) -> None:  # noqa: ANN001
    """Each field of a forecast of several fields: one nothing later reports (whatever
    track calls it on its own) is "not mentioned in the visit's report"; one of the
    preview's background keeps track's word ("not taken up"); one borne out says so."""
    brief = build(table, MOSCOW)
    whole = next(check for check in brief.checks if check.tracked.parts)
    first, second, third = (part.fact for part in whole.tracked.parts[:3])
    parts = (Tracked(first, [], LATEST, ""), Tracked(second, [], NOT_TAKEN_UP, ""),
             whole.tracked.parts[2]._replace(verdict=BORNE_OUT))
    assert whole.tracked.parts[2].later
    check = whole._replace(tracked=whole.tracked._replace(verdict=PARTLY_BORNE_OUT,
                                                          parts=parts))
    lines = section(page(table, MOSCOW, checks=[check]), "## Preview against outcome")
    assert line_of(lines, first.id, "  - ").startswith(
        f"  - **not mentioned in the visit's report** — {FACTS[first.id]['summary']} "
        f"`{first.id}`")
    assert line_of(lines, second.id, "  - ").startswith(
        f"  - **not taken up in the visit's report** — {FACTS[second.id]['summary']} "
        f"`{second.id}`")
    assert line_of(lines, third.id, "  - ").startswith(
        f"  - **borne out** — {FACTS[third.id]['summary']} `{third.id}` → ")


# --- the head, related events, figures (fifth stop) ------------------------------------------

CSTO, FORUM, SOCHI = ("2024-11-csto-council", "2025-11-xxi-interregional-forum",
                      "2022-08-sochi-talks")


def test_an_event_with_no_place_recorded_says_no_place(table) -> None:  # noqa: ANN001
    """The CSTO session's row names no place: the head goes from the date to the kind."""
    assert EVENTS[CSTO]["places"] == ""
    assert page(table, CSTO)[2].startswith(f"**{span(CSTO)}** (inferred) · summit · ")


def test_a_date_note_is_headed_date_inferred_only_for_an_inferred_date(table) -> None:  # noqa: ANN001
    event = table.events[MOSCOW]
    note = f"*Date inferred: {EVENTS[MOSCOW]['date_note']}*"
    assert event.date_basis == "inferred" and note in page(table, MOSCOW)
    brief = build(table, MOSCOW)
    stated = markdown(brief._replace(event=event._replace(date_basis="stated")),
                      table).splitlines()
    assert f"*Date: {EVENTS[MOSCOW]['date_note']}*" in stated
    assert stated[2].startswith(f"**{span(MOSCOW)}** · ")  # no "(inferred)" after the date


def test_events_held_alongside_are_named_in_the_readers_language(table) -> None:  # noqa: ANN001
    related = next(line for line in page(table, MOSCOW, "ru") if line.startswith("*В те же дни"))
    assert related == \
        f"*В те же дни:* {EVENTS[FORUM]['title_ru']} ({related_span(FORUM, 'ru')}) `{FORUM}`"


def test_the_figures_section_ends_with_a_blank_line(table) -> None:  # noqa: ANN001
    lines = section(page(table, MOSCOW), "## Figures")
    assert lines[0] == "" and lines[-1] == ""
    assert all(line.startswith(("- **", "  > ", "  - ")) for line in lines[1:-1])


def test_earlier_meetings_of_other_kinds_are_the_newest_three_each_with_its_days(table
                                                                               ) -> None:  # noqa: ANN001
    from types import SimpleNamespace

    from kzru.render_brief import _earlier_of_other_kinds

    three = ("2022-06-spief-meeting", "2022-02-working-visit", "2021-12-cis-informal-summit")
    # each at no finer a precision than its own rows give, as its page's header (rubric 4):
    # SPIEF «в июне» (2022-06), the CIS summit «в конце прошлого года» (2021)
    shown = {"2022-06-spief-meeting": EVENTS["2022-06-spief-meeting"]["start"][:7],
             "2021-12-cis-informal-summit": EVENTS["2021-12-cis-informal-summit"]["start"][:4]}
    named = "; ".join(f"{EVENTS[e]['title_en']} ({shown.get(e) or span(e)})" for e in three)
    brief = SimpleNamespace(event=table.events[SOCHI])
    assert _earlier_of_other_kinds(brief, table, "en") == \
        f" Earlier in this table, of another kind: {named}."


def test_names_only_the_preview_gives_are_twenty_then_counted_and_names_shared_with_another_event(
        table) -> None:  # noqa: ANN001
    """The preview's own names: at most 20, then "(and N more)"; names first appearing also
    at an event held the same days are listed under that event's title, in the reader's
    language."""
    previous = table.events[ASTANA]
    preview = number(table, MOSCOW, "a002")
    novelty = Novelty(previous, [], [], [], preview_only=[f"Name {n}" for n in range(1, 24)],
                      with_others={FORUM: ["Name X"]})
    lines = page(table, MOSCOW, novelty=novelty)
    first = ", ".join(f"Name {n}" for n in range(1, 21))
    assert (f"- Names first appearing only in the preview [{preview}], not in the visit's "
            f"report: {first} (and 3 more)") in lines
    exact = novelty._replace(preview_only=[f"Name {n}" for n in range(1, 21)])
    assert (f"- Names first appearing only in the preview [{preview}], not in the visit's "
            f"report: {first}") in page(table, MOSCOW, novelty=exact)
    russian = page(table, MOSCOW, "ru", novelty=novelty)
    assert f"- Впервые названы здесь и в те же дни на событии «{EVENTS[FORUM]['title_ru']}»: " \
        "Name X" in russian


def test_a_forecast_of_a_field_not_named_lists_the_visits_documents_beside_it(table) -> None:  # noqa: ANN001
    """A forecast naming only its field that the report does not name, with the documents
    the visit signed as see-also: its line goes on with those documents, each with its
    citation, joined by ", " (RUBRIC-follows rule 4: not linked)."""
    from kzru.follow import NOT_NAMED

    brief = build(table, MOSCOW)
    check = next(c for c in brief.checks if not c.tracked.parts and c.see is None
                 and not c.field and not c.tracked.decisive)
    documents = (table.facts["a004-documents-space"], table.facts["a004-documents-nuclear-energy"])
    named = check._replace(shown=NOT_NAMED, tracked=check.tracked._replace(
        verdict=NOT_NAMED, see_also=documents))
    lines = section(page(table, MOSCOW, checks=[named]), "## Preview against outcome")
    cited = f"[{number(table, MOSCOW, 'a004')}]"
    assert line_of(lines, check.item.fact.id).endswith(
        " · the documents the visit signed, not linked to it (whether they take up this field "
        "is a reader's judgement: RUBRIC-follows rule 4): "
        f"`a004-documents-space` {cited}, `a004-documents-nuclear-energy` {cited}")


def test_a_parts_candidates_under_an_outcome_are_dated_as_their_articles_date_them(table
                                                                                  ) -> None:  # noqa: ANN001
    """Under what became of the last meeting's commitments, a part's unlinked candidates are
    listed with their dates; one dated by an article whose own date was inferred (a001) says
    "inferred"."""
    whole, part = table.facts["a001-health-agreements"], table.facts["a001-tourism-cooperation"]
    candidate = table.facts["a001-visit-most-significant-of-year"]
    assert candidate.date_basis == "publication" and SOURCES["a001"]["published_basis"] == \
        "inferred"
    novelty = Novelty(table.events[ASTANA], [], [], [],
                      outcomes=[Tracked(whole, [], NO_REPORT, "",
                                        parts=(Tracked(part, [], NO_REPORT, ""),))],
                      see_also={part.id: (candidate,)})
    lines = page(table, MOSCOW, novelty=novelty)
    assert (f"    - its part `{part.id}`: later facts that may report on it, not linked as its "
            f"progress: `{candidate.id}` (reported as of {candidate.date.isoformat()}, "
            "inferred)") in lines


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("event", [MOSCOW, ASTANA, FEBRUARY])
def test_the_header_is_one_paragraph_closed_by_a_blank_line(table, event: str,  # noqa: ANN001
                                                            lang: str) -> None:
    """The heading, a blank line, then one paragraph: the date line (ending in two spaces, a
    Markdown line break) and the event's id in backticks, closed by a blank line so that
    whatever follows (events held alongside, a date note, a section) is not read into it."""
    lines = page(table, event, lang)
    assert lines[0].startswith("# ") and lines[1] == ""
    assert lines[2].endswith("  ") and lines[3] == f"`{event}`"
    assert lines[4] == ""


def test_a_figures_conflicting_date_is_said_in_the_readers_language(table) -> None:  # noqa: ANN001
    """A row another article dates differently says so wherever it is shown, in the reader's
    language: the Astana brief's one conflict (KazNU's Omsk branch, dated otherwise by a004)
    given to its figure too (no figure in the table has one) is worded, in each language, as
    the same conflict is under the row in its section (the figure's own date is the same)."""
    brief = build(table, ASTANA)
    (item,) = [item for section in brief.sections for group in section.groups
               for item in group.items if item.conflicts]
    (figure,) = brief.figures
    assert figure.fact.date == item.fact.date and figure.citation == item.citation
    changed = brief._replace(figures=[figure._replace(conflicts=item.conflicts)])
    said = {}
    for lang in ("en", "ru"):
        lines = markdown(changed, table, lang).splitlines()
        warnings = [line for line in lines if line.lstrip().startswith("- ⚠")]
        figures = section(lines, "## " + ("Figures" if lang == "en" else "Цифры"))
        assert len(warnings) == 2 and warnings[0] == warnings[1]
        assert warnings[1] in figures
        said[lang] = warnings[0]
    assert said["en"] != said["ru"]



@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_comparison_rule_names_earlier_meetings_only_on_a_first_meeting(table,  # noqa: ANN001
                                                                           lang: str) -> None:
    """The italic rule under "new since the last …" says how meetings are compared; only a
    first meeting of its kind (no previous one) adds the earlier meetings of other kinds, so
    on a page with a previous meeting (Moscow 2025: Astana 2024; Astana: the Sochi talks)
    the rule is one sentence, the same on both pages, ending at its full stop."""
    heading = "## New since" if lang == "en" else "## Новое после"
    rules = []
    for event in (MOSCOW, ASTANA):
        assert build(table, event).novelty.previous is not None
        lines = page(table, event, lang)
        at = next(i for i, line in enumerate(lines) if line.startswith(heading))
        assert lines[at + 1] == ""
        rules.append(lines[at + 2])
    assert rules[0] == rules[1]
    assert rules[0].startswith("*") and rules[0].endswith(".*")
    assert ". " not in rules[0]


# --- issue 20: the survivors of round 13's render_brief_novelty sample ------------------

def test_more_than_three_earlier_meetings_of_other_kinds_are_three_then_counted(table
                                                                               ) -> None:  # noqa: ANN001
    """Were the 2025 Moscow visit the first of its kind, the seven earlier meetings (all of
    other kinds) would be the newest three, newest first, then "(and 4 more)": 7 - 3."""
    from types import SimpleNamespace

    from kzru.render_brief_novelty import _earlier_of_other_kinds

    earlier = sorted((e for e in EVENTS if EVENTS[e]["start"] < EVENTS[MOSCOW]["start"]),
                     key=lambda e: (EVENTS[e]["start"], e), reverse=True)
    assert len(earlier) == 7  # the table's events before 2025-11-11
    said = _earlier_of_other_kinds(SimpleNamespace(event=table.events[MOSCOW]), table, "en")
    assert said.startswith(" Earlier in this table, of another kind: ")
    assert said.endswith(" (and 4 more).")
    places = [said.find(f"{EVENTS[e]['title_en']} (") for e in earlier[:3]]
    assert -1 not in places and places == sorted(places)
    assert said.count("; ") == 2  # three named, no more
    for e in earlier[3:]:
        assert f"{EVENTS[e]['title_en']} (" not in said


def test_names_first_in_the_rows_reported_alongside_are_twenty_then_counted(table) -> None:  # noqa: ANN001
    """As the names first appearing: at most 20 listed, then how many more (23 - 20 = 3)."""
    novelty = Novelty(table.events[ASTANA], [], [], [],
                      names_alongside=[f"Name {n}" for n in range(1, 24)])
    first = ", ".join(f"Name {n}" for n in range(1, 21))
    assert (f"- Names first appearing in the rows reported alongside: {first} (and 3 more)"
            in page(table, MOSCOW, novelty=novelty))
    exact = novelty._replace(names_alongside=[f"Name {n}" for n in range(1, 21)])
    assert f"- Names first appearing in the rows reported alongside: {first}" \
        in page(table, MOSCOW, novelty=exact)


def test_a_summit_of_two_organisations_is_named_by_the_shortest_name(table) -> None:  # noqa: ANN001
    """A summit's title naming the CSTO in full and the EAEU as "EEU": the kind is said by the
    shortest of the names the title gives ("EEU", 3 letters), not the first in order
    ("Collective Security Treaty Organization" sorts before it)."""
    from kzru.render_brief_novelty import _family

    title = "Summit of the Collective Security Treaty Organization and the EEU"
    summit = table.events[CSTO]._replace(title_en=title)
    assert _family(summit, table, "en") == "EEU summit"


def test_only_a_row_alongside_that_a_later_fact_is_linked_to_says_its_outcome_since(table
                                                                                   ) -> None:  # noqa: ANN001
    """"Outcome since" is said of the rows reported alongside that later facts are linked to
    (render_brief._later_reports). A row no later fact follows gets none, even one whose part,
    not shown here, is followed: the 2024 transport agreement (its checkpoint part is followed
    by a004-border-checkpoints, it by nothing), set beside the Sochi talks' rows, whose MSU
    branch row is followed and keeps its line."""
    whole, part = "a001-agreed-transport-infrastructure", "a001-agreed-checkpoint-modernisation"
    assert FACTS[part]["part_of"] == whole
    follows = {row["id"]: row["follows"].split() for row in FACTS.values()}
    assert not [f for f, earlier in follows.items() if whole in earlier]
    assert [f for f, earlier in follows.items() if part in earlier] == ["a004-border-checkpoints"]
    msu = "a003-msu-branch-adapted-programme"
    assert [f for f, earlier in follows.items() if msu in earlier] == ["a002-msu-branch"]
    alongside = list(build(table, SOCHI).alongside)
    added = alongside[0]._replace(fact=table.facts[whole], parts=())
    lines = section(page(table, SOCHI, alongside=(*alongside, added)), "## Reported alongside")
    since = "  - later, as of the newest article in this table:"

    def under(fact_id: str) -> list[str]:
        start = lines.index(line_of(lines, fact_id)) + 1
        end = next((i for i in range(start, len(lines)) if lines[i].startswith("- ")),
                   len(lines))
        return lines[start:end]

    assert any(line.startswith(since) for line in under(msu))
    assert not any(line.startswith(since) for line in under(whole))


# --- what became of the last meeting's commitments (round 15: render_brief_novelty's last
# three survivors of round 14) ----------------------------------------------------------------

SPIEF = "2022-06-spief-meeting"


def outcome_ids(lines: list[str]) -> list[str]:
    """The ids of the last meeting's items, in the order the page lists them."""
    start = lines.index("- What became of its commitments by this meeting (kzru track):") + 1
    items = [line for line in lines[start:] if line.startswith("  - **")]
    return [re.search(r"`([^`]+)`", line)[1] for line in items]


def test_an_outcome_line_says_the_fact_in_the_readers_language(table) -> None:  # noqa: ANN001
    """Under --lang ru an item of the last meeting is said with its Russian text (the
    README: ru shows the text column), not the English summary: SPIEF 2022 against the
    February working visit, whose branch plans no article reported on by June 2022."""
    lines = page(table, SPIEF, "ru")
    for fact_id in ("a000-gubkin-atyrau-branch", "a000-mephi-almaty-branch"):
        assert f"  - **к этой встрече сообщений нет**: {FACTS[fact_id]['text']} `{fact_id}`" \
            in lines
        assert not any(FACTS[fact_id]["summary"] in line for line in lines)


def test_an_outcomes_later_facts_are_dated_as_their_articles_date_them(table) -> None:  # noqa: ANN001
    """The later facts after an item's verdict carry their dates as the lines beside them
    do: a fact with no date of its own is "reported as of" its article's date, and that
    date, inferred for a001, says "inferred"."""
    whole = table.facts["a001-health-agreements"]
    later = table.facts["a001-visit-most-significant-of-year"]
    assert later.date_basis == "publication" and SOURCES["a001"]["published_basis"] == \
        "inferred"
    novelty = Novelty(table.events[ASTANA], [], [], [],
                      outcomes=[Tracked(whole, [later], TAKEN_UP_AGAIN, "")])
    lines = page(table, MOSCOW, novelty=novelty)
    assert (f"  - **taken up again**: {FACTS[whole.id]['summary']} `{whole.id}` → "
            f"`{later.id}` (reported as of {later.date.isoformat()}, inferred)") in lines


def test_outcomes_go_by_this_meetings_verdict_then_by_what_later_articles_settled(table
                                                                                 ) -> None:  # noqa: ANN001
    """The last meeting's items by their verdict at this meeting (the README's order: done
    first, no later report last); among equal verdicts, what later articles settled first
    (done, then in progress), and those no later article reports last. Given here in
    another order: the page must sort them."""
    facts = table.facts
    bauman, expand, gubkin, mephi = (facts[f"a000-{name}"] for name in (
        "bauman-talks", "expand-russian-university-branches", "gubkin-atyrau-branch",
        "mephi-almaty-branch"))
    done_later, in_progress_later = facts["a002-gubkin-university-branch"], \
        facts["a002-mgimo-astana-branch"]
    novelty = Novelty(table.events[FEBRUARY], [], [], [],
                      outcomes=[Tracked(bauman, [], NO_REPORT, ""),
                                Tracked(expand, [], NO_REPORT, ""),
                                Tracked(gubkin, [], NO_REPORT, ""),
                                Tracked(mephi, [facts["a002-mephi-branch"]], DONE, "")],
                      since={expand.id: Tracked(expand, [in_progress_later], IN_PROGRESS, ""),
                             gubkin.id: Tracked(gubkin, [done_later], DONE, "")})
    lines = page(table, SPIEF, novelty=novelty)
    assert outcome_ids(lines) == [mephi.id, gubkin.id, expand.id, bauman.id]
