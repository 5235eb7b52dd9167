"""The fault suite's case for saved pages' encodings (red team r11 #4): a page's charset is the
one a browser's pre-scan finds (the WHATWG HTML standard): a <meta charset>, or a <meta
http-equiv="content-type"> with a content naming one. A tag's quoted attribute holding
"<meta charset=…>", a data-charset, a description's content or a name that only contains the
words declares nothing, so a windows-1251 page is never read as KOI8-R (mojibake registered as
the article).
"""

from __future__ import annotations

import pytest

from kzru.curate.page_encoding import decode_page

TITLE = "Токаев и Путин подписали соглашение"


def _page(before: str) -> bytes:
    """A windows-1251 page whose own declaration comes after ``before``."""
    return (f'<html><head>{before}<meta charset="windows-1251"><title>{TITLE}</title></head>'
            f"<body><p>АСТАНА, 5 декабря. {TITLE}.</p></body></html>").encode("cp1251")


@pytest.mark.parametrize("before", [
    '<div title="a>b <meta charset=koi8-r>">',  # a ">" inside quotes does not end the tag
    '<meta name="x" data-charset="koi8-r">',  # another attribute's name
    '<meta name="description" content="text/html; charset=koi8-r">',  # content, no http-equiv
    '<meta name="charset=koi8-r">',  # a value holding the words
    "<!-- <meta charset=koi8-r> -->",  # a comment
    "<!--><!-- <meta charset=koi8-r> -->",  # <!--> is a whole comment
    '<meta http-equiv="refresh" content="0; charset=koi8-r">',  # the wrong http-equiv
], ids=["quoted >", "data-charset", "description content", "name", "comment", "empty comment",
        "refresh"])
def test_only_a_declaration_a_browser_reads_decides_the_encoding(before: str) -> None:
    text = decode_page(_page(before))
    assert TITLE in text and "АСТАНА, 5 декабря" in text


@pytest.mark.parametrize("declaration", [
    '<meta charset="koi8-r">', "<META CHARSET=KOI8-R>", "<meta charset='koi8-r'>",
    "<meta/charset=koi8-r>",
    '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
    "<meta content='text/html;charset=\"koi8-r\"' http-equiv=content-type>",
])
def test_a_declaration_a_browser_reads_is_obeyed(declaration: str) -> None:
    page = (f"<html><head>{declaration}<title>{TITLE}</title></head><body><p>{TITLE}.</p>"
            "</body></html>").encode("koi8-r")
    assert TITLE in decode_page(page)


def test_the_first_of_two_charset_attributes_counts() -> None:
    page = (f'<meta charset="koi8-r" charset="windows-1251"><title>{TITLE}</title>'
            ).encode("koi8-r")
    assert TITLE in decode_page(page)


# --- second read (r12): a label is looked up as a browser looks it up ---------------------

@pytest.mark.parametrize("first", [
    b'<meta charset="\xe9\xe9">',  # bytes that are no ASCII: no label (was a crash)
    b'<meta charset="bogus-8">',  # no such encoding
    b'<meta http-equiv="content-type" content="text/html; charset=bogus-8">',
], ids=["non-ascii", "unknown", "unknown in content"])
def test_a_label_of_no_encoding_declares_nothing_and_the_next_meta_counts(first: str) -> None:
    """WHATWG: a <meta> whose label names no encoding is passed over and the pre-scan goes
    on. The old reader stopped at the first <meta> (and crashed on a label that is not
    ASCII), then read this KOI8-R page by guessing."""
    page = first + f'<meta charset="koi8-r"><title>{TITLE}</title>'.encode("koi8-r")
    assert TITLE in decode_page(page)


@pytest.mark.parametrize(("label", "encoding"), [
    ("koi8", "koi8-r"), ("koi", "koi8-r"), ("cskoi8r", "koi8-r"), ("x-cp1251", "cp1251"),
    (" windows-1251 ", "cp1251"), ("WINDOWS-1251", "cp1251")])
def test_labels_browsers_know_are_read_as_browsers_read_them(label: str, encoding: str) -> None:
    """koi8, koi and x-cp1251 are browsers' labels that Python does not know: the old
    reader guessed, and read a KOI8-R title as Japanese. Spaces around a label and its case
    do not matter."""
    for text in (TITLE, "Привет мир"):
        page = f'<meta charset="{label}"><title>{text}</title>'.encode(encoding)
        assert text in decode_page(page), text


def test_a_label_only_python_knows_is_no_declaration() -> None:
    """"rot13" or "base64" name Python codecs, never a page's encoding: no declaration, and
    the page is read as UTF-8 when it is."""
    for label in ("rot13", "base64", "unicode-escape", "utf-7"):
        page = f'<meta charset="{label}"><title>Astana \\x1b</title>'.encode("ascii")
        assert decode_page(page) == page.decode("ascii"), label
