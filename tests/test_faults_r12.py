"""The fault suite's cases for the round-12 red team's findings on kzru's own code
(/work/wt/audits/redteam-r12.md; docs/audits/2026-12-05-second-read-r12.md says which were
fixed where). Each failed on the commit the red team tested.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_fixtures import ROOT, full_folder, kzru

# --- #1 (medium): a first build when files cannot grow or TMPDIR is full ------------------

def test_a_first_build_that_cannot_write_files_answers_from_memory(table_20k: Path,
                                                                    tmp_path: Path) -> None:
    """No file may grow past 2 MB (ulimit -f): the scratch index fails, and the old build in
    memory failed too, because SQLite sorted its indexes in temporary files: 'internal
    error: OperationalError: disk I/O error' on every read command, every run. Now the
    build in memory keeps its temporary files in memory and answers."""
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    args = ("search", "газ", "-n", "3", "--format", "json", "--data", str(table_20k))
    limited = kzru(*args, env=env, limit=2 << 20)
    assert "internal error" not in limited.stderr and limited.returncode == 0, limited.stderr
    plain = kzru(*args, env={**env, "KZRU_CACHE_DIR": str(tmp_path / "other")})
    assert plain.returncode == 0 and json.loads(limited.stdout) == json.loads(plain.stdout)


def test_a_full_tmpdir_still_files_the_index(table_20k: Path, tmp_path: Path) -> None:
    """TMPDIR on a full file system, the cache folder with room: the old build failed, fell
    back to memory, failed again (internal error), and filed nothing. Now the build is done
    again with SQLite's temporary files in memory and filed."""
    with full_folder(tmp_path / "full") as full:
        cache = tmp_path / "cache"
        env = {**os.environ, "KZRU_CACHE_DIR": str(cache), "TMPDIR": str(full)}
        done = kzru("search", "газ", "-n", "1", "--format", "json", "--data",
                    str(table_20k), env=env)
        assert done.returncode == 0 and "internal error" not in done.stderr, done.stderr
        assert len(list(cache.glob("index-*.sqlite"))) == 1


# --- #4 (low): a worker outliving a SIGKILLed build -----------------------------------------

ORPHAN = """
import json, os, signal, sys, time
from pathlib import Path
from kzru import word_worker
marker = Path(sys.argv[1])
def serve(words, pipe, path):  # the worker: its main process is SIGKILLed now
    streams = [os.readlink(f"/proc/self/fd/{fd}") for fd in (0, 1, 2)]
    started = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]
    Path(f"{marker}.killed").write_text(json.dumps(
        {"pid": os.getpid(), "started": started, "streams": streams}))
    os.kill(os.getppid(), signal.SIGKILL)
    time.sleep(3)
    marker.write_text("outlived its build")
    return 1
word_worker._serve = serve
sys.argv = ["kzru", "facts", "-n", "1", "--format", "tsv", "--data", sys.argv[2]]
from kzru.start import main
main()
"""


