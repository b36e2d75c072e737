"""The commitment kinds: each kind stated once, every other view derived from this table.

A kind (stable names, DESIGN.md) has a quantity type, a Chinese label, the units it is stated in,
which direction is better, the words that name it in a proposal (regular expressions, for the
checker) and in a tender (plain keywords, for `tender extract`), the names a tender gives it (the
偏离表 answers in the requirement's own word) and the forms and extras its value may take.

Derived from this table: the pydantic commitments model (models/commitments.py), the checker's
vocabularies (check/patterns.py), the tender extractor's keywords, value types and bounds
(tender_extract/classify.py), the tender form's and the reports' labels, the plausibility limits
(value_guard.py). To teach the tool a new kind, add one `Kind(...)` here and place its name in the
two match orders below. This module imports nothing heavy: the checker uses it without pydantic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from generator.core.quantities import QuantityType

Better = Literal["lower", "higher"]
_SHORT = frozenset({"分钟", "小时", "天", "工作日"})
_DAYS = frozenset({"小时", "天", "工作日", "周"})
_YEARS = frozenset({"年", "个月", "天"})


@dataclass(frozen=True)
class Kind:
    name: str
    type: QuantityType  # duration | frequency | schedule | percentage
    label: str  # the one Chinese label of tables, messages and forms
    better: Better  # lower: a deadline (响应2小时); higher: a period or rate (质保3年, 成活率95%)
    # a figure the tender states is the one to meet, not a floor or a ceiling (服务期一年 is the contract's term)
    exact: bool = False
    # promised as a floor, never as the one figure of every product (保质期以标签为准，均不少于1年): the summary
    # and the 偏离表 say 不少于 before it
    floor: bool = False
    proposal_words: str = ""  # regex of words naming it in a proposal, most specific first
    tender_words: tuple[str, ...] = ()  # keywords naming it in a tender's requirement
    scoring_words: tuple[str, ...] = ()  # narrower words naming it in a 评分标准 item (响应时间≤2小时得3分)
    names: tuple[str, ...] = ()  # words a tender uses for it (保修期, 维保期): the 偏离表 answers in them
    units: frozenset[str] = frozenset()  # duration units it is stated in; others near its word are other numbers
    weak_words: str = ""  # regex naming it only when nothing else in the clause does (自售出之日起…)
    also_named_by: tuple[str, ...] = ()  # words that name this kind as well as the kind whose regex matches them
    fault_level: bool = False  # limited per fault level (commitments.fault_levels), response ≤ arrival ≤ resolution
    also_accepts: tuple[str, ...] = ()  # other value forms: alternative (3年或10万公里), percentage (2/3)
    requirement_also_accepts: tuple[str, ...] = ()  # forms only a requirement may take (date: 2026年3月1日前)
    starts: bool = False  # counts from a start event (验收合格之日)
    replant: bool = False  # has a replanting deadline (replant_within)
    fraction_of: str | None = None  # a fraction (2/3) is of this kind's value (remaining shelf life of the total)
    # (ProductType attribute, label pattern with {} for it): the trade's own word; an empty attribute keeps `label`
    product_word: tuple[str, str] | None = None
    product_word_in: tuple[str, ...] = ()  # when given, the trade's word is used only if it is one of these
    max_days: int = 100 * 365  # longest plausible duration (value_guard)
    answered_in: str = "summary"  # the clause category whose section answers it (评分点对照表)
    label_without_repair: str = ""  # the label for a product type that is neither repaired on site nor software

    def label_for(self, product: Any) -> str:
        """The label in a product type's words: 保修期 for a warranty of doors, 年完好率 for elevators,
        问题处理时间 for goods, works and plants (problems to settle, not faults to clear)."""
        if product is None:
            return self.label
        if self.label_without_repair and not (product.has("onsite_repair") or product.has("software")):
            return self.label_without_repair
        if self.product_word is None:
            return self.label
        attribute, pattern = self.product_word
        word = getattr(product, attribute)
        if not word or (self.product_word_in and word not in self.product_word_in):
            return self.label
        return pattern.format(word)


# Kind names for the code that treats a kind specially (the checker's heuristics, the 偏离表, the
# extractor's rules): other modules use these constants, never the names spelled out.
RESPONSE = "response"
ONSITE_ARRIVAL = "onsite_arrival"
RESOLUTION = "resolution"
BACKUP_EQUIPMENT = "backup_equipment"
HOTLINE = "hotline"
WARRANTY = "warranty"
SHELF_LIFE = "shelf_life"
DELIVERY = "delivery"
INSTALLATION = "installation"
TRAINING = "training"
RETURN_VISIT = "return_visit"
INSPECTION = "inspection"
SPARE_PARTS = "spare_parts"
REPAIR_TURNAROUND = "repair_turnaround"
COMPLAINT_RESPONSE = "complaint_response"
RECORDS_RETENTION = "records_retention"
SOFTWARE_UPGRADE = "software_upgrade"
REMAINING_SHELF_LIFE = "remaining_shelf_life"
SERVICE_PERIOD = "service_period"

_TABLE = (
    Kind(RESPONSE, "duration", "响应时间", "lower", scoring_words=("响应",), answered_in="response", units=_SHORT, fault_level=True, max_days=30,
         proposal_words=r"响应|答复|回复|应答|回应",
         weak_words=r"(?:接到|收到|接获)[^,;。]{0,12}?(?:请求|通知|报修|电话|信息|反馈)(?:之?后|起)|反馈后|报修后",
         tender_words=("响应", "回应", "答复", "回复", "反馈", "采取相应措施", "采取措施")),
    Kind(ONSITE_ARRIVAL, "duration", "到达现场时间", "lower", scoring_words=("到达现场", "到场", "上门"), answered_in="response", units=_SHORT, fault_level=True, max_days=30,
         proposal_words=r"到达[^,;。:]{0,8}?(?:现场|地点)|到达|到场|赶到|赶赴|抵达|上门|到现场|现场服务|现场支持|派员",
         tender_words=("到达现场", "到场", "到现场", "上门", "赶到", "抵达", "到达")),
    Kind(RESOLUTION, "duration", "故障解决时间", "lower", scoring_words=("解决", "修复", "排除故障"), answered_in="response", label_without_repair="问题处理时间",
         units=_SHORT | {"周"}, fault_level=True, max_days=90,
         proposal_words=r"排除故障|故障排除|解决|修复|排除|恢复正常|恢复使用|处理完毕|处理完成|修好|采取(?:相应|有效)?措施",
         tender_words=("停梯时间", "停机时间", "排除", "解决", "修复", "恢复", "修好", "处理完毕", "大修", "维修")),
    Kind("backup_equipment", "duration", "提供备用设备时限", "lower", answered_in="spare_parts",  # its own section: 备品备件
         units=frozenset({"小时", "天", "工作日"}),
         max_days=30, product_word=("backup_word", "提供{}时限"),
         proposal_words=r"备用(?:设备|机|整机|产品|车辆|电梯|仪器)?|备机|周转(?:机|设备)|替代(?:设备|产品)|代用(?:设备|机)|"
                        r"代步车|(?:免费)?(?:借用|暂借|借机)",
         tender_words=("备用机", "备用设备", "备机", "替代设备", "周转设备", "代步车", "备用车")),
    Kind(HOTLINE, "schedule", "服务热线时段", "higher", answered_in="service_modes",
         proposal_words=r"热线|(?:服务|援助|支持|咨询|客服|售后|400)电话|电话(?:支持|咨询)|值班|值守"
                        r"|(?<!\d)(?:[48]00-?\d{3}-?\d{4}|0\d{2,3}[-—]\d{7,8})(?!\d)",
         tender_words=("热线", "值守", "值班", "服务电话", "客服", "技术支持")),
    Kind(WARRANTY, "duration", "质保期", "higher", scoring_words=("质保期", "保修期", "质保", "保修", "免费运维期", "维保期"), answered_in="warranty", units=frozenset({"年", "个月", "天", "周"}),  # 天: 7天包换
         also_accepts=("alternative",), starts=True, product_word=("warranty_word", "{}"), max_days=50 * 365,
         proposal_words=r"三包(?:有效期|期)|质保期|保修期|保固期|养护期|质量保证期|维保期|维护期|(?:免费)?运维期|免费的?(?:保修|保养|维修|"
                        r"维护|质保)|包退|包换|包修|质保|保修|保固|养护|三包|免费(?:技术)?服务",
         weak_words=r"(?:自|从|由)?(?:产品|货物|商品|设备)?(?:售出|销售|购买|购机|交货|到货|收到货物|收货|签收商品|签收|"
                    r"验收合格|开具发票)(?:之日|日期|日)?(?:起|后)"
                    # 自您购买本产品之日（以发票日期为准）起; 自交货365日内, 在验收七天内
                    r"|(?:自|从|由)(?:您|用户|客户|买方|甲方)?(?:购买|购置|购机|收到|签收)[^,;。]{0,16}?之日(?:\([^()]{0,40}\))?起"
                    r"|(?:自|从|在)(?:产品|货物|商品|设备)?(?:售出|购买|购机|交货|到货|收货|签收|验收(?:合格)?)"
                    r"(?=[\d一二三四五六七八九十两半]+个?(?:年|月|周|天|日))"
                    # the remedy a window allows: 七日内免费退货, 八至十五日免费换货 (not 退货后, 退货时)
                    r"|(?:免费|无理由)?(?:退货|换货|退换货?|调换)(?![后时的款])",
         tender_words=("质保", "保修", "保固", "同一故障", "质量保证期", "养护期", "免费维护期", "免费运维", "运维期", "维保期", "三包"),
         names=("质量保证期", "质保期", "保修期", "保固期", "养护期", "三包期", "免费运维")),
    Kind(SHELF_LIFE, "duration", "保质期", "higher", floor=True, answered_in="warranty", units=_YEARS, max_days=20 * 365,
         product_word=("warranty_word", "{}"), product_word_in=("保质期", "有效期"),  # 医疗器械、消毒产品标示有效期
         proposal_words=r"保质期|有效期", tender_words=("保质期", "有效期", "效期"), names=("保质期", "有效期")),
    Kind("delivery", "duration", "供货期", "lower", answered_in="installation", units=frozenset({"小时", "天", "工作日", "周", "个月"}),
         requirement_also_accepts=("date",), max_days=365, product_word=("delivery_word", "{}"),  # 软件: 交付期
         proposal_words=r"供货期|交货期|供货|交货|到货|送货|配送|发货|交付|运抵|送达",
         tender_words=("交货", "供货", "到货", "送达", "送货", "交付", "配送"), names=("交货期", "供货期", "到货期", "交付期")),
    Kind("installation", "duration", "安装调试完成时限", "lower", answered_in="installation", units=_DAYS, requirement_also_accepts=("date",),
         product_word=("installation_word", "{}完成时限"),  # 软件: 部署调试完成时限
         max_days=365, proposal_words=r"安装调试|安装|调试", tender_words=("安装", "调试", "部署")),
    Kind(TRAINING, "duration", "培训时长", "higher", answered_in="training", units=_DAYS, max_days=365,
         proposal_words=r"培训", tender_words=("培训",)),
    Kind("return_visit", "frequency", "回访频次", "higher", scoring_words=("回访",), answered_in="return_visit",
         proposal_words=r"回访|走访|(?:定期)?访问用户", tender_words=("回访",)),
    Kind(INSPECTION, "frequency", "巡检频次", "higher", scoring_words=("巡检",), answered_in="maintenance", also_named_by=("免费保养", "免费维护"),
         product_word=("inspection_word", "{}频次"),  # 维护保养频次 (电梯), 巡查频次 (绿化)
         names=("维护保养", "维保", "保养", "巡查", "巡检", "巡视", "检查"),  # the 偏离表 answers “维护保养频次”
         proposal_words=r"巡检|巡查|巡视|预防性维护|维护保养|保养|例行检查|定期检查|检查|检修|维护(?!期)|消杀服务|养护作业|"
                        r"自检|(?:定期|全面|深度)检测",
         tender_words=("巡检", "巡查", "巡视", "巡逻", "预防性维护", "维护保养", "维保", "保养", "检查", "检测", "检修", "维护")),
    Kind("satisfaction_survey", "frequency", "满意度调查频次", "higher", answered_in="return_visit",
         requirement_also_accepts=("percentage",),  # a tender may ask for a rate (满意率不低于90%)
         proposal_words=r"满意度(?:调查|调研|测评|评价)?", tender_words=("满意度", "满意率", "评议", "测评")),
    Kind("spare_parts", "duration", "备件供应年限", "higher", scoring_words=("备件", "备品"), answered_in="spare_parts", units=frozenset({"年"}), max_days=30 * 365,
         proposal_words=r"备品备件|备件|零配件供应|配件供应|零部件供应",
         tender_words=("备品备件", "备件", "零配件", "配件供应", "零部件供应")),
    Kind(REPAIR_TURNAROUND, "duration", "返修周期", "lower", answered_in="fault_handling", units=_DAYS, max_days=180,
         proposal_words=r"返修周期|维修周期|修复周期|维修换货|换货(?:时间|周期)|返修|返厂|送修|寄修",
         tender_words=("返修", "返厂")),
    Kind(COMPLAINT_RESPONSE, "duration", "投诉处理时限", "lower", answered_in="complaint", units=_SHORT, max_days=90,
         proposal_words=r"投诉", tender_words=("投诉", "退换", "退货", "换货")),
    Kind("records_retention", "duration", "服务记录保存期限", "higher", answered_in="fault_handling", units=_YEARS,  # 资料保存期限: a word
         proposal_words=r"保存期限|保管期限|保存|存档|归档|保管|留存", tender_words=("保存", "存档", "归档")),
    # a security system's footage kept before it is overwritten (录像保存30天): its own kind, tried before the
    # service records' 保存 so that the two periods are never compared with each other
    Kind("video_retention", "duration", "录像保存期限", "higher", answered_in="product_service", units=frozenset({"天", "个月"}),
         max_days=10 * 365,
         proposal_words=r"(?:录像|视频|图像|监控)(?:资料|数据|文件)?(?:的)?(?:保存|存储|保留|存档)(?:时间|期限|天数|时长|周期)?|可保存天数",
         # whole compounds: the nearest keyword to a value names it, and 保存 alone is the service records'
         tender_words=("录像保存", "录像存储", "录像资料保存", "录像资料存储", "录像数据保存", "视频保存", "视频存储",
                       "视频资料保存", "图像保存", "图像存储", "图像资料保存", "监控资料保存"),
         names=("录像保存时间", "录像存储时间", "存储时间", "录像保存期限")),
    Kind("software_upgrade", "duration", "免费软件升级期限", "higher", answered_in="software_upgrade", units=frozenset({"年", "个月"}),
         max_days=30 * 365, proposal_words=r"(?:免费)?(?:软件|系统|版本)?升级|适应性(?:维护|修改|改进)",  # adaptive maintenance: the software
         tender_words=("升级",)),  # changed to fit a new environment
    Kind(REMAINING_SHELF_LIFE, "duration", "到货时剩余有效期", "higher", floor=True, answered_in="warranty", units=_YEARS, also_accepts=("percentage",),
         fraction_of=SHELF_LIFE, proposal_words=r"剩余(?:有效期|保质期|效期)", tender_words=("剩余有效期", "剩余保质期", "剩余效期"),
         names=("剩余有效期", "剩余保质期", "剩余效期")),
    Kind("survival_rate", "percentage", "成活率", "higher", answered_in="warranty", replant=True,
         proposal_words=r"成活率|存活率|保存率", tender_words=("成活率", "保存率"), names=("成活率", "存活率", "保存率")),
    Kind("uptime", "percentage", "年开机率", "higher", answered_in="maintenance", product_word=("uptime_word", "年{}"),
         proposal_words=r"开机率|完好率|(?:设备|系统|平台|服务)?可用率|(?:设备|系统|平台|服务)可用性|正常运行率",
         tender_words=("开机率", "完好率", "运行率", "可用率", "可用性"), names=("开机率", "完好率", "设备可用率", "正常运行率")),
    # software: how soon the system is back after an outage and how much data it may lose (等级保护, 业务连续性)
    Kind("recovery_time", "duration", "恢复时间目标（RTO）", "lower", answered_in="product_service", units=_SHORT, max_days=30,
         proposal_words=r"恢复时间目标|RTO", tender_words=("恢复时间目标", "RTO")),
    Kind("recovery_point", "duration", "恢复点目标（RPO）", "lower", answered_in="product_service", units=_SHORT, max_days=30,
         proposal_words=r"恢复点目标|RPO", tender_words=("恢复点目标", "RPO")),
    Kind("service_period", "duration", "服务期", "higher", exact=True, answered_in="warranty", units=frozenset({"年", "个月"}), starts=True,
         proposal_words=r"维保服务期|维保期|维护期|服务期限|服务期",
         tender_words=("服务期限", "服务期", "服务年限", "维保期限", "合同期限"),
         names=("维保服务期", "维保期", "维护期", "服务期限", "服务期")),
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in _TABLE}
"""Every kind, in the order of tables and summaries."""

# Where the words of two kinds overlap, the kind tried first wins: the most specific words first.
PROPOSAL_ORDER = ("recovery_point", "recovery_time", "remaining_shelf_life", "survival_rate", "uptime", "service_period", "backup_equipment", "spare_parts",
                  "repair_turnaround", "complaint_response", "video_retention", "records_retention", "software_upgrade",
                  "satisfaction_survey", "return_visit", "inspection", "training", "installation", "delivery",
                  "shelf_life", "warranty", "hotline", "resolution", "onsite_arrival", "response")
TENDER_ORDER = ("recovery_point", "recovery_time", "complaint_response", "satisfaction_survey", "uptime", "survival_rate", "return_visit", "inspection",
                "spare_parts", "backup_equipment", "software_upgrade", "video_retention", "records_retention", "repair_turnaround",
                "remaining_shelf_life", "shelf_life", "delivery", "installation", "training", "warranty",
                "service_period", "hotline", "onsite_arrival", "resolution", "response")

# a scoring item names the kind of the first of these whose words it holds (到场 before 响应: 到场响应)
SCORING_ORDER = ("onsite_arrival", "resolution", "response", "warranty", "spare_parts", "return_visit", "inspection")


def _check_order(order: tuple[str, ...], attribute: str) -> None:
    named = {name for name, kind in KINDS.items() if getattr(kind, attribute)}
    if set(order) != named or len(order) != len(named):
        raise AssertionError(f"{attribute}: the order must list exactly the kinds that have them")


_check_order(PROPOSAL_ORDER, "proposal_words")
_check_order(TENDER_ORDER, "tender_words")
_check_order(SCORING_ORDER, "scoring_words")


def kinds_where(**attributes: Any) -> tuple[str, ...]:
    """Names of the kinds whose attributes have these values, in table order: kinds_where(type="frequency")."""
    return tuple(name for name, kind in KINDS.items()
                 if all(getattr(kind, key) == value for key, value in attributes.items()))


def label(kind: str) -> str:
    """The Chinese label of a kind; an unknown name is shown as it is."""
    found = KINDS.get(kind)
    return found.label if found else kind


def choices(names: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(name, “label（name）”) for menus and forms."""
    return [(name, f"{KINDS[name].label}（{name}）") for name in (names or KINDS)]


