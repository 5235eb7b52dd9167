"""`kzru check`'s report and `kzru review`'s screens under --lang ru (issue 17's leftovers,
point 1): the `ok:` summary, the conflicts, the suggested follows links, the warnings, and
every screen of a review are said in Russian; English stays as it was; the data inside them
(ids, paths, words of the articles) is never translated.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS, drafted_folder, needs_seeds, read_table, write_table
from test_lang_ru import english_left

from kzru.labels import LABELS
from kzru.store import TABLES, bundled_data_dir

DATA = bundled_data_dir()
CYRILLIC = re.compile("[а-яё]")


def counts(folder: Path) -> dict[str, int]:
    return {name: len(read_table(folder, name)) for name in TABLES}


def status_ru(status: str) -> str:
    return LABELS[f"brief.status.{status}"][1]


def test_check_ok_line_in_both_languages(run) -> None:
    n = counts(DATA)
    english = run("check").out.splitlines()[0]
    assert english == (f"ok: {DATA}: {n['sources']} sources, {n['events']} events, "
                       f"{n['facts']} facts, {n['sectors']} sectors, {n['glossary']} glossary")
    russian = run("--lang", "ru", "check").out.splitlines()[0]
    assert russian == (f"в порядке: {DATA}: источников: {n['sources']}, событий: "
                       f"{n['events']}, фактов: {n['facts']}, отраслей: {n['sectors']}, "
                       f"записей глоссария: {n['glossary']}")


@needs_seeds
def test_check_sources_and_the_articles_not_checked_in_russian(run, data_copy, tmp_path) -> None:
    """One article missing from the folder: the line says how many excerpts were found
    verbatim and how many were not checked, in Russian."""
    sources = read_table(data_copy, "sources")
    facts = read_table(data_copy, "facts")
    folder = tmp_path / "articles"
    folder.mkdir()
    missing = sources[0]
    for source in sources[1:]:
        (folder / source["file"]).write_bytes((SEEDS / source["file"]).read_bytes())
    unchecked = sum(fact["source"] == missing["id"] for fact in facts)
    said = run("--lang", "ru", "--data", str(data_copy), "check", "--sources", str(folder))
    assert said.code == 0, said.err
    first = said.out.splitlines()[0]
    assert first.endswith(f"; цитат, найденных дословно в {folder}: {len(facts) - unchecked}; "
                          f"не проверено: {unchecked} — в этой папке нет статей источников "
                          f"(1: {missing['id']})"), first
    english = run("--data", str(data_copy), "check", "--sources", str(folder)).out
    assert f"; {len(facts) - unchecked} evidence excerpts found verbatim in {folder}; " \
           f"{unchecked} not checked: no article in that folder for 1 sources " \
           f"({missing['id']})" in english


def test_check_conflicts_in_russian(run) -> None:
    """The bundled table has a date conflict between facts marked the same (KazNU's Omsk
    branch: 2024-11-27 in a001, 2025 in a004): the heading and the line are Russian."""
    said = run("--lang", "ru", "check").out.splitlines()
    english = run("check").out.splitlines()
    assert english[1] == "1 conflict between facts marked the same (same_as):"
    assert said[1] == "1 расхождение между фактами, отмеченными как одно и то же (same_as):"
    assert english[2].endswith("a001-kaznu-omsk-branch vs a004-kaznu-omsk-branch: dates "
                               "differ: 2024-11-27 in a001, 2025 in a004")
    assert said[2].endswith("a001-kaznu-omsk-branch и a004-kaznu-omsk-branch: даты "
                            "расходятся: 2024-11-27 в a001, 2025 в a004")


def test_a_status_conflict_names_the_statuses_in_russian(run, data_copy) -> None:
    rows = read_table(data_copy, "facts")
    first = next(row for row in rows if row["same_as"] and row["date_basis"] == "publication")
    other = next(row for row in rows if row["id"] == first["same_as"].split("; ")[0])
    other["status"] = "proposed" if first["status"] != "proposed" else "signed"
    write_table(data_copy, "facts", rows)
    said = run("--lang", "ru", "--data", str(data_copy), "check").out
    pair = sorted([first, other], key=lambda row: row["id"])
    line = next(line for line in said.splitlines() if "статусы расходятся" in line)
    assert line.endswith(f"статусы расходятся: {status_ru(pair[0]['status'])} в "
                         f"{pair[0]['source']}, {status_ru(pair[1]['status'])} в "
                         f"{pair[1]['source']}"), line


def test_suggested_follows_links_in_russian(run) -> None:
    english = run("check", "--suggest-follows").out.splitlines()
    said = run("--lang", "ru", "check", "--suggest-follows").out.splitlines()
    assert len(said) == len(english)
    head = next(i for i, line in enumerate(english) if "suggested follows links" in line)
    count = int(english[head].split()[0])
    assert said[head].startswith(f"предлагаемых связей follows: {count} (ничего не записано")
    pattern = re.compile(r"  (\S+)  follows\?  (\S+)  \[(\w+) (\S+) → (\w+) (\S+); (.*)\]")
    for en, ru in zip(english[head + 1:], said[head + 1:]):
        later, earlier, before, day, after, later_day, reasons = pattern.fullmatch(en).groups()
        reasons = (reasons.replace("names: ", "имена: ").replace("words: ", "слова: ")
                   .replace("sectors: ", "отрасли: "))
        assert ru == (f"  {later}  продолжает?  {earlier}  [{status_ru(before)} {day} → "
                      f"{status_ru(after)} {later_day}; {reasons}]")


def test_the_whole_check_report_holds_no_english_ui(run) -> None:
    said = run("--lang", "ru", "check", "--suggest-follows")
    assert said.code == 0
    # what stays as it is: the path, the columns named (same_as, follows), the suggester's
    # shared words (stems of the articles' words, data)
    text = re.sub(re.escape(str(DATA)) + r"\S*", " ", said.out)
    text = re.sub(r"(слова|имена|отрасли): [^;\]]*", " ", text)
    assert english_left(text, ("same_as", "follows")) == []


def test_a_warning_of_a_fact_dated_after_its_article_in_russian(run, data_copy) -> None:
    rows = read_table(data_copy, "facts")
    sources = {row["id"]: row for row in read_table(data_copy, "sources")}
    fact = next(row for row in rows if row["status"] == "done" and row["date_precision"] ==
                "day" and sources[row["source"]]["published_precision"] == "day")
    fact["date"] = "2099-01-01"
    write_table(data_copy, "facts", rows)
    said = run("--lang", "ru", "--data", str(data_copy), "check")
    english = run("--data", str(data_copy), "check")
    assert said.code == english.code == 0
    warning = next(line for line in said.err.splitlines() if fact["id"] in line)
    published = sources[fact["source"]]["published"]
    assert warning.endswith(f"{fact['id']}: статус 'done', но дата 2099-01-01 позже его статьи "
                            f"{fact['source']} ({published}): план или прогноз? (измените "
                            "статус или дату)"), warning
    assert said.out.splitlines()[0].endswith("; предупреждений: 1")
    assert english.out.splitlines()[0].endswith("; 1 warning")
    assert f"is 'done' but dated 2099-01-01, after its article {fact['source']}" in english.err


# -- kzru review -------------------------------------------------------------------------------

ARTICLE = ("Астана, 5 марта 2026 года\n\nПрезидент Казахстана и президент России провели "
           "переговоры в Астане.\nПо итогам встречи стороны подписали соглашение о "
           "сотрудничестве в области энергетики.\n")


@pytest.fixture
def drafted(tmp_path: Path, run) -> Path:  # noqa: ANN001
    return drafted_folder(tmp_path, run, ARTICLE)


def test_review_list_in_russian_and_its_machine_formats_unchanged(drafted, run) -> None:
    from conftest import terminal

    drafts = [row for row in read_table(drafted, "facts") if row["review"] == "draft"]
    page = terminal("--lang", "ru", "--no-color", "review", "--data", str(drafted), "--list",
                    columns=120)
    assert page.splitlines()[0].split() == ["Черновик", "Статус", "Вид", "Дата", "Предложение"]
    for row in drafts:
        line = next(line for line in page.splitlines() if line.startswith(row["id"]))
        assert status_ru(row["status"]) in line and LABELS[f"kind.{row['kind']}"][1] in line
    assert f"\nчерновиков на проверке: {len(drafts)}; решить их в терминале: " in page
    english = terminal("--no-color", "review", "--data", str(drafted), "--list", columns=120)
    assert english.splitlines()[0].split() == ["Draft", "Status", "Kind", "Date", "Sentence"]
    piped = run("--lang", "ru", "review", "--data", str(drafted), "--list", "--format", "csv")
    assert piped.out == run("review", "--data", str(drafted), "--list", "--format", "csv").out
    assert piped.out.splitlines()[0] == "id,source,status,kind,date,date_precision,event," \
                                        "same_as,text,proposes,proposes_title,proposes_kind," \
                                        "proposes_date,proposes_date_precision,proposes_places"


def test_review_by_id_says_what_it_did_in_russian(drafted, run) -> None:
    first = [row["id"] for row in read_table(drafted, "facts") if row["review"] == "draft"][0]
    done = run("--lang", "ru", "review", "--data", str(drafted), "--reject", first)
    assert done.code == 0 and done.out.strip() == f"принято: 0, отклонено: 1 в {drafted}"


class _Terminal:
    """`kzru review` in a pseudo-terminal under KZRU_LANG=ru."""

    def __init__(self, folder: Path) -> None:
        import pty

        self.leader, follower = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kzru", "review", "--data", str(folder)],
            stdin=follower, stdout=follower, stderr=follower,
            env={**os.environ, "COLUMNS": "120", "TERM": "xterm", "KZRU_LANG": "ru",
                 "NO_COLOR": "1"})
        os.close(follower)
        self.seen = b""

    def wait_for(self, text: str) -> None:
        wanted = text.encode()
        deadline = time.time() + 60
        while wanted not in self.seen and time.time() < deadline:
            if select.select([self.leader], [], [], 1)[0]:
                self.seen += os.read(self.leader, 65536)
        assert wanted in self.seen, self.seen.decode("utf-8", "replace")[-800:]

    def type(self, line: str) -> None:
        os.write(self.leader, line.encode() + b"\n")

    def close(self) -> str:
        self.process.wait(timeout=60)
        try:
            while True:
                chunk = os.read(self.leader, 65536)
                if not chunk:
                    break
                self.seen += chunk
        except OSError:
            pass
        os.close(self.leader)
        return self.seen.decode("utf-8", "replace").replace("\r\n", "\n")


def test_an_interactive_review_speaks_russian_and_takes_russian_values(drafted) -> None:
    """Edit a draft's status typed as a Russian table shows it (подписано), type an action
    that is not one, accept (refused: the evidence has no word of signing), quit: every line
    kzru writes is Russian, and the value saved by the edit is the data's own (signed)."""
    from kzru.curate.review import Session

    first = Session(drafted).drafts()[0]
    terminal = _Terminal(drafted)
    terminal.wait_for("черновик 1 из 2: ")
    terminal.wait_for("> ")
    terminal.type("e")
    terminal.wait_for("правка > ")
    terminal.type("status: подписано")
    terminal.wait_for("подписано\r\n")
    terminal.type("")
    terminal.wait_for("изменено (сохранится при принятии):")
    terminal.wait_for("выйти > ")
    assert Session(drafted).current(first)["status"] != "signed"  # saved only on accept
    terminal.type("x")
    terminal.wait_for("введите одно из: ")
    terminal.type("пропустить")
    terminal.wait_for("черновик 2 из 2: ")
    terminal.wait_for("выйти > ")
    terminal.type("выйти")
    shown = terminal.close()
    assert "статус  подписано" in shown
    assert "решено: 0; осталось на следующий раз: 2" in shown
    # what is left once the data is taken out: Russian only
    drafts = read_table(drafted, "facts")
    events = read_table(drafted, "events")
    from kzru.curate.review import EDITABLE

    # data, the fields a curator types (the edit's list of them) and the commands named
    data = [str(drafted), *EDITABLE, "kzru add"]
    for row in drafts:
        data += [row["id"], row["names"], *row["names"].split("; "), row["sectors"]]
    data += [event["id"] for event in events] + [event["title_en"] for event in events]
    text = shown
    for value in sorted(data, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    text = re.sub(r"\[[a-z]\]", " ", text)  # the action letters, typed as they are
    assert english_left(text) == [], text
    assert Session(drafted).notes["skipped"] == [first]


def test_check_and_review_read_their_messages_only_on_their_path() -> None:
    """check's and review's words (kzru/screens.py) are read by those commands only, the
    messages (kzru/messages.py) by a filter only when its value is wrong: a listing with a
    Russian filter value reads neither."""
    code = ("import sys, contextlib, io\n"
            "from kzru.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    for args in (['--lang', 'ru', 'facts', '--status', 'подписано'],\n"
            "                 ['track', '--status', 'обсуждалось', '--by', 'государство']):\n"
            "        try: main(args)\n"
            "        except SystemExit: pass\n"
            "print(sorted(m for m in ('kzru.messages', 'kzru.messages_disk', 'kzru.screens', "
            "'kzru.data_messages') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_add_summary_in_russian(tmp_path, run) -> None:
    """kzru add's summary at a terminal: title, headers, the counts by status and kind as a
    Russian table shows them, the closing line; the English one as it was."""
    pytest.importorskip("natasha")
    from conftest import terminal

    article = tmp_path / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    shown = {}
    for lang in ("ru", "en"):
        folder = tmp_path / f"mine-{lang}"
        assert run("init", str(folder), "--empty").code == 0
        page = terminal("--no-color", "--lang", lang, "add", str(article), "--data",
                        str(folder), columns=160)
        shown[lang] = (page.rsplit("\x1b[2K", 1)[-1], folder)  # after the progress bar
    page, folder = shown["ru"]
    drafts = [row for row in read_table(folder, "facts") if row["review"] == "draft"]
    lines = page.splitlines()
    assert lines[0] == f"Черновики записаны в {folder}"
    assert lines[1].split()[:4] == ["Источник", "Файл", "Предложений", "Черновиков"]
    for status in {row["status"] for row in drafts}:
        count = sum(row["status"] == status for row in drafts)
        assert f"{status_ru(status)}:{count}" in page
    assert f"черновиков: {len(drafts)}, статей: 1, за " in page
    text = page.replace(str(folder), " ").replace("talks.txt", " ")
    assert english_left(text, ("same_as", "json", "kzru review --data")) == [], text
    english, folder = shown["en"]
    assert english.splitlines()[0] == f"Drafted into {folder}"
    assert f"{len(drafts)} drafts from 1 article in " in english
