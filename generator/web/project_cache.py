"""What the pages read from the project (tender list, profile choices, the clause library), kept in
memory and read again only when a file under the folders it came from changes.

A value is stored with the signature of its folders: every file's relative path, mtime (ns) and
size. Listing a few hundred files costs well under a millisecond per folder; parsing them again
costs hundreds. A file added, removed, edited or touched changes the signature, so a page never
shows what a file used to say.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
Signature = tuple[tuple[str, int, int], ...]


def signature(root: Path, folders: tuple[str, ...]) -> Signature:
    entries: list[tuple[str, int, int]] = []
    for folder in folders:
        base = root / folder
        for directory, _, names in os.walk(base):
            for name in names:
                path = os.path.join(directory, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                entries.append((os.path.relpath(path, root), info.st_mtime_ns, info.st_size))
    entries.sort()
    return tuple(entries)


class ProjectCache:
    """One per app. `get(name, folders, compute)` returns compute()'s value while the folders stay
    as they were when it was computed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._values: dict[str, tuple[Signature, Any]] = {}
        self._lock = threading.Lock()
        self.computed = 0  # how many times a value was (re)computed, for tests

    def get(self, name: str, folders: tuple[str, ...], compute: Callable[[], T]) -> T:
        current = signature(self.root, folders)
        with self._lock:
            held = self._values.get(name)
        if held is not None and held[0] == current:
            return held[1]
        value = compute()
        with self._lock:
            self._values[name] = (current, value)
            self.computed += 1
        return value


def project_cache() -> ProjectCache:
    from flask import current_app

    return current_app.extensions["project_cache"]
