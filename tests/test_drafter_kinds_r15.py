"""The fifth outside judge's kinds of error, each as a general rule of Russian news language,
tested on sentences written for it (none from the judge's articles or the seeds): a future told
in the past is counted from the telling; «позднее» is not the time before it; an age is no
figure; a hope is expected; «назначен на» a date is a plan; «по телефону» names a call; a part
of the world in an organisation's name is no venue; an office speaks by its Russian name,
«по словам министра» names the minister, and the dateline's place is no name of the fact."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("natasha")


def test_a_day_without_a_year_is_the_nearest_the_tense_allows(drafts_of) -> None:
    _, by = drafts_of(
        "Омск, 16 апреля 2029 года\n\n"
        "Ранее в правительстве области сообщали, что губернаторы встретятся в Омске 10-11 "
        "апреля.\n"
        "Губернаторы соседних регионов встретятся в Кургане 10 апреля.\n"
        "Делегации двух областей встретились в Павлодаре 20 апреля.\n")
    # told in the past: counted from the telling, the nearest 10 April (six days before the
    # article), not the next year's
    told = by("Ранее")
    assert (told.date, told.date_precision, told.date_basis) == (date(2029, 4, 10), "day",
                                                                 "inferred")
    # a future said now is not before the article; a past is not after it
    assert by("Губернаторы соседних").date == date(2030, 4, 10)
    assert by("Делегации").date == date(2028, 4, 20)


def test_later_is_not_the_time_before_it(drafts_of) -> None:
    _, by = drafts_of(
        "Уральск, 2 июня 2029 года\n\n"
        "В марте министры энергетики Казахстана и России подписали меморандум о поставках "
        "угля. Позднее были подписаны соглашения между компаниями двух стран. Впоследствии "
        "компании открыли совместный склад.\n")
    assert by("В марте").date == date(2029, 3, 1)
    for start in ("Позднее", "Впоследствии"):
        later = by(start)
        assert (later.date, later.date_precision, later.date_basis) == (
            date(2029, 6, 2), "day", "publication"), start
    # the time it follows, said in the note
    assert "2029-03-01" in by("Позднее").date_note


def test_an_age_is_no_figure(drafts_of) -> None:
    _, by = drafts_of(
        "Астана, 3 мая 2029 года\n\n"
        "Президент Казахстана поздравил бывшего посла России, которому исполнилось 70 лет.\n"
        "В возрасте 65 лет академик возглавил совместный университет двух стран.\n"
        "Товарооборот двух регионов составил 70 млн долларов.\n")
    for start in ("Президент Казахстана", "В возрасте"):
        fact = by(start)
        assert (fact.value, fact.unit, fact.kind) != (70, "год", "figure"), start
        assert fact.value is None and fact.kind != "figure", start
    assert by("Президент Казахстана").status == "done"
    assert by("Товарооборот").value == 70_000_000  # a figure stays one


def test_a_hope_is_expected_and_a_date_set_is_planned(drafts_of) -> None:
    _, by = drafts_of(
        "Костанай, 10 марта 2029 года\n\n"
        "Губернатор выразил надежду, что в ближайшее время торговля между регионами будет "
        "расти.\n"
        "Заседание совместной рабочей группы назначено на 20 мая.\n"
        "На 12 июня в Костанае назначен форум предпринимателей двух стран.\n"
        "Бывший аким района назначен на должность советника губернатора.\n")
    assert by("Губернатор выразил").status == "expected"
    set_for = by("Заседание")
    assert (set_for.status, set_for.date, set_for.date_precision) == (
        "planned", date(2029, 5, 20), "day")
    forum = by("На 12 июня")
    assert (forum.status, forum.date) == ("planned", date(2029, 6, 12))
    assert by("Бывший аким").status != "planned"  # appointed to a post: no plan


def test_a_call_named_by_the_telephone_is_a_call_event(drafts_of) -> None:
    data, by = drafts_of(
        "Москва, 7 июля 2029 года\n\n"
        "Президент России по телефону поздравил президента Казахстана с днем рождения.\n"
        "Лидеры также обсудили подготовку к форуму регионов.\n")
    call = by("Президент России")
    assert call.status == "done"

    assert call.event, "the call proposes an event"
    event = data.events[call.event]
    assert (event.kind, event.start, event.end, event.places) == (
        "talks", date(2029, 7, 7), date(2029, 7, 7), ())


def test_a_telephone_with_no_one_talking_names_no_call(drafts_of) -> None:
    hotline, _ = drafts_of(
        "Омск, 7 июля 2029 года\n\n"
        "Вчера жители Казахстана получили справки в консульстве России по телефону горячей "
        "линии.\n")
    assert not hotline.events  # ("справки по телефону": no verb of talk, no call)


def test_a_part_of_the_world_in_a_name_is_no_venue(drafts_of) -> None:
    data, _ = drafts_of(
        "Астана, 12 октября 2029 года\n\n"
        "В Астане 13 октября пройдет саммит Совещания по взаимодействию и мерам доверия в "
        "Азии.\n"
        "Мероприятие Совещания по взаимодействию и мерам доверия в Азии (СВМДА) соберет "
        "лидеров в Астане 14 октября.\n"
        "Заседание Евразийского экономического союза пройдет в Евразии 20 октября.\n")
    places = {place for event in data.events.values() for place in event.places}
    assert "Астана" in places
    assert not places & {"Азия", "Азия (СВМДА)", "Евразия"}


def test_speakers_an_office_a_minister_and_no_dateline_name(drafts_of) -> None:
    _, by = drafts_of(
        "АСТАНА, 5 марта 2029 года – Министры энергетики Казахстана и России подписали в "
        "Павлодаре протокол о поставках угля.\n"
        "По словам министра энергетики Казахстана, поставки угля вырастут.\n"
        "Как сообщила пресс-служба министерства энергетики, стороны утвердили график.\n")
    # the dateline's place is where the text was filed: Павлодар is named, Астана is not
    assert "Павлодар" in by("АСТАНА").names
    assert not {"АСТАНА", "Астана", "Astana"} & set(by("АСТАНА").names)
    # an office named without its holder, in English from the office tables
    assert by("По словам").speaker == "Minister of Energy of Kazakhstan"
    assert by("Как сообщила").speaker == "Ministry of Energy press service"


def test_a_sentence_only_about_third_countries_is_counted_not_drafted(tmp_path,
                                                                     empty_folder) -> None:
    """Not drafted (a reviewer would only reject it), but counted in add's summary so the
    reviewer knows it was read; a sentence with a side, the pair or someone's view is kept."""
    import shutil

    from kzru import store
    from kzru.curate import pipeline

    folder = tmp_path / "data"
    shutil.copytree(empty_folder, folder)
    path = tmp_path / "summit.txt"
    path.write_text(
        "Астана, 12 октября 2029 года\n\n"
        "Президент России прибыл в Астану на саммит.\n"
        "Лидеры Турции и Азербайджана обсудили транзит грузов через Каспий.\n"
        "Путин также встретится с президентом Турции.\n"
        "Стороны договорились расширить поставки зерна в Китай.\n"
        "По словам эксперта, транзит через Иран станет выгоднее.\n", encoding="utf-8")
    [result] = pipeline.add([path], folder)
    assert result.skipped == {"third countries only": 1}
    texts = [f.text for f in store.load(folder).facts.values()]
    assert not any(t.startswith("Лидеры Турции") for t in texts)
    for kept in ("Путин также", "Стороны договорились", "По словам эксперта"):
        assert any(t.startswith(kept) for t in texts), kept


