"""Rules the fourth outside judge's error kinds asked for, each tested on sentences written for
it (no article's text): a time in the frame of a reported clause («Сегодня министр сообщил,
что …») dates the saying, not what is said; a deadline («до конца первого полугодия», «до
конца года») is the period's last month or its year; a number with a unit («до 1200 МВт») is
no year; initialling («завизировали», «парафировали») agrees; a hedge or a modal of
possibility («скорее всего», «вероятнее всего», «могут подписать») expects; an exchange of
greetings took place while an exchange of views is talk; a decision in the short passive
(«определены», «утверждены») is done; speaking at an event («выступил на саммите») is done."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")

DEADLINES = (
    "Астана, 8 апреля 2029 года\n\n"
    "Сегодня представитель министерства сообщил, что соглашение о поставках вероятнее всего "
    "будет подписано до конца первого полугодия.\n"
    "Вчера губернатор заявил, что стороны подписали протокол о тарифах.\n"
    "Министр отметил, что программа будет утверждена до конца года.\n"
    "Построят станцию мощностью от 300 до 1200 МВт.\n")


def test_the_frame_s_time_is_not_the_clause_s_and_a_deadline_is_its_period(drafts_of) -> None:
    _, by = drafts_of(DEADLINES)
    signing = by("Сегодня")
    assert (signing.status, signing.date.isoformat(), signing.date_precision) == (
        "expected", "2029-06-01", "month")
    # «вчера» dates the saying: the signing has no day of its own
    signed = by("Вчера")
    assert (signed.date.isoformat(), signed.date_basis) == ("2029-04-08", "publication")
    year = by("Министр отметил")
    assert (year.date.isoformat(), year.date_precision) == ("2029-01-01", "year")
    plant = by("Построят")
    assert plant.date.year == 2029 and plant.date_basis == "publication"


CUES = (
    "Атырау, 30 сентября 2029 года\n\n"
    "Сегодня Россия и Казахстан завизировали соглашение о сотрудничестве.\n"
    "В сентябре 2028 года стороны парафировали протокол о транзите.\n"
    "Подписание соглашения, скорее всего, состоится до конца июня.\n"
    "Стороны могут подписать меморандум о туризме.\n"
    "Лидеры обменялись поздравлениями по случаю праздника.\n"
    "Лидеры обменялись мнениями о ситуации в регионе.\n"
    "Определены две площадки для строительства станции.\n"
    "Президент выступил на саммите, где обсуждались вопросы безопасности.\n")


def test_initialling_hedges_greetings_and_decisions(drafts_of) -> None:
    _, by = drafts_of(CUES)
    assert by("Сегодня Россия").status == "agreed"
    assert by("В сентябре 2028").status == "agreed"
    hedged = by("Подписание")
    assert (hedged.status, hedged.date_precision) == ("expected", "month")
    assert by("Стороны могут").status == "expected"
    assert by("Лидеры обменялись поздравлениями").status == "done"
    assert by("Лидеры обменялись мнениями").status == "reported"
    assert by("Определены").status == "done"
    # the relative clause's «обсуждались» does not decide what the president did
    assert by("Президент выступил").status == "done"


def test_what_happens_again_and_again_makes_no_event(drafts_of) -> None:
    """«Телефонные разговоры … происходят достаточно часто»: calls in the plural, and what
    happens often or regularly, name no one event; the one call the article reports does."""
    data, by = drafts_of(
        "Москва, 4 мая 2029 года\n\n"
        "Президенты России и Казахстана провели телефонный разговор.\n"
        "Телефонные разговоры между Москвой и Астаной происходят достаточно часто.\n"
        "Лидеры регулярно встречаются на саммитах.\n")
    (call,) = data.events.values()
    assert by("Президенты").event == call.id
    assert by("Телефонные").event == "" and by("Лидеры").event == ""


def test_a_long_sentence_s_frame_is_not_drafted_beside_its_clause(drafts_of) -> None:
    """A sentence past 200 characters is drafted by clause groups; the group holding only
    «Сегодня X сообщил журналистам, что …» (the clause cut off mid-phrase where the group
    ends) is no fact of its own: the reported clause is drafted once, with the speaker."""
    data, _ = drafts_of(
        "Астана, 8 апреля 2029 года\n\n"
        "Сегодня заместитель генерального директора государственной корпорации по атомной "
        "энергии Виталий Рябов сообщил журналистам, что межправительственное соглашение о "
        "строительстве атомной электростанции в Казахстане вероятнее всего будет подписано до "
        "конца первого полугодия.\n")
    (fact,) = data.facts.values()
    assert fact.evidence.endswith("до конца первого полугодия.")
    assert (fact.status, fact.date.isoformat(), fact.speaker) == (
        "expected", "2029-06-01", "Vitalii Ryabov")


CALL = (
    "Москва, 4 мая 2029 года\n\n"
    "Президенты России и Казахстана провели телефонный разговор.\n"
    "В ходе телефонного разговора речь шла о предстоящей 14 мая встрече двух лидеров в "
    "Сочи.\n"
    "Президенты условились поддерживать постоянные контакты.\n"
    "Так, 17 апреля состоялся предыдущий телефонный разговор президентов.\n")


def test_a_call_is_its_own_event_and_the_meeting_it_spoke_of_another(drafts_of) -> None:
    """A call that spoke of a meeting to come is dated by its own day, not the meeting's;
    the meeting is an event of its own, at its day and place; the call's facts are the
    call's; an earlier call the article recalls with its day is an event too, between the
    same sides, though the sentence names neither."""
    data, by = drafts_of(CALL)
    call = by("Президенты России").event
    assert data.events[call].start.isoformat() == "2029-05-04"
    spoke = by("В ходе")
    assert (spoke.event, spoke.value) == (call, None)  # «14» is a date, not a figure
    meeting = next(e for e in data.events.values() if e.kind == "meeting")
    assert (meeting.start.isoformat(), meeting.places) == ("2029-05-14", ("Сочи",))
    assert by("Президенты условились").event == call
    earlier = data.events[by("Так").event]
    assert (earlier.kind, earlier.start.isoformat(), earlier.host) == (
        "talks", "2029-04-17", data.events[call].host)


def test_an_event_with_no_place_of_its_own_is_held_where_the_lead_says(drafts_of) -> None:
    """«Там 10 октября состоялась отдельная встреча …» names no place and no host: the one
    city of either side the article's lead names («находится в Сочи») is where it was held,
    so it is an event, not a sentence left without one."""
    data, by = drafts_of(
        "Сочи, 10 октября 2029 года\n\n"
        "Президент России третий день находится в Сочи.\n"
        "Там 10 октября состоялась отдельная встреча с президентом Казахстана.\n")
    meeting = by("Там")
    assert meeting.event and data.events[meeting.event].places == ("Сочи",)


def test_an_event_named_again_is_the_one_on_the_sentence_s_day(drafts_of) -> None:
    """«На полях форума …» after a forum recalled in May and the forum the article reports:
    the undated sentence is the reported forum's (its day is the article's), not the last
    forum named."""
    data, by = drafts_of(
        "Омск, 20 сентября 2029 года\n\n"
        "В Омске завершил работу форум межрегионального сотрудничества.\n"
        "Ранее, в мае, в Москве прошел форум регионов.\n"
        "На полях форума также состоялась встреча министров сельского хозяйства.\n")
    reported = by("В Омске").event
    assert reported and by("На полях").event == reported


def test_an_event_that_is_only_a_topic_is_no_event(drafts_of) -> None:
    """«обсудили повестку форума в Москве»: the forum is what was talked of (the agenda's),
    not an event held in Moscow in May."""
    data, by = drafts_of(
        "Омск, 20 сентября 2029 года\n\n"
        "В Омске завершил работу форум межрегионального сотрудничества.\n"
        "В мае министры двух стран обсудили повестку форума в Москве.\n")
    assert [e.places for e in data.events.values()] == [("Омск",)]
    assert by("В мае").event == ""


def test_an_office_s_past_act_is_done(drafts_of) -> None:
    """«Правительство утвердило план», «Президент поручил …», «поздравил коллегу»: acts of an
    office that took place; «планирует утвердить» is still a plan."""
    _, by = drafts_of(
        "Астана, 12 мая 2029 года\n\n"
        "Правительство утвердило план мероприятий по реализации договоренностей.\n"
        "Президент поручил министерству ускорить подготовку соглашения.\n"
        "Токаев поздравил российского коллегу с днем рождения.\n"
        "Правительство планирует утвердить дорожную карту.\n")
    for start in ("Правительство утвердило", "Президент поручил", "Токаев поздравил"):
        assert by(start).status == "done", start
    assert by("Правительство планирует").status == "planned"
