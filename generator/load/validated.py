"""Validated inputs kept between loads: a file whose exact bytes were validated into the same model class
before (in this process, or through the disk cache in an earlier one) is neither parsed nor validated
again, so a build whose inputs are unchanged never builds pydantic's validators at all (the models are
declared with `defer_build=True`).

Key: the sha256 of the file's bytes, the model class, and a fingerprint of the code the result depends
on: generator/models/ and generator/core/ (the kinds table, the quantity parsers), the model class's own
module, this module, the YAML parser and cleaning pass (yamlio's fingerprint), pydantic and Python.
An edited file or any change to that code gives another key. Only a file that validated cleanly is kept; a file with
problems is validated every time, so its errors are reported exactly as before.

On disk an entry is the pickled model (see docs/ARCHITECTURE.md, “缓存”, for why pickle): written
only by this module into the private cache directory, checksummed and owner-checked by
`core/disk_cache.py`, and read back by an unpickler that only builds the classes a model is made of.
Anything else (a damaged, foreign or unreadable entry, another class) is a miss.

The models handed out are shared by every load of the same bytes in a process (batch workers, the
web server, tests), as the parsed trees of `yamlio` are: nothing may modify a loaded model (they are
frozen; their lists and mappings must be treated so too).
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from pathlib import Path
from typing import Any

from generator.core import disk_cache

DISK_SUBDIR = "models"
_MEMORY_LIMIT = 4096
_memory: dict[tuple[bytes, type], Any] = {}
_fingerprints: dict[type, bytes] = {}

_PACKAGE = Path(__file__).resolve().parent.parent  # generator/
# Source folders every model's validation depends on (read whole, so a new module counts too).
_CODE_FOLDERS = (_PACKAGE / "models", _PACKAGE / "core")
# Besides the model's own module: what a validated model may be made of.
_VALUE_MODULES = frozenset({"generator.core.quantities", "datetime"})


def digest(data: bytes) -> bytes:
    """The name of a file's content in this cache."""
    return hashlib.sha256(data).digest()


def lookup(content: bytes, model: type) -> Any | None:
    """The model validated before from bytes with this digest, or None."""
    known = _memory.get((content, model))
    if known is not None:
        return known
    payload = disk_cache.load(_entry(content, model))
    instance = _unpickle(payload, model) if payload is not None else None
    if instance is not None:
        _remember(content, model, instance)
    return instance


def store(content: bytes, model: type, instance: Any) -> None:
    """Keep a cleanly validated model, in memory and on disk."""
    _remember(content, model, instance)
    entry = _entry(content, model)
    if entry is None:
        return
    try:
        payload = pickle.dumps(instance, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a value pickle cannot hold: validate this file in every process
        return
    disk_cache.store(entry, payload)


def _remember(content: bytes, model: type, instance: Any) -> None:
    if len(_memory) >= _MEMORY_LIMIT:
        _memory.clear()
    _memory[(content, model)] = instance


def _entry(content: bytes, model: type) -> Path | None:
    if disk_cache.cache_dir(DISK_SUBDIR) is None:
        return None
    name = f"{model.__module__}.{model.__qualname__}".encode()
    return disk_cache.entry(DISK_SUBDIR, (code_fingerprint(model), name, content))


def code_fingerprint(model: type) -> bytes:
    """A hash of everything besides the file's bytes that the validated model depends on."""
    known = _fingerprints.get(model)
    if known is None:
        module = sys.modules.get(model.__module__)
        own = getattr(module, "__file__", None) or ""
        known = hashlib.sha256(_shared_fingerprint() + disk_cache.source_fingerprint(own)).digest()
        _fingerprints[model] = known
    return known


_shared: list[bytes] = []


def _shared_fingerprint() -> bytes:
    """The part of the fingerprint every model shares (computed once per process)."""
    if not _shared:
        import pydantic
        import pydantic_core

        from generator.load import yamlio

        files = [*sorted(path for folder in _CODE_FOLDERS for path in folder.glob("*.py")), Path(__file__)]
        versions = f"{sys.version}|{pydantic.VERSION}|{pydantic_core.__version__}".encode()
        _shared.append(disk_cache.source_fingerprint(*files) + yamlio.parser_fingerprint() + versions)
    return _shared[0]


def _unpickle(payload: bytes, model: type) -> Any | None:
    allowed = _VALUE_MODULES | {model.__module__}

    class _ModelUnpickler(pickle.Unpickler):
        """Builds only classes of the models and their values; never looks up a function."""

        def find_class(self, module: str, name: str) -> Any:
            if module in allowed or module.startswith("generator.models."):
                found = super().find_class(module, name)
                if isinstance(found, type):
                    return found
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a validated input")

    try:
        instance = _ModelUnpickler(io.BytesIO(payload)).load()
    except Exception:  # damaged or foreign: validate again
        return None
    return instance if type(instance) is model else None
