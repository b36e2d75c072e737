"""What one value in a requirement sentence is about: its kind, bound and qualifier.

The kind comes from the nearest keyword in the same clause (between commas) that fits the value's
type (a frequency is a 回访/巡检/满意度调查, a 7×24 schedule a hotline, a duration anything else);
an item label such as “投诉处理：” counts as a weaker hint for every clause of its item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.bounds import bound_after, bound_before, bounds_inside
from generator.core.judge import is_ceiling
from generator.core.kinds import (
    BACKUP_EQUIPMENT,
    BACKUP_FOLLOWS,
    COMPLAINT_RESPONSE,
    DELIVERY,
    FAILED_REPAIR_AFTER,
    FAILED_REPAIR_BEFORE,
    HOTLINE,
    ONSITE_ARRIVAL,
    RECORDS_RETENTION,
    REPAIR_TURNAROUND,
    RESOLUTION,
    RESPONSE,
    SERVICE_PERIOD,
    SHELF_LIFE,
    WARRANTY,
    kinds_where,
    minimum_kinds,
    tender_duration_kinds,
    tender_keywords,
    tender_type_kinds,
)
from generator.core.quantities import time_of_day
from generator.text.mentions import Mention

# kind → keywords, most specific kinds first (the order breaks ties): all from the kinds table
KEYWORDS: dict[str, tuple[str, ...]] = tender_keywords()
KIND_ORDER = list(KEYWORDS)
TYPE_KINDS = tender_type_kinds()
DURATION_KINDS = tender_duration_kinds()

# a contract's service period is what it is: a longer one is not better
EXACT_KINDS = set(kinds_where(exact=True))
# kinds where the tender states a minimum (longer or more often is better)
MINIMUM_KINDS = minimum_kinds() - EXACT_KINDS

# phrases that contain a keyword but are about something else
_NOT_KEYWORDS = re.compile(r"(?:投标|报价|响应|磋商|询价|应答|谈判)(?:文件)?有效期|质保金|保修金|到达之日|响应文件|"
                           r"响应性|实质性响应|供货商|供货单位|交货地点|供货地点|安装地点")


REGIONS = {"市区": "市区", "市内": "市区", "城区": "市区", "主城区": "市区", "中心城区": "市区", "本市": "市区",
           "市辖区": "市区", "省内": "省内", "本省": "省内", "省外": "省外", "外省": "省外"}
_OTHER_REGIONS = ("郊区", "郊县", "县城", "县区", "乡镇", "偏远地区", "其他地区", "市外", "市区外", "城区外", "外地")
_REGION = re.compile("|".join(sorted([*REGIONS, *_OTHER_REGIONS], key=len, reverse=True)))
_FAULT_LEVEL = re.compile(r"([一二三四1-4])级(?:故障|问题)|(紧急|重大|严重|重要|一般|次要|普通)(?:故障|问题)")
# “到货后”, “安装调试完成后”, “交付验收合格后”, “交付使用之日起”: a point in time, not the subject
_ANCHOR = re.compile(r"^(?:验收|使用|调试|安装|运行)?(?:完成|完毕|结束|合格|期满|满|时|期)?(?:后|之日)")
_CATEGORY = re.compile(r"小修|中修|大修|急修|抢修|道路救援")
_TIME_OF_DAY = re.compile(r"非工作时间|工作时间|法定节假日|节假日|夜间|休息日|双休日|非工作日|其余时间|其他时间"
                          r"|\d{1,2}[:：]\d{2}\s*(?:-|~|～|至|到)\s*\d{1,2}[:：]\d{2}")
_PHASE = re.compile(r"(?:质保|保修|养护)期(?:外|满后)")  # “质保期内” is where most promises hold: no tier
_COMPLAINT = re.compile(r"投诉|意见|建议|不满|整改")
_FAILED_REPAIR = re.compile(FAILED_REPAIR_BEFORE)  # “不能在48小时内修好的，须提供备机”
_FAILED_AFTER = re.compile(FAILED_REPAIR_AFTER)  # “24小时内不能排除故障的，须提供备用设备”
_BACKUP_AFTER = re.compile(BACKUP_FOLLOWS)
# “维修时间超过48小时的，须提供代步车”, “48小时以上未修复的”: past this time a backup falls due
_OVERRUN_BEFORE = re.compile(r"(?<!不)(?:超过|超出|多于|大于)$")
_OVERRUN_AFTER = re.compile(r"^(?:以上)?[^，,的]{0,6}的")
_OVER_AFTER = re.compile(r"^以上[^，,的]{0,6}的")
_TURNAROUND_IDIOMS = ("不过夜", "不过周")
_RECORDS = re.compile(r"记录|档案|资料|报告|台账|工单|单据|日志")
_LEVEL_DIGITS = {"1": "一", "2": "二", "3": "三", "4": "四"}
_COMPONENT = re.compile(r"(主机|探头|球管|五金配件|五金件|配件|附件|电池|电机|压缩机|显示屏|屏幕|面板|光源|电源|硬件|软件)"
                        r"(?:整机|部分)?的?(?:质保|保修)")


@dataclass(frozen=True)
class Reading:
    kind: str
    bound: str
    qualifier: str | None
    notes: tuple[str, ...]  # why a human should look again; empty when the reading is plain


def _keyword_hits(text: str, allowed: set[str]) -> list[tuple[int, int, str]]:
    masked = _NOT_KEYWORDS.sub(lambda m: "#" * len(m.group()), text)
    hits = []
    for kind in KIND_ORDER:
        if kind not in allowed:
            continue
        for word in KEYWORDS[kind]:
            for match in re.finditer(re.escape(word), masked):
                tail = masked[match.end():match.end() + 8]
                if _ANCHOR.match(tail):
                    continue
                if kind == SHELF_LIFE and masked[max(0, match.start() - 2):match.start()] == "剩余":
                    continue  # 剩余有效期: what is left on arrival, its own kind  # “到货后”, “安装完成后”, “质保期满后”: a point in time, not the subject
                if kind in (WARRANTY, SERVICE_PERIOD) and re.match(r"期?(?:内|满|间)", tail):
                    continue  # “质保期内…”, “服务期间”: the period something happens in
                hits.append((match.start(), match.end(), kind))
    return hits


def _overrun(clause: str, mention: Mention) -> bool:
    """The value is a time that, once passed, brings something due (“超过48小时的”), not a limit asked for."""
    rest = clause[mention.end:]
    return bool(_OVERRUN_BEFORE.search(clause[:mention.start]) and _OVERRUN_AFTER.match(rest)
                or _OVER_AFTER.match(rest))


def _distance(hit: tuple[int, int, str], mention: Mention) -> int:
    start, end, _ = hit
    if end <= mention.start:
        return mention.start - end
    if start >= mention.end:
        return start - mention.end
    return 0


def choose_kind(clause: str, mention: Mention, others: list[Mention], context: str = "",
                after: str = "", label: str = "") -> tuple[str, bool] | None:
    """(kind, from_label) for a mention inside `clause`, or None when nothing fits. `after`: the rest
    of the sentence; `label`: the item's label (a table row's name cell, “投诉处理：”), also in `context`."""
    allowed = TYPE_KINDS.get(mention.type, DURATION_KINDS)
    if mention.raw in _TURNAROUND_IDIOMS and "修" in clause:
        return REPAIR_TURNAROUND, False  # 小修不过夜: the vehicle is back the same day
    if mention.type == "duration" and (_FAILED_REPAIR.search(clause[:mention.start])
                                       or _FAILED_AFTER.match(clause[mention.end:]) or _overrun(clause, mention)) \
            and _BACKUP_AFTER.match(after):
        return BACKUP_EQUIPMENT, False
    verb_after = bound_after(clause[mention.end:]) == "at_most"
    best: tuple[int, int, int, str] | None = None
    for hit in _keyword_hits(clause, allowed):
        distance = _distance(hit, mention)
        between = [m for m in others if m is not mention and (
            hit[1] <= m.start < mention.start or mention.end <= m.start < hit[0])]
        if between:
            distance += 20  # the keyword belongs to another value
        before = hit[1] <= mention.start
        direction = 1 if before == verb_after else 0  # “2小时内响应” looks ahead, “质保期3年” back
        score = (distance, direction, KIND_ORDER.index(hit[2]), hit[2])
        best = score if best is None or score < best else best
    if best is not None:
        kind = best[3]
        if kind in (RESPONSE, RESOLUTION) and _COMPLAINT.search(clause + context):
            kind = COMPLAINT_RESPONSE
        return kind, False
    # no keyword in the clause: the item label or an earlier clause of the sentence may name it
    # (“投诉处理：对采购人的投诉，须在1个工作日内…”); a clause opening with “…后” is a new event, whose
    # kind only the item's own label still names (“响应时间 | 接到通知后1小时内”)
    scope = context if "后" not in clause[:mention.start] else label
    if scope:
        hits = _keyword_hits(scope, allowed)
        if hits:
            kind = max(hits, key=lambda h: (h[1], -KIND_ORDER.index(h[2])))[2]
            if kind in (RESPONSE, RESOLUTION) and _COMPLAINT.search(clause + context):
                kind = COMPLAINT_RESPONSE
            return kind, True
    if mention.type == "schedule" and re.search(r"响应|服务|支持|值守|在线", clause):
        return HOTLINE, False  # “7×24小时响应”: round-the-clock service, the one kind a schedule states
    return None


def choose_bound(clause: str, mention: Mention, kind: str) -> tuple[str, bool]:
    """(bound, explicit): from the words around the value, else the kind's usual direction."""
    if (kind == BACKUP_EQUIPMENT or kind not in MINIMUM_KINDS) and mention.type == "duration" \
            and _overrun(clause, mention):
        # 超过48小时的，提供代步车: the backup is due within that time; 故障超过24小时仍未修复的（扣罚）:
        # a deadline restated as the failure a penalty follows is still a deadline
        return "at_most", True
    before = clause[max(0, mention.start - 8):mention.start]
    after = clause[mention.end:mention.end + 6]
    if mention.type == "frequency" and "at_least" in bounds_inside(mention.raw):  # 每季度至少一次
        return "at_least", True
    word_before, word_after = bound_before(before), bound_after(after)
    if "at_least" in (word_before, word_after):
        return "at_least", True
    if word_before == "at_most":
        return "at_most", True
    if word_after == "at_most":  # “3个月内同一故障不得再次发生”: a period that must hold, at least
        return ("at_least" if kind in MINIMUM_KINDS else "at_most"), True
    if kind in EXACT_KINDS or kind in MINIMUM_KINDS or is_ceiling(mention.value):
        # a bare period or frequency (质保期为24个月, 每季度回访) states the figure itself, as does 7×24;
        # the judgement still counts a longer warranty as better (core.judge.directed_bound)
        return "equals", False
    return "at_most", False  # a bare deadline (2小时到达现场) is a ceiling: sooner is what it asks


