"""The fault suite's cases for reading a write journal (issue 14's twin, r12): the journal is
read as every small file of kzru's is (files.read_limited: a regular file, never through a
link, never a FIFO that blocks, within its size), and each refusal says why in the reader's
language. The old reader had its own copy of those checks and said why in English inside a
Russian sentence ("это не журнал записи kzru (not a regular file)")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kzru import files
from kzru.errors import KzruError

JOURNAL = ".kzru-journal"
RU_TAIL = "; ничего не прочитано и не изменено: удалите его, если kzru не запущен"
EN_TAIL = "; nothing was read or changed: remove it if no kzru is running"


def _plant(folder: Path, kind: str) -> None:
    path = folder / JOURNAL
    if kind == "link":
        target = folder.parent / "elsewhere.json"
        target.write_text('{"kzru": "journal", "state": "forward", "files": []}')
        path.symlink_to(target)
    elif kind == "folder":
        path.mkdir()
    elif kind == "too big":
        path.write_bytes(b" " * ((1 << 20) + 1))
    elif kind == "not utf-8":
        path.write_bytes(b'{"kzru": "\xff"}')
    elif kind == "garbage":
        path.write_bytes(b"\xff\x00 not json")
    elif kind == "not json":
        path.write_text("{\n  nope\n}", encoding="utf-8")
    elif kind == "not a journal":
        path.write_text('{"kzru": "notes"}', encoding="utf-8")
    elif kind == "foreign file":
        path.write_text(json.dumps({"kzru": "journal", "state": "forward",
                                    "files": [["../x.txt", ".kzru-write-a", None]]}),
                        encoding="utf-8")
    elif kind == "bad entry":
        path.write_text(json.dumps({"kzru": "journal", "state": "forward",
                                    "files": [["facts.csv"]]}), encoding="utf-8")


# kind: (why in English, as kzru said it before; why in Russian)
WHY = {
    "link": ("a symbolic link, not a regular file", "символическая ссылка, а не обычный файл"),
    "folder": ("a folder, not a regular file", "папка, а не обычный файл"),
    "too big": ("more than 1 MiB", "больше 1 МиБ"),
    "not utf-8": ("not UTF-8 at byte 10", "не UTF-8 в байте 10"),
    "garbage": ("not UTF-8 at byte 0", "не UTF-8 в байте 0"),
    "not json": ("Expecting property name enclosed in double quotes: line 2 column 3",
                 "JSON с ошибкой: строка 2, столбец 3"),
    "not a journal": ("not a kzru journal", "поля не те, что пишет kzru"),
    "foreign file": ("names a file kzru does not write: '../x.txt'",
                     "называет файл, который kzru не пишет: '../x.txt'"),
    "bad entry": ("an entry is not (target, staged, old)",
                  "запись не вида (файл, подготовленный файл, старый файл)"),
}


@pytest.mark.parametrize("kind", list(WHY))
def test_a_refused_journal_says_why_in_the_readers_language(run, data_copy: Path,  # noqa: ANN001
                                                           kind: str) -> None:
    _plant(data_copy, kind)
    english, russian = WHY[kind]
    path = data_copy / JOURNAL
    done = run("--data", str(data_copy), "sources")
    assert done.code == 2 and done.out == ""
    assert done.err == f"kzru: {path}: not a journal kzru wrote ({english}){EN_TAIL}\n"
    done = run("--lang", "ru", "--data", str(data_copy), "sources")
    assert done.code == 2 and done.out == ""
    assert done.err == f"kzru: {path}: это не журнал записи kzru ({russian}){RU_TAIL}\n"
    said = done.err.replace(str(path), "").replace("../x.txt", "")
    assert not re.findall(r"\b(?!kzru\b|JSON\b|UTF\b|MiB\b)[A-Za-z]{2,}", said), said
    assert path.is_symlink() or path.exists()  # never removed: it is not kzru's


def test_a_small_file_that_grows_past_its_limit_while_read_is_refused_not_cut(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """read_limited checks the size when the file is opened; a file that grew past the
    limit after that was cut at the limit and read as whole (a journal, the package file,
    a memo). Now it is refused as too big."""
    path = tmp_path / "grows.json"
    path.write_bytes(b"0123456789" + b"more")
    monkeypatch.setattr(files, "check_regular", lambda path, info, limit: None)  # opened small
    with pytest.raises(KzruError, match=r"grows\.json: is 14 bytes, more than"):
        files.read_limited(path, 10)
    path.write_bytes(b"0123456789")
    assert files.read_limited(path, 10) == b"0123456789"


def test_a_lock_file_its_holder_removes_as_it_is_opened_is_taken_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer removes .kzru-lock on its way out while still holding it; a reader that opened
    the file a moment before sees it with no name left (st_nlink 0). That is the holder
    leaving, not a hard link planted elsewhere: the reader tries again and takes a new lock
    file, instead of refusing the folder (a train's full suite at load 4 failed
    test_a_reader_waits_for_a_live_writer_to_finish_its_renames this way)."""
    import os

    from kzru import journal

    folder = tmp_path / "data"
    folder.mkdir()
    lock = folder / journal.LOCK_NAME
    lock.write_text("12345\n", encoding="utf-8")
    real_open = os.open
    opened: list[str] = []

    def open_then_holder_leaves(path, flags, mode=0o777, **kwargs):  # noqa: ANN001, ANN202
        descriptor = real_open(path, flags, mode, **kwargs)
        if str(path) == str(lock) and not opened:
            opened.append("once")
            os.unlink(path)  # the holder's last step, between this open and the fstat
        return descriptor

    monkeypatch.setattr(os, "open", open_then_holder_leaves)
    with journal.folder_lock(folder):
        assert lock.read_text(encoding="utf-8") == f"{os.getpid()}\n"
        assert opened == ["once"]
    assert not lock.exists()
