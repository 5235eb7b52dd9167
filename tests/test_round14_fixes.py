"""The round-14 readers' points (/work/wt/audits/r14-track-report.md, r14-briefs-b-report.md,
recorded in docs/audits/2026-12-04-changes.md Part 23), each held to the promise or rule it
was fixed by. Expected values come from the articles (quoted here), the CSV rows and the
promise in `kzru track --help`, never from the output itself.
"""

from __future__ import annotations

import json

import brief_fixtures
from conftest import SEEDS, needs_seeds, read_table

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
table, page, section = brief_fixtures.table, brief_fixtures.page, brief_fixtures.section
FACTS = {r["id"]: r for r in read_table(DATA, "facts")}
SOURCES = {r["id"]: r for r in read_table(DATA, "sources")}
GLOSSARY = {r["id"]: r for r in read_table(DATA, "glossary")}


def _article(source: str) -> str:
    """The article's text, its no-break spaces read as spaces."""
    text = (SEEDS / SOURCES[f"a{source}"]["file"]).read_text(encoding="utf-8")
    return text.replace("\u00a0", " ")


def _tracked(run, *query: str) -> list[str]:  # noqa: ANN001
    done = run("track", *query, "--format", "json")
    assert done.code in (0, 1), done.err
    return [row["id"] for row in json.loads(done.out or "[]")]


# --- track's query: a topic word never matches inside an organisation's name -----------------

GUBKIN = "a000-gubkin-atyrau-branch"


@needs_seeds
def test_a_topic_word_in_any_form_does_not_match_inside_the_gubkin_universitys_name(run) -> None:  # noqa: ANN001
    """`kzru track --help`: "a word inside an organisation's name counts only for facts of the
    sector it names" (the branch is education, not energy). a002 names «Российский университет
    нефти и газа им. И. Губкина»; «газа» and «нефти» are the very forms the name spells, and an
    analyst types them («транзит газа», «поставки нефти»). They find the gas and oil facts, as
    газ and нефть do, never the university's branch (round-14 track reader)."""
    assert "Российский университет нефти и газа им. И. Губкина" in _article("002")
    assert "газового сотрудничества" in _article("004")
    assert "поставках нефти и нефтепродуктов" in _article("001")
    assert run("track", "--help").out.count("organisation") >= 1
    for form, base in (("газа", "газ"), ("нефти", "нефть")):
        found = _tracked(run, form)
        assert GUBKIN not in found and "a000-expand-russian-university-branches" not in found
        assert found == _tracked(run, base) and found
    assert "a004-gas-cooperation-prospects" in _tracked(run, "газа")
    assert "a001-oil-supply-existing-agreements" in _tracked(run, "нефти")
    # a name still matches inside one: Губкина asks for the university
    assert GUBKIN in _tracked(run, "Губкина")


@needs_seeds
def test_transit_is_not_read_as_transition(run) -> None:  # noqa: ANN001
    """«транзит» is transit; the 2025 Declaration is «о переходе отношений» — a transition
    in its English summary, which an English stem shares with "transit" (round-14 track
    reader). Neither track nor search finds it by транзит; the gas transit does."""
    declaration = "a004-declaration-strategic-partnership-alliance"
    assert "транзит" not in FACTS[declaration]["evidence"].lower()
    assert "transition" in FACTS[declaration]["summary"].lower()
    assert "транзит в третьи страны" in _article("004")
    found = _tracked(run, "транзит")
    assert declaration not in found and "a004-gas-cooperation-prospects" in found
    explained = run("search", "транзит", "--explain", "--format", "json").out
    assert "transition" not in explained and declaration not in explained
    # the English word itself still finds what says transit
    assert "a004-gas-transit-third-countries" in run("search", "transit", "--format",
                                                     "json").out


# --- "the last meeting" is the last in this table --------------------------------------------

