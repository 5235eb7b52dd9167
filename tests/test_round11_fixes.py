"""The round-11 readers' remaining points on the briefs and track
(docs/audits/2026-12-05-round11-briefs.md, -track.md), each held to the rule it was fixed by.
Expected values come from the CSV rows read here, from the articles and the rubric, never from
the page itself.
"""

from __future__ import annotations

import json
from datetime import date

import brief_fixtures
from conftest import SEEDS, needs_seeds, read_table

from kzru.follow import COMMENTATOR, STATE, VIEW, role, track, voice
from kzru.model import Fact
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
# the bundled table (a fixture) and a brief's page: one copy, shared with the other module
table, page, section = brief_fixtures.table, brief_fixtures.page, brief_fixtures.section
FACTS = {r["id"]: r for r in read_table(DATA, "facts")}


def made(fact_id: str = "x", **changes: object) -> Fact:
    fields: dict[str, object] = dict(
        id=fact_id, kind="statement", event="", date=date(2025, 1, 1), date_precision="day",
        date_basis="stated", date_note="", sectors=("education",), status="expected",
        speaker="", summary="s", text="", evidence="e", source="s1", value=None, unit="",
        names=(), part_of="", follows=(), same_as=(), review="accepted")
    fields.update(changes)
    return Fact(**fields)  # type: ignore[arg-type]


# --- 4. a belief or forecast said as a view is a statement, not a commitment ------------------

def test_a_forecast_or_proposal_stated_is_a_view_and_an_undertaking_is_a_commitment() -> None:
    """Rubric 2: expected and proposed are forecasts and proposals; said in a statement
    they are a view (Tokayev «считает, что … помогут»), while a plan, an agreement or a
    proposed initiative of the sides stays a commitment."""
    assert role(made(status="expected")) == VIEW
    assert role(made(status="proposed", speaker="experts")) == VIEW
    assert role(made(status="planned")) == "commitment"
    assert role(made(kind="commitment", status="agreed")) == "commitment"
    assert role(made(kind="initiative", status="proposed")) == "commitment"


def test_tokayevs_belief_is_not_among_the_working_visits_commitments(table) -> None:  # noqa
    """The SPIEF brief asks what became of the 2022 working visit's commitments: the row
    whose evidence is Tokayev's belief («считает, что эти благие начинания помогут») is a
    view and is not listed; the visit's agreements and work under way still are."""
    belief = FACTS["a000-tokayev-education-reformat"]
    assert "считает, что" in belief["evidence"] and belief["kind"] == "statement"
    text = section(page(table, "2022-06-spief-meeting"), "## New since the last")
    assert "a000-tokayev-education-reformat" not in text
    for kept in ("a000-bauman-talks", "a000-expand-russian-university-branches",
                 "a000-cip-bolashak-memoranda"):
        assert f"`{kept}`" in text
    entry = next(e for e in track(table) if e.fact.id == "a000-tokayev-education-reformat")
    assert entry.role == VIEW and entry.voice == STATE  # a leader's view, still followed


def test_track_role_view_lists_the_views(run) -> None:  # noqa: ANN001
    rows = json.loads(run("track", "--role", "view", "--format", "json").out)
    ids = {row["id"] for row in rows}
    # a forecast or proposal said as a statement, or voiced by a commentator (a speaker with
    # an affiliation in brackets; none, for a forecast: the outlet's), whatever its kind
    # (round 14: the agritech proposals of the KazISS expert); a meeting is its organisers'
    views = {fid for fid, r in FACTS.items() if r["status"] in ("expected", "proposed")
             and not r["part_of"] and (r["kind"] == "statement" or (r["kind"] != "meeting" and (
                 "(" in r["speaker"] or (not r["speaker"] and r["status"] == "expected"))))}
    assert "a000-tokayev-education-reformat" in ids and ids == views
    assert {row["role"] for row in rows} == {"view"}


# --- 6. a forum's programme is its organisers', not the relaying commentator's view -----------

