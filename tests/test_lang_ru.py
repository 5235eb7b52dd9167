"""`--lang ru` all the way (issue 17.15) and "reported by N sources" everywhere (issue 16.5).

Every string kzru shows a person comes from kzru/labels.py. Under --lang ru no English UI word
may be left: each command's output, at a terminal and piped, is stripped of what the data
itself holds in English (ids, files, date notes, names, units, speakers' roles, the glossary's
English names and a query's translations, which are data, not UI) and must then hold no Latin
word at all. Machine formats keep their English keys and values.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import read_table, terminal

from kzru import query
from kzru.follow import VERDICTS
from kzru.labels import LABELS, Joined, Said, label, say, status_word, verdict_word
from kzru.store import bundled_data_dir
from kzru.word_match import QUALITY

DATA = bundled_data_dir()
FACTS = read_table(DATA, "facts")
EVENTS = read_table(DATA, "events")
SOURCES = read_table(DATA, "sources")
GLOSSARY = read_table(DATA, "glossary")
SECTORS = read_table(DATA, "sectors")
ACCEPTED = [f for f in FACTS if f["review"] == "accepted"]
BY_ID = {f["id"]: f for f in ACCEPTED}
LATIN = re.compile(r"(?<![\w-])[A-Za-z]{3,}(?![\w-])")


def _data_strings() -> list[str]:
    """Everything the data holds in English that a Russian page may show as it is: longest
    first, so that a long string is taken out before a word inside it."""
    found: set[str] = set()
    for fact in FACTS:
        # units, speakers and their roles are said in Russian by rule (kzru.data_words), so
        # they are not taken out: only a unit's bracket that is not a qualifier is free text
        found |= {fact["id"], *fact["names"].split("; "), fact["date_note"], fact["summary"]}
        if re.search(r"\((?!more than|about|almost|up to|less than)[^()]*\)$", fact["unit"]):
            found.add(fact["unit"])
    for event in EVENTS:
        found |= {event["id"], event["date_note"], event["title_en"]}
    for source in SOURCES:
        found |= {source["id"], source["file"], source["publisher"], source["url"]}
    for entry in GLOSSARY:
        found |= {entry["name_en"], *entry["aliases"].split("; ")}
    found |= {sector["id"] for sector in SECTORS}
    # command syntax quoted in notes: what the reader types stays as it is typed
    found |= {"kzru track", "kzru show ID", "kzru facts --source", "--fields all", "--limit 0",
              "--fields"}
    found.discard("")
    return sorted(found, key=len, reverse=True)


DATA_STRINGS = _data_strings()


def _field_names() -> tuple[str, ...]:
    """The field names show's first column and a --fields table's headers hold: what --fields
    takes, typed as they are (longest first)."""
    from kzru import fields
    from kzru.commands.show import EVENT_EXTRA, FACT_EXTRA

    names = {*fields.FACT_ALL, *fields.EVENT_ALL, *fields.SOURCE_ALL, *FACT_EXTRA,
             *EVENT_EXTRA, "review"}
    return tuple(sorted(names, key=len, reverse=True))


def english_left(shown: str, typed: tuple[str, ...] = ()) -> list[str]:
    """Latin words of ``shown`` that are not data (see the module's docstring), nor what the
    user typed, nor the program's name, nor a Roman numeral (XXI форум)."""
    text = re.sub(r"\s+", " ", shown)
    text = re.sub(r"≈ [^·]*", " ", text)  # a query's translations: the table's own words
    for value in sorted([*typed, *DATA_STRINGS], key=len, reverse=True):  # longest first
        text = text.replace(value, " ").replace(value.replace("_", "\\_"), " ")
    text = re.sub(r"\b(kzru|[IVXLC]+)\b", " ", text)
    return sorted(set(LATIN.findall(text)))


# -- the vocabulary: every value a sentence may hold has a label in both languages ----------

def test_every_status_kind_verdict_and_match_has_a_label() -> None:
    for status in query.STATUSES:
        assert f"brief.status.{status}" in LABELS
    for kind in query.FACT_KINDS:
        assert f"kind.{kind}" in LABELS and f"kinds.{kind}" in LABELS
    for kind in query.EVENT_KINDS:
        assert LABELS[f"event_kind.{kind}"][0] == kind  # English: the value as the data has it
    for verdict in VERDICTS:
        said = verdict_word(verdict)
        assert isinstance(said, Said) and said == verdict, verdict  # English is the verdict
        assert not LATIN.search(say(said, "ru")), verdict
    for how in (*QUALITY, "name", "year", "status", "kind", "date", "month", "place"):
        assert f"how.{how}" in LABELS, how
    for kind in {entry["kind"] for entry in GLOSSARY}:
        assert f"entity.{kind}" in LABELS, kind


def test_said_reads_as_english_and_says_russian() -> None:
    said = Said("track.why.done", later="x-1", status=status_word("signed"))
    assert said == "x-1 reports it signed" and said.startswith("x-1")
    assert say(said, "ru") == "x-1 сообщает: подписано"
    assert say(said, "en") == said
    joined = Joined([Said("read.quoted", word="a"), Said("read.quoted", word="b")],
                    Said("read.or"))
    assert joined == '"a" or "b"' and say(joined, "ru") == "«a» или «b»"
    assert say("plain data", "ru") == "plain data"


# -- no English UI under --lang ru, at a terminal and piped ---------------------------------

RUSSIAN_PAGES = [
    ("visits",), ("facts", "--limit", "5"), ("sources",), ("sectors",),
    ("sectors", "--matrix"), ("sectors", "energy"), ("search", "атом", "--explain"),
    ("search", "подписано", "2022", "Москва", "--explain"),
    ("search", "договорились", "газ", "2025", "--explain"), ("search", "qwertyzz", "атом"),
    ("search", "сколько", "часов", "--explain"), ("search", "газ -транзит", "--explain"),
    ("timeline", "университет"), ("track", "--explain"), ("track", "газ", "--limit", "2"),
    ("cite", "2024-11-state-visit-astana"),
    *[("brief", event["id"]) for event in EVENTS if event["review"] == "accepted"],
    # a record in full: its closed sets, unit and speaker said in Russian (issue 17 leftovers)
    ("show", "a000-talks-over-4-hours", "a002-visit-political-symbolic-significance",
     "2022-02-working-visit", "a003-kamaz-500-assembled-locally"),
    ("facts", "--kind", "figure", "--fields", "id,kind,status,date_precision,date_basis,value,"
     "unit,speaker", "--limit", "0"),
    ("sources", "--fields", "id,published,published_precision,published_basis"),
]


@pytest.mark.parametrize("args", RUSSIAN_PAGES, ids=" ".join)
def test_no_english_ui_at_a_terminal(args: tuple[str, ...]) -> None:
    shown = terminal("--lang", "ru", "--no-color", *args, columns=120)
    assert "Traceback" not in shown and "internal error" not in shown
    assert re.search("[а-яё]", shown)
    typed = (*args, *_field_names()) if args[0] == "show" or "--fields" in args else args
    assert english_left(shown, typed) == [], shown[:400]


# the formats a person reads when piped (tables become TSV: data, with English field names)
PIPED = [(("brief", e["id"]), "md") for e in EVENTS if e["review"] == "accepted"] + [
    (("cite", "2024-11-state-visit-astana"), "md"), (("cite", "2022-08-sochi-talks"), "text"),
    (("cite", "2024-11-state-visit-astana"), "bibtex")]


@pytest.mark.parametrize("args,fmt", PIPED, ids=lambda value: " ".join(value)
                         if isinstance(value, tuple) else value)
def test_no_english_ui_piped(run, args: tuple[str, ...], fmt: str) -> None:
    done = run("--lang", "ru", "--format", fmt, *args)
    assert done.code == 0, done.err
    left = english_left(done.out)
    # BibTeX's own field names and values are its syntax
    allowed = {"article", "online", "title", "journaltitle", "date", "langid", "russian",
               "note", "addendum", "url", "urldate"} if fmt == "bibtex" else set()
    assert set(left) <= allowed, left


def test_search_read_as_line_is_russian(run) -> None:
    """The "read as" line says each reading in Russian: a year, a status, a sector."""
    shown = run("--lang", "ru", "--format", "table", "search", "подписано", "2022",
                "атом").out
    first = shown.splitlines()[0]
    assert first.startswith("запрос понят как: ")
    assert "год 2022" in first and "статус: подписано" in first and "отрасль nuclear" in first
    assert "status" not in first and "year" not in first and "sector" not in first
    english = run("--format", "table", "search", "подписано", "2022", "атом").out
    assert "status signed" in english.splitlines()[0]  # English unchanged


def test_machine_formats_keep_english_values_under_lang_ru(run) -> None:
    tracked = json.loads(run("--lang", "ru", "--format", "json", "track").out)
    assert tracked and {entry["verdict"] for entry in tracked} <= set(VERDICTS)
    assert {entry["status"] for entry in tracked} <= set(query.STATUSES)
    facts = json.loads(run("--lang", "ru", "--format", "json", "facts").out)
    assert {fact["status"] for fact in facts} <= set(query.STATUSES)
    assert {fact["kind"] for fact in facts} <= set(query.FACT_KINDS)
    visits = json.loads(run("--lang", "ru", "--format", "json", "visits").out)
    assert {event["kind"] for event in visits} <= set(query.EVENT_KINDS)


def test_track_blocks_say_verdicts_and_statuses_in_russian(run) -> None:
    english = json.loads(run("--format", "json", "track").out)
    shown = terminal("--lang", "ru", "--no-color", "track", "--explain", columns=120)
    for verdict in {entry["verdict"] for entry in english}:
        assert say(verdict_word(verdict), "ru") in shown, verdict
    assert "почему: " in shown and "why:" not in shown
    assert "(документ)" in shown and "мнение комментатора" in shown
    lines = shown.splitlines()
    assert lines[0].startswith(f"отслеживается {len(english)} — ")


def test_cite_fact_line_in_russian(run) -> None:
    fact = BY_ID["a001-putin-state-visit-arrival"]
    source = next(s for s in SOURCES if s["id"] == fact["source"])
    assert source["published_basis"] != "stated" and fact["status"] == "done"
    shown = run("--lang", "ru", "cite", fact["id"]).out
    assert f"kzru {fact['id']} ({label('brief.status.done', 'ru')}, {fact['date']})" in shown
    assert "(дата выведена)" in shown and "date inferred" not in shown
    assert f"({fact['status']}, {fact['date']})" in run("cite", fact["id"]).out


# -- "reported by N sources" in every format and language (issue 16.5) -----------------------

CORROBORATED = [f for f in ACCEPTED if f["same_as"]]


def _count(fact: dict) -> int:
    others = fact["same_as"].split("; ")
    return len({fact["source"], *(BY_ID[other]["source"] for other in others)})


def test_the_table_has_corroborated_facts() -> None:
    assert any(_count(f) == 3 for f in CORROBORATED) and any(_count(f) == 2
                                                             for f in CORROBORATED)


def _items(data: dict) -> list[dict]:
    return [item for section in data["sections"] for group in section["sectors"]
            for item in group["facts"]] + data["alongside"] + data["figures"] + \
        data["preview_against_outcome"]


@pytest.mark.parametrize("lang,words", [("en", "reported by {n} sources"),
                                        ("ru", "сообщают источники ({n})")])
def test_brief_says_reported_by_n_sources_and_lists_them(run, lang: str, words: str) -> None:
    """Under each fact that other articles also report: how many sources (counted from the
    CSV) and each other article's row with its citation number."""
    seen = set()
    for event in (e["id"] for e in EVENTS if e["review"] == "accepted"):
        page = run("--lang", lang, "--format", "md", "brief", event).out
        data = json.loads(run("--format", "json", "brief", event).out)
        cited = {row["source"]: row["number"] for row in data["citations"]}
        lines = page.splitlines()
        for item in _items(data):
            fact = BY_ID[item["id"]]
            own = [n for n, text in enumerate(lines)  # its own bullet, not a mention
                   if text.startswith("- ") and f"] `{fact['id']}`" in text]
            assert own, (event, fact["id"])
            block = [lines[own[0]]]
            for text in lines[own[0] + 1:]:
                if not text.startswith(" "):
                    break
                block.append(text)
            if not fact["same_as"]:
                assert not any(words.split(" {")[0] in text for text in block[1:])
                continue
            said = [text for text in block if words.format(n=_count(fact)) in text]
            seen.add(fact["id"])
            assert len(said) == 1, (event, block)
            for other in fact["same_as"].split("; "):
                source = BY_ID[other]["source"]
                assert f"[{cited[source]}] `{other}`" in said[0], (event, said[0])
    # the KazNU Omsk branch in the 2024 Astana brief; MGIMO, KazNU and the nine branches
    # beside the 2025 Moscow visit
    assert {"a001-kaznu-omsk-branch", "a004-kaznu-omsk-branch", "a004-mgimo-astana-branch",
            "a004-nine-russian-university-branches"} <= seen


def test_brief_data_holds_same_as_and_the_count(run) -> None:
    data = json.loads(run("--format", "json", "brief", "2024-11-state-visit-astana").out)
    items = _items(data)
    for item in items:
        fact = BY_ID[item["id"]]
        expected = fact["same_as"].split("; ") if fact["same_as"] else []
        assert item["same_as"] == expected
        assert item["sources_count"] == (_count(fact) if expected else 1)
    assert any(item["same_as"] for item in items)


@pytest.mark.parametrize("lang,words", [("en", "reported by {n} sources"),
                                        ("ru", "источников: {n}")])
def test_show_search_and_facts_say_it_too(run, lang: str, words: str) -> None:
    fact = max(CORROBORATED, key=_count)
    said = words.format(n=_count(fact))
    shown = run("--lang", lang, "--format", "table", "--no-pager", "show", fact["id"]).out
    assert said in " ".join(shown.split())
    listed = run("--lang", lang, "--format", "table", "facts", "--source", fact["source"],
                 "--limit", "0").out
    assert said in " ".join(listed.split())
    found = json.loads(run("--lang", lang, "--format", "json", "search", "Омск").out)
    row = next(r for r in found if r["id"] in [fact["id"], *fact["same_as"].split("; ")])
    assert row["sources_count"] == _count(BY_ID[row["id"]])
    assert row["same_as"] == BY_ID[row["id"]]["same_as"].split("; ")


# -- layout: Russian words are longer ("договорились", "государственный визит") ---------------

LAYOUT_PAGES = [("facts", "--limit", "8"), ("search", "атом", "--explain"), ("visits",),
                ("track", "--limit", "5", "--explain"), ("sectors", "--matrix"),
                ("timeline", "университет"), ("brief", "2024-11-csto-council"),
                ("cite", "2022-08-sochi-talks")]


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("args", LAYOUT_PAGES, ids=" ".join)
def test_russian_pages_fit_the_terminal_and_keep_ids_whole(args: tuple[str, ...],
                                                          columns: int) -> None:
    shown = terminal("--lang", "ru", "--no-color", *args, columns=columns)
    lines = shown.splitlines()
    assert [line for line in lines if len(line) > columns] == []
    ids = [f["id"] for f in ACCEPTED] + [e["id"] for e in EVENTS]
    for fact_id in set(re.findall(r"a00\d-[a-z0-9-]+|20\d\d-\d\d-[a-z][a-z0-9-]+", shown)):
        # every id printed is a whole id of the table (never cut at the line's end)
        assert fact_id in ids, fact_id


# -- errors and usage errors under --lang ru (and KZRU_LANG=ru) --------------------------------

# What a user can get wrong, each with the exit code kzru gives it in English too.
MISTAKES = [
    (("search",), 2), (("show", "nope-id"), 2), (("show", "a001-putin-state-visit-arrivl"), 2),
    (("facts", "--sector", "nope"), 2), (("facts", "--year", "abc"), 2),
    (("facts", "--year", "0"), 2), (("facts", "--year"), 2), (("visits", "--bogus"), 2),
    (("visits", "--hots", "ru"), 2), (("brief",), 2), (("facts", "--format", "xx"), 2),
    (("cite", "a001-putin-state-visit-arrival", "--format", "csv"), 2),
    (("sectors", "nope"), 2), (("facts", "--since", "2025-13"), 2),
    (("track", "--since", "20x"), 2), (("facts", "--fields", "id,nope"), 2),
    (("facts", "--fields", ","), 2), (("facts", "--place", "Марс"), 2),
    (("facts", "--speaker", "Иван"), 2), (("facts", "--source", "nope"), 2),
    (("brief", "2024"), 2), (("--data", "/nonexistent-kzru", "facts"), 2),
    (("visits", "extra"), 2), (("visits", "--no-color=3"), 2), (("export",), 2),
    (("facts", "--status", "signd"), 2), (("sectors", "--matrix", "--year", "2024"), 2),
    (("add", "x.txt"), 2), (("facts", "--since", "2025", "--until", "2024"), 2),
    (("export", "-"), 2), (("search", "qwertyzz"), 1), (("facts", "--year", "1990"), 1),
    (("visits", "--year", "1990"), 1), (("track", "--year", "1990"), 1),
]
# what the user typed or may type back: values and option names stay as they are written
TYPED = ("table", "json", "jsonl", "csv", "tsv", "md", "text", "bibtex", "all", "FILE.db",
         "DIR", "QUERY", "EVENT", "kzru", "range", "Possible")


def _mistake_left(err: str, args: tuple[str, ...]) -> list[str]:
    # lists of values one may type (fields, choices, speakers) are the values themselves
    text = re.sub(r"(поля|допустимо|говорящие|возможно): .*$", " ", err)
    # options, quoted values, variables, paths and commands, as typed
    text = re.sub(r"--?[a-z][a-z-]*|'[^']*'|[A-Z_]{3,}|/\S+|kzru [a-z]+", " ", text)
    return [word for word in english_left(text, args) if word not in TYPED]


@pytest.mark.parametrize("args,code", MISTAKES, ids=lambda value: " ".join(value)
                         if isinstance(value, tuple) else str(value))
def test_errors_are_russian_one_line_and_keep_their_exit_code(run, args: tuple[str, ...],
                                                             code: int) -> None:
    english = run("--format", "table", *args)
    russian = run("--lang", "ru", "--format", "table", *args)
    assert english.code == russian.code == code, (english.err, russian.err)
    lines = russian.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kzru: "), russian.err
    assert re.search("[а-яё]", lines[0]), lines[0]
    assert _mistake_left(lines[0], args) == [], lines[0]
    # English stays English: no Russian word kzru wrote itself
    assert not re.search("[а-яё]", re.sub(r"'[^']*'|«[^»]*»|: \S+$", "",
                                          " ".join(english.err.split()) .replace(
                                              " ".join(args), "")).replace(
                                                  "Марс", "").replace("Иван", "")), english.err


def test_kzru_lang_chooses_russian_messages_and_lang_en_wins(run, monkeypatch) -> None:
    monkeypatch.setenv("KZRU_LANG", "ru")
    done = run("facts", "--sector", "nope")
    assert done.code == 2 and done.err.startswith("kzru: отрасль: неизвестное значение 'nope'")
    done = run("visits", "--bogus")
    assert done.code == 2 and "нет такого параметра: --bogus" in done.err
    assert "см. 'kzru visits --help'" in done.err
    english = run("--lang", "en", "facts", "--sector", "nope")
    assert english.err.startswith("kzru: unknown sector 'nope'")
    later = run("facts", "--lang", "en", "--sector", "nope")  # the command's own --lang too
    assert later.err.startswith("kzru: unknown sector 'nope'")


def test_a_suggestion_and_the_choices_are_said_in_russian(run) -> None:
    done = run("--lang", "ru", "facts", "--status", "signd")
    # the statuses as a Russian table shows them (and a filter takes them back)
    assert done.err.strip() == ("kzru: статус: неизвестное значение 'signd' (может быть, "
                                "'signed'?); допустимо: " + ", ".join(
                                    LABELS[f"brief.status.{s}"][1] for s in query.STATUSES))


def test_data_problems_are_said_in_russian(run, data_copy) -> None:
    """A data folder that fails validation: the summary line and the capped-kind line are
    Russian; the file:line:col of each problem is kept."""
    rows = read_table(data_copy, "facts")
    from conftest import write_table

    for row in rows[:25]:
        row["date"] = "2025-13-40"
    write_table(data_copy, "facts", rows)
    done = run("--lang", "ru", "--data", str(data_copy), "facts")
    assert done.code == 2
    lines = done.err.splitlines()
    assert lines[-1].startswith("kzru: в данных найдено проблем: ")
    assert any(line.startswith("kzru: … и ещё 5 того же рода") for line in lines), lines
    assert any(f"{data_copy / 'facts.csv'}:2:" in line for line in lines)
    english = run("--data", str(data_copy), "facts").err.splitlines()
    assert english[-1].endswith("data problems found") and len(english) == len(lines)


def test_each_data_problem_is_said_in_russian(run, data_copy) -> None:
    """Problems of several kinds (a cell, a list, a number, a rule across cells, a
    reference): each line keeps its file:line:col and says the problem in Russian."""
    from conftest import write_table

    rows = read_table(data_copy, "facts")
    rows[0]["date"], rows[1]["event"] = "2025-13-40", "2099-nope-event"
    rows[2]["sectors"], rows[3]["value"], rows[4]["summary"] = "energy;  nuclear", "12x", " x"
    write_table(data_copy, "facts", rows)
    russian = run("--lang", "ru", "--data", str(data_copy), "facts")
    english = run("--data", str(data_copy), "facts")
    assert russian.code == english.code == 2
    said, plain = russian.err.splitlines(), english.err.splitlines()
    assert len(said) == len(plain) == 7
    path = str(data_copy / "facts.csv")
    assert said[-1] == "kzru: в данных найдено проблем: 6" and plain[-1].endswith(" 6 data "
                                                                              "problems found")
    for ru, en in zip(said[:-1], plain[:-1]):
        assert ru.split(": ")[:2] == en.split(": ")[:2]  # the same file:line:col first
        shown = re.sub(r"'[^']*'|" + re.escape(path) + r"\S*|\b[a-z_]+\.csv\b", " ", ru)
        for column in ("date", "event", "sectors", "value", "unit", "summary"):
            shown = re.sub(rf"\b{column}\b", " ", shown)
        assert english_left(shown) == [], ru
        assert re.search("[а-яё]", ru), ru
    assert "такой даты не бывает" in russian.err and "такого id нет в events.csv" in russian.err


# -- --help in Russian: --lang ru anywhere on the line, or KZRU_LANG=ru ----------------------

from kzru.cli import COMMANDS  # noqa: E402

# Names, values and syntax a Russian help page shows as they are typed or as they are called.
HELP_NAMES = {"OPTIONS", "summary", "text", "table", "tsv", "md", "json", "jsonl", "bibtex",
              "auto", "always", "never", "review", "draft", "less", "FRX", "Kostanay",
              "Akorda", "Astana", "Hub", "what", "was", "signed", "Zotero", "Mendeley",
              "pandoc", "citeproc", "key", "BibLaTeX", "article", "online", "Markdown", "CSL",
              "JSON", "SQLite", "Datasette", "sqlite", "DuckDB", "CSV", "datapackage",
              "documents_signed_per_visit", "facts_per_sector_and_visit", "state",
              "commentator", "same_as", "follows", "score", "date", "all", "UTF", "html",
              "txt", "MiB", "ID", "DIR", "FILE", "LIST", "YEAR", "SECTOR", "PLACE", "DATE",
              "QUERY", "EVENT", "PATH", "URL", "TITLE", "NAME", "WORDS", "RECORD", "IDS",
              "DRAFT", "FOLDER", "TARGET", "PATHS", "WORD", "csv", "OR", "AND", "search",
              "reported_in", "proposes"}


def _help_left(shown: str) -> list[str]:
    page = shown.split("Примеры:")[0]  # the examples are typed as they are
    page = re.sub(r"--?[a-z][a-z-]*|\[[a-z|-]+\]|\$[A-Z_]+|'[^']*'|kzru [a-z]+|DuckDB", " ",
                  page)
    page = re.sub(r"\b[A-Z_]{2,}\b=?\S*", " ", page)
    page = re.sub(r"^  [a-z]+ {2,}", " ", page, flags=re.M)  # the list of commands
    return [word for word in english_left(page) if word not in HELP_NAMES]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_russian_with_its_examples(run, monkeypatch, command: str) -> None:
    args = [command] if command else []
    english = run(*args, "--help")
    russian = run("--lang", "ru", *args, "--help")
    assert english.code == russian.code == 0
    assert russian.out.startswith("Использование: kzru") and "Параметры:" in russian.out
    assert "Usage:" not in russian.out and "Options:" not in russian.out
    assert _help_left(russian.out) == [], russian.out
    # the working examples are the same lines in both languages
    assert russian.out.split("Примеры:")[1] == english.out.split("Examples:")[1]
    assert english.out.startswith("Usage: kzru")  # English unchanged
    # the command's own --lang (after the name), and KZRU_LANG, give the same page
    if command and "--lang" in english.out:
        assert run(*args, "--lang", "ru", "--help").out == russian.out
    monkeypatch.setenv("KZRU_LANG", "ru")
    assert run(*args, "--help").out == russian.out
    assert run("--lang", "en", *args, "--help").out == english.out


def test_every_option_and_command_has_russian_help() -> None:
    """An English help text added or changed without its Russian fails here, not at a
    reader's terminal."""
    import typer

    from kzru import help_ru
    from kzru.cli import _app_for

    group = typer.main.get_command(_app_for([]))
    missing = [f"kzru {param.opts}" for param in group.params
               if getattr(param, "help", None) and param.help not in help_ru.OPTIONS]
    for name, command in group.commands.items():
        assert name in help_ru.COMMANDS, name
        missing += [f"{name} {param.opts}: {param.help}" for param in command.params
                    if getattr(param, "help", None) and param.help not in help_ru.OPTIONS]
    assert missing == []


def test_a_run_without_help_reads_no_help_text_nor_messages() -> None:
    """Start-up: the Russian help and the messages table load only on their own paths."""
    import subprocess
    import sys

    code = ("import sys, contextlib, io\n"
            "from kzru.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try: main(['--lang', 'ru', 'sources'])\n"
            "    except SystemExit: pass\n"
            "print(sorted(m for m in ('kzru.help_ru', 'kzru.messages', 'kzru.messages_disk', "
            "'kzru.usage', "
            "'kzru.data_messages', 'kzru.brief_words', 'kzru.screens') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_check_warns_in_russian(run, data_copy) -> None:
    """kzru check's warnings (a row still under review) are said in Russian too."""
    from conftest import write_table

    rows = read_table(data_copy, "facts")
    rows[0]["review"] = "draft"
    # an accepted fact said to be signed whose evidence has no word of signing
    unsigned = next(row for row in rows[1:] if row["review"] == "accepted" and
                    row["status"] == "done" and "подпис" not in row["evidence"].casefold())
    unsigned["status"] = "signed"
    write_table(data_copy, "facts", rows)
    russian = run("--lang", "ru", "--data", str(data_copy), "check")
    lint = [line for line in russian.err.splitlines() if unsigned["id"] in line]
    assert lint and f"в цитате {unsigned['id']} нет слова её статуса 'signed'" in lint[0]
    english = run("--data", str(data_copy), "check")
    assert russian.code == english.code == 0
    said = [line for line in russian.err.splitlines() if rows[0]["id"] in line]
    assert said and said[0].startswith("kzru: предупреждение: ")
    assert f"{rows[0]['id']} — черновик" in said[0]
    assert f"kzru: warning: {data_copy / 'facts.csv'}:2:" in english.err


def test_the_cache_warning_is_said_in_russian(tmp_path) -> None:
    import os
    import subprocess

    from conftest import kzru_command

    folder = tmp_path / "open-cache"
    folder.mkdir()
    folder.chmod(0o777)
    env = {**os.environ, "KZRU_CACHE_DIR": str(folder), "KZRU_LANG": "ru"}
    done = subprocess.run([*kzru_command(), "visits", "--year", "2025"], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0 and done.stdout
    assert done.stderr == (f"kzru: папка кэша: запись разрешена другим пользователям (права "
                           f"777): {folder}; кэш не используется, индекс строится в памяти "
                           "(сделайте папку своей и chmod 700 или задайте KZRU_CACHE_DIR)\n")


def test_a_refused_accept_is_said_in_russian(tmp_path, run) -> None:
    """kzru review --accept of a draft with no summary: why, in Russian, exit 2."""
    pytest.importorskip("natasha")
    from kzru import store
    from kzru.curate import pipeline

    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    article = tmp_path / "talks.txt"
    article.write_text("Астана, 5 марта 2026 года\n\nПо итогам встречи стороны подписали "
                       "соглашение о сотрудничестве в области энергетики.\n", encoding="utf-8")
    pipeline.add([article], folder)
    draft = next(f for f in store.load(folder).facts.values() if not f.summary)
    refused = run("--lang", "ru", "review", "--data", str(folder), "--accept", draft.id)
    assert refused.code == 2
    assert refused.err.startswith(f"kzru: принять {draft.id} нельзя: принятому факту нужно "
                                  "английское краткое содержание (правка: summary)")
    english = run("review", "--data", str(folder), "--accept", draft.id)
    assert english.code == 2 and "needs an English summary" in english.err
