"""follow.py's rules, one at a time, on small tables built here (no articles needed): what
follows a fact, the verdicts of the README's `track` section and the reason each gives, a
preview held against the report of its visit, a parent taking its parts' strongest verdict,
the voice and role of a fact, and the words of the evidence that decided. Expected values come
from the rule as the README and the docstrings state it, worked out for these rows by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kzru import follow
from kzru.model import Dataset, Event, Fact, Source


def source(source_id: str, published: date) -> Source:
    return Source(source_id, f"{source_id}.txt", "outlet", "title", published, "day", "stated",
                  "", "", "", "", "accepted")


def event(event_id: str, start: date, sources: tuple[str, ...] = ()) -> Event:
    return Event(event_id, "state-visit", "визит", "visit", start, start, "day", "stated", "",
                 "kz", "ru", (), sources, "accepted")


def fact(fact_id: str, **changes: object) -> Fact:
    fields: dict[str, object] = dict(
        id=fact_id, kind="commitment", event="", date=date(2024, 1, 10), date_precision="day",
        date_basis="stated", date_note="", sectors=("energy",), status="agreed", speaker="",
        summary=f"summary of {fact_id}", text="", evidence="стороны договорились о поставках",
        source="s1", value=None, unit="", names=(), part_of="", follows=(), same_as=(),
        review="accepted")
    fields.update(changes)
    return Fact(**fields)  # type: ignore[arg-type]


def dataset(facts: list[Fact], sources: list[Source] | None = None,
            events: list[Event] | None = None) -> Dataset:
    sources = sources or [source("s1", date(2024, 1, 10)), source("s2", date(2025, 6, 1))]
    built = Dataset("data", {s.id: s for s in sources}, {e.id: e for e in events or []},
                    {f.id: f for f in facts}, {}, {})
    built.fact_lines = {f.id: line for line, f in enumerate(facts, start=2)}
    return built


def tracked(data: Dataset, fact_id: str) -> follow.Tracked:
    return next(t for t in follow.track(data) if t.fact.id == fact_id)


# --- what follows a fact -----------------------------------------------------------------

def test_followers_lists_every_fact_naming_an_earlier_one() -> None:
    a, b = fact("a"), fact("b", follows=("a",))
    c = fact("c", follows=("a", "b"))
    found = follow.followers(dataset([a, b, c]))
    assert found == {"a": [b, c], "b": [c]}


def test_later_facts_are_direct_and_indirect_by_date_then_id_without_the_fact_itself() -> None:
    a = fact("a", date=date(2024, 1, 1))
    b2 = fact("b2", date=date(2024, 3, 1), follows=("a",))
    b1 = fact("b1", date=date(2024, 3, 1), follows=("a",))
    c = fact("c", date=date(2024, 2, 1), follows=("b2",))  # reported through b2, dated earlier
    loop = fact("loop", date=date(2024, 4, 1), follows=("c", "a"))
    a_again = a._replace(follows=("loop",))  # a cycle back to a: a is never its own later fact
    linked = follow.followers(dataset([a_again, b2, b1, c, loop]))
    assert [f.id for f in follow.later_facts("a", linked)] == ["c", "b1", "b2", "loop"]
    assert follow.later_facts("nobody", linked) == []


def test_with_earlier_brings_in_every_fact_followed_directly_or_through_another() -> None:
    a, b = fact("a"), fact("b", follows=("a", "missing"))
    c, other = fact("c", follows=("b",)), fact("other")
    data = dataset([a, b, c, other])
    assert sorted(f.id for f in follow.with_earlier(data, [c])) == ["a", "b", "c"]
    assert [f.id for f in follow.with_earlier(data, [other])] == ["other"]


# --- voice and role ----------------------------------------------------------------------

@pytest.mark.parametrize(("speaker", "status", "expected"), [
    ("Zhanar Tulindinova (KazISS)", "agreed", "commentator"),
    ("Experts", "agreed", "commentator"),
    ("Kassym-Jomart Tokayev; эксперты", "agreed", "commentator"),
    ("Kassym-Jomart Tokayev; Vladimir Putin", "agreed", "state"),
    ("", "expected", "commentator"),   # the outlet's own forecast
    ("", "planned", "state"),
    (" ; ", "expected", "commentator"),  # separators only: no speaker
    ("Vladimir Putin", "expected", "state"),
])
def test_voice(speaker: str, status: str, expected: str) -> None:
    assert follow.voice(fact("x", speaker=speaker, status=status)) == expected


@pytest.mark.parametrize(("changes", "expected"), [
    ({"status": "planned"}, "commitment"),
    ({"status": "ongoing"}, "commitment"),
    # the meeting itself under way is no commitment; a meeting's other statuses are
    ({"status": "ongoing", "kind": "meeting"}, ""),
    ({"status": "agreed", "kind": "meeting"}, "commitment"),
    # a forecast with no speaker is the outlet's, a proposal an expert voices hers: views,
    # whatever their kind (round 14); the sides' own plans stay commitments
    ({"status": "expected"}, "view"),
    ({"status": "proposed", "kind": "initiative", "speaker": "A. B. (KazISS)"}, "view"),
    ({"status": "proposed", "kind": "initiative", "speaker": "Vladimir Putin"}, "commitment"),
    ({"status": "planned", "kind": "initiative", "speaker": "A. B. (KazISS)"}, "commitment"),
    ({"status": "signed", "kind": "document"}, "document"),
    ({"status": "signed", "kind": "statement"}, ""),
    ({"status": "done", "kind": "document"}, ""),
    ({"status": "reported", "kind": "statement", "event": "v",
      "evidence": "стороны обсудили поставки газа"}, "discussed"),
    ({"status": "reported", "kind": "statement", "event": "v", "sectors": ("politics", "energy"),
      "evidence": "стороны обсудили двусторонние отношения"}, ""),
    ({"status": "reported", "kind": "statement", "event": "",
      "evidence": "стороны обсудили поставки газа"}, ""),
    ({"status": "reported", "kind": "meeting", "event": "v",
      "evidence": "стороны обсудили поставки газа"}, ""),
    ({"status": "reported", "kind": "statement", "event": "v", "speaker": "A. B. (KazISS)",
      "evidence": "эксперт обсудил поставки газа"}, ""),
    ({"status": "reported", "kind": "statement", "event": "v",
      "evidence": "стороны поставляют газ"}, ""),
    ({"status": "reported", "kind": "project"}, "project"),
    ({"status": "reported", "kind": "institution"}, "project"),
    ({"status": "reported", "kind": "figure"}, ""),
])
def test_role(changes: dict[str, object], expected: str) -> None:
    assert follow.role(fact("x", **changes)) == expected


def test_talks_needs_reported_status_the_sides_and_a_word_of_talk() -> None:
    said = fact("x", status="reported", evidence="Президенты подчеркнули важность проекта")
    assert follow.talks(said)
    assert not follow.talks(said._replace(status="agreed"))
    assert not follow.talks(said._replace(speaker="Ivan Ivanov (RISS)"))
    assert not follow.talks(said._replace(evidence="Президенты открыли завод"))
    # the outlet's own aside is no talk of the sides
    assert not follow.talks(said._replace(evidence="Необходимо отметить, что завод открыт"))
    assert follow.talks(said._replace(evidence="Стороны отметили, что завод открыт"))


# --- the words that decided --------------------------------------------------------------

def test_deciding_words_are_the_cue_and_two_words_after_it_as_written() -> None:
    found = fact("x", status="agreed", evidence="Стороны Договорились о Строительстве моста")
    assert follow.deciding_words(found) == "Договорились о Строительстве"


def test_deciding_words_at_the_end_of_the_evidence_take_what_there_is() -> None:
    assert follow.deciding_words(fact("x", status="signed", evidence="Документы Подписаны")) \
        == "Подписаны"


def test_deciding_words_never_start_inside_a_word() -> None:
    assert follow.deciding_words(fact("x", status="agreed", evidence="they disagreed")) == ""


def test_deciding_words_are_empty_when_the_evidence_holds_no_cue() -> None:
    assert follow.deciding_words(fact("x", status="agreed", evidence="мост через реку")) == ""


def test_deciding_words_of_a_discussed_item_use_the_words_of_talk() -> None:
    found = fact("x", status="reported", evidence="Лидеры обсудили вопросы энергетики сегодня")
    assert follow.deciding_words(found) == "обсудили вопросы энергетики"


def test_deciding_words_when_folding_changes_the_length_are_the_folded_words() -> None:
    # ß folds to ss: the positions in the folded text no longer fit the original
    found = fact("x", status="agreed", evidence="Die Straße: AGREED on the bridge")
    assert follow.deciding_words(found) == "agreed on the"


# --- the words that name what both facts are about (deciding_words with the earlier fact) ---
# The rule (follow._naming_words): the longest run of words outside the cue that the earlier
# fact's evidence also holds, in any form, small words inside a run not breaking it and not
# counted, with the two words before it (never the cue's own); a run with a proper name wins
# a tie, else the first; closing brackets and quotes after it are kept; countries, numbers
# and months name nothing. Every cue below is "договорились" (the agreed cue "договор").

def named(later: str, earlier: str) -> str:
    return follow.deciding_words(fact("x", status="agreed", evidence=later),
                                 fact("e", evidence=earlier))


def test_the_naming_words_follow_the_cue_after_an_ellipsis() -> None:
    assert named("Стороны договорились о сроках: строительство моста через реку Урал "
                 "начнётся весной", "планируется строительство моста через реку Урал") == \
        "договорились о сроках … строительство моста через реку Урал"


def test_the_naming_words_take_the_two_words_before_the_run() -> None:
    # the cue stops at the colon: the two words before the run are outside it
    assert named("Стороны договорились: в будущем году начнётся строительство моста",
                 "строительство моста") == \
        "договорились … году начнётся строительство моста"


def test_the_words_before_the_run_never_repeat_the_cue() -> None:
    # "о сроках" belong to the cue (its two words after the cue word): only "затем" is shown
    assert named("Стороны договорились о сроках: затем строительство моста",
                 "строительство моста") == "договорились о сроках … затем строительство моста"


def test_the_cue_words_the_earlier_fact_also_holds_are_not_a_run() -> None:
    # the run touches the cue in the evidence: quoted as written, no "…" (nothing left out;
    # round-12 track reader)
    assert named("Стороны договорились о строительстве моста через реку",
                 "договорились о строительстве моста") == \
        "договорились о строительстве моста"


def test_a_run_before_the_cue_is_shown_after_it() -> None:
    assert named("Строительство моста через реку Урал: стороны договорились",
                 "строительство моста через реку Урал") == \
        "договорились … Строительство моста через реку Урал"
    # the two words before such a run are outside the cue too
    assert named("Сегодня утром строительство моста через реку: стороны договорились",
                 "строительство моста через реку") == \
        "договорились … Сегодня утром строительство моста через реку"


def test_without_a_cue_the_naming_words_alone_decide() -> None:
    # no word of the agreed cue: the shared words name what both facts are about
    assert named("Строительство моста идёт по плану", "строительство моста") == \
        "Строительство моста"
    assert named("Активно идёт строительство моста", "строительство моста") == \
        "Активно идёт строительство моста"


def test_small_words_inside_a_run_do_not_break_it() -> None:
    # "и" inside the run is kept; the trailing "в" (not followed by a shared word) is not
    assert named("Стороны договорились: начато строительство моста и дороги в Алматы",
                 "строительство моста и дороги") == \
        "договорились … начато строительство моста и дороги"


def test_small_words_alone_name_nothing() -> None:
    assert named("Стороны договорились: и в этом году", "мост в Москве и дорога") == \
        "договорились"


def test_a_small_word_before_a_run_does_not_start_it() -> None:
    assert named("Стороны договорились: в срок и строительство моста",
                 "строительство моста в Алматы") == \
        "договорились … срок и строительство моста"


def test_small_words_do_not_count_towards_a_runs_length() -> None:
    # three words and "и" against four words: the four-word run is the longer one
    assert named("Стороны договорились: строительство моста и дороги, затем ремонт старого "
                 "речного порта", "строительство моста и дороги; ремонт старого речного "
                 "порта") == "договорились … дороги, затем ремонт старого речного порта"


def test_a_run_with_a_proper_name_wins_a_tie() -> None:
    assert named("Стороны договорились: поставки газа, затем помощь Алматы",
                 "газ для Алматы") == "договорились … затем помощь Алматы"


def test_of_two_runs_as_long_the_first_wins() -> None:
    assert named("Стороны договорились: поставки газа, затем помощь городу",
                 "поставки газа и помощь городу") == "договорились … поставки газа"


def test_a_closing_bracket_after_the_run_is_kept_and_nothing_after_it() -> None:
    assert named("Стороны договорились: открыть филиал института (МИФИ) в Алматы",
                 "филиал института (МИФИ)") == \
        "договорились … открыть филиал института (МИФИ)"
    assert named("Стороны договорились: открыть филиал «Росатома»X рядом",
                 "филиал «Росатома»") == "договорились … открыть филиал «Росатома»"


def test_numbers_and_months_name_nothing() -> None:
    assert named("Стороны договорились: 500 единиц в марте 2024", "500 тонн в марте 2024") \
        == "договорились"


@pytest.mark.parametrize("later,earlier", [
    ("Стороны договорились: для Казахстана и России", "поставки в Казахстан и Россию"),
    ("Стороны договорились: поставки в Казахстан", "помощь Казахстану"),
    ("The sides договорились: Kazakhstan and Russia", "Russia helps Kazakhstan"),
    ("Стороны договорились: для РФ", "помощь РФ")], ids=["genitive", "nominative",
                                                          "english", "abbreviation"])
def test_countries_name_nothing(later: str, earlier: str) -> None:
    assert named(later, earlier) == "договорились"


# --- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "precision", "end"), [
    (date(2025, 1, 1), "year", date(2025, 12, 31)),
    (date(2024, 2, 1), "month", date(2024, 2, 29)),
    (date(2023, 2, 1), "month", date(2023, 2, 28)),
    (date(2025, 4, 1), "month", date(2025, 4, 30)),
    (date(2025, 11, 1), "month", date(2025, 11, 30)),
    (date(2025, 12, 1), "month", date(2025, 12, 31)),
    (date(2025, 1, 1), "month", date(2025, 1, 31)),
    (date(2025, 4, 17), "day", date(2025, 4, 17)),
])
def test_period_end_is_the_last_day_the_date_may_stand_for(day: date, precision: str,
                                                            end: date) -> None:
    assert follow.period_end(day, precision) == end


# --- verdicts ----------------------------------------------------------------------------

def test_done_is_decided_by_the_first_later_fact_reporting_it_signed_or_done() -> None:
    a = fact("a", status="agreed", date=date(2024, 1, 1))
    going = fact("going", status="ongoing", date=date(2024, 2, 1), follows=("a",),
                 evidence="работы продолжаются на объекте")
    done = fact("done", status="done", date=date(2024, 5, 2), follows=("going",), source="s2",
                evidence="завод открыт для посетителей сегодня")
    signed = fact("signed", status="signed", date=date(2024, 6, 1), follows=("a",),
                  evidence="соглашение подписано сторонами")
    item = tracked(dataset([a, going, done, signed]), "a")
    assert item.verdict == "done"
    assert item.decisive is not None and item.decisive.id == "done"
    assert item.reason == "done (s2, 2024-05-02, done) reports it done"
    assert item.words == "открыт для посетителей"
    assert [f.id for f in item.later] == ["going", "done", "signed"]


def test_in_progress_when_the_strongest_later_report_is_under_way() -> None:
    a = fact("a", status="planned", date=date(2024, 1, 1))
    first = fact("first", status="ongoing", date=date(2024, 3, 1), follows=("a",))
    second = fact("second", status="ongoing", date=date(2024, 2, 1), follows=("a",))
    again = fact("again", status="agreed", date=date(2024, 1, 15), follows=("a",))
    item = tracked(dataset([a, first, second, again]), "a")
    assert item.verdict == "in progress"
    assert item.decisive == second
    assert item.reason == ("second (s1, 2024-02-01, ongoing) reports it under way; nothing "
                           "later reports it signed or done")


def test_reaffirmed_is_decided_by_the_strongest_restatement_then_the_earliest() -> None:
    a = fact("a", status="proposed", date=date(2024, 1, 1))
    planned = fact("planned", status="planned", date=date(2024, 2, 1), follows=("a",))
    agreed_late = fact("agreed-late", status="agreed", date=date(2024, 9, 1), follows=("a",))
    agreed_b = fact("agreed-b", status="agreed", date=date(2024, 4, 1), follows=("a",))
    agreed_a = fact("agreed-a", status="agreed", date=date(2024, 4, 1), follows=("a",))
    item = tracked(dataset([a, planned, agreed_late, agreed_b, agreed_a]), "a")
    assert item.verdict == "reaffirmed — still open"
    assert item.decisive == agreed_a
    assert item.reason == ("agreed-a (s1, 2024-04-01, agreed) restates it (agreed); nothing "
                           "later reports it under way, signed or done")


def test_no_later_report_and_latest_report_depend_on_the_newest_article() -> None:
    old = fact("old", status="agreed", source="s1")
    new = fact("new", status="agreed", source="s2")
    data = dataset([old, new])
    assert tracked(data, "old").verdict == "no later report"
    assert tracked(data, "old").reason == "nothing later in this table reports on it"
    assert tracked(data, "old").decisive is None and tracked(data, "old").words == ""
    assert tracked(data, "new").verdict == "latest report"
    assert tracked(data, "new").reason == ("it comes from the newest article in this table: "
                                           "nothing later exists to report on it")


# --- previews ----------------------------------------------------------------------------

VISIT = date(2025, 11, 12)


def preview_table(*extra: Fact, preview_day: date = date(2025, 11, 10),
                  report_day: date = date(2025, 11, 13)) -> Dataset:
    """A preview p (before the visit v) and its report r (after it)."""
    sources = [source("p", preview_day), source("r", report_day)]
    facts = [
        fact("p-forecast", status="expected", event="v", source="p", date=preview_day),
        fact("p-outlook", status="expected", event="", source="p", date=preview_day),
        fact("p-proposal", status="proposed", event="v", source="p", date=preview_day),
        fact("r-signed", status="signed", kind="document", event="v", source="r",
             date=VISIT, evidence="соглашение подписано"),
        *extra,
    ]
    return dataset(facts, sources, [event("v", VISIT, ("p", "r"))])


def test_a_preview_is_published_no_later_than_the_first_day_and_reports_no_outcome() -> None:
    data = preview_table()
    visit = data.events["v"]
    assert follow.preview_sources(data, visit) == {"p"}
    assert follow.report_sources(data, visit, {"p"}) == ["r"]
    on_the_day = preview_table(preview_day=VISIT)
    assert follow.preview_sources(on_the_day, on_the_day.events["v"]) == {"p"}


def test_an_article_after_the_first_day_is_no_preview() -> None:
    data = preview_table(preview_day=date(2025, 11, 13))
    assert follow.preview_sources(data, data.events["v"]) == set()


@pytest.mark.parametrize("outcome", ["signed", "agreed", "done"])
def test_an_article_reporting_an_outcome_is_no_preview(outcome: str) -> None:
    data = preview_table(fact("p-out", status=outcome, event="v", source="p"))
    assert follow.preview_sources(data, data.events["v"]) == set()


def test_an_article_reporting_the_event_under_way_is_no_preview() -> None:
    data = preview_table(fact("p-now", status="ongoing", kind="meeting", event="v", source="p",
                              evidence="форум проходит в Москве"))
    assert follow.preview_sources(data, data.events["v"]) == set()
    still = preview_table(fact("p-now", status="ongoing", kind="project", event="v",
                               source="p", evidence="работы продолжаются"))
    assert follow.preview_sources(still, still.events["v"]) == {"p"}


def test_report_sources_are_the_event_and_its_facts_sources_once_each_from_its_first_day() -> None:
    sources = [source("p", date(2025, 11, 1)), source("r", VISIT), source("late", date(2026, 1, 1)),
               source("old", date(2020, 1, 1))]
    facts = [fact("f1", event="v", source="late"), fact("f2", event="v", source="late"),
             fact("f3", event="v", source="old"), fact("f4", event="v", source="r")]
    data = dataset(facts, sources, [event("v", VISIT, ("r", "p"))])
    assert follow.report_sources(data, data.events["v"], {"p"}) == ["r", "late"]
    assert follow.report_sources(data, data.events["v"], {"p", "r"}) == ["late"]


def test_previewed_takes_the_forecasts_for_the_event_and_the_preview_background() -> None:
    data = preview_table(fact("p-planned", status="planned", event="v", source="p"))
    found = follow.previewed(data)
    assert set(found) == {"p-forecast", "p-outlook", "p-proposal"}
    assert all(visit.id == "v" for visit in found.values())


def test_a_preview_without_a_report_previews_nothing() -> None:
    sources = [source("p", date(2025, 11, 10))]
    facts = [fact("p-forecast", status="expected", event="v", source="p")]
    data = dataset(facts, sources, [event("v", VISIT, ("p",))])
    assert follow.previewed(data) == {}


def test_background_belongs_to_the_event_the_article_tells_most_about() -> None:
    sources = [source("p", date(2025, 11, 10)), source("r", date(2025, 11, 13))]
    facts = [
        fact("p-w1", status="expected", event="w", source="p"),
        fact("p-v1", status="expected", event="v", source="p"),
        fact("p-v2", status="proposed", event="v", source="p"),
        fact("p-outlook", status="expected", event="", source="p"),
        fact("r-v", status="signed", event="v", source="r"),
        fact("r-w", status="signed", event="w", source="r"),
    ]
    data = dataset(facts, sources, [event("v", VISIT, ("p", "r")),
                                    event("w", VISIT, ("p", "r"))])
    assert follow.main_events(data)["p"] == "v"
    assert follow.previewed(data)["p-outlook"].id == "v"


def test_a_forecast_naming_nothing_of_its_own_the_report_is_silent_on_is_not_named() -> None:
    """The report's silence is no evidence that a forecast failed (round-11 track reader): a
    forecast naming only its field is "not named" in it, never "not borne out"."""
    item = tracked(preview_table(), "p-forecast")
    assert item.verdict == "not named"
    assert item.reason == "the report of v (r) does not name it"


def test_a_forecast_naming_a_thing_the_report_is_silent_on_is_not_mentioned() -> None:
    """A forecast naming a thing of its own (a council) that the report never speaks of is
    "not mentioned" (round-11 track reader: the Eurasian Route Council)."""
    council = fact("p-council", status="proposed", event="v", source="p",
                   date=date(2025, 11, 10), names=("Совет по развитию маршрута",))
    item = tracked(preview_table(council), "p-council")
    assert item.verdict == "not mentioned"
    assert item.reason == "the report of v (r) does not mention it"
    assert "not borne out" not in follow.VERDICTS


def test_a_general_outlook_the_report_does_not_take_up_is_not_taken_up() -> None:
    item = tracked(preview_table(), "p-outlook")
    assert item.verdict == "not taken up at the visit"
    assert item.reason == ("a general outlook of the preview, not a forecast for v; its report "
                           "(r) does not take it up")


def test_a_forecast_a_later_fact_reports_on_is_borne_out_by_the_strongest() -> None:
    later = [fact("r-agreed", status="agreed", event="v", source="r", date=VISIT,
                  follows=("p-forecast",)),
             fact("r-done", status="done", event="v", source="r", date=date(2025, 11, 14),
                  follows=("p-forecast",), evidence="завод открыт")]
    item = tracked(preview_table(*later), "p-forecast")
    assert item.verdict == "borne out"
    assert item.decisive is not None and item.decisive.id == "r-done"
    assert item.reason == "r-done (r, 2025-11-14, done) bears out the preview"


def test_a_forecast_of_several_fields_none_reported_is_not_named_not_partly() -> None:
    """"Partly borne out" is for a forecast some of whose fields the report bears out; when it
    names none, the forecast is not named in it."""
    fields = [fact(f"p-field{n}", status="expected", event="v", source="p",
                   date=date(2025, 11, 10), part_of="p-forecast") for n in (1, 2)]
    item = tracked(preview_table(*fields), "p-forecast")
    assert [p.verdict for p in item.parts] == ["not named"] * 2
    assert item.verdict == "not named"
    one = fact("r-one", status="agreed", event="v", source="r", date=VISIT,
               follows=("p-field1",))
    assert tracked(preview_table(*fields, one), "p-forecast").verdict == "partly borne out"


def test_the_deciding_words_name_what_both_facts_are_about() -> None:
    """track's words are the cue's and, after " … ", the words naming what the earlier fact
    is about (as deciding_words with the earlier fact)."""
    bridge = fact("bridge", status="planned", evidence="планируется строительство моста через "
                                                      "реку Урал")
    agreed = fact("agreed", status="agreed", date=date(2024, 3, 1), follows=("bridge",),
                  evidence="Стороны договорились о сроках: строительство моста через реку "
                           "Урал начнётся весной")
    item = tracked(dataset([bridge, agreed]), "bridge")
    assert item.decisive == agreed
    assert item.words == "договорились о сроках … строительство моста через реку Урал"


def test_background_work_whose_sector_the_report_takes_up_says_which_visit_and_rows() -> None:
    """The preview's ongoing work (a project of no event) held against its main event's
    report: taken up through its sector, not as such; the reason names the visit, its
    report, the sector and the report's rows there."""
    work = fact("p-work", kind="project", status="ongoing", event="", source="p",
                date=date(2025, 11, 10))
    item = tracked(preview_table(work), "p-work")
    assert item.verdict == "not taken up as such"
    assert [f.id for f in item.see_also] == ["r-signed"]
    assert item.reason == ("background work of the preview of v; its report (r) takes up its "
                           "sector (energy), not this work as such: r-signed")


