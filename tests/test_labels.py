"""One table of UI strings (kzru/labels.py and its parts): complete in both languages, and
used; each part read only where labels.label looks for it."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from kzru import (
    brief_words,
    data_messages,
    messages,
    messages_disk,
    rule_words,
    screens,
    vocabulary,
    words,
)
from kzru.labels import LABELS, PARTS, label

# the parts read on their own path (brief and track, check and review, errors, data problems)
LAZY = {module.__name__: module.STRINGS
        for module in (brief_words, screens, messages, messages_disk, data_messages,
                               rule_words)}
TABLE = {**LABELS}
for strings in LAZY.values():
    TABLE.update(strings)

KZRU = Path(__file__).resolve().parents[1] / "kzru"
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_parts_share_no_key_and_each_key_is_where_label_looks() -> None:
    parts = [words.WORDS, vocabulary.VOCABULARY, *LAZY.values()]
    assert sum(map(len, parts)) == len(TABLE)  # no key in two parts
    assert {name for names in PARTS.values() for name in names} == set(LAZY)
    for name, strings in LAZY.items():  # label() finds a lazy part's key by its first word
        assert all(name in PARTS[key.partition(".")[0]] for key in strings), name
    # a key loaded with labels may share a first word with a lazy part (brief.status.signed)
    # but is found in LABELS first; every key is said from the part that holds it
    assert all((label(key), label(key, "ru")) == TABLE[key] for key in TABLE)


def test_each_part_imports_nothing_of_kzrus() -> None:
    """A part is a table only: reading one never pulls in code (start-up is measured)."""
    for module in (words, vocabulary, brief_words, screens, messages, messages_disk,
                   data_messages, rule_words):
        source = Path(module.__file__).read_text()
        assert not re.search(r"^\s*(from|import) kzru", source, re.MULTILINE), module.__name__


@pytest.mark.parametrize("key", sorted(TABLE))
def test_every_label_has_both_languages_with_the_same_fields(key: str) -> None:
    english, russian = TABLE[key]
    assert english.strip() and russian.strip()
    assert not CYRILLIC.search(english), "the English label holds Cyrillic"
    # a Russian label is Russian, except for words that are the same in both (ids, symbols)
    # (a field's name, {words}, is not a word shown: only the words around it count)
    shown = re.sub(r"\{[a-z_]*(![rs])?\}", "", english)
    shown = re.sub(r"--[a-z-]+|\b[A-Z_]{2,}\b", "", shown)  # options and variables, as typed
    if re.search("[a-z]{3,}", shown.replace("--limit", "").replace("--fields", "")
                 .replace("kzru show ID", "").replace("published_note", "")):
        assert CYRILLIC.search(russian), f"{key}: Russian label is not Russian"
    # the Russian may leave a field out (grammar), never invent one
    assert _fields(russian) <= _fields(english)


def test_every_key_the_code_asks_for_exists() -> None:
    used = set()
    for path in KZRU.rglob("*.py"):
        used |= set(re.findall(r"""(?:label|Said|_said)\(\s*["']([a-z_]+\.[a-z_.]+)["']""",
                               path.read_text()))
    assert used, "no label() calls found: the pattern is stale"
    assert used <= set(TABLE), f"missing labels: {sorted(used - set(TABLE))}"


def test_label_fills_fields_and_falls_back_to_english() -> None:
    assert label("note.part_of", "en", id="x") == "part of x"
    assert label("note.part_of", "ru", id="x") == "часть x"
    assert label("col.date", "de") == "Date"
    with pytest.raises(KeyError):
        label("no.such.key")


def test_russian_tables_name_the_paraphrase(run) -> None:
    """With --lang ru the text column is the curators' Russian paraphrase, and says so; the
    headers are Russian too."""
    shown = run("facts", "--lang", "ru", "--format", "table", "--limit", "3").out
    header = shown.splitlines()[0]
    assert "пересказ" in header and "Дата" in header
    assert "Summary" not in shown and "Date" not in header
    english = run("facts", "--format", "table", "--limit", "3").out.splitlines()[0]
    assert "Summary (id)" in english


@pytest.mark.parametrize("args,english", [
    (("sources",), "Publisher"), (("sectors",), "Signed"), (("visits",), "Title (id)"),
    (("show", "2024-11-csto-council"), "Value"), (("sectors", "--matrix"), "Total")])
def test_lang_ru_tables_have_russian_headers_and_notes(run, args, english) -> None:
    shown = run(*args, "--lang", "ru", "--format", "table").out
    assert english not in shown and re.search("[а-я]", shown.splitlines()[0 if args[0] !=
                                                                        "show" else 1])
    assert english in run(*args, "--format", "table").out


def test_every_error_kzru_raises_is_a_message_of_the_table() -> None:
    """A KzruError built from an f-string would stay English under --lang ru: each one is a
    Said (a key of kzru/messages.py), or passes on another error's message."""
    built = re.compile(r"KzruError\(\s*(?!Said\(|_said\(|theirs\(|Exception\))([^)]{0,60})")
    found = []
    for path in KZRU.rglob("*.py"):
        for match in built.finditer(path.read_text()):
            found.append(f"{path.name}: {match.group(1)}")
    assert found == []
