"""Rules of Russian news language for a draft's status, each tested on sentences written for
it (no article's text): a finite verb in the future tense is planned whatever its stem ("подпишут",
"состоится", "продлится", "будут затронуты"), a future of consequence is expected ("придаст
импульс"), a future of having or staying decides nothing ("получат дипломы"), and a verb of
both aspects ("реализуется") is read as a present. Each assertion would fail without its rule."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")


FUTURES = (
    "Павлодар, 2 марта 2028 года\n\n"
    "Министры энергетики двух стран подпишут меморандум о поставках угля.\n"
    "Заседание межправительственной комиссии состоится в Павлодаре.\n"
    "Выставка промышленных товаров продлится три дня.\n"
    "На встрече будут затронуты вопросы логистики и таможни.\n"
    "Новый терминал придаст импульс приграничной торговле.\n"
    "Выпускники колледжа получат дипломы обоих государств.\n"
    "Заседание рабочей группы не состоится из-за погоды.\n"
    "Региональная компания реализует проект строительства элеватора.\n")


def test_a_future_verb_is_planned_whatever_its_stem(drafts_of) -> None:
    _, by = drafts_of(FUTURES)
    # perfective futures with no cue stem of their own ("подпиш-", "состоит-", "продлит-")
    for start in ("Министры энергетики", "Заседание межправительственной", "Выставка",
                  "На встрече будут"):
        assert by(start).status == "planned", start
    # a future of consequence forecasts
    assert by("Новый терминал").status == "expected"
    # a future of having describes what someone will have: no act, so reported
    assert by("Выпускники").status == "reported"
    # a negated future plans nothing
    assert by("Заседание рабочей группы").status == "reported"
    # "реализует" is of both aspects: a present here, work under way, not a plan
    assert by("Региональная компания").status == "ongoing"


REPORTED_CLAUSES = (
    "Оренбург, 12 июня 2028 года\n\n"
    "Пограничные ведомства двух стран ведут подготовку совместных учений, сказал министр.\n"
    "Межрегиональная рабочая группа работает активно, отметил губернатор.\n"
    "Пресс-секретарь министерства сообщил, что визит делегации состоится в июле.\n"
    "Министр отметил, что стороны подписали соглашение о гидрологии.\n"
    "Аким заявил, что ведомства завершили ремонт моста через Урал.\n"
    "Как сообщил министр, регионы продолжают обмен студентами.\n"
    "Губернатор подчеркнул, что отношения регионов развиваются.\n"
    "Стороны рассчитывают на рост товарооборота.\n")


def test_the_reported_clause_s_own_verb_decides(drafts_of) -> None:
    _, by = drafts_of(REPORTED_CLAUSES)
    # bodies at work, whatever verb of saying frames it: ongoing
    for start in ("Пограничные", "Межрегиональная", "Как сообщил"):
        assert by(start).status == "ongoing", start
    assert by("Пресс-секретарь").status == "planned"
    assert by("Министр отметил").status == "signed"
    assert by("Аким заявил").status == "done"
    # a state of affairs developing is described, not work under way
    assert by("Губернатор подчеркнул").status == "reported"
    # reckoning on something is an expectation
    assert by("Стороны рассчитывают").status == "expected"


PAST_CONTACTS = (
    "Курган, 20 мая 2028 года\n\n"
    "Губернаторы приграничных областей поговорили по телефону накануне ярмарки.\n"
    "В прошлый раз главы регионов беседовали в Петропавловске.\n"
    "Аким области созвонился с коллегой из Кургана.\n"
    "Делегация области побывала на выставке в Тюмени.\n")


def test_a_past_contact_is_done_not_reported(drafts_of) -> None:
    _, by = drafts_of(PAST_CONTACTS)
    for start in ("Губернаторы", "В прошлый раз", "Аким области", "Делегация"):
        assert by(start).status == "done", start


ACTS_NAMED = (
    "Астана, 3 июля 2028 года\n\n"
    "О планах подписать меморандум по туризму министр рассказал журналистам.\n"
    "Церемония подписания совместных документов состоялась в Акорде.\n"
    "Министр выступил с инициативой провести форум молодежи.\n"
    "Условлено продолжить консультации на уровне экспертов.\n"
    "Губернатор поддержал это предложение.\n"
    "На прошлой неделе, 27 июня, министры поговорили по телефону.\n")


def test_what_a_noun_or_an_infinitive_names_is_not_an_act(drafts_of) -> None:
    _, by = drafts_of(ACTS_NAMED)
    # a signing only named ("о планах подписать") signs nothing and makes no document; the
    # plan told of is planned (round 16: a plan announced under a verb of saying)
    plans = by("О планах")
    assert (plans.status, plans.kind) == ("planned", "statement")
    # the ceremony of a signing held: a ceremony, done, not one more document
    ceremony = by("Церемония")
    assert (ceremony.status, ceremony.kind) == ("done", "ceremony")
    # a proposal made by a phrase, an impersonal agreement, support of a proposal
    assert by("Министр выступил").status == "proposed"
    assert by("Условлено").status == "agreed"
    assert by("Губернатор поддержал").status == "agreed"
    # an explicit day set beside a relative phrase is the date; the phrase only checks it
    call = by("На прошлой неделе")
    assert (call.date.isoformat(), call.date_precision) == ("2028-06-27", "day")


INVITATIONS = (
    "Кызылорда, 14 апреля 2029 года\n\n"
    "Глава республики пригласил премьер-министра соседней страны посетить Кызылорду "
    "с официальным визитом в 2030 году.\n"
    "Вчера губернатор пригласил делегацию побывать на выставке в будущем году.\n"
    "Министры обсудили приглашение посетить Байконур в мае.\n"
    "Делегация приехала в Кызылорду 13 апреля по приглашению акима области.\n")


def test_an_invitation_proposes_a_visit(drafts_of) -> None:
    """A finite «пригласил» proposes a visit (the cue table's proposed row). The invitation is
    dated where it was made — the article's day, or a day the sentence gives — and the time it
    names belongs to the visit it proposes, an event of its own (test_drafter_visits_ahead);
    a talk about an invitation is talk; «приехал» (arrived) is done."""
    data, by = drafts_of(INVITATIONS)
    invite = by("Глава республики")
    assert invite.status == "proposed"
    assert (invite.date.isoformat(), invite.date_basis) == ("2029-04-14", "publication")
    coming = [e for e in data.events.values() if e.kind == "official-visit"]
    assert [e.start.isoformat() for e in coming] == ["2030-01-01"]
    yesterday = by("Вчера губернатор")
    assert yesterday.status == "proposed"
    assert (yesterday.date.isoformat(), yesterday.date_precision) == ("2029-04-13", "day")
    talk = by("Министры обсудили")
    assert talk.status == "reported"
    assert talk.date_basis == "publication" and talk.date.isoformat() == "2029-04-14"
    assert by("Делегация приехала").status == "done"


def test_a_month_an_agreement_to_do_names_is_one_to_come(drafts_of) -> None:
    """«договорились провести … в мае» in a March article: the agreement's verb is past, but
    it governs an infinitive, so the May named is the deed's, the one to come (this year's
    May, not the last): the agreement is dated as of its article (the lint refuses an
    agreed row dated after it) and the deed's month is in the note. An agreement dated by
    its own time («в январе договорились о …», no infinitive) keeps the past month."""
    _, by = drafts_of(
        "Костанай, 14 марта 2029 года\n\n"
        "Губернаторы договорились провести следующую ярмарку в мае.\n"
        "В январе регионы договорились о совместном мониторинге паводков.\n")
    ahead = by("Губернаторы")
    assert ahead.status == "agreed"
    assert (ahead.date.isoformat(), ahead.date_precision, ahead.date_basis) == (
        "2029-03-14", "day", "publication")
    assert "(2029-05)" in ahead.date_note
    before = by("В январе")
    assert (before.date.isoformat(), before.date_precision) == ("2029-01-01", "month")
