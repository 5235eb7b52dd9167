"""Which cached index is current for a data folder, and whether its file is sound.

Freshness is keyed on the content of the data files: the index is ``index-KEY.sqlite``. A
stat memo per data folder (``stat-FOLDER.json``: device, inode, size, mtime and ctime of each
file) spares rehashing unchanged files. What vouches for an index is kept per content key,
in a seal beside it (``seal-KEY.json``): the checksums of the builds filed under the key and
the stat of the file last checked, checked again whenever that stat changes, so a damaged
index is found and rebuilt. Per key, not per folder: two folders or two installs holding the
same content share one index, and each takes the other's build for sound instead of
rebuilding it in turn. A memo's key is used only after it is checked to be 32 hex digits, and
memos and seals are read only from trusted files (cache.py), field by field.

Which version of a folder a reader reads (read again when a write changed it meanwhile) is
whole_reads.py's concern: that is about the data a command answers from, this about the cache
built from it.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from pathlib import Path
from typing import Any, Callable

from kzru.cache import FORMAT_VERSION, MEMO_LIMIT, _trusted_file, write_atomically
from kzru.errors import KzruError
from kzru.files import check_regular, content_digest, open_regular, parse_json, read_limited
from kzru.paths import CSV_LIMIT, PACKAGE_LIMIT, bundled_data_dir, data_files

# A change within this long of a recorded stat may leave every timestamp as it was
# (coarse file-system clocks): such a stat proves nothing and the content is hashed again.
RACY_NS = 2_000_000_000
# The checksums a seal keeps: the build on file and one renamed over it meanwhile, so a run
# that hashed the old file while another run filed a new one still finds it named.
KEEP_DIGESTS = 2

Signature = list[int]


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
    """What a run learnt about one data folder: its files' stats, taken when, and the content
    key they hashed to."""

    FIELDS = ("files", "key", "written")

    def __init__(self, files: list[Signature], key: str, written: int) -> None:
        self.files = files
        self.key = key
        self.written = written  # when the data files' stats were taken

    def save(self, path: Path) -> None:
        _save(self, path)


class Seal:
    """What vouches for the index of one content key, shared by every folder and install that
    holds the content: the checksums of the builds filed under the key (newest first), and
    the stat of the index file last checked against them, with when. Builds of one content
    are equally sound but not byte for byte the same (SQLite's pages, Python's hash order)."""

    FIELDS = ("key", "digests", "index", "checked")

    def __init__(self, key: str, digests: list[str], index: Signature | None = None,
                 checked: int = 0) -> None:
        self.key = key
        self.digests = digests
        self.index = index
        self.checked = checked  # when the index file's stat was taken, its content verified

    def save(self, path: Path) -> None:
        _save(self, path)


def _save(saved: Memo | Seal, path: Path) -> None:
    """A memo or seal as JSON, its format's version first (read back by _read_saved)."""
    payload = {"version": FORMAT_VERSION, **{name: getattr(saved, name)
                                             for name in saved.FIELDS}}
    write_atomically(path, json.dumps(payload).encode())


def _is_signature(value: object) -> bool:
    return isinstance(value, list) and len(value) == 5 and all(
        type(item) is int for item in value)


def _read_saved(path: Path, fields: tuple[str, ...]) -> dict[str, Any] | None:
    """A memo's or seal's fields when it is a trusted file holding exactly ``fields`` and
    this format's version; None when absent or not as kzru writes it (Untrusted when it is
    not ours)."""
    if _trusted_file(path) is None:
        return None
    try:
        saved = parse_json(read_limited(path, MEMO_LIMIT))
    except (OSError, ValueError, KzruError):
        return None
    if not isinstance(saved, dict) or set(saved) != {"version", *fields} \
            or saved["version"] != FORMAT_VERSION:
        return None
    return saved


def _read_memo(path: Path) -> Memo | None:
    """The memo, validated field by field; None when absent or not exactly as kzru writes."""
    saved = _read_saved(path, Memo.FIELDS)
    if saved is None:
        return None
    files, key, written = saved["files"], saved["key"], saved["written"]
    if not (isinstance(files, list) and all(_is_signature(item) for item in files)
            and _is_hex(key) and type(written) is int):
        return None
    return Memo(files, key, written)


