"""Red team r13's findings in the drafter (/work/wt/audits/redteam-r13.md, #4, #6, #7), each
a fault test that failed before its fix: an over-long "sentence" is neither tokenised nor
tagged before it is skipped; a day no calendar has (31.02.2025, «30 февраля») dates only its
month, never the article's day; a short whole sentence ("Стороны подписали соглашение.") is
drafted, not silently lost; Latin look-alike letters inside a Cyrillic word are read as
Cyrillic before the cue table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("natasha")


HEAD = "Заголовок\nАСТАНА, 5 декабря 2026. "


def test_an_overlong_sentence_is_neither_tokenised_nor_tagged(tmp_path: Path,
                                                              monkeypatch) -> None:  # noqa: ANN001
    from kzru.curate import annotate as annotate_module
    from kzru.curate.annotate import LONGEST_SENTENCE, annotate
    from kzru.curate.read import read_article

    tagged: list[int] = []
    real = annotate_module._entities

    def counting(text, sentences):  # noqa: ANN001, ANN202
        tagged.extend(len(tokens) for tokens in sentences)
        return real(text, sentences)

    monkeypatch.setattr(annotate_module, "_entities", counting)
    long = "Президенты Казахстана и России договорились о транзите газа, " * 200
    path = tmp_path / "one.txt"
    path.write_text("Токаев и Путин\n" + long + "и подписали соглашение.\n"
                    "Стороны обсудили поставки зерна через Костанай.\n", encoding="utf-8")
    article = read_article(path)._replace(published=date(2026, 12, 5), precision="day")
    done = annotate(article)
    over = [s for s in done.sentences if s.stop - s.start > LONGEST_SENTENCE]
    assert len(over) == 1 and over[0].tokens == () and over[0].entities == ()
    # the tagger saw only the short sentence: its chunk is never the long one's 1,800 tokens
    assert tagged and max(tagged) < 50


@pytest.mark.parametrize(("sentence", "status", "month"), [
    ("Соглашение о транзите газа подписано 31.02.2025.", "signed", date(2025, 2, 1)),
    ("Соглашение о транзите газа будет подписано 30.02.2027.", "planned", date(2027, 2, 1)),
    ("Визит делегации состоится 29.02.2027.", "planned", date(2027, 2, 1)),
])
def test_an_impossible_day_dates_only_its_month(
        drafts_of, sentence: str, status: str, month: date) -> None:
    data, _ = drafts_of(HEAD + sentence + "\n", "2026-12-05")
    (fact,) = data.facts.values()
    assert (fact.status, fact.date, fact.date_precision, fact.date_basis) == (
        status, month, "month", "stated")
    assert "no calendar" in fact.date_note


def test_an_impossible_worded_day_is_no_figure(drafts_of) -> None:
    data, _ = drafts_of(HEAD + "Путин посетит Астану 30 февраля.\n",
                      "2026-12-05")
    (fact,) = data.facts.values()
    assert fact.kind != "figure" and fact.status == "planned"
    assert (fact.date, fact.date_precision) == (date(2027, 2, 1), "month")


@pytest.mark.parametrize("sentence", [
    "Президенты подписали соглашение 28.02.2025.", "Стороны подписали соглашение.",
    "Президенты пoдпиcaли соглашение.",  # Latin o, c, a inside the verb
])
def test_a_short_whole_sentence_is_drafted(drafts_of, sentence: str) -> None:
    data, _ = drafts_of(HEAD + sentence + "\n", "2026-12-05")
    (fact,) = data.facts.values()
    assert (fact.status, fact.kind) == ("signed", "document")
    assert fact.evidence == sentence  # verbatim, the Latin letters kept