def test_background_taken_up_through_another_row_names_that_rows_strongest_report() -> None:
    """A general outlook the report does not take up, though another row of the preview
    naming the same thing is reported on: not taken up as such, with that row's later fact
    that says most (signed over an earlier agreed)."""
    outlook = fact("p-bridge", status="expected", event="", source="p", date=date(2025, 11, 10),
                   names=("мост через Урал",))
    other = fact("p-bridge-plan", status="planned", event="v", source="p",
                 date=date(2025, 11, 10), names=("мост через Урал",))
    agreed = fact("r-agreed", status="agreed", event="v", source="r", date=VISIT,
                  follows=("p-bridge-plan",))
    signed = fact("r-bridge", status="signed", event="v", source="r", date=date(2025, 11, 13),
                  follows=("p-bridge-plan",))
    item = tracked(preview_table(outlook, other, agreed, signed), "p-bridge")
    assert item.verdict == "not taken up as such"
    assert [f.id for f in item.see_also] == ["r-bridge"]
    assert "through p-bridge-plan: r-bridge (r, 2025-11-13, signed)" in item.reason


# --- parts -------------------------------------------------------------------------------

def package(*later: Fact, parts: int = 3) -> Dataset:
    parent = fact("pkg", kind="document", status="signed", source="s1",
                  evidence="документы подписаны")
    members = [fact(f"part{n}", kind="document", status="agreed", part_of="pkg")
               for n in range(1, parts + 1)]
    # file order: part3 first, so the parts come in the curated order, not by id
    return dataset([parent, *reversed(members), *later])


