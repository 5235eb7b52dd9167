"""The round-14 readers' points (/work/wt/audits/r14-track-report.md, r14-briefs-b-report.md,
recorded in docs/audits/2026-12-04-changes.md Part 23), each held to the promise or rule it
was fixed by. Expected values come from the articles (quoted here), the CSV rows and the
promise in `kzru track --help`, never from the output itself.
"""

from __future__ import annotations

import json

import brief_fixtures
from conftest import SEEDS, needs_seeds, read_table

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
table, page, section = brief_fixtures.table, brief_fixtures.page, brief_fixtures.section
FACTS = {r["id"]: r for r in read_table(DATA, "facts")}
SOURCES = {r["id"]: r for r in read_table(DATA, "sources")}
GLOSSARY = {r["id"]: r for r in read_table(DATA, "glossary")}


def _article(source: str) -> str:
    """The article's text, its no-break spaces read as spaces."""
    text = (SEEDS / SOURCES[f"a{source}"]["file"]).read_text(encoding="utf-8")
    return text.replace("\u00a0", " ")


def _tracked(run, *query: str) -> list[str]:  # noqa: ANN001
    done = run("track", *query, "--format", "json")
    assert done.code in (0, 1), done.err
    return [row["id"] for row in json.loads(done.out or "[]")]


# --- track's query: a topic word never matches inside an organisation's name -----------------

GUBKIN = "a000-gubkin-atyrau-branch"


@needs_seeds
def test_a_topic_word_in_any_form_does_not_match_inside_the_gubkin_universitys_name(run) -> None:  # noqa: ANN001
    """`kzru track --help`: "a word inside an organisation's name does not count". a002
    names «Российский университет нефти и газа им. И. Губкина»; «газа» and «нефти» are the
    very forms the name spells, and an analyst types them («транзит газа», «поставки
    нефти»). They find the gas and oil facts, as газ and нефть do, never the university's
    branch (round-14 track reader)."""
    assert "Российский университет нефти и газа им. И. Губкина" in _article("002")
    assert "газового сотрудничества" in _article("004")
    assert "поставках нефти и нефтепродуктов" in _article("001")
    assert run("track", "--help").out.count("organisation") >= 1
    for form, base in (("газа", "газ"), ("нефти", "нефть")):
        found = _tracked(run, form)
        assert GUBKIN not in found and "a000-expand-russian-university-branches" not in found
        assert found == _tracked(run, base) and found
    assert "a004-gas-cooperation-prospects" in _tracked(run, "газа")
    assert "a001-oil-supply-existing-agreements" in _tracked(run, "нефти")
    # a name still matches inside one: Губкина asks for the university
    assert GUBKIN in _tracked(run, "Губкина")


@needs_seeds
def test_transit_is_not_read_as_transition(run) -> None:  # noqa: ANN001
    """«транзит» is transit; the 2025 Declaration is «о переходе отношений» — a transition
    in its English summary, which an English stem shares with "transit" (round-14 track
    reader). Neither track nor search finds it by транзит; the gas transit does."""
    declaration = "a004-declaration-strategic-partnership-alliance"
    assert "транзит" not in FACTS[declaration]["evidence"].lower()
    assert "transition" in FACTS[declaration]["summary"].lower()
    assert "транзит в третьи страны" in _article("004")
    found = _tracked(run, "транзит")
    assert declaration not in found and "a004-gas-cooperation-prospects" in found
    explained = run("search", "транзит", "--explain", "--format", "json").out
    assert "transition" not in explained and declaration not in explained
    # the English word itself still finds what says transit
    assert "a004-gas-transit-third-countries" in run("search", "transit", "--format",
                                                     "json").out
