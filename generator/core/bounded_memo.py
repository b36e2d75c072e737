"""A bounded, thread-safe memo: what a pure computation gave for a key, the least recently used entry
dropped first. The checker's per-block analysis, the reader's style levels, the writer's prepared
references, frames and compressed pictures, and the input files' hashes all keep their results in one
(the web server builds and checks on several threads). Values must not be changed by their users: they
are shared by every caller with the same key."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

V = TypeVar("V")
_MISSING = object()


class BoundedMemo(Generic[V]):
    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._entries: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = Lock()
        self.hits = 0
        self.misses = 0

    def _find(self, key: Hashable) -> object:
        # No lock on the hit path (a build asks ~1,600 times): each OrderedDict call is atomic under the
        # GIL, and an entry another thread drops in between is simply a miss or stays where it was.
        found = self._entries.get(key, _MISSING)
        if found is not _MISSING:
            try:
                self._entries.move_to_end(key)
            except KeyError:
                pass
            self.hits += 1  # a statistic: a lost increment under threads does not matter
        return found

    def lookup(self, key: Hashable) -> V | None:
        """The value kept for `key` (now the most recently used), or None."""
        found = self._find(key)
        return None if found is _MISSING else found  # type: ignore[return-value]

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        found = self._find(key)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        value = compute()  # outside the lock: two threads computing the same key store equal values
        with self._lock:
            self.misses += 1
        self.put(key, value)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.hits = self.misses = 0
