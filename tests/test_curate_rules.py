"""The drafter's general rules of Russian news language, one test each, on sentences written
for these tests (not taken from any article): status from the governing verb, dates never
finer than the text gives, events by the article's own framing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import drafted  # noqa: E402

# -- status from the governing verb ----------------------------------------------------------

def test_status_rules_of_the_governing_verb(drafts_of) -> None:
    _, by = drafts_of("\n".join([
        "Петропавловск, 3 марта 2026 года",
        "",
        # a forecast verb in the past tense forecasts nothing: the talks allowed it, done
        "Прошлогодняя встреча министров позволила сблизить позиции по тарифам.",
        # an attributive adjective's cue ("перспективный": proposed) yields to the verb's
        "Министры намерены развивать перспективное направление речного туризма.",
        # a past perfective verb of a statement reports what was done, not a description
        "В Петропавловске прошла выставка ремесленников двух приграничных областей.",
        # while a present-tense one describes: reported
        "Связи между приграничными областями постепенно развиваются и крепнут.",
        # a forecast in the present or future tense is expected
        "Новый мост позволит сократить время в пути между областными центрами.",
        "",
    ]))
    assert by("Прошлогодняя встреча").status != "expected"
    assert by("Министры намерены").status == "planned"
    assert by("В Петропавловске прошла").status == "done"
    assert by("Связи между").status == "reported"
    assert by("Новый мост").status == "expected"


# -- dates: never finer than the sentence or its resolved phrase ------------------------------

def test_the_deciding_verb_places_a_day_without_its_year(drafts_of) -> None:
    """"Напомним" (a parenthetical first-person verb) is not what happened: "прибыл" is,
    in the past, so 3 December is the article's December, not next year's."""
    _, by = drafts_of("Омск, 5 декабря 2026 года\n\n"
                      "Напомним, 3 декабря министр транспорта Казахстана прибыл в Омск.\n")
    fact = by("Напомним")
    assert (fact.date, fact.date_precision, fact.date_basis) == \
        (date(2026, 12, 3), "day", "inferred")


def test_today_with_a_present_verb_is_nowadays_not_a_day(drafts_of) -> None:
    _, by = drafts_of("\n".join([
        "Костанай, 10 апреля 2026",
        "",
        "Сегодня сотрудничество аграриев двух стран переживает заметный подъем.",
        "Сегодня в Костанае проходят переговоры губернаторов двух областей.",
        "",
    ]))
    nowadays = by("Сегодня сотрудничество")
    assert (nowadays.date, nowadays.date_precision, nowadays.date_basis) == \
        (date(2026, 4, 10), "day", "publication")
    talks = by("Сегодня в Костанае")
    assert (talks.date, talks.date_basis) == (date(2026, 4, 10), "inferred")


def test_an_undated_sentence_keeps_the_articles_precision(drafts_of) -> None:
    """Dated by the article (here only its month is known): never a finer date."""
    _, by = drafts_of("Министры сельского хозяйства подписали протокол о поставках семян.\n",
                      published="2026-03")
    fact = by("Министры сельского")
    assert (fact.date, fact.date_precision, fact.date_basis) == \
        (date(2026, 3, 1), "month", "publication")


def test_a_past_sentence_continues_the_earlier_time_of_its_paragraph(drafts_of) -> None:
    _, by = drafts_of("\n".join([
        "Атырау, 20 мая 2026 года",
        "",
        "В прошлом году в Атырау прошла ярмарка нефтяного оборудования. Участники "
        "подписали десятки контрактов на поставку насосов. Теперь организаторы "
        "готовят вторую ярмарку в новом выставочном зале.",
        "Министры обсудили расширение сотрудничества в нефтехимии.",
        "",
    ]))
    carried = by("Участники подписали")
    assert (carried.date, carried.date_precision, carried.date_basis) == \
        (date(2025, 1, 1), "year", "inferred")
    assert "continues the sentence before" in carried.date_note
    # "Теперь" brings the story back to now; a new paragraph starts afresh
    assert by("Теперь организаторы").date_basis == "publication"
    assert by("Министры обсудили").date_basis == "publication"


# -- events by the article's own framing ---------------------------------------------------

REPORT = "\n".join([
    "Омск, 6 декабря 2026 года",
    "",
    "4 и 5 декабря президент Казахстана находился в Омске с государственным визитом.",
    "Визит открыл новую страницу в отношениях соседних регионов.",
    "По итогам переговоров министры подписали соглашение о поставках зерна.",
    "Стороны условились расширить железнодорожное сообщение между областями.",
    "Детально обсуждены вопросы водного хозяйства на реке Иртыш.",
    "5 декабря в Омске прошла встреча президентов с предпринимателями.",
    "Ранее в Омске открылся филиал казахстанского технического университета.",
    "В нем уже подписали первые договоры о стажировках студентов.",
    "Как правило, визиты такого уровня готовятся несколько месяцев.",
    "Товарооборот приграничных областей растет третий год подряд.",
    "6 декабря президенты примут участие в саммите глав приграничных регионов.",
    "",
])


def test_a_report_links_what_it_frames_as_the_visit(drafts_of) -> None:
    data, by = drafts_of(REPORT)
    visit = by("4 и 5 декабря").event
    assert visit and data.events[visit].kind == "state-visit"
    for start in ("Визит открыл",  # the lead
                  "По итогам переговоров",  # framed by the talks
                  "Стороны условились",  # the sides
                  "Детально обсуждены",  # an outcome of talks
                  "5 декабря в Омске прошла встреча"):  # a meeting on the visit's days
        assert by(start).event == visit, start
    # background and general remarks are not the visit; nor is a mere description
    assert by("Ранее в Омске").event == ""
    # a sentence continuing a background one ("В нем…") is background too, act or not
    assert by("В нем уже подписали").event == ""
    assert by("Как правило").event == ""
    assert by("Товарооборот").event == ""
    # a summit the day after: its own draft event, hosted by the visit's host, but held
    # where the text says, which is nowhere: the visit's city is not borrowed
    summit = data.events[by("6 декабря президенты").event]
    assert summit.kind == "summit" and summit.host == data.events[visit].host
    assert "Омск" not in summit.places


def test_a_report_dated_by_its_month_still_reports_the_visit(drafts_of) -> None:
    text = REPORT.split("\n", 2)[2]  # no dateline: the article is known by its month only
    data, by = drafts_of(text, published="2026-12")
    visit = by("4 и 5 декабря").event
    assert visit and by("Стороны условились").event == visit
    assert by("Стороны условились").date_precision == "month"


PREVIEW = "\n".join([
    "Уральск, 1 декабря 2026 года",
    "",
    "Предстоящий государственный визит президента России в Казахстан пройдет 8 и 9 "
    "декабря.",
    "9 декабря в Уральске пройдет форум межрегионального сотрудничества.",
    "Форум будет посвящен подготовке инженеров для машиностроения.",
    "Его участниками станут губернаторы приграничных областей.",
    "Стороны также обсудят транзит грузов через Каспийское море.",
    "Товарооборот двух стран растет уже третий год подряд.",
    "",
])


def test_a_preview_links_the_upcoming_event_and_its_parts(drafts_of) -> None:
    data, by = drafts_of(PREVIEW)
    visit = by("Предстоящий").event
    forum = by("9 декабря в Уральске").event
    assert data.events[visit].kind == "state-visit" and data.events[forum].kind == "forum"
    assert by("Форум будет").event == forum  # "форум" after the forum was named
    assert by("Его участниками").event == forum  # a pronoun continues the sentence before
    assert by("Стороны также").event == visit  # the sides, in the future: the visit
    assert by("Товарооборот").event == ""  # the present state of affairs: no event


def test_a_long_sentence_is_never_cut_inside_parentheses(drafts_of) -> None:
    """A long sentence is drafted per clause group; a parenthetical list belongs to the word
    before it and stays whole in one group's evidence."""
    listed = "(Павлодар, Семей, Усть-Каменогорск, Кокшетау)"
    sentence = ("Областные акиматы северных и восточных областей подписали соглашения с "
                "четырьмя сибирскими регионами о приграничной торговле, туризме, обмене "
                f"студентами и совместных ярмарках {listed}, а министерство торговли "
                "пообещало упростить оформление грузов на границе уже в этом году.")
    # the list straddles the 200th character, where a clause group would otherwise end
    assert sentence.index("(") < 200 < sentence.index(")")
    data, _ = drafts_of(f"Павлодар, 2 марта 2026 года\n\n{sentence}\n")
    assert any(listed in fact.evidence for fact in data.facts.values())