def test_a_meeting_relayed_by_a_commentator_is_the_organisers_programme() -> None:
    speaker = "Zhanar Tulindinova (KazISS)"
    assert voice(made(kind="meeting", status="planned", speaker=speaker)) == STATE
    assert voice(made(kind="statement", status="expected", speaker=speaker)) == COMMENTATOR
    assert voice(made(kind="initiative", status="proposed", speaker=speaker)) == COMMENTATOR


def test_the_xxi_forums_programme_is_not_a_commentators_view(run) -> None:  # noqa: ANN001
    """«Планируется также проведение Молодежно-волонтерского форума, заседаний деловых
    советов и биржи контактов»: the forum's planned programme, relayed by the expert; her
    own forecasts («Форум станет площадкой») stay hers."""
    programme = {fid for fid, r in FACTS.items() if r["event"] == "2025-11-xxi-interregional-forum"
                 and r["kind"] == "meeting" and r["status"] == "planned"}
    assert programme == {"a002-youth-volunteer-forum", "a002-business-council-meetings",
                         "a002-contact-exchange"}
    assert all("(KazISS)" in FACTS[fid]["speaker"] for fid in programme)
    by = {row["id"]: row for row in json.loads(
        run("track", "--by", "commentator", "--format", "json").out)}
    assert not programme & set(by)
    assert "a002-forum-college-enterprise-models" in by
    state = {row["id"] for row in json.loads(
        run("track", "--by", "state", "--format", "json").out)}
    assert programme <= state


# --- 1. see also ties the same named thing: a document to documents, not to a branch ---------

def test_a_document_is_paired_only_with_documents_and_statements_on_them() -> None:
    from kzru.suggest import _other_than_a_document
    from kzru.suggest_pairs import Suggestion

    memo = made("memo", kind="document", status="signed", names=("МИФИ",))
    for kind, other in (("institution", True), ("figure", True), ("project", True),
                        ("initiative", True), ("document", False), ("statement", False)):
        later = made("later", kind=kind, status="done", names=("МИФИ",))
        assert _other_than_a_document(Suggestion(later, memo, 9.0, [], ("мифи",))) is other
    # a branch's own earlier row (an institution) may still be paired with a later branch
    branch = made("branch", kind="institution", status="ongoing")
    later = made("later", kind="institution", status="done")
    assert not _other_than_a_document(Suggestion(later, branch, 9.0, [], ()))


def test_the_bolashak_memoranda_have_no_branch_beside_them(table) -> None:  # noqa: ANN001
    """a000: the memoranda are «о сотрудничестве в рамках программы «Болашак»» with six
    universities; a002 names branches of MEPhI and Gubkin and counts nine branches. A branch is
    not the memorandum (RUBRIC-follows 1): the SPIEF brief shows no later fact beside the
    memoranda or their parts, and the 2024 joint statement keeps the 2025 Declaration."""
    memoranda = FACTS["a000-cip-bolashak-memoranda"]
    assert memoranda["kind"] == "document" and "Болашак" in memoranda["names"]
    for branch in ("a002-mephi-branch", "a002-gubkin-university-branch",
                   "a002-nine-russian-university-branches"):
        assert FACTS[branch]["kind"] in ("institution", "figure")
    text = section(page(table, "2022-06-spief-meeting"), "## New since the last")
    line = next(i for i, one in enumerate(text.splitlines())
                if "`a000-cip-bolashak-memoranda`" in one)
    after = text.splitlines()[line + 1:]
    block = after[:next((i for i, one in enumerate(after) if one.startswith("  - ")),
                        len(after))]
    assert not any("branch" in one for one in block), block
    astana = section(page(table, "2025-11-state-visit-moscow"), "## New since the last")
    joint = next(one for one in astana.splitlines()[astana.splitlines().index(next(
        one for one in astana.splitlines()
        if "`a001-joint-statement-strategic-partnership`" in one)) + 1:])
    assert "`a004-declaration-strategic-partnership-alliance`" in joint


# --- 2. names only the preview gives come after the report's, marked -------------------------

def _names_line(text: str, start: str) -> list[str]:
    line = next(one for one in text.splitlines() if one.startswith(start))
    listed = line.split(": ", 1)[1]
    return [name.strip() for name in listed.split(" (and ")[0].split(", ")]


