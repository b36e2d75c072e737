"""A bounded memo for the checker's pure per-block analysis.

The build checks every document it writes, a batch writes many proposals made of the same clauses,
and the web server checks the same texts again and again: what a block's text yields is worked out
once and kept, the least recently used entry dropped first. Keys must hold everything the analysis
reads; values must be immutable (they are shared by every document that repeats the text).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Generic, TypeVar

from generator.core.bounded_memo import BoundedMemo

__all__ = ["BoundedMemo", "TextMemo", "memoisable", "per_text"]

V = TypeVar("V")

# Texts longer than this are analysed every time and never kept: a memo bounded by count must not hold
# a pasted chapter (or issue 17's paragraph of 20,000 commitments) and everything found in it.
TEXT_MAX_CHARS = 1000


def memoisable(text: str) -> bool:
    return len(text) <= TEXT_MAX_CHARS


class TextMemo(Generic[V]):
    """A pure function of one text, kept per text (up to TEXT_MAX_CHARS; longer ones are worked out
    each time). `fresh` is the function itself, `cached` its bounded cache."""

    def __init__(self, function: Callable[[str], V], maxsize: int = 16384) -> None:
        self.fresh = function
        self.cached = lru_cache(maxsize=maxsize)(function)
        self.__doc__ = function.__doc__

    def __call__(self, text: str) -> V:
        return self.cached(text) if len(text) <= TEXT_MAX_CHARS else self.fresh(text)


def per_text(function: Callable[[str], V]) -> TextMemo[V]:
    return TextMemo(function)