def test_a_long_clause_is_cut_at_a_phrase_s_edge_never_inside_a_name(drafts_of) -> None:
    """One clause of some 380 characters, no comma to cut at: its windows end before a
    preposition or a conjunction, never between an adjective and its noun or inside a
    name, and no words are quoted in two windows."""
    import re

    data, _ = drafts_of(
        "Москва, 7 июля 2029 года\n\n"
        "Президент России в телеграмме передал казахстанскому коллеге наилучшие пожелания "
        "крепкого здоровья и новых успехов в ответственной государственной деятельности на "
        "благо дружественного народа Казахстана и всемерного развития двустороннего "
        "стратегического партнерства и союзничества между Российской Федерацией и "
        "Республикой Казахстан в интересах всего евразийского региона.\n")
    pieces = [piece for fact in data.facts.values() for piece in fact.evidence_pieces]
    assert len(data.facts) >= 2
    openers = {"и", "а", "в", "во", "на", "с", "по", "о", "для", "к", "из", "от", "до", "за",
               "при", "между", "у", "через", "после", "но", "или", "также"}
    text = next(iter(data.facts.values())).text  # the whole sentence
    for piece in pieces:
        end = text.find(piece) + len(piece)
        after = re.match(r"\s*(\w+)", text[end:])
        # a piece ends at the sentence's end or before a word that opens a phrase
        assert after is None or after.group(1).lower() in openers, piece
        assert not piece.endswith(("дружественного", "Российской", "Республикой")), piece
    # the windows of the clause itself (after the head's words) do not overlap
    own = [p for p in pieces if not p.startswith("Президент России")
           and not p.startswith("передал")]
    assert len(own) == len(set(own))


