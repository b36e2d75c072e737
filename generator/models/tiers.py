"""Tiers: the qualifier words that tell apart values of one kind (市区 / 省外, 小修 / 大修, 一级 / 二级).

A tier key names one or more dimensions that combine: “一级、市区” is the 一级 fault in the city.
Values of different tiers are separate promises; a value without a tier holds in every tier.
Comparisons (response ≤ arrival ≤ resolution, a requirement against an offer) only pair values
whose tiers nest: one's words are all among the other's.
"""

from __future__ import annotations

import re

TierWord = tuple[str, str]  # (dimension, word)
Tier = frozenset[TierWord]

# Dimensions in the order a combined tier is written; component takes whatever is not recognised.
DIMENSION_WORDS: dict[str, re.Pattern[str]] = {
    "level": re.compile(r"^(?:[一二三四五]级|[1-5]级|[IⅠⅡⅢⅣ]{1,3}级|紧急|特急|重大|严重|较大|一般|普通|轻微)$"),
    "region": re.compile(r"^(?:市区|主城区|城区|市内|本市|周边|周边区县|郊区|郊县|县区|区县|省内|本省|省外|外省|"
                         r"其他|其他地区|其他区域|偏远地区)$"),
    "category": re.compile(r"^(?:小修|中修|大修|急修|抢修|更换[\u4e00-\u9fff]{1,8}|道路救援)$"),
    "time": re.compile(r"^(?:工作时间|非工作时间|节假日|法定节假日|夜间|休息日|双休日)$"),
    "phase": re.compile(r"^(?:(?:质保|保修|养护)期(?:内|外|满后))$"),
}
DIMENSIONS = ("level", "region", "category", "time", "phase", "component")
_SPLIT_RE = re.compile(r"[\s、·,，/（）()]+")


def dimension_of(word: str) -> str:
    for dimension, pattern in DIMENSION_WORDS.items():
        if pattern.match(word):
            return dimension
    return "component"


def parse_tier(key: str | None) -> Tier:
    """“一级故障（市区）” or “一级 市区” → {(level, 一级), (region, 市区)}; None → the empty tier."""
    if not key:
        return frozenset()
    words = [w.removesuffix("故障") if w.endswith("故障") and len(w) > 2 else w
             for w in _SPLIT_RE.split(key) if w]
    return frozenset((dimension_of(word), word) for word in words)


def tier_words(tier: Tier) -> list[TierWord]:
    return sorted(tier, key=lambda item: (DIMENSIONS.index(item[0]), item[1]))


def tier_text(key: str) -> str:
    """The key as documents state it: “一级故障（市区）”; a one-word key stays as written."""
    words = tier_words(parse_tier(key))
    if len(words) <= 1:
        return key.strip()
    parts = [f"{word}故障" if dimension == "level" else word for dimension, word in words]
    return f"{parts[0]}（{'、'.join(parts[1:])}）"


def nested(a: str | None, b: str | None) -> bool:
    """True when one tier's words are all among the other's (so the two values meet in some case)."""
    ta, tb = parse_tier(a), parse_tier(b)
    return ta <= tb or tb <= ta

