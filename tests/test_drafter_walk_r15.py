"""The round-15 new-user walk's kinds of error, each as a general rule of Russian news
language, tested on sentences written for it (none from the walk's page or the seeds): a
dateline's city in capitals and the same city in the text are one place, written as a
dictionary writes it; a document word or any other common noun the glossary knows as a term is
no name of a draft (names are entities) though it still gives the sentence its sector; a
meeting named in the words that attribute a quote («…», – сказал министр после переговоров) is
when it was said, not what the quote tells; review shows the word that decided a kind only while
the draft keeps that kind; a brief of drafts shows a draft the drafter gave no sector (it
crashed on one)."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")


@pytest.mark.parametrize(("dateline", "named", "city", "english"), [
    ("КАЗАНЬ", "Казань", "Казань", "Kazan"),
    ("ЕКАТЕРИНБУРГ", "Екатеринбург", "Екатеринбург", "Ekaterinburg"),
    ("УСТЬ-КАМЕНОГОРСК", "Усть-Каменогорск", "Усть-Каменогорск", "Ust-Kamenogorsk"),
])
def test_a_dateline_city_and_the_same_city_named_again_are_one_place(
        drafts_of, dateline: str, named: str, city: str, english: str) -> None:
    data, _ = drafts_of(
        f"{dateline}, 12 марта 2029 года – Губернатор Алтайского края прибыл в {named} с "
        "рабочим визитом.\n")
    [visit] = data.events.values()
    assert visit.places == (city,)
    assert visit.title_ru.endswith(f": {city}") and visit.title_en.endswith(f": {english}")


def test_a_common_noun_the_glossary_knows_is_no_name(drafts_of) -> None:
    _, by = drafts_of(
        "Астана, 12 марта 2029 года\n\n"
        "Представители Росатома и акимата Костанайской области подписали меморандум о "
        "строительстве новой железной дороги.\n")
    signed = by("Представители")
    # the organisation and the region are named; the document word and the railway are not
    assert {"Росатом", "Rosatom", "Костанайская область"} <= set(signed.names)
    assert not {"меморандум", "memorandum", "железная дорога", "railway"} & set(signed.names)
    assert "transport" in signed.sectors  # the railway still says what it is about


def test_a_meeting_in_the_attribution_of_a_quote_is_no_kind_of_it(drafts_of) -> None:
    _, by = drafts_of(
        "Курган, 14 мая 2029 года\n\n"
        "«Мы ожидаем, что поставки зерна в следующем году вырастут вдвое», – сказал министр "
        "сельского хозяйства журналистам после переговоров.\n"
        "Губернатор по итогам встречи заявил: «Мы откроем новый пункт пропуска в будущем "
        "году».\n"
        "«Следующее заседание межправительственной комиссии пройдет в Кургане осенью», – "
        "сообщил вице-премьер после переговоров.\n")
    forecast = by("«Мы ожидаем")
    assert (forecast.kind, forecast.status) == ("statement", "expected")
    assert by("Губернатор по итогам").kind == "statement"
    # a meeting the quote itself names is still one
    assert by("«Следующее заседание").kind == "meeting"


def test_review_drops_the_kind_word_once_the_kind_is_edited(tmp_path, run) -> None:  # noqa: ANN001
    import io

    from conftest import drafted_folder
    from rich.console import Console

    from kzru.commands.review import _show
    from kzru.curate.review import Session

    folder = drafted_folder(tmp_path, run, "Омск, 3 апреля 2029 года\n\n"
                            "Губернаторы двух областей провели переговоры в Омске.\n")
    session = Session(folder)
    [talks] = [f for f in session.drafts()
               if session.data.facts[f].text.startswith("Губернаторы")]
    kind_line = "(word: переговор)"

    def shown() -> str:
        out = io.StringIO()
        _show(Console(file=out, width=200, color_system=None), 1, 1, session, talks)
        return out.getvalue()

    assert session.current(talks)["kind"] == "meeting" and kind_line in shown()
    session.edit(talks, {"kind": "statement"})
    said = shown()
    assert "statement" in said and kind_line not in said and "(word: -)" in said


def test_a_brief_of_drafts_shows_a_draft_with_no_sector(tmp_path, run) -> None:  # noqa: ANN001
    from conftest import drafted_folder

    from kzru import store

    folder = drafted_folder(tmp_path, run, "Омск, 3 апреля 2029 года\n\n"
                            "Губернаторы двух областей провели переговоры в Омске.\n")
    data = store.load(folder)
    [talks] = [f for f in data.facts.values() if f.text.startswith("Губернаторы")]
    assert talks.event and not talks.sectors  # the case: an event's draft with no sector
    said = run("brief", talks.event, "--data", str(folder), "--drafts", "--format", "md")
    assert said.code == 0, said.err
    group = said.out.split("### No sector yet (draft)", 1)[1]
    assert talks.id in group.split("##", 1)[0]
