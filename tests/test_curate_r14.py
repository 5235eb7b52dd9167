"""Round 14's red-team findings on add, init and review, each pinned by a test.

The articles and pages here were written for these tests; expected values follow from the
rule each test names, never from a run of the code.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import folder_bytes, read_table, write_table  # noqa: E402

from kzru.curate import pipeline  # noqa: E402
from kzru.text import UNSHOWABLE  # noqa: E402

# Three lines of a made-up report: a headline, a dateline sentence, one more sentence.
ARTICLE = ("Встреча министров в Костанае\n"
           "КОСТАНАЙ, 9 июня 2026 – Министры сельского хозяйства подписали план по зерну.\n"
           "Стороны договорились о совместных поставках семян.\n")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


# -- finding 1: the same text, whatever its last lines, is one source ----------------------

@pytest.mark.parametrize("variant", [
    ARTICLE.rstrip("\n"),                            # the final newline dropped
    ARTICLE + "\n",                                  # a blank last line
    ARTICLE + "\n  \n\t\n",                          # blank lines holding spaces and tabs
    ARTICLE.replace(".\n", ".  \n"),                 # spaces at the lines' ends
    "\n" + ARTICLE,                                  # a blank first line
])
def test_a_copy_differing_only_in_line_ends_is_refused(empty: Path, tmp_path: Path, run,  # noqa: ANN001
                                                       variant: str) -> None:
    first = _write(tmp_path, "first.txt", ARTICLE)
    pipeline.add([first], empty)
    before = folder_bytes(empty)
    copy = _write(tmp_path, "copy.txt", variant)
    done = run("add", str(copy), "--data", str(empty))
    assert done.code == 2, done.out
    assert done.err.count("\n") == 1
    assert "already source a000" in done.err and "line ends" in done.err
    assert "nothing was written" in done.err
    assert folder_bytes(empty) == before


def test_a_row_whose_copy_is_gone_still_meets_its_text(empty: Path, tmp_path: Path,
                                                       run) -> None:  # noqa: ANN001
    """An older table's row has only its hash (its copy may not be beside the data): the
    new article's trimmed text, with or without a final newline, is hashed to meet it."""
    pipeline.add([_write(tmp_path, "first.txt", ARTICLE)], empty)
    (empty / "articles" / "first.txt").unlink()
    for number, variant in enumerate((ARTICLE.rstrip("\n"), ARTICLE + "\n\n")):
        copy = _write(tmp_path, f"copy{number}.txt", variant)
        done = run("add", str(copy), "--data", str(empty))
        assert done.code == 2 and "already source a000" in done.err, done.err


def test_a_stored_copy_with_trailing_blank_lines_meets_a_plain_one(empty: Path,
                                                                   tmp_path: Path,
                                                                   run) -> None:  # noqa: ANN001
    """The stored text kept every blank line it was read with; its sha256 is of exactly
    that text, and a copy without those lines is still the same text."""
    odd = ARTICLE + "\n\n"
    pipeline.add([_write(tmp_path, "first.txt", odd)], empty)
    row = read_table(empty, "sources")[0]
    assert row["sha256"] == hashlib.sha256(odd.encode("utf-8")).hexdigest()
    assert (empty / "articles" / "first.txt").read_bytes() == odd.encode("utf-8")
    done = run("add", str(_write(tmp_path, "plain.txt", ARTICLE)), "--data", str(empty))
    assert done.code == 2 and "already source a000" in done.err


def test_two_copies_on_one_command_line_are_refused(empty: Path, tmp_path: Path,
                                                    run) -> None:  # noqa: ANN001
    one = _write(tmp_path, "one.txt", ARTICLE)
    two = _write(tmp_path, "two.txt", ARTICLE + "\n")
    before = folder_bytes(empty)
    done = run("add", str(one), str(two), "--data", str(empty))
    assert done.code == 2 and f"already source {one}" in done.err
    assert folder_bytes(empty) == before


def test_a_text_with_one_word_changed_is_another_source(empty: Path, tmp_path: Path) -> None:
    pipeline.add([_write(tmp_path, "first.txt", ARTICLE)], empty)
    other = ARTICLE.replace("семян", "удобрений").rstrip("\n")
    pipeline.add([_write(tmp_path, "other.txt", other)], empty)
    assert [row["id"] for row in read_table(empty, "sources")] == ["a000", "a001"]


