"""The round-16 red team's findings on the drafter, each as a general rule tested on sentences
written for it: an act split from a sentence is never lost; each act is dated by its own
clause's time only."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")


def _parts(data, start: str) -> list:  # noqa: ANN001
    """The drafts of the sentence that starts with ``start``, in their order."""
    return sorted((f for f in data.facts.values() if f.text.startswith(start)),
                  key=lambda f: f.id)


def test_a_short_first_act_of_two_is_never_lost(drafts_of) -> None:
    data, _ = drafts_of(
        "Тверь, 3 марта 2029 года\n\n"
        "Губернаторы утвердили программу, а также обсудили тарифы.\n"
        "Мэры подписали меморандум, а также не согласовали маршруты.\n")
    # each act of its own: the short first one (three words) kept beside the second
    for start, first, second in (("Губернаторы", "утвердили программу", "обсудили тарифы"),
                                 ("Мэры", "подписали меморандум", "не согласовали")):
        found = _parts(data, start)
        assert len(found) == 2, start
        assert first in found[0].evidence and second not in found[0].evidence
        assert second in found[1].evidence
    assert _parts(data, "Мэры")[0].status == "signed"


ACTS_AND_TIMES = (
    "Тверь, 10 июля 2029 года\n\n"
    "Мэры утвердили план застройки и договорились провести форум в сентябре.\n"
    "В марте губернаторы подписали протокол и договорились провести встречу в октябре.\n"
    "Позавчера мэры встретились, а сегодня подписали договор аренды.\n"
    "Мэры утвердили план застройки и, возможно, подпишут договор в октябре.\n")


def test_each_act_is_dated_by_its_own_clause_only(drafts_of) -> None:
    data, _ = drafts_of(ACTS_AND_TIMES)
    # the first act names no time: the article's day, never the other act's September
    adopted, agreed = _parts(data, "Мэры утвердили план застройки и договорились")
    assert "форум" not in adopted.evidence
    assert (str(adopted.date), adopted.date_precision, adopted.date_basis) == (
        "2029-07-10", "day", "publication")
    assert agreed.status == "agreed"
    # a time before the first act's verb frames both acts
    signed, _ = _parts(data, "В марте")
    assert (str(signed.date), signed.date_precision) == ("2029-03-01", "month")
    # two times, two acts: the signing is today's, not the day before yesterday's
    (today,) = _parts(data, "Позавчера")
    assert (str(today.date), today.date_precision) == ("2029-07-10", "day")
    # a signing that may come in October does not date the plan adopted (not October 2028)
    (done,) = _parts(data, "Мэры утвердили план застройки и, возможно")
    assert (str(done.date), done.date_precision, done.date_basis) == (
        "2029-07-10", "day", "publication")


def test_a_plan_s_time_without_a_year_is_counted_from_the_saying(drafts_of) -> None:
    _, by = drafts_of(
        "Курган, 20 мая 2029 года\n\n"
        "В феврале 2027 года мэр объявил о намерении открыть парк в августе.\n"
        "В 2026 году губернатор сообщил о планах запустить паром в апреле.\n"
        "В 2026 году губернатор сообщил, что паром заработает в апреле.\n"
        "Во вторник мэр объявил о намерении открыть парк в августе.\n")
    # the August to come after February 2027 is August 2027, not the article's (2029)
    found = by("В феврале 2027")
    assert (found.status, str(found.date), found.date_precision) == (
        "planned", "2027-08-01", "month")
    # said in 2026, before or after April? dated as the saying, never April 2029
    for start in ("В 2026 году губернатор сообщил о", "В 2026 году губернатор сообщил,"):
        found = by(start)
        assert (str(found.date), found.date_precision) == ("2026-01-01", "year"), start
        assert "апреле" in str(found.date_note), start
    # a saying of the article's own week: the August to come, as before
    found = by("Во вторник")
    assert (str(found.date), found.date_precision) == ("2029-08-01", "month")


def test_a_plan_denied_is_reported_and_a_doubt_is_expected(drafts_of) -> None:
    _, by = drafts_of(
        "Курган, 20 мая 2029 года\n\n"
        "Мэр опроверг слухи о планах закрыть рынок в июле.\n"
        "Пресс-служба мэрии опровергла сообщения о намерении снести стадион.\n"
        "Губернатор заявил, что регионы вряд ли откроют переправу в июне.\n"
        "Министры едва ли подпишут протокол до конца года.\n"
        "Аким опроверг слухи и объявил о планах открыть рынок в июле.\n"
        "Засуха отрицательно сказалась на урожае, но регионы договорились о поставках.\n")
    # the plan is the claim denied: nothing planned, and its July is not the denial's
    found = by("Мэр опроверг")
    assert (found.status, str(found.date), found.date_basis) == (
        "reported", "2029-05-20", "publication")
    assert by("Пресс-служба").status == "reported"
    # a doubt about what is to come forecasts; it plans nothing
    assert by("Губернатор заявил").status == "expected"
    assert by("Министры едва ли").status == "expected"
    # a plan announced beside the denial, in an act of its own, is still planned
    assert by("Аким опроверг").status == "planned"
    # "отрицательно" judges; it denies nothing
    assert by("Засуха").status == "agreed"


def test_an_invitation_noted_or_asked_about_is_not_agreed(drafts_of) -> None:
    _, by = drafts_of(
        "Курган, 20 мая 2029 года\n\n"
        "Такое предложение было принято к сведению.\n"
        "Губернатор принял во внимание приглашение посетить Курган.\n"
        "Неясно, будет ли принято приглашение мэра.\n"
        "Подпишут ли министры протокол, пока не решено.\n"
        "Новое приглашение принято?\n"
        "Мэр принял приглашение посетить Курган.\n")
    # noted, or weighed, is not accepted
    for start in ("Такое предложение", "Губернатор принял во внимание"):
        assert by(start).status not in ("agreed", "signed", "done"), start
    # an open question and a question assert nothing: neither agreed, nor planned
    for start in ("Неясно", "Подпишут ли", "Новое приглашение"):
        assert by(start).status not in ("agreed", "signed", "planned"), start
    # the plain statement is still an acceptance
    assert by("Мэр принял").status == "agreed"