def test_the_language_models_run_numpy_on_one_thread_unless_told() -> None:
    """Spinning BLAS threads cost CPU for the tagger's small matrices and fight --jobs
    workers: one thread, unless the user set a number."""
    import os
    import subprocess
    import sys

    code = ("from kzru.curate.annotate import tools; tools(); import os; "
            "print(os.environ['OPENBLAS_NUM_THREADS'])")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)
    assert done.stdout.strip() == "1"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**env, "OPENBLAS_NUM_THREADS": "2"}, check=True)
    assert done.stdout.strip() == "2"


# -- sectors: word forms and compounds, never a place ---------------------------------------

def test_sectors_read_compounds_and_never_a_place(drafts_of) -> None:
    _, by = drafts_of("\n".join([
        "Павлодар, 2 марта 2026 года",
        "",
        # a compound word holds the sector's word: электро + энергетика, газо + снабжение
        "Министры обсудили модернизацию электроэнергетики северных областей.",
        "Акимы договорились ускорить газоснабжение приграничных сел.",
        # a place names where, not what: no sector from Алматы or Алма-Ата (whose stem
        # "ат" is also the stem the stemmer gives "атом")
        "Переговоры заместителей министров прошли в Алматы во вторник.",
        "Делегация из Алма-Аты посетила выставку народных ремесел.",
        # a short word is matched by its dictionary form: "урана" is uranium
        "Стороны подписали контракт на поставку урана до конца года.",
        "",
    ]))
    assert by("Министры обсудили").sectors[:1] == ("energy",)
    assert "energy" in by("Акимы договорились").sectors
    assert by("Переговоры заместителей").sectors == ()
    assert "nuclear" not in by("Делегация из").sectors
    assert "nuclear" in by("Стороны подписали").sectors


# -- a dateline without a year ---------------------------------------------------------------

def test_a_dateline_without_its_year_is_read_with_the_year_given(
        drafts_of, tmp_path: Path, empty_folder: Path) -> None:
    text = ("АЛМАТЫ, 5 марта – Министры энергетики двух стран подписали протокол о "
            "поставках угля.\n")
    data, _ = drafts_of(text, published="2026")
    (source,) = data.sources.values()
    assert (source.published, source.published_precision, source.published_basis) == \
        (date(2026, 3, 5), "day", "inferred")
    assert "5 марта" in source.published_note and "2026" in source.published_note
    # with no year known at all, add names the dateline it found and asks for the year
    from kzru.errors import KzruError

    with pytest.raises(KzruError, match="dateline gives 5 марта but no year.*--published YYYY"):
        drafted(tmp_path / "again", empty_folder, text)