def test_the_previous_meeting_is_called_the_last_in_this_table(table) -> None:  # noqa: ANN001
    """No article says the Sochi talks (2022) were the last bilateral meeting before the 2024
    state visit; they are the last in this table (round-14 briefs reader B). The heading says
    so, in both languages, as the first meeting of a kind says "the first … in this table"."""
    astana = page(table, "2024-11-state-visit-astana")
    head = next(line for line in astana.splitlines() if line.startswith("## New since"))
    assert head.startswith("## New since the last bilateral meeting in this table, "
                           "Putin–Tokayev talks in Sochi")
    ru = page(table, "2024-11-state-visit-astana", "ru")
    assert "## Новое после предыдущего события своего рода (двусторонняя встреча) в этой " \
           "таблице — «" in ru


# --- a topic only discussed, taken up again --------------------------------------------------

@needs_seeds
def test_the_2024_talks_topics_taken_up_again_in_2025(table) -> None:  # noqa: ANN001
    """2024: «стороны обсудили вопросы промышленности, образования, поддержки русского языка»
    — topics discussed, nothing undertaken. 2025: «Договоренности … коснулись сфер транспорта,
    экономики, культуры, образования и спорта» and «уделяют должное внимание продвижению
    русской культуры и языка». Education is a field and the 2025 overview names the same field
    (the round-14 track and briefs readers: as the Russian language, from the same sentence,
    is linked); industry is named in no 2025 row. A topic discussed and discussed again is
    "taken up again": "still open" would call it an undertaking (briefs reader B)."""
    from kzru.follow import NO_REPORT, TAKEN_UP_AGAIN, track

    assert "стороны обсудили вопросы промышленности, образования, поддержки русского языка" in \
        _article("001")
    assert "коснулись сфер транспорта, экономики, культуры, образования и спорта" in \
        _article("004")
    assert "промышлен" not in _article("004")
    assert FACTS["a004-agreements-sectors-overview"]["follows"] == "a001-talks-education"
    verdicts = {entry.fact.id: entry for entry in track(table)}
    for earlier, later in (("a001-talks-education", "a004-agreements-sectors-overview"),
                           ("a001-talks-russian-language-support",
                            "a004-russian-culture-language-promotion")):
        entry = verdicts[earlier]
        assert entry.verdict == TAKEN_UP_AGAIN, earlier
        assert [fact.id for fact in entry.later] == [later]
        assert "takes the topic up again" in str(entry.reason)
    assert verdicts["a001-talks-industry"].verdict == NO_REPORT
    # a commitment restated is still "reaffirmed — still open" (the checkpoints agreed on)
    assert verdicts["a001-agreed-transport-infrastructure"].verdict == "reaffirmed — still open"
    moscow = section(page(table, "2025-11-state-visit-moscow"), "## New since")
    line = next(line for line in moscow.splitlines() if "`a001-talks-education`" in line)
    assert line.startswith("  - **taken up again**: ")
    assert "`a004-agreements-sectors-overview`" in line and "no later report" not in line
    ru = page(table, "2025-11-state-visit-moscow", "ru")
    assert "**затронуто снова**" in ru


@needs_seeds
def test_a_field_only_outlined_sees_the_next_visits_rows_that_name_the_field(table) -> None:  # noqa: ANN001
    """2024: «обозначили сотрудничество в таких сферах, как … строительство»; the 2025 readout:
    «Реализуются совместные проекты строительства школ» and «по проекту строительства первой
    АЭС». Not its progress (a field is no named item), but "no later report" with nothing
    beside it hid them (round-14 briefs reader B): they stand beside it, unconfirmed. Housing
    («жилищно-коммунальное хозяйство»), industry and tourism, whose words no 2025 row says,
    get none."""
    from kzru.follow import track
    from kzru.suggest import see_also

    text = _article("004")
    assert "совместные проекты строительства школ" in text and "жилищн" not in text
    entries = {entry.fact.id: entry for entry in see_also(table, track(table, [
        table.facts[fact_id] for fact_id in (
            "a001-construction-cooperation", "a001-housing-utilities-cooperation",
            "a001-talks-industry", "a001-tourism-cooperation")]))}
    construction = entries["a001-construction-cooperation"]
    assert construction.verdict == "not linked" and construction.later == []
    shown = [fact.id for fact in construction.see_also]
    assert "a004-joint-school-construction" in shown and "a004-rosatom-cooperation" in shown
    # the next state visit's rows (its report's and, since the last round-14 readers, its
    # preview's: industry sees the preview's industrial forecast)
    assert all(table.facts[row].event == "2025-11-state-visit-moscow" for row in shown)
    for quiet in ("a001-housing-utilities-cooperation", "a001-tourism-cooperation"):
        assert entries[quiet].see_also == (), quiet
    new = section(page(table, "2025-11-state-visit-moscow"), "## New since")
    lines = new.splitlines()
    at = next(i for i, line in enumerate(lines) if "`a001-construction-cooperation`" in line)
    assert "`a004-joint-school-construction`" in lines[at + 1]
    assert "not linked as its progress" in lines[at + 1]