def test_a_parent_takes_the_strongest_verdict_of_its_parts_and_says_which() -> None:
    done = fact("done", status="done", date=date(2024, 5, 1), follows=("part2",),
                evidence="мост открыт для движения")
    item = tracked(package(done), "pkg")
    assert [p.fact.id for p in item.parts] == ["part3", "part2", "part1"]
    assert item.verdict == "done"
    assert item.decisive == done
    assert item.words == "открыт для движения"
    assert [f.id for f in item.later] == ["done"]
    assert item.reason == ("part part2: done, done (s1, 2024-05-01, done) reports it done; "
                           "nothing later linked to the other 2 parts")


def test_one_other_part_is_said_in_the_singular() -> None:
    done = fact("done", status="done", date=date(2024, 5, 1), follows=("part2",))
    item = tracked(package(done, parts=2), "pkg")
    assert item.reason.endswith("; nothing later linked to the other 1 part")


def test_a_parent_reported_itself_keeps_its_own_reason_before_its_parts() -> None:
    on_parent = fact("restated", status="agreed", date=date(2024, 3, 1), follows=("pkg",))
    on_part = fact("done", status="done", date=date(2024, 5, 1), follows=("part1",))
    item = tracked(package(on_parent, on_part, parts=1), "pkg")
    assert item.verdict == "done"
    assert item.reason == ("restated (s1, 2024-03-01, agreed) restates it (agreed); nothing "
                           "later reports it under way, signed or done; part part1: done, "
                           "done (s1, 2024-05-01, done) reports it done")
    assert [f.id for f in item.later] == ["restated", "done"]
    assert item.decisive == on_parent  # the parent's own deciding fact stays


