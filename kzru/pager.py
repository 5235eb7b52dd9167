"""Page long output at a terminal, as git and gh do.

The pager is $KZRU_PAGER, else $PAGER, else ``less -FRX`` (quit if one screen, keep colours,
leave the text on the screen). An empty KZRU_PAGER or PAGER means no pager.

Whatever the pager, it runs as git runs it: with ``LESS=FRX`` when LESS is unset and
``LV=-c`` when LV is unset, so ``PAGER=less`` (or lv) shows colours instead of raw escape
codes; a LESS or LV the user set, even empty, is left alone.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys

DEFAULT = "less -FRX"


def command() -> list[str] | None:
    """The pager to run, or None when paging is switched off or the program is missing."""
    for name in ("KZRU_PAGER", "PAGER"):
        if name in os.environ:
            chosen = os.environ[name].strip()
            break
    else:
        chosen = DEFAULT
    if not chosen:
        return None
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or shutil.which(words[0]) is None:
        return None
    return words


def environment(current: "os._Environ[str] | dict[str, str]") -> dict[str, str]:
    """The pager's environment: git's defaults for less and lv where the user set none."""
    env = dict(current)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    env.setdefault("LESSCHARSET", "utf-8")
    return env


def show(text: str, lines: int) -> None:
    """Write ``text`` to stdout, through the pager when it is taller than the terminal."""
    height = shutil.get_terminal_size().lines
    pager = command() if lines > height - 1 else None
    if pager is None:
        sys.stdout.write(text)
        return
    env = environment(os.environ)
    sys.stdout.flush()
    try:
        process = subprocess.Popen(pager, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    assert process.stdin is not None
    # As git does: while the pager runs, ^C is the pager's (less stops a search with it), so
    # kzru ignores it, feeds the pager and waits; exiting here would leave the pager reading
    # the terminal behind the shell's prompt.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            process.stdin.write(text.encode("utf-8"))
            process.stdin.close()
        except BrokenPipeError:  # the reader quit the pager early
            pass
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if process.returncode > 0:  # it failed (a reader quitting less is 0; a signal, < 0)
        _failed(pager, process.returncode)


def _failed(pager: list[str], status: int) -> None:
    """A pager that failed may have shown nothing: exit 0 would say the answer was read."""
    from kzru.errors import KzruError
    from kzru.labels import Said

    raise KzruError(Said("err.pager_failed", pager=shlex.join(pager), status=status))