# -- finding 6: messages that name what is wrong -------------------------------------------

@pytest.mark.parametrize("line", ["КОСТАНАЙ, 31 апреля 2026 – ", "КОСТАНАЙ, 30.02.2026. "])
def test_an_impossible_dateline_day_is_named_as_such(empty: Path, tmp_path: Path, run,  # noqa: ANN001
                                                     line: str) -> None:
    """April has 30 days and February never 30: the dateline is there, its day is not."""
    text = ("Встреча министров в Костанае\n" + line +
            "Министры сельского хозяйства подписали план по зерну.\n")
    path = _write(tmp_path, "impossible.txt", text)
    before = folder_bytes(empty)
    done = run("add", str(path), "--data", str(empty))
    assert done.code == 2 and done.err.count("\n") == 1
    said = line[len("КОСТАНАЙ, "):].rstrip(" –.")
    assert f"{path}:2:11: " in done.err and f"«{said}»" in done.err, done.err
    assert "does not exist" in done.err and "--published" in done.err
    assert "no publication date found" not in done.err
    assert folder_bytes(empty) == before


def _one_draft(folder: Path, tmp_path: Path) -> str:
    pipeline.add([_write(tmp_path, "first.txt", ARTICLE)], folder)
    return read_table(folder, "facts")[0]["id"]


def test_accepting_the_same_id_twice_accepts_it_once(empty: Path, tmp_path: Path,
                                                     run) -> None:  # noqa: ANN001
    draft = _one_draft(empty, tmp_path)
    done = run("review", "--data", str(empty), "--accept", draft, "--accept", draft,
               "--set", "summary=Grain plan signed", "--set", "sectors=agriculture")
    assert done.code == 0, done.err
    assert done.out.startswith("1 accepted, 0 rejected")
    row = next(row for row in read_table(empty, "facts") if row["id"] == draft)
    assert row["review"] == "accepted" and row["summary"] == "Grain plan signed"


def test_an_id_both_accepted_and_rejected_is_refused(empty: Path, tmp_path: Path,
                                                      run) -> None:  # noqa: ANN001
    draft = _one_draft(empty, tmp_path)
    before = folder_bytes(empty)
    done = run("review", "--data", str(empty), "--accept", draft, "--reject", draft,
               "--set", "summary=Grain plan signed", "--set", "sectors=agriculture")
    assert done.code == 2 and done.err.count("\n") == 1
    assert f"{draft} is given to both --accept and --reject" in done.err
    assert folder_bytes(empty) == before


# -- finding 5: init's hint names the folder it made, pasted as it is shown ----------------

@pytest.mark.parametrize("name", ["nl\nx", "it's\\a\x1bb", "rtl\u202eevil", "tab\there\u00a0",
                                  "not-utf8-\udcff"])
def test_the_init_hint_pasted_into_bash_names_the_folder_made(tmp_path: Path, run,  # noqa: ANN001
                                                              name: str) -> None:
    import shutil
    import subprocess

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to paste into")
    folder = tmp_path / name
    done = run("init", "--empty", "--", str(folder))
    assert done.code == 0 and folder.is_dir()
    assert done.out.count("\n") == 1  # one line, shown safely: nothing left to escape
    assert not re.search(UNSHOWABLE, done.out.rstrip("\n"))
    argument = done.out.rstrip("\n").split(" --data ", 1)[1]
    pasted = subprocess.run([bash, "-c", f"printf '%s' {argument}"], capture_output=True,
                            env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}, check=True)
    assert pasted.stdout == os.fsencode(folder)


# -- findings 2 and 3: a saved page's control and invisible characters are never dropped
# unsaid; they are refused at the page's line and column, as a text file's are -------------

_PARAGRAPHS = (
    "<p>ПАВЛОДАР, 14 апреля 2026 – Губернаторы двух областей подписали меморандум об охране "
    "реки и договорились ежегодно обмениваться данными о качестве воды.</p>\n"
    "<p>Рабочая группа соберётся осенью в Омске, чтобы обсудить план очистки русла и "
    "строительство новых водозаборных станций на обоих берегах.</p>\n"
    "<p>Экологи двух стран подготовят общий доклад о состоянии реки к началу следующего "
    "года, сообщили в пресс-службе областного акимата.</p>\n")


