"""Issue 17 leftovers under --lang ru: data with no Russian column said in Russian by rule (a
figure's unit, a speaker and their role, the closed sets a record holds), kzru review taking
every field in either language, and the drafter's notes kept as labels and said in the
reader's language. Expected values are worked out from the rules (Russian agreement after a
number, the glossary's names), never copied from output.
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
from conftest import drafted_folder, read_table, terminal

from kzru.data_typed import speaker_typed
from kzru.data_words import Names, figure_said, plural, speaker_said, unit_said
from kzru.labels import LABELS, Joined, Pair, Said, as_data, from_data, say
from kzru.store import bundled_data_dir

DATA = bundled_data_dir()
FACTS = read_table(DATA, "facts")
GLOSSARY = read_table(DATA, "glossary")
LATIN = re.compile(r"[A-Za-z]{3,}")
QUALIFIERS = ("more than", "about", "almost", "up to", "less than")


def _names() -> Names:
    from kzru.store import load

    return Names(load(DATA).glossary.values())


# -- a figure's unit ---------------------------------------------------------------------------

@pytest.mark.parametrize("value,unit,said", [
    ("4", "hours (more than)", "более 4 часов"),  # genitive plural after «более»
    ("21", "hours (more than)", "более 21 часа"),  # …but singular after a number ending in 1
    ("2.5", "hours", "2.5 часа"),  # a fraction: genitive singular
    ("1", "metre", "1 метр"),  # the table's singular finds the plural's entry
    ("2", "meetings", "2 встречи"),
    ("12", "meetings", "12 встреч"),  # 12-14 take the plural
    ("22", "branches", "22 филиала"),
    ("36", "points", "36 пунктов"),
    ("500", "trucks per year", "500 грузовиков в год"),
    ("1000", "trucks per year (about)", "около 1000 грузовиков в год"),
    ("30", "applicants per place (up to)", "до 30 абитуриентов на место"),
    ("3", "час (more than)", "более 3 часов"),  # the drafter's Russian lemma, by rule
])
def test_a_figure_is_said_in_russian_by_rule(value: str, unit: str, said: str) -> None:
    assert figure_said(value, unit, "ru") == said
    assert figure_said(value, unit, "en") == f"{value} {unit}"  # English as the table has it


def test_russian_plural_forms_after_a_number() -> None:
    forms = ("час", "часа", "часов")
    assert [plural(n, forms) for n in ("1", "2", "4", "5", "11", "14", "21", "101", "111")] == \
        ["час", "часа", "часа", "часов", "часов", "часов", "час", "час", "часов"]
    assert [plural(n, forms, genitive=True) for n in ("1", "4", "21", "11")] == \
        ["часа", "часов", "часа", "часов"]


def test_every_unit_of_the_table_is_said_in_russian_or_is_free_text() -> None:
    """A unit made of the vocabulary's words has no English left in Russian; only a bracket
    that is not a qualifier (free text the curators wrote) keeps the unit as written."""
    units = {(row["value"], row["unit"]) for row in FACTS if row["unit"]}
    assert len(units) >= 10
    free = []
    for value, unit in units:
        bracket = re.search(r"\(([^()]*)\)$", unit)
        if bracket and bracket[1] not in QUALIFIERS:
            free.append(unit)
            assert unit_said(unit, value, "ru") == unit
            continue
        said = unit_said(unit, value, "ru")
        assert not LATIN.search(said.replace("США", "")), (unit, said)
    assert free == ["universities (with branches in Kazakhstan)"]


# -- speakers ----------------------------------------------------------------------------------

def test_every_speaker_of_the_table_is_said_in_russian() -> None:
    """Each speaker is a glossary name (its Russian name), «experts», and a role in brackets
    the vocabulary or the glossary says in Russian: nothing Latin is left."""
    names = _names()
    speakers = {row["speaker"] for row in FACTS if row["speaker"]}
    assert len(speakers) >= 5
    for speaker in speakers:
        said = speaker_said(speaker, names, "ru")
        assert not LATIN.search(said), (speaker, said)
        assert speaker_said(speaker, names, "en") == speaker


def test_a_role_and_an_acronym_are_said_by_the_vocabulary_and_the_glossary() -> None:
    names = _names()
    kiss = next(row for row in GLOSSARY if row["name_en"].startswith("Kazakhstan Institute for"))
    assert "КИСИ" in kiss["aliases"].split("; ") and "KazISS" in kiss["aliases"].split("; ")
    assert speaker_said("Zhanar Tulindinova (KazISS)", names, "ru") == \
        "Жанар Тулиндинова (КИСИ)"
    assert speaker_said("Gaziz Abishev (political scientist)", names, "ru") == \
        "Газиз Абишев (политолог)"
    # and back: a speaker typed in Russian is stored as the table names speakers
    assert speaker_typed("Газиз Абишев (политолог)", names) == \
        "Gaziz Abishev (political scientist)"
    assert speaker_typed("путин", names) == "Vladimir Putin"


# -- what a Russian page shows -----------------------------------------------------------------

def _fact(fact_id: str) -> dict[str, str]:
    return next(row for row in FACTS if row["id"] == fact_id)


def test_show_says_closed_sets_units_and_speakers_in_russian(run) -> None:
    fact = _fact("a000-talks-over-4-hours")
    assert (fact["kind"], fact["date_precision"], fact["date_basis"], fact["status"],
            fact["value"], fact["unit"]) == ("figure", "day", "inferred", "reported", "4",
                                             "hours (more than)")
    shown = terminal("--lang", "ru", "--no-color", "show", fact["id"], columns=120)
    rows = {line.split()[0]: line.split(None, 1)[1].strip() for line in shown.splitlines()
            if len(line.split()) > 1 and re.fullmatch(r"[a-z_]+", line.split()[0])}
    assert rows["kind"] == LABELS["kind.figure"][1] == "цифра"
    assert rows["date_precision"] == "день" and rows["date_basis"] == "выведена"
    assert rows["status"] == "сообщается" and rows["review"] == "принято"
    assert rows["unit"] == "часов (более)"
    expert = _fact("a002-visit-political-symbolic-significance")
    shown = terminal("--lang", "ru", "--no-color", "show", expert["id"], columns=120)
    assert "Жанар Тулиндинова (КИСИ)" in shown and "KazISS)" not in shown
    # the machine formats keep the values
    record = json.loads(run("--lang", "ru", "show", fact["id"], "--format", "json").out)[0]
    assert (record["kind"], record["unit"], record["date_basis"]) == \
        ("figure", "hours (more than)", "inferred")


def test_fields_tables_say_closed_sets_and_speakers_in_russian(run) -> None:
    shown = terminal("--lang", "ru", "--no-color", "facts", "--kind", "figure", "--fields",
                     "id,kind,date_precision,unit", "--limit", "0", columns=160)
    words = re.findall(r"(?<![\w-])[a-z]+(?![\w-])", shown)  # ids and headers left out
    assert "цифра" in shown and "figure" not in words and "hours" not in words
    assert "часов (более)" in shown and "день" in shown
    shown = terminal("--lang", "ru", "--no-color", "facts", "--speaker", "Tulindinova",
                     "--fields", "id,speaker", "--limit", "3", columns=120)
    assert "Жанар Тулиндинова (КИСИ)" in shown and "Tulindinova" not in shown
    piped = run("--lang", "ru", "facts", "--speaker", "Tulindinova", "--fields", "speaker",
                "--format", "tsv", "--limit", "1").out
    assert "Zhanar Tulindinova (KazISS)" in piped


@pytest.mark.parametrize("args", [
    ("track", "--fields", "id,status,role,voice,verdict", "--limit", "0"),
    ("sectors", "energy", "--fields", "id,kind,status,date_precision"),  # drawn per event
    ("timeline", "газ", "--fields", "id,kind,date_basis", "--limit", "0"),
    ("sectors", "--fields", "id,first_precision,last_precision")])
def test_every_closed_set_column_is_said_in_russian(args: tuple[str, ...]) -> None:
    """Whatever draws the table (one table, or one per event), a closed set's column holds
    Russian words at a Russian table: no value of the set is left in English."""
    from kzru import query
    from kzru.follow import VERDICTS
    from kzru.roles import PROJECTS, VOICES

    english = {*query.STATUSES, *query.FACT_KINDS, "day", "month", "year", "stated",
               "inferred", "publication", *VOICES, *PROJECTS, "commitment", "document",
               "discussed", *VERDICTS}
    shown = terminal("--lang", "ru", "--no-color", *args, columns=200)
    lines = [line for line in shown.splitlines()[1:] if line.strip()]
    cells = {cell.strip() for line in lines for cell in re.split(r" {2,}", line)}
    assert cells and not cells & english, sorted(cells & english)
    assert re.search("[а-я]", shown)


def test_brief_says_figures_and_roles_in_russian(run) -> None:
    said = run("--lang", "ru", "brief", "2022-02-working-visit", "--format", "md").out
    assert "**более 4 часов**" in said and "**1 метр**" in said
    english = run("brief", "2022-02-working-visit", "--format", "md").out
    assert "**4 hours (more than)**" in english
    said = run("--lang", "ru", "brief", "2025-11-state-visit-moscow", "--format", "md").out
    assert "Жанар Тулиндинова (КИСИ)" in said and "(KazISS)" not in said


def test_a_draft_is_marked_in_russian_at_a_russian_table(tmp_path: Path, run) -> None:
    from conftest import write_table

    folder = tmp_path / "copy"
    assert run("init", str(folder)).code == 0
    rows = read_table(folder, "facts")
    rows[0]["review"] = "draft"
    write_table(folder, "facts", rows)
    shown = terminal("--lang", "ru", "--no-color", "facts", "--data", str(folder), "--drafts",
                     "--limit", "0", columns=120)
    assert "[черновик]" in shown and "[draft]" not in shown
    piped = run("--lang", "ru", "facts", "--data", str(folder), "--drafts", "--format",
                "json", "--limit", "0").out
    assert any(row["text"].startswith("[draft] ") for row in json.loads(piped))


# -- the drafter's notes: labels kept with their keys, said in either language -----------------

def test_a_said_note_survives_pickling_and_the_notes_file() -> None:
    """add --jobs sends drafts between processes (pickle), and review reads the notes back
    from disk (JSON): both keep the key and fields, so the note is said again in Russian."""
    from kzru.curate.dates import Published, find_dates

    published = Published(__import__("datetime").date(2026, 3, 5), "day")
    notes = [dated.note for text in ("10 февраля стороны обсудили", "в прошлом году",
                                     "вчера прошли переговоры", "на прошлой неделе",
                                     "в следующем месяце")
             for dated in find_dates(text, published, "past")]
    assert len(notes) == 5 and all(isinstance(note, Said) for note in notes)
    for note in notes:
        again = pickle.loads(pickle.dumps(note))
        assert again == note and say(again, "ru") == say(note, "ru") != str(note)
        kept = from_data(json.loads(json.dumps(as_data(note))))
        assert kept == note and say(kept, "ru") == say(note, "ru")
        assert not LATIN.search(say(note, "ru")), say(note, "ru")
    day = notes[0]
    assert str(day) == "«10 февраля» names the day without a year: the article's year (2026)."
    assert say(day, "ru") == "«10 февраля» — день без года: год статьи (2026)."
    joined = Joined([Said("kind.figure"), Pair("energy", "энергетика")], Said("read.or"))
    assert say(from_data(as_data(joined)), "ru") == "цифра или энергетика"


@pytest.mark.parametrize("data", [
    {"key": "no.such.key", "fields": {}},
    {"key": "draft.note.counted", "fields": {"said": "вчера"}},  # a field missing
    {"key": "draft.why.outlet", "fields": {"extra": "x"}},  # a field the label has not
    {"key": "draft.why.outlet", "fields": {}, "code": "x"},
    {"parts": ["a", {"key": "nope", "fields": {}}], "separator": ", "},
    ["not", "a", "note"], None, True,
])
def test_a_note_read_from_disk_is_a_label_or_nothing(data: object) -> None:
    assert from_data(data) is None


ARTICLE = ("Астана, 5 марта 2026 года\n\nПрезидент Казахстана и президент России провели "
           "переговоры в Астане.\nКак сообщил политолог Газиз Абишев, 10 февраля стороны "
           "обсудили поставки зерна.\nВ прошлом году товарооборот вырос до 4 процентов.\n")


@pytest.fixture
def drafted(tmp_path: Path, run) -> Path:  # noqa: ANN001
    return drafted_folder(tmp_path, run, ARTICLE)


def _draft(folder: Path, words: str) -> dict[str, str]:
    return next(row for row in read_table(folder, "facts") if words in row["text"])


def test_review_says_the_drafters_notes_in_russian(drafted: Path) -> None:
    """The date note of «10 февраля» (a day without a year, in an article of 5 March 2026:
    this year's) in Russian at the review screen, while the row's date_note is English."""
    from test_lang_ru_check_review import _Terminal

    row = _draft(drafted, "10 февраля")
    assert row["date_note"] == \
        "«10 февраля» names the day without a year: the article's year (2026)."
    screen = _Terminal(drafted)
    screen.wait_for("> ")
    for _ in read_table(drafted, "facts"):
        screen.type("s")
    screen.type("q")
    shown = screen.close()
    assert "«10 февраля» — день без года: год статьи (2026)." in shown
    assert "names the day" not in shown and "against the article" not in shown
    assert "(выведена)" in shown and "(inferred)" not in shown


def test_review_falls_back_to_the_english_of_a_note_it_cannot_read(drafted: Path) -> None:
    """A notes file from another kzru (or edited by hand) with a note that is not a label:
    the English written beside it is shown as it is, never a traceback."""
    from kzru.curate.review import Session

    notes = json.loads((drafted / "review.json").read_text(encoding="utf-8"))
    row = _draft(drafted, "10 февраля")
    notes["drafts"][row["id"]]["said"] = {"date_note": {"key": "no.such", "fields": {}},
                                          "status_from": {"key": "draft.why.outlet"}}
    (drafted / "review.json").write_text(json.dumps(notes), encoding="utf-8")
    context = Session(drafted).context(row["id"])
    assert context.date_note is None
    assert context.status_from == notes["drafts"][row["id"]]["status_from"]


def test_review_set_takes_every_field_in_russian(drafted: Path, run) -> None:
    row = _draft(drafted, "10 февраля")
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "кратко=Grain supplies were discussed.",
               "--set", "Говорящий=Газиз Абишев (политолог)",
               "--set", "точность даты=месяц", "--set", "дата=2026-02-01",
               "--set", "основание даты=выведена",
               "--set", "отрасли=сельское хозяйство; энергетика")
    assert done.code == 0, done.err
    saved = _draft(drafted, "10 февраля")
    assert (saved["summary"], saved["speaker"], saved["date_precision"], saved["date"],
            saved["date_basis"], saved["sectors"], saved["review"]) == (
        "Grain supplies were discussed.", "Gaziz Abishev (political scientist)", "month",
        "2026-02-01", "inferred", "agriculture; energy", "accepted")


@pytest.mark.parametrize("typed,stored", [("2,5", "2.5"), ("1 000", "1000"), ("4", "4")])
def test_review_set_reads_a_russian_number(drafted: Path, run, typed: str, stored: str) -> None:
    row = _draft(drafted, "товарооборот")
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "кратко=Trade grew.", "--set", f"число={typed}",
               "--set", "единица=процентов (более)", "--set", "статус=сообщается")
    assert done.code == 0, done.err
    saved = _draft(drafted, "товарооборот")
    assert (saved["value"], saved["unit"], saved["status"]) == \
        (stored, "percent (more than)", "reported")  # процентов: the vocabulary's percent


def test_review_set_refuses_an_unknown_field_and_sector_in_russian(drafted: Path, run) -> None:
    row = _draft(drafted, "10 февраля")
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "цвет=синий")
    assert done.code == 2 and "точность даты (date_precision)" in done.err
    assert len(done.err.strip().splitlines()) == 1
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "отрасли=космонавтика")
    assert done.code == 2 and "Сельское хозяйство и АПК" in done.err
    done = run("--lang", "ru", "review", "--data", str(drafted), "--accept", row["id"],
               "--set", "число=1,000", "--set", "кратко=x")
    assert done.code == 2  # 1,000 is ambiguous: kept as typed, and not a number
    assert _draft(drafted, "10 февраля")["review"] == "draft"


def test_every_editable_field_has_a_russian_name_the_set_takes() -> None:
    from kzru.commands.review import _field
    from kzru.curate.review import EDITABLE

    for field in EDITABLE:
        english, russian = LABELS[f"field.{field}"]
        assert english == field and re.search("[а-я]", russian)
        assert _field(russian) == _field(russian.upper()) == _field(field) == field


# -- what init and export say they did ----------------------------------------------------------

def test_init_and_export_say_what_they_did_in_russian(tmp_path: Path, run) -> None:
    from test_lang_ru import english_left

    folder = tmp_path / "mine"
    said = run("--lang", "ru", "init", str(folder))
    assert said.code == 0 and said.out.startswith(f"создана папка {folder}: копия встроенной")
    english = run("init", str(tmp_path / "other"), "--empty")
    assert english.out.startswith(f"created {tmp_path / 'other'}: the schema, sectors and")
    database = tmp_path / "kzru.db"
    said = run("--lang", "ru", "export", str(database))
    assert said.code == 0 and said.out.startswith(f"записан {database}: sources: 5, ")
    package = tmp_path / "package"
    said = run("--lang", "ru", "export", "--csv", str(package))
    assert said.code == 0 and said.out.startswith(f"в {package} записано файлов: 6 (")
    # what is left once paths, file names and SQL's table and view names are out: Russian
    from kzru import export

    names = ("kzru add FILE --data", "facts_fts", *export.VIEWS, ".csv",
             "datapackage.json", "sources", "events", "event_places", "event_sources",
             "facts", "fact_sectors", "fact_names", "fact_follows", "fact_same_as", "sectors",
             "sector_aliases", "glossary_aliases", "glossary")
    for text in (run("--lang", "ru", "init", str(tmp_path / "third")).out, said.out,
                 run("--lang", "ru", "export", str(tmp_path / "again.db")).out):
        text = re.sub(re.escape(str(tmp_path)) + r"\S*", " ", text)  # paths, as typed
        assert english_left(text, names) == [], text
