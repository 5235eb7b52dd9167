"""The round-12 readers' points (docs/audits/2026-12-05-round12-briefs.md, -track.md), each
held to the rule it was fixed by. Expected values come from the articles (quoted here) and the
CSV rows, never from the page itself.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import brief_fixtures
from conftest import SEEDS, needs_seeds, read_table, write_table

from kzru.follow import DONE, REAFFIRMED, RESTATED, track
from kzru.novelty import organisation_names, previous_event
from kzru.roles import PROJECT, role
from kzru.store import bundled_data_dir, load

DATA = bundled_data_dir()
table, page, section = brief_fixtures.table, brief_fixtures.page, brief_fixtures.section
FACTS = {r["id"]: r for r in read_table(DATA, "facts")}
SOURCES = {r["id"]: r for r in read_table(DATA, "sources")}


def _article(source: str) -> str:
    """The article's text, from the seeds folder (KZRU_SEEDS or ../shared/seeds, conftest):
    the tests that read it are marked needs_seeds and skip where it is missing."""
    return (SEEDS / SOURCES[f"a{source}"]["file"]).read_text(encoding="utf-8")


def _verdicts(dataset) -> dict:  # noqa: ANN001
    return {entry.fact.id: entry for entry in track(dataset)}


# --- (a) a later article naming an institution already at work: restated, still operating ---

# (the earlier row, the later row naming the same university among the open branches)
RESTATED_PAIRS = [
    ("a001-chelyabinsk-university-kostanay-branch", "a002-chelyabinsk-state-university-branch",
     "Челябинский государственный университет"),
    ("a003-msu-branch-adapted-programme", "a002-msu-branch", "МГУ"),
]


@needs_seeds
def test_the_articles_tell_both_branches_at_work_then_name_them_open() -> None:
    """The premise, from the articles: a001 confirms the Chelyabinsk branch at work and a003
    has MSU's branch teaching (the earlier rows: an institution already existing); a002 names
    both among the nine open branches, with no date or progress."""
    assert "подтверждена работа филиала Челябинского государственного университета" in \
        _article("001")
    assert "получит диплом МГУ" in _article("003")
    nine = _article("002")
    assert "открыты филиалы девяти ведущих вузов РФ, включая МГУ им. М. Ломоносова" in nine
    assert "Челябинский государственный университет" in nine


def test_the_later_rows_are_linked_and_both_ends_are_the_same_institution() -> None:
    """RUBRIC-follows 2c: linked, the same named university at both ends (rule 1), the later
    row no earlier than the earlier (rule 3), both institutions already existing."""
    for earlier, later, name in RESTATED_PAIRS:
        assert earlier in FACTS[later]["follows"].split("; ")
        assert FACTS[earlier]["kind"] == FACTS[later]["kind"] == "institution"
        assert FACTS[earlier]["status"] in ("ongoing", "reported")  # at work, not planned
        assert name in FACTS[earlier]["names"] or name in FACTS[earlier]["evidence"]
        assert name in FACTS[later]["evidence"]
        assert FACTS[earlier]["date"] <= FACTS[later]["date"]


def test_track_says_restated_still_operating_decided_by_the_2025_list(table) -> None:  # noqa
    """The round-12 track reader's two disagreements: not "no later report" (a later article
    does name the branch) and not "done" (naming it among the open is no progress: the
    readers of rounds 5 and 9 disagreed with the "done" a plain link gave)."""
    found = _verdicts(table)
    for earlier, later, name in RESTATED_PAIRS:
        entry = found[earlier]
        assert entry.verdict == RESTATED == "restated — still operating"
        assert entry.decisive is not None and entry.decisive.id == later
        assert name in entry.words and "открыты филиалы" in entry.words
        for piece in entry.words.split(" … "):
            assert piece in entry.decisive.evidence  # verbatim
        assert entry.see_also == ()  # linked: no unconfirmed candidate beside it


def test_the_reason_names_the_later_row_and_says_it_is_no_progress(run) -> None:  # noqa
    rows = {row["id"]: row for row in json.loads(run("track", "--explain", "--format",
                                                     "json").out)}
    row = rows["a001-chelyabinsk-university-kostanay-branch"]
    assert row["verdict"] == "restated — still operating"
    assert row["later"] == ["a002-chelyabinsk-state-university-branch"]
    assert "a002-chelyabinsk-state-university-branch (a002, 2025-11-11, done)" in row["reason"]
    assert "not progress" in row["reason"] and "2c" in row["reason"]
    # the verdict in the reader's language (JSON keeps the table's closed English value)
    shown = run("--lang", "ru", "track", "Челябинск", "--format", "table").out
    assert "названо снова — работает" in shown and "a002-chelyabinsk-state-university-branch" \
        in shown


def _edited(folder: Path, changes: dict[str, dict[str, str]]):  # noqa: ANN202
    rows = read_table(folder, "facts")
    for row in rows:
        row.update(changes.get(row["id"], {}))
    write_table(folder, "facts", rows)
    return load(folder)


def test_work_begun_on_a_branch_then_opened_is_done_not_restated(data_copy: Path) -> None:
    """The same link from a row that tells of work *begun* on the branch (a project, as a000's
    «начата работа по созданию филиалов МИФИ») is progress: done. And the bundled MEPhI
    pair stays done."""
    earlier = "a001-chelyabinsk-university-kostanay-branch"
    assert _verdicts(load(DATA))["a000-mephi-almaty-branch"].verdict == DONE
    changed = _edited(data_copy, {earlier: {"kind": "project"}})
    assert _verdicts(changed)[earlier].verdict == DONE


def test_a_later_row_that_only_plans_for_the_branch_is_reaffirmed(data_copy: Path) -> None:
    """Restated means every later row names it open or at work; a later plan for it
    (planned) restates it as still open: reaffirmed, as for any commitment."""
    earlier, later = RESTATED_PAIRS[0][:2]
    changed = _edited(data_copy, {later: {"status": "planned"}})
    assert _verdicts(changed)[earlier].verdict == REAFFIRMED


def test_the_moscow_brief_says_what_became_of_the_branch(table) -> None:  # noqa: ANN001
    """The 2025 Moscow brief holds the 2024 visit's commitments against what came since:
    the Chelyabinsk branch is restated, still operating, with the 2025 row named."""
    text = section(page(table, "2025-11-state-visit-moscow"), "## New since the last")
    line = next(line for line in text.splitlines()
                if "`a001-chelyabinsk-university-kostanay-branch`" in line)
    assert "**restated — still operating**" in line
    assert "`a002-chelyabinsk-state-university-branch`" in line
    assert "**названо снова — работает**" in page(table, "2025-11-state-visit-moscow", "ru")


# --- (b) the nine branches at work: a project, not a commitment ------------------------------

@needs_seeds
def test_an_institution_or_count_at_work_is_a_project_not_a_commitment(table) -> None:  # noqa
    """«В Казахстане успешно функционируют девять филиалов» (a004) and «подтверждена работа
    филиала» (a001) tell what is at work, which nobody undertook at the meeting: track's role
    is project (round-10 and round-12 track readers). Work under way on something not yet
    finished stays a commitment (a000's branches being set up)."""
    assert "успешно функционируют девять филиалов" in _article("004")
    assert role(table.facts["a004-nine-russian-university-branches"]) == PROJECT
    assert role(table.facts["a001-chelyabinsk-university-kostanay-branch"]) == PROJECT
    assert role(table.facts["a000-mephi-almaty-branch"]) == "commitment"


# --- (b) a summit is held against the last summit of its organisation ------------------------

def test_the_titles_name_each_summits_organisation_from_the_glossary(table) -> None:  # noqa
    """The CIS summit's title names the CIS («Саммит СНГ»), the CSTO session's the CSTO
    («… ОДКБ»), each an organisation of the glossary."""
    cis, csto = table.events["2021-12-cis-informal-summit"], table.events["2024-11-csto-council"]
    assert "СНГ" in cis.title_ru and "ОДКБ" in csto.title_ru
    assert set(organisation_names(table, cis)) == {"cis"}
    assert "csto" in organisation_names(table, csto)
    assert organisation_names(table, csto, "ru")["csto"] == "ОДКБ"
    assert organisation_names(table, table.events["2022-02-working-visit"]) == {}


def test_the_csto_session_is_the_first_csto_summit_not_the_cis_summits_successor(
        table) -> None:  # noqa: ANN001
    """Round 12: "New since the last summit, CIS summit in St Petersburg" held a CSTO session
    against a CIS summit. Now it is the first CSTO summit, and the CIS summit is named apart
    as a summit of another organisation, at the year its rows give («в конце прошлого
    года»: 2021)."""
    csto = table.events["2024-11-csto-council"]
    assert previous_event(table, csto) is None
    text = page(table, "2024-11-csto-council")
    assert "## New: the first CSTO summit in this table" in text
    assert "summits of the same organisation" in text
    assert "Earlier summits in this table, of another organisation: CIS summit in St " \
           "Petersburg (2021)." in text
    assert "Sectors not covered last time" not in text  # nothing to hold it against
    assert "## Новое: в таблице это первое событие своего рода (саммит ОДКБ)" in \
        page(table, "2024-11-csto-council", "ru")
    # a later summit of the same organisation is held against it
    later = csto._replace(id="2025-11-csto-council", start=date(2025, 11, 27),
                          end=date(2025, 11, 27))
    assert previous_event(table, later) == csto


@needs_seeds
def test_an_earlier_meeting_is_dated_no_finer_than_its_rows(table) -> None:  # noqa: ANN001
    """The SPIEF meeting's rows say «В июне» (2022-06): the Sochi page names it so, as its
    own header does, not with the public record's 17 June (rubric 4)."""
    assert "В июне они виделись" in _article("003")
    text = page(table, "2022-08-sochi-talks")
    assert "## New since the last bilateral meeting in this table, Putin–Tokayev meeting on " \
           "the sidelines " \
           "of SPIEF (2022-06)" in text
    assert "2022-06-17" not in text


# --- (b) a forum's own line spans its days; ongoing is as of the report -----------------------

@needs_seeds
def test_the_xxi_forum_line_carries_no_first_day_date(table) -> None:  # noqa: ANN001
    """«XXI форум, который проходит 11–12 ноября в Уральске»: the row is the forum itself,
    over both days, so its line shows no date (the page says lines without one fall on the
    event's days), not "(2025-11-11, inferred)", its first day only."""
    assert "проходит 11–12 ноября в Уральске" in _article("002")
    text = page(table, "2025-11-xxi-interregional-forum")
    line = next(line for line in text.splitlines()
                if "`a002-xxi-interregional-forum-uralsk`" in line)
    assert "(2025-11-11" not in line
    assert "Lines without a date in brackets fall on the event's days" in text
    # one day of a visit of several days, inferred, still says which day and that it is
    # inferred («вчера в Москве — «Сквер…»»: 11 November)
    moscow = page(table, "2025-11-state-visit-moscow")
    square = next(line for line in moscow.splitlines()
                  if "`a004-friendship-square-moscow`" in line)
    assert "(2025-11-11, inferred)" in square


def test_ongoing_is_said_as_of_the_report(table) -> None:  # noqa: ANN001
    """«А сегодня в Сочи проходят переговоры»: the talks were under way on the day of the
    report, not now; the section says so (round-11 and round-12 readers)."""
    text = page(table, "2022-08-sochi-talks")
    ongoing = section(text, "## Ongoing when reported")
    assert "`a003-sochi-talks`" in ongoing
    assert "\n## Ongoing\n" not in text
    assert "## В работе на момент сообщения" in page(table, "2022-08-sochi-talks", "ru")


# --- (b) the six memoranda: one line of members, not one sentence six times --------------------

MEMO_PARTS = ["a000-bolashak-memo-mephi", "a000-bolashak-memo-mipt", "a000-bolashak-memo-gubkin",
              "a000-bolashak-memo-bauman", "a000-bolashak-memo-itmo", "a000-bolashak-memo-misis"]


@needs_seeds
def test_the_six_memoranda_are_listed_once_by_university(table) -> None:  # noqa: ANN001
    """«подписало меморандумы с 6 ведущими техническими вузами … (МИФИ, МФТИ, РГУ им.
    Губкина, МГТУ Баумана, ИТМО, МИСиС)»: the parts are the six, named in the article's
    order on one line, each with its id; the sentence they share is not said six times."""
    listed = "(МИФИ, МФТИ, РГУ им. Губкина, МГТУ Баумана, ИТМО, МИСиС)"
    assert listed in _article("000")
    assert [r["id"] for r in FACTS.values()
            if r["part_of"] == "a000-cip-bolashak-memoranda"] == MEMO_PARTS
    ru = page(table, "2022-02-working-visit", "ru")
    line = next(line for line in ru.splitlines() if "`a000-bolashak-memo-mephi`" in line)
    names = listed.strip("()").split(", ")
    assert line == "  - Его части, по строке на каждую: " + " · ".join(
        f"{name} `{part}`" for name, part in zip(names, MEMO_PARTS))
    en = page(table, "2022-02-working-visit")
    assert en.count("is one of the six Russian technical universities") == 0
    assert all(en.count(f"`{part}`") == 1 for part in MEMO_PARTS)
    # parts that say more than a name (the digital memorandum's agreements, each its own
    # quote) keep a line each
    assert "  - Agreements were also secured on jointly running a training programme for " \
           "digital leaders of both sides. `a000-digital-leaders-programme`" in en


@needs_seeds
def test_the_corridors_and_commodities_agreed_on_are_listed_once_by_name(table) -> None:  # noqa
    """The same rule on the 2025 report: «расширять возможности транспортных коридоров Север —
    Юг, ТМТМ, железнодорожной линии Аягоз — Бахты, Достык — Мойынты» and «поставок нефти,
    нефтепродуктов, угля, электроэнергии»: one line each, the members in the article's order.
    Where the Russian rows say each part in words of its own (the corridors) or inflect the
    member (нефти), each keeps its line: a frame that is not one sentence is not shortened."""
    report = " ".join(_article("004").split())  # (no-break spaces before its dashes)
    assert "коридоров Север — Юг, ТМТМ, железнодорожной линии Аягоз — Бахты, Достык — Мойынты" \
        in report and "поставок нефти, нефтепродуктов, угля, электроэнергии" in report
    en = page(table, "2025-11-state-visit-moscow")
    corridors = next(line for line in en.splitlines() if "`a004-north-south-corridor`" in line)
    assert corridors.startswith("  - Its parts, one row each: North–South transport corridor ")
    assert [part for part in ("a004-north-south-corridor", "a004-titr-middle-corridor",
                              "a004-ayagoz-bakhty-rail-line", "a004-dostyk-moyynty-rail-line")
            if f"`{part}`" in corridors] == ["a004-north-south-corridor",
                                              "a004-titr-middle-corridor",
                                              "a004-ayagoz-bakhty-rail-line",
                                              "a004-dostyk-moyynty-rail-line"]
    energy = next(line for line in en.splitlines() if "`a004-oil-partnership`" in line)
    assert energy == ("  - Its parts, one row each: oil `a004-oil-partnership` · oil products "
                      "`a004-oil-products-partnership` · coal `a004-coal-partnership` · "
                      "electricity `a004-electricity-partnership`")
    ru = page(table, "2025-11-state-visit-moscow", "ru")
    assert "Его части" not in ru
    assert all(ru.count(f"`{part}`") >= 1 for part in ("a004-oil-partnership",
                                                       "a004-coal-partnership"))
    # parts with words of their own that open with no name of theirs (the gas prospects:
    # «Gas supply …», «Gas transit …») keep a line each
    assert "  - Gas supply to the regions of Kazakhstan bordering Russia was discussed" in en


@needs_seeds
def test_the_digitalisation_line_is_the_outlets_voice(table) -> None:  # noqa: ANN001
    """«При этом, как подчеркивает эксперт, ключевая задача … Для этого Казахстан и Россия
    развивают контакты …»: the attribution is in the sentence before (its own row, hers); this
    sentence carries none and states what the two countries do, so it is the outlet's voice
    (rubric 3: speaker empty), and its summary says only what its evidence says (rubric 1;
    round-12 briefs reader, and the second read of round 13)."""
    text = " ".join(_article("002").split())
    assert "как подчеркивает эксперт, ключевая задача на ближайшие годы – превратить " \
           "традиционные отрасли в зоны технологического роста. Для этого Казахстан и Россия " \
           "развивают контакты" in text
    row = FACTS["a002-digitalisation-contacts"]
    assert "эксперт" not in row["evidence"] and row["speaker"] == ""
    assert "expert" not in row["summary"] and "эксперт" not in row["text"]
    assert "technological growth" not in row["summary"]  # the sentence before, not this one
    before = FACTS["a002-traditional-sectors-tech-growth-task"]
    assert before["speaker"] == "Zhanar Tulindinova (KazISS)"
    assert "ключевая задача" in before["evidence"]
    line = next(line for line in page(table, "2025-11-state-visit-moscow").splitlines()
                if "`a002-digitalisation-contacts`" in line)
    assert "Tulindinova" not in line and "according to article a002" in line


def test_track_help_names_the_new_verdict_in_both_languages(run) -> None:  # noqa: ANN001
    english = " ".join(run("track", "--help").out.split())
    assert "restated — still operating" in english and "not borne out" not in english
    russian = " ".join(run("--lang", "ru", "track", "--help").out.split())
    assert "названо снова — работает" in russian


# --- round 13: the briefs readers' points (/work/wt/audits/2026-12-05-round13-briefs-*.md) ---

EVENTS = {r["id"]: r for r in read_table(DATA, "events")}


@needs_seeds
def test_the_spief_row_names_only_what_the_article_names(table, run) -> None:  # noqa: ANN001
    """«на полях международного экономического форума в Санкт-Петербурге»: no «ПМЭФ» or
    "SPIEF" in the article, so none among the names first appearing (rubric 1); search still
    finds the row by both (the name is the glossary's SPIEF alias)."""
    article = _article("003")
    assert "ПМЭФ" not in article and "SPIEF" not in article
    names = FACTS["a003-spief-june-meeting"]["names"].split("; ")
    assert "ПМЭФ" not in names and "SPIEF" not in names
    assert "международный экономический форум в Санкт-Петербурге" in names
    line = next(line for line in page(table, "2022-06-spief-meeting").splitlines()
                if line.startswith("- Names first appearing"))
    assert "ПМЭФ" not in line and "SPIEF" not in line
    for query in ("SPIEF", "ПМЭФ"):
        found = json.loads(run("search", query, "--format", "json", "-n", "1").out)
        assert found[0]["id"] == "a003-spief-june-meeting"


@needs_seeds
def test_tokayevs_agreement_is_said_as_the_article_says_it() -> None:
    """«В этом плане с Вами согласен»: whom he addressed the article does not say."""
    assert "В этом плане с Вами согласен" in _article("003")
    row = FACTS["a003-tokayev-satisfied"]
    assert "Putin" not in row["summary"] and "Путин" not in row["text"]
    assert "с Вами согласен" in row["summary"] and "с Вами согласен" in row["text"]


def test_the_date_notes_say_where_each_year_and_day_comes_from(table) -> None:  # noqa: ANN001
    """Rubric 4. The CSTO note: the year is the public record's, as the state visit's is
    (not "inferred from the state visit"). The XX forum's note opens with what its date is:
    the day the leaders took part, not a date the article gives the forum."""
    csto = EVENTS["2024-11-csto-council"]["date_note"]
    assert "inferred from the state visit" not in csto
    assert "the year 2024 is from the public record (outside the article)" in csto
    forum = EVENTS["2024-11-xx-interregional-forum"]["date_note"]
    assert forum.startswith("The article gives the forum no date of its own: 27 November is "
                            "the day the leaders took part in it")
    assert "«from Astana»" not in forum
    assert "*Date inferred: The article gives the forum no date of its own" in \
        page(table, "2024-11-xx-interregional-forum")


def test_a_later_fact_dated_by_its_article_says_as_of(table) -> None:  # noqa: ANN001
    """The 2025 branches «открыты» with no date: listed "(reported as of 2025-11-11)", not as
    if they opened that day; MGIMO («В этом году завершена работа»: 2025) keeps its year."""
    assert FACTS["a002-mephi-branch"]["date_basis"] == "publication"
    text = page(table, "2022-06-spief-meeting")
    assert "`a002-mephi-branch` (reported as of 2025-11-11)" in text
    assert "`a002-mgimo-astana-branch` (2025, inferred)" in text
    assert "сообщено на 2025-11-11" in page(table, "2022-06-spief-meeting", "ru")


def test_a_source_that_tells_of_the_event_afterwards_says_so(table) -> None:  # noqa: ANN001
    """a000 is the report of the February 2022 working visit and mentions the CIS summit of
    «конце прошлого года»; a003, of the Sochi talks, mentions SPIEF «В июне»: each source
    line says it is a later report of another event. A report of the event itself (a001 on
    the Astana visit) says nothing of the kind."""
    cis = page(table, "2021-12-cis-informal-summit").split("## Sources")[1]
    assert "a report of Tokayev's working visit to Russia (Moscow and Tatarstan), written " \
           "after this event, that tells of it in passing" in cis
    spief = page(table, "2022-06-spief-meeting").split("## Sources")[1]
    assert "a report of Putin–Tokayev talks in Sochi, written after this event" in spief
    astana = page(table, "2024-11-state-visit-astana").split("## Sources")[1]
    assert "written after this event" not in astana


def test_names_new_in_the_rows_reported_alongside_are_listed_apart(table) -> None:  # noqa
    """Sochi: the sectors the alongside rows bring were listed, their names not (МГУ, КамАЗ,
    Андрей Ковганов…). Now both; «Татарстан» is no new name, since the 2022 working visit
    named «Республика Татарстан», the same glossary entry."""
    new = section(page(table, "2022-08-sochi-talks"), "## New since")
    line = next(line for line in new.splitlines()
                if line.startswith("- Names first appearing in the rows reported alongside"))
    for name in ("МГУ", "КамАЗ", "Андрей Ковганов", "Новоуральск"):
        assert name in line
    assert "Татарстан" not in line
    assert "Республика Татарстан" in FACTS["a000-visit-tatarstan"]["names"]
    own = next(line for line in new.splitlines() if line.startswith("- Names first appearing:"))
    assert "МГУ" not in own  # the event's own names stay apart


def test_a_row_reported_alongside_says_what_became_of_it(table) -> None:  # noqa: ANN001
    """MSU's branch (a003, beside the Sochi talks) is named open in 2025: the page says so
    under the row, as it does for a meeting's commitments."""
    text = section(page(table, "2022-08-sochi-talks"), "## Reported alongside")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "`a003-msu-branch-adapted-programme`" in line)
    assert lines[at + 1] == ("  - later, as of the newest article in this table: **restated — "
                             "still operating** → `a002-msu-branch` (reported as of 2025-11-11)")


