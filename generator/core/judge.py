"""The one requirement judgement: how an offered value stands against a requirement's bound. The
偏离表 (resolve.evaluate) and the checker's tender-requirement rule both ask it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from generator.core.quantities import Quantity, Schedule, compare

Verdict = Literal["better", "meets", "fails"]


def verdict(bound: str, results: Sequence[int]) -> Verdict:
    """`results`: cmp(offered, required) per limit (one, or one per shared limit of 3年或10万公里).
    at_most: larger fails; at_least: smaller fails; equals: any difference fails. Better only when
    every limit improves on the bound (never for equals)."""
    if bound == "at_most":
        fails, improves = any(r > 0 for r in results), all(r < 0 for r in results)
    elif bound == "at_least":
        fails, improves = any(r < 0 for r in results), all(r > 0 for r in results)
    else:
        fails, improves = any(r != 0 for r in results), False
    if fails:
        return "fails"
    return "better" if improves else "meets"


def judge(bound: str, offered: Quantity | None, required: Quantity | None) -> Verdict | None:
    """The verdict on one value, or None when the two cannot be compared (different units)."""
    result = compare(offered, required)
    return None if result is None else verdict(bound, [result])


def is_ceiling(value: Quantity | None) -> bool:
    """A value nothing offered can exceed: 7×24 (every hour of the week)."""
    return isinstance(value, Schedule) and value.weekly_hours == 7 * 24


def bounds_agree(a: str, b: str, value: Quantity | None) -> bool:
    """Two bounds judge every offer alike: the same bound, or “at least” and “equals” a ceiling."""
    return a == b or ({a, b} == {"at_least", "equals"} and is_ceiling(value))
