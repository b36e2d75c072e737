"""Heading numbers written into the text: 第一节 / 一、/ （一）/ 1. / （1）.

Literal numbers survive being pasted into a larger bid document and are visible to the checker.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九."""
    if not 1 <= n <= 99:
        raise ValueError(f"heading number out of range: {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    if level == 1:
        return f"第{chinese_ordinal(n)}节"
    if level == 2:
        return f"{chinese_ordinal(n)}、"
    if level == 3:
        return f"（{chinese_ordinal(n)}）"
    if level == 4:
        return f"{n}."
    return f"（{n}）"


class Counter:
    """Numbers headings in document order; a heading resets every deeper level."""

    def __init__(self) -> None:
        self._counts = [0] * 6

    def next(self, level: int) -> str:
        level = max(1, min(level, 5))
        self._counts[level] += 1
        for deeper in range(level + 1, 6):
            self._counts[deeper] = 0
        return heading_number(level, self._counts[level])
