"""Find the values a requirement sentence states: durations, frequencies and service schedules.

Each mention keeps its span in the (normalised) sentence so the classifier can look at the words
around it. Values are parsed with generator.core.quantities, so they print the way the build prints
them. Dates, clock times, percentages and “…后” anchors (质保期满一年后) are not mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.numerals import CHINESE_NUMBER_RE, parse_number, to_half_width_digits
from generator.core.quantities import (
    Alternative,
    Deadline,
    Duration,
    Frequency,
    Proportion,
    Quantity,
    QuantityError,
    Schedule,
)

_NUM = rf"(?:\d+(?:\.\d+)?|{CHINESE_NUMBER_RE}|半)"
_DURATION_UNITS = (r"个工作日|工作日|个工作小时|工作小时|个日历日|日历日|个日历天|日历天|个自然日|自然日|个小时|小时|个钟头|钟头|"
                   r"学时|课时|分钟|个月|周年|年|个星期|星期|天|日|h(?![a-z])|mins?(?![a-z])")
# unit spellings the quantity parser does not know, in the unit it does
_UNIT_SPELLINGS = {"个工作小时": "小时", "工作小时": "小时", "个日历天": "天", "日历天": "天", "个自然日": "天",
                   "min": "分钟", "mins": "分钟"}  # ≤30min (the pattern ignores case: unit is lowered)
# a period named without a count (每季度发放评议表): once per period
_BARE_FREQUENCY = re.compile(r"每\s*(?P<period>半年度|半年|季度|年度|个月|月|星期|周)"
                             r"(?![\d一二三四五六七八九十两]|\s*\d|内|以内|末|底|初|的|至少|不少于|[,，。；;])")
# durations said in words: 小修不过夜 (the same day), 大修不过周, 当日送达
_IDIOMS = [(re.compile(r"不过夜"), "1天"), (re.compile(r"不过周"), "1周"), (re.compile(r"当日|当天(?![起开])"), "1天")]
# a share that is a service level (满意率不低于90%, 开机率98%), not money or a price reduction
_RATE = re.compile(r"(?<=满意度|满意率|开机率|完好率|运行率|可用率|成活率|保存率)[^，,。；;%\d]{0,10}?(?P<num>\d+(?:\.\d+)?)\s*%")
_INTERVAL = re.compile(rf"每隔\s*{_NUM}\s*个?(?:小时|分钟|天|日)")
_DURATION = re.compile(
    rf"(?:(?P<low>{_NUM})\s*(?:-|~|～|—|–|至|到)\s*)?(?P<num>{_NUM})\s*(?P<unit>{_DURATION_UNITS})", re.IGNORECASE)
_FREQUENCY = re.compile(
    rf"每\s*(?P<period>半年度|半年|季度|季|年度|年|个月|月|星期|周|(?P<days>\d{{1,2}})\s*[日天])(?P<gap>[^，。；;,\d]{{0,10}}?)"
    rf"(?P<count>{_NUM})\s*次")
_PER_PERIOD = re.compile(rf"(?P<count>{_NUM})\s*次\s*/\s*(?P<period>半年|季度|年|月|周)")
_SCHEDULE = re.compile(r"(?<![\d.])(?P<days>[1-7])\s*[×xX\*＊]\s*(?P<hours>\d{1,2})(?!\d)(?:\s*[×xX\*＊]\s*36[56])?(?:\s*小时|h)?"
                       # 7天24小时受理 (days and hours written out; not 7天24小时内, two periods)
                       r"|(?<![\d.])(?P<days2>[1-7])天(?P<hours2>\d{1,2})小时(?!内|以内|之内)")
# round-the-clock availability, not a deadline: 24小时服务热线, 全天候技术支持, 确保24小时应急响应
_ROUND_CLOCK = re.compile(r"(?:24小时|全天候)(?=\s*(?:服务)?(?:热线|值班|值守|客服|服务电话|在线|技术支持|应急响应|待命))")
# a count within a period (一年内提供不少于4次): a frequency
_WITHIN = re.compile(rf"(?P<period>一年|全年|一个季度|一季度|半年|一个月)(?:内|中)?[^，,。；;\d]{{0,8}}?(?P<count>{_NUM})\s*次")
_WITHIN_PERIODS = {"一年": "年", "全年": "年", "一个季度": "季度", "一季度": "季度", "半年": "半年", "一个月": "月"}
# a calendar deadline: 交货期：2026年3月1日前
_DEADLINE = re.compile(r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:前|之前|以前)")
# a second limit of a warranty: 3年或10万公里
_MILEAGE = rf"(?:\d+(?:\.\d+)?|{CHINESE_NUMBER_RE})\s*万?\s*(?:公里|千米|km)"
_OR_MILEAGE = re.compile(rf"^\s*或者?\s*{_MILEAGE}", re.IGNORECASE)
# the same written the other way round: 10万公里或3年（以先到者为准）
_MILEAGE_OR = re.compile(rf"{_MILEAGE}\s*或者?\s*$", re.IGNORECASE)

# Spans that look like durations but are not: dates, years, clock times, money, percentages.
_MASKS = [
    re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?"),
    re.compile(r"[二〇○零一三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)?"),
    re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]"),
    re.compile(r"\d{1,2}\s*[:：]\s*\d{2}"),
    re.compile(r"\d{1,2}\s*[时点]\s*(?:\d{1,2}\s*分)?"),
    re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万元|元)"),
]


def normalise(text: str) -> str:
    """Full-width digits, letters and symbols to their ASCII forms; same length, so spans survive."""
    text = to_half_width_digits(text)
    return "".join(chr(ord(ch) - 0xFEE0) if "Ａ" <= ch <= "ｚ" or ch in "－＊" else ch for ch in text)


def _masked(text: str) -> str:
    for pattern in _MASKS:
        text = pattern.sub(lambda m: "#" * len(m.group()), text)
    return text


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    value: Quantity
    type: str  # duration / frequency / schedule
    raw: str
    note: str = ""  # why the reading is uncertain (a range, 学时 read as hours …)


def _duration(match: re.Match[str]) -> Mention | None:
    unit = match["unit"].lower()
    note = ""
    if unit in ("学时", "课时"):
        unit, note = "小时", f"“{match['unit']}”按小时计"
    elif unit in _UNIT_SPELLINGS:
        unit = _UNIT_SPELLINGS[unit]
    if match["low"] is not None:
        note = f"原文为区间“{match.group().strip()}”，取上限"
    if match["num"] == "半" and unit == "年":
        match_num, unit = "6", "个月"
    else:
        match_num = match["num"]
    try:
        value = Duration.parse(f"{match_num}{unit}")
    except QuantityError:
        return None
    return Mention(match.start(), match.end(), value, "duration", match.group(), note)


def intervals(sentence: str) -> list[re.Match[str]]:
    """“每隔2小时”: an interval shorter than the frequency model's periods."""
    return list(_INTERVAL.finditer(sentence))


