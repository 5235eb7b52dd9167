"""Drafted person names in their dictionary form: a nominative name is left as written, a
surname in -ева/-ова is the man's when the text names him in the nominative, and a person
the glossary knows is written as the glossary writes him.

Sentences and people (but the glossary's) written for this test.
"""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")

from kzru import store  # noqa: E402
from kzru.curate import pipeline  # noqa: E402
from kzru.curate.annotate import normalise  # noqa: E402

ARTICLE = "\n".join([
    "Алматы, 12 мая 2026 года",
    "",
    "Президент Касым-Жомарт Токаев провел встречу с инвесторами в Алматы.",
    "По словам Токаева, объем инвестиций в экономику вырос на 8 процентов.",
    "Директор завода Арман Куанышев сообщил, что предприятие увеличило выпуск продукции.",
    "По словам Куанышева, завод планирует нанять 300 рабочих.",
    "Министр Айгерим Сатпаева заявила, что программа поддержки фермеров продолжится.",
    "",
])


@pytest.mark.parametrize(("said", "normal"), [
    ("Касым-Жомарт Токаев", "Касым-Жомарт Токаев"),  # was "Касым-Жомарты Токаи"
    ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев"),
    ("Сергея Лаврова", "Сергей Лавров"),
    ("Арман Куанышев", "Арман Куанышев"),
])
def test_person_names_in_the_nominative(said: str, normal: str) -> None:
    assert normalise(said, "person") == normal


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from kzru.cli import main

    base = tmp_path_factory.mktemp("names")
    folder = base / "mine"
    try:
        main(["init", str(folder), "--empty"])  # the glossary, no facts
    except SystemExit:
        pass
    path = base / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    pipeline.add([path], folder)
    return {fact.text: fact for fact in store.load(folder).facts.values()}


def _by(drafts: dict, start: str):
    return next(f for text, f in drafts.items() if text.startswith(start))


def test_no_misinflected_name_reaches_a_draft(drafts: dict) -> None:
    said = [name for fact in drafts.values() for name in (*fact.names, fact.speaker)]
    assert "Касым-Жомарты Токаи" not in said and "Токаева" not in said


def test_a_glossary_person_is_named_as_the_glossary_names_him(drafts: dict) -> None:
    assert "Касым-Жомарт Токаев" in _by(drafts, "Президент Касым-Жомарт").names
    attributed = _by(drafts, "По словам Токаева")
    assert attributed.speaker == "Kassym-Jomart Tokayev"


def test_an_ambiguous_surname_follows_the_nominative_in_the_text(drafts: dict) -> None:
    attributed = _by(drafts, "По словам Куанышева")
    # the surname in the nominative, and as a speaker the fuller name the article gave him
    # before (kzru.curate.speakers: "Арман Куанышев … По словам Куанышева")
    assert attributed.speaker == "Arman Kuanyshev" and "Куанышев" in attributed.names


def test_a_womans_surname_stays_when_the_text_names_no_man(drafts: dict) -> None:
    assert _by(drafts, "Министр Айгерим").speaker == "Aigerim Satpaeva"
