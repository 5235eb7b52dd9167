"""Citations by the rules the README and the CSL-JSON schema state, on the bundled table and on
copies whose sources are changed to reach every case: a year-precision date, a stated date,
a URL, a title full of Markdown's special characters.

Expected values come from sources.csv and facts.csv read here, and from the rules: the date at
its precision, "(date inferred)" / CSL "circa" unless stated, the publisher or a bracketed
stand-in, the headline or a bracketed description, the evidence quoted in «», the file, the
address when known; Markdown escapes the data so that it stays text.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import read_table, write_table

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = {row["id"]: row for row in read_table(DATA, "facts")}
SOURCES = {row["id"]: row for row in read_table(DATA, "sources")}
EVENTS = {row["id"]: row for row in read_table(DATA, "events")}


def csl(run, *args: str) -> list[dict]:  # noqa: ANN001
    done = run("cite", *args, "--format", "json")
    assert done.code == 0, done.err
    return json.loads(done.out)


def change_source(folder: Path, source_id: str, **cells: str) -> None:
    rows = read_table(folder, "sources")
    for row in rows:
        if row["id"] == source_id:
            row.update(cells)
    write_table(folder, "sources", rows)


def test_csl_item_holds_the_article_and_the_fact_cited(run) -> None:
    """One item per article (issue 17.1): its key, the article's fields, and the fact cited
    as the note (locator and quoted evidence) and in custom."""
    fact = FACTS["a004-declaration-strategic-partnership-alliance"]
    source = SOURCES[fact["source"]]
    assert source["publisher"] and source["title"] and source["published_basis"] == "stated"
    (item,) = csl(run, fact["id"])
    year, month, day = map(int, source["published"].split("-"))
    accessed = {}
    if source["url"] and any(ch.isdigit() for ch in source["url_note"]):
        import re

        found = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", source["url_note"])
        if found:
            accessed = {"accessed": {"date-parts": [[int(x) for x in found.groups()]]}}
    assert item == {
        "id": "kazinform2025gosvizit",  # publisher, year, the headline's first telling word
        "type": "article-newspaper",
        "title": source["title"],
        "issued": {"date-parts": [[year, month, day]]},  # stated: no "circa"
        "language": "ru",  # every article is in Russian
        "archive_location": source["file"],
        "note": f"kzru {fact['id']} ({fact['status']}, {fact['date']}): «{fact['evidence']}»",
        "custom": {"kzru_source": source["id"], "kzru_facts": [fact["id"]],
                   "published_basis": source["published_basis"]},
        "container-title": source["publisher"],
        "publisher": source["publisher"],
        **({"URL": source["url"]} if source["url"] else {}),  # the address, when known
        **accessed,
    }


def test_csl_item_of_an_untitled_unnamed_inferred_article(run) -> None:
    fact = FACTS["a000-cip-bolashak-memoranda"]
    source = SOURCES[fact["source"]]
    assert not source["publisher"] and not source["title"]
    assert source["published_basis"] == "inferred"
    (item,) = csl(run, fact["id"])
    assert item["title"] == "[headline not given]"  # never a title made from the event
    assert item["issued"] == {"date-parts": [[2022, 2]], "circa": True}
    assert "publisher" not in item and "container-title" not in item
    assert item.get("URL") == (source["url"] or None)


def test_a_year_precision_stated_article_with_an_address(run, data_copy: Path) -> None:
    change_source(data_copy, "a000", published="2022-01-01", published_precision="year",
                  published_basis="stated", url="https://example.org/a000",
                  title="Title * with _ [markup] <b> | `code` \\ chars, X", publisher="Pub*")
    fact_id = "a000-cip-bolashak-memoranda"
    (item,) = csl(run, fact_id, "--data", str(data_copy))
    assert item["issued"] == {"date-parts": [[2022]]}
    assert item["URL"] == "https://example.org/a000"
    assert item["id"] == "pub2022title"
    text = run("cite", fact_id, "--data", str(data_copy)).out
    first = text.splitlines()[0]
    assert first == ("Pub*. «Title * with _ [markup] <b> | `code` \\ chars, X». 2022. "
                     "File 000_d1d8b5bb9fbf5349.txt. https://example.org/a000 [pub2022title]")
    md = run("cite", fact_id, "--data", str(data_copy), "--format", "md").out
    # only Markdown's own characters are escaped; a letter stays as it is
    escaped = "Title \\* with \\_ \\[markup\\] \\<b\\> \\| \\`code\\` \\\\ chars, X"
    assert md.splitlines()[0] == (f"- Pub\\*, [{escaped}](https://example.org/a000), 2022 "
                                  "(file `000_d1d8b5bb9fbf5349.txt`) `[@pub2022title]`")


def test_text_and_markdown_quote_the_evidence_and_name_the_fact(run) -> None:
    fact = FACTS["a000-cip-bolashak-memoranda"]
    url = SOURCES["a000"]["url"]
    text = run("cite", fact["id"]).out.splitlines()
    assert text[0] == ("[outlet not named]. [headline not given]. "
                       f"2022-02 (date inferred). File {SOURCES['a000']['file']}."
                       + (f" {url}" if url else "") + " [unnamed2022a000]")
    assert text[1] == f"  kzru {fact['id']} ({fact['status']}, 2022-02)"
    assert text[2] == f"    «{fact['evidence']}»"
    md = run("cite", fact["id"], "--format", "md").out.splitlines()
    title = "\\[headline not given\\]"
    title = f"[{title}]({url})" if url else f"*{title}*"
    assert md[0] == (f"- \\[outlet not named\\], {title}, "
                     f"2022-02 (date inferred) (file `{SOURCES['a000']['file']}`) "
                     "`[@unnamed2022a000]`")
    assert md[1] == f"  - kzru {fact['id']} ({fact['status']}, 2022-02)  "
    assert md[2] == f"    > «{fact['evidence']}»"


def test_a_fact_outside_any_event_has_its_articles_title(run) -> None:
    loose = next(row for row in FACTS.values()
                 if not row["event"] and not SOURCES[row["source"]]["title"])
    (item,) = csl(run, loose["id"])
    assert item["title"] == "[headline not given]"


def test_lang_ru_says_the_headline_is_missing_in_russian(run) -> None:
    fact = FACTS["a000-cip-bolashak-memoranda"]
    (item,) = csl(run, fact["id"], "--lang", "ru")
    assert item["title"] == "[заголовок не указан]"
    assert EVENTS[fact["event"]]["title_ru"] not in json.dumps(item, ensure_ascii=False)