FAULT_KINDS = kinds_where(fault_level=True)  # response ≤ on-site arrival ≤ resolution, in this order
# A repair time that, once failed, brings a backup due (不能在48小时内修好的 / 48小时内未能修复的，提供备用机):
# the time is the backup's limit, not a repair promise. Before the value, or after it up to the clause's end.
# (维修时间超过5个自然日的，免费借用备用机: a repair that outlasts the period is one that failed within it)
FAILED_REPAIR_BEFORE = r"(?:无法|不能|未能|未)[^，,]{0,3}$|(?:维修|修复|修理|排除|故障)[^，,;。]{0,4}(?:超过|超出)$"
FAILED_REPAIR_AFTER = r"^(?:[以之]?内)?(?:仍|还)?(?:无法|不能|未能|没能|没有|未|[^，,;。的]{0,6}?修不好)"
# the backup named next, before any time of its own (24小时内仍不能修复的，48小时内提供备用设备: the 48 hours are its limit)
BACKUP_FOLLOWS = (r"^(?:(?![\d一二两三四五六七八九十半]+(?:\.\d+)?个?(?:小时|分钟|天|日|工作日|周))[^。]){0,30}?"
                  r"(?:备用|备机|替代|周转|代步车|代用)")
# The most characters each pattern can span (tests/core/test_kinds_reach.py): a search looks at no more text
# around the time than this, so a clause of thousands of times is not read again for every one of them.
FAILED_REPAIR_BEFORE_REACH = 8
FAILED_REPAIR_AFTER_REACH = 12
BACKUP_FOLLOWS_REACH = 33
STARTING_KINDS = frozenset(kinds_where(starts=True))
REPLANTING_KINDS = frozenset(kinds_where(replant=True))
PERCENTAGE_KINDS = kinds_where(type="percentage")


