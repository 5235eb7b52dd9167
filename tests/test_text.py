"""Normalisation, stemming and transliteration keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kzru.text import normalize, skeleton, stem, translit_key, words


def test_normalize_folds_case_yo_kazakh_letters_dashes_and_quotes() -> None:
    assert normalize("Ёлка") == "елка"
    assert normalize("Өскемен ҚАЗАҚСТАН") == "оскемен казакстан"
    assert normalize("Север — Юг «Росатом»") == 'север - юг "росатом"'
    assert normalize("e\u0301") == "\u00e9"  # NFC


def test_words_split_on_punctuation_and_keep_numbers() -> None:
    assert words("ГРЭС-2, «Росатом» и 24 млрд.") == ["грэс", "2", "росатом", "и", "24", "млрд"]


def test_russian_and_english_stems_meet_their_word_forms() -> None:
    assert stem("университеты") == stem("университета")
    assert stem("соглашение") == stem("соглашений")
    assert stem("agreements") == stem("agreement")


def test_transliteration_keys_meet_across_scripts() -> None:
    assert skeleton("достык") == skeleton("dostyk")
    assert skeleton("казинформ") == skeleton("kazinform")
    assert translit_key("костанай").startswith(translit_key("kostanay")[:6])
    assert translit_key("росатома") == translit_key("rosatom")


@given(st.text(max_size=200))
def test_normalize_is_idempotent_and_words_are_normalized(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    for word in words(text):
        assert word == normalize(word)
        assert word.strip() == word and word


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі", min_size=1, max_size=30))
def test_skeleton_of_cyrillic_is_latin(word: str) -> None:
    assert skeleton(normalize(word)).isascii()