def test_the_deciding_part_is_the_one_holding_the_strongest_verdict() -> None:
    going = fact("going", status="ongoing", date=date(2024, 2, 1), follows=("part3",))
    done = fact("done", status="done", date=date(2024, 6, 1), follows=("part1",))
    item = tracked(package(going, done), "pkg")
    assert item.verdict == "done"
    assert item.decisive == done


def test_a_parent_whose_parts_have_no_report_keeps_its_verdict() -> None:
    item = tracked(package(), "pkg")
    assert item.verdict == "no later report"
    assert item.reason == "nothing later in this table reports on it"
    assert all(p.verdict == "no later report" for p in item.parts)


# --- which facts are tracked -------------------------------------------------------------

def test_track_follows_only_facts_with_a_role_by_date_then_id() -> None:
    facts = [fact("b", date=date(2024, 2, 1)), fact("a", date=date(2024, 2, 1)),
             fact("early", date=date(2024, 1, 1), status="planned"),
             fact("said", status="reported", kind="figure")]
    assert [t.fact.id for t in follow.track(dataset(facts))] == ["early", "a", "b"]


def test_track_since_keeps_its_first_day() -> None:
    facts = [fact("before", date=date(2024, 1, 9)), fact("on", date=date(2024, 1, 10)),
             fact("after", date=date(2024, 1, 11))]
    found = follow.track(dataset(facts), since=date(2024, 1, 10))
    assert [t.fact.id for t in found] == ["on", "after"]