def test_names_only_the_preview_gives_are_listed_after_the_reports_and_marked(table) -> None:  # noqa
    """a002 (the preview) proposes the Eurasian Route Council and the fuel-cycle council; a004
    (the visit's report) names neither. They are listed apart, after the report's names, as
    the preview's only; every name of the first list is one a report row gives."""
    moscow = "2025-11-state-visit-moscow"
    report_names = {n.strip() for r in FACTS.values() if r["event"] == moscow
                    and r["source"] != "a002" for n in r["names"].split(";")}
    preview_names = {n.strip() for r in FACTS.values() if r["event"] == moscow
                     and r["source"] == "a002" for n in r["names"].split(";")}
    council = "Совет по развитию евразийского маршрута"
    assert council in preview_names and council not in report_names
    text = section(page(table, moscow), "## New since the last")
    first = _names_line(text, "- Names first appearing: ")
    only = _names_line(text, "- Names first appearing only in the preview [1], not in the "
                             "visit's report: ")
    assert council not in first and council in only
    assert "regional competence council on the nuclear fuel cycle" in only
    assert first and set(first) <= report_names
    assert set(only) <= preview_names - report_names
    lines = text.splitlines()
    assert lines.index(next(one for one in lines if one.startswith("- Names first appearing:"))) \
        < lines.index(next(one for one in lines if "only in the preview" in one))


# --- 3. the note on lines with no date of their own says plainly whose date they carry -------

def test_the_note_says_a_fact_with_no_date_of_its_own_carries_its_articles_date(table) -> None:  # noqa
    """Rubric 4: no timing in the text → the article's date. a001 (article [1] of the Astana
    brief) is dated 2024-11-27 in sources.csv; its rows dated by publication are shown with
    no date in brackets, and the note names that date and that article."""
    sources = {r["id"]: r for r in read_table(DATA, "sources")}
    day = sources["a001"]["published"]
    text = page(table, "2024-11-state-visit-astana")
    note = next(line for line in text.splitlines() if "in brackets" in line)
    assert note == ("*Lines without a date in brackets fall on the event's days. Where the text "
                    "gives a fact no date of its own, the fact's date is its article's date: "
                    f"{day}, article [1].*")
    undated = [fid for fid, r in FACTS.items() if r["event"] == "2024-11-state-visit-astana"
               and r["date_basis"] == "publication" and not r["part_of"]]
    assert undated
    for fid in undated:
        line = next((one for one in text.splitlines() if one.startswith("- ")
                     and f"`{fid}`" in one), None)
        if line is not None:  # a section line, not the preview's
            assert f"({day}" not in line, line


# --- 7. a report's rows on the series an event belongs to are beside the event ---------------

def test_the_xxi_forum_brief_has_the_articles_rows_on_the_forums(table) -> None:  # noqa: ANN001
    """a002: «одной из ключевых площадок … выступают ежегодные форумы межрегионального
    сотрудничества», the expert on the forums, then «В этом контексте XXI форум … продолжает
    традицию». The rows naming the forums (no event of their own) sit under the XXI forum's
    "Reported alongside"; the XX forum, told by a001, which has no such row, gains none."""
    from kzru.brief import series_names

    names = series_names(table, table.events["2025-11-xxi-interregional-forum"])
    assert "форум межрегионального сотрудничества" in names
    assert "xxi форум межрегионального сотрудничества" not in names  # its own, not the series
    on_forums = {fid for fid, r in FACTS.items() if r["source"] == "a002" and not r["event"]
                 and "Форум межрегионального сотрудничества" in r["names"].split("; ")}
    assert on_forums == {"a002-annual-interregional-forums", "a002-forums-key-mechanism",
                         "a002-forums-peoples-diplomacy", "a002-forums-large-and-local-deals"}
    alongside = section(page(table, "2025-11-xxi-interregional-forum"), "## Reported alongside")
    for fid in on_forums:
        assert f"`{fid}`" in alongside
    assert "`a002-year-of-working-professions-2025`" in alongside  # told inside the passage
    xx = page(table, "2024-11-xx-interregional-forum")
    assert not any(f"`{fid}`" in xx for fid in on_forums)
    assert series_names(table, table.events["2025-11-state-visit-moscow"]) == set()


# --- the XX forum's note says what the article says (rubric 1), data ---------------------------

