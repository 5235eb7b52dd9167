"""Red team of 2026-12-05, curation findings: each test fails on the code it was found in.

The articles were written for these tests; expected values follow from the promise each test
names (README "Curating"), never from a run of the code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("natasha")

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
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def empty(tmp_path: Path, run) -> Path:  # noqa: ANN001
    folder = tmp_path / "mine"
    assert run("init", str(folder), "--empty").code == 0
    return folder


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
