"""Reading files that may be anything: regular files only, within a size, errors placed.

A data folder or an article folder can hold a FIFO, a device or a huge file; reading one
would hang the run or exhaust memory, so every read goes through ``open_regular``.
"""

from __future__ import annotations

import io
import os
import re
import stat
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Iterator

from kzru.errors import KzruError

_KINDS = ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "char"),
          (stat.S_ISBLK, "block"), (stat.S_ISSOCK, "socket"))


def _said(key: str, **fields: object) -> str:
    """A message (kzru.labels loads only on this, the error path)."""
    from kzru.labels import Said

    return Said(key, **fields)


def check_regular(path: Path, info: os.stat_result, limit: int) -> None:
    """Refuse anything but a regular file of at most ``limit`` bytes: reading a FIFO hangs,
    a device never ends, and a huge file exhausts memory."""
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "other")
        raise KzruError(_said("err.file_kind", path=path, kind=_said(f"err.kind.{kind}")))
    if info.st_size > limit:
        raise KzruError(_said("err.too_big", path=path, size=info.st_size, limit=limit >> 20))


def content_digest() -> Any:
    """A fresh digest of the kind kzru keys content by (the cache's keys, ``recording``).
    BLAKE2b from its own built-in module, as hashlib itself gives it: importing hashlib
    loads OpenSSL, a few milliseconds of every command's start-up."""
    try:
        from _blake2 import blake2b
    except ImportError:  # a Python built without the module: hashlib's is the same digest
        from hashlib import blake2b
    return blake2b(digest_size=16)


# The files read inside ``recording()``: absolute path -> the digests of what each open read.
_reads: ContextVar[dict[str, list[Any]] | None] = ContextVar("kzru_reads", default=None)


@contextmanager
def recording() -> Iterator[dict[str, list[Any]]]:
    """Digest the bytes of every file ``open_regular`` opens inside the block, as they are
    read: a store is filed under a content key only when the bytes it was built from are
    that content, whatever the files held before or hold after (an edit put back)."""
    reads: dict[str, list[Any]] = {}
    token = _reads.set(reads)
    try:
        yield reads
    finally:
        _reads.reset(token)


class _Digesting(io.RawIOBase):
    """A file read through a digest: every byte handed on is hashed first."""

    def __init__(self, raw: io.FileIO, digest: Any) -> None:
        super().__init__()
        self.raw, self.digest = raw, digest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        count = self.raw.readinto(buffer)
        if count:
            self.digest.update(memoryview(buffer)[:count])
        return count

    def fileno(self) -> int:
        return self.raw.fileno()

    def close(self) -> None:
        self.raw.close()
        super().close()


def open_regular(path: Path, limit: int, follow: bool = True) -> io.BufferedReader:
    """Open ``path`` for reading only if it is a regular file within ``limit`` bytes.

    Opened without blocking and checked on the open descriptor, so a FIFO swapped in after
    a check cannot hang the run. FileNotFoundError and other OSErrors pass through.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | \
        (0 if follow else getattr(os, "O_NOFOLLOW", 0))
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        check_regular(path, info, limit)
        _refuse_pseudo_file(path, descriptor, info)
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(descriptor, True)
        reads = _reads.get()
        if reads is None:
            return open(descriptor, "rb", closefd=True)
        digest = content_digest()
        reads.setdefault(os.path.abspath(path), []).append(digest)
        return io.BufferedReader(_Digesting(io.FileIO(descriptor, "rb", closefd=True), digest))
    except BaseException:
        os.close(descriptor)
        raise


# Kernel trees whose "regular" files are made up when read (/proc/self/environ holds the
# environment, tokens included): never data, whatever link leads there.
_PSEUDO_TREES = ("/proc", "/sys", "/dev")


def _refuse_pseudo_file(path: Path, descriptor: int, info: os.stat_result) -> None:
    """Refuse a file that only looks regular: one a link resolves into /proc, /sys or /dev,
    or one whose size says 0 but that has content (a pseudo file wherever it is mounted)."""
    real = os.path.realpath(path)
    tree = next((tree for tree in _PSEUDO_TREES
                 if real == tree or real.startswith(tree + os.sep)), None)
    if tree is not None:
        raise KzruError(_said("err.kernel_file", path=path, tree=tree))
    if info.st_size == 0 and os.pread(descriptor, 1, 0):
        raise KzruError(_said("err.fake_empty", path=path))


def read_limited(path: Path, limit: int, follow: bool = True) -> bytes:
    """The whole of a regular file of at most ``limit`` bytes (``open_regular``; ``follow``
    False: a link is refused with ELOOP). One that grew past ``limit`` while it was read is
    refused as too big, never cut short: every reader of kzru's small files (the package
    file, the journal, the cache's memos) reads through here."""
    with open_regular(path, limit, follow) as handle:
        data = handle.read(limit + 1)
        if len(data) > limit:
            size = max(os.fstat(handle.fileno()).st_size, len(data))
            raise KzruError(_said("err.too_big", path=path, size=size, limit=limit >> 20))
    return data


