"""Citations under ``--lang ru`` (kzru.cite): every word kzru adds around the data is the
reader's language in every format a person reads — that the article's date was inferred, the
word "file", the fact's status — and none of the English ones is left. The data (headline,
evidence) is never translated. The fact and its source are read from the CSV here.
"""

from __future__ import annotations

import pytest
from conftest import read_table

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = {row["id"]: row for row in read_table(DATA, "facts")}
SOURCES = {row["id"]: row for row in read_table(DATA, "sources")}
FACT = "a001-putin-state-visit-arrival"


@pytest.mark.parametrize("fmt", ["text", "md", "bibtex"])
def test_russian_citation_says_its_own_words_in_russian(run, fmt: str) -> None:  # noqa: ANN001
    fact = FACTS[FACT]
    source = SOURCES[fact["source"]]
    # the case: an article whose date was inferred, a fact that took place
    assert source["published_basis"] == "inferred" and fact["status"] == "done"
    russian = run("cite", FACT, "--format", fmt, "--lang", "ru")
    english = run("cite", FACT, "--format", fmt)
    assert russian.code == english.code == 0
    assert "date inferred" in english.out and "дата выведена" in russian.out
    assert "date inferred" not in russian.out
    assert "файл" in russian.out.casefold() and "file " not in russian.out.casefold()
    assert "состоялось" in russian.out and "(done," not in russian.out
    assert fact["evidence"][:40] in " ".join(russian.out.split())  # the data as it is


def test_bibtex_keeps_an_address_verbatim_but_for_percent_signs_and_braces(
        run, data_copy) -> None:  # noqa: ANN001
    """biblatex reads ``url`` verbatim: underscores and tildes stay as they are (TeX escapes
    would become part of the address); a percent sign would start a comment and is escaped,
    braces would unbalance the entry and are percent-encoded (%7B, %7D, the RFC 3986 form)."""
    from conftest import write_table

    address = "https://example.org/a_b~c%20d{x}"
    rows = read_table(data_copy, "sources")
    source = next(row for row in rows if not row["url"])
    source["url"] = address
    write_table(data_copy, "sources", rows)
    fact = next(row["id"] for row in FACTS.values() if row["source"] == source["id"])
    done = run("cite", fact, "--format", "bibtex", "--data", str(data_copy))
    assert done.code == 0, done.err
    assert "  url = {https://example.org/a_b~c\\%20d%7Bx%7D}," in done.out.splitlines()


def _keys(run, folder) -> dict[str, str]:  # noqa: ANN001
    """Source id -> the citation key its item carries, citing one fact of every source."""
    firsts = {}
    for row in FACTS.values():
        firsts.setdefault(row["source"], row["id"])
    import json

    done = run("cite", *firsts.values(), "--format", "json", "--data", str(folder))
    assert done.code == 0, done.err
    return {item["custom"]["kzru_source"]: item["id"] for item in json.loads(done.out)}


def test_keys_that_collide_take_a_b_in_source_id_order(run, data_copy) -> None:  # noqa: ANN001
    """Two articles of one outlet, year and headline word: a and b, the lower id first; the
    other articles keep their keys without a letter."""
    from conftest import write_table

    rows = read_table(data_copy, "sources")
    by_id = {row["id"]: row for row in rows}
    assert by_id["a002"]["published"][:4] == by_id["a004"]["published"][:4] == "2025"
    by_id["a002"].update(publisher="Kazinform", title=by_id["a004"]["title"])
    write_table(data_copy, "sources", rows)
    keys = _keys(run, data_copy)
    assert keys["a002"] == "kazinform2025gosvizita"
    assert keys["a004"] == "kazinform2025gosvizitb"
    assert keys["a003"] == "mir242022putin" and keys["a001"] == "cmnkz2024a001"


@pytest.mark.parametrize(("url", "site"), [
    ("https://www.news.example.org/item", "example"),
    ("https://m.tass.ru/politika/1", "tass"),
    # a host of two labels, one of them www (a local mirror): the name is the other one
    ("http://www.archive/item", "archive"),
    ("http://archive:8080/item", "archive"),
])
def test_a_key_without_an_outlet_takes_the_main_name_of_the_host(run, data_copy, url: str,  # noqa: ANN001
                                                                  site: str) -> None:
    """No publisher: the site of the URL, the name before the top-level domain, not the
    first label of a host with several (news.example.org -> example); www, m and amp are
    no names."""
    from conftest import write_table

    rows = read_table(data_copy, "sources")
    by_id = {row["id"]: row for row in rows}
    assert not by_id["a000"]["publisher"] and not by_id["a000"]["title"]
    by_id["a000"]["url"] = url
    write_table(data_copy, "sources", rows)
    assert _keys(run, data_copy)["a000"] == f"{site}2022a000"
