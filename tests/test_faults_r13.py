"""The fault suite's cases for the round-13 red team's findings in h17's share of kzru
(/work/wt/audits/redteam-r13.md, on d856cb5). Each failed on the commit the red team tested.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_fixtures import ROOT, full_folder, kzru

from kzru.errors import one_line

# --- #1 (medium): a full TMPDIR and a read that sorts more than SQLite's cache holds ------

MOSCOW = "2025-11-state-visit-moscow"  # 3,240 facts in the 20k table: its sort spills
READS = (("brief", MOSCOW, "--format", "md"), ("show", MOSCOW))


def test_a_full_tmpdir_does_not_fail_a_read_of_a_sound_index(table_20k: Path,
                                                             tmp_path: Path) -> None:
    """The index built and filed, then TMPDIR full: SQLite sorts a large event's facts in
    temporary files there, and every `brief` and `show` of it said 'internal error:
    OperationalError: database or disk is full', each run (a rebuild did not help: the new
    connection sorted in TMPDIR again). Now the read runs again with SQLite's temporary
    files in memory and answers as with room in TMPDIR (a cache of its own: the brief is
    not answered from what the other run kept)."""
    data = ("--data", str(table_20k))
    room = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "room")}
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    for each in (room, env):
        assert kzru("search", "газ", "-n", "1", *data, env=each).returncode == 0  # index filed
    wanted = {args: kzru(*args, *data, env=room) for args in READS}
    with full_folder(tmp_path / "full") as full:
        got = {args: kzru(*args, *data, env={**env, "TMPDIR": str(full)}) for args in READS}
    for args in READS:
        assert wanted[args].returncode == 0 and wanted[args].stdout, wanted[args].stderr
        assert (got[args].returncode, got[args].stderr) == (0, ""), (args, got[args].stderr)
        assert got[args].stdout == wanted[args].stdout, args


# --- #5 (low): SIGHUP (a terminal closed, ssh dropped) ends kzru the way SIGTERM does ----

ARTICLE = ("Астана, 5 декабря 2026 года\n\n"
           "Президенты Казахстана и России подписали соглашение о транзите газа.\n"
           "Товарооборот составил 28 млрд долларов.\n")
ENDINGS = {  # the signal: (exit status, what kzru says)
    signal.SIGTERM: (143, "kzru: terminated (SIGTERM)\n"),  # red team r12 #8b
    signal.SIGHUP: (129, "kzru: hung up (SIGHUP)\n"),
}


@pytest.mark.parametrize("number", list(ENDINGS), ids=lambda number: number.name)
def test_a_signal_that_ends_a_write_leaves_the_folder_as_it_was_and_unlocked(
        run, tmp_path: Path, number: signal.Signals) -> None:  # noqa: ANN001
    """`timeout kzru add …` (SIGTERM) or a closed terminal (SIGHUP) while add holds the
    folder: the old kzru died at once, said nothing and left .kzru-lock behind. Now: one
    line, exit 128 + the signal's number, the lock removed, the tables as they were."""
    pytest.importorskip("natasha")
    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    before = {path.name: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    article = tmp_path / "art.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, "-m", "kzru", "add", str(article), "--data",
                                str(folder), "--published", "2026-12-05"], env=env, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (folder / ".kzru-lock").exists() and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(number)
    out, err = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("add finished before the signal reached it")
    assert (process.returncode, err, out) == (*ENDINGS[number], "")
    assert {path.name: path.read_bytes() for path in folder.rglob("*")
            if path.is_file()} == before