def _ended(pid: int, started: str) -> bool:
    """The process is gone (or a zombie: it runs no more code), or its id is another's."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat[0] in ("Z", "X") or stat[19] != started


def test_a_worker_dies_with_its_build_and_holds_no_output_open(data_copy: Path,
                                                               tmp_path: Path) -> None:
    """kzru SIGKILLed while its worker runs: the old worker went on for seconds, writing
    into a scratch file, and kept kzru's stdout open, so `kzru … | cat` waited for it. Now
    its standard streams are /dev/null, so it holds none of kzru's, and the kernel ends it
    with its main process, before it can write anything more (no clock decides: the worker
    writes its marker before it could end on its own, so a worker that outlived its build
    has written it by the time it is gone)."""
    marker = tmp_path / "marker"
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", ORPHAN, str(marker), str(data_copy)],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    worker = json.loads(Path(f"{marker}.killed").read_text())
    assert worker["streams"] == ["/dev/null"] * 3
    deadline = time.monotonic() + 60  # only a bound on a hung test, not a measurement
    while not _ended(worker["pid"], worker["started"]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _ended(worker["pid"], worker["started"]), "the worker outlived its build"
    assert not marker.exists()


# --- #7 (low): an undo that removes a file names it -----------------------------------------

@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_file_an_undo_removes_is_named(run, data_copy: Path, lang: str) -> None:  # noqa: ANN001
    """A journal turned back, naming review.json with review.json's own identity (a planted
    journal, or an inode reused after a real killed write): the undo removes it, and the
    old notice said only '1 files put back as they were'. Each removed file is named now,
    and the count reads right in both languages."""
    notes = data_copy / "review.json"
    notes.write_text('{"drafts": {}, "skipped": []}', encoding="utf-8")
    found = os.lstat(notes)
    (data_copy / ".kzru-journal").write_text(json.dumps(
        {"kzru": "journal", "version": 2, "state": "back",
         "files": [["review.json", ".kzru-write-a", None, [found.st_dev, found.st_ino]]]}),
        encoding="utf-8")
    done = run("--lang", lang, "--data", str(data_copy), "facts", "--limit", "1")
    assert done.code == 0, done.err
    said = {
        "en": [f"kzru: {data_copy}: undid a write a stopped kzru left, from its journal "
               "(files: 1)",
               f"kzru: {notes}: removed: the new file that write had put there"],
        "ru": [f"kzru: {data_copy}: отменена запись, оставленная остановленным kzru, по его "
               "журналу (файлов: 1)",
               f"kzru: {notes}: удалён: новый файл, который эта запись туда положила"]}
    assert done.err.splitlines() == said[lang]


# --- #8b (low): SIGTERM ends kzru the way Ctrl-C does: tests/test_faults_r13.py, with SIGHUP


# --- #5 (low): a page of very many elements -----------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_page_of_too_many_elements_is_refused_in_one_line(run, empty: Path,  # noqa: ANN001
                                                            tmp_path: Path, lang: str) -> None:
    """Two real paragraphs and 30,000 <p>x</p>: the old add read it for many seconds (150,000
    took 83 s and 368 MB) and drafted the lines of x. Now it is refused at once, naming the
    limit; the folder is unchanged."""
    from kzru.curate.read import PAGE_ELEMENTS

    body = ("<p>АСТАНА, 5 декабря 2026. Президенты Казахстана и России подписали соглашение "
            "о транзите газа.</p><p>Товарооборот составил 28 млрд долларов.</p>")
    page = tmp_path / "wide.html"
    page.write_text("<html><head><title>Токаев и Путин</title></head><body><article>" + body
                    + "<p>x</p>" * 30000 + "</article></body></html>", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in empty.rglob("*") if path.is_file()}
    done = run("--lang", lang, "add", str(page), "--data", str(empty), "--published",
               "2026-12-05")
    assert done.code == 2 and done.out == ""
    said = {"en": f"kzru: {page}: the page has 30007 elements, more than the {PAGE_ELEMENTS} "
                  "kzru add reads from one page\n",
            "ru": f"kzru: {page}: на странице 30007 элементов — больше {PAGE_ELEMENTS}, "
                  "которые kzru add читает с одной страницы\n"}
    assert done.err == said[lang]
    assert {path.name: path.read_bytes() for path in empty.rglob("*")
            if path.is_file()} == before


# --- #6 (low): a page nested past the HTML parser's limit -----------------------------------

def test_a_page_nested_too_deeply_is_said_to_be(run, empty: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """1,000 nested <div> around two paragraphs (the red team used 50,000, now refused for
    its elements): the parser stops at 255 levels and the old
    message said the page held no article text. Now it says why it cannot be read."""
    pytest.importorskip("trafilatura")
    body = ("<p>АСТАНА, 5 декабря 2026. Президенты Казахстана и России подписали соглашение "
            "о транзите газа.</p><p>Товарооборот составил 28 млрд долларов.</p>")
    page = tmp_path / "deep.html"
    page.write_text("<html><head><title>Токаев и Путин</title></head><body>" + "<div>" * 1000
                    + body + "</div>" * 1000 + "</body></html>", encoding="utf-8")
    done = run("add", str(page), "--data", str(empty), "--published", "2026-12-05")
    assert done.code == 2 and done.out == ""
    assert done.err == (f"kzru: {page}: the page nests its elements more than 255 deep, too "
                        "deep to be read\n")


# --- #8a (low): a name of spaces is shown, not blank ----------------------------------------

@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_file_name_of_spaces_is_shown_quoted(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                               lang: str) -> None:
    """`kzru export --csv .` in a folder holding a folder named ' ': the old message began
    'kzru:   was not written by kzru', the name an invisible space."""
    place = tmp_path / "ep"
    (place / " ").mkdir(parents=True)
    monkeypatch.chdir(place)
    done = run("--lang", lang, "export", "--csv", ".")
    assert done.code == 2 and done.err.count("\n") == 1
    assert done.err.startswith("kzru: ' ' ") or done.err.startswith("kzru: ' ':"), done.err
