"""Ctrl-C, SIGTERM and SIGHUP held off while a write's renames (or a lock file's first
moments) run, and delivered when they end.

A signal mask holds a signal only in the thread that sets it. When another thread is alive —
the native worker threads numpy starts when natasha imports it, rich's refresh thread while
``add`` draws its progress bar — a signal sent to the process goes to that thread instead;
Python's C handler trips there and the main thread runs the Python handler at once, inside
the renames. So the hold is kept at both levels: the mask (nothing is delivered to this
thread), and, from the main thread, each Python-level handler replaced by one that only
notes the signal; when the block ends the handlers are put back, the mask restored, and each
signal noted is raised again, so it takes effect then, as it would have without the hold.
A signal ignored (SIG_IGN: a kzru started under nohup) stays ignored.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, NamedTuple

NAMES = ("SIGINT", "SIGTERM", "SIGHUP")


class Held(NamedTuple):
    mask: Any  # the thread's mask before, or None where none could be set
    handlers: dict[int, Any]  # the Python-level handlers replaced meanwhile
    arrived: list[int]  # signals noted meanwhile, in order


def hold() -> Held:
    """Hold the three signals until ``release``; as far as the platform allows."""
    import signal
    import threading

    numbers = [getattr(signal, name) for name in NAMES if hasattr(signal, name)]
    try:
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, set(numbers))
    except (AttributeError, ValueError, OSError):
        mask = None
    arrived: list[int] = []
    handlers: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return Held(mask, handlers, arrived)  # only the main thread sets handlers

    def note(number: int, frame: object) -> None:
        if number not in arrived:
            arrived.append(number)

    for number in numbers:
        try:
            previous = signal.getsignal(number)
            if previous in (signal.SIG_IGN, None):
                continue  # ignored stays ignored; one set outside Python is left alone
            handlers[number] = signal.signal(number, note)
        except (ValueError, OSError):
            continue
    return Held(mask, handlers, arrived)


def release(held: Held) -> None:
    """End the hold: handlers back, the mask back (a signal pending for this thread is
    delivered now), then each signal another thread took meanwhile raised again."""
    import signal

    for number, previous in held.handlers.items():
        signal.signal(number, previous)
    if held.mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held.mask)
    for number in held.arrived:
        signal.raise_signal(number)


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP held until the block ends (a write's renames)."""
    held = hold()
    try:
        yield
    finally:
        release(held)
