"""Positions in a sentence found by bisection, so that work per value does not grow with the
sentence (issue 17: one paragraph of 20,000 commitments used to take minutes in extract.py)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right


def bound_to_other(end: int, value_starts: list[int], own: int) -> bool:
    """Does a value other than `own` start within two characters after `end`? (`value_starts` sorted)"""
    index = bisect_left(value_starts, end)
    return any(other != own for other in value_starts[index:index + 4] if other <= end + 2)


def tail_search(pattern: re.Pattern[str], text: str, end: int, window: int) -> re.Match[str] | None:
    """`pattern` (anchored with $) searched in text[:end], looking back at most `window` characters:
    the same match as searching the whole head, at a cost that does not grow with the text."""
    return pattern.search(text, max(0, end - window), end)


class Matches:
    """A pattern's matches in a sentence, found once and kept per matched word: which words occur
    inside a span is a bisection per word, however many times they occur."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.spans: dict[str, tuple[list[int], list[int]]] = {}
        for match in pattern.finditer(text):
            starts, ends = self.spans.setdefault(match.group(), ([], []))
            starts.append(match.start())
            ends.append(match.end())

    def words_between(self, start: int, end: int) -> list[str]:
        found = []
        for word, (starts, ends) in self.spans.items():
            index = bisect_left(starts, start)  # matches do not overlap: the first one ends first
            if index < len(starts) and ends[index] <= end:
                found.append(word)
        return found


class Spans:
    """Sorted, non-overlapping spans; which one holds a position, by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def containing(self, position: int) -> tuple[int, int] | None:
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.spans[index][1]:
            return self.spans[index]
        return None