@needs_seeds
def test_the_xx_forums_note_quotes_what_the_article_says_of_the_video_link() -> None:
    """a001: «главы государств участвовали в XX Форуме …, который проходил в Уфе в режиме
    видеоконференции» — the forum was held by video conference; the note no longer says the
    leaders "took part by video link", which the article does not say in those words."""
    article = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    note = {r["id"]: r for r in read_table(DATA, "events")}[
        "2024-11-xx-interregional-forum"]["date_note"]
    quoted = "проходил в Уфе в режиме видеоконференции"
    assert quoted in article and f"«{quoted}»" in note
    assert "by video link" not in note


# --- track reservations 1 and 6: the deciding words reach what was agreed or completed --------

def test_deciding_words_run_on_to_the_later_facts_own_name_when_nothing_is_shared() -> None:
    """The cue and two words stop before the object («завершена работа по»); where the
    earlier fact shares no word to show it, the words run on to the later fact's own name,
    within eight words, as written (a no-break space inside the name is a space)."""
    from kzru.roles import deciding_words

    earlier = made("e", kind="commitment", status="agreed",
                   evidence="достигнуты договоренности по расширению сети")
    mgimo = made("m", kind="institution", status="done", names=("МГИМО", "Астана"),
                 evidence="В этом году завершена работа по созданию филиала МГИМО в Астане.")
    assert deciding_words(mgimo, earlier) == "завершена работа по созданию филиала МГИМО"
    assert deciding_words(mgimo) == "завершена работа по"  # no earlier fact: the cue alone
    corridors = made("c", kind="commitment", status="agreed", names=("Север — Юг",),
                     evidence="Договорились последовательно расширять возможности "
                              "транспортных коридоров Север\xa0— Юг, ТМТМ.")
    assert deciding_words(corridors, earlier) == (
        "Договорились последовательно расширять возможности транспортных коридоров "
        "Север\xa0— Юг")
    far = made("f", kind="commitment", status="agreed", names=("Урал",),
               evidence="Договорились о сроках одна две три четыре пять шесть семь восемь Урал")
    assert deciding_words(far, earlier) == "Договорились о сроках"


def test_tracks_words_for_the_branch_network_and_the_economic_space_name_the_object(run) -> None:  # noqa
    rows = {row["id"]: row for row in json.loads(
        run("track", "--explain", "--format", "json").out)}
    branches = rows["a000-expand-russian-university-branches"]
    assert branches["decided_by"] == "a002-mgimo-astana-branch"
    assert branches["words"].endswith("филиала МГИМО")
    assert branches["words"] in FACTS["a002-mgimo-astana-branch"]["evidence"]
    tools = rows["a002-expected-economic-space-linking-tools"]
    assert tools["decided_by"] == "a004-transport-corridors-expansion"
    assert "транспортных коридоров" in tools["words"]
    assert tools["words"] in FACTS["a004-transport-corridors-expansion"]["evidence"]


# --- round 12 (track reader): the deciding words quote as written ------------------------------

def test_adjacent_words_are_quoted_without_an_ellipsis_and_an_abbreviation_is_kept() -> None:
    """"…" marks words left out: the cue and the words naming the shared thing, when they
    touch in the evidence, are quoted as written; an abbreviation right after the run (АЭС) is
    part of what it names."""
    from kzru.roles import deciding_words

    earlier = made("e", kind="meeting", status="planned",
                   evidence="Предстоит государственный визит в Москву")
    arrived = made("a", kind="meeting", status="done",
                   evidence="Президент прибыл с государственным визитом в Москву")
    words = deciding_words(arrived, earlier)
    assert "…" not in words and words in arrived.evidence and words.endswith("в Москву")
    plant = made("p", kind="project", status="planned",
                 evidence="первая из которых будет возводиться при участии")
    work = made("w", kind="project", status="ongoing",
                evidence="Идет работа по проекту строительства первой АЭС в стране.")
    assert deciding_words(work, plant).endswith("первой АЭС")


# --- round 12 (briefs reader): headers, forums, undated lines -----------------------------------

