"""A read command leaves without tearing the interpreter down (kzru.start.leave): its output,
exit status and messages must be exactly what the usual exit gives."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from kzru import start

# The usual exit: kzru.cli.main, which raises SystemExit and lets the interpreter finish.
USUAL = [sys.executable, "-c", "import sys; from kzru.cli import main; main(sys.argv[1:])"]
QUICK = [sys.executable, "-m", "kzru"]


def both(*args: str) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    return tuple(subprocess.run([*way, *args], capture_output=True, timeout=120)
                 for way in (USUAL, QUICK))  # type: ignore[return-value]


@pytest.mark.parametrize("args", [
    ("facts", "--format", "json", "--limit", "0"),  # well past a pipe's 64 KiB buffer
    ("search", "атом", "--format", "jsonl"),
    ("search", "qqqzzzxxx"),  # nothing found: exit 1, said on stderr
    ("visits", "--year", "1700"),
    ("show", "no-such-id-at-all"),  # an error: one line, exit 2
    ("sectors", "--bogus-option"),  # a usage error: exit 2
])
def test_same_output_status_and_messages_as_the_usual_exit(args: tuple[str, ...]) -> None:
    usual, quick = both(*args)
    assert (quick.returncode, quick.stdout, quick.stderr) == \
        (usual.returncode, usual.stdout, usual.stderr)
    assert quick.returncode in (0, 1, 2)
    if args[0] == "facts":
        assert len(quick.stdout) > 65536 and quick.stdout.rstrip().endswith(b"]")


def test_a_reader_closing_the_pipe_early_is_still_success_and_quiet() -> None:
    producer = subprocess.Popen([*QUICK, "facts", "--format", "jsonl", "--limit", "0"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert producer.stdout is not None and producer.stderr is not None
    producer.stdout.read(10)
    producer.stdout.close()
    error = producer.stderr.read()
    assert producer.wait(timeout=120) == 0 and error == b""


def test_stays_for_a_profiler_or_another_thread() -> None:
    """Here (in pytest) leaving at once would end the test run: returning is the promise."""
    sys.setprofile(lambda *_: None)
    try:
        assert start.leave(0) is None
    finally:
        sys.setprofile(None)
    waiting = threading.Event()
    worker = threading.Thread(target=waiting.wait)
    worker.start()
    try:
        assert start.leave(0) is None
    finally:
        waiting.set()
        worker.join()
    assert start.leave("not a status") is None


def test_only_commands_that_read() -> None:
    from kzru.cli import COMMANDS

    assert start.READS < set(COMMANDS)
    assert not start.READS & {"add", "review", "init", "export", "check"}


def test_the_imports_are_frozen_and_collection_is_on_when_a_command_runs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """kzru.start.main makes the command line's imports with the cyclic collector off and
    freezes what they made (no later collection walks them again); the command itself runs
    with the collector on, as it always did."""
    import gc

    import kzru.cli

    seen: list[tuple[bool, int]] = []
    monkeypatch.setattr(kzru.cli, "main", lambda: seen.append(
        (gc.isenabled(), gc.get_freeze_count())))
    monkeypatch.setattr(sys, "argv", ["kzru", "sectors"])
    monkeypatch.setattr(start, "leave", lambda code: None)
    monkeypatch.setattr(start, "settled", lambda: None)  # this process's signals as they are
    import signal

    interrupt = signal.getsignal(signal.SIGINT)
    assert gc.isenabled()
    try:
        start.main()
    finally:
        gc.unfreeze()  # this test process's objects, back to the collector
        signal.signal(signal.SIGINT, interrupt)
    assert len(seen) == 1
    enabled, frozen = seen[0]
    assert enabled and frozen > 0
    assert gc.isenabled()


def test_a_ctrl_c_inside_a_weakref_callback_is_raised_again(capsys) -> None:  # noqa: ANN001
    """A Ctrl-C that lands in a callback Python runs itself (a weakref's: each import's lock
    has one) was printed as "Exception ignored … Traceback … KeyboardInterrupt" and lost; the
    hook kzru installs raises it again in the main thread, silently (the final train's
    test_faults_r13 Ctrl-C sweep caught the traceback)."""
    import weakref

    from kzru.start import interrupt_again

    class Held:
        pass

    def callback(ref: object) -> None:
        raise KeyboardInterrupt

    before = sys.unraisablehook
    sys.unraisablehook = interrupt_again
    try:
        held = Held()
        ref = weakref.ref(held, callback)
        import time

        with pytest.raises(KeyboardInterrupt):
            del held
            waited = time.monotonic() + 5
            while time.monotonic() < waited:  # the interrupt is raised a moment later
                pass
    finally:
        sys.unraisablehook = before
    assert ref() is None
    assert capsys.readouterr().err == ""
