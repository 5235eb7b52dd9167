"""Where the search index lives on disk, and the content key that names it."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from kzru.store import bundled_data_dir, data_files

FORMAT_VERSION = "5"


def cache_dir() -> Path:
    """KZRU_CACHE_DIR, else $XDG_CACHE_HOME/kzru, else ~/.cache/kzru."""
    explicit = os.environ.get("KZRU_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kzru"


def _stat_signature(paths: list[Path]) -> list[list[int]]:
    signature = []
    for path in paths:
        try:
            info = path.stat()
            signature.append([info.st_size, info.st_mtime_ns, info.st_ino])
        except OSError:
            signature.append([-1, -1, -1])
    return signature


def _hash_files(paths: list[Path]) -> str:
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    digest.update(FORMAT_VERSION.encode())
    for path in paths:
        digest.update(path.name.encode() + b"\0")
        try:
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            digest.update(b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


def content_key(folder: Path) -> str:
    """Hash of the data files and the schema; a stat memo spares rehashing unchanged files."""
    paths = [*data_files(folder), bundled_data_dir() / "datapackage.json"]
    signature = _stat_signature(paths)
    folder_id = f"{zlib.crc32(str(folder.resolve()).encode()):08x}"
    memo = cache_dir() / f"stat-{folder_id}.json"
    try:
        saved = json.loads(memo.read_text(encoding="utf-8"))
        if saved.get("signature") == signature and saved.get("version") == FORMAT_VERSION:
            return str(saved["key"])
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    key = _hash_files(paths)
    write_atomically(memo, json.dumps({"version": FORMAT_VERSION, "signature": signature,
                                       "key": key}).encode())
    return key


def write_atomically(path: Path, payload: bytes) -> bool:
    """Write via a temporary file and rename; False when the folder is not writable."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, path)
        return True
    except OSError:
        return False