@pytest.mark.parametrize("number", list(ENDINGS), ids=lambda number: number.name)
def test_a_signal_while_blocked_on_a_full_pipe_gives_the_flag_back(
        tmp_path: Path, number: signal.Signals) -> None:
    """stdout handed over non-blocking, nobody reading, kzru blocked in its write, then the
    signal: with SIGHUP the old kzru was killed outright and left the parent's pipe in
    blocking mode. Now it ends as for SIGTERM: one line, 128 + the number, the flag back."""
    reading, writing = os.pipe()
    os.set_blocking(writing, False)
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    child = subprocess.Popen([sys.executable, "-m", "kzru", "facts", "--format", "json"],
                             stdout=writing, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while os.get_blocking(writing) is False:  # kzru set it blocking: it is writing
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.01)
        time.sleep(0.5)  # the pipe fills while nobody reads: kzru waits in its write
        child.send_signal(number)
        os.set_blocking(reading, False)
        while child.poll() is None:
            try:
                os.read(reading, 1 << 20)
            except BlockingIOError:
                time.sleep(0.01)
        assert (child.returncode, child.stderr.read().decode()) == ENDINGS[number]
        assert os.get_blocking(writing) is False  # given back as it came
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(writing)
        os.close(reading)


# --- #10 (low): messages and hints ---------------------------------------------------------

@pytest.mark.parametrize(("marks", "said"), [(1, "(1 in all)"), (3, "(3 in all)")])
def test_invisible_characters_in_an_article_are_counted_without_a_wrong_plural(
        run, empty: Path, tmp_path: Path, marks: int, said: str) -> None:  # noqa: ANN001
    """(a) One right-to-left mark in an article: '(1 such characters in all)'."""
    article = tmp_path / "rtl.txt"
    article.write_text("Заголовок\nАСТАНА, 5 декабря 2026. Президенты подписали"
                       + "\u200f" * marks + " соглашение.\n", encoding="utf-8")
    done = run("add", str(article), "--data", str(empty), "--published", "2026-12-05")
    assert done.code == 2 and done.err.count("\n") == 1
    assert f"U+200F (right-to-left mark) in the article {said}: " in done.err