@needs_seeds
def test_technological_initiatives_stand_beside_what_the_report_says_of_the_field(table) -> None:  # noqa: ANN001
    """The preview expects «совместных технологических инициатив»; the report says «Широкие
    возможности открываются в IT-секторе» under «Новые инновационные точки роста», beside the
    documents it signed. Whether that takes up the forecast is a reader's judgement (rule 4):
    "not named" stands, with the IT-sector line beside it, not only the documents (round-14
    readers). A field the report says nothing of (industry) gets only the documents."""
    text = _article("004")
    assert "Широкие возможности открываются в IT-секторе" in text
    assert "технологическ" not in text
    moscow = page(table, "2025-11-state-visit-moscow")
    line = next(line for line in moscow.splitlines()
                if "`a002-expected-tools-technological-initiatives`" in line)
    assert line.startswith("  - **not named in the visit's report**")
    assert "what the report says of this field, not linked to it" in line
    assert "`a004-it-sector-opportunities` [2]" in line
    assert "`a004-innovation-documents-package` [2]" in line
    industry = next(line for line in moscow.splitlines()
                    if "`a002-expected-focus-industrial`" in line)
    assert "what the report says of this field" not in industry


@needs_seeds
def test_a_proposal_an_expert_voices_is_her_view_not_a_commitment(run) -> None:  # noqa: ANN001
    """«Значительные перспективы, также обращает внимание эксперт КИСИ, открываются в аграрном
    секторе … рассматривается запуск …»: the agritech proposals are the expert's, no side's
    undertaking; track said "commitment · commentator" (round-14 track reader). A forecast or
    proposal in a commentator's voice is a view, whatever its kind; the sides' own plans stay
    commitments."""
    assert "обращает внимание эксперт КИСИ" in _article("002")
    rows = {row["id"]: row for row in json.loads(run("track", "--format", "json").out)}
    for fact_id in ("a002-agritech-startups", "a002-precision-farming-systems",
                    "a002-agrologistics-hubs", "a002-ai-agri-competence-centres"):
        assert FACTS[fact_id]["status"] == "proposed"
        assert FACTS[fact_id]["speaker"].startswith("Zhanar Tulindinova")
        assert (rows[fact_id]["role"], rows[fact_id]["voice"]) == ("view", "commentator")
    assert rows["a004-energy-partnership-agreement"]["role"] == "commitment"
    views = {row["id"] for row in json.loads(run("track", "--role", "view", "--format",
                                                 "json").out)}
    assert "a002-agritech-startups" in views


def test_an_event_only_announced_says_no_article_reports_it_held(table) -> None:  # noqa: ANN001
    """Every source of the CSTO session wrote before it («пройдет сессия»): its page says no
    article in the table reports whether it was held (round-14 briefs reader A's note); a
    page with a report of its own says nothing of the kind."""
    csto = "2024-11-csto-council"
    sources = [s for s in read_table(DATA, "events") if s["id"] == csto][0]["sources"]
    assert sources == "a001" and SOURCES["a001"]["published"] < "2024-11-28"
    head = page(table, csto).split("\n## ", 1)[0]
    assert "*No article in this table reports whether it was held: its lines are what was " \
           "announced beforehand.*" in head
    assert "No article in this table reports whether" not in \
        page(table, "2024-11-state-visit-astana")
    assert "Ни одна статья в таблице не сообщает, состоялось ли оно" in page(table, csto, "ru")


