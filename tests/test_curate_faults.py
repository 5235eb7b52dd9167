"""Red team of 2026-12-05, curation findings: each test fails on the code it was found in.

The articles were written for these tests; expected values follow from the promise each test
names (README "Curating"), never from a run of the code.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("natasha")

from conftest import folder_bytes as every_file  # noqa: E402
from conftest import read_table  # noqa: E402

from kzru.curate import pipeline  # noqa: E402

ARTICLE = "\n".join([
    "Астана, 5 марта 2026 года",
    "",
    "Президент Казахстана и президент России провели переговоры в Астане.",
    "По итогам встречи стороны подписали соглашение о сотрудничестве в области энергетики.",
    "Министры транспорта договорились о строительстве новой железнодорожной линии.",
    "",
])


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of a data folder but the lock file (which names its last holder)."""
    return every_file(folder, ignore=(".kzru-lock",))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


class Terminal:
    """A kzru command on a pseudo-terminal: read what it printed, type lines or Ctrl-D."""

    def __init__(self, *args: str) -> None:
        import pty

        self.leader, follower = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kzru", *args], stdin=follower, stdout=follower,
            stderr=follower, env={**os.environ, "COLUMNS": "100", "TERM": "xterm",
                                  "KZRU_PAGER": ""})
        os.close(follower)
        self.seen = b""

    def wait_for(self, text: bytes, after: int = 0) -> int:
        """Read until ``text`` shows after offset ``after``; where it ends (a minute at most)."""
        import select

        deadline = time.time() + 60
        while text not in self.seen[after:] and time.time() < deadline:
            if select.select([self.leader], [], [], 1)[0]:
                try:
                    self.seen += os.read(self.leader, 65536)
                except OSError:
                    break
        assert text in self.seen[after:], self.seen.decode("utf-8", "replace")[-800:]
        return self.seen.index(text, after) + len(text)

    def type(self, line: bytes) -> None:
        os.write(self.leader, line + b"\n")

    def eof(self) -> None:
        os.write(self.leader, b"\x04")  # Ctrl-D at the start of a line: end of input

    def close(self) -> int:
        code = self.process.wait(timeout=60)
        os.close(self.leader)
        return code


# -- 3: Ctrl-D at a value prompt abandons the action, it never answers it ----------------------

def test_ctrl_d_at_the_summary_prompt_accepts_nothing(empty: Path, article: Path) -> None:
    """Ctrl-D at "English summary >" accepted the draft with the summary 'q'."""
    pipeline.add([article], empty)
    drafts = [row for row in read_table(empty, "facts") if row["review"] == "draft"]
    # the draft with sectors set (energy): accept asks for the summary only
    target = next(i for i, row in enumerate(drafts) if row["sectors"] and not row["summary"])
    before = folder_bytes(empty)
    terminal = Terminal("review", "--data", str(empty))
    at = 0
    for _ in range(target):
        at = terminal.wait_for(b"[q]uit", at)
        terminal.type(b"s")
    at = terminal.wait_for(b"[q]uit", at)
    terminal.type(b"a")
    at = terminal.wait_for(b"English summary", at)
    terminal.eof()
    at = terminal.wait_for(b"[q]uit", at)  # back at the same draft's actions
    terminal.type(b"e")
    at = terminal.wait_for(b"edit", at)
    terminal.type(b"summary: not kept")
    terminal.eof()  # Ctrl-D in an edit drops its lines
    at = terminal.wait_for(b"[q]uit", at)
    terminal.eof()  # Ctrl-D at the action prompt quits
    assert terminal.close() == 0
    row = next(r for r in read_table(empty, "facts") if r["id"] == drafts[target]["id"])
    assert (row["review"], row["summary"]) == ("draft", "")
    after = folder_bytes(empty)
    # only the skips are remembered; no table changed
    assert {k: v for k, v in after.items() if k.endswith(".csv")} == \
        {k: v for k, v in before.items() if k.endswith(".csv")}


# -- 2: two curators at once: the second writer is refused, nothing anyone wrote is lost ----