def _fault_level(window: str, kind: str) -> tuple[str, str] | None:
    if kind not in (RESPONSE, ONSITE_ARRIVAL, RESOLUTION, BACKUP_EQUIPMENT):
        return None
    levels = list(_FAULT_LEVEL.finditer(window))
    if not levels:
        return None
    last = levels[-1]
    if last.group(1):
        return _LEVEL_DIGITS.get(last.group(1), last.group(1)) + "级", ""
    return last.group(2), f"故障等级“{last.group(2)}”不是一级～四级，请对照产品类型的故障分级改写限定词"


def _region(window: str, kind: str) -> tuple[str, str] | None:
    if kind not in (ONSITE_ARRIVAL, RESPONSE, RESOLUTION, DELIVERY):
        return None
    regions = list(_REGION.finditer(window))
    if not regions:
        return None
    word = regions[-1].group()
    if word in REGIONS:
        canonical = REGIONS[word]
        return canonical, "" if canonical == word else f"原文“{word}”按“{canonical}”记"
    return word, f"区域“{word}”不在 市区/省内/省外 之列，请确认与投标人资料中的区域一致"


def choose_qualifier(clause: str, mention: Mention, previous_end: int, kind: str) -> tuple[str | None, str]:
    """(qualifier, note) from the words between the previous value and this one."""
    window = clause[previous_end:mention.start]
    # on-site arrival is stated by region first; response and resolution by fault level first
    finders = [_region, _fault_level] if kind in (ONSITE_ARRIVAL, DELIVERY) else [_fault_level, _region]
    for finder in finders:
        found = finder(window, kind)
        if found is not None:
            return found
    if kind in (RESPONSE, ONSITE_ARRIVAL, RESOLUTION, REPAIR_TURNAROUND):
        category = list(_CATEGORY.finditer(window))
        if category:
            return category[-1].group(), ""
    if kind in (RESPONSE, ONSITE_ARRIVAL, RESOLUTION, HOTLINE):
        times = list(_TIME_OF_DAY.finditer(window))
        if times:
            word = times[-1].group()
            tier = time_of_day(word.replace("：", ":"))
            return tier, "" if tier == word else f"原文“{word}”按“{tier}”记"
    phase = list(_PHASE.finditer(window))
    if phase and kind not in (WARRANTY, SERVICE_PERIOD):
        return phase[-1].group(), ""
    if kind == WARRANTY:
        component = None
        for match in _COMPONENT.finditer(clause[previous_end:mention.end]):
            component = match.group(1)
        if component:
            return component, f"按部件“{component}”区分的质保要求，请确认投标人资料中的限定词与之一致"
    return None, ""