def _read_seal(path: Path, key: str) -> Seal | None:
    """The seal of ``key``, validated field by field; None when absent, not exactly as kzru
    writes it, or the seal of another key."""
    saved = _read_saved(path, Seal.FIELDS)
    if saved is None:
        return None
    digests, index, checked = saved["digests"], saved["index"], saved["checked"]
    if not (saved["key"] == key and isinstance(digests, list)
            and 0 < len(digests) <= KEEP_DIGESTS and all(_is_hex(item) for item in digests)
            and (index is None or _is_signature(index)) and type(checked) is int):
        return None
    return Seal(key, digests, index, checked)


class Place:
    """The index file for a data folder's current content: the folder's memo names the key,
    the key's seal vouches for the file."""

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

    @property
    def seal_path(self) -> Path:
        return self.index.with_name(f"seal-{self.memo.key}.json")

    @property
    def sealed(self) -> "Sealed":
        """The index file and the seal of its key."""
        return Sealed(self.index, self.seal_path, self.memo.key, self.now)

    def index_is_sound(self) -> bool:
        """True when the index file exists and its checksum is one its key's seal names."""
        return self.sealed.is_sound()

    def file_build(self, digest: str) -> None:
        """Name a new build's checksum in the seal *before* its file is renamed over the
        index: a run that reads the key meanwhile finds either file named."""
        self.sealed.file_build(digest)

    def record(self, signature: Signature, digest: str) -> None:
        """Save the seal with the index file's stat, found (now) to have ``digest``."""
        self.sealed.record(signature, digest)


class Sealed:
    """A file in the cache and the seal that vouches for it: the store of a content key
    (``seal-KEY.json``) or an answer kept beside it (kept.py, ``kept-KEY-VARIANT.json``).
    One rule for both: a file is read only when its checksum is one its seal names, checked
    again whenever its stat changed (or was taken too close to a change); a new build's
    checksum is named before its file is renamed in, beside the one filed before."""

    def __init__(self, path: Path, seal_path: Path, name: str, now: int) -> None:
        self.path = path
        self.seal_path = seal_path
        self.name = name  # what the seal is of: a content key, or KEY-VARIANT
        self.now = now

    def is_sound(self, confirm: Callable[[], bool] | None = None) -> bool:
        """True when the file exists and its checksum is one its seal names (checked again
        only when its stat changed, or was taken too close to a change). ``confirm``: asked
        whenever the checksum was read, before the stat is recorded: a file it refuses is not
        sound, and its stat is not recorded (a later run checks it again)."""
        signature = _signature(_trusted_file(self.path))
        seal = _read_seal(self.seal_path, self.name)
        if signature[0] == -1 or seal is None:
            return False
        if seal.index == signature and not _racy(signature, seal.checked):
            return True
        try:
            digest = file_digest(self.path)
        except OSError:
            return False
        if digest not in seal.digests:
            seal = _read_seal(self.seal_path, self.name)  # filed by a run meanwhile?
            if seal is None or digest not in seal.digests:
                return False
        if confirm is not None and not confirm():
            return False
        self.record(signature, digest)
        return True

    def vouched_stat(self) -> Signature | None:
        """The file's stat when the stat its seal recorded vouches for it alone (the file
        unchanged since a run read its checksum: ``is_sound`` reads none); else None."""
        signature = _signature(_trusted_file(self.path))
        seal = _read_seal(self.seal_path, self.name)
        if signature[0] == -1 or seal is None or seal.index != signature \
                or _racy(signature, seal.checked):
            return None
        return signature

    def stat_is(self, signature: Signature) -> bool:
        """Whether the file's stat is ``signature`` (it was not replaced meanwhile)."""
        return _signature(_trusted_file(self.path)) == signature

    def file_build(self, digest: str) -> None:
        """Name a new build's checksum in the seal *before* its file is renamed in: a run
        that reads the file meanwhile finds either file named (a seal keeps two)."""
        seal = _read_seal(self.seal_path, self.name)
        self._seal(digest, seal, seal.index if seal else None, seal.checked if seal else 0)

    def record(self, signature: Signature, digest: str) -> None:
        """Save the seal with the file's stat, found (now) to have ``digest``."""
        self._seal(digest, _read_seal(self.seal_path, self.name), signature, self.now)

    def _seal(self, digest: str, seal: Seal | None, index: Signature | None,
              checked: int) -> None:
        older = [item for item in (seal.digests if seal else []) if item != digest]
        Seal(self.name, [digest, *older][:KEEP_DIGESTS], index, checked).save(self.seal_path)


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
        memo = Memo(signatures, _hash_data(files), now)
        memo.save(memo_path)
    return Place(place / f"index-{memo.key}.sqlite", memo_path, memo, now, files)