def _page(title: str = "Охрана реки", site: str = "Речной вестник", head: str = "",
          body: str = "", menu: str = "") -> str:
    """A saved page: its article begins on line 6, so a character of ``body`` is on 9."""
    return (f"<html><head><title>{title}</title>\n"
            f'<meta property="og:site_name" content="{site}">\n'
            f"{head}\n</head><body><nav>Главная{menu}</nav>\n<article>\n"
            f"{_PARAGRAPHS}{body}\n</article></body></html>\n")


@pytest.mark.parametrize("body,column,code", [
    ("<p>Примечание&#x7; редакции.</p>", 14, "U+0007"),   # a reference: "no text" before
    ("<p>Примечание&#7; редакции.</p>", 14, "U+0007"),
    ("<p>Примечание\x07 редакции.</p>", 14, "U+0007"),    # a raw byte: dropped unsaid before
    ("<p>При&shy;мечание редакции.</p>", 7, "U+00AD"),
    ("<p>Примечание\u200b редакции.</p>", 14, "U+200B"),
])
def test_a_control_or_invisible_character_in_a_pages_text_is_refused_where_it_is(
        empty: Path, tmp_path: Path, run, body: str, column: int, code: str) -> None:  # noqa: ANN001
    page = _write(tmp_path, "river.html", _page(body=body))
    before = folder_bytes(empty)
    done = run("add", str(page), "--data", str(empty))
    assert done.code == 2 and done.err.count("\n") == 1
    assert f"{page}:9:{column}: {code} " in done.err and "article text" in done.err, done.err
    assert "no article text found" not in done.err
    assert folder_bytes(empty) == before


@pytest.mark.parametrize("page,where,part", [
    (_page(title="Охрана&#x1b;[2J реки &#x202e;evil"), "1:26", "headline"),
    (_page(site="Речной&#x7; вестник&#x202e;"), "2:46", "site name"),
    (_page(head='<link rel="canonical" href="https://river.example/a&#x1b;b">'), "3:52",
     "canonical link"),
])
def test_a_control_or_invisible_character_in_a_pages_metadata_is_refused(
        empty: Path, tmp_path: Path, run, page: str, where: str, part: str) -> None:  # noqa: ANN001
    path = _write(tmp_path, "river.html", page)
    done = run("add", str(path), "--data", str(empty))
    assert done.code == 2 and done.err.count("\n") == 1
    assert f"{path}:{where}: " in done.err and f"in the page's {part}" in done.err, done.err


def test_such_a_character_outside_what_add_takes_changes_nothing(empty: Path,
                                                                 tmp_path: Path) -> None:
    """A menu holding one is no part of the article: the page is added as it was, and
    a windows-1252 reference ("&#150;", a dash) is read as the dash HTML says it is."""
    page = _write(tmp_path, "river.html", _page(menu="&#x7;&shy;\x1b",
                                                body="<p>Итог &#150; меморандум.</p>"))
    pipeline.add([page], empty)
    text = (empty / "articles" / "river.txt").read_text(encoding="utf-8")
    assert "Главная" not in text and "Итог \u2013 меморандум." in text
    row = read_table(empty, "sources")[0]
    assert (row["title"], row["publisher"]) == ("Охрана реки", "Речной вестник")


def test_a_site_name_is_taken_and_quoted_as_the_page_gives_it(empty: Path, tmp_path: Path,
                                                               run) -> None:  # noqa: ANN001
    formula = _write(tmp_path, "formula.html", _page(site="=HYPERLINK(&quot;http://e&quot;)"))
    done = run("add", str(formula), "--data", str(empty))
    assert done.code == 2
    assert """'=HYPERLINK("http://e")'""" in done.err, done.err
    lower = _write(tmp_path, "lower.html", _page(site="речной вестник"))
    pipeline.add([lower], empty)
    assert read_table(empty, "sources")[0]["publisher"] == "речной вестник"


# -- finding 4: a page's date markup against its own dateline -------------------------------

def _dated_page(markup: str, dateline: str) -> str:
    body = _PARAGRAPHS.replace("ПАВЛОДАР, 14 апреля 2026 – ", f"ПАВЛОДАР, {dateline} – ")
    return ("<html><head><title>Охрана реки</title>\n"
            f'<meta property="article:published_time" content="{markup}">\n'
            f"</head><body><article>\n{body}</article></body></html>\n")


