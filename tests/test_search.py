"""Matching and ranking, the relevance set, and the on-disk index cache."""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from kzru.index import open_index
from kzru.search import MIN_SCORE, read_query, search
from kzru.store import bundled_data_dir, load
from kzru.text import words
from kzru.word_match import max_typos

RELEVANCE = Path(__file__).parent / "relevance" / "queries.csv"
ANALYST = Path(__file__).parent / "relevance" / "analyst.csv"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    os.environ["KZRU_CACHE_DIR"] = str(tmp_path_factory.mktemp("index-cache"))
    folder = bundled_data_dir()
    return open_index(folder, lambda: load(folder))


def ids(index, query: str, limit: int = 5) -> list[str]:  # noqa: ANN001
    return [hit.fact.id for hit in search(index, query, limit=limit)]


def how(index, query: str) -> set[str]:  # noqa: ANN001
    return {m.how for hit in search(index, query, limit=5) for m in hit.matches}


def test_each_kind_of_match_is_found_and_labelled(index) -> None:  # noqa: ANN001
    assert "exact" in how(index, "Росатом")
    assert "stem" in how(index, "университеты")
    assert "transliteration" in how(index, "Dostik")
    assert "alias" in how(index, "Oskemen")
    assert how(index, "univercity") == {"typo"}


def test_typo_tolerance_follows_word_length() -> None:
    assert [max_typos("x" * n) for n in (4, 5, 8, 9, 12)] == [0, 1, 1, 2, 2]


def test_facts_matching_all_words_rank_above_facts_matching_some(index) -> None:  # noqa: ANN001
    hits = search(index, "Экибастузская ГРЭС выбросы", limit=None)
    counts = [hit.matched for hit in hits]
    assert counts == sorted(counts, reverse=True)
    assert hits[0].fact.id == "a001-ekibastuz-gres2-emissions"


def test_scores_are_between_threshold_and_100(index) -> None:  # noqa: ANN001
    hits = search(index, "университет филиал", limit=None)
    assert hits
    # a fact matching both words shows its whole match (at least the threshold); one matching
    # one word of two, half of its match: at least half the threshold, at most 50
    assert all(MIN_SCORE <= hit.score <= 100 for hit in hits if hit.matched == 2)
    one = [hit for hit in hits if hit.matched == 1]
    assert one and all(MIN_SCORE / 2 <= hit.score <= 50 for hit in one)
    assert [h.score for h in hits] == sorted([h.score for h in hits], reverse=True)


@pytest.mark.parametrize("nonsense", ["blockchain", "Аргентина", "zxcvbnm", "", "!!!"])
def test_nonsense_finds_nothing(index, nonsense: str) -> None:  # noqa: ANN001
    assert search(index, nonsense) == []


