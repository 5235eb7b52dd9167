"""The second read of round 13's drafter rules (/work/wt/audits/second-read-r13.md #1–#8,
#12): each rule must not fire where it does not belong. Sentences written for these tests
(not the reviewer's, not an article's): a caption or a copyright sign inside a paragraph
drops nothing but itself; a verb of handing over is no channel; a future in a relative
clause or a reported clause does not decide a held act; a figure's future is a forecast;
an ordinary first word ("Реклама", "Фото и видео") is report; a person after a press
office's comma is the speaker; a headline ends with no full stop; a link to another story
inside a paragraph is furniture; a place or an adjective is no state of affairs."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("natasha")



def test_a_caption_or_credit_inside_a_paragraph_drops_only_itself(drafts_of) -> None:
    data, by = drafts_of((
        "Уральск, 9 апреля 2029 года. Акимы двух областей 8 апреля подписали в Уральске "
        "меморандум о паводках. Стороны также договорились обмениваться данными о реках "
        "(фото: пресс-служба акимата). Читайте также: Паводок в Оренбурге пошел на спад. "
        "© Информагентство\n"))
    assert by("Акимы двух").status == "signed"
    assert by("Стороны также").status == "agreed"  # its caption in brackets is no reason
    texts = [fact.text for fact in data.facts.values()]
    assert not any(t.startswith(("Читайте", "©")) for t in texts)


def test_ordinary_first_words_are_report(drafts_of) -> None:
    _, by = drafts_of((
        "Омск, 9 апреля 2029 года\n\n"
        "Реклама омских санаториев в Казахстане выросла за год на 30 процентов.\n"
        "Фото и видео с открытия моста выложил акимат области.\n"))
    assert by("Реклама").kind == "figure"
    assert by("Фото и видео")


def test_handing_over_is_a_fact_not_a_channel(drafts_of) -> None:
    data, _ = drafts_of((
        "Астана, 9 апреля 2029 года\n\n"
        "Министры обороны двух стран 8 апреля провели в Астане консультации по совместной "
        "подготовке пограничных подразделений и обсудили график учений на следующий год, "
        "а Россия передала Казахстану три патрульных катера.\n"))
    assert any("передала Казахстану три патрульных катера" in fact.evidence
               for fact in data.facts.values())


def test_a_future_in_a_relative_or_reported_clause_does_not_decide_the_act(drafts_of) -> None:
    _, by = drafts_of((
        "Курган, 9 апреля 2029 года\n\n"
        "Губернаторы 8 апреля провели в Кургане переговоры, которые укрепят связи регионов.\n"
        "В области работают три казахстанских предприятия, которые выпустят в этом году "
        "тысячу вагонов.\n"
        "Переговоры с акимом губернатор назвал полезными и сказал, что область увеличит "
        "закупки зерна.\n"))
    assert by("Губернаторы").status == "done"
    assert by("В области работают").status == "ongoing"
    # what was said at the talks is to come; the talks themselves are no planned meeting
    said = by("Переговоры с акимом")
    assert said.status == "planned" and said.kind == "statement"


def test_a_figure_s_future_is_a_forecast(drafts_of) -> None:
    _, by = drafts_of((
        "Омск, 9 апреля 2029 года\n\n"
        "По прогнозу областного министерства, грузооборот через переход превысит "
        "2 млн тонн.\n"
        "Стоимость нового терминала составит 4 млрд рублей.\n"))
    assert by("По прогнозу").status == "expected"
    assert by("Стоимость").status == "expected"


def test_a_person_after_a_press_office_s_comma_speaks(drafts_of) -> None:
    _, by = drafts_of((
        "Омск, 9 апреля 2029 года\n\n"
        "По данным пресс-службы губернатора, Виктор Лебедев отметил, что мост откроют в мае.\n"
        "Как сообщает пресс-служба акимата, Аслан Нуриев заявил, что паром запустят летом.\n"))
    assert by("По данным").speaker == "Viktor Lebedev"
    assert by("Как сообщает").speaker == "Aslan Nuriev"


def test_a_title_line_ending_in_a_full_stop_is_no_headline(tmp_path: Path,
                                                           empty_folder: Path) -> None:
    import shutil

    from kzru import store
    from kzru.curate import pipeline
    from kzru.curate.read import Overrides

    folder = tmp_path / "data"
    shutil.copytree(empty_folder, folder)
    path = tmp_path / "lead.txt"
    lead = "Акимы двух областей 8 апреля подписали меморандум о паводках."
    path.write_text(lead + "\nМеморандум о паводках акимы двух областей подписали бы раньше, "
                    "если бы не выборы.\n", encoding="utf-8")
    pipeline.add([path], folder, Overrides(title=lead, published="2029-04-09"))
    texts = [fact.text for fact in store.load(folder).facts.values()]
    assert lead in texts


def test_a_place_or_an_adjective_is_no_state_of_affairs(drafts_of) -> None:
    _, by = drafts_of((
        "Омск, 9 апреля 2029 года\n\n"
        "В Ростове-на-Дону работает консульство Казахстана.\n"
        "Торговые дома Казахстана работают в трех областях России.\n"))
    assert by("В Ростове").status == "ongoing"
    assert by("Торговые дома").status == "ongoing"
