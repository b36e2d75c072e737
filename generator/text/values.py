"""Find quantities in normalised text: durations (30分钟以内, 1.5小时, 半小时, 二十四小时, 48h, 30min, 24-48小时,
3个日历天, 8工作小时, 第15日内, 三月内), service schedules (7×24, 7*24, 7x24x365, 5×8, 24小时开机, 全天候) and
frequencies (每季度一次, 每隔3个月). A duration whose number is a blank (X年, **年, 在天内) or only
“the same day” (当日, 当天) is a value without a quantity: it still names a commitment.

Values are built with generator.core.quantities so they compare exactly as the build's commitments do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.bounds import AT_MOST_AFTER, alternation
from generator.core.numerals import parse_chinese_int
from generator.core.quantities import Alternative, Duration, Frequency, Mileage, Quantity, QuantityError, Schedule
from generator.core.regex_prefilter import compile_filtered

_CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_UNITS = "十拾百佰"
_NUM = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}{_CN_UNITS}]+|半)"
_DUR_UNIT = (r"个工作日|工作日|个工作小时|工作小时|个日历日|日历日|个日历天|日历天|个自然日|自然日|个小时|小时|个钟头|钟头|"
             r"分钟|个半月|个月|月(?=内|以内|之内|包[退换修])|周年|年|个星期|星期|个周|周|天|日"
             r"|[hH](?![a-zA-Z])|(?:min|MIN|Min)s?(?![a-zA-Z])")
# unit spellings the quantity parser does not know, in the unit it does
_UNIT_SPELLINGS = {"个工作小时": "小时", "工作小时": "小时", "个日历天": "天", "日历天": "天", "个自然日": "天",
                   **dict.fromkeys(("min", "MIN", "Min", "mins", "MINs", "Mins"), "分钟")}  # ≤30min
DURATION_RE = re.compile(
    rf"(?<![\d.每月号~～—–-])(?<!\d至)(?<!\d到)(?P<num>{_NUM})(?:(?P<sep>[-~～至到—–]+)(?P<num2>{_NUM}))?(?P<unit>{_DUR_UNIT})"
    rf"(?P<tail>{alternation(AT_MOST_AFTER)})?")
# a duration that is a point of reference, not a period promised: 15天后, 24小时前通知, 提前3天, 满三年,
# 行驶5000公里或6个月时进行 (the moment a service falls due)
_ANCHOR_AFTER_RE = re.compile(r"后|以后|之后|前|以前|之前|时(?![间段限长效刻])")
# a number left blank (X年, **年, 在天内) or “the same day”
_BLANK_UNITS = r"个工作日|工作日|个小时|小时|分钟|个月|年|天|日"
MISSING_RE = compile_filtered(
    rf"(?<![A-Za-z*\d])(?:[xX]{{1,4}}|\*{{1,4}}|_+)(?P<unit>{_BLANK_UNITS})"
    rf"|(?:(?<=[在于为])|(?<=不超过)|(?<=不少于)|(?<=提供))(?P<bare>{_BLANK_UNITS})(?=内|以内|之内)"
    r"|(?P<same>当日|当天)")
SCHEDULE_RE = compile_filtered(
    r"(?<![\d.])(?P<days>[1-7])天?[×xX*](?P<hours>\d{1,2})(?:小时|h|H)?(?:[×xX*]36[56]天?)?(?:小时|h|H)?(?![\d])"
    r"|(?<![\d.])(?P<days2>[1-7])天(?P<hours2>\d{1,2})小时(?!内|以内|之内)"  # 7天24小时受理报修: written out
    r"|(?P<always>全天候|全年无休|24小时(?=开机|值班|服务热线|热线|值守|在线|不间断|畅通|服务电话|客服|人工|全天候))")
FREQUENCY_RE = re.compile(
    rf"(?P<pre>每隔|每|一)(?P<n>\d+|[{_CN_DIGITS}十]{{1,2}})?个?(?P<period>半年度|半年|半个?月|季度|季|年度|年|月|周|星期)"
    r"(?!年?初|年?底|年?末|中旬|上旬|下旬|度末|的)"
    rf"(?:[^,;。:\n]{{0,14}}?(?P<count>\d+|[{_CN_DIGITS}十]{{1,2}})次)?")

# a vehicle warranty's second limit, after or before the period: 3年或10万公里, 10万公里或3年（以先到者为准）
_MILEAGE = rf"{_NUM}万?(?:公里|千米|[kK][mM])"
_OR_MILEAGE_RE = re.compile(rf"或者?(?P<km>{_MILEAGE})")
_MILEAGE_OR_RE = re.compile(rf"(?P<km>{_MILEAGE})或者?$")

_MONTHS = {"月": 1, "季度": 3, "季": 3, "半年": 6, "半年度": 6, "年": 12, "年度": 12}
_MONTH_PERIODS = {1: "月", 3: "季度", 6: "半年", 12: "年"}


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    quantity: Quantity | None
    vtype: str  # duration | frequency | schedule | missing (a duration whose number is not stated)
    display: str
    unit: str
    hours: float | None  # (quantity None: a blank number or 当日)
    tail: bool  # followed by 内/以内/之内 (“2小时内到达”: the verb follows)
    low: float | None = None  # lower end of a range such as 24-48小时


def _number(text: str) -> float | None:
    if text == "半":
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if len(text) > 1 and not any(ch in _CN_UNITS for ch in text) and not any(ch in "零〇" for ch in text):
        return None  # 两三天, 三五年: an approximation, not a commitment
    value = parse_chinese_int(text)
    return float(value) if value is not None else None


def _count(text: str | None) -> int | None:
    if text is None:
        return 1
    number = _number(text)
    return int(number) if number is not None and number >= 1 and float(number).is_integer() else None


def _duration(match: re.Match[str]) -> Value | None:
    unit = _UNIT_SPELLINGS.get(match["unit"], match["unit"])
    number = _number(match["num"])
    if number is None or number <= 0:
        return None
    text = match.string
    before = text[max(0, match.start() - 2):match.start()]
    if before.endswith("第") and not (unit in ("日", "天") and match["tail"]):
        return None  # 第3年 is a position; 第15日内 is a deadline
    if before == "提前" or before.endswith("满") or (not match["tail"] and _ANCHOR_AFTER_RE.match(text, match.end("unit"))):
        return None
    if number == 0.5 and unit == "年":
        number, unit = 6, "个月"
    if unit == "年" and number >= 1900:
        return None  # a year such as 2026年
    if unit in ("日", "年") and "." in match["num"]:
        return None
    low = None
    upper = number
    if match["num2"]:
        second = _number(match["num2"])
        if second is None or second <= number:
            return None
        low, upper = number, second
    try:
        duration = Duration.parse(f"{_fmt(upper)}{unit}")
    except QuantityError:
        return None
    display = str(duration)
    canonical_unit = "分钟" if display.endswith("分钟") else duration.unit
    if low is not None:
        display = f"{_fmt(low)}-{_fmt(upper)}{display.lstrip('0123456789.')}"
    start, end = match.start(), match.end("unit")
    quantity: Quantity = duration
    if unit in ("年", "个月", "周年") and low is None:
        after = _OR_MILEAGE_RE.match(text, end)
        found = after or _MILEAGE_OR_RE.search(text, max(0, start - 12), start)
        if found:
            try:
                mileage = Mileage.parse(found["km"])
            except QuantityError:
                mileage = None
            if mileage is not None:  # both limits: the one reached first ends the warranty
                quantity = Alternative((duration, mileage))
                display = f"{display}或{mileage}"
                start, end = (start, found.end()) if after else (found.start(), end)
    return Value(start, end, quantity, "duration", display, canonical_unit, duration.hours, bool(match["tail"]), low)


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _schedule(match: re.Match[str]) -> Value | None:
    if match["always"]:
        schedule = Schedule(7, 24)
    else:
        days, hours = (int(match["days"]), int(match["hours"])) if match["days"] else \
            (int(match["days2"]), int(match["hours2"]))
        if not 1 <= hours <= 24:
            return None
        schedule = Schedule(days, hours)
    return Value(match.start(), match.end(), schedule, "schedule", str(schedule), "天×小时", None, False)


def _frequency(match: re.Match[str]) -> Value | None:
    if match["pre"] == "一" and (match["count"] is None or match["n"]):
        return None  # 一年 alone is a duration; 一年两次 is a frequency
    count = _count(match["count"])
    n = _count(match["n"]) if match["n"] else 1
    if count is None or n is None:
        return None
    period = match["period"]
    if period.startswith("半") and period.endswith("月"):  # 每半月一次: twice a month
        if n != 1:
            return None
        frequency = Frequency(2 * count, "月")
    elif period in ("周", "星期"):
        if n != 1:
            return None
        frequency = Frequency(count, "周")
    else:
        months = n * _MONTHS[period]
        if months in _MONTH_PERIODS:
            frequency = Frequency(count, _MONTH_PERIODS[months])
        elif (12 * count) % months == 0:
            frequency = Frequency(12 * count // months, "年")
        else:
            return None
    return Value(match.start(), match.end(), frequency, "frequency", str(frequency), f"次/{frequency.period}", None,
                 False)


def _missing(match: re.Match[str]) -> Value | None:
    word = match["unit"] or match["bare"] or "天"
    try:
        unit = Duration.parse(f"1{word}").unit
    except QuantityError:
        return None
    tail = match["same"] is not None or match.string.startswith(("内", "以内", "之内"), match.end())
    return Value(match.start(), match.end(), None, "missing", match.group(), unit, None, tail)


def find_values(text: str) -> list[Value]:
    """Every quantity in `text`, left to right, without overlaps (schedules, then frequencies, then durations,
    then blanks)."""
    found: list[Value] = []
    taken = bytearray(len(text) + 1)  # 1 where a value already lies: linear, however many values

    def free(start: int, end: int) -> bool:
        return not any(taken[start:max(end, start + 1)])

    for pattern, build in ((SCHEDULE_RE, _schedule), (FREQUENCY_RE, _frequency), (DURATION_RE, _duration),
                           (MISSING_RE, _missing)):
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            value = build(match)
            if value is not None:
                found.append(value)
                taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    found.sort(key=lambda v: v.start)
    return found


def may_have_values(text: str) -> bool:
    """A cheap test before find_values: does any value pattern occur at all?"""
    return bool(DURATION_RE.search(text) or SCHEDULE_RE.search(text) or FREQUENCY_RE.search(text)
                or MISSING_RE.search(text))
