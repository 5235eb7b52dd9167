"""Red-team findings on add, review, check and export, each pinned by a test.

The articles here were written for these tests; expected values follow from the rules each
test names, not from a run of the code.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import folder_bytes  # noqa: E402

from kzru import store  # noqa: E402
from kzru.curate import pipeline, read  # noqa: E402

ARTICLE = "\n".join([
    "Павлодар, 14 апреля 2026 года",
    "",
    "Губернаторы двух приграничных областей подписали меморандум о совместной охране реки.",
    "Стороны договорились ежегодно обмениваться данными о качестве воды.",
    "Следующее заседание рабочей группы планируется провести осенью в Омске.",
    "",
])


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "river.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


# -- size: an article over the documented limit is refused before it is read ---------------

def test_an_article_over_the_limit_is_refused_in_one_line(empty: Path, tmp_path: Path,
                                                          run) -> None:  # noqa: ANN001
    """A 2.7 MB article drove memory past 2 GB: add reads at most 2 MiB of an article."""
    assert read.ARTICLE_LIMIT == 2 << 20
    huge = tmp_path / "huge.txt"
    line = ("Стороны подписали соглашение о сотрудничестве в области энергетики. " * 20)
    with huge.open("w", encoding="utf-8") as handle:
        handle.write("Астана, 5 марта 2026 года\n")
        while handle.tell() <= read.ARTICLE_LIMIT:
            handle.write(line + "\n")
    before = folder_bytes(empty)
    done = run("add", str(huge), "--data", str(empty))
    assert done.code == 2
    assert done.err.count("\n") == 1 and str(huge) in done.err and "2 MiB" in done.err
    assert folder_bytes(empty) == before


# -- line endings: the hash is over the text after newline normalisation, in add and check -

def test_a_crlf_copy_is_the_same_text_for_add_and_for_check(empty: Path, article: Path,
                                                            tmp_path: Path, run) -> None:  # noqa: ANN001,E501
    pipeline.add([article], empty)
    before = folder_bytes(empty)
    copy = tmp_path / "river-windows.txt"
    copy.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    done = run("add", str(copy), "--data", str(empty))
    assert done.code == 2 and "already source a000" in done.err
    assert folder_bytes(empty) == before
    # the stored text has line feeds; saved again with CRLF (an editor on Windows), check
    # --sources hashes it the same way and still finds every excerpt
    stored = empty / "articles" / "river.txt"
    assert b"\r" not in stored.read_bytes()
    stored.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    checked = run("check", "--data", str(empty), "--sources", str(empty / "articles"))
    assert checked.code == 0, checked.err
    assert "sha256" not in checked.err


def test_check_sources_reports_an_article_that_is_not_the_hashed_text(empty: Path,
                                                                      article: Path,
                                                                      run) -> None:  # noqa: ANN001,E501
    pipeline.add([article], empty)
    stored = empty / "articles" / "river.txt"
    stored.write_text(ARTICLE.replace("осенью", "весной"), encoding="utf-8")
    # the evidence is all still there: a warning, and an error under --strict
    checked = run("check", "--data", str(empty), "--sources", str(empty / "articles"))
    column = list(store.Source._fields).index("sha256") + 1
    assert f"warning: {empty / 'sources.csv'}:2:{column}: " in checked.err
    assert "is not the text source a000 was added from" in checked.err
    strict = run("check", "--data", str(empty), "--sources", str(empty / "articles"),
                 "--strict")
    assert strict.code == 2
    assert f"{empty / 'sources.csv'}:2:{column}: " in strict.err


# -- colour: review and add honour --no-color and NO_COLOR -----------------------------------

def _review_screen(run, folder: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                   *flags: str) -> str:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    done = run("review", "--data", str(folder), *flags)
    assert done.code == 0, done.err
    assert "draft 1 of" in done.out
    return done.out


def test_review_honours_no_color_and_NO_COLOR(empty: Path, article: Path, run,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.add([article], empty)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    # the control: with colour forced, the screen has escape codes (bold sentence, rule)
    assert "\x1b[" in _review_screen(run, empty, monkeypatch, "--color", "always")
    assert "\x1b[" not in _review_screen(run, empty, monkeypatch, "--no-color")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in _review_screen(run, empty, monkeypatch)


# -- messages name the user's files, never a scratch or temporary file -----------------------

def test_an_evidence_problem_names_the_article_given_not_the_scratch_copy(
        empty: Path, article: Path, monkeypatch: pytest.MonkeyPatch, run) -> None:  # noqa: ANN001,E501
    real = store.verify_evidence

    def broken(dataset, folder: Path) -> list[str]:  # noqa: ANN001
        # what verify_evidence says of an unreadable article: the path it read
        return [f"{folder / 'river.txt'}: cannot read article for source a000: denied",
                *real(dataset, folder)]

    monkeypatch.setattr(store, "verify_evidence", broken)
    done = run("add", str(article), "--data", str(empty))
    assert done.code == 2
    assert f"{article}: cannot read article" in done.err
    assert "kzru-add-" not in done.err and "/tmp/kzru" not in done.err.replace(str(empty), "")


def test_a_failed_write_names_the_data_file_not_the_temporary_one(
        empty: Path, article: Path, monkeypatch: pytest.MonkeyPatch, run) -> None:  # noqa: ANN001,E501
    from kzru import writer

    def denied(prefix: str = "", dir: str = "", **_: object) -> tuple[int, str]:  # noqa: A002
        raise PermissionError(13, "Permission denied", os.path.join(dir, prefix + "x1y2z3"))

    before = folder_bytes(empty)
    monkeypatch.setattr(writer.tempfile, "mkstemp", denied)
    done = run("add", str(article), "--data", str(empty))
    assert done.code == 2
    assert done.err.count("\n") == 1
    assert str(empty) in done.err and "nothing was changed" in done.err
    assert writer.TEMP_PREFIX not in done.err and "x1y2z3" not in done.err
    assert folder_bytes(empty) == before


# -- links: a source url is an http(s) address, in check and in add -------------------------

def _set_url(folder: Path, url: str) -> int:
    """Put ``url`` in the first source row; return the url column (1-based)."""
    import csv
    import io

    path = folder / "sources.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    column = rows[0].index("url")
    rows[1][column] = url
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return column + 1


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd",
                                 "data:text/html,<b>x</b>", "ftp://example.org/a.txt",
                                 "https://", "http://exa mple.org/"])
def test_check_refuses_a_source_url_that_is_not_a_web_address(data_copy: Path, run,  # noqa: ANN001,E501
                                                              url: str) -> None:
    column = _set_url(data_copy, url)
    done = run("check", "--data", str(data_copy))
    assert done.code == 2
    assert f"{data_copy / 'sources.csv'}:2:{column}: " in done.err
    assert "not a web address" in done.err


@pytest.mark.parametrize("url", ["https://example.kz/news/2026/04/river?id=7#top",
                                 "HTTP://EXAMPLE.ORG"])
def test_check_keeps_plain_web_addresses(data_copy: Path, run, url: str) -> None:  # noqa: ANN001
    _set_url(data_copy, url)
    done = run("check", "--data", str(data_copy))
    assert done.code == 0, done.err
    assert done.out.startswith(f"ok: {data_copy}: ") and "web address" not in done.err
    assert url in (data_copy / "sources.csv").read_text(encoding="utf-8")  # as it was


def test_add_refuses_a_url_option_that_is_not_a_web_address(empty: Path, article: Path,
                                                            run) -> None:  # noqa: ANN001
    done = run("add", str(article), "--data", str(empty), "--url", "javascript:alert(1)")
    assert done.code == 2 and done.err.count("\n") == 1
    assert "--url" in done.err and "http" in done.err
    done = run("add", str(article), "--data", str(empty), "--url",
               "https://example.kz/news/river", "--format", "json")
    assert done.code == 0
    (source,) = store.load(empty).sources.values()
    assert source.url == "https://example.kz/news/river"


# -- export: a user's database gets the umask's mode, not the cache's private one ------------

def test_export_db_gets_the_mode_of_the_users_umask(tmp_path: Path, run) -> None:  # noqa: ANN001
    old = os.umask(0o022)
    try:
        target = tmp_path / "facts.db"
        assert run("export", str(target)).code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        os.umask(0o027)
        other = tmp_path / "private.db"
        assert run("export", str(other)).code == 0
        assert stat.S_IMODE(other.stat().st_mode) == 0o640
    finally:
        os.umask(old)


# -- formula starts: a sentence skipped for one is counted in add's summary -----------------

def test_a_sentence_skipped_for_a_formula_start_is_counted(empty: Path, tmp_path: Path,
                                                           run) -> None:  # noqa: ANN001
    path = tmp_path / "figures.txt"
    path.write_text("Костанай, 2 июня 2026 года\n\n"
                    "+15% составил рост экспорта зерна в Россию за пять месяцев.\n"
                    "=Итог: стороны подписали протокол о поставках зерна.\n"
                    "Министры договорились расширить перечень товаров для поставок.\n",
                    encoding="utf-8")
    done = run("add", str(path), "--data", str(empty), "--format", "json")
    assert done.code == 0, done.err
    (row,) = json.loads(done.out)
    assert row["skipped"] == {"formula start": 2}
    facts = store.load(empty).facts.values()
    assert not [f for f in facts if f.evidence[:1] in "=+-@"]
    assert [f for f in facts if "перечень товаров" in f.evidence]


def test_the_summary_table_shows_the_formula_skips(empty: Path, tmp_path: Path,
                                                   run) -> None:  # noqa: ANN001
    path = tmp_path / "figures.txt"
    path.write_text("Костанай, 2 июня 2026 года\n\n"
                    "@Минсельхоз сообщил, что стороны подписали протокол о поставках зерна.\n"
                    "Министры договорились расширить перечень товаров для поставок.\n",
                    encoding="utf-8")
    done = run("add", str(path), "--data", str(empty), "--format", "table", "--no-color")
    assert done.code == 0, done.err
    assert "1 (formula start)" in done.out and "skipped:" in done.out
