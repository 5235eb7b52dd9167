"""Tables at a terminal of 60, 80 and 120 columns (issue 17): many wide --fields never overflow
the width nor cut a word without marking the cut with "…", and the "reported by N sources" note
sits in the summary's column, after the fact's id, at every width.

Expected values come from the same command piped (TSV: the data, one row a line), never from
the screen itself.
"""

from __future__ import annotations

import re

import pytest
from conftest import read_table, terminal

from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = {f["id"]: f for f in read_table(DATA, "facts") if f["review"] == "accepted"}
WIDE = {
    "facts": ("facts", "--limit", "4", "--fields",
              "id,date,date_precision,date_basis,status,kind,sectors,event,source,speaker,"
              "source_title,summary,source_url,sources_count"),
    "search": ("search", "атом", "--limit", "3", "--fields",
               "id,date,status,kind,sectors,event_title,source_publisher,source_url,summary,"
               "score"),
    "track": ("track", "--limit", "3", "--fields",
              "id,date,date_precision,status,role,voice,event,source,summary,verdict,later,"
              "reason,kind,sectors"),
    "all": ("facts", "--limit", "2", "--fields", "all"),
}


def _words(args: tuple[str, ...], run) -> set[str]:
    """Every word the rows hold, as the pipe prints them (TSV), and the field names."""
    done = run("--format", "tsv", *args)
    assert done.code == 0, done.err
    words = set()
    for line in done.out.splitlines():
        for cell in line.split("\t"):
            words |= {word.strip(";,") for word in cell.split()}
    # a table shows a date at its precision (2022-02 for a month), the pipe the full date
    words |= {word[:n] for word in words if re.fullmatch(r"\d{4}-\d\d-\d\d", word)
              for n in (4, 7)}
    return words


def _cut_words(shown: str, words: set[str]) -> list[str]:
    """Words on the screen that are not whole words of the data: a word cut without a mark.
    A piece ending in "…" is a marked cut: joined with what follows, it must be whole."""
    tokens = [token.strip(";,") for line in shown.splitlines()
              if not re.match(r"(read as:|\d+ of \d+|Not shown:|─)", line)
              for token in line.split()]
    wrong, joined = [], ""
    for token in tokens:
        if token.endswith("…"):
            joined += token[:-1]
            continue
        whole, joined = joined + token, ""
        if whole not in words:
            wrong.append(whole)
    return wrong


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("name", sorted(WIDE))
def test_many_wide_fields_fit_and_keep_words_whole(run, name: str, columns: int) -> None:
    args = WIDE[name]
    shown = terminal("--no-color", "--no-pager", *args, columns=columns)
    assert "Traceback" not in shown
    assert [line for line in shown.splitlines() if len(line) > columns] == []
    assert _cut_words(shown, _words(args, run)) == []
    # every value of every row is on the screen (nothing dropped to make it fit)
    piped = run("--format", "tsv", *args).out.splitlines()
    flat = " ".join(re.sub(r"…\n\s*", "", shown).split())
    for line in piped[1:]:
        for cell in line.split("\t"):
            for word in cell.split():
                word = word.strip(";,")
                assert word in flat or (re.fullmatch(r"\d{4}-\d\d-\d\d", word) and
                                        (word[:7] in flat or word[:4] in flat)), word


def test_a_url_longer_than_the_terminal_is_cut_with_a_mark(run) -> None:
    url = max((f for f in read_table(DATA, "sources")), key=lambda s: len(s["url"]))["url"]
    assert len(url) > 60
    shown = terminal("--no-color", "--no-pager", "sources", "--fields", "id,url",
                     columns=60)
    pieces = [line.split()[-1] for line in shown.splitlines() if line.split() and
              (url.startswith(line.split()[-1].rstrip("…")) or line.split()[-1].rstrip("…")
               in url)]
    assert "".join(piece.rstrip("…") for piece in pieces).count(url) == 1
    assert all(piece.endswith("…") for piece in pieces[:-1]) and len(pieces) > 1


# -- "reported by N sources": its own lines, in the summary's column, after the id -----------

NOTE = {"en": "reported by {n} sources (also: {ids})", "ru": "источников: {n} (также: {ids})"}


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_reported_by_sits_in_the_summary_column(lang: str, columns: int) -> None:
    corroborated = [f for f in FACTS.values() if f["same_as"] and "омск" in
                    (f["summary"] + f["text"]).casefold()]
    assert len(corroborated) >= 2
    shown = terminal("--no-color", "--no-pager", "--lang", lang, "search", "Омск",
                     columns=columns)
    lines = shown.splitlines()
    header = next(line for line in lines if "(id)" in line)
    column = header.index("(пересказ)" if lang == "ru" else "Summary")
    if lang == "ru":
        column = header.index("Текст")
    seen = 0
    for fact in corroborated:
        others = fact["same_as"].split("; ")
        note = NOTE[lang].format(n=1 + len(others), ids=", ".join(others))
        own = [n for n, line in enumerate(lines) if line.strip() == fact["id"]]
        if not own:
            continue
        seen += 1
        start = own[0] + 1
        taken, end = "", start
        while end < len(lines) and len(" ".join(taken.split())) < len(note):
            taken += " " + lines[end].strip()
            end += 1
        assert " ".join(taken.split()) == note, lines[start:end]
        for line in lines[start:end]:
            # in the column; an id too long for it ends at the terminal's edge instead
            indent = len(line) - len(line.lstrip())
            alone = " " not in line.strip() and len(line.strip()) > columns - column
            assert indent == column or (alone and len(line) == columns), (columns, line)
    assert seen >= 2
