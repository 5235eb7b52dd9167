"""Signals held off while a write's renames run, whatever other threads the process has.

A signal mask holds a signal only in its own thread: with another thread alive (numpy's
native workers once natasha is imported, rich's refresh thread while add draws its progress
bar) a signal sent to the process went to that thread, and Python ran its handler in the
main thread at once — inside the renames (the train's failure of test_faults_writes after
test_faults_r13 had imported natasha).
"""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from kzru.held_signals import signals_held


@pytest.mark.parametrize("threaded", [False, True], ids=["alone", "another-thread"])
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_sent_in_the_block_arrives_at_its_end(name: str, threaded: bool) -> None:
    """The renames of a write (writer.commit) and the lock file's first moments run with
    Ctrl-C, SIGTERM and SIGHUP held: a signal sent meanwhile arrives when the block ends, never
    inside it - also when another thread is alive to take it."""
    number = getattr(signal, name)
    arrived: list[str] = []
    stop = threading.Event()
    # started before the hold, so the signal is not blocked in it: the kernel hands the
    # signal to this thread, since the main thread blocks it
    other = threading.Thread(target=stop.wait, daemon=True)
    if threaded:
        other.start()

    def note(signum: int, frame: object) -> None:
        arrived.append("signal")

    previous = signal.signal(number, note)
    try:
        with signals_held():
            os.kill(os.getpid(), number)
            if threaded:
                time.sleep(0.2)  # the other thread takes it; a handler would run by now
            arrived.append("renames done")
        arrived.append("after")
    finally:
        signal.signal(number, previous)
        stop.set()
        if threaded:
            other.join()
    assert arrived == ["renames done", "signal", "after"]


def test_a_signal_ignored_stays_ignored() -> None:
    """A kzru started under nohup leaves SIGHUP ignored: held or not, it ends nothing."""
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with signals_held():
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(0.05)
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_the_handlers_are_back_after_the_block() -> None:
    def mine(signum: int, frame: object) -> None:
        pass

    previous = signal.signal(signal.SIGTERM, mine)
    try:
        with signals_held():
            assert signal.getsignal(signal.SIGTERM) is not mine  # noted, not run, meanwhile
        assert signal.getsignal(signal.SIGTERM) is mine
    finally:
        signal.signal(signal.SIGTERM, previous)
