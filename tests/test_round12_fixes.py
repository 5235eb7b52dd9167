"""The round-12 readers' points (docs/audits/2026-12-05-round12-briefs.md, -track.md), each
held to the rule it was fixed by. Expected values come from the articles (quoted here) and the
CSV rows, never from the page itself.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import brief_fixtures
import pytest
from conftest import SEEDS, needs_seeds, read_table, write_table

from kzru.follow import DONE, REAFFIRMED, RESTATED, track
from kzru.novelty import organisation_names, previous_event
from kzru.roles import PROJECT, role
from kzru.store import bundled_data_dir, load

DATA = bundled_data_dir()
table, page, section = brief_fixtures.table, brief_fixtures.page, brief_fixtures.section
FACTS = {r["id"]: r for r in read_table(DATA, "facts")}


def _article(prefix: str) -> str:
    """An article as the seeds folder holds it (../shared/seeds, or KZRU_SEEDS): without
    one, the test that reads it is skipped, saying how to provide it."""
    if not SEEDS.is_dir():
        pytest.skip(needs_seeds.kwargs["reason"])
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _verdicts(dataset) -> dict:  # noqa: ANN001
    return {entry.fact.id: entry for entry in track(dataset)}


# --- (a) a later article naming an institution already at work: restated, still operating ---

# (the earlier row, the later row naming the same university among the open branches)
RESTATED_PAIRS = [
    ("a001-chelyabinsk-university-kostanay-branch", "a002-chelyabinsk-state-university-branch",
     "Челябинский государственный университет"),
    ("a003-msu-branch-adapted-programme", "a002-msu-branch", "МГУ"),
]


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


def test_an_earlier_meeting_is_dated_no_finer_than_its_rows(table) -> None:  # noqa: ANN001
    """The SPIEF meeting's rows say «В июне» (2022-06): the Sochi page names it so, as its
    own header does, not with the public record's 17 June (rubric 4)."""
    assert "В июне они виделись" in _article("003")
    text = page(table, "2022-08-sochi-talks")
    assert "## New since the last bilateral meeting, Putin–Tokayev meeting on the sidelines " \
           "of SPIEF (2022-06)" in text
    assert "2022-06-17" not in text


# --- (b) a forum's own line spans its days; ongoing is as of the report -----------------------

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


def test_the_digitalisation_line_says_how_it_is_the_experts(table) -> None:  # noqa: ANN001
    """«При этом, как подчеркивает эксперт, ключевая задача … Для этого Казахстан и Россия
    развивают контакты …»: the attribution is in the sentence before, so the line says it
    continues her point (as a003's experts' line does), in both languages, and keeps her as
    the speaker (Part 21: an attribution reaches the end of its paragraph)."""
    text = " ".join(_article("002").split())
    assert "как подчеркивает эксперт, ключевая задача на ближайшие годы – превратить " \
           "традиционные отрасли в зоны технологического роста. Для этого Казахстан и Россия " \
           "развивают контакты" in text
    row = FACTS["a002-digitalisation-contacts"]
    assert "эксперт" not in row["evidence"]
    assert row["summary"].startswith("Continuing the expert's point")
    assert row["text"].startswith("Продолжая мысль эксперта")
    assert row["speaker"] == "Zhanar Tulindinova (KazISS)"


def test_track_help_names_the_new_verdict_in_both_languages(run) -> None:  # noqa: ANN001
    english = " ".join(run("track", "--help").out.split())
    assert "restated — still operating" in english and "not borne out" not in english
    russian = " ".join(run("--lang", "ru", "track", "--help").out.split())
    assert "названо снова — работает" in russian
