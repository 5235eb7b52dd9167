"""Where the search index lives, whether that place is trusted, and which index is current.

The cache is data written by kzru for kzru. A folder or file another user could have written
is not used at all (like ssh with a loose key file). Inside a trusted folder nothing read
back names a path: file names come from kzru's own hashing, and a memo's key is used only
after it is checked to be 32 hex digits. Freshness is keyed on the content of the data
files; a stat memo (device, inode, size, mtime and ctime) spares rehashing unchanged files,
and the same memo records the checksum of the index file, checked again whenever its stat
changes, so a damaged index is found and rebuilt.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from kzru.errors import KzruError
from kzru.files import check_regular, content_digest, open_regular, read_limited
from kzru.paths import CSV_LIMIT, PACKAGE_LIMIT, bundled_data_dir, data_files

FORMAT_VERSION = "14"
KEEP_INDEXES = 4
STALE_TEMPORARY_S = 900  # a live build rewrites its file far more often than this
# A change within this long of a recorded stat may leave every timestamp as it was
# (coarse file-system clocks): such a stat proves nothing and the content is hashed again.
RACY_NS = 2_000_000_000
MEMO_LIMIT = 1 << 16
INDEX_NAME = r"index-[0-9a-f]{32}\.sqlite"
MEMO_NAME = r"stat-[0-9a-f]{8}\.json"
TEMPORARY_NAME = r"(index|stat)-.*\.tmp"
KEEP_MEMOS = 32

Signature = list[int]
_warned = False


class Untrusted(Exception):
    """A cache folder or file that someone else could have written."""


def cache_dir() -> Path | None:
    """KZRU_CACHE_DIR, else the platform's user cache folder (~/.cache/kzru on Linux); None
    when there is no home folder to put it in (no HOME and no passwd entry, as in containers
    run with --user, systemd's DynamicUser or CI sandboxes)."""
    explicit = os.environ.get("KZRU_CACHE_DIR")
    if explicit:
        return Path(explicit)
    import platformdirs  # only here: it costs start-up time that an override never needs

    try:
        folder = platformdirs.user_cache_dir("kzru", appauthor=False)
    except (RuntimeError, KeyError, OSError):
        return None
    return Path(folder) if os.path.isabs(folder) else None


def _make_private(folder: Path) -> None:
    """Create ``folder`` and every missing folder on the way to it with mode 0700: mkdir's
    ``parents`` would give those the umask's mode (0777 under umask 000)."""
    missing = []
    current = folder
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        os.chmod(path, 0o700)  # mkdir's mode is masked by the umask too; 0700 only narrows


def _said(key: str, **fields: object) -> str:
    from kzru.labels import Said

    return Said(key, **fields)


def _distrust(info: os.stat_result, what: object = None) -> str | None:
    """Why a folder or file cannot be trusted (``what``: the cache folder when None), or None.
    The message is made only when there is one: the messages load on that path alone."""
    if info.st_uid != os.geteuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        what = _said("cache.folder") if what is None else what
    if info.st_uid != os.geteuid():
        return _said("cache.other_owner", what=what, uid=info.st_uid)
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return _said("cache.writable", what=what, mode=f"{stat.S_IMODE(info.st_mode):o}")
    return None


def warn_once(message: str) -> None:
    """Say ``message`` once a run, in the reader's language."""
    global _warned
    if not _warned:
        _warned = True
        from kzru.errors import one_line
        from kzru.labels import READER, say

        sys.stderr.write(f"kzru: {one_line(say(message, READER[0]))}\n")


def trusted_dir() -> Path | None:
    """The cache folder, created private (0700); None when it cannot be made or trusted."""
    folder = cache_dir()
    if folder is None:
        warn_once(_said("cache.no_home"))
        return None
    try:
        _make_private(folder)
        link, info = os.lstat(folder), os.stat(folder)
        parent = os.stat(os.path.dirname(os.path.realpath(folder)) or ".")
    except OSError:
        return None  # not writable here: the index is built in memory, as before
    problem = _distrust(info)
    if problem is None and stat.S_ISLNK(link.st_mode) and link.st_uid not in (0, os.geteuid()):
        problem = _said("cache.foreign_link")
    if problem is None and parent.st_mode & stat.S_IWOTH and not parent.st_mode & stat.S_ISVTX:
        problem = _said("cache.open_parent")
    if problem is None and parent.st_uid not in (0, os.geteuid()):
        # its owner could rename the cache folder away and put their own in its place
        problem = _said("cache.foreign_parent", uid=parent.st_uid)
    if problem is None and not stat.S_ISDIR(info.st_mode):
        problem = _said("cache.not_folder")
    if problem:
        warn_once(_said("cache.not_used", problem=problem, folder=folder))
        return None
    return folder


def _trusted_file(path: Path) -> os.stat_result | None:
    """lstat of a cache file (None when absent); raise Untrusted for anything not ours."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise Untrusted(_said("cache.not_regular", path=path))
    problem = _distrust(info, str(path))
    if problem:
        raise Untrusted(problem)
    return info


def _signature(info: os.stat_result | None) -> Signature:
    if info is None:
        return [-1, -1, -1, -1, -1]
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _racy(signature: Signature, written: int) -> bool:
    return max(signature[3], signature[4]) >= written - RACY_NS


def _sources(folder: Path) -> list[tuple[Path, int]]:
    """Every file the index depends on, with the most kzru reads from it."""
    files = [(path, PACKAGE_LIMIT if path.suffix == ".json" else CSV_LIMIT)
             for path in data_files(folder)]
    return [*files, (bundled_data_dir() / "datapackage.json", PACKAGE_LIMIT)]


def _data_signatures(files: list[tuple[Path, int]]) -> list[Signature]:
    """Stat every data file, refusing FIFOs, devices, folders and huge files before any read."""
    signatures = []
    for path, limit in files:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            signatures.append(_signature(None))  # the loader reports what is missing
            continue
        check_regular(path, info, limit)
        signatures.append(_signature(info))
    return signatures


_new_digest = content_digest


def _file_digest(path: Path, limit: int) -> bytes | None:
    """The digest of one data file's bytes; None when it cannot be read."""
    digest = _new_digest()
    try:
        with open_regular(path, limit) as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.digest()


def _key(files: list[tuple[Path, int]], digests: list[bytes | None]) -> str:
    """The content key: the format version, then each file's name and digest, in order."""
    key = _new_digest()
    key.update(FORMAT_VERSION.encode())
    for (path, _), digest in zip(files, digests):
        key.update(os.fsencode(path.name) + b"\0" + (digest or b"<missing>") + b"\0")
    return key.hexdigest()


def _hash_data(files: list[tuple[Path, int]]) -> str:
    return _key(files, [_file_digest(path, limit) for path, limit in files])


def file_digest(path: Path) -> str:
    """Checksum of a whole index file."""
    digest = _new_digest()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _is_hex(value: object) -> bool:
    """32 lowercase hex digits: what kzru's digests look like, and all a key may be."""
    return isinstance(value, str) and len(value) == 32 and not value.strip("0123456789abcdef")


class Memo:
    """What a run learnt about one data folder: its files' stats and content key, and the
    stat and checksum of the index file last verified for that key."""

    FIELDS = ("files", "key", "written", "index", "digest", "checked")

    def __init__(self, files: list[Signature], key: str, written: int,
                 index: Signature | None = None, digest: str | None = None,
                 checked: int = 0) -> None:
        self.files = files
        self.key = key
        self.written = written  # when the data files' stats were taken
        self.index = index
        self.digest = digest
        self.checked = checked  # when the index file's stat was taken, its content verified

    def save(self, path: Path) -> None:
        payload = {"version": FORMAT_VERSION, **{name: getattr(self, name)
                                                 for name in self.FIELDS}}
        write_atomically(path, json.dumps(payload).encode())


def _is_signature(value: object) -> bool:
    return isinstance(value, list) and len(value) == 5 and all(
        type(item) is int for item in value)


def _read_memo(path: Path) -> Memo | None:
    """The memo, validated field by field; None when absent or not exactly as kzru writes."""
    if _trusted_file(path) is None:
        return None
    try:
        saved = json.loads(read_limited(path, MEMO_LIMIT))
    except (OSError, ValueError, KzruError):
        return None
    if not isinstance(saved, dict) or saved.get("version") != FORMAT_VERSION:
        return None
    files, key, written = saved.get("files"), saved.get("key"), saved.get("written")
    index, digest, checked = saved.get("index"), saved.get("digest"), saved.get("checked")
    if not (isinstance(files, list) and all(_is_signature(item) for item in files)
            and _is_hex(key) and type(written) is int
            and (index is None or _is_signature(index))
            and (digest is None or _is_hex(digest))
            and type(checked) is int):
        return None
    return Memo(files, key, written, index, digest, checked)


class Place:
    """The index file for a data folder's current content, and the memo that vouches for it."""

    def __init__(self, index: Path, memo_path: Path, memo: Memo, now: int,
                 files: list[tuple[Path, int]] | None = None) -> None:
        self.index = index
        self.memo_path = memo_path
        self.memo = memo
        self.now = now
        self.files = files or []

    def still_current(self) -> bool:
        """True when the data files still hold the content the index is named by."""
        return _hash_data(self.files) == self.memo.key

    def built_from_key(self, reads: dict[str, list[Any]]) -> bool:
        """True when the bytes a build parsed (``files.recording``) are the content the
        index is named by. A file saved while it was read would otherwise file the new
        content under the old key, and answer for the old content once it is back, even
        when it was put back before the build ended. A file read twice must have read the
        same bytes both times; one the build never opened (kzru's own schema) is hashed."""
        digests: list[bytes | None] = []
        for path, limit in self.files:
            seen = {digest.digest() for digest in reads.get(os.path.abspath(path), ())}
            if len(seen) > 1:
                return False
            digests.append(seen.pop() if seen else _file_digest(path, limit))
        return _key(self.files, digests) == self.memo.key

    def index_is_sound(self) -> bool:
        """True when the index file exists and its checksum is the one recorded at its build
        (checked again only when its stat changed, or was taken too close to a change)."""
        signature = _signature(_trusted_file(self.index))
        if signature[0] == -1 or self.memo.digest is None:
            return False
        if self.memo.index == signature and not _racy(signature, self.memo.checked):
            return True
        try:
            if file_digest(self.index) != self.memo.digest:
                return False
        except OSError:
            return False
        self.record(signature, self.memo.digest)
        return True

    def record(self, signature: Signature, digest: str) -> None:
        """Save the memo with the index file's stat and checksum."""
        self.memo.index, self.memo.digest, self.memo.checked = signature, digest, self.now
        self.memo.save(self.memo_path)


def locate(folder: Path, place: Path) -> Place:
    """Find the index for ``folder``'s current content (hashing the data only when a file's
    stat changed); raise KzruError for a data file that is not a regular file."""
    now = time.time_ns()
    files = _sources(folder)
    signatures = _data_signatures(files)
    folder_id = f"{zlib.crc32(os.fsencode(os.path.abspath(folder))):08x}"
    memo_path = place / f"stat-{folder_id}.json"
    memo = _read_memo(memo_path)
    if memo is None or memo.files != signatures or any(
            _racy(signature, memo.written) for signature in signatures):
        key = _hash_data(files)
        if memo is None or memo.key != key:
            memo = Memo(signatures, key, now)
        memo.files, memo.written = signatures, now
        memo.save(memo_path)
    return Place(place / f"index-{memo.key}.sqlite", memo_path, memo, now, files)


def write_atomically(path: Path, payload: bytes) -> bool:
    """Write via a private temporary file and rename; False when the folder is not writable."""
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem + "-",
                                             suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return True
    except OSError:
        return False


def tidy(place: Path, current: Path) -> None:
    """Keep the newest few indexes and memos; remove temporary files a killed or failed run
    left behind (only those old enough that no build can still be writing them)."""
    import re

    index_name, memo_name = re.compile(INDEX_NAME), re.compile(MEMO_NAME)
    temporary_name = re.compile(TEMPORARY_NAME)
    indexes, memos = [], []
    cutoff = time.time() - STALE_TEMPORARY_S
    try:
        with os.scandir(place) as entries:
            for entry in entries:
                info = entry.stat(follow_symlinks=False)
                if index_name.fullmatch(entry.name) and entry.path != str(current):
                    indexes.append((info.st_mtime, entry.path))
                elif memo_name.fullmatch(entry.name):
                    memos.append((info.st_mtime, entry.path))
                elif temporary_name.fullmatch(entry.name) and info.st_mtime < cutoff:
                    os.unlink(entry.path)
        for kept, found in ((KEEP_INDEXES - 1, indexes), (KEEP_MEMOS, memos)):
            for _, path in sorted(found, reverse=True)[kept:]:
                os.unlink(path)
    except OSError:
        pass  # tidying is a courtesy: never a reason to fail a search
