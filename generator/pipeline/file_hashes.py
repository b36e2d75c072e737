"""sha256 of input files, worked out once per file version within a process.

A build hashes every input twice (the package identity and manifest.json) and a batch or the web
server builds from the same profiles and clauses again and again. An entry is kept by the file's
path, inode, size and modification time in nanoseconds: a file that is edited, replaced or renamed
over gets another size, inode or mtime, so its entry is not used again.

What that cannot see: a rewrite of the same size within the file system's timestamp granularity
(1-2 s on some file systems). So a file modified less than RACY_SECONDS ago is hashed every time and
its digest is not kept (git's "racily clean" rule) — until it has been still for that long.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from generator.core.bounded_memo import BoundedMemo

MAX_ENTRIES = 4096  # bounded: the web server sees every profile and clause version of a long day
RACY_SECONDS = 3.0

_Key = tuple[str, int, int, int, int]
_digests: BoundedMemo[str] = BoundedMemo(MAX_ENTRIES)


def _key(path: Path) -> tuple[_Key, bool]:
    """The entry's key, and whether the file is still enough to trust that key."""
    st = os.stat(path)
    key = (os.fspath(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    return key, time.time_ns() - st.st_mtime_ns > RACY_SECONDS * 1e9


def sha256_fresh(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex sha256 of the file's bytes (as sha256_fresh), memoised per file version."""
    key, still = _key(path)
    found = _digests.lookup(key)
    if found is not None:
        return found
    digest = sha256_fresh(path)
    if still and _key(path)[0] == key:  # not changed while it was read
        _digests.put(key, digest)
    return digest


def clear() -> None:
    _digests.clear()
