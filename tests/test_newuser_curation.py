"""The new user's curation findings (audits/2026-12-05-newuser-walk.md): add's summary table,
a done fact dated after its article, same_as proposals, review --list formats, scripted review.

Every article here is written for the test: general Russian news sentences, none taken from
the bundled articles.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import terminal

from kzru import lint as linting
from kzru import store
from kzru.model import Fact, Source

ARTICLE = "\n".join([
    "Астана, 5 марта 2026 года",
    "",
    "Президенты двух стран провели переговоры в Астане.",
    "По итогам встречи министры Казахстана и России подписали соглашение о поставках газа.",
    "Министры транспорта договорились о строительстве новой железнодорожной линии.",
    "В прошлом году товарооборот вырос на 12,5 процента.",
    "",
])


def _fact(status: str, day: date, precision: str) -> Fact:
    fields = {name: "" for name in Fact._fields}
    fields.update(id="x", status=status, date=day, date_precision=precision, evidence="",
                  sectors=(), names=(), follows=(), same_as=(), value=None, source="a0")
    return Fact(**fields)


def _source(day: date, precision: str = "day") -> Source:
    fields = {name: "" for name in Source._fields}
    fields.update(id="a0", published=day, published_precision=precision)
    return Source(**fields)


# -- a fact that says it happened cannot be dated after its article ---------------------------

@pytest.mark.parametrize(("status", "day", "precision", "published", "published_precision",
                          "after"), [
    ("done", date(2027, 1, 1), "year", date(2026, 3, 5), "day", True),   # 2027 > 2026
    ("done", date(2026, 1, 1), "year", date(2026, 3, 5), "day", False),  # 2026 holds 03-05
    ("signed", date(2026, 4, 1), "month", date(2026, 3, 5), "day", True),
    ("agreed", date(2026, 3, 1), "month", date(2026, 3, 5), "day", False),
    ("done", date(2026, 3, 6), "day", date(2026, 3, 5), "day", True),
    ("done", date(2026, 3, 20), "day", date(2026, 3, 1), "month", False),  # same month
    ("planned", date(2027, 1, 1), "year", date(2026, 3, 5), "day", False),  # a plan may
    ("expected", date(2027, 1, 1), "year", date(2026, 3, 5), "day", False),
])
def test_happened_after_its_article_at_precision(status: str, day: date, precision: str,
                                                 published: date, published_precision: str,
                                                 after: bool) -> None:
    assert linting.after_publication(_fact(status, day, precision),
                             _source(published, published_precision)) is after


def _move_a_done_fact_past_its_article(folder: Path) -> str:
    path = folder / "facts.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    row = next(r for r in rows if r["status"] == "done")
    row["date"], row["date_precision"] = "2030-01-01", "year"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return row["id"]


def test_check_warns_and_strict_fails_on_a_done_fact_after_its_article(data_copy: Path,
                                                                        run) -> None:
    assert not [w for w in linting.lint(store.load(data_copy))
                if getattr(w, "kind", "") == "future"]
    moved = _move_a_done_fact_past_its_article(data_copy)
    plain = run("check", "--data", str(data_copy))
    assert plain.code == 0
    assert f"{moved} is 'done' but dated 2030, after its article" in plain.err
    strict = run("check", "--data", str(data_copy), "--strict")
    assert strict.code == 2 and f"{moved} is 'done' but dated 2030" in strict.err
    assert re.search(r"facts\.csv:\d+:4: " + re.escape(moved), strict.err)  # the date column


# -- kzru add's summary table ------------------------------------------------------------------

pytest.importorskip("natasha")

from kzru.curate import pipeline  # noqa: E402
from kzru.curate.corroborate import propose  # noqa: E402
from kzru.curate.review import Session  # noqa: E402


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_add_summary_never_crops_ids_file_names_or_numbers(tmp_path: Path, run,
                                                          columns: int) -> None:
    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    name = "a-rather-long-saved-page-about-the-talks.txt"
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    shown = terminal("add", str(tmp_path / name), "--data", str(folder), "--no-color",
                     columns=columns)
    table = shown[shown.index("Drafted into"):]
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert "…" not in table
    assert re.search(r"^a000 ", table, re.M)  # the source id whole
    assert any(line.strip() == name or f" {name}" in line for line in lines)
    # seconds, when there is room, with both decimals; otherwise named as not shown
    assert re.search(r"\b\d+\.\d\d\b", table) or "Seconds" in table.split("Not shown")[-1]
    drafted = len(store.load(folder).facts)
    row = next(line for line in lines if line.startswith("a000 "))
    assert re.search(rf"\s{drafted}(\s|$)", row)  # the drafts count, whole
    assert "--fields" not in table  # add has none: the note says what to do instead


# -- same_as proposals agree on the date and the named object --------------------------------

def _draftlike(fact_id: str, source: str, text: str, day: date, event: str = "",
               precision: str = "day") -> Fact:
    fields = {name: "" for name in Fact._fields}
    fields.update(id=fact_id, source=source, text=text, kind="document", event=event,
                  date=day, date_precision=precision, sectors=(), follows=(), same_as=(),
                  value=None, names=("Казахстан",), status="signed")
    return Fact(**fields)


def test_same_as_needs_the_same_object_and_date() -> None:
    gas = _draftlike("a0-s1", "a0", "Казахстан и Россия подписали соглашение о поставках газа.",
                     date(2026, 3, 5))
    oil = _draftlike("a1-s1", "a1", "Казахстан и Россия подписали соглашение о поставках нефти.",
                     date(2026, 3, 5))
    later = gas._replace(id="a1-s2", source="a1", date=date(2026, 3, 6))
    reworded = _draftlike("a1-s3", "a1", "Казахстан и Россия подписали соглашение о поставках "
                          "российского газа.", date(2026, 3, 5))
    in_year = gas._replace(id="a1-s4", source="a1", date=date(2026, 1, 1),
                           date_precision="year")
    assert propose(oil, [gas]) == ()  # oil is not gas
    assert propose(later, [gas]) == ()  # 6 March is not 5 March
    assert propose(reworded, [gas]) == ("a0-s1",)  # an inserted word is no other object
    assert propose(in_year, [gas]) == ("a0-s1",)  # "in 2026" holds 5 March
    same_event = later._replace(event="e1")
    assert propose(same_event, [gas._replace(event="e1")]) == ("a0-s1",)


# -- review: proposals need a yes; --list formats; scripted edits ----------------------------

@pytest.fixture
def two_reports(tmp_path: Path, run) -> Path:
    """Two articles reporting the same signing on the same day: the second's draft proposes
    the first's as same_as."""
    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    first = tmp_path / "first.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text(ARTICLE.replace("Президенты двух стран", "Лидеры Казахстана и России")
                      .replace("министры Казахстана", "министры энергетики Казахстана"),
                      encoding="utf-8")
    pipeline.add([first], folder)
    pipeline.add([second], folder)
    return folder


