"""Where the store's cache lives, whether that place and its files are trusted, and tidying.

The cache is data written by kzru for kzru. A folder or file another user could have written
is not used at all (like ssh with a loose key file), nor a file that is a link. Inside a
trusted folder nothing read back names a path: file names come from kzru's own hashing.
Which index is current, and what vouches for it, is ``freshness.py``'s concern.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

FORMAT_VERSION = "14"
KEEP_INDEXES = 4
STALE_TEMPORARY_S = 900  # a live build rewrites its file far more often than this
MEMO_LIMIT = 1 << 16
INDEX_NAME = r"index-[0-9a-f]{32}\.sqlite"
MEMO_NAME = r"stat-[0-9a-f]{8}\.json"
SEAL_NAME = r"seal-[0-9a-f]{32}\.json"
TEMPORARY_NAME = r"(index|stat|seal|kept)-.*\.tmp"
KEEP_MEMOS = 32
# Answers kept beside an index (kept.py): a file and its seal, named by the index's key.
KEPT_NAME = r"kept-[0-9a-f]{32}-[0-9a-f]{32}\.(sqlite|json)"
KEEP_KEPT = 32
# SQLite sorts a new index's entries (and a large read's) in temporary files, in TMPDIR (or
# /var/tmp, /tmp): a full or unwritable temporary folder fails what the cache folder has room
# for, so the build and a failed read retry with them in memory (build.py, index.py).
MEMORY_TEMP = "PRAGMA temp_store=MEMORY"


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
        from kzru.errors import tell

        tell(message)


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


def sync_file(path: Path | str) -> None:
    """Flush a file's bytes to disk before it is renamed into place: a power cut after the
    rename then finds the whole file under the name, never an empty or torn one (a torn
    index would be caught by its checksum, and rebuilt: time, not an answer)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomically(path: Path, payload: bytes) -> bool:
    """Write via a private temporary file, flushed to disk, and rename; False when the folder
    is not writable."""
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem + "-",
                                             suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return True
    except OSError:
        return False


def _key_of(index: object) -> str:
    return os.path.basename(str(index))[6:38]  # index-KEY.sqlite


def tidy(place: Path, current: Path) -> None:
    """Keep the newest few indexes (with their seals) and memos; remove temporary files and
    seals without an index that a killed or failed run left behind (only those old enough
    that no build can still be writing them)."""
    import re

    index_name, memo_name = re.compile(INDEX_NAME), re.compile(MEMO_NAME)
    seal_name, temporary_name = re.compile(SEAL_NAME), re.compile(TEMPORARY_NAME)
    kept_name = re.compile(KEPT_NAME)
    indexes, memos, seals, kept = [], [], {}, []
    cutoff = time.time() - STALE_TEMPORARY_S
    try:
        with os.scandir(place) as entries:
            for entry in entries:
                info = entry.stat(follow_symlinks=False)
                if index_name.fullmatch(entry.name) and entry.path != str(current):
                    indexes.append((info.st_mtime, entry.path))
                elif memo_name.fullmatch(entry.name):
                    memos.append((info.st_mtime, entry.path))
                elif kept_name.fullmatch(entry.name):
                    kept.append((info.st_mtime, entry.path))
                elif seal_name.fullmatch(entry.name):
                    seals[entry.name[5:37]] = (info.st_mtime, entry.path)
                elif temporary_name.fullmatch(entry.name) and info.st_mtime < cutoff:
                    os.unlink(entry.path)
        newest_first = sorted(indexes, reverse=True)
        for _, path in newest_first[KEEP_INDEXES - 1:]:
            os.unlink(path)
        for _, path in sorted(memos, reverse=True)[KEEP_MEMOS:]:
            os.unlink(path)
        removed = {_key_of(path) for _, path in newest_first[KEEP_INDEXES - 1:]}
        held = {_key_of(path) for path in (current, *(p for _, p in newest_first))} - removed
        for key, (when, path) in seals.items():
            if key in removed or (key not in held and when < cutoff):
                os.unlink(path)
        # kept answers (each a file and its seal): those of a store no longer held, and all
        # but the newest few
        answers: dict[str, list[tuple[float, str]]] = {}
        for when, path in kept:
            answers.setdefault(path.rsplit(".", 1)[0], []).append((when, path))
        newest = sorted(answers, key=lambda stem: max(answers[stem]), reverse=True)
        for rank, stem in enumerate(newest):
            key, (when, _) = os.path.basename(stem)[5:37], max(answers[stem])
            if rank >= KEEP_KEPT or key in removed or (key not in held and when < cutoff):
                for _, path in answers[stem]:
                    os.unlink(path)
    except OSError:
        pass  # tidying is a courtesy: never a reason to fail a search
