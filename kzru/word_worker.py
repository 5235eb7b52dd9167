"""The first build's forked word worker: the words of a build into a file are found in a
second process (build_words.Words) while the main process validates and writes the rows.

Why apart from build.py: this is process plumbing (fork, two pipes, length-framed JSON,
signals, reaping), with its own failure modes, none of which is about what a store holds.
The main process sends each fact's text fields as data, never code; the worker writes its
tables into the database file only when told the facts are whole and committed, and says so
with one byte back; any other end kills it, and a failed worker means the words are found
again in one process (build.build_file).
"""

from __future__ import annotations

import gc
import json
import os
import signal
import sqlite3
from typing import Any

from kzru.build_words import Words
from kzru.text import normalized_fields


class WorkerFailed(Exception):
    """The forked word worker ended without writing its tables (killed, out of memory):
    the build is done again in one process."""


FRAME = 8  # bytes of a frame's length; a length of 0 ends the facts
FRAME_FACTS = 500  # facts a frame holds
FORK = True  # tests turn the worker off to compare both ways


class _Worker:
    """Words in a forked process. The main process sends each fact's text fields (JSON
    frames of FRAME_FACTS facts on a pipe: data, never code) as it validates; once every table is
    valid and its own rows are committed, an empty frame tells the worker to write its
    tables into the database file; one byte back on a second pipe says it did (its exit
    status alone is lost where SIGCHLD is ignored: a parent that ignores it passes that on
    to kzru, and the child is then reaped by the system). Any other end (bad data, Ctrl-C,
    an error) kills it, and it writes nothing without that frame."""

    def __init__(self, pid: int, pipe: Any, done: int) -> None:
        self.pid = pid
        self.pipe = pipe
        self.done = done  # the reading end of the worker's "written" byte
        self.batch: list[list[Any]] = []
        self.broken = False

    @classmethod
    def start(cls, words: Words, path: str) -> "_Worker | None":
        """A worker forked now (it keeps ``words`` as they are), or None where processes
        are not forked, or not safely: with another thread running, a lock that thread held
        at the fork would be held in the worker for good (the words are then found in this
        process)."""
        if not FORK or not hasattr(os, "fork") or _other_threads():
            return None
        reading, writing = os.pipe()
        done_reading, done_writing = os.pipe()
        # Ctrl-C is held over the fork: one arriving just after it would otherwise raise
        # KeyboardInterrupt in the worker before it ignores SIGINT, and the worker would go
        # on running the caller's code (its clean-up removed the build's file).
        parent = os.getpid()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        # The objects both processes hold after the fork are shared pages until one writes
        # to them, and a garbage collection writes to every object it visits: frozen, the
        # collector leaves them alone in both (the worker makes no cycles: it never
        # collects), so they are paid for once, not twice (_reap unfreezes them).
        gc.freeze()
        try:
            pid = os.fork()
        except OSError:  # refused (no memory, too many processes): words found here
            gc.unfreeze()
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            for descriptor in (reading, writing, done_reading, done_writing):
                os.close(descriptor)
            return None
        if pid == 0:  # the worker: never returns, never runs the caller's code
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
                gc.disable()
                os.close(writing)
                os.close(done_reading)
                _release_locks()
                _detach(parent)
                code = _serve(words, os.fdopen(reading, "rb"), path)
                if code == 0:
                    os.write(done_writing, b"1")
            except BaseException:  # noqa: BLE001 - any failure is its exit status
                code = 1
            finally:
                os._exit(code)
        os.close(reading)
        os.close(done_writing)
        worker = cls(pid, os.fdopen(writing, "wb"), done_reading)
        try:  # a Ctrl-C held over the fork is raised here, with the worker to stop
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        except BaseException:
            worker.stop()
            raise
        return worker

    def add(self, accepted: bool, fields: list[str]) -> None:
        self.batch.append([accepted, *fields])
        if len(self.batch) >= FRAME_FACTS:
            self._send()

    def _send(self) -> None:
        frame = json.dumps(self.batch, ensure_ascii=False).encode()
        self.batch.clear()
        self._write(len(frame).to_bytes(FRAME, "big") + frame)

    def _write(self, data: bytes) -> None:
        if self.broken:
            return
        try:
            self.pipe.write(data)
        except OSError:  # the worker is gone: finish() says so
            self.broken = True

    def finish(self) -> None:
        """Send the last facts and the end; wait for the worker's tables. WorkerFailed when
        it did not write them."""
        if self.batch:
            self._send()
        self._write(bytes(FRAME))
        try:
            self.pipe.close()
        except OSError:
            self.broken = True
        written = os.read(self.done, 1) == b"1"  # b"" once the worker ended without it
        self._reap()
        if self.broken or not written:
            raise WorkerFailed()

    def stop(self) -> None:
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            self._reap()
        try:
            self.pipe.close()
        except OSError:
            pass

    def _reap(self) -> None:
        """Wait for the worker to end, so no zombie is left; where the system reaps it
        (SIGCHLD ignored) there is nothing to wait for."""
        pid, self.pid = self.pid, 0
        gc.unfreeze()
        if self.done >= 0:
            os.close(self.done)
            self.done = -1
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _other_threads() -> bool:
    import sys

    threading = sys.modules.get("threading")  # never started one if never imported
    return threading is not None and threading.active_count() > 1


def _detach(parent: int) -> None:
    """In the worker: let go of the terminal's streams (a pipeline reading kzru's output
    would otherwise wait for the worker too) and die with the main process (Linux: the
    kernel kills it; a SIGKILLed kzru left a worker writing for seconds into a scratch file
    nobody would rename)."""
    import sys

    devnull = os.open(os.devnull, os.O_RDWR)
    for descriptor in (0, 1, 2):
        os.dup2(devnull, descriptor)
    os.close(devnull)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # PR_SET_PDEATHSIG, where there is one
            pass
    if os.getppid() != parent:  # gone already
        os._exit(1)


def _release_locks() -> None:
    """In the worker: close the folder locks the main process holds (journal.HELD), so a
    worker never keeps a folder locked longer than kzru does."""
    import sys

    journal = sys.modules.get("kzru.journal")
    if journal is not None:
        journal.release_inherited()


def _serve(words: Words, pipe: Any, path: str) -> int:
    """The worker's whole life: read the facts' fields frame by frame, then, on the empty
    frame, write the word tables into ``path`` (its own connection: the main process's is
    never used across the fork). 0 when written; 1 when the facts ended without it."""
    rowid = 0
    while True:
        head = pipe.read(FRAME)
        if len(head) != FRAME:
            return 1  # the main process stopped: write nothing
        size = int.from_bytes(head, "big")
        if size == 0:
            break
        frame = pipe.read(size)
        if len(frame) != size:
            return 1
        for accepted, *fields in json.loads(frame):
            words.add(rowid, accepted, normalized_fields(fields))
            rowid += 1
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        words.finish(connection)
        connection.commit()
    finally:
        connection.close()
    return 0