def test_the_alongside_note_states_the_rule(table) -> None:  # noqa: ANN001
    """Reader B: Akorda's states of affairs were split with no visible rule."""
    text = page(table, "2025-11-state-visit-moscow")
    assert "openings and events before it or apart from it, counts and institutions that " \
           "exist, assessments" in text
    assert "The sections above hold what the reports say the sides did, agreed, planned, " \
           "discussed or took up at the event" in text


@needs_seeds
def test_the_enrichment_centre_at_work_is_a_project_not_a_commitment(table) -> None:  # noqa
    """«Российско-казахстанский центр по обогащению урана обеспечивает поставки»: a body at
    work (kind institution), followed as a project (round-13 track reader)."""
    assert "центр по обогащению урана обеспечивает поставки" in _article("003")
    fact = table.facts["a003-enriched-uranium-supply-china-npp"]
    assert fact.kind == "institution" and fact.status == "ongoing"
    assert role(fact) == PROJECT


def test_the_ekibastuz_emissions_agreement_stays_unlinked_with_the_plant_beside_it(
        table) -> None:  # noqa: ANN001
    """RUBRIC-follows 1: the 2025 preview names the plant's modernisation, not its emissions;
    a link would call the emissions work under way. Not linked; the later row is shown beside
    "no later report" as see also (round-13 track reader, decided in Part 22)."""
    from kzru.suggest import see_also

    entry = next(e for e in see_also(table, track(table, [
        table.facts["a001-ekibastuz-gres2-emissions"]])))
    assert entry.verdict == "not linked" and entry.later == []
    assert [fact.id for fact in entry.see_also] == ["a002-ekibastuz-gres2-modernisation"]
    assert "a001-ekibastuz-gres2-emissions" not in \
        table.facts["a002-ekibastuz-gres2-modernisation"].follows


def test_the_csto_session_is_held_alongside_the_visit_only(table) -> None:  # noqa: ANN001
    """«28 ноября … пройдет сессия Совета коллективной безопасности ОДКБ»: the session falls
    on the visit's second day, not on the XX forum's (27 November, «проходил в Уфе»): events
    of one trip are those whose days overlap (round-13 re-reader)."""
    csto = page(table, "2024-11-csto-council")
    held = next(line for line in csto.splitlines()
                if line.startswith("*Announced beforehand in the report of:*"))
    assert "`2024-11-state-visit-astana`" in held
    assert "2024-11-xx-interregional-forum" not in csto
    assert "2024-11-csto-council" not in page(table, "2024-11-xx-interregional-forum")
    assert "`2024-11-csto-council`" in page(table, "2024-11-state-visit-astana")