HOLD = """
import sys, time
from pathlib import Path
from kzru import writer
with writer.folder_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


def _held(folder: Path) -> subprocess.Popen:
    """Another kzru holding ``folder`` (as an add or a review does while it runs)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def test_add_is_refused_while_another_kzru_changes_the_folder(empty: Path, article: Path,
                                                              run) -> None:  # noqa: ANN001
    before = folder_bytes(empty)
    holder = _held(empty)
    try:
        done = run("add", str(article), "--data", str(empty))
    finally:
        holder.kill()
        holder.wait()
    assert done.code == 2
    assert done.err == (f"kzru: {empty} is being changed by another kzru (pid {holder.pid}); "
                        "try again when it finishes\n")
    assert folder_bytes(empty) == before
    assert run("add", str(article), "--data", str(empty)).code == 0  # released when it ends


def test_review_decisions_are_refused_while_another_kzru_changes_the_folder(
        empty: Path, article: Path, run) -> None:  # noqa: ANN001
    pipeline.add([article], empty)
    draft = next(r["id"] for r in read_table(empty, "facts") if r["review"] == "draft")
    before = folder_bytes(empty)
    holder = _held(empty)
    try:
        done = run("review", "--data", str(empty), "--reject", draft)
    finally:
        holder.kill()
        holder.wait()
    assert done.code == 2 and "is being changed by another kzru" in done.err
    assert folder_bytes(empty) == before


