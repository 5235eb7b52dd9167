"""Issue 18, round 12: the score is what orders the list, a fact only reported in the period
asked says so in every format, verbs that say a thing happened, English synonyms, and a
negated status phrase. Queries written here; expected facts worked out from the rule and
data/facts.csv and data/events.csv (cited by id), never copied from an output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import query_fixtures

from kzru.search import REPORTED, search

data, index, reader = query_fixtures.data, query_fixtures.index, query_fixtures.reader
RELEVANCE = Path(__file__).resolve().parent / "relevance"


def queries() -> list[str]:
    """Every judged query of the project's two sets, and some of this module's."""
    found = []
    for name in ("analyst.csv", "queries.csv"):
        with open(RELEVANCE / name, encoding="utf-8", newline="") as handle:
            found += [row["query"] for row in csv.DictReader(handle) if row["query"].strip()]
    return found + ["какие вузы открыли филиалы в 2025 году", "визита", "Astana",
                    "meetings that did not take place", "Экибастузская ГРЭС выбросы"]


# -- the shown score is the one the order uses -----------------------------------------------
def test_a_later_hit_never_shows_a_higher_score(index) -> None:  # noqa: ANN001
    rising = []
    for query in queries():
        scores = [hit.score for hit in search(index, query, limit=None)]
        if scores != sorted(scores, reverse=True):
            rising.append((query, scores[:10]))
    assert rising == []


def test_a_fact_matching_some_of_the_words_shows_that_share_at_most(index) -> None:  # noqa: ANN001
    # coordination: a match is at most 1, times the share of the query's words matched
    query = "Экибастузская ГРЭС выбросы"  # three words, no constraint
    hits = search(index, query, limit=None)
    assert {hit.matched for hit in hits} >= {2, 3}
    for hit in hits:
        assert hit.score <= 100 * hit.matched / 3 + 0.05, hit.fact.id


def test_a_fact_only_reported_in_the_year_counts_for_reported_share(index) -> None:  # noqa: ANN001
    # a002 (11 Nov 2025) lists the nine Russian university branches: dated by the article
    # alone, of no event held in 2025, so "reported in 2025"
    hits = search(index, "филиалы вузов 2025", limit=None)
    listed = next(hit for hit in hits if hit.fact.id == "a002-nine-russian-university-branches")
    assert listed.reported_in == 2025 and listed.score <= REPORTED * 100
    # a004's KazNU branch in Omsk, opened "this year" by the article's own words: its own date
    own = next(hit for hit in hits if hit.fact.id == "a004-kaznu-omsk-branch")
    assert own.reported_in is None and hits.index(own) < hits.index(listed)


# -- "reported in" in every format, without --explain -----------------------------------------
@pytest.mark.parametrize("form", ["json", "jsonl"])
def test_json_says_reported_in_without_explain(run, data, form: str) -> None:  # noqa: ANN001
    done = run("search", "какие вузы открыли филиалы в 2025 году", "--format", form,
               "--limit", "0")
    rows = json.loads(done.out) if form == "json" else [json.loads(line)
                                                        for line in done.out.splitlines()]
    held = {event.id for event in data.events.values()
            if 2025 in (event.start.year, event.end.year)}
    for row in rows:
        fact = data.facts[row["id"]]
        only_reported = fact.date_basis == "publication" and fact.event not in held
        assert row["reported_in"] == (2025 if only_reported else None), row["id"]
    assert any(row["reported_in"] for row in rows) and any(not row["reported_in"] for row in rows)
    # no year asked: nothing is "reported in"
    plain = json.loads(run("search", "филиалы вузов", "--format", "json").out)
    assert plain and all(row["reported_in"] is None for row in plain)


def test_explain_says_read_as_once(run) -> None:  # noqa: ANN001
    query = "what was signed in 2022"
    plain = run("search", query, "--format", "json")
    assert plain.err.count("read as:") == 1  # a filter stated: stderr says how it was read
    explained = run("search", query, "--format", "json", "--explain")
    rows = json.loads(explained.out)
    assert rows and all("status signed" in row["read_as"] for row in rows)
    assert "read as:" not in explained.err  # the rows say it: not again on stderr


# -- verbs that say a thing happened; their negation ------------------------------------------
def test_opened_ranks_done_facts_first_and_stays_a_word(reader) -> None:  # noqa: ANN001
    for query in ("opened branches", "открыли филиалы"):
        reading = reader(query)
        assert reading.ranked_statuses == ("done",) and reading.statuses == ()
        assert reading.terms[0].text in ("opened", "открыли")  # still searched as text


def test_the_readme_example_puts_both_branches_opened_in_2025_first(index) -> None:  # noqa: ANN001
    # a004: «В текущем году были открыты филиал МГИМО в Астане … филиал КазНУ … в Омске»;
    # MGIMO is an institute, and an institute is a вуз (высшее учебное заведение). The
    # medical university's office is still being worked out (ongoing): after both.
    hits = search(index, "какие вузы открыли филиалы в 2025 году", limit=None)
    first = [hit.fact.id for hit in hits[:2]]
    assert set(first) == {"a004-kaznu-omsk-branch", "a004-mgimo-astana-branch"}
    ids = [hit.fact.id for hit in hits]
    assert ids.index("a004-russian-medical-university-representation") > 1


def test_vuz_stands_for_a_university_or_an_institute(reader) -> None:  # noqa: ANN001
    term = reader("вузы").terms[0]
    assert ("институт",) in term.aliases and ("университет",) in term.aliases


@pytest.mark.parametrize("query, said", [
    ("встречи, которые не состоялись", "не состоялись"),
    ("meetings that did not take place", "not take place"),
])
def test_a_negated_happening_leaves_done_facts_out(index, reader, query, said) -> None:  # noqa: ANN001
    reading = reader(query)
    assert reading.not_statuses == ("done",) and reading.excluded == ()
    assert f'"{said}" → status not done' in str(reading.describe())
    hits = search(index, query, limit=None)
    assert hits and all(hit.fact.status != "done" for hit in hits)


def test_only_and_the_relative_pronoun_are_no_words(reader) -> None:  # noqa: ANN001
    assert reader("не только газ").not_statuses == ()
    assert [t.text for t in reader("встречи, которые прошли").terms] == ["встречи", "прошли"]


# -- English synonyms of the table's words ---------------------------------------------------
@pytest.mark.parametrize("query, fact, said", [
    # a003: "raised their trade turnover to a record $24 billion"
    ("lifting trade turnover", "a003-trade-turnover-2021", "raise"),
    # a000: "such a top-level reception is a great rarity"
    ("unusual reception", "a000-covid-era-reception-rare", "rarity"),
])
def test_an_english_synonym_reaches_the_word_the_table_uses(index, query, fact, said) -> None:  # noqa: ANN001
    hits = search(index, query, limit=3)
    assert hits.unmatched == () and hits[0].fact.id == fact
    assert any(match.how == "related" and match.term.startswith(said)
               for match in hits[0].matches)


@pytest.mark.parametrize("query", ["what is being opened in Almaty", "что будет открыт"])
def test_an_unfinished_opening_is_only_a_word(reader, query) -> None:  # noqa: ANN001
    reading = reader(query)
    assert reading.ranked_statuses == () and reading.statuses == ()
    assert any(term.text in ("opened", "открыт") for term in reading.terms)


# -- a person named beside a topic: what that person said on it (the speaker column) ---------
def test_a_persons_statements_on_the_topic_come_first(data, index) -> None:  # noqa: ANN001
    # a002: Zhanar Tulindinova (KazISS) speaks on transport in several rows; the a004 rows on
    # transport corridors are Akorda's
    hers = {fact.id for fact in data.facts.values()
            if "Tulindinova" in fact.speaker and "transport" in fact.sectors}
    assert len(hers) >= 4
    hits = search(index, "Тулиндинова о транспортных коридорах", limit=len(hers))
    assert {hit.fact.id for hit in hits} == hers
    # the name alone: the row that introduces her stays first (no statement outranks it)
    assert search(index, "кто такая Жанар Тулиндинова", limit=1)[0].fact.id == \
        "a002-expert-tulindinova-kaziss"


# -- the third blind set's notes (docs/audits/2026-12-05-round12-hidden-search.md) ------------
def test_a_communique_is_a_document_and_a_statement(index, reader) -> None:  # noqa: ANN001
    # note #10: «коммюнике» matched nothing; a001 signed a joint statement on the partnership
    assert reader("коммюнике").terms[0].kinds == ("document",)
    hits = search(index, "совместное коммюнике о стратегическом партнёрстве", limit=3)
    assert hits.unmatched == ()
    assert hits[0].fact.id == "a001-joint-statement-strategic-partnership"


@pytest.mark.parametrize("query", ["что уже сделано в сфере культуры", "culture done"])
def test_done_words_state_the_status_and_are_no_word(data, index, reader, query) -> None:  # noqa: ANN001
    # note #28: сделано/done were not read; a004's Days of Culture were held (status done).
    # Round 13: a word naming the status (done, «сделано») states it, as signed and agreed
    # do: a filter, so the planned cultural centre and the sectors' overview are left out
    reading = reader(query)
    assert reading.statuses == ("done",) and reading.ranked_statuses == ()
    assert [term.text for term in reading.terms] in (["культуры"], ["culture"])
    hits = search(index, query, limit=None)
    assert hits.unmatched == () and not hits.notes
    assert hits and all(hit.fact.status == "done" for hit in hits)
    ids = [hit.fact.id for hit in hits]
    days = [ids.index(f"a004-days-of-culture-{town}") for town in ("moscow", "yakutsk", "kazan")]
    assert sorted(days) == [0, 1, 2]


@pytest.mark.parametrize("query", ["встречи, которые состоялись", "meetings that took place"])
def test_happening_words_still_rank_done_facts(reader, query) -> None:  # noqa: ANN001
    # «состоялись» and "took place" say it happened, not what the table calls it: a meeting
    # reported as held may be a statement (reported), so they rank and leave nothing out
    reading = reader(query)
    assert reading.ranked_statuses == ("done",) and reading.statuses == ()


def test_will_be_done_is_only_a_word(reader) -> None:  # noqa: ANN001
    reading = reader("что будет сделано")
    assert reading.statuses == () and [t.text for t in reading.terms] == ["сделано"]


def test_a_status_noun_beside_its_filter_matches_that_status(data, index, reader) -> None:  # noqa: ANN001
    # note #26: «достигнуты» was not read; a004 agreed the energy partnerships (oil, oil
    # products, coal, electricity) without saying «договорённости»
    query = "какие договорённости достигнуты по энергетике"
    reading = reader(query)
    assert reading.statuses == ("agreed",)
    wanted = {fact.id for fact in data.facts.values() if fact.source == "a004"
              and fact.status == "agreed" and "energy" in fact.sectors}
    top = {hit.fact.id for hit in search(index, query, limit=5)}
    assert len(top & wanted) >= 4
    # without the filter the noun only ranks: the row that says it comes first (round 11)
    assert reader("нефтепоставки договорённости").terms[-1].status == ""


def test_assembly_reaches_assembling(index) -> None:  # noqa: ANN001
    # note #4: a003 says the KamAZ trucks are assembled («собирают»), not «сборка»
    hits = search(index, "завод КамАЗ сборка грузовиков", limit=3)
    assert hits.unmatched == () and hits[0].fact.id == "a003-kamaz-500-assembled-locally"
    assert any(m.query == "сборка" and m.how == "related" for m in hits[0].matches)


def test_only_is_no_word(reader) -> None:  # noqa: ANN001
    # note #27: "only" matched «лишь» in an unrelated row
    reading = reader("gas: what was only discussed, not agreed")
    assert "only" not in [term.text for term in reading.terms]
    assert reading.not_statuses == ("agreed",)


def test_a_visit_word_names_only_the_kinds_of_visit_held(data, reader) -> None:  # noqa: ANN001
    # note #17: "визит" listed official-visit, which events.csv does not hold
    held = {event.kind for event in data.events.values()}
    kinds = reader("визит").terms[0].event_kinds
    assert kinds and set(kinds) <= held and "official-visit" not in kinds


# -- the St Petersburg CIS summit row (a000) ----------------------------------------------------
@pytest.mark.parametrize("query", ["саммит СНГ в Петербурге", "CIS summit in St Petersburg"])
def test_the_cis_summit_row_comes_first_for_the_summit(index, query) -> None:  # noqa: ANN001
    top = [hit.fact.id for hit in search(index, query, limit=2)]
    assert "a000-cis-summit-st-petersburg" in top


def test_a_meeting_word_matches_the_facts_of_kind_meeting(data, index, reader) -> None:  # noqa: ANN001
    # a000: the CIS summit row (kind meeting) names neither president, but it is a meeting
    # held in St Petersburg: it matches «встречи» and the place by its own words, and (round
    # 13, tests/test_search_leftovers.py) each president through its event
    assert "meeting" in reader("встречи").terms[0].kinds
    hits = search(index, "встречи Путина и Токаева в Петербурге", limit=None)
    row = next(hit for hit in hits if hit.fact.id == "a000-cis-summit-st-petersburg")
    assert {m.how for m in row.matches} == {"kind", "exact", "event"}
    assert [m.query for m in row.matches if m.how == "event"] == ["путина", "токаева"]
    # the rows naming both presidents at a St Petersburg meeting come before it
    assert hits[0].fact.id == "a003-spief-june-meeting"


# -- start-up: a generic word is known by its first letters before it is stemmed --------------
def test_the_generic_words_prefilter_agrees_with_their_stems(data) -> None:  # noqa: ANN001
    from kzru.query_words import _GENERIC, HEAD, is_generic
    from kzru.text import stem, words

    listed = _GENERIC.split()
    # the rule the prefilter rests on: each listed word's stem is at least HEAD letters long
    # and begins as the word does
    assert all(len(stem(w)) >= HEAD and stem(w)[:HEAD] == w[:HEAD] for w in listed)
    stems = {stem(w) for w in listed}
    said = {word for fact in data.facts.values()
            for text in (fact.summary, fact.text, fact.evidence, *fact.names)
            for word in words(text)}
    assert len(said) > 1000
    assert [w for w in said if is_generic(w) != (stem(w) in stems)] == []


def test_a_kept_part_keeps_its_package(data, index) -> None:  # noqa: ANN001
    # note #31: a001's NGO regulation is part of the justice agreements (part_of); the
    # package says «юстиции» but not the NGOs, so alone it scores below the threshold
    query = "юстиция некоммерческие организации"
    part = data.facts["a001-justice-ngo-regulation"]
    assert part.part_of == "a001-justice-cooperation-directions"
    ids = [hit.fact.id for hit in search(index, query, limit=None)]
    assert ids.index(part.id) < ids.index(part.part_of)
    # the package is kept for its part: without the part (the NGO words excluded), the
    # package alone does not reach the threshold and is not listed
    alone = [hit.fact.id for hit in search(index, f"{query} -НКО -некоммерческих", limit=None)]
    assert part.id not in alone and part.part_of not in alone