def test_track_statuses_and_candidates_narrow() -> None:
    facts = [fact("agreed"), fact("planned", status="planned"), fact("other")]
    data = dataset(facts)
    assert [t.fact.id for t in follow.track(data, statuses=["planned"])] == ["planned"]
    assert [t.fact.id for t in follow.track(data, candidates=[facts[2]])] == ["other"]
    assert follow.track(data, candidates=[]) == []


def test_a_matching_part_brings_in_its_parent_with_every_part() -> None:
    data = package()
    found = follow.track(data, candidates=[data.facts["part1"]])
    assert [t.fact.id for t in found] == ["pkg"]
    assert [p.fact.id for p in found[0].parts] == ["part3", "part2", "part1"]
    # the parent decides the status filter
    assert follow.track(data, candidates=[data.facts["part1"]], statuses=["agreed"]) == []


def test_a_part_whose_parent_is_not_followed_is_followed_itself() -> None:
    parent = fact("talks", kind="meeting", status="done")
    part = fact("item", status="agreed", part_of="talks")
    found = follow.track(dataset([parent, part]), candidates=[part])
    assert [t.fact.id for t in found] == ["item"]


def test_a_followed_part_with_parts_of_its_own_is_also_followed_itself() -> None:
    # Of the whole table, a parent with a role is followed whenever it has a part; a part
    # that matches a narrower pool is followed only under its parent.
    facts = [fact("treaty", kind="document", status="signed", date=date(2024, 1, 5)),
             fact("plan", status="planned", part_of="treaty"),
             fact("step", status="agreed", part_of="plan")]
    data = dataset(facts)
    found = {t.fact.id: t for t in follow.track(data)}
    assert set(found) == {"treaty", "plan"}
    assert [p.fact.id for p in found["treaty"].parts] == ["plan"]
    assert [p.fact.id for p in found["plan"].parts] == ["step"]
    assert [t.fact.id for t in follow.track(data, candidates=[facts[1]])] == ["treaty"]


