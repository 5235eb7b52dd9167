"""Run the README's example commands and compare what they print with what the README shows.

Why: the README promises real output, never invented output, and every change to ranking,
layout or data can make a block stale. Each block that starts with ``$ kzru …`` (or another
command) is run in a pseudo-terminal, as a reader would type it, from the repository's root
(so ``../shared/seeds`` resolves), at 80 columns unless its comment says ``# at N columns``.
A comment ``# the first N lines`` compares that many lines. Blocks over ``--data mytable``
need the curation walkthrough's folder and are skipped.

    python tools/readme_check.py            # report: same / DIFFERENT / skipped, per block
    python tools/readme_check.py --update   # write what the commands print into README.md
    python tools/readme_check.py --show N   # print block N's difference
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"^```\n(\$ [^\n]*)\n(.*?)^```$", re.S | re.M)
COLUMNS = re.compile(r"#\s*at (\d+) columns")
FIRST = re.compile(r"#\s*the first (\d+) lines")
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def run(command: str, columns: int) -> str:
    """What ``command`` prints at a terminal of ``columns`` (stdout and stderr, no colour)."""
    env = dict(os.environ, COLUMNS=str(columns), LINES="50", NO_COLOR="1", KZRU_PAGER="cat",
               TERM="xterm")
    shell = command.split("#", 1)[0].strip() if " #" in command else command
    done = subprocess.run(["script", "-qec", shell, "/dev/null"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    text = ESCAPES.sub("", done.stdout.replace("\r\n", "\n").replace("\r", ""))
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--show", type=int, action="append", default=[])
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    pieces, last, differ = [], 0, 0
    for number, block in enumerate(BLOCK.finditer(text), 1):
        command, shown = block.group(1)[2:], block.group(2)
        if "--data mytable" in command:
            print(f"{number:3}  skipped    {command[:70]}")
            continue
        columns = int(m.group(1)) if (m := COLUMNS.search(command)) else 80
        printed = run(command, columns)
        if (m := FIRST.search(command)):
            printed = "".join(printed.splitlines(True)[:int(m.group(1))])
        same = printed.rstrip("\n") == shown.rstrip("\n")
        differ += not same
        print(f"{number:3}  {'same     ' if same else 'DIFFERENT'}  {command[:70]}")
        if number in args.show and not same:
            sys.stdout.writelines(difflib.unified_diff(shown.splitlines(True),
                                                       printed.splitlines(True), "README",
                                                       "printed"))
        if args.update and not same:
            pieces += [text[last:block.start(2)], printed]
            last = block.end(2)
    if args.update:
        README.write_text("".join(pieces) + text[last:], encoding="utf-8")
    print(f"{differ} block(s) differ")
    return 1 if differ and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