def load_relevance() -> list[dict[str, str]]:
    with open(RELEVANCE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.skipif(not RELEVANCE.exists(), reason="relevance set not written yet")
def test_relevance_set_recall_at_5(index) -> None:  # noqa: ANN001
    queries = load_relevance()
    assert len(queries) >= 40
    wanted = found = 0
    misses = []
    for row in queries:
        expected = [i for i in row["expected"].split("; ") if i]
        top = ids(index, row["query"])
        if not expected:
            assert top == [], f"nonsense query {row['query']!r} returned {top}"
            continue
        hit = [i for i in expected if i in top]
        wanted += len(expected)
        found += len(hit)
        if len(hit) < len(expected):
            misses.append((row["query"], sorted(set(expected) - set(hit))))
    # Just under what the suite achieves (151 of 154 after issue 18): one more miss fails.
    assert found / wanted >= 0.975, misses


def test_analyst_set_meets_the_targets(index) -> None:  # noqa: ANN001
    """Just under what the suite achieves (round 13: 148 of 152 first, every one in the top
    five, 0.992 of a stated year/status kept), so that one more miss, or one more hit of
    another year or status, shows."""
    with open(ANALYST, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 152
    first = five = 0
    kept: list[float] = []
    misses = []
    for row in rows:
        expected = {i.strip() for i in row["expected"].split(";") if i.strip()}
        hits = search(index, row["query"], limit=5)
        top = [hit.fact.id for hit in hits]
        first += bool(top) and top[0] in expected
        five += bool(expected & set(top))
        if not (top and top[0] in expected):
            misses.append((row["query"], top[:1]))
        if row["year"] or row["status"]:
            good = [h for h in hits if (not row["year"] or str(h.fact.date.year) == row["year"])
                    and (not row["status"] or h.fact.status == row["status"])]
            kept.append(len(good) / len(hits) if hits else 0.0)
    assert first / len(rows) >= 0.97, misses
    assert five == len(rows), "every query of the project's own set is answered in the top 5"
    assert sum(kept) / len(kept) >= 0.99


def test_a_stated_year_and_status_filter(index) -> None:  # noqa: ANN001
    hits = search(index, "what was signed in 2022", limit=None)
    assert hits and all(h.fact.date.year == 2022 and h.fact.status == "signed" for h in hits)
    assert hits[0].fact.kind == "document"
    hits = search(index, "соглашения 2022", limit=None)
    assert hits and all(h.fact.date.year == 2022 for h in hits)
    assert hits[0].fact.kind == "document"
    assert search(index, "соглашения 1990") == []  # no facts that year: nothing, not noise


def test_literal_reads_nothing(index) -> None:  # noqa: ANN001
    # Read literally, a year is a word of the text, not a filter on dates.
    reading = read_query(index, "2025", literal=True)
    hits = search(index, "2025", reading=reading, limit=None)
    assert hits and all("2025" in h.fact.summary + h.fact.text + h.fact.evidence for h in hits)
    assert len(hits) < len([h for h in search(index, "2025", limit=None)])


def test_compound_parts_match_but_not_inside_a_personal_name(index) -> None:  # noqa: ANN001
    gas = search(index, "газ", limit=None)
    texts = [h.fact.text.casefold() + h.fact.evidence.casefold() for h in gas]
    assert any("газоснабжен" in t for t in texts)
    assert all("газиз" not in t and "gaziz" not in h.fact.summary.casefold()
               for t, h in zip(texts, gas))
    # the energy sector's name is not text: coal facts do not match "газ"
    assert all("coal" not in h.fact.summary.casefold() or "gas" in h.fact.summary.casefold()
               for h in gas)
    # "Транскаспийский" is in the corridor's names (the article says only «ТМТМ»)
    assert any(h.fact.id == "a004-titr-middle-corridor" for h in search(index, "Каспий"))


def test_russian_and_english_reach_the_same_facts(index) -> None:  # noqa: ANN001
    russian = {h.fact.id for h in search(index, "университет", limit=None)}
    english = {h.fact.id for h in search(index, "university", limit=None)}
    assert len(russian & english) >= 0.9 * max(len(russian), len(english))


def test_stopwords_only_find_nothing(index) -> None:  # noqa: ANN001
    assert search(index, "the") == [] and search(index, "и в на") == []


def test_a_swap_of_neighbouring_letters_is_one_typo(index) -> None:  # noqa: ANN001
    hits = search(index, "urainum")
    assert hits and all("uranium" in h.fact.summary.casefold() for h in hits)
    assert {m.how for h in hits for m in h.matches} == {"typo"}


def test_cache_is_reused_and_rebuilt_when_data_changes(data_copy: Path, isolated_cache: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZRU_CACHE_DIR", str(isolated_cache / "own"))
    calls = []

    def loader():  # noqa: ANN202
        calls.append(1)
        return load(data_copy)

    open_index(data_copy, loader)
    open_index(data_copy, loader)
    assert len(calls) == 1
    with open(data_copy / "sectors.csv", "a", encoding="utf-8") as handle:
        handle.write("weather,Weather,Погода,\n")
    index = open_index(data_copy, loader)
    assert len(calls) == 2
    assert "weather" in index.sectors


def test_corrupt_cache_is_rebuilt(data_copy: Path, isolated_cache: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    cache = isolated_cache / "corrupt"
    monkeypatch.setenv("KZRU_CACHE_DIR", str(cache))
    open_index(data_copy, lambda: load(data_copy))
    (index_file,) = cache.glob("index-*.sqlite")
    index_file.write_bytes(b"this is not a database" * 100)
    index = open_index(data_copy, lambda: load(data_copy))
    assert [h.fact.id for h in search(index, "Росатом", limit=1)]
    sqlite3.connect(index_file).execute("SELECT count(*) FROM facts").fetchone()


def test_read_only_cache_directory_still_works(data_copy: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("KZRU_CACHE_DIR", str(locked / "kzru"))
    try:
        index = open_index(data_copy, lambda: load(data_copy))
        assert search(index, "Росатом", limit=1)
    finally:
        locked.chmod(stat.S_IRWXU)


def test_no_half_written_index_is_left_behind(data_copy: Path, isolated_cache: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    cache = isolated_cache / "tidy"
    monkeypatch.setenv("KZRU_CACHE_DIR", str(cache))
    open_index(data_copy, lambda: load(data_copy))
    assert not list(cache.glob("*.tmp"))
    assert len(list(cache.glob("index-*.sqlite"))) == 1


def test_progress_bar_only_when_asked_for_a_large_build(data_copy: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sqlite3 as sqlite

    from rich.console import Console

    from kzru import build as build_module

    screen = io.StringIO()
    monkeypatch.setattr(build_module, "PROGRESS_THRESHOLD", 10)
    monkeypatch.setattr(build_module, "_stderr_console",
                        lambda: Console(file=screen, force_terminal=True, width=80))
    dataset = load(data_copy)
    build_module.build(dataset, sqlite.connect(":memory:"), show_progress=False)
    assert screen.getvalue() == ""
    build_module.build(dataset, sqlite.connect(":memory:"), show_progress=True)
    assert "building search index" in screen.getvalue()


def test_parallel_first_runs_all_succeed(data_copy: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "shared-cache")}
    command = [sys.executable, "-m", "kzru", "search", "Росатом", "--format", "json",
               "--data", str(data_copy)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            for _ in range(4)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0]
    assert len({out for out, _ in outputs}) == 1 and all(err == b"" for _, err in outputs)
    assert not list((tmp_path / "shared-cache").glob("*.tmp"))


def test_cli_shows_the_reading(run) -> None:  # noqa: ANN001
    table = run("search", "соглашения", "2022", "--format", "table", "--no-color")
    assert table.code == 0
    assert 'read as: year 2022 · "соглашения" → documents' in table.out.splitlines()[0]
    import json

    explained = json.loads(run("search", "what was signed in 2022", "--explain",
                               "--format", "json").out)
    assert explained[0]["read_as"].startswith("year 2022 · status signed")
    assert "2022 → 2022 (year)" in explained[0]["explain"]
    literal = json.loads(run("search", "signed", "--literal", "--format", "json",
                             "--limit", "50").out)
    assert any(row["status"] != "signed" for row in literal)
    assert run("search", "the", "--format", "json").code == 1


# -- issue 18: partial matches, related words, places, dates, relaxed filters, operators ----

def said(hit) -> str:  # noqa: ANN001
    fact = hit.fact
    return " ".join((fact.summary, fact.text, fact.evidence)).casefold()


def test_a_word_the_table_lacks_is_named_and_the_rest_still_ranks(index) -> None:  # noqa: ANN001
    # a003 reports uranium supplies; no article mentions a ziggurat
    hits = search(index, "зиккурат уран", limit=None)
    assert hits and all("уран" in said(h) or "uranium" in said(h) for h in hits)
    assert hits.unmatched == ("зиккурат",)
    # only a query none of whose words match finds nothing
    nothing = search(index, "зиккурат квазар")
    assert nothing == [] and nothing.unmatched == ("зиккурат", "квазар")


def test_partial_matches_rank_by_words_matched(index) -> None:  # noqa: ANN001
    # a001 and a004 speak of oil supplies; no article says "pipeline" or "transit" of oil
    hits = search(index, "нефтепровод транзит нефти", limit=None)
    assert hits and "нефт" in said(hits[0])
    counts = [(h.notes == (), h.matched) for h in hits]
    assert [m for _, m in counts] == sorted([m for _, m in counts], reverse=True)


def test_cli_names_the_words_that_matched_nothing(run) -> None:  # noqa: ANN001
    found = run("search", "зиккурат уран", "--format", "table", "--no-color")
    assert found.code == 0 and "no match for: зиккурат" in found.out.splitlines()[0]
    missing = run("search", "зиккурат", "--format", "table", "--no-color")
    assert missing.code == 1 and "no match for: зиккурат" in missing.err


def test_a_compound_the_table_lacks_reaches_its_first_part_as_a_related_word(index) -> None:  # noqa: ANN001
    # "газопровод" is in no article; a004 discusses gas supply and gas transit
    hits = search(index, "газопровод", limit=None)
    assert hits and all("газ" in said(h) or "gas" in said(h) for h in hits)
    assert all(m.how == "related" for h in hits for m in h.matches)
    # never through a personal name (the political scientist Газиз Абишев, a001), nor
    # through a name that merely holds the word (Gubkin University of Oil and Gas, a002)
    assert all("абишев" not in said(h) for h in hits)
    assert all("gubkin" not in h.fact.id for h in hits)


def test_related_matches_rank_below_direct_ones(index) -> None:  # noqa: ANN001
    hits = search(index, "газопровод газ", limit=None)
    direct = [h for h in hits if any(m.how != "related" for m in h.matches)]
    assert direct and hits[:len(direct)] == direct


def test_a_topic_word_outweighs_a_generic_one_in_both_languages(index) -> None:  # noqa: ANN001
    # a003's uranium supplies say "поставки"; a004's gas facts say "газ"
    for query in ("поставки газа", "gas supply", "газ поставки", "supplies of gas"):
        top = search(index, query, limit=3)
        assert top and all("газ" in said(h) or "gas" in said(h) for h in top), query


def test_a_place_in_the_query_is_where_it_happened_not_a_name(index) -> None:  # noqa: ANN001
    # a000: agreements on the Astana Hub technopark were reached in Moscow (2022);
    # a001: what was agreed during Putin's state visit to Astana (2024)
    astana_events = {e.id for e in index.events.values() if "Астана" in e.places}
    for query in ("what was agreed in Astana", "договорились в Астане"):
        hits = search(index, query, limit=None)
        top = hits[:5]
        assert top and all(h.fact.event in astana_events for h in top), query
        hub = [n for n, h in enumerate(hits) if "astana hub" in said(h)]
        assert all(n >= len([h for h in hits if h.fact.event in astana_events]) for n in hub)
    hub_hits = search(index, "Astana", limit=None)
    hub_fact = next(h for h in hub_hits if h.fact.id == "a000-astana-hub-digital-tools")
    assert [m.how for m in hub_fact.matches] == ["name"] and hub_fact.matched == 0


def test_a_year_means_the_facts_own_date_first(index) -> None:  # noqa: ANN001
    # a002/a004 (Nov 2025): the MGIMO branch in Astana was opened in 2025 by the articles' own
    # words; the list of nine branches carries only the article's date
    hits = search(index, "какие вузы открыли филиалы в 2025 году", limit=None)
    # a fact dated by the article alone counts for search.REPORTED of its match: the two
    # branches opened "this year" by a004's own words (KazNU in Omsk, MGIMO in Astana: an
    # institute is a вуз) come before the nine branches a002 reports, which match as well
    from kzru.search import REPORTED

    assert {h.fact.id for h in hits[:2]} == {"a004-kaznu-omsk-branch", "a004-mgimo-astana-branch"}
    branches = [h for h in hits if h.fact.id == "a002-nine-russian-university-branches"]
    assert branches and branches[0].notes and branches[0].score <= REPORTED * 100
    assert [h.score for h in hits] == sorted([h.score for h in hits], reverse=True)
    # dated by the article alone: publication-dated, and of no event held in 2025 (an event
    # held then dates its facts: a004's 2025 visit)
    held = {event.id for event in index.events.values()
            if 2025 in (event.start.year, event.end.year)}
    reported = [h for h in hits if h.fact.date_basis == "publication"
                and h.fact.event not in held]
    assert reported and all(h.notes == ("reported in 2025",) for h in reported)
    assert all(h.notes == () for h in hits if h not in reported)
    assert any(h.fact.date_basis == "publication" and h not in reported for h in hits)


def test_a_status_that_nothing_satisfies_is_said_and_relaxed(index) -> None:  # noqa: ANN001
    # a004: gas supply and transit were discussed in detail, not agreed
    query = "о чем договорились по газу в 2025 году"
    hits = search(index, query, limit=None)
    assert hits and all(h.fact.date.year == 2025 for h in hits)
    assert "газ" in said(hits[0]) and hits[0].fact.status != "agreed"
    assert hits.notes and hits.notes[0].startswith("nothing agreed about газу in 2025")
    strict = search(index, query, strict=True)
    assert strict == [] and strict.notes[0].startswith("nothing agreed")


def test_cli_strict_filters_turn_relaxation_off(run) -> None:  # noqa: ANN001
    query = "о чем договорились по газу в 2025 году"
    relaxed = run("search", query, "--format", "table", "--no-color")
    assert relaxed.code == 0 and "nothing agreed about газу in 2025" in relaxed.out
    strict = run("search", query, "--strict-filters", "--format", "table", "--no-color")
    assert strict.code == 1 and "nothing agreed about газу in 2025" in strict.err


def own_words(hit) -> str:  # noqa: ANN001
    """What a fact itself says and names: -word excludes on these, not on the quotation."""
    fact = hit.fact
    return " ".join((fact.summary, fact.text, *fact.names)).casefold()


def test_operator_minus_leaves_facts_with_the_word_out(index) -> None:  # noqa: ANN001
    every = search(index, "газ", limit=None)
    assert any("транзит" in own_words(h) for h in every)
    fewer = search(index, "газ -транзит", limit=None)
    assert fewer and all("транзит" not in own_words(h) and "transit" not in own_words(h)
                         for h in fewer)
    assert {h.fact.id for h in fewer} < {h.fact.id for h in every}
    # a004's gas facts quote a sentence that also speaks of transit; they are not about it
    quoted_only = [h for h in every if "транзит" in h.fact.evidence.casefold()
                   and "транзит" not in own_words(h) and "transit" not in own_words(h)]
    assert quoted_only
    assert {h.fact.id for h in quoted_only} <= {h.fact.id for h in fewer}


def test_operator_quotes_want_adjacent_words_in_any_form(index) -> None:  # noqa: ANN001
    import re

    # a001: supplies of oil and oil products; a004: production, transport and supply of oil
    hits = search(index, '"поставки нефти"', limit=None)
    assert hits
    adjacent = re.compile(r"постав(?:к\w*|ок)\s+нефт")  # поставок: the о comes and goes
    assert all(adjacent.search(h.fact.text.casefold() + " " + h.fact.evidence.casefold())
               for h in hits)
    # every fact with поставк…/поставок beside нефт… is found: quoting only narrows
    assert len(search(index, "поставки нефти", limit=None)) >= len(hits)
    # a001's joint statement has 36 points (пункты) but no checkpoint (пункты пропуска)
    loose = {h.fact.id for h in search(index, "пункты пропуска", limit=None)}
    quoted = {h.fact.id for h in search(index, '"пункты пропуска"', limit=None)}
    assert quoted and quoted < loose and "a001-joint-statement-36-points" in loose - quoted


def test_operator_or_matches_either_word(index) -> None:  # noqa: ANN001
    hits = search(index, "уголь OR уран", limit=None)
    texts = [said(h) for h in hits]
    assert any("coal" in t for t in texts) and any("uranium" in t for t in texts)
    assert all("угл" in t or "уголь" in t or "coal" in t or "уран" in t or "uranium" in t
               for t in texts)
    # a lower-case English "or" stays a stopword
    assert read_query(index, "coal or uranium").ignored == ("or",)


def test_operators_show_in_the_reading_and_literal_keeps_them_as_text(index) -> None:  # noqa: ANN001
    reading = read_query(index, 'газ -транзит "поставки нефти" уголь OR уран')
    assert 'not "транзит"' in reading.describe()
    assert 'phrase "поставки нефти"' in reading.describe()
    assert '"уголь" or "уран"' in reading.describe()
    literal = read_query(index, 'газ -транзит "поставки нефти" OR 2025', literal=True)
    assert [t.text for t in literal.terms] == ["газ", "транзит", "поставки", "нефти", "2025"]
    assert not literal.excluded and not literal.years


def test_measured_related_words_reach_what_the_articles_call_it(index) -> None:  # noqa: ANN001
    from kzru.related import DATA, related_words

    # a002: the XXI forum is to discuss colleges and enterprises; no article says техникум
    assert "колледжей" in dict(related_words("техникум"))
    hits = search(index, "техникум", limit=None)
    assert hits and all("коллед" in said(h) for h in hits)
    assert {m.how for h in hits for m in h.matches} == {"related"}
    # the shipped pairs are small and hold no glossary name on either side
    lines = DATA.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < 5000
    names = {w for entry in index.table("glossary").values() for n in entry.all_names()
             for w in words(n)}
    assert not any(pair.rpartition(":")[0] in names for line in lines
                   for pair in line.split("\t")[1].split())


def test_no_kzru_module_imports_the_embedding_model() -> None:
    """Search reads the shipped word pairs; only curation (kzru/curate, `kzru add`) loads
    natasha's models."""
    import kzru

    package = Path(kzru.__file__).parent
    for path in package.rglob("*.py"):
        if path.is_relative_to(package / "curate"):
            continue
        source = path.read_text(encoding="utf-8")
        assert "import natasha" not in source and "import navec" not in source, path
        assert "from navec" not in source and "from natasha" not in source, path


def test_search_never_imports_the_embedding_model(data_copy: Path, tmp_path: Path) -> None:
    """Related words come from the shipped file: a search that needs them loads no model."""
    import subprocess
    import sys

    code = ("import sys; from kzru.cli import main; sys.argv = ['kzru', 'search', 'техникум', "
            f"'--data', {str(data_copy)!r}, '--format', 'json']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('natasha', 'navec')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")})
    assert '"related"' not in done.stderr
    assert done.stdout.strip().endswith("[]"), done.stdout[-200:] + done.stderr
    assert "коллед" in done.stdout.casefold()


def test_content_keys_are_blake2b_without_loading_hashlib(data_copy: Path, tmp_path: Path) -> None:
    """The cache's content digest is BLAKE2b of 16 bytes, the same digest hashlib gives, and a
    search (the store fresh or built) never imports hashlib, which loads OpenSSL at start-up."""
    import hashlib
    import subprocess
    import sys

    from kzru.files import content_digest

    digest = content_digest()
    digest.update("Астана, 2024".encode())
    expected = hashlib.blake2b("Астана, 2024".encode(), digest_size=16)
    assert digest.hexdigest() == expected.hexdigest()
    code = ("import sys; from kzru.cli import main; sys.argv = ['kzru', 'search', 'атом', "
            f"'--data', {str(data_copy)!r}, '--format', 'json']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m in ('hashlib', '_hashlib')))")
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run builds the store, the second reads it
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, check=True)
        assert done.stdout.rstrip().splitlines()[-1] == "[]"