def test_a_parent_is_followed_for_a_part_the_stores_narrowed_pool_leaves_out(
        data_copy: Path) -> None:
    # the store narrows the pool in SQL to facts that may have a role: a reported figure is
    # not one, yet the plan it is part of has a part, so the plan is followed itself too
    from conftest import add_facts, read_table

    from kzru.db import open_store

    template = next(row for row in read_table(data_copy, "facts")
                    if not row["part_of"] and not row["event"])
    add_facts(data_copy,
              {"id": "x-treaty", "kind": "document", "status": "signed"},
              {"id": "x-plan", "kind": "commitment", "status": "planned", "part_of": "x-treaty"},
              {"id": "x-step", "kind": "figure", "status": "reported", "part_of": "x-plan",
               "value": "", "unit": ""},
              template=template["id"])
    found = {t.fact.id: t for t in follow.track(open_store(data_copy))}
    assert [p.fact.id for p in found["x-treaty"].parts] == ["x-plan"]
    assert [p.fact.id for p in found["x-plan"].parts] == ["x-step"]


def test_tracked_carries_role_and_voice() -> None:
    facts = [fact("doc", kind="document", status="signed"),
             fact("view", status="expected", speaker="I. Ivanov (RISS)")]
    found = {t.fact.id: t for t in follow.track(dataset(facts))}
    assert (found["doc"].role, found["doc"].voice) == ("document", "state")
    # a forecast a commentator voices is her view, not a commitment (round 14)
    assert (found["view"].role, found["view"].voice) == ("view", "commentator")