def test_a_header_is_no_more_precise_than_the_events_own_rows(table) -> None:  # noqa: ANN001
    """Rubric 4. a003 says only «В июне» of the SPIEF meeting, the CIS summit's rows «в конце
    прошлого года»: the header gives 2022-06 and 2021, the day from the public record staying
    in the date note; an event whose rows give days keeps its days."""
    spief = page(table, "2022-06-spief-meeting").splitlines()
    assert spief[2].startswith("**2022-06** (inferred)") and "17 June" in "\n".join(spief)
    assert {r["date_precision"] for r in FACTS.values()
            if r["event"] == "2021-12-cis-informal-summit"} == {"year"}
    assert page(table, "2021-12-cis-informal-summit").splitlines()[2].startswith("**2021** ")
    assert page(table, "2025-11-state-visit-moscow").splitlines()[2].startswith(
        "**2025-11-11 – 11-12** ")


def test_a_forum_says_its_host_not_a_trip(table) -> None:  # noqa: ANN001
    """The XX forum «проходил в Уфе в режиме видеоконференции»: nobody travelled; a forum,
    like a summit, says who hosts it (host ru: Ufa; the XXI forum, Uralsk: kz)."""
    events = {r["id"]: r for r in read_table(DATA, "events")}
    for event, host in (("2024-11-xx-interregional-forum", "RU"),
                        ("2025-11-xxi-interregional-forum", "KZ")):
        assert events[event]["host"].upper() == host
        head = page(table, event).splitlines()[2]
        assert f"forum, hosted by {host}" in head and "→" not in head


def test_every_page_with_an_undated_line_says_why(table) -> None:  # noqa: ANN001
    """A line with no date in brackets falls on the event's days: every page that has one
    says so (the XX forum and the CSTO session had none); the article's date is named only
    where a line carries it (rubric 4)."""
    for event in ("2024-11-xx-interregional-forum", "2024-11-csto-council"):
        text = page(table, event)
        lines = [one for one in text.splitlines() if one.startswith("- ") and "`" in one]
        assert any("(20" not in one.split(" [")[0] for one in lines)
        assert "*Lines without a date in brackets fall on the event's days.*" in text
    spief = page(table, "2022-06-spief-meeting")  # its one line shows its month
    assert "Lines without a date" not in spief


# --- round 12 (data): the economic-space forecast's three tools; the fireplace hall ------------

def test_the_economic_space_forecast_is_partly_borne_out_by_its_tools(table) -> None:  # noqa
    """a002: «от координации транзитных маршрутов и модернизации инфраструктуры до совместных
    технологических инициатив» names three tools, recorded as its parts (rubric 6, as the
    industrial forecast's fields). a004 agrees on the corridors and stresses the logistics
    infrastructure; it names no technological initiative: partly borne out."""
    parent = "a002-expected-economic-space-linking-tools"
    parts = {fid: r for fid, r in FACTS.items() if r["part_of"] == parent}
    assert set(parts) == {"a002-expected-tools-transit-routes",
                          "a002-expected-tools-infrastructure",
                          "a002-expected-tools-technological-initiatives"}
    assert FACTS["a004-transport-corridors-expansion"]["follows"].split("; ")[0] == \
        "a002-expected-tools-transit-routes"
    assert FACTS["a004-cross-border-logistics-infrastructure"]["follows"] == \
        "a002-expected-tools-infrastructure"
    entry = next(e for e in track(table) if e.fact.id == parent)
    verdicts = {part.fact.id: part.verdict for part in entry.parts}
    assert entry.verdict == "partly borne out"
    assert verdicts == {"a002-expected-tools-transit-routes": "borne out",
                        "a002-expected-tools-infrastructure": "borne out",
                        "a002-expected-tools-technological-initiatives": "not named"}


def test_the_fireplace_hall_meeting_is_done_by_its_verb(table) -> None:  # noqa: ANN001
    """Rubric 2: «состоялась» → done («Сама встреча … состоялась в зале Кремля с камином»)."""
    row = FACTS["a000-kremlin-fireplace-hall"]
    assert "состоялась" in row["evidence"] and row["status"] == "done"
    done = section(page(table, "2022-02-working-visit"), "## Done")
    assert "`a000-kremlin-fireplace-hall`" in done
