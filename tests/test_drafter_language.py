"""Rules of Russian news language added after the drafter was tried on texts it had not
seen: each test drafts sentences written for it (not taken from any article) and checks
what the rule promises, and would fail without the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import drafted  # noqa: E402

HEAD = "Караганда, 12 марта 2026 года\n\n"


def _drafts(data, start: str) -> list:
    return [f for f in data.facts.values() if f.text.startswith(start)]


# -- an overlong clause that ends with a «name» ------------------------------------------

def test_an_overlong_clause_is_quoted_by_its_first_words_and_its_closing_name(
        tmp_path: Path, empty_folder: Path) -> None:
    sentence = ("ТОО «Казахская вагоностроительная компания» заключило контракты с 5 крупными "
                "машиностроительными заводами Российской Федерации (УВЗ, ТМХ, «Синара», "
                "«Трансмашхолдинг», ЛКЗ) о поставках подвижного состава в рамках программы "
                "«Модернизация 2030».")
    assert len(sentence) > 200  # one clause, no break outside brackets and quotes
    data, _ = drafted(tmp_path, empty_folder, HEAD + sentence + "\n")
    drafts = _drafts(data, "ТОО «Казахская")
    # one draft (not two windows each cutting a phrase), in two verbatim pieces: the first
    # words up to the end of the bracketed list, and the closing name with its quotes
    assert len(drafts) == 1
    first, name = drafts[0].evidence.split(" … ")
    assert first.startswith("ТОО «Казахская вагоностроительная компания» заключило контракты")
    assert first.endswith("(УВЗ, ТМХ, «Синара», «Трансмашхолдинг», ЛКЗ)")
    assert name == "«Модернизация 2030»"
    assert len(drafts[0].evidence) <= 200
    assert drafts[0].status == "signed"


def test_a_long_clause_without_a_closing_name_is_still_cut_in_windows(
        tmp_path: Path, empty_folder: Path) -> None:
    sentence = ("ТОО «Казахская вагоностроительная компания» заключило контракты с 5 крупными "
                "машиностроительными заводами Российской Федерации (УВЗ, ТМХ, «Синара», "
                "«Трансмашхолдинг», ЛКЗ) о поставках подвижного состава для пригородного "
                "сообщения в восточных областях.")
    data, _ = drafted(tmp_path, empty_folder, HEAD + sentence + "\n")
    drafts = _drafts(data, "ТОО «Казахская")
    assert len(drafts) == 2 and all(" … " not in d.evidence for d in drafts)
    assert drafts[-1].evidence.endswith("в восточных областях.")
