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