@pytest.mark.parametrize("markup,dateline,published,basis", [
    ("2025-04-14", "14 апреля 2026", "2026-04-14", "stated"),    # a year off: the dateline
    ("2026-04-13", "14 апреля", "2026-04-14", "inferred"),       # a day off (UTC), no year
    ("2026-03-30", "2 апреля", "2026-04-02", "inferred"),        # across a month's end
    ("2026-01-01", "31 декабря", "2025-12-31", "inferred"),      # and a year's
])
def test_a_dateline_that_disagrees_with_the_date_markup_is_taken_and_said(
        empty: Path, tmp_path: Path, run, markup: str, dateline: str, published: str,  # noqa: ANN001
        basis: str) -> None:
    page = _write(tmp_path, "river.html", _dated_page(markup, dateline))
    done = run("add", str(page), "--data", str(empty))
    assert done.code == 0, done.err
    assert done.err.count("\n") == 1 and done.err.startswith(f"kzru: warning: {page}: ")
    assert f"says {markup}, its dateline «{dateline}»" in done.err and "is taken" in done.err
    row = read_table(empty, "sources")[0]
    assert (row["published"], row["published_precision"], row["published_basis"]) == \
        (published, "day", basis)
    assert markup in row["published_note"] and dateline in row["published_note"]
    # no draft is dated to the markup's day any more
    assert all(fact["date"] != markup for fact in read_table(empty, "facts")
               if fact["date_precision"] == "day")


def test_a_yearless_dateline_far_from_the_markup_leaves_the_markup_and_says_so(
        empty: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    page = _write(tmp_path, "river.html", _dated_page("2026-02-10", "14 июля"))
    done = run("add", str(page), "--data", str(empty))
    assert done.code == 0 and done.err.startswith(f"kzru: warning: {page}: ")
    assert "the markup's date is kept" in done.err
    row = read_table(empty, "sources")[0]
    assert (row["published"], row["published_basis"]) == ("2026-02-10", "stated")
    assert "14 июля" in row["published_note"] and "checked" in row["published_note"]


def test_markup_and_dateline_that_agree_say_nothing(empty: Path, tmp_path: Path,
                                                    run) -> None:  # noqa: ANN001
    page = _write(tmp_path, "river.html", _dated_page("2026-04-14", "14 апреля 2026"))
    done = run("add", str(page), "--data", str(empty))
    assert done.code == 0 and done.err == ""
    assert read_table(empty, "sources")[0]["published_note"].startswith("The page's publication")
    given = _write(tmp_path, "given.html", _dated_page("2025-04-14", "15 апреля 2026"))
    done = run("add", str(given), "--data", str(empty), "--published", "2026-04-15")
    assert done.code == 0 and done.err == ""  # --published settles it: nothing to warn of


TALKS = ("Переговоры в Москве\n"
         "МОСКВА, 7 марта 2026 – Президенты Казахстана и России провели переговоры в Москве.\n"
         "По итогам встречи стороны подписали соглашение о поставках газа.\n")


@pytest.mark.parametrize("date,precision,days", [
    ("2025-03-07", "day", 365),      # a year before its event's day
    ("2026-10-01", "month", 208),    # October 2026: its first day is 208 days after
    ("2026-09-05", "day", None),     # 182 days: near enough
    ("2025-01-01", "year", None),    # a year says too little to tell
])
def test_check_flags_a_draft_dated_far_from_its_event(empty: Path, tmp_path: Path, run,  # noqa: ANN001
                                                      date: str, precision: str,
                                                      days: int | None) -> None:
    pipeline.add([_write(tmp_path, "talks.txt", TALKS)], empty)
    facts = read_table(empty, "facts")
    assert [fact["event"] for fact in facts] == ["2026-03-talks-moskva"] * 2
    facts[1].update(date=date, date_precision=precision)
    write_table(empty, "facts", facts)
    done = run("check", "--data", str(empty))
    assert done.code == 0
    flagged = [line for line in done.err.splitlines() if "from its event" in line]
    if days is None:
        assert flagged == []
    else:
        assert flagged == [f"kzru: warning: {empty / 'facts.csv'}:3:4: draft {facts[1]['id']} "
                           f"is dated {date[:7] if precision == 'month' else date}, {days} days "
                           "from its event 2026-03-talks-moskva (from 2026-03-07): misdated, or "
                           "another event's? (change the date or the event)"]