def test_no_later_report_never_stands_beside_candidates(run, table) -> None:  # noqa: ANN001
    """A line saying "no later report in this table" above the later facts that may report on
    it contradicts itself (three round-14 readers: the peaceful atom, the KazNU intake, the
    rail lines under the Astana transport agreement). Where candidates stand beside an item
    (or its parts), its verdict is "not linked", in track and in the briefs, in both
    languages; "no later report" is left for items nothing later may report on."""
    rows = json.loads(run("track", "--format", "json").out)
    assert rows
    for row in rows:
        if row["verdict"] == "no later report":
            assert not row["see_also"], row["id"]
        if row["see_also"] and row["verdict"] in ("no later report", "not linked"):
            assert row["verdict"] == "not linked", row["id"]
    verdicts = {row["id"]: row["verdict"] for row in rows}
    assert verdicts["a001-kaznu-omsk-first-applicants-sept"] == "not linked"
    assert verdicts["a001-ekibastuz-gres2-emissions"] == "not linked"
    assert verdicts["a001-health-agreements"] == "no later report"  # nothing beside it
    moscow = page(table, "2025-11-state-visit-moscow")
    line = next(line for line in moscow.splitlines()
                if "`a001-ekibastuz-gres2-emissions`" in line and line.startswith("  - **"))
    assert line.startswith("  - **no later fact linked as its progress (see also)**")
    assert "**более поздних фактов, связанных как продвижение, нет (см. также)**" in \
        page(table, "2025-11-state-visit-moscow", "ru")
    # the Astana transport agreement: its rail part's candidates on the visit's own page, and
    # no "nothing later" said of that part above them
    astana = page(table, "2024-11-state-visit-astana")
    lines = astana.splitlines()
    at = next(i for i, line in enumerate(lines)
              if line.startswith("  - later,") and "`a004-border-checkpoints`" in line)
    assert "nothing later linked to its other 3 parts" in lines[at]
    assert lines[at + 1].startswith("    - its part `a001-agreed-rail-links`: later facts "
                                    "that may report on it, not linked as its progress:")
    assert "`a004-ayagoz-bakhty-rail-line`" in lines[at + 1]


def test_a_named_sector_keeps_an_earlier_fact_only_by_its_own_sectors(run) -> None:  # noqa: ANN001
    """`track транспорт` listed the 2024 talks on education: the 2025 overview «коснулись сфер
    транспорта, экономики, культуры, образования и спорта» (transport first) follows it, and a
    match brings in what it follows. An earlier fact brought in so is kept only when its own
    sectors hold the sector the query names (round-14 track reader) — in JSON (track's kept
    choice) and at a terminal (the whole one) alike; a fact followed by a match on a name
    (МГИМО → the branch network) is no sector's and stays."""
    assert FACTS["a001-talks-education"]["sectors"] == "education"
    assert FACTS["a004-agreements-sectors-overview"]["sectors"].startswith("transport")
    ids = [row["id"] for row in json.loads(run("track", "транспорт", "--format", "json").out)]
    assert "a001-talks-education" not in ids
    assert "a001-agreed-transport-infrastructure" in ids  # transport by its own sectors
    shown = run("track", "транспорт", "--fields", "id", "--format", "table").out
    assert "a001-talks-education" not in shown and "a001-agreed-transport-infrastructure" in shown
    assert "a000-expand-russian-university-branches" in [
        row["id"] for row in json.loads(run("track", "МГИМО", "--format", "json").out)]


# --- the last round-14 readers (c9ccc7f) -----------------------------------------------------

