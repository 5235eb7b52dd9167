"""Rules of Russian news language for a draft's event, each tested on sentences written for
it (no article's text): a visit "с D1 по D2" or "двухдневный" spans its days, and a sentence
saying the visit goes on ("продлится с … по …") joins the visit the guest arrived for. Each
assertion would fail without its rule."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("natasha")



def test_a_visit_from_one_day_to_another_spans_them(drafts_of) -> None:
    data, by = drafts_of((
        "Казань, 8 сентября 2028 года\n\n"
        "Премьер-министр Казахстана прибыл в Казань с официальным визитом.\n"
        "Визит продлится с 8 по 10 сентября.\n"
        "В программе визита посещение вертолетного завода.\n"))
    visit = data.events[by("Премьер-министр").event]
    assert visit.kind == "official-visit"
    assert (visit.start, visit.end) == (date(2028, 9, 8), date(2028, 9, 10))
    # what is still to come of a visit under way is that visit's
    assert by("Визит продлится").event == visit.id


def test_a_two_day_visit_spans_two_days(drafts_of) -> None:
    data, by = drafts_of((
        "Астана, 3 октября 2028 года\n\n"
        "Председатель правительства России прибыл в Астану с двухдневным рабочим визитом.\n"
        "Гость осмотрел новый вокзал столицы.\n"))
    visit = data.events[by("Председатель").event]
    assert visit.kind == "working-visit"
    assert (visit.start, visit.end) == (date(2028, 10, 3), date(2028, 10, 4))


def test_halls_are_venues_inside_one_city(drafts_of) -> None:
    data, by = drafts_of((
        "Москва, 20 июня 2028 года\n\n"
        "Переговоры президентов России и Казахстана прошли в Кремле.\n"
        "Затем в Георгиевском зале состоялась церемония подписания документов.\n"
        "Вечером лидеры продолжили беседу в Ново-Огарёве.\n"))
    talks = by("Переговоры президентов").event
    assert talks and data.events[talks].places == ("Москва",)
    # the hall and the residence are places inside Moscow: the same event, no new one
    assert by("Затем в Георгиевском").event == talks
    assert by("Вечером лидеры").event == talks
    assert len(data.events) == 1


def test_a_residence_stands_for_its_city(drafts_of) -> None:
    data, by = drafts_of((
        "Астана, 2 июля 2028 года\n\n"
        "В Акорде состоялись российско-казахстанские переговоры на высшем уровне.\n"))
    event = data.events[by("В Акорде").event]
    assert (event.places, event.host) == (("Астана",), "kz")


def test_a_call_is_placed_nowhere(drafts_of) -> None:
    data, by = drafts_of((
        "Москва, 3 февраля 2029 года\n\n"
        "Президент России провел телефонный разговор с президентом Казахстана.\n"))
    event = data.events[by("Президент России").event]
    # a telephone conversation has no city, and a country is no place
    assert event.kind == "talks" and event.places == ()


def test_an_arrival_proposes_a_visit_guest_to_host(drafts_of) -> None:
    data, by = drafts_of((
        "Москва, 10 марта 2029 года\n\n"
        "Премьер-министр Казахстана Олжас Бектенов прибыл в Москву.\n"
        "В ходе визита он проведет переговоры с председателем правительства России.\n"))
    arrived = by("Премьер-министр").event
    assert arrived, "an arrival in a city proposes a visit"
    visit = data.events[arrived]
    assert (visit.host, visit.guest, visit.places) == ("ru", "kz", ("Москва",))
    assert visit.start == date(2029, 3, 10) and visit.review == "draft"
    # the text names no kind: proposed as a working visit, and the note says so
    assert visit.kind == "working-visit" and "names no kind" in visit.date_note
    assert by("В ходе визита").event == arrived


def test_an_arrival_takes_the_kind_named_after_it(drafts_of) -> None:
    data, by = drafts_of((
        "Астана, 4 мая 2029 года\n\n"
        "Президент России прилетел в Астану.\n"
        "Государственный визит начался с церемонии встречи в Акорде.\n"))
    assert by("Государственный визит").event == by("Президент России").event
    visit = data.events[by("Президент России").event]
    assert (visit.kind, visit.host, visit.places) == ("state-visit", "kz", ("Астана",))
    assert len(data.events) == 1


def test_cargo_arriving_is_no_visit(drafts_of) -> None:
    data, _ = drafts_of((
        "Омск, 4 мая 2029 года\n\n"
        "Первый контейнерный поезд из Китая прибыл в Омск.\n"))
    assert not data.events


def test_an_event_id_carries_no_month_the_text_does_not_give(drafts_of) -> None:
    data, by = drafts_of((
        "Омск, 14 февраля 2029 года\n\n"
        "В прошлом году в Омске прошел форум регионов России и Казахстана.\n"
        "В январе в Павлодаре прошли переговоры губернаторов.\n"))
    forum = data.events[by("В прошлом году").event]
    # dated to the year only: no month in its id ("00"), none in its date
    assert forum.date_precision == "year" and forum.id.startswith("2028-00-forum")
    talks = data.events[by("В январе").event]
    # a month the text gives is the right one (a past January: this year's)
    assert talks.date_precision == "month" and talks.id.startswith("2029-01-talks")