# -- the views `tender extract` uses (tender_extract/classify.py) ------------------------------------
def tender_keywords() -> dict[str, tuple[str, ...]]:
    """kind → keywords naming it in a tender, most specific kind first (classify.KEYWORDS)."""
    return {name: KINDS[name].tender_words for name in TENDER_ORDER}


def scoring_keywords() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kind, words naming it in a 评分标准 item), in the order they are tried (tender_extract/scoring.py)."""
    return tuple((name, KINDS[name].scoring_words) for name in SCORING_ORDER)


def tender_type_kinds() -> dict[str, set[str]]:
    """Value type → the kinds with tender keywords a value of that type may state, for the types other
    than duration: the kind's own type, or one its requirement also accepts (a 满意率 percentage, a
    交货 date) (classify.TYPE_KINDS)."""
    found: dict[str, set[str]] = {}
    for name in TENDER_ORDER:
        kind = KINDS[name]
        for value_type in (kind.type, *kind.requirement_also_accepts):
            if value_type != "duration":
                found.setdefault(value_type, set()).add(name)
    return found


def tender_duration_kinds() -> set[str]:
    """The kinds with tender keywords that are durations (classify.DURATION_KINDS)."""
    return {name for name in TENDER_ORDER if KINDS[name].type == "duration"}


def minimum_kinds() -> set[str]:
    """Kinds a requirement states a minimum for (longer or more often is better)."""
    return set(kinds_where(better="higher"))