def test_a_visits_page_gives_every_followed_commitment_its_verdict(table) -> None:  # noqa: ANN001
    """The Astana page said what became of 5 of its 16 followed items (those a later fact is
    linked to); the Ekibastuz emissions agreement, the joint statement and the KazNU intake,
    whose later candidates the rubric relies on to tell the reader, showed nothing (the last
    round-14 briefs reader B). Every item track follows gets its line, candidates beside an
    item nothing is linked to; the newest article's own items (nothing later can exist) none."""
    from kzru.follow import track

    astana = page(table, "2024-11-state-visit-astana")
    lines = astana.split("\n## New since", 1)[0].splitlines()
    followed = [entry.fact.id for entry in track(table, [
        fact for fact in table.facts.values()
        if fact.event == "2024-11-state-visit-astana" and not fact.part_of])]
    assert len(followed) >= 16
    for fact_id in followed:
        at = next(i for i, line in enumerate(lines) if f"`{fact_id}`" in line
                  and line.startswith("- "))
        after = lines[at + 1:at + 12]
        assert any(line.startswith("  - later, as of the newest article in this table: **")
                   for line in after), fact_id
    for fact_id, candidate in (("a001-ekibastuz-gres2-emissions",
                                "a002-ekibastuz-gres2-modernisation"),
                               ("a001-kaznu-omsk-first-applicants-sept",
                                "a004-kaznu-omsk-branch")):
        at = next(i for i, line in enumerate(lines) if f"`{fact_id}`" in line)
        line = next(line for line in lines[at + 1:] if line.startswith("  - later,"))
        assert "**no later fact linked as its progress (see also)**" in line
        assert f"`{candidate}`" in line
    moscow = page(table, "2025-11-state-visit-moscow").split("\n## Preview", 1)[0]
    assert "later, as of the newest article in this table" not in moscow  # a004: the newest


def test_work_reported_as_going_on_and_agreed_on_again_is_taken_up_again(table) -> None:  # noqa: ANN001
    """The preview: Kazakhstan and Russia take part in developing the North–South corridor
    (a project reported as going on, no undertaking); the report: «Договорились
    последовательно расширять возможности транспортных коридоров Север — Юг». By the rubric's
    rule for work only reported as going on, "taken up again", not "reaffirmed — still open"
    (the last round-14 readers); an agreement of the sides restated keeps "reaffirmed"
    (oil, a commitment)."""
    from kzru.follow import track

    assert (FACTS["a002-north-south-corridor"]["kind"],
            FACTS["a002-north-south-corridor"]["status"]) == ("project", "ongoing")
    verdicts = {entry.fact.id: entry.verdict for entry in track(table)}
    assert verdicts["a002-north-south-corridor"] == "taken up again"
    assert FACTS["a001-oil-supply-existing-agreements"]["kind"] == "commitment"
    assert verdicts["a001-oil-supply-existing-agreements"] == "reaffirmed — still open"


def test_the_2024_industry_talks_see_the_previews_industrial_lines(run) -> None:  # noqa: ANN001
    """2024 «обсудили вопросы промышленности»; the 2025 preview of the next state visit
    expects «расширении промышленной … кооперации». Not linked (a forecast, not the meeting
    taking the topic up), but "no later report" hid it: the preview's line stands beside it
    and the verdict is "not linked" (the last round-14 readers)."""
    rows = {row["id"]: row for row in json.loads(run("track", "--format", "json").out)}
    industry = rows["a001-talks-industry"]
    assert industry["verdict"] == "not linked"
    assert "a002-expected-focus-industrial-cooperation" in industry["see_also"]


def test_a_parent_line_never_says_nothing_later_above_candidates(run) -> None:  # noqa: ANN001
    """«nothing later on the other N parts» stood above the later facts the same line then
    listed for one of those parts (the last round-14 track reader, five parent lines): the
    reason says "nothing later linked to"."""
    rows = json.loads(run("track", "--explain", "--format", "json").out)
    for row in rows:
        assert "nothing later on the other" not in row["reason"], row["id"]
    transport = next(row for row in rows if row["id"] == "a001-agreed-transport-infrastructure")
    assert "nothing later linked to the other 3 parts" in transport["reason"]