def parse_json(text: str | bytes) -> Any:
    """``json.loads`` for what was read from disk: nesting too deep for the parser, or an
    integer past Python's digit limit, is a ``JSONDecodeError`` like any other malformed JSON,
    so every reader's existing refusal (or a cache's rebuild) handles it, never a traceback."""
    import json

    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", _as_text(text), 0) from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise
    except ValueError:  # an integer literal longer than int() will read
        shown = _as_text(text)
        found = re.search(r"\d{4000,}", shown)
        raise json.JSONDecodeError("a number too long to read", shown,
                                   found.start() if found else 0) from None


def _as_text(text: str | bytes) -> str:
    return text if isinstance(text, str) else text.decode("utf-8", "replace")


def decode_error_place(path: Path, limit: int) -> str:
    """file:line:col of the first byte that is not UTF-8 (column in characters)."""
    data = read_limited(path, limit)
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        data[start:].decode("utf-8")
        return str(path)
    except UnicodeDecodeError as error:
        bad = start + error.start
    line_start = max(data.rfind(b"\n", 0, bad) + 1, start)
    line = data.count(b"\n", 0, bad) + 1
    column = len(data[line_start:bad].decode("utf-8")) + 1
    return f"{path}:{line}:{column} (byte {bad})"


_LINE_END = r"\r\n|\r|\n"  # where csv ends a line


def csv_error_place(path: Path, record_line: int, current: int, error: Exception,
                    limit: int) -> str:
    """Where a CSV error is. A quote left open swallows the lines after it, so the error
    surfaces later: point at the quote that opened the field instead."""
    unclosed = "end of data" in str(error)
    if not unclosed and record_line == current:
        return f"{path}:{current}"
    try:
        text = read_limited(path, limit).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, KzruError):
        return f"{path}:{record_line}"
    ends = [0] + [found.end() for found in re.finditer(_LINE_END, text)]
    first = ends[min(record_line, len(ends)) - 1]
    opening = stray_quote(text, first)
    if opening is None:
        return f"{path}:{current}"
    import bisect

    line = bisect.bisect_right(ends, opening)
    why = "quote never closed" if unclosed else f"quoted field runs on to line {current}"
    return f"{path}:{line}:{opening - ends[line - 1] + 1} ({why})"


def stray_quote(text: str, position: int) -> int | None:
    """Offset of the first quote from ``position`` that opens a field running past its line
    (no cell of a kzru table spans lines) or never closing, if any."""
    at_field_start = True
    while position < len(text):
        char = text[position]
        if at_field_start and char == '"':
            end = position + 1
            while True:
                end = text.find('"', end)
                if end == -1:
                    return position
                if text.startswith('""', end):
                    end += 2
                    continue
                break
            if re.search(_LINE_END, text[position:end]):
                return position
            position, at_field_start = end + 1, False
            continue
        at_field_start = char in ",\r\n"
        position += 1
    return None


def article_text(raw: bytes) -> str:
    """An article's text as kzru reads it: UTF-8 (a byte order mark dropped), every line
    ending (CRLF, CR) made a line feed. What ``kzru add`` hashes, stores and cuts evidence
    from, and what ``kzru check --sources`` verifies: the same article saved with Windows
    line endings is the same text. UnicodeDecodeError passes through."""
    text = raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def text_sha256(text: str) -> str:
    """The SHA-256 (hex) of an article's text (``article_text``) in UTF-8."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()
