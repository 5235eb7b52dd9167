"""A word of intention governs the infinitive after it: what is planned is not done.

Sentences written for this test (general Russian news language, no article's sentences).
"""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")

from kzru import store  # noqa: E402
from kzru.curate import pipeline  # noqa: E402
from kzru.lint import after_publication  # noqa: E402

ARTICLE = "\n".join([
    "Омск, 10 апреля 2026 года",
    "",
    "В следующем году в Омске планируется открыть новый учебный центр.",
    "Стороны намерены в ближайшее время подписать меморандум о сотрудничестве.",
    "Предполагается построить второй мост через Иртыш к 2029 году.",
    "Компании собираются запустить совместное производство удобрений.",
    "Министры не планируют закрывать пограничные переходы.",
    "Вчера в Омске открыли новый учебный центр.",
    "Губернатор подписал указ о создании технопарка.",
    "",
])


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from kzru.cli import main

    base = tmp_path_factory.mktemp("intent")
    folder = base / "mine"
    try:
        main(["init", str(folder), "--empty"])
    except SystemExit:
        pass
    path = base / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    pipeline.add([path], folder)
    data = store.load(folder)
    return {fact.text: fact for fact in data.facts.values()} | {"": data}


def _by(drafts: dict, start: str):
    return next(f for text, f in drafts.items() if text and text.startswith(start))


@pytest.mark.parametrize("start", [
    "В следующем году в Омске планируется",  # "открыть" would be done on its own
    "Стороны намерены",  # "подписать" would be a signed document
    "Предполагается построить",
    "Компании собираются",
])
def test_an_intention_word_makes_its_infinitive_a_plan(drafts: dict, start: str) -> None:
    assert _by(drafts, start).status == "planned"


def test_a_plan_is_not_a_signed_document(drafts: dict) -> None:
    assert _by(drafts, "Стороны намерены").kind != "document"


def test_acts_without_intention_keep_their_status(drafts: dict) -> None:
    assert _by(drafts, "Вчера в Омске открыли").status == "done"
    assert _by(drafts, "Губернатор подписал").status == "signed"
    assert _by(drafts, "Министры не планируют").status != "planned"  # a negated intention


def test_no_draft_says_it_happened_after_the_article(drafts: dict) -> None:
    data = drafts[""]
    assert not [f.id for f in data.facts.values()
                if after_publication(f, data.sources[f.source])]


def test_lint_accepts_the_intention_word_as_the_plans_cue(drafts: dict) -> None:
    from kzru.lint import has_status_cue

    for start in ("Предполагается построить", "Компании собираются"):
        assert has_status_cue(_by(drafts, start))



