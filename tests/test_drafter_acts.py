"""What a verb of taking or exchanging does, and a participle after "будет": "принять"
adopts only a document (an invitation accepted is agreed, a delegation received or a part
taken is done), "обменяться" signs only documents, "будет подписан" is to come. Each test
drafts sentences written for it and would fail without its rule."""

from __future__ import annotations

import pytest


def test_taking_adopts_only_a_document(drafts_of) -> None:
    _, by = drafts_of(
        "Омск, 3 июня 2027 года\n\n"
        "Губернатор области принял в своей резиденции делегацию Павлодарской области.\n"
        "Гость принял приглашение посетить Казань осенью.\n"
        "Парламент принял закон о ратификации соглашения о туризме.\n"
        "Министры приняли участие в открытии выставки.\n")
    received = by("Губернатор")
    assert received.status == "done" and received.kind != "document"
    assert by("Гость принял").status == "agreed"
    adopted = by("Парламент")
    assert (adopted.status, adopted.kind) == ("signed", "document")
    assert by("Министры приняли").status == "done"


def test_an_exchange_of_documents_is_still_signed(drafts_of) -> None:
    _, by = drafts_of(
        "Омск, 1 ноября 2027 года\n\n"
        "Министры обменялись ратификационными грамотами соглашения о туризме.\n"
        "Министры обменялись опытом работы с инвесторами.\n")
    assert by("Министры обменялись ратиф").status == "signed"
    assert by("Министры обменялись опытом").status == "reported"


@pytest.mark.parametrize("sentence", [
    "Соглашение о туризме будет подписано в ходе визита.",
    "Новые авиарейсы будут открыты к осени.",
    "Программа сотрудничества будет принята до конца года.",
])
def test_a_participle_after_budet_is_to_come(sentence: str, drafts_of) -> None:
    _, by = drafts_of("Омск, 1 ноября 2027 года\n\n" + sentence + "\n")
    draft = by(sentence[:12])
    assert draft.status == "planned" and draft.kind != "document"


def test_a_proposal_to_visit_names_a_time_to_come(drafts_of) -> None:
    _, by = drafts_of(
        "Омск, 3 июля 2027 года\n\n"
        "Аким предложил губернатору посетить Павлодар еще раз в ноябре.\n")
    proposal = by("Аким")
    # proposed (a past "предложил" too); made on the article's day, not in a November
    # before it: the November named is the visit's, one to come
    assert proposal.status == "proposed"
    assert (proposal.date.isoformat(), proposal.date_precision) == ("2027-07-03", "day")
