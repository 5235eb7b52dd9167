"""Normalisation, stemming and transliteration keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kzru.text import normalize, normalized_fields, skeleton, stem, translit_key, words


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


FOLDED = "ёЁәғқңөұүһіІ\u2010\u2011\u2012\u2013\u2014\u2212«»„“”’‘ʼ\u00a0\u202f"


@given(st.text(alphabet=st.sampled_from(FOLDED + "aZяЯ e\u0301-\"' "), max_size=40)
       | st.text(max_size=40))
def test_normalize_folds_exactly_as_its_translation_table_says(text: str) -> None:
    """normalize replaces each folded character it finds instead of translating every
    character (several times faster): the result must be what the table says, always."""
    import unicodedata

    from kzru.text import _FOLD

    assert normalize(text) == unicodedata.normalize("NFC", text).casefold().translate(_FOLD)


def test_fields_normalised_together_as_one_by_one() -> None:
    # a combining accent opening a field must not join the field before it, and ß grows
    fields = ["Ёлка ҚАЗАҚСТАН", "\u0301Е", "", "Straße — «дом»", "e\u0301"]
    assert normalized_fields(fields) == ["елка казакстан", "\u0301е", "", 'strasse - "дом"',
                                         "é"]
    # a field holding a line break (data that failed validation) is read on its own
    assert normalized_fields(["a\nB", "C"]) == ["a\nb", "c"]


@given(st.lists(st.text(max_size=30), max_size=6))
def test_fields_normalised_together_match_normalize(fields: list[str]) -> None:
    assert normalized_fields(fields) == [normalize(field) for field in fields]