def _signed(folder: Path, source: str) -> str:
    return next(f.id for f in store.load(folder).facts.values()
                if f.source == source and f.text.startswith("По итогам"))


def test_a_proposed_same_as_is_kept_only_when_confirmed(two_reports: Path, run) -> None:
    first, second = _signed(two_reports, "a000"), _signed(two_reports, "a001")
    assert store.load(two_reports).facts[second].same_as == (first,)
    data = ["--data", str(two_reports)]
    accept_first = run("review", *data, "--accept", first, "--set", "summary=Signed.",
                       "--set", "sectors=energy")
    assert accept_first.code == 0, accept_first.err
    session = Session(two_reports)
    session.accept(second, {"summary": "Signed.", "sectors": "energy"})  # no yes given
    session.save()
    loaded = store.load(two_reports)
    assert loaded.facts[second].same_as == () and loaded.facts[first].same_as == ()


def test_a_confirmed_same_as_is_written_on_both_sides(two_reports: Path, run) -> None:
    first, second = _signed(two_reports, "a000"), _signed(two_reports, "a001")
    data = ["--data", str(two_reports)]
    assert run("review", *data, "--accept", first, "--set", "summary=Signed.", "--set",
               "sectors=energy").code == 0
    confirmed = run("review", *data, "--accept", second, "--set", "summary=Signed.",
                    "--set", "sectors=energy", "--set", f"same_as={first}")
    assert confirmed.code == 0, confirmed.err
    loaded = store.load(two_reports)
    assert loaded.facts[second].same_as == (first,) and loaded.facts[first].same_as == (second,)


