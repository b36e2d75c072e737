"""sha256 of input files, worked out once per file version within a process.

A build names its reference document and attachments by it (a loaded YAML input carries the hash of
the bytes it was loaded from, Loaded.sha256, see pipeline/build.input_hashes), and a batch or the web
server builds from the same files again and again. An entry is kept by the file's
version (core/file_version.py: path, inode, size, mtime), and only for a file that has been still
long enough for its version to be trusted.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.core.bounded_memo import BoundedMemo
from generator.core.file_version import version

MAX_ENTRIES = 4096  # bounded: the web server sees every profile and clause version of a long day

_digests: BoundedMemo[str] = BoundedMemo(MAX_ENTRIES)


def sha256_fresh(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex sha256 of the file's bytes (as sha256_fresh), memoised per file version."""
    key, still = version(path)
    found = _digests.lookup(key)
    if found is not None:
        return found
    digest = sha256_fresh(path)
    if still and version(path)[0] == key:  # not changed while it was read
        _digests.put(key, digest)
    return digest


def clear() -> None:
    _digests.clear()
