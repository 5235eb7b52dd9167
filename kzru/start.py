"""The entry point. kzru's imports take a while (~60 ms); a Ctrl-C in that time would print a
traceback of whatever was being imported. Until the command line has taken over (and turns
Ctrl-C into one line and exit 130 itself), Ctrl-C ends kzru at once, the same way.

Once a command that only reads has answered, kzru also leaves at once: tearing the
interpreter down (freeing every module's objects one by one) costs a tenth of a search's
whole run and does nothing a reader can see."""

import gc
import os
import sys

try:  # the built-in half of signal, loaded with the interpreter: no import time at all
    import _signal as signal
except ImportError:  # not CPython
    import signal  # type: ignore[no-redef]

# Commands that only read the data (building the private cache, if they must, before they
# answer): nothing of theirs is left to save at exit. Writers (add, review, init, export,
# check --fix …) exit the usual way, so anything still open is flushed and closed.
READS = frozenset({"visits", "search", "facts", "sectors", "show", "sources", "timeline",
                   "brief", "track", "cite"})


def quit_now(number: int, frame: object) -> None:
    """SIGINT before kzru has loaded: one line, exit 130, nothing else run."""
    try:
        os.write(2, b"kzru: interrupted\n")
    except OSError:
        pass
    os._exit(130)


def leave(code: object) -> None:
    """Exit with ``code`` at once, skipping the interpreter's teardown, when that loses
    nothing: the output flushed, no tracer, profiler or coverage to save, no other thread
    to wait for. Otherwise return, and the caller exits the usual way."""
    if type(code) is not int or sys.gettrace() is not None or sys.getprofile() is not None \
            or "coverage" in sys.modules:
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    try:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe or stream: the usual exit handles it
        return
    cli = sys.modules.get("kzru.cli")
    if cli is not None:
        cli.give_back_stdout()
    os._exit(code)


def settled() -> None:
    """The run is over, its status decided and said: Ctrl-C, SIGTERM and SIGHUP are ignored
    from here on. The interpreter's teardown sets the handlers kzru installed back to the
    default action, and a signal a moment late then killed kzru (-2, nothing said) after
    the command had done its work and printed its answer."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                signal.signal(number, signal.SIG_IGN)
            except (OSError, ValueError):
                pass


def interrupt_again(unraisable: object) -> None:
    """A Ctrl-C that lands inside a callback Python runs on its own (a weakref's, as each
    import's lock is freed) cannot stop that callback: Python prints it as "Exception
    ignored" with a traceback and goes on, the Ctrl-C lost. Instead it is raised again in
    the main thread a moment later (the callback done by then), where kzru turns it into
    one line and exit 130; anything else goes to Python's own hook."""
    if issubclass(getattr(unraisable, "exc_type", type(None)), KeyboardInterrupt):
        import _thread

        # from another thread, a moment later: raised here, it would land in this hook
        _thread.start_new_thread(_interrupt_later, ())
        return
    sys.__unraisablehook__(unraisable)  # type: ignore[arg-type]


def _interrupt_later() -> None:
    import time

    time.sleep(0.01)
    import _thread

    _thread.interrupt_main()


def main() -> None:
    signal.signal(signal.SIGINT, quit_now)
    sys.unraisablehook = interrupt_again
    # The imports make some hundred thousand objects that live until exit: the cyclic
    # collector is off while they are made (it ran dozens of times among them) and they are
    # frozen after, so no later collection walks them again (track атом at 100,000 facts:
    # one pass over every object, 15-25 ms, was a tenth of the run).
    gc.disable()
    try:
        from kzru.cli import main as run
    finally:
        gc.freeze()
        gc.enable()

    try:
        run()
    except SystemExit as done:
        settled()
        if sys.argv[1:2] and sys.argv[1] in READS:
            leave(0 if done.code is None else done.code)
        raise
    settled()
