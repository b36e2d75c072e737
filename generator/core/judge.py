"""The one requirement judgement: how an offered value stands against a requirement's bound. The
偏离表 (resolve.evaluate) and the checker's tender-requirement rule both ask it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from generator.core.kinds import KINDS
from generator.core.quantities import Deadline, Duration, Quantity, Schedule, compare, deadline_after

Verdict = Literal["better", "meets", "fails"]


def directed_bound(bound: str, kind: str | None) -> str:
    """The bound an offer is judged by. A tender's bare figure (质保期为24个月, 每季度回访一次) is read as
    `equals`, but no purchaser holds a longer warranty or more visits against a bidder: it is judged in
    the kind's better direction. Only an exact kind (服务期, the contract's term) asks for the figure itself."""
    found = KINDS.get(kind or "")
    if bound != "equals" or found is None or found.exact:
        return bound
    return "at_least" if found.better == "higher" else "at_most"


def verdict(bound: str, results: Sequence[int], kind: str | None = None) -> Verdict:
    """`results`: cmp(offered, required) per limit (one, or one per shared limit of 3年或10万公里).
    at_most: larger fails; at_least: smaller fails; equals: any difference fails (an `equals` of a kind
    with a direction is first turned into that direction's bound, directed_bound). Better only when
    every limit improves on the bound (never for equals)."""
    bound = directed_bound(bound, kind)
    if bound == "at_most":
        fails, improves = any(r > 0 for r in results), all(r < 0 for r in results)
    elif bound == "at_least":
        fails, improves = any(r < 0 for r in results), all(r > 0 for r in results)
    else:
        fails, improves = any(r != 0 for r in results), False
    if fails:
        return "fails"
    return "better" if improves else "meets"


def as_compared(offered: Quantity | None, required: Quantity | None, start: dt.date | None) -> Quantity | None:
    """The offer in the requirement's terms: a period promised (交货期90天) against a calendar deadline
    (2027年2月28日前) is the date it ends, counted from `start` (the bid's date); anything else as it is."""
    if isinstance(required, Deadline) and isinstance(offered, Duration) and start is not None:
        return deadline_after(start, offered)
    return offered


def judge(bound: str, offered: Quantity | None, required: Quantity | None, kind: str | None = None) -> Verdict | None:
    """The verdict on one value, or None when the two cannot be compared (different units)."""
    result = compare(offered, required)
    return None if result is None else verdict(bound, [result], kind)


def is_ceiling(value: Quantity | None) -> bool:
    """A value nothing offered can exceed: 7×24 (every hour of the week)."""
    return isinstance(value, Schedule) and value.weekly_hours == 7 * 24


def bounds_agree(a: str, b: str, value: Quantity | None, kind: str | None = None) -> bool:
    """Two bounds judge every offer alike: the same bound once directed (质保期3年 read as `equals` and a
    row saying `at_least`), or “at least” and “equals” a ceiling."""
    a, b = directed_bound(a, kind), directed_bound(b, kind)
    return a == b or ({a, b} == {"at_least", "equals"} and is_ceiling(value))
