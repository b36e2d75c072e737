"""Chinese numerals: read them (二十四, 两, 叁, 一百二十, 二〇) and write them (两次, 十二)."""

from __future__ import annotations

import re

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)
CHINESE_NUMBER_RE = f"[{CHINESE_NUMERAL_CHARS}]+"

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def to_half_width_digits(text: str) -> str:
    """２４ → 24 (full-width digits and point only; other characters untouched)."""
    return text.translate(_FULL_WIDTH)


def parse_chinese_int(text: str) -> int | None:
    """二十四 → 24, 两 → 2, 一百二十 → 120, 二〇 → 20, 十二 → 12; None when not a numeral."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if not any(ch in _UNITS for ch in text):
        # Digit-by-digit form such as 二〇二六 or 二〇.
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    return total + current


def parse_number(text: str) -> float | None:
    """Arabic (full- or half-width, with decimals) or Chinese numeral → number; 半 → 0.5."""
    text = to_half_width_digits(text.strip())
    if text == "半":
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    value = parse_chinese_int(text)
    return float(value) if value is not None else None


_SMALL = "零一二三四五六七八九"


def chinese_count(n: int) -> str:
    """A count written in words as a careful writer would: 1 → 一, 2 → 两, 12 → 十二, 20 → 二十."""
    if n < 0 or n >= 100:
        raise ValueError(f"count out of range for words: {n}")
    if n == 2:
        return "两"
    if n < 10:
        return _SMALL[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _SMALL[tens]
    return head + "十" + (_SMALL[ones] if ones else "")


def format_number(value: float) -> str:
    """2.0 → "2", 1.5 → "1.5": no trailing .0, no thousands separators."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}"
