"""What the round-8 fresh reading of the briefs found (`docs/audits/2026-12-05-round8-track-
briefs.md`: the 2022-02 visit, Astana 2024 and Moscow 2025 "correct with minor issues"), each
point held by a test whose expected values come from the articles (quoted here) and the rubric,
not from today's output."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, needs_seeds, read_table

from kzru.brief import build
from kzru.brief_data import data
from kzru.follow import NO_REPORT, NOT_AS_SUCH, NOT_TAKEN_UP, track
from kzru.render_brief import markdown
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = {row["id"]: row for row in read_table(DATA, "facts")}
SOURCES = {row["id"]: row for row in read_table(DATA, "sources")}


@pytest.fixture(scope="module")
def tracked(bundled):  # noqa: ANN001, ANN201
    return {entry.fact.id: entry for entry in track(bundled)}


@pytest.fixture(scope="module")
def moscow(bundled):  # noqa: ANN001, ANN201
    return build(bundled, "2025-11-state-visit-moscow")


def _article(source: str) -> str:
    return (SEEDS / SOURCES[source]["file"]).read_text(encoding="utf-8")


def _line(page: str, fact_id: str) -> str:
    return next(text for text in page.splitlines() if f"`{fact_id}`" in text)


def _where(brief) -> dict:  # noqa: ANN001
    return {item.fact.id: (section.status, group.sector, item) for section in brief.sections
            for group in section.groups for item in group.items}


# -- 2022-02: the digital agreements are the memorandum's content ------------------------------

def test_the_digital_agreements_are_parts_of_the_memorandum(bundled) -> None:  # noqa: ANN001
    """«…подписали Меморандум по обмену опытом в области цифровизации. Документ направлен на …
    Также закреплены договоренности по …, по …, по … и по …»: the four agreements follow the
    document's aim in its own paragraph, as its content (rubric 6: a set's members are parts);
    no umbrella row adds a count («четырём») the article does not give."""
    memo = "a000-digital-experience-memorandum"
    agreements = ["a000-digital-leaders-programme", "a000-it-specialists-intensive-programme",
                  "a000-astana-hub-digital-tools", "a000-ai-big-data-exchange"]
    assert all(FACTS[fact_id]["part_of"] == memo for fact_id in agreements)
    assert "a000-digital-agreements" not in FACTS
    assert not any("four" in row["summary"] or "четыр" in row["text"] for row in FACTS.values()
                   if row["source"] == "a000" and "digital" in row["sectors"])
    brief = build(bundled, "2022-02-working-visit")
    where = _where(brief)
    parts = [part.id for part in where[memo][2].parts]
    assert parts == ["a000-digital-civil-servant-training", *agreements]
    assert not set(agreements) & set(where)  # each once, under the memorandum
    assert where[memo][:2] == ("signed", "digital")  # rubric 7: its main sector, digital


@needs_seeds
def test_the_memorandums_paragraph_is_what_the_parts_quote() -> None:
    article = _article("a000")
    memo = article.index("подписали Меморандум по обмену опытом в области цифровизации")
    also = article.index("Также закреплены договоренности")
    assert memo < article.index("Документ направлен на") < also
    assert "\n" not in article[memo:also]  # one paragraph
    for fact_id in ("a000-digital-leaders-programme", "a000-ai-big-data-exchange"):
        assert FACTS[fact_id]["evidence"].startswith("Также закреплены договоренности")


# -- Moscow 2025: a package of several areas under no one area's heading (issue 19) -----------

def test_a_document_of_several_areas_sits_under_several_areas(moscow, bundled) -> None:  # noqa
    """«Ряд подписанных … документов … в вопросах освоения космоса, атомной энергетики,
    развития особых экономических зон и креативных индустрий»: several documents named by
    four areas. The row keeps space first (rubric 7), but the brief files it under no single
    area (issue 19: not under "Space"), its areas listed in the article's order."""
    assert FACTS["a004-innovation-documents-package"]["sectors"].startswith("space")
    status, sector, _ = _where(moscow)["a004-innovation-documents-package"]
    assert (status, sector) == ("signed", "several")
    page = markdown(moscow, bundled)
    signed = page.split("## Signed")[1].split("\n## ")[0]
    assert signed.index("### Several areas") < signed.index(
        "`a004-innovation-documents-package` · Areas: Space · Nuclear energy · Trade")
    assert "### Space" not in signed and "### Nuclear energy" not in signed


# -- Moscow 2025: the Rosatom sentence once -----------------------------------------------------