# --- cases the rules above leave open --------------------------------------------------------

def test_a_cue_pattern_takes_any_cue_at_a_word_start_and_two_words_after() -> None:
    pattern = follow._cue_pattern(["Agree", "подпис"])
    assert pattern.search("they agreed on the new plan").group() == "agreed on the"
    assert pattern.search("документы подписаны").group() == "подписаны"
    assert pattern.search("they disagreed") is None
    assert pattern.search("no cue here") is None
    # a cue is text, not a pattern: a dot in a cue matches only a dot
    assert follow._cue_pattern(["a.b"]).search("axb") is None


def test_an_event_without_facts_is_reported_by_its_own_sources() -> None:
    sources = [source("r", date(2025, 11, 13)), source("p", date(2025, 11, 1))]
    data = dataset([fact("other", event="w", source="r")], sources,
                   [event("v", VISIT, ("p", "r"))])
    assert follow.report_sources(data, data.events["v"], set()) == ["r"]


def test_each_preview_is_held_against_the_report_of_its_own_visit() -> None:
    later_visit = date(2026, 3, 2)
    sources = [source("p", date(2025, 11, 10)), source("r1", date(2025, 11, 13)),
               source("r2", date(2025, 11, 14)), source("q", date(2026, 3, 1)),
               source("t", date(2026, 3, 3))]
    facts = [
        fact("p-forecast", status="expected", event="v", source="p"),
        fact("r1-signed", status="signed", event="v", source="r1"),
        fact("r2-signed", status="signed", event="v", source="r2"),
        fact("q-forecast", status="expected", event="w", source="q", date=later_visit),
        fact("t-signed", status="signed", event="w", source="t", date=later_visit),
    ]
    data = dataset(facts, sources, [event("v", VISIT, ("p", "r1", "r2")),
                                    event("w", later_visit, ("q", "t"))])
    found = {t.fact.id: t for t in follow.track(data)}
    assert found["p-forecast"].reason == "the report of v (r1, r2) does not name it"
    assert found["q-forecast"].reason == "the report of w (t) does not name it"


def test_reaffirmed_goes_by_strength_not_by_id() -> None:
    a = fact("a", status="proposed", date=date(2024, 1, 1))
    weak = fact("a-planned", status="planned", date=date(2024, 2, 1), follows=("a",))
    strong = fact("z-agreed", status="agreed", date=date(2024, 3, 1), follows=("a",))
    item = tracked(dataset([a, weak, strong]), "a")
    assert item.verdict == "reaffirmed — still open"
    assert item.decisive == strong


def test_a_parent_as_strong_as_its_parts_still_names_the_parts_reported() -> None:
    own = fact("own", status="done", date=date(2024, 3, 1), follows=("pkg",))
    on_part = fact("on-part", status="done", date=date(2024, 5, 1), follows=("part1",))
    item = tracked(package(own, on_part, parts=1), "pkg")
    assert item.verdict == "done"
    assert item.reason == ("own (s1, 2024-03-01, done) reports it done; part part1: done, "
                           "on-part (s1, 2024-05-01, done) reports it done")


def test_an_article_on_an_event_without_facts_previews_it_when_published_before() -> None:
    sources = [source("p", date(2025, 11, 1)), source("late", date(2025, 12, 1))]
    data = dataset([fact("other", event="w", source="p")], sources,
                   [event("v", VISIT, ("p", "late"))])
    assert follow.preview_sources(data, data.events["v"]) == {"p"}


