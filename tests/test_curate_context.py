"""Evidence across sentences and inside long ones, one rule of Russian news language per test,
on sentences written for these tests (not taken from any article): a sentence that continues
the one before joins its words; a long sentence is cut where its clauses end, never inside
an insertion, a list or a name, one draft per member of an enumeration.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import drafted  # noqa: E402

HEAD = "Петропавловск, 3 марта 2026 года\n\n"


def _evidence(data, start: str) -> list[str]:
    """The evidence of every draft whose sentence starts with ``start``."""
    return [f.evidence for f in data.facts.values() if f.text.startswith(start)]


# -- a sentence that continues the one before ---------------------------------------------

def test_a_pronoun_joins_the_sentence_before_in_one_excerpt(drafts_of) -> None:
    data, by = drafts_of(HEAD + (
        "Делегацию Омской области возглавил вице-губернатор по экономике. Это особо "
        "отметили организаторы ярмарки, говоря о важности встречи.\n"))
    # "Это" says nothing alone: the sentence it points back to is quoted with it, verbatim
    assert by("Это особо").evidence == ("Делегацию Омской области возглавил вице-губернатор "
                                        "по экономике. Это особо отметили организаторы "
                                        "ярмарки, говоря о важности встречи.")
    # the sentence before stands alone, and keeps its own evidence
    assert by("Делегацию").evidence.endswith("по экономике.")


def test_general_nouns_pass_over_to_the_sentence_that_named_the_event(drafts_of) -> None:
    data, by = drafts_of(HEAD + (
        "В Петропавловске 4 марта пройдет форум приграничных регионов. В мероприятии "
        "примут участие губернаторы шести областей. На повестке дня — транзит зерна и "
        "новые пункты пропуска на границе.\n"))
    forum = by("В Петропавловске").event
    assert forum and data.events[forum].kind == "forum"
    participants = by("В мероприятии")
    assert participants.evidence.startswith("В Петропавловске 4 марта пройдет форум")
    assert participants.event == forum
    # "На повестке дня" follows a sentence that itself names only "мероприятие": the
    # forum's sentence is the one quoted, as a piece of its own
    agenda = by("На повестке дня")
    first, second = agenda.evidence.split(" … ")
    assert "пройдет форум приграничных регионов" in first
    assert second.startswith("На повестке дня — транзит зерна")
    assert agenda.event == forum


def test_a_sentence_without_a_predicate_is_drafted_only_with_the_one_before(drafts_of) -> None:
    data, by = drafts_of(HEAD + (
        "Фермеры двух стран получат одинаковые условия доступа к рынку. Абсолютно те же "
        "требования.\n"
        "Рабочая поездка губернатора. Без изменений.\n"))
    assert by("Абсолютно").evidence == ("Фермеры двух стран получат одинаковые условия "
                                        "доступа к рынку. Абсолютно те же требования.")
    # two verbless lines, neither saying anything: no draft at all
    assert not _evidence(data, "Без изменений") and not _evidence(data, "Рабочая поездка")


def test_a_heading_names_the_topic_of_the_sentence_below_it(drafts_of) -> None:
    _, by = drafts_of(HEAD + (
        "Транспорт\n\nЗа последний год в данной сфере достигнут заметный прогресс.\n"))
    fact = by("За последний год")
    assert fact.evidence == ("Транспорт … За последний год в данной сфере достигнут "
                             "заметный прогресс.")
    assert fact.sectors[:1] == ("transport",)  # the heading's sector, the sentence has none


def test_what_does_not_continue(drafts_of) -> None:
    data, by = drafts_of(HEAD + (
        "Министры провели переговоры в Петропавловске.\n"
        # "А это «…»" presents something new
        "А это «Казахтелеком», но не головной офис, а его северный филиал в "
        "Петропавловске.\n\n"
        # a demonstrative in an adverbial opening a paragraph points at no one sentence
        "В этом контексте власти области рассчитывают на рост товарооборота с соседями.\n"))
    assert by("А это").evidence.startswith("А это «Казахтелеком»")
    assert by("В этом контексте").evidence.startswith("В этом контексте")


# -- long sentences: where clauses end -----------------------------------------------------

LONG = [
    # a pair of dashes sets off an insertion; a relative clause belongs to its noun
    "Сложная обстановка на мировых рынках ставит перед соседними областями непростую задачу "
    "перестройки всей логистики, трудности которой – нехватка вагонов и долгие очереди на "
    "границе – требуют от перевозчиков более гибких решений.",
    # adjectives of one noun are one list, not clauses
    "Важнейшую роль в развитии связей двух областей играют встречи руководителей: открытый, "
    "деловой и весьма продуктивный диалог акимов и губернаторов задает тон всему "
    "сотрудничеству, обеспечивая его устойчивость и предсказуемость.",
    # an enumeration of agreements: one draft per member, with the words that govern it
    "Также закреплены договоренности по совместной подготовке ветеринарных врачей обеих "
    "областей, по запуску ускоренной программы обучения водителей грузовиков, по созданию "
    "общего склада удобрений на границе и по обмену опытом в сфере цифрового учета скота в "
    "крестьянских хозяйствах.",
    # a list of names after "включая": one draft per name
    "В области открыты представительства пяти крупных компаний соседней страны, включая "
    "Омский завод сельскохозяйственных машин, Новосибирский мясокомбинат, Томскую "
    "агрохимическую компанию, Барнаульский элеватор, Курганский завод прицепов.",
    # a clause before a dash announces the one after it
    "Подготовка к ярмарке началась задолго до ее открытия — на центральной площади поставили "
    "шатры для фермеров, на улицах появились указатели на двух языках, а в гостиницах "
    "города не осталось свободных номеров для гостей из соседней области.",
    # a long subject is cut from its predicate; the predicate keeps the subject's head
    "Министерство сельского хозяйства, пищевой и перерабатывающей промышленности "
    "Северо-Казахстанской области и Министерство сельского хозяйства, продовольствия и "
    "торговли Омской области подписали меморандум о совместной борьбе с болезнями скота.",
    # a predicate far from its subject takes the subject's first words
    "Торжественная встреча делегации, начавшаяся еще на пограничном переходе, где гостей "
    "приветствовали фольклорные ансамбли и казачий хор, продолжилась на вокзале "
    "Петропавловска с участием духового оркестра и почетного караула.",
]


@pytest.fixture(scope="module")
def long_data(tmp_path_factory: pytest.TempPathFactory, empty_folder: Path):
    assert all(len(sentence) > 200 for sentence in LONG)
    return drafted(tmp_path_factory.mktemp("long"), empty_folder,
                   HEAD + "\n".join(LONG) + "\n")[0]


def _pieces(data) -> list[str]:
    return [piece for f in data.facts.values() for piece in f.evidence_pieces]


def _within_one(data, *parts: str) -> bool:
    return any(all(p in f.evidence for p in parts) for f in data.facts.values())


def test_an_insertion_between_dashes_and_a_relative_clause_stay_whole(long_data) -> None:
    assert _within_one(long_data, "задачу перестройки всей логистики, трудности которой – "
                       "нехватка вагонов и долгие очереди на границе – требуют")
    assert not any(p.startswith(("нехватка", "трудности")) for p in _pieces(long_data))


def test_a_list_of_adjectives_is_not_cut(long_data) -> None:
    assert _within_one(long_data, "открытый, деловой и весьма продуктивный диалог акимов")
    assert not any(p.startswith("деловой") for p in _pieces(long_data))


def test_each_member_of_an_enumeration_is_a_draft_with_its_head(long_data) -> None:
    for member in ("по запуску ускоренной программы обучения водителей грузовиков",
                   "по созданию общего склада удобрений на границе",
                   "по обмену опытом в сфере цифрового учета скота"):
        assert _within_one(long_data, "Также закреплены договоренности", member), member
    for name in ("Новосибирский мясокомбинат", "Барнаульский элеватор",
                 "Курганский завод прицепов"):
        assert _within_one(long_data, "открыты представительства пяти крупных компаний",
                           name), name
    members = [f for f in long_data.facts.values() if f.text.startswith("Также закреплены")]
    assert len(members) == 4 and {f.status for f in members} == {"agreed"}


def test_a_clause_before_a_dash_stays_with_the_clause_it_announces(long_data) -> None:
    assert _within_one(long_data, "Подготовка к ярмарке началась задолго до ее открытия — "
                       "на центральной площади поставили шатры для фермеров")


def test_a_predicate_keeps_the_head_of_its_long_subject(long_data) -> None:
    signed = [f for f in long_data.facts.values() if f.text.startswith("Министерство")]
    assert len(signed) == 1  # the subject alone says nothing: not a draft of its own
    head, predicate = signed[0].evidence_pieces
    assert head.startswith("Министерство сельского хозяйства, пищевой")
    assert predicate.startswith("подписали меморандум о совместной борьбе")
    assert signed[0].status == "signed"
    assert _within_one(long_data, "Торжественная встреча делегации",
                       "продолжилась на вокзале Петропавловска с участием духового оркестра")


def test_every_excerpt_is_verbatim_and_within_the_limit(long_data) -> None:
    text = HEAD + "\n".join(LONG) + "\n"
    assert all(piece in text for piece in _pieces(long_data))
    assert all(len(f.evidence) <= 200 for f in long_data.facts.values())


def test_a_personal_pronoun_keeps_to_the_topic_the_sentence_before_began_with(drafts_of) -> None:
    """"Они" continues the topic (the subject at the start of the sentence before), while a
    demonstrative takes up what that sentence ended on; both within one excerpt's limit."""
    before = ("Ярмарки приграничной торговли уже давно стали важнейшим механизмом "
              "сближения фермеров, перевозчиков и переработчиков зерна из северных областей "
              "Казахстана и из соседних сибирских регионов России.")
    after = ("Они формируют основу прямых связей между хозяйствами, элеваторами и мельницами "
             "по обе стороны границы.")
    data, by = drafts_of(HEAD + before + "\n\n    • " + after + "\n")
    head, own = by("Они формируют").evidence_pieces
    assert head.startswith("Ярмарки приграничной торговли уже давно стали")
    assert own == after
    assert all(len(f.evidence) <= 200 for f in data.facts.values())