# what may stand beside a value its label names (巡检 | 每季度1次; 回访：每月1次。)
# (a column heading before it: 要求标准：每季度1次)
_VALUE_ALONE_REST = re.compile(r"[\s,，。；;、:：.]*(?:[\u4e00-\u9fff]{1,8}[:：])?[\s,，。；;、:：.]*")


def _label_names_value(clause: str, mention: Mention, label: str, kind: str) -> bool:
    """The clause is the value alone, a frequency or a schedule, and the item's own label (a table row's
    name cell, “巡检：”) names its kind: the label says what the figure is, as a row of a requirement table does."""
    if mention.type not in ("frequency", "schedule") or not label:
        return False
    rest = clause[:mention.start] + clause[mention.end:]
    return _VALUE_ALONE_REST.fullmatch(rest) is not None \
        and any(hit[2] == kind for hit in _keyword_hits(label, {kind}))


def read_mention(clause: str, mention: Mention, others: list[Mention], previous_end: int,
                 context: str = "", after: str = "", label: str = "") -> Reading | None:
    """`context`: the item label and the sentence before this clause, for a clause without keywords;
    `after`: the sentence after it; `label`: the item label alone."""
    chosen = choose_kind(clause, mention, others, context, after, label)
    if chosen is None:
        return None
    kind, from_label = chosen
    if kind == RECORDS_RETENTION and not _RECORDS.search(clause + context):
        return None  # “录像保存30天” is a technical figure, not the keeping of service records
    bound, explicit = choose_bound(clause, mention, kind)
    if from_label and not explicit and not _label_names_value(clause, mention, label, kind):
        return None  # “…供货方式，服务期一年”: a borrowed kind needs a stated limit to be believed
    qualifier, qualifier_note = choose_qualifier(clause, mention, previous_end, kind)
    notes = [n for n in (mention.note, qualifier_note) if n]
    if from_label:
        notes.append("本句未直接写明事项，类别由条目标题或前文推断")
    return Reading(kind, bound, qualifier, tuple(notes))
