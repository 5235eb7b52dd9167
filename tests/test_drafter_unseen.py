"""Rules of Russian news language found by drafting articles no one here wrote (other years'
visits, phone calls and forums, judged by hand against the audit rubric; the articles are not
in the repository). Each test drafts sentences written for it, not taken from any article,
and would fail without its rule."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import drafted  # noqa: E402

HEAD = "Павлодар, 4 июня 2026 года\n\nВ Павлодаре открылась выставка сельхозтехники.\n"


# -- a phrase cue and the word it begins are one place in the sentence ---------------------

def test_exchanging_views_is_talk_wherever_the_sentence_stands(tmp_path: Path,
                                                               empty_folder: Path) -> None:
    # the phrase "обменялись мнениями" (talk) outranks the word "обменялись" (an exchange of
    # documents) at any offset, not only in an article's first sentence
    _, by = drafted(tmp_path, empty_folder,
                    HEAD + "Министры обменялись мнениями о поставках зерна и удобрений.\n")
    draft = by("Министры обменялись")
    assert draft.status == "reported" and draft.kind != "document"


def test_exchanging_documents_is_still_a_signing(tmp_path: Path, empty_folder: Path) -> None:
    _, by = drafted(tmp_path, empty_folder,
                    HEAD + "Министры обменялись меморандумами о поставках зерна.\n")
    draft = by("Министры обменялись")
    assert draft.status == "signed" and draft.kind == "document"


# -- "по итогам" frames an outcome; the sentence's own verb says what it is ----------------

def test_a_signing_planned_as_an_outcome_is_planned(tmp_path: Path, empty_folder: Path) -> None:
    _, by = drafted(tmp_path, empty_folder, HEAD + (
        "По итогам совещания запланировано подписание трех соглашений о транспорте.\n"
        "По итогам переговоров губернаторы планируют подписать меморандум о туризме.\n"))
    for start in ("По итогам совещания", "По итогам переговоров"):
        draft = by(start)
        assert draft.status == "planned", start
        assert draft.kind == "statement", start  # a plan to sign, not a signed document


def test_an_outcome_signed_stays_signed(tmp_path: Path, empty_folder: Path) -> None:
    _, by = drafted(tmp_path, empty_folder,
                    HEAD + "По итогам совещания подписано соглашение о транспорте.\n")
    draft = by("По итогам совещания")
    assert (draft.status, draft.kind) == ("signed", "document")


# -- verbs of talk in the passive are talk ---------------------------------------------------

def test_discussed_in_the_passive_is_reported(tmp_path: Path, empty_folder: Path) -> None:
    _, by = drafted(tmp_path, empty_folder,
                    HEAD + "На совещании обсуждались поставки зерна и удобрений.\n")
    assert by("На совещании обсуждались").status == "reported"


# -- meeting verbs: met is done, will meet is planned, may meet is neither ------------------

def test_meeting_verbs_by_tense(tmp_path: Path, empty_folder: Path) -> None:
    _, by = drafted(tmp_path, empty_folder, HEAD + (
        "Губернаторы двух областей встретились в Павлодаре.\n"
        "Губернаторы двух областей встретятся в Омске 5 июля.\n"
        "Губернаторы двух областей могут встретиться в Омске.\n"))
    met = by("Губернаторы двух областей встретились")
    assert (met.status, met.kind) == ("done", "meeting")
    will = by("Губернаторы двух областей встретятся")
    assert (will.status, will.kind) == ("planned", "meeting")
    assert by("Губернаторы двух областей могут").status not in ("done", "planned")