def test_an_office_named_after_as_speaks_as_its_holder_or_as_itself(drafts_of) -> None:
    """«Как отметил пресс-секретарь президента Казахстана, …»: the person the article names
    with that office (never the country, "Kazakhstan"); an office the article names no one
    for speaks as itself, in English from the office tables (never romanised, "Rossiya");
    a seat's statement
    («говорится в сообщении на сайте Кремля») is the seat's."""
    _, by = drafts_of(
        "Астана, 16 марта 2029 года\n\n"
        "Пресс-секретарь президента Казахстана Руслан Желдибай сообщил, что встреча "
        "перенесена.\n"
        "Как отметил пресс-секретарь президента Казахстана, причиной переноса стал плотный "
        "график лидеров.\n"
        "Как заявил министр торговли России, поставки зерна вырастут.\n"
        "Визит пройдет в апреле, говорится в сообщении на сайте Кремля.\n")
    assert by("Как отметил").speaker == "Ruslan Zheldibai"
    assert by("Как заявил").speaker == "Minister of Trade of Russia"
    assert by("Визит пройдет").speaker == "Kremlin"


def test_a_line_that_only_names_the_source_is_no_fact_but_the_speaker(drafts_of) -> None:
    """«Об этом 13 октября сообщает пресс-служба российского лидера.» on a line of its own:
    no fact of its own (a time between "Об этом" and the verb changes nothing), and the
    office it names speaks for the paragraph before it."""
    data, by = drafts_of(
        "Астана, 13 октября 2029 года\n\n"
        "Президент России прибыл в Астану для участия в саммите.\n"
        "Об этом 13 октября сообщает пресс-служба российского лидера.\n")
    assert not any(f.text.startswith("Об этом") for f in data.facts.values())
    assert by("Президент России").speaker == "Kremlin press service"


def test_a_subject_before_its_verb_is_quoted_with_it(drafts_of) -> None:
    """A long sentence that opens with an adverbial («В ноябре по итогам визита …») and names
    its subject right before the verb: the evidence quotes the subject with its verb, not
    the opening words with the subject elided («В ноябре по итогам … подписали»)."""
    data, _ = drafts_of(
        "Астана, 5 марта 2029 года\n\n"
        "В ноябре по итогам визита президента России в Казахстан министерства энергетики "
        "Казахстана и России подписали меморандум о сотрудничестве в сфере строительства трех "
        "теплоэлектроцентралей в городах Кокшетау, Семей и Усть-Каменогорск с участием "
        "российских компаний и банков.\n")
    assert any("министерства энергетики Казахстана и России подписали меморандум" in
               f.evidence for f in data.facts.values())
    signed = next(f for f in data.facts.values() if "подписали" in f.evidence)
    assert (signed.status, signed.date, signed.date_precision) == ("signed", date(2028, 11, 1),
                                                                  "month")


def test_a_past_visit_dated_to_its_month_with_who_went_where_is_proposed(drafts_of) -> None:
    """«В ноябре 2028 года по итогам визита президента России в Казахстан … подписали …»: a
    visit the text dates (to its month) and says who went where is an event, proposed as a
    working visit with a note for the reviewer (its kind is not given); the signing belongs
    to it. A visit to come named only by its year is still not proposed
    (test_drafter_visits_ahead)."""
    data, _ = drafts_of(
        "Астана, 5 марта 2029 года\n\n"
        "В ноябре 2028 года по итогам визита президента России в Казахстан министерства "
        "энергетики Казахстана и России подписали меморандум о строительстве станций.\n")
    [visit] = data.events.values()
    assert (visit.kind, visit.start, visit.end, visit.host, visit.guest) == (
        "working-visit", date(2028, 11, 1), date(2028, 11, 30), "kz", "ru")
    assert "no kind of visit" in visit.date_note
    [signed] = data.facts.values()
    assert signed.event == visit.id