def test_the_first_npp_is_a_part_of_the_rosatom_work(moscow) -> None:  # noqa: ANN001
    """«Особо отмечена плодотворная работа с компанией «Росатом», в том числе по проекту
    строительства первой АЭС»: «в том числе» makes the NPP project one member of the Rosatom
    work (rubric 6), not a second row of the same thing (rubric 10)."""
    assert FACTS["a004-first-npp-kazakhstan"]["part_of"] == "a004-rosatom-cooperation"
    where = _where(moscow)
    assert "a004-first-npp-kazakhstan" not in where
    item = where["a004-rosatom-cooperation"][2]
    assert [part.id for part in item.parts] == ["a004-first-npp-kazakhstan"]
    assert not item.also  # no "the same sentence is also recorded as"
    # the preview's plan for the first plant still meets the project
    checks = {check.item.fact.id: check for check in moscow.checks}
    assert checks["a002-first-npp-with-rosatom"].tracked.decisive.id == \
        "a004-first-npp-kazakhstan"


# -- Moscow 2025: the energy background names the report's rows ---------------------------------

def test_gas_and_power_generation_names_the_reports_energy_rows(moscow, tracked, bundled) -> None:  # noqa
    """«В энергетическом блоке сохраняется фокус на реализацию совместных проектов по газовой и
    электрогенерации» against a report that discusses gas («Детально обсуждены перспективы
    газового сотрудничества») and agrees on electricity («условились укреплять партнерство …
    электроэнергии»), not the projects: not taken up as such, the report's energy rows named."""
    entry = tracked["a002-gas-power-generation-projects"]
    assert entry.verdict == NOT_AS_SUCH
    named = [fact.id for fact in entry.see_also]
    assert {"a004-gas-cooperation-prospects", "a004-energy-partnership-agreement"} <= set(named)
    assert all(FACTS[i]["event"] == "2025-11-state-visit-moscow" and FACTS[i]["source"] == "a004"
               and FACTS[i]["sectors"].split("; ")[0] == "energy" for i in named)
    # electricity is one of the partnership's parts
    assert FACTS["a004-electricity-partnership"]["part_of"] == "a004-energy-partnership-agreement"
    line = _line(markdown(moscow, bundled), "a002-gas-power-generation-projects")
    assert line.startswith("- **not taken up as such in the visit's report**")
    assert "the report takes up its field in" in line
    assert "`a004-gas-cooperation-prospects` [2]" in line
    assert "`a004-energy-partnership-agreement` [2]" in line
    assert "«" not in line.split("the report takes up")[1]  # no deciding words: no link


@needs_seeds
@pytest.mark.parametrize(("fact_id", "named"), [
    ("a002-ekibastuz-gres2-modernisation", ("ГРЭС", "Экибастуз")),
    ("a002-new-chps-construction", ("ТЭЦ", "теплоэлектроцентрал")),
])
def test_a_named_plant_the_report_never_names_is_not_taken_up(
        fact_id: str, named: tuple[str, ...], moscow, tracked, bundled) -> None:  # noqa: ANN001
    """«…проектов по газовой и электрогенерации, включая строительство новых ТЭЦ и
    модернизацию Экибастузской ГРЭС-2»: members of the energy projects («включая»: rubric 6,
    as the Rosatom sentence's NPP), which the report names neither of; the same sector is
    not the same named thing (RUBRIC-follows 1), so track and the brief both say the report
    does not take it up, under the projects it belongs to."""
    parent = "a002-gas-power-generation-projects"
    assert FACTS[fact_id]["part_of"] == parent
    report = _article("a004")
    assert not any(word in report for word in named)
    parts = {part.fact.id: part for part in tracked[parent].parts}
    assert parts[fact_id].verdict == NOT_TAKEN_UP and not parts[fact_id].see_also
    assert tracked[parent].verdict == NOT_AS_SUCH  # the projects' own word, not their parts'
    assert fact_id not in {check.item.fact.id for check in moscow.checks}
    assert _line(markdown(moscow, bundled), fact_id).startswith(
        "  - **not taken up in the visit's report**")


# -- Moscow 2025: the digitalisation contacts held against the IT-sector line -------------------

def test_the_digitalisation_contacts_are_held_against_the_it_sector(moscow, tracked, bundled) -> None:  # noqa
    """«Казахстан и Россия развивают контакты в сфере цифровизации, искусственного интеллекта,
    финтеха» (work under way, the preview's background) against «Широкие возможности
    открываются в IT-секторе» (the report): the field, not the contacts as such."""
    entry = tracked["a002-digitalisation-contacts"]
    assert entry.verdict == NOT_AS_SUCH
    assert [fact.id for fact in entry.see_also] == ["a004-it-sector-opportunities"]
    checks = {check.item.fact.id: check for check in moscow.checks}
    assert checks["a002-digitalisation-contacts"].shown == NOT_AS_SUCH
    assert "a002-digitalisation-contacts" not in {item.fact.id for item in moscow.preview_side}
    line = _line(markdown(moscow, bundled), "a002-digitalisation-contacts")
    assert "the report takes up its field in `a004-it-sector-opportunities` [2]" in line
    # the same for scripts
    held = {row["id"]: row for row in data(moscow)["preview_against_outcome"]}
    assert held["a002-digitalisation-contacts"]["field_rows"] == ["a004-it-sector-opportunities"]
    assert held["a002-eurasian-route-development-council"]["field_rows"] == []


