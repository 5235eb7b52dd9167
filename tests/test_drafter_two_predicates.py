"""A sentence joining a second predicate to its first («…, причём …», «…, а также обсудили …»,
«…; при этом …», «…, и сам …») reports two facts: each part is drafted on its own, verbatim,
its own verb deciding its status, the second quoting the first part's subject before it. A
part with no verb of its own («в Астане, а также Москве») is no second fact. Sentences
written for these tests, no article's text."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")

TWO = (
    "Атырау, 2 марта 2029 года\n\n"
    "Министр энергетики предложил соседям поставки газа, причем нашел покупателя на излишки "
    "нефти.\n"
    "Министры подписали протокол о тарифах, а также обсудили график поставок.\n"
    "Аким сообщил, что ознакомился со статьей министра, опубликованной в журнале, и сам "
    "опубликовал статью.\n"
    "Делегации провели консультации в Атырау, а также Актау.\n")


def test_two_predicates_are_two_drafts(drafts_of) -> None:
    data, _ = drafts_of(TWO)
    facts = sorted(data.facts.values(), key=lambda f: f.id)
    offer = [f for f in facts if f.text.startswith("Министр энергетики")]
    assert [f.status for f in offer] == ["proposed", "reported"]
    assert offer[0].evidence == "Министр энергетики предложил соседям поставки газа"
    assert offer[1].evidence == "Министр энергетики … причем нашел покупателя на излишки нефти."
    signed = [f for f in facts if f.text.startswith("Министры подписали")]
    assert [(f.status, f.kind) for f in signed] == [("signed", "document"),
                                                   ("reported", "statement")]
    # inside a reported clause, the second part's own past act is done too
    told = [f for f in facts if f.text.startswith("Аким сообщил")]
    assert [f.status for f in told] == ["done", "done"]
    assert told[1].evidence == "Аким … и сам опубликовал статью."
    # no verb of its own in the second part: one fact
    assert len([f for f in facts if f.text.startswith("Делегации")]) == 1