def test_review_at_a_terminal_asks_for_each_proposed_link(two_reports: Path) -> None:
    from test_curate_review import _Terminal

    first, second = _signed(two_reports, "a000"), _signed(two_reports, "a001")
    session = Session(two_reports)
    session.accept(first, {"summary": "Signed.", "sectors": "energy"})
    session.save()
    for other in list(Session(two_reports).drafts()):
        if other != second:
            session = Session(two_reports)
            session.reject(other)
            session.save()
    screen = _Terminal(two_reports, NO_COLOR="1")
    screen.wait_for(f"same as? {first}".encode())
    screen.wait_for(b"> ")
    screen.type(b"e")
    screen.wait_for(b"edit >")
    screen.type(b"summary: The ministers signed a gas supply agreement.")
    screen.wait_for(b"agreement.\r\n")
    screen.type(b"")
    screen.wait_for(b"summary The ministers signed")  # the draft shown again, as edited
    screen.type(b"a")
    screen.wait_for(f"same fact as {first}".encode())
    screen.type(b"y")
    screen.wait_for(b"accepted")
    screen.close()
    loaded = store.load(two_reports)
    assert loaded.facts[second].same_as == (first,)
    assert loaded.facts[second].summary == "The ministers signed a gas supply agreement."


def test_review_list_honours_the_format(two_reports: Path, run) -> None:
    data = ["--data", str(two_reports), "review", "--list"]
    drafts = Session(two_reports).drafts()
    listed = run(*data, "--format", "json")
    assert listed.code == 0
    parsed = json.loads(listed.out)
    assert [row["id"] for row in parsed] == drafts
    long = next(row["text"] for row in parsed if len(row["text"]) > 80)
    assert long in listed.out  # never cut
    tsv = run(*data, "--format", "tsv").out.splitlines()
    assert tsv[0].split("\t")[:3] == ["id", "source", "status"] and len(tsv) == len(drafts) + 1
    assert long in run(*data).out  # a pipe: TSV with the whole sentence
    rows = list(csv.DictReader(run(*data, "--format", "csv").out.splitlines()))
    assert [r["id"] for r in rows] == drafts
    jsonl = run(*data, "--format", "jsonl").out.splitlines()
    assert [json.loads(line)["id"] for line in jsonl] == drafts
    assert run(*data, "--format", "md").out.startswith("| id | source |")


def test_review_list_table_folds_at_spaces(two_reports: Path) -> None:
    shown = terminal("--data", str(two_reports), "review", "--list", "--no-color",
                     columns=60)
    lines = shown.splitlines()
    assert lines[0].split()[:2] == ["Draft", "Status"]
    assert max(len(line) for line in lines) <= 60
    from kzru.commands.review_list import own_event

    # the sentence's words, and those of the event it belongs to, named after it
    session = Session(two_reports)
    words = {w for fact in store.load(two_reports).facts.values()
             for w in (fact.text + own_event(session, fact.event, "en")).split()}
    sentence_words = [w for line in lines[2:] if re.match(r"(a\d{3}-s\d{3}|\s)", line)
                      for w in line[line.find("  ", 10):].split()
                      if not re.fullmatch(r"a\d{3}-s\d{3}|\d{4}(-\d\d){0,2}|[a-z]+", w)]
    assert sentence_words and all(w in words for w in sentence_words)