@pytest.mark.parametrize("name", ["~", "my table", "$HOME", "a;b"])
def test_the_hint_after_init_names_the_folder_as_a_shell_reads_it(
        run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:  # noqa: ANN001
    """(b) `kzru init --empty -- '~'` said 'add articles with: kzru add FILE --data ~', which
    pasted into a shell names the home folder. The hint's folder is quoted for a shell: the
    command it gives, as a shell reads it, names the folder just made."""
    monkeypatch.chdir(tmp_path)
    done = run("init", "--empty", "--", name)
    assert done.code == 0, done.err
    hint = done.out.rstrip("\n").split("add articles with: ", 1)[1]
    assert _as_a_shell_reads(hint) == ["kzru", "add", "FILE", "--data", name]


def _as_a_shell_reads(command: str) -> list[str]:
    """The words a POSIX shell makes of ``command`` (its expansions included)."""
    said = subprocess.run(["sh", "-c", f"printf '%s\\0' {command}"], capture_output=True,
                          env={"HOME": "/elsewhere", "PATH": os.environ["PATH"]})
    return said.stdout.decode().split("\0")[:-1]


def test_init_on_a_dangling_link_says_it_is_a_link(run, tmp_path: Path) -> None:  # noqa: ANN001
    """(c) A dangling link as DIR: refused (right), but as 'lnk: File exists', the OS's words.
    Now as every other link kzru will not write through; nothing is made where it points."""
    link = tmp_path / "lnk"
    link.symlink_to(tmp_path / "nowhere")
    done = run("init", "--empty", str(link))
    assert (done.code, done.out) == (2, "")
    assert done.err == f"kzru: {link}: is a symbolic link; give the folder itself\n"
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


def test_init_through_a_missing_folder_and_back_makes_no_other_folder(
        run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """(d) `kzru init --empty a/../escape` made ./escape and left an empty ./a behind. Now
    only the folder asked for is made, and the hint names it so that --data finds it."""
    monkeypatch.chdir(tmp_path)
    done = run("init", "--empty", "--", "a/../escape")
    assert done.code == 0, done.err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["escape"]
    hint = done.out.rstrip("\n").split("add articles with: ", 1)[1]
    assert Path(_as_a_shell_reads(hint)[-1]).resolve() == tmp_path / "escape"
    # a path that only goes up is said as typed
    (tmp_path / "in").mkdir()
    monkeypatch.chdir(tmp_path / "in")
    done = run("init", "--empty", "--", "../up")
    assert done.code == 0 and done.out.startswith("created ../up: "), done.out


@pytest.mark.parametrize("name", ["a\nb", "\t", "a\x1b[2Jb"])
def test_a_file_name_kzru_must_escape_is_also_quoted(run, tmp_path: Path,  # noqa: ANN001
                                                     name: str) -> None:
    """(e) `export --csv $'a\\nb'` said 'wrote 6 files to a\\x0ab' unquoted, while a name of a
    tab was quoted: a name that cannot be shown as it is, is shown quoted and escaped,
    like one of spaces."""
    folder = tmp_path / name
    done = run("export", "--csv", str(folder))
    assert done.code == 0, done.err
    shown = done.out.split(" to ", 1)[1].split(": ", 1)[0]
    assert shown == f"'{one_line(str(folder))}'"
    assert "\n" not in shown and "\x1b" not in shown and "\t" not in shown


def test_words_that_match_nothing_are_named_once_each(run) -> None:  # noqa: ANN001
    """(f) A phrase of two unknown words given 1,000 times: stderr said 'no match for: …'
    with the phrase 1,000 times over. Each word or phrase is named once, and a long list is
    cut with a count of the rest."""
    done = run("search", "--format", "tsv", "--", " ".join(['"зюзя кукуку"'] * 1000))
    assert done.code == 1 and done.err.count("\n") == 1
    assert done.err.count("зюзя кукуку") == 1
    many = " ".join(f"зюзя{letter}" for letter in "абвгдежзиклмнопрстуф")  # 20 words
    done = run("search", "--format", "tsv", "--", many)
    assert done.code == 1 and done.err.count("\n") == 1
    assert "зюзяа, зюзяб" in done.err and "зюзяф" not in done.err
    assert "and 10 more" in done.err


# --- lead (train 4): Ctrl-C a moment late, while kzru's interpreter tears down ------------

def test_ctrl_c_at_any_moment_of_add_ends_in_130_or_in_the_whole_answer(
        run, tmp_path: Path) -> None:  # noqa: ANN001
    """SIGINT at many moments of `kzru add`, from loading to after its answer: the old kzru,
    hit while its interpreter tore down (the handlers set back to the default action), was
    killed by the signal (-2) with nothing said, after it had written and printed. Now each
    run either stops (130, one line; the folder as it was, or, stopped after its write, with
    that write whole) or has finished (0, its answer printed); never killed, never a
    traceback, never a lock or a staged file left."""
    pytest.importorskip("natasha")
    article = tmp_path / "art.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "KZRU_CACHE_DIR": str(tmp_path / "cache")}
    seen = set()
    for step in range(14):
        folder = tmp_path / f"mine{step}"
        assert run("init", str(folder), "--empty").code == 0
        before = {path.name: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
        process = subprocess.Popen([sys.executable, "-m", "kzru", "add", str(article), "--data",
                                    str(folder), "--published", "2026-12-05"], env=env,
                                   cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
        time.sleep(0.15 + 0.1 * step)  # the interpreter is up (before, no handler is)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        seen.add(process.returncode)
        assert process.returncode in (0, 130), (step, process.returncode, err)
        assert "Traceback" not in err
        after = {path.name: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
        assert not [path for path in folder.iterdir() if path.name.startswith(".kzru-")]
        if process.returncode == 130:  # stopped: before its write, or after it was whole
            assert err == "kzru: interrupted\n"
            assert after == before or run("--data", str(folder), "check").code == 0
        else:
            assert out and after != before
    assert 130 in seen