@needs_seeds
def test_work_told_in_another_events_passage_is_not_held_against_the_visit(
        moscow, tracked) -> None:  # noqa: ANN001
    """«XXI форум, который проходит 11–12 ноября в Уральске … Эта тема также тесно связана …
    2025-й … проходит под знаком Года рабочих профессий»: told inside the forum's passage, the
    Year belongs beside the forum, not in the state visit's preview-against-outcome."""
    article = _article("a002")
    assert article.index("XXI форум") < article.index("Года рабочих профессий") < \
        article.index("Планируется также проведение")
    assert "a002-year-of-working-professions-2025" not in {c.item.fact.id for c in moscow.checks}
    assert tracked["a002-year-of-working-professions-2025"].verdict == NO_REPORT


def test_track_and_the_brief_say_the_same_of_the_previews_background(moscow, tracked) -> None:  # noqa
    """The round-8 reader found the two outputs using different labels for the same rows."""
    for check in moscow.checks:
        entry = tracked.get(check.item.fact.id)
        if entry is not None and entry.verdict in (NOT_AS_SUCH, NOT_TAKEN_UP):
            assert check.shown == entry.verdict, check.item.fact.id


# -- Moscow 2025: the 2025 Declaration beside the 2024 joint statement --------------------------

def test_what_became_of_the_joint_statement_names_the_declaration(moscow, bundled) -> None:  # noqa
    """2024: «совместное заявление об углублении стратегического партнёрства»; 2025:
    «подписание Декларации о переходе отношений … на уровень всеобъемлющего стратегического
    партнерства и союзничества» — a different document (no follows link), shown beside it as
    track shows it: see also, unconfirmed."""
    statement = "a001-joint-statement-strategic-partnership"
    outcomes = {entry.fact.id: entry for entry in moscow.novelty.outcomes}
    assert outcomes[statement].verdict == NO_REPORT
    assert "a004-declaration-strategic-partnership-alliance" in [
        fact.id for fact in moscow.novelty.see_also[statement]]
    block = markdown(moscow, bundled).split("What became of its commitments")[1]
    lines = block.splitlines()
    at = next(i for i, text in enumerate(lines) if f"`{statement}`" in text)
    assert lines[at + 1].startswith(
        "    - later facts that may report on it, not linked as its progress")
    assert "`a004-declaration-strategic-partnership-alliance` (reported as of 2025-11-12)" in \
        lines[at + 1]
    # nothing beside a commitment whose later report is linked
    moved = "a001-oil-supply-existing-agreements"
    assert moved not in moscow.novelty.see_also
    listed = data(moscow)["new"]["previous_commitments"]
    assert "a004-declaration-strategic-partnership-alliance" in next(
        row for row in listed if row["id"] == statement)["see_also"]
    json.dumps(listed)


# -- Astana 2024: the CSTO session is only announced --------------------------------------------

@needs_seeds
def test_an_event_the_report_only_announces_is_not_said_held(bundled) -> None:  # noqa: ANN001
    """«28 ноября, под руководством Касым-Жомарта Токаева, пройдет сессия Совета коллективной
    безопасности ОДКБ» in a report of the first day: announced, not reported held; the XX
    forum, «который проходил в Уфе в режиме видеоконференции», was."""
    article = _article("a001")
    assert "пройдет сессия Совета коллективной безопасности" in article
    assert "который проходил в Уфе" in article
    brief = build(bundled, "2024-11-state-visit-astana")
    assert brief.related_announced == ["2024-11-csto-council"]
    page = markdown(brief, bundled)
    held = _line(page, "2024-11-xx-interregional-forum")
    announced = _line(page, "2024-11-csto-council")
    assert held.startswith("*Held alongside:*") and "csto" not in held
    assert announced.startswith("*Announced alongside, not reported as held:*")
    assert data(brief)["related_announced_only"] == ["2024-11-csto-council"]
    # in Russian too
    assert "*Объявлено на те же дни, о проведении не сообщается:*" in markdown(brief, bundled,
                                                                            "ru")
    # the visit, seen from the session's page, was held
    assert build(bundled, "2024-11-csto-council").related_announced == []