def test_quitting_says_how_many_drafts_are_left(two_reports: Path) -> None:
    from test_curate_review import _Terminal

    total = len(Session(two_reports).drafts())
    screen = _Terminal(two_reports, NO_COLOR="1")
    screen.wait_for(b"draft 1 of")
    screen.wait_for(b"> ")
    screen.type(b"s")
    screen.wait_for(b"draft 2 of")
    screen.type(b"r")
    screen.wait_for(b"draft 3 of")
    screen.type(b"q")
    screen.wait_for(b"left for next time")
    screen.close()
    # one skipped and every draft not reached are left; one was decided
    assert f"1 decided; {total - 1} left for next time".encode() in screen.seen


def test_scripted_accept_sets_fields_and_the_event_title(two_reports: Path, run) -> None:
    first = _signed(two_reports, "a000")
    event = store.load(two_reports).facts[first].event
    assert event
    data = ["--data", str(two_reports)]
    done = run("review", *data, "--accept", first, "--set", "summary=Gas deal signed.",
               "--set", "sectors=energy", "--set", "event_title=Astana talks, March 2026")
    assert done.code == 0, done.err
    loaded = store.load(two_reports)
    assert loaded.facts[first].summary == "Gas deal signed."
    assert loaded.events[event].title_en == "Astana talks, March 2026"
    assert loaded.events[event].review == "accepted"
    again = run("review", *data, "--accept", _signed(two_reports, "a001"), "--set",
                "event_title=Other")
    assert again.code == 2 or loaded.facts[_signed(two_reports, "a001")].event != event
    unknown = run("review", *data, "--accept", first, "--set", "colour=red")
    assert unknown.code == 2 and "--set 'colour=red'" in unknown.err
    alone = run("review", *data, "--set", "summary=x")
    assert alone.code == 2 and "--accept" in alone.err


def test_review_refuses_to_accept_a_done_fact_after_its_article(tmp_path: Path, run) -> None:
    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    article = tmp_path / "plan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    pipeline.add([article], folder)
    talks = next(f.id for f in store.load(folder).facts.values() if "переговоры" in f.text)
    refused = run("review", "--data", str(folder), "--accept", talks, "--set", "summary=Talks.",
                  "--set", "sectors=politics", "--set", "date=2027-01-01", "--set",
                  "date_precision=year")
    assert refused.code == 2
    assert f"{talks} is 'done' but dated 2027, after its article a000 (2026-03-05)" in \
        refused.err


def test_help_examples_use_no_developer_folder() -> None:
    from test_output import help_examples

    assert not [e for e in help_examples() if "../shared" in e]


def test_a_folder_of_drafts_says_why_a_listing_is_empty(two_reports: Path, run) -> None:  # noqa: ANN001
    """A new user adds articles and lists the folder: every row is a draft, left out of
    listings, so the answer is empty (exit 1) — with one line on stderr saying how many
    drafts were left out and how to see or decide them; stdout stays the empty listing. With
    --drafts, or on a folder without drafts, no such line."""
    drafts = sum(1 for fact in store.load(two_reports).facts.values() if fact.review == "draft")
    assert drafts > 0
    empty = run("facts", "--data", str(two_reports), "--format", "json")
    assert (empty.code, empty.out) == (1, "[]\n")
    assert empty.err == (f"kzru: {drafts} drafts under review are not shown: --drafts shows "
                         f"them, kzru review --data {two_reports} decides them\n")
    russian = run("--lang", "ru", "visits", "--data", str(two_reports), "--format", "json")
    assert russian.code == 1 and f"черновики на проверке ({drafts}) не показаны" in russian.err
    shown = run("facts", "--data", str(two_reports), "--format", "json", "--drafts")
    assert shown.code == 0 and "not shown" not in shown.err
    none = run("search", "зиккурат", "--format", "json")  # the bundled table has no drafts
    assert none.code == 1 and "drafts" not in none.err
