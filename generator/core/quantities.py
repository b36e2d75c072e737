"""Typed commitment values: durations, frequencies, service schedules, proportions (95%, 2/3),
mileages, absolute deadlines and alternatives of limits (3年或10万公里).

Each type parses the short forms a bid clerk writes in YAML ("30分钟", "3个工作日", "每季度一次",
"7×24") and formats itself the one way the documents state it, so every section agrees.
The checker reuses the same types for values it extracts from documents.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from generator.core.numerals import (
    CHINESE_NUMBER_RE,
    chinese_count,
    format_number,
    parse_number,
    to_half_width_digits,
)

DurationUnit = Literal["分钟", "小时", "天", "工作日", "周", "个月", "年"]

# Hours per unit for units on the clock; 工作日 and calendar months/years are kept apart.
_CLOCK_HOURS: dict[str, float] = {"分钟": 1 / 60, "小时": 1.0, "天": 24.0, "周": 168.0}
_MONTHS: dict[str, float] = {"个月": 1.0, "年": 12.0}

_UNIT_ALIASES: dict[str, str] = {
    "分钟": "分钟", "分": "分钟", "min": "分钟", "minutes": "分钟",
    "小时": "小时", "个小时": "小时", "钟头": "小时", "个钟头": "小时", "h": "小时", "hours": "小时",
    "天": "天", "日": "天", "个日历日": "天", "日历日": "天", "自然日": "天", "days": "天",
    "工作日": "工作日", "个工作日": "工作日",
    "周": "周", "个周": "周", "星期": "周", "个星期": "周",
    "月": "个月", "个月": "个月", "months": "个月",
    "年": "年", "周年": "年", "years": "年",
}

_NUMBER = rf"(?:\d+(?:\.\d+)?|{CHINESE_NUMBER_RE}|半)"
_DURATION_RE = re.compile(
    rf"^\s*(?P<num>{_NUMBER})\s*(?P<unit>个工作日|工作日|个日历日|日历日|自然日|个小时|小时|个钟头|钟头|"
    r"分钟|个月|月|周年|年|个星期|星期|个周|周|天|日|分|h|min)\s*$",
    re.IGNORECASE,
)


class QuantityError(ValueError):
    """A value a clerk wrote that cannot be read; the message is shown to them."""


@dataclass(frozen=True, order=False)
class Duration:
    value: float
    unit: str  # one of DurationUnit

    @classmethod
    def parse(cls, text: str | int | float) -> Duration:
        raw = to_half_width_digits(str(text))
        if raw.strip().startswith("半") and raw.strip()[1:] in ("小时", "个小时", "天", "年"):
            unit = _UNIT_ALIASES[raw.strip()[1:]]
            return cls(0.5, unit)
        match = _DURATION_RE.match(raw)
        if not match:
            raise QuantityError(
                f"“{text}”不是可识别的时长，请写成数字加单位，例如“30分钟”“2小时”“3个工作日”“2年”"
            )
        number = parse_number(match["num"])
        if number is None or number <= 0:
            raise QuantityError(f"“{text}”中的数值必须大于零")
        return cls(number, _UNIT_ALIASES[match["unit"].lower()])

    @property
    def hours(self) -> float | None:
        """Clock hours, or None for 工作日, months and years (not convertible without a calendar)."""
        factor = _CLOCK_HOURS.get(self.unit)
        return None if factor is None else self.value * factor

    @property
    def months(self) -> float | None:
        factor = _MONTHS.get(self.unit)
        return None if factor is None else self.value * factor

    def _scale(self) -> tuple[str, float]:
        if self.unit in _CLOCK_HOURS:
            return "clock", self.value * _CLOCK_HOURS[self.unit]
        if self.unit in _MONTHS:
            return "calendar", self.value * _MONTHS[self.unit]
        return "workday", self.value

    def comparable(self, other: Duration) -> bool:
        return self._scale()[0] == other._scale()[0]

    def compare(self, other: Duration) -> int | None:
        """-1, 0, 1 like cmp(), or None when the units cannot be compared (工作日 vs 小时)."""
        (kind_a, a), (kind_b, b) = self._scale(), other._scale()
        if kind_a != kind_b:
            return None
        return (a > b) - (a < b)

    def __str__(self) -> str:
        if self.value == 0.5 and self.unit == "小时":
            return "30分钟"
        unit = "个工作日" if self.unit == "工作日" else self.unit
        return f"{format_number(self.value)}{unit}"


_PERIODS: dict[str, float] = {"周": 52.0, "月": 12.0, "季度": 4.0, "半年": 2.0, "年": 1.0}
_PERIOD_ALIASES = {"星期": "周", "个月": "月", "季": "季度", "半年度": "半年", "年度": "年"}
_FREQUENCY_RE = re.compile(
    rf"^\s*每(?P<period>半年度|半年|季度|季|年度|年|个月|月|星期|周)(?:至少|不少于)?"
    rf"(?P<count>{_NUMBER})\s*次\s*$"
)


@dataclass(frozen=True)
class Frequency:
    """How often something happens: count times per period (每季度一次, 每年两次)."""

    count: int
    period: str  # 周 / 月 / 季度 / 半年 / 年

    @classmethod
    def parse(cls, text: str) -> Frequency:
        match = _FREQUENCY_RE.match(to_half_width_digits(str(text)))
        number = parse_number(match["count"]) if match else None
        if not match or number is None or number < 1 or not number.is_integer():
            raise QuantityError(
                f"“{text}”不是可识别的频次，请写成“每月一次”“每季度一次”“每半年一次”“每年两次”这样的形式"
            )
        period = _PERIOD_ALIASES.get(match["period"], match["period"])
        return cls(int(number), period)

    @property
    def per_year(self) -> float:
        return self.count * _PERIODS[self.period]

    def compare(self, other: Frequency) -> int:
        """Higher frequency compares greater."""
        a, b = self.per_year, other.per_year
        return (a > b) - (a < b)

    def __str__(self) -> str:
        return f"每{self.period}{chinese_count(self.count)}次"


_SCHEDULE_RE = re.compile(
    r"^\s*(?P<days>\d+)\s*[×xX\*＊]\s*(?P<hours>\d+)(?:\s*[×xX\*＊]\s*(?P<year>365|366))?\s*$"
)


@dataclass(frozen=True)
class Schedule:
    """Service hours such as 7×24 (every day, round the clock) or 5×8 (working days, office hours)."""

    days_per_week: int
    hours_per_day: int

    @classmethod
    def parse(cls, text: str) -> Schedule:
        raw = to_half_width_digits(str(text))
        if raw.strip() in ("24小时", "全天候", "24小时开机"):
            return cls(7, 24)
        match = _SCHEDULE_RE.match(raw)
        if not match:
            raise QuantityError(f"“{text}”不是可识别的服务时段，请写成“7×24”或“5×8”")
        days, hours = int(match["days"]), int(match["hours"])
        if not (1 <= days <= 7 and 1 <= hours <= 24):
            raise QuantityError(f"“{text}”超出范围：每周天数应为1～7，每天小时数应为1～24")
        return cls(days, hours)

    @property
    def weekly_hours(self) -> int:
        return self.days_per_week * self.hours_per_day

    def compare(self, other: Schedule) -> int:
        a, b = self.weekly_hours, other.weekly_hours
        return (a > b) - (a < b)

    def __str__(self) -> str:
        return f"{self.days_per_week}×{self.hours_per_day}小时"


_PERCENT_RE = re.compile(r"^\s*(?:(?P<num>\d+(?:\.\d+)?)\s*[%％]|百分之(?P<cn>[零〇一二两三四五六七八九十百点.\d]+))\s*$")
_FRACTION_RE = re.compile(rf"^\s*(?:(?P<a>\d+)\s*/\s*(?P<b>\d+)|(?P<cb>{CHINESE_NUMBER_RE}|\d+)分之(?P<ca>{CHINESE_NUMBER_RE}|\d+))\s*$")


@dataclass(frozen=True)
class Proportion:
    """A share: 95% (成活率, 开机率) or a fraction of the total shelf life such as 2/3, written
    “总有效期的2/3” (剩余有效期 is the only kind stated as a fraction). `text` is the normalised
    written form; comparisons use `ratio`."""

    ratio: float
    text: str

    @classmethod
    def parse(cls, text: str | int | float) -> Proportion:
        raw = to_half_width_digits(str(text)).strip().removeprefix("总有效期的").removeprefix("有效期的")
        match = _PERCENT_RE.match(raw)
        if match:
            number = float(match["num"]) if match["num"] else parse_number(match["cn"])
            if number is None or not 0 < number <= 100:
                raise QuantityError(f"“{text}”中的百分比应大于0且不超过100%")
            return cls(number / 100, f"{format_number(number)}%")
        match = _FRACTION_RE.match(raw)
        if match:
            top = parse_number(match["a"] or match["ca"])
            bottom = parse_number(match["b"] or match["cb"])
            if top is None or bottom is None or not 0 < top <= bottom:
                raise QuantityError(f"“{text}”不是0到1之间的分数")
            return cls(top / bottom, f"总有效期的{format_number(top)}/{format_number(bottom)}")
        raise QuantityError(f"“{text}”不是可识别的比例，请写成“95%”或“2/3”这样的形式")

    @property
    def is_fraction(self) -> bool:
        return "/" in self.text

    def compare(self, other: Proportion) -> int:
        a, b = round(self.ratio, 6), round(other.ratio, 6)
        return (a > b) - (a < b)

    def __str__(self) -> str:
        return self.text


_MILEAGE_RE = re.compile(r"^\s*(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)\s*(?P<wan>万)?\s*(?:公里|千米|km|KM)\s*$")


@dataclass(frozen=True)
class Mileage:
    """A distance limit of a vehicle warranty: 10万公里."""

    km: float

    @classmethod
    def parse(cls, text: str | int | float) -> Mileage:
        match = _MILEAGE_RE.match(to_half_width_digits(str(text)))
        number = parse_number(match["num"]) if match else None
        if not match or number is None or number <= 0:
            raise QuantityError(f"“{text}”不是可识别的里程，请写成“10万公里”这样的形式")
        return cls(number * (10000 if match["wan"] else 1))

    def compare(self, other: Mileage) -> int:
        return (self.km > other.km) - (self.km < other.km)

    def __str__(self) -> str:
        if self.km >= 10000:
            return f"{format_number(self.km / 10000)}万公里"
        return f"{format_number(self.km)}公里"


_DATE_RE = re.compile(r"^\s*(?P<y>\d{4})\s*[年.\-/]\s*(?P<m>\d{1,2})\s*[月.\-/]\s*(?P<d>\d{1,2})\s*日?\s*"
                      r"(?:前|之前|以前|止)?\s*$")


@dataclass(frozen=True)
class Deadline:
    """An absolute date a delivery or installation must be done by: 2026年3月1日前."""

    date: dt.date

    @classmethod
    def parse(cls, text: str | int | float) -> Deadline:
        match = _DATE_RE.match(to_half_width_digits(str(text)))
        if not match:
            raise QuantityError(f"“{text}”不是可识别的日期，请写成“2026年3月1日前”这样的形式")
        try:
            return cls(dt.date(int(match["y"]), int(match["m"]), int(match["d"])))
        except ValueError:
            raise QuantityError(f"“{text}”不是有效的日期") from None

    def compare(self, other: Deadline) -> int:
        return (self.date > other.date) - (self.date < other.date)

    def __str__(self) -> str:
        return f"{self.date.year}年{self.date.month}月{self.date.day}日前"


def deadline_after(start: dt.date, duration: Duration) -> Deadline | None:
    """The date a duration counted from `start` ends on; None for working days."""
    if duration.unit in _MONTHS:
        months = round(duration.value * _MONTHS[duration.unit])
        year, month = divmod(start.month - 1 + months, 12)
        day = min(start.day, calendar.monthrange(start.year + year, month + 1)[1])
        return Deadline(dt.date(start.year + year, month + 1, day))
    hours = duration.hours
    if hours is None:
        return None
    return Deadline(start + dt.timedelta(days=math.ceil(hours / 24)))


Limit = Duration | Mileage


@dataclass(frozen=True)
class Alternative:
    """Limits of which the first reached ends the promise: 3年或10万公里（以先到者为准）."""

    limits: tuple[Limit, ...]

    @classmethod
    def parse(cls, text: str | int | float) -> Alternative:
        raw = re.sub(r"[（(]\s*以?先(?:到|达到)(?:者)?为准\s*[）)]|[，,]?\s*以?先(?:到|达到)(?:者)?为准", "", str(text))
        parts = [part for part in re.split(r"或者?|/", raw) if part.strip()]
        if len(parts) < 2:
            raise QuantityError(f"“{text}”不是“3年或10万公里”这样的两个限值")
        limits: list[Limit] = []
        for part in parts:
            try:
                limits.append(Duration.parse(part))
            except QuantityError:
                limits.append(Mileage.parse(part))
        if len({type(limit) for limit in limits}) != len(limits):
            raise QuantityError(f"“{text}”中每种限值（时长、里程）只能写一次")
        return cls(tuple(limits))

    def limit_of(self, kind: type) -> Limit | None:
        return next((limit for limit in self.limits if isinstance(limit, kind)), None)

    def __str__(self) -> str:
        return "或".join(str(limit) for limit in self.limits) + "（以先到者为准）"


_OFF_HOURS = ("其余时间", "其他时间", "非工作日", "休息日", "双休日")
_CLOCK_RANGE = re.compile(r"(\d{1,2}):\d{2}\D+(\d{1,2}):\d{2}")


def time_of_day(word: str) -> str:
    """The tier a time of day names: hours within one day (8:00-18:00) are the working hours, the rest of
    the time (其余时间) is outside them; a range past midnight (22:00-8:00) stays as written."""
    if word in _OFF_HOURS:
        return "非工作时间"
    clock = _CLOCK_RANGE.search(word)
    if clock:
        return "工作时间" if int(clock[1]) < int(clock[2]) else clock.group()
    return word


Quantity = Duration | Frequency | Schedule | Proportion | Mileage | Deadline | Alternative
QuantityType = Literal["duration", "frequency", "schedule", "percentage"]

PARSERS: dict[str, Callable[[Any], Quantity]] = {"duration": Duration.parse, "frequency": Frequency.parse, "schedule": Schedule.parse,
           "percentage": Proportion.parse, "alternative": Alternative.parse, "date": Deadline.parse}


def parse_quantity(text: str | int | float, expected: QuantityType) -> Quantity:
    return PARSERS[expected](text)


def compare(a: Quantity | None, b: Quantity | None) -> int | None:
    """Compare two quantities of the same type; None when they cannot be compared (or one is blank)."""
    if isinstance(a, Alternative) != isinstance(b, Alternative):  # 3年或10万公里 against 3年: the 年 limit
        alternative, other = (a, b) if isinstance(a, Alternative) else (b, a)
        limit = alternative.limit_of(type(other))  # type: ignore[union-attr]
        if limit is None:
            return None
        result = compare(limit, other)
        return result if result is None or alternative is a else -result
    if isinstance(a, Alternative) and isinstance(b, Alternative):
        # 3年或10万公里 against 3年或6万公里: the limits both set, each the same way or not comparable
        results = {compare(limit, other) for limit in a.limits for other in b.limits if type(limit) is type(other)}
        signs = {result for result in results if result is not None}
        if not results or None in results or {-1, 1} <= signs:
            return None
        return 1 if 1 in signs else -1 if -1 in signs else 0
    for kind in (Duration, Frequency, Schedule, Proportion, Mileage, Deadline):
        if isinstance(a, kind) and isinstance(b, kind):
            return a.compare(b)  # type: ignore[arg-type]
    return None
