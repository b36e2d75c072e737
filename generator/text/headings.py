"""Recognise heading-like lines when a document has no heading styles (plain text, PDF extracts).

Levels follow Chinese numbering: 第X章 1, 第X节 2, 4.5 2, 一、 3, （一） 4, 1. / 1、 5, （1） 6.
"""

from __future__ import annotations

import re

from generator.text.normalize import normalise

_CN = "一二三四五六七八九十百零〇两"
_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^第[{_CN}\d]+[章篇部]"), 1),
    (re.compile(rf"^第[{_CN}\d]+节"), 2),
    (re.compile(r"^\d+(?:\.\d+)+(?![\d%])\s*\D"), 2),
    (re.compile(rf"^[{_CN}]+[、.](?!\d)"), 3),
    (re.compile(rf"^\([{_CN}]+\)"), 4),
    (re.compile(r"^\d{1,2}(?:[、]|\.(?!\d))"), 5),
    (re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}\))"), 6),
)
_SENTENCE_PUNCT = re.compile(r"[。；;！!？?]")
_LIST_MARK = re.compile(r"^(?:[-*•·]\s+)")


def numbered_heading_level(text: str) -> int | None:
    """Level of a numbered heading line such as “第三节 质保期” or “（二）备件保障”, else None."""
    line = _LIST_MARK.sub("", normalise(text, join_lines=True).text.strip(), count=1)
    if not line or len(line) > 32 or _SENTENCE_PUNCT.search(line) or "," in line or line.endswith("、"):
        return None
    for pattern, level in _PATTERNS:
        if pattern.match(line):
            body = pattern.sub("", line, count=1).strip()
            if len(body) < 2:
                return None
            return level
    return None


def starts_like_item(text: str) -> bool:
    """A line that starts a new heading or list item (never the continuation of a sentence)."""
    line = normalise(text, join_lines=True).text.strip()
    if _LIST_MARK.match(line) or line.startswith("#"):
        return True
    return any(pattern.match(line) for pattern, _ in _PATTERNS)


def plain_heading(text: str) -> bool:
    """A short unnumbered title line: 4–20 characters without any punctuation, not a list item (-备件供应)."""
    line = normalise(text, join_lines=True).text.strip()
    return (4 <= len(line) <= 20 and not re.search(r"[，,。；;：:！!？?、\"“”()\d]", line)
            and not re.match(r"[-*•·]", line))
