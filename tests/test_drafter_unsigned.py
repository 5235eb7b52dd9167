"""A signing the text says did not take place is never drafted signed: negated before its verb
or after it, put off or called off, or told inside a denial, a rumour or a report not
confirmed. The red team found each of these drafted as a signed document (the document rule
forced signed whenever a signing verb governed a document word, negated or not). Sentences
written for these tests."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")

NOT_SIGNED = (
    "Омск, 9 июня 2029 года\n\n"
    "Делегации не подписали меморандум о логистике.\n"
    "Протокол о поставках угля до сих пор не подписан.\n"
    "Губернаторы так и не подписали программу сотрудничества, ограничившись консультациями.\n"
    "Вице-премьер сообщил, что договор о водных ресурсах подписан не будет.\n"
    "Посольство опровергло информацию о том, что стороны подписали контракт на поставку "
    "зерна.\n"
    "Слухи о том, что министры подписали соглашение о тарифах, оказались ложными.\n"
    "Агентство ошибочно сообщило, что делегации подписали меморандум о туризме.\n"
    "Источник не подтвердил, что стороны подписали дорожную карту по углю.\n"
    "Министерство отложило подписание соглашения о тарифах.\n"
    "Подписание протокола о транзите газа было отменено в последний момент.\n"
    "Договор о транзите так и не был подписан.\n"
    "Подписание программы сотрудничества не состоялось.\n"
    "Сведения о подписании контракта на поставку угля не соответствуют действительности.\n"
    "Губернаторы подписали соглашение о сотрудничестве в сфере туризма.\n"
    "По итогам встречи состоялось подписание соглашения об отмене пошлин.\n")


def test_a_signing_denied_negated_or_called_off_is_reported(drafts_of) -> None:
    _, by = drafts_of(NOT_SIGNED)
    for start in ("Делегации не", "Протокол о поставках", "Губернаторы так", "Вице-премьер",
                  "Посольство", "Слухи", "Агентство", "Источник", "Министерство отложило",
                  "Подписание протокола", "Договор о транзите", "Подписание программы",
                  "Сведения"):
        draft = by(start)
        assert draft.status == "reported", (start, draft.status, draft.kind)
        assert draft.kind != "document" or draft.status != "signed", start
    # a signing that did take place is still one, even beside a word of cancelling that
    # names the document's subject ("об отмене пошлин"), not a verb that calls it off
    assert (by("Губернаторы подписали").status, by("Губернаторы подписали").kind) == (
        "signed", "document")
    assert (by("По итогам").status, by("По итогам").kind) == ("signed", "document")


def test_a_denied_signing_is_accepted_as_reported(tmp_path, run) -> None:  # noqa: ANN001
    """review --accept takes the reported draft as it is (no lint holds it back) and the fact
    on file says reported, not signed."""
    from conftest import drafted_folder

    from kzru import store

    folder = drafted_folder(tmp_path, run, "Омск, 9 июня 2029 года\n\n"
                            "Посольство опровергло информацию о том, что стороны подписали "
                            "контракт на поставку зерна.\n")
    [draft] = store.load(folder).facts.values()
    assert draft.status == "reported"
    said = run("review", "--data", str(folder), "--accept", draft.id, "--set",
               "summary=The embassy denied that a grain contract was signed.", "--set",
               "sectors=agriculture")
    assert said.code == 0, said.err
    fact = store.load(folder).facts[draft.id]
    assert fact.review == "accepted" and fact.status == "reported"
