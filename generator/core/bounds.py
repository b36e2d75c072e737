"""The words a tender or a proposal writes around a figure to bound it: “不少于3年”, “2小时内”,
“95%以上”. One vocabulary for tender extract (which bound a requirement sets), the 偏离表 (quoting
the tender's own words), the scoring bands (“≤2小时得3分”) and the checker (a quoted bound).

A word is judged by the longest match: “不超过” ends with “超过” and “不低于” with “低于”, and the
longer word decides (at most and at least respectively)."""

from __future__ import annotations

import re
from typing import Literal

Direction = Literal["at_most", "at_least"]

# written before the figure
AT_LEAST_BEFORE = ("不少于", "不低于", "不得少于", "不得低于", "不短于", "不小于", "至少", "最少", "最短",
                   "大于等于", "长于", "超过", "高于", "多于", "≥", ">=")
AT_MOST_BEFORE = ("不超过", "不得超过", "不多于", "不大于", "不得大于", "不高于", "不长于", "不迟于", "不晚于",
                  "最多", "最长", "最迟", "小于等于", "少于", "低于", "≤", "<=")
# written after it (a “（含）” may come between: 3年（含）以上)
AT_MOST_AFTER = ("以内", "之内", "内", "以下")
AT_LEAST_AFTER = ("及以上", "或以上", "以上")

_BEFORE: dict[str, Direction] = {**dict.fromkeys(AT_LEAST_BEFORE, "at_least"),
                                 **dict.fromkeys(AT_MOST_BEFORE, "at_most")}
_AFTER: dict[str, Direction] = {**dict.fromkeys(AT_LEAST_AFTER, "at_least"),
                                **dict.fromkeys(AT_MOST_AFTER, "at_most")}
_INCLUSIVE = "（含）"


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of the words, longest first (so 不低于 wins over 低于)."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# any bound word before a figure, and the one right before the end of a text (for quoting)
BEFORE_WORDS = alternation(list(_BEFORE))
AFTER_WORDS = alternation(list(_AFTER))
BEFORE_AT_END = re.compile(rf"(?:{BEFORE_WORDS})\s*$")
AFTER_AT_START = re.compile(rf"\s*(?:{re.escape(_INCLUSIVE)})?(?:{AFTER_WORDS})")  # use .match(text, pos)
# the negated and symbolic words only (不少于, ≤ …): a text holding one states a bound, whatever else
# it says (至少, 以上 are also ordinary words)
STRICT_WORDS = re.compile(alternation([w for w in _BEFORE if w.startswith(("不", "≤", "≥", "<", ">"))]))


def bound_before(text: str) -> Direction | None:
    """The bound set by the word the text ends with (the words just before a figure)."""
    match = BEFORE_AT_END.search(text)
    return _BEFORE[match[0].strip()] if match else None


def bound_after(text: str) -> Direction | None:
    """The bound set by the word the text starts with (the words just after a figure)."""
    match = AFTER_AT_START.match(text)
    if not match:
        return None
    word = match[0].strip().removeprefix(_INCLUSIVE)
    return _AFTER[word]


_ANY_BEFORE = re.compile(BEFORE_WORDS)


def bounds_inside(text: str) -> set[Direction]:
    """The bounds the words inside a text set (每季度至少一次): each word read whole, so the 超过 of
    不超过 counts as at most."""
    return {_BEFORE[match[0]] for match in _ANY_BEFORE.finditer(text)}