def find_mentions(sentence: str) -> list[Mention]:
    """Mentions in order of position; `sentence` must already be normalise()d."""
    text = _masked(sentence)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _SCHEDULE.finditer(text):
        days, hours = (match["days"], match["hours"]) if match["days"] else (match["days2"], match["hours2"])
        if not 1 <= int(hours) <= 24:
            continue
        found.append(Mention(match.start(), match.end(), Schedule(int(days), int(hours)), "schedule", match.group()))
        taken.append(match.span())
    for match in _ROUND_CLOCK.finditer(text):
        if free(*match.span()):
            found.append(Mention(match.start(), match.end(), Schedule(7, 24), "schedule", match.group(),
                                 f"“{match.group()}”按7×24计"))
            taken.append(match.span())
    for pattern in (_FREQUENCY, _PER_PERIOD):
        for match in pattern.finditer(text):
            if not free(*match.span()):
                continue
            try:
                count = parse_number(match["count"])
                if count is None or not count.is_integer():
                    continue
                period, note = match["period"], ""
                days = match.groupdict().get("days")
                if days:  # 每15日一次 → 每月两次: the nearest form a Frequency can state
                    per_month = 30 / int(days) * count
                    if not per_month.is_integer() or per_month < 1:
                        continue
                    period, count = "月", per_month
                    note = f"原文“{match.group()}”按每月{int(count)}次计"
                value: Quantity = Frequency.parse(f"每{period}{int(count)}次")
            except QuantityError:
                continue
            found.append(Mention(match.start(), match.end(), value, "frequency", match.group(), note))
            taken.append(match.span())
    for match in _DEADLINE.finditer(sentence):
        try:
            value = Deadline.parse(re.sub(r"\s+", "", match["date"]) + "前")
        except QuantityError:
            continue
        found.append(Mention(match.start(), match.end(), value, "date", match.group()))
        taken.append(match.span())
    for match in _WITHIN.finditer(text):
        count = parse_number(match["count"])
        if not free(*match.span()) or count is None or not count.is_integer() or count < 1:
            continue
        value = Frequency.parse(f"每{_WITHIN_PERIODS[match['period']]}{int(count)}次")
        found.append(Mention(match.start(), match.end(), value, "frequency", match.group()))
        taken.append(match.span())
    for match in _RATE.finditer(sentence):
        try:
            value = Proportion.parse(f"{match['num']}%")
        except QuantityError:
            continue
        found.append(Mention(match.start("num"), match.end(), value, "percentage", match.group()))
        taken.append((match.start("num"), match.end()))
    for match in _BARE_FREQUENCY.finditer(text):
        if free(*match.span()):
            value = Frequency.parse(f"每{match['period']}1次")
            found.append(Mention(match.start(), match.end(), value, "frequency", match.group(),
                                 f"原文“{match.group()}”未写次数，按{value}计"))
            taken.append(match.span())
    for pattern, words in _IDIOMS:
        for match in pattern.finditer(text):
            if free(*match.span()) and not re.match(r"\s*(?:起|开始|之日|后)", text[match.end():]):
                found.append(Mention(match.start(), match.end(), Duration.parse(words), "duration", match.group(),
                                     f"原文“{match.group()}”按{Duration.parse(words)}计"))
                taken.append(match.span())
    for match in _DURATION.finditer(text):
        if not free(*match.span()) or "#" in match.group() or text[max(0, match.start() - 2):match.start()].endswith("每隔"):
            continue
        if text[match.start() - 1:match.start()] == "第" and not (
                match["unit"] in ("日", "天") and text[match.end():match.end() + 1] == "内"):
            continue  # 第3年 is a position; 第15日内 a deadline
        after = text[match.end():match.end() + 1]
        if after == "后" or (after == "前" and match["unit"] != "年"):
            continue  # “质保期满一年后”, “开标前3日”: an anchor, not a limit
        if text[match.end():match.end() + 2] in ("以后", "之后"):
            continue
        mention = _duration(match)
        if mention is not None:
            mileage = _OR_MILEAGE.match(text[match.end():])
            before = _MILEAGE_OR.search(text, max(0, match.start() - 16), match.start())
            if mileage:  # 3年或10万公里（以先到者为准）: both limits
                end = match.end() + mileage.end()
                try:
                    mention = Mention(match.start(), end, Alternative.parse(sentence[match.start():end]),
                                      "duration", sentence[match.start():end])
                except QuantityError:
                    pass
            elif before:  # 10万公里或3年: the same limits, the period first as everywhere else
                period, distance = sentence[match.start():match.end()], re.sub(r"或者?\s*$", "", before.group())
                try:
                    mention = Mention(before.start(), match.end(), Alternative.parse(f"{period}或{distance}"),
                                      "duration", sentence[before.start():match.end()])
                except QuantityError:
                    pass
            found.append(mention)
            taken.append((mention.start, mention.end))
    return sorted(found, key=lambda m: m.start)
