"""Results kept on disk between processes, named by a hash of everything they depend on (as Python keeps
.pyc files). Used for parsed YAML inputs (`yamlio`), validated input models (`load/validated.py`) and
drawn charts (`pictures.cached`); the compiled clause templates use the same location (`render/code_cache.py`).

An entry is only ever written whole (a temporary file renamed over it), so parallel builds read either
no entry or a complete one. Any failure to read or write (read-only home, a damaged or foreign file) is
a cache miss: the caller computes the value itself, and the cache never changes an output. The
subdirectories are created private (0700); an entry not owned by this user, or writable by others, is
ignored as well.

Location: $AFTERSALES_CACHE_DIR, else $XDG_CACHE_HOME/aftersales, else ~/.cache/aftersales; an empty
AFTERSALES_CACHE_DIR turns every disk cache off.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ENV_VAR = "AFTERSALES_CACHE_DIR"
MAGIC = b"aftersales-cache-1\n"  # every entry starts with it; anything else is ignored


def cache_dir(subdir: str) -> Path | None:
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen) / subdir if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aftersales" / subdir


def entry(subdir: str, parts: Iterable[bytes]) -> Path | None:
    """The file of the entry named by `parts` (None when the cache is off)."""
    directory = cache_dir(subdir)
    if directory is None:
        return None
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return directory / f"{digest.hexdigest()}.bin"


def load(path: Path | None) -> bytes | None:
    """An entry's payload, or None (absent, unreadable, or not written by `store`)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            if not _ours(os.fstat(handle.fileno())):
                return None
            data = handle.read()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    body = data[len(MAGIC):]
    if len(body) < 32 or hashlib.sha256(body[32:]).digest() != body[:32]:
        return None  # truncated or damaged
    return body[32:]


def _ours(info: os.stat_result) -> bool:
    """Whether an entry was written by this user and nobody else can write it (entries are unpickled:
    a file planted by another account is never read)."""
    owner = getattr(os, "geteuid", None)
    if owner is None:  # Windows: no owners to compare
        return True
    return info.st_uid == owner() and not info.st_mode & 0o022


def load_marshalled(path: Path | None) -> object | None:
    """An entry written as `marshal.dumps(value)`: the value, or None (absent, damaged, not marshal)."""
    payload = load(path)
    if payload is None:
        return None
    import marshal

    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def store_marshalled(path: Path | None, value: Any) -> None:
    """Write `value` as `marshal.dumps(value)` (what load_marshalled reads); nothing when it cannot be marshalled."""
    import marshal

    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    store(path, payload)


def store(path: Path | None, payload: bytes) -> None:
    """Write an entry atomically; silently nothing when the cache directory cannot be written."""
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile  # only a process that stores pays for it (random, shutil …)

        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, path)  # atomic: a parallel build reads the old entry or the new one
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass


def source_fingerprint(*files: str | Path) -> bytes:
    """A hash of the named source files' contents (the code a cached result depends on); missing files
    count as empty."""
    digest = hashlib.sha256()
    for name in files:
        try:
            digest.update(Path(name).read_bytes())
        except OSError:
            pass
        digest.update(b"\0")
    return digest.digest()