def test_two_adds_at_once_keep_both_or_refuse_one(empty: Path, article: Path,
                                                  tmp_path: Path) -> None:
    """Both said source a000 and only one was kept: each add that says it succeeded must
    find its source in the table, each under its own id."""
    second = tmp_path / "other.txt"
    second.write_text(ARTICLE.replace("Астане", "Алматы"), encoding="utf-8")
    adds = [subprocess.Popen([sys.executable, "-m", "kzru", "add", str(path), "--data",
                              str(empty), "--format", "tsv"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for path in (article, second)]
    results = [(add.wait(timeout=300), add.stdout.read(), add.stderr.read()) for add in adds]
    for add in adds:
        add.stdout.close()
        add.stderr.close()
    sources = read_table(empty, "sources")
    succeeded = [out for code, out, _ in results if code == 0]
    assert len(sources) == len(succeeded) >= 1
    said = {line.split("\t")[1] for out in succeeded for line in out.splitlines()[1:]}
    assert said == {row["id"] for row in sources}
    for code, _, err in results:
        assert code == 0 or (code == 2 and "is being changed by another kzru" in err)


def test_an_add_during_an_open_review_session_is_refused_and_nothing_is_lost(
        empty: Path, article: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    """A review open while add committed wiped the added source at the next decision."""
    pipeline.add([article], empty)
    second = tmp_path / "other.txt"
    second.write_text(ARTICLE.replace("Астане", "Алматы"), encoding="utf-8")
    terminal = Terminal("review", "--data", str(empty))
    at = terminal.wait_for(b"is held for this review")
    at = terminal.wait_for(b"[q]uit", at)
    added = run("add", str(second), "--data", str(empty))
    assert added.code == 2 and "is being changed by another kzru" in added.err
    terminal.type(b"r")
    terminal.wait_for(b"rejected", at)
    terminal.type(b"q")
    assert terminal.close() == 0
    assert run("add", str(second), "--data", str(empty)).code == 0
    sources = read_table(empty, "sources")
    assert [row["file"] for row in sources] == ["talks.txt", "other.txt"]


def test_a_session_never_saves_over_tables_changed_since_it_read_them(
        empty: Path, article: Path, tmp_path: Path) -> None:
    from kzru.curate.review import Session
    from kzru.errors import KzruError

    pipeline.add([article], empty)
    session = Session(empty)
    second = tmp_path / "other.txt"
    second.write_text(ARTICLE.replace("Астане", "Алматы"), encoding="utf-8")
    pipeline.add([second], empty)  # another curator, while this session is open
    session.reject(session.drafts()[0])
    with pytest.raises(KzruError, match="changed by another kzru since this review read it"):
        session.save()
    assert [row["file"] for row in read_table(empty, "sources")] == ["talks.txt", "other.txt"]


# -- 4: a folder's links are not followed, a link by name is refused, no mode is widened ----

def test_add_skips_a_folders_links_and_says_so(empty: Path, article: Path, tmp_path: Path,
                                               run) -> None:  # noqa: ANN001
    """A link in an article folder to a private key was copied world-readable."""
    import stat

    secret = tmp_path / "id_ed25519.txt"
    secret.write_text("SECRET KEY MATERIAL line one\nb3BlbnNzaC1rZXk\n", encoding="utf-8")
    secret.chmod(0o600)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "real.txt").write_bytes(article.read_bytes())
    (inbox / "notes.txt").symlink_to(secret)
    done = run("add", str(inbox), "--data", str(empty), "--published", "2026-03-05",
               "--format", "tsv")
    assert done.code == 0, done.err
    assert "skipped 1 symbolic link (notes.txt)" in done.err and done.err.count("\n") == 1
    assert [row["file"] for row in read_table(empty, "sources")] == ["real.txt"]
    assert not (empty / "articles" / "notes.txt").exists()
    assert "SECRET" not in "".join(p.read_text("utf-8") for p in empty.rglob("*.csv"))
    refused = run("add", str(inbox / "notes.txt"), "--data", str(empty))
    assert refused.code == 2 and "is a symbolic link" in refused.err
    assert refused.err.count("\n") == 1
    # a private article given by name stays private in the data folder
    private = tmp_path / "private.txt"
    private.write_text(ARTICLE.replace("Астане", "Алматы"), encoding="utf-8")
    private.chmod(0o600)
    assert run("add", str(private), "--data", str(empty)).code == 0
    mode = stat.S_IMODE((empty / "articles" / "private.txt").stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)


# -- 5: a page is decoded by the charset it declares; undecodable text is refused ------------

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>Токаев и Путин провели переговоры</title>
<meta property="og:site_name" content="Вестник">
<meta property="article:published_time" content="2026-03-05T10:00:00+05:00">
</head><body><article><h1>Токаев и Путин провели переговоры</h1>
<p>Президент Казахстана Касым-Жомарт Токаев и президент России Владимир Путин провели
переговоры в Астане.</p>
<p>По итогам встречи стороны подписали соглашение о сотрудничестве в области энергетики.</p>
</article></body></html>
"""


def test_a_windows_1251_page_is_read_by_its_declared_charset(empty: Path, tmp_path: Path,
                                                             run) -> None:  # noqa: ANN001
    page = tmp_path / "p1251.html"
    page.write_bytes(PAGE.format(charset="windows-1251").encode("cp1251"))
    done = run("add", str(page), "--data", str(empty), "--format", "tsv")
    assert done.code == 0, done.err
    source = read_table(empty, "sources")[0]
    assert (source["publisher"], source["title"]) == \
        ("Вестник", "Токаев и Путин провели переговоры")
    text = (empty / "articles" / "p1251.txt").read_text("utf-8")
    assert "\ufffd" not in text and "соглашение о сотрудничестве" in text
    # the same page saved as UTF-8 is the same text: refused as already added
    again = tmp_path / "utf8.html"
    again.write_bytes(PAGE.format(charset="utf-8").encode("utf-8"))
    twice = run("add", str(again), "--data", str(empty))
    assert twice.code == 2 and "already source a000" in twice.err


def test_a_page_that_does_not_decode_is_refused_naming_it(empty: Path, tmp_path: Path,
                                                          run) -> None:  # noqa: ANN001
    page = tmp_path / "lies.html"  # says UTF-8, is windows-1251
    page.write_bytes(PAGE.format(charset="utf-8").encode("cp1251"))
    before = folder_bytes(empty)
    done = run("add", str(page), "--data", str(empty))
    assert done.code == 2 and done.err.count("\n") == 1
    assert done.err.startswith(f"kzru: {page}: ") and "U+FFFD" in done.err
    assert folder_bytes(empty) == before


# -- 6 (low): what a killed write left is tidied; folder names are printed escaped ----------

def test_a_killed_writes_staged_files_are_removed_by_the_next_write(
        empty: Path, article: Path) -> None:
    old = time.time() - 3600
    left = [empty / ".kzru-write-abc123", empty / ".kzru-write-old-sources.csv",
            empty / "articles" / ".kzru-write-xyz789"]
    for path in left:
        path.write_bytes(b"half a table")
        os.utime(path, (old, old))
    fresh = empty / ".kzru-write-live"  # a kill a moment ago: every writer holds the lock,
    fresh.write_bytes(b"")                # so the holder knows no write is making it
    pipeline.add([article], empty)
    assert [path for path in left if path.exists()] == []
    assert not fresh.exists()


def test_init_and_review_print_a_folder_name_escaped(tmp_path: Path, run) -> None:  # noqa: ANN001
    folder = tmp_path / "d\x1b]52;c;SGVsbG8=\x07\x1b[2J"
    made = run("init", "--empty", str(folder))
    assert made.code == 0 and "\x1b" not in made.out and "\x07" not in made.out
    assert "d\\x1b]52;c;SGVsbG8=\\x07\\x1b[2J" in made.out
    none = run("review", "--data", str(folder), "--format", "table")
    assert none.code == 1 and "no drafts to review in" in none.err
    assert "\x1b" not in none.out + none.err and "\\x1b[2J" in none.err


def test_a_soft_hyphen_is_reported_at_the_articles_line_and_column(
        empty: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    """It was reported at facts.csv lines that do not exist."""
    lines = ARTICLE.split("\n")
    lines[2] = lines[2].replace("переговоры", "пере\u00adговоры")
    path = tmp_path / "shy.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    column = lines[2].index("\u00ad") + 1
    before = folder_bytes(empty)
    done = run("add", str(path), "--data", str(empty))
    assert done.code == 2 and done.err.count("\n") == 1
    assert done.err.startswith(f"kzru: {path}:3:{column}: U+00AD (soft hyphen)")
    assert "facts.csv" not in done.err
    assert folder_bytes(empty) == before


# -- issue 14 leftovers: a SIGKILL anywhere in a write leaves the old state or the new one ---

def _killed_at(step: int, action) -> bool:  # noqa: ANN001
    """Run ``action`` in a forked copy of this process that SIGKILLs itself just before its
    ``step``-th change of the file system (a rename, a hard link or a removal) from the
    moment writer.commit is entered: the state a kill, which nothing can hold off, leaves
    there. Whether it was killed (False: it finished first)."""
    import signal

    from kzru import writer

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        try:
            count, armed = [0], [False]

            def arm(real):  # noqa: ANN001, ANN202
                def call(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
                    if armed[0]:
                        count[0] += 1
                        if count[0] == step:
                            os.kill(os.getpid(), signal.SIGKILL)
                    return real(*args, **kwargs)
                return call

            for name in ("replace", "rename", "link", "unlink"):
                setattr(os, name, arm(getattr(os, name)))
            real_commit = writer.commit

            def commit(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
                armed[0] = True
                return real_commit(*args, **kwargs)

            writer.commit = commit
            action()
            os._exit(0)
        except BaseException:  # noqa: BLE001
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == 9
        return True
    assert os.WEXITSTATUS(status) == 0, "the write failed on its own"
    return False


def _visible(folder: Path) -> dict[str, bytes]:
    """What a reader reads: every file but the lock and a killed write's staged leftovers."""
    return {name: data for name, data in folder_bytes(folder).items()
            if not Path(name).name.startswith(".kzru-write-")}


def _leftovers(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".kzru-*"))


def _every_kill(base: Path, tmp_path: Path, action, again, run) -> int:  # noqa: ANN001
    """Kill ``action`` at every step of its write, each time on a fresh copy of ``base``;
    after each kill the next commands must read the folder as before or as after the write,
    never a mix, and running the write again must reach the state after it: nothing lost.
    How many kill points there were."""
    import shutil

    def listing(folder: Path) -> tuple[str, str]:
        return (run("--data", str(folder), "--drafts", "sources", "-f", "tsv").out,
                run("--data", str(folder), "--drafts", "facts", "-f", "tsv",
                    "--fields", "id,status,summary,source,event").out)

    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    action(reference)
    old, new = _visible(base), _visible(reference)
    assert old != new
    said = {"old": listing(base), "new": listing(reference)}
    step = 0
    while True:
        step += 1
        work = tmp_path / f"kill{step}"
        shutil.copytree(base, work)
        killed = _killed_at(step, lambda: action(work))
        seen = listing(work)  # a reader first: it finishes what the kill left, or reads it
        assert seen in (said["old"], said["new"]), f"a reader saw a mix after kill {step}"
        now = _visible(work)
        assert now in (old, new), f"kill at step {step} left a mix: " + ", ".join(
            sorted(k for k in set(now) | set(old) if now.get(k) != old.get(k)))
        assert not (work / ".kzru-journal").exists()
        again(work, now == new)  # the write once more: done, or refused as done already
        assert _visible(work) == new, f"after kill {step} the write could not be completed"
        assert _leftovers(work) == [], f"kill {step} left {_leftovers(work)}"
        shutil.rmtree(work)
        if not killed:
            return step


def test_add_killed_at_any_point_of_its_write_leaves_the_old_or_the_new_folder(
        empty: Path, article: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    """A SIGKILL between add's renames left sources.csv naming a source whose facts and
    article were not there; adding it again was refused as already added."""
    from kzru.errors import KzruError

    pipeline.add([article], empty)  # the folder already has tables, notes and an article
    second = tmp_path / "other.txt"
    second.write_text(ARTICLE.replace("Астане", "Алматы"), encoding="utf-8")

    def action(folder: Path) -> None:
        pipeline.add([second], folder)

    def again(folder: Path, done: bool) -> None:
        if done:
            with pytest.raises(KzruError, match="already"):
                pipeline.add([second], folder)
        else:
            pipeline.add([second], folder)

    points = _every_kill(empty, tmp_path, action, again, run)
    assert points > 10  # staging, links, the journal, five renames, the tidying after


def test_review_killed_at_any_point_of_its_save_leaves_the_old_or_the_new_folder(
        empty: Path, article: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    from kzru.curate.decisions import decide
    from kzru.errors import KzruError

    pipeline.add([article], empty)
    drafts = [r["id"] for r in read_table(empty, "facts") if r["review"] == "draft"]
    signed = next(r["id"] for r in read_table(empty, "facts") if r["status"] == "signed")
    other = next(d for d in drafts if d != signed)
    changes = {"summary": "The sides signed an energy agreement.", "sectors": "energy"}

    def action(folder: Path) -> None:
        decide(folder, accept=[signed], reject=[other], changes=changes)

    def again(folder: Path, done: bool) -> None:
        if done:  # the rejected draft is gone: refused, and nothing written
            with pytest.raises(KzruError, match="has no fact with the id"):
                decide(folder, reject=[other])
        else:
            decide(folder, accept=[signed], reject=[other], changes=changes)

    points = _every_kill(empty, tmp_path, action, again, run)
    assert points > 8


# -- issue 14 leftover 2: a problem is said where its value came from ------------------------

def _only_real_places(err: str) -> None:
    """Every problem line names an option, or a file that exists at a line it has."""
    for line in err.splitlines():
        where = line[len("kzru: "):].split(": ", 1)[0]
        if where.startswith("--") or re.fullmatch(r"\d+ data problems? found", where):
            continue
        path, *position = where.split(":")
        assert Path(path).is_file(), line
        if position:
            lines = Path(path).read_text(encoding="utf-8").split("\n")
            assert 1 <= int(position[0]) <= len(lines), line


def test_a_title_given_as_an_option_is_refused_at_the_option(
        empty: Path, article: Path, run) -> None:  # noqa: ANN001
    """It was reported at sources.csv:2:4 of a file that has only its header."""
    before = folder_bytes(empty)
    done = run("add", str(article), "--data", str(empty), "--title", "=1+1")
    assert done.code == 2
    assert done.err == ("kzru: --title: the source's title '=1+1' starts with '=', which a "
                        "spreadsheet runs as a formula (give another --title)\n"
                        "kzru: 1 data problem found\n")
    assert folder_bytes(empty) == before


def test_a_publisher_option_with_a_control_character_is_refused_at_the_option(
        empty: Path, article: Path, run) -> None:  # noqa: ANN001
    done = run("add", str(article), "--data", str(empty), "--publisher", "Pub\x07lisher")
    assert done.code == 2
    assert done.err.startswith("kzru: --publisher: the source's publisher contains a control "
                               "character")
    assert "sources.csv" not in done.err and "\x07" not in done.err


def test_a_headline_is_refused_at_its_line_and_a_cited_agency_is_no_publisher(
        empty: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    lines = ["=cmd|x Переговоры в Астане", *ARTICLE.split("\n")]
    path = tmp_path / "headline.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    done = run("add", str(path), "--data", str(empty))
    assert done.code == 2
    assert done.err.startswith(f"kzru: {path}:1:1: the headline (the source's title) "
                               "'=cmd|x Переговоры в Астане' starts with '='")
    assert "(give the title with --title)" in done.err
    _only_real_places(done.err)
    # an agency the text cites is the channel of a report, never the text's publisher (round
    # 14, the fourth judge): nothing is read from it, so its name is never the source's
    lines = [*ARTICLE.split("\n")[:3], "Как сообщает «Пресса», стороны провели переговоры.",
             *ARTICLE.split("\n")[3:]]
    path = tmp_path / "publisher.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    done = run("add", str(path), "--data", str(empty))
    assert done.code == 0, done.err
    assert read_table(empty, "sources")[0]["publisher"] == ""


def test_a_pages_site_name_is_refused_naming_the_page_and_the_option(
        empty: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    page = tmp_path / "site.html"
    page.write_text(PAGE.format(charset="utf-8").replace(
        'content="Вестник"', 'content="=Вестник"'), encoding="utf-8")
    done = run("add", str(page), "--data", str(empty))
    assert done.code == 2
    assert done.err.startswith(f"kzru: {page}: the page's site name (the source's "
                               "publisher) '=Вестник' starts with '='")
    assert "(give the publisher with --publisher)" in done.err
    assert "sources.csv" not in done.err
    fixed = run("add", str(page), "--data", str(empty), "--publisher", "Вестник")
    assert fixed.code == 0, fixed.err


def test_an_article_file_name_that_is_a_formula_is_refused_naming_the_file(
        empty: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    path = tmp_path / "=cmd.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = run("add", str(path), "--data", str(empty))
    assert done.code == 2
    assert done.err.startswith(f"kzru: {path}: its file name (the source's file) '=cmd.txt'")
    assert "(rename the file)" in done.err


def test_a_problem_in_a_draft_is_reported_at_its_sentence(
        empty: Path, article: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """A drafted row's problem named facts.csv lines that were never written."""
    real = pipeline._fact

    def hostile(draft, source, event):  # noqa: ANN001, ANN202
        fact = real(draft, source, event)
        return fact._replace(speaker="=evil") if "соглашение" in fact.text else fact

    monkeypatch.setattr(pipeline, "_fact", hostile)
    done = run("add", str(article), "--data", str(empty))
    line = next(n for n, text in enumerate(ARTICLE.split("\n"), 1) if "соглашение" in text)
    assert done.code == 2
    assert re.match(rf"kzru: {re.escape(str(article))}:{line}:1: the draft a000-s\d+-?\d* "
                    r"drafted from the sentence here \(speaker\) '=evil' starts with '='",
                    done.err), done.err
    _only_real_places(done.err)


def test_review_set_values_are_refused_at_the_set_option(empty: Path, article: Path,
                                                         run) -> None:  # noqa: ANN001
    pipeline.add([article], empty)
    rows = read_table(empty, "facts")
    signed = next(r["id"] for r in rows if r["status"] == "signed")
    first = rows[0]["id"]
    assert first != signed
    before = folder_bytes(empty)
    base = ("review", "--data", str(empty), "--reject", first, "--accept", signed,
            "--set", "sectors=energy")
    cases = {
        "summary==cmd|x": "--set summary: the summary set for {id} '=cmd|x' starts with '='",
        "summary=a\nb": "--set summary: the summary set for {id} contains a control character",
        "summary=a\x1b[2Jb": "--set summary: the summary set for {id} contains a control "
                             "character",
        "summary=a\u202eb": "--set summary: the summary set for {id} contains U+202E",
        "text=+1": "--set text: the text set for {id} '+1' starts with '+'",
        "event_title=@x": "--set event_title: the event_title set for {id} '@x' starts with",
        "date=2026-02-30": "--set date: the date set for {id} '2026-02-30' is not a date",
    }
    for setting, said in cases.items():
        done = run(*base, "--set", setting, *(("--set", "summary=ok")
                                              if not setting.startswith("summary") else ()))
        assert done.code == 2, setting
        assert done.err.startswith("kzru: " + said.format(id=signed)), (setting, done.err)
        assert "\x1b" not in done.err and "\n" not in done.err.split("\n")[0][:-1]
        assert folder_bytes(empty) == before
    # a row the edit did not touch is named at its line in the user's file, not the copy's
    done = run(*base, "--set", "summary=ok", "--set", "value=5")
    header = list(rows[0])
    line = 2 + [r["id"] for r in rows].index(signed)
    assert done.code == 2
    assert f"{empty / 'facts.csv'}:{line}:{header.index('unit') + 1}: " in done.err, done.err


def test_review_set_same_as_to_no_fact_or_to_its_own_source_is_refused(
        empty: Path, article: Path, run) -> None:  # noqa: ANN001
    """An unknown id was dropped without a word and the draft accepted."""
    pipeline.add([article], empty)
    rows = read_table(empty, "facts")
    signed = next(r["id"] for r in rows if r["status"] == "signed")
    other = next(r["id"] for r in rows if r["id"] != signed)
    before = folder_bytes(empty)
    for same, said in (("a999-s001", "same_as names a999-s001, which is not a fact id"),
                       (other, f"same_as names {other}, a fact of the same source a000")):
        done = run("review", "--data", str(empty), "--accept", signed, "--set", "summary=ok",
                   "--set", "sectors=energy", "--set", f"same_as={same}")
        assert done.code == 2 and said in done.err, done.err
        assert folder_bytes(empty) == before


# -- red team 2026-12-05, second pass: charsets, long sentences, --jobs -----------------------

@pytest.mark.parametrize("charset", ["rot13", "zlib", "base64", "idna", "unicode_escape",
                                     "utf-7", "utf-32", "windows-1251"])
def test_a_page_declaring_an_odd_charset_is_read_as_the_utf8_it_is(
        empty: Path, tmp_path: Path, charset: str, run) -> None:  # noqa: ANN001
    """rot13, zlib, base64 and idna crashed add (internal error); unicode_escape and a
    wrong windows-1251 registered a source of mojibake and exited 0."""
    page = tmp_path / "odd.html"
    page.write_bytes(PAGE.format(charset=charset).encode("utf-8"))
    done = run("add", str(page), "--data", str(empty), "--format", "tsv")
    assert done.code == 0, done.err
    source = read_table(empty, "sources")[0]
    assert (source["publisher"], source["title"]) == \
        ("Вестник", "Токаев и Путин провели переговоры")


def test_a_page_in_koi8_r_is_read_by_its_declared_charset(empty: Path, tmp_path: Path,
                                                         run) -> None:  # noqa: ANN001
    page = tmp_path / "koi.html"
    page.write_bytes(PAGE.format(charset="koi8-r").encode("koi8-r"))
    assert run("add", str(page), "--data", str(empty), "--format", "tsv").code == 0
    assert read_table(empty, "sources")[0]["publisher"] == "Вестник"


def test_a_sentence_of_a_list_kept_as_text_is_skipped_not_drafted_for_minutes(
        empty: Path, tmp_path: Path, run) -> None:  # noqa: ANN001
    """One 60,000-character "sentence" (a list with no full stops) took minutes and made a
    facts.csv of hundreds of megabytes: one draft per clause, each holding all of it."""
    words = "стороны подписали соглашение о поставках зерна и договорились о встрече".split()
    long = " ".join(words[i % len(words)] for i in range(8000))
    path = tmp_path / "list.txt"
    path.write_text(ARTICLE + long + ".\n", encoding="utf-8")
    done = run("add", str(path), "--data", str(empty), "--format", "json")
    assert done.code == 0, done.err
    summary = json.loads(done.out)[0]
    assert summary["skipped"] == {"longer than 2,000 characters": 1}
    alone = tmp_path / "alone"
    assert run("init", "--empty", str(alone)).code == 0
    plain = tmp_path / "plain.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    without = json.loads(run("add", str(plain), "--data", str(alone), "--format",
                             "json").out)[0]
    assert summary["drafts"] == without["drafts"] > 0  # the article's own sentences
    assert (empty / "facts.csv").stat().st_size < 20_000


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in open(f"/proc/{pid}/task/{pid}/children").read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
@pytest.mark.parametrize("killed", ["worker", "add"])
def test_a_killed_jobs_worker_or_add_never_leaves_the_folder_locked(
        empty: Path, tmp_path: Path, killed: str, run) -> None:  # noqa: ANN001
    """A SIGKILLed add --jobs 2 left its workers running, holding the folder's lock: every
    later add and review was refused for good, naming the dead add's pid. A killed worker
    gave 'internal error: BrokenProcessPool'."""
    import signal

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for number in range(40):
        (inbox / f"a{number:02d}.txt").write_text(
            ARTICLE.replace("Астане", f"Астане ({number})"), encoding="utf-8")
    before = folder_bytes(empty)
    add = subprocess.Popen([sys.executable, "-m", "kzru", "add", str(inbox), "--data",
                            str(empty), "--jobs", "2", "--format", "tsv"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while len(_children(add.pid)) < 2 and add.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    workers = _children(add.pid)
    assert len(workers) >= 2, "the workers never started"
    os.kill(workers[0] if killed == "worker" else add.pid, signal.SIGKILL)
    out, err = add.communicate(timeout=120)
    if killed == "worker":
        assert add.returncode == 2
        assert err == ("kzru: a drafting worker stopped before it finished (killed, or out of "
                       "memory?); nothing was written: try again, or with fewer than --jobs "
                       "2\n")
    time.sleep(0.5)
    assert folder_bytes(empty) == before
    done = run("add", str(inbox / "a00.txt"), "--data", str(empty), "--format", "tsv")
    assert done.code == 0, done.err


# -- issue 14 leftovers: a <meta charset> a browser would not obey is not obeyed --------------

@pytest.mark.parametrize("hidden", [
    '<!-- <meta charset="koi8-r"> -->',  # commented out
    '<!--[if IE]><meta charset="koi8-r"><![endif]-->',  # a conditional comment is one too
    '<link title="<meta charset=koi8-r>" rel="x">',  # text inside another tag's attribute
    '<metadata charset="koi8-r">',  # not a <meta> tag
])
def test_a_charset_a_browser_would_not_obey_is_not_obeyed(
        empty: Path, tmp_path: Path, run, hidden: str) -> None:  # noqa: ANN001
    """A windows-1251 page with a koi8-r declaration before its own, where a browser's
    pre-scan does not look: read as koi8-r, its Russian is other Russian letters, with no
    replacement character to refuse it by (every byte is a koi8-r letter)."""
    page = tmp_path / "commented.html"
    declared = PAGE.format(charset="windows-1251")
    page.write_bytes(declared.replace("<head>", f"<head>{hidden}", 1).encode("cp1251"))
    assert "Токаев".encode("cp1251").decode("koi8-r") != "Токаев"  # the trap is real
    done = run("add", str(page), "--data", str(empty), "--format", "tsv")
    assert done.code == 0, done.err
    assert read_table(empty, "sources")[0]["title"] == "Токаев и Путин провели переговоры"
    text = (empty / "articles" / "commented.txt").read_text("utf-8")
    assert "соглашение о сотрудничестве" in text
