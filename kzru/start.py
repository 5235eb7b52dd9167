"""The entry point. kzru's imports take a while (~60 ms); a Ctrl-C in that time would print a
traceback of whatever was being imported. Until the command line has taken over (and turns
Ctrl-C into one line and exit 130 itself), Ctrl-C ends kzru at once, the same way."""

import os

try:  # the built-in half of signal, loaded with the interpreter: no import time at all
    import _signal as signal
except ImportError:  # not CPython
    import signal  # type: ignore[no-redef]


def quit_now(number: int, frame: object) -> None:
    """SIGINT before kzru has loaded: one line, exit 130, nothing else run."""
    try:
        os.write(2, b"kzru: interrupted\n")
    except OSError:
        pass
    os._exit(130)


def main() -> None:
    signal.signal(signal.SIGINT, quit_now)
    from kzru.cli import main as run

    run()