def test_a_reason_gives_the_later_fact_s_date_at_its_precision() -> None:
    a = fact("a", status="agreed", date=date(2024, 1, 1))
    done = fact("done", status="done", date=date(2024, 5, 1), date_precision="month",
                follows=("a",))
    assert tracked(dataset([a, done]), "a").reason == "done (s1, 2024-05, done) reports it done"
    in_year = done._replace(date=date(2024, 1, 1), date_precision="year")
    assert tracked(dataset([a, in_year]), "a").reason == "done (s1, 2024, done) reports it done"


# --- background work and outlooks: tables the bundled data has no case of ----------------

def test_each_previews_background_work_names_the_rows_of_its_own_visits_report() -> None:
    """Two visits, each with a preview holding background work in energy and a report with
    an energy row: each work is taken up through its sector by its own visit's report, and
    names that report's row (the rows are worked out per visit and preview, never shared)."""
    later_visit = date(2026, 3, 2)
    sources = [source("p", date(2025, 11, 10)), source("r", date(2025, 11, 13)),
               source("q", date(2026, 3, 1)), source("t", date(2026, 3, 3))]
    facts = [
        fact("p-forecast", status="expected", event="v", source="p", date=date(2025, 11, 10)),
        fact("p-work", kind="project", status="ongoing", event="", source="p",
             date=date(2025, 11, 10)),
        fact("r-energy", kind="document", status="signed", event="v", source="r", date=VISIT,
             evidence="соглашение подписано"),
        fact("q-forecast", status="expected", event="w", source="q", date=date(2026, 3, 1)),
        fact("q-work", kind="project", status="ongoing", event="", source="q",
             date=date(2026, 3, 1)),
        fact("t-energy", kind="document", status="signed", event="w", source="t",
             date=later_visit, evidence="соглашение подписано"),
    ]
    data = dataset(facts, sources, [event("v", VISIT, ("p", "r")),
                                    event("w", later_visit, ("q", "t"))])
    found = {t.fact.id: t for t in follow.track(data)}
    assert found["p-work"].verdict == found["q-work"].verdict == "not taken up as such"
    assert [f.id for f in found["p-work"].see_also] == ["r-energy"]
    assert [f.id for f in found["q-work"].see_also] == ["t-energy"]
    assert found["q-work"].reason == ("background work of the preview of w; its report (t) "
                                      "takes up its sector (energy), not this work as such: "
                                      "t-energy")


def test_background_work_of_a_visit_with_two_reports_names_both() -> None:
    """A visit reported by two articles: the background work's reason lists both, in the
    order the articles came out, whether the report takes up the work's sector or not."""
    sources = [source("p", date(2025, 11, 10)), source("r1", date(2025, 11, 13)),
               source("r2", date(2025, 11, 14))]
    facts = [
        fact("p-forecast", status="expected", event="v", source="p", date=date(2025, 11, 10)),
        fact("p-energy", kind="project", status="ongoing", event="", source="p",
             date=date(2025, 11, 10)),
        fact("p-transport", kind="project", status="ongoing", event="", source="p",
             date=date(2025, 11, 10), sectors=("transport",)),
        fact("r1-energy", kind="document", status="signed", event="v", source="r1",
             date=VISIT, evidence="соглашение подписано"),
        fact("r2-finance", kind="document", status="signed", event="v", source="r2",
             date=VISIT, sectors=("finance",), evidence="соглашение подписано"),
    ]
    data = dataset(facts, sources, [event("v", VISIT, ("p", "r1", "r2"))])
    found = {t.fact.id: t for t in follow.track(data)}
    assert found["p-energy"].verdict == "not taken up as such"
    assert found["p-energy"].reason == ("background work of the preview of v; its report "
                                        "(r1, r2) takes up its sector (energy), not this work "
                                        "as such: r1-energy")
    assert found["p-transport"].verdict == "not taken up at the visit"
    assert found["p-transport"].reason == ("background work of the preview of v; its report "
                                           "(r1, r2) does not take it up")


def test_by_a_day_before_the_neighbours_report_an_outlook_is_not_yet_taken_up_through_it() -> None:
    """track up to a day (a brief's "by this meeting") judges only on articles published by
    then: an outlook whose neighbour row (naming the same bridge) is reported signed only in
    a later article is, by a day before it, plainly not taken up, with nothing to see; with
    every article, it is taken up through that row."""
    outlook = fact("p-bridge", status="expected", event="", source="p", date=date(2025, 11, 10),
                   names=("мост через Урал",))
    other = fact("p-bridge-plan", status="planned", event="v", source="p",
                 date=date(2025, 11, 10), names=("мост через Урал",))
    signed = fact("late-bridge", kind="document", status="signed", event="v", source="late",
                  date=date(2025, 12, 20), follows=("p-bridge-plan",),
                  evidence="соглашение о мосте подписано")
    data = preview_table(outlook, other, signed)
    data.sources["late"] = source("late", date(2026, 1, 1))
    by_then = {t.fact.id: t for t in follow.track(data, until=date(2025, 12, 1))}
    assert by_then["p-bridge"].verdict == "not taken up at the visit"
    assert by_then["p-bridge"].see_also == ()
    assert by_then["p-bridge"].reason.startswith(
        "a general outlook of the preview, not a forecast for v; its report (")
    # the plan itself is a commitment, not a forecast: by then nothing reports on it (and
    # "latest report" is said only of the whole table, never up to a day)
    assert by_then["p-bridge-plan"].verdict == "no later report"
    every = {t.fact.id: t for t in follow.track(data)}
    assert every["p-bridge"].verdict == "not taken up as such"
    assert [f.id for f in every["p-bridge"].see_also] == ["late-bridge"]
