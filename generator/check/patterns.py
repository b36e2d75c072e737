"""Words that name a commitment kind, and words that qualify a value (severity, region, …).

All patterns run on normalised text (see normalize.py: half-width punctuation, no stray spaces).
"""

from __future__ import annotations

import re

from generator.core.bounds import STRICT_WORDS
from generator.core.kinds import (
    BACKUP_FOLLOWS,
    FAILED_REPAIR_AFTER,
    FAILED_REPAIR_BEFORE,
    KINDS,
    PROPOSAL_ORDER,
    kinds_where,
)
from generator.core.quantities import time_of_day
from generator.core.regex_prefilter import compile_filtered, prefiltered
from generator.text.headings import LOT_PATTERN, lot_name

# All derived from the kinds table (core/kinds.py).
# kind → words that name it, most specific first. Checked against normalised text.
KIND_WORDS: dict[str, str] = {name: KINDS[name].proposal_words for name in PROPOSAL_ORDER}
KIND_LABELS: dict[str, str] = {name: kind.label for name, kind in KINDS.items()}
FREQUENCY_KINDS = frozenset(kinds_where(type="frequency"))
SCHEDULE_KINDS = frozenset(kinds_where(type="schedule"))
# Duration units a kind is stated in; anything else near its word is some other number.
DURATION_UNITS: dict[str, frozenset[str]] = {name: kind.units for name, kind in KINDS.items() if kind.units}
# Words that name a kind only when nothing else in the clause does (weak): the moment a period starts
# (自售出之日起一年内 — a warranty or return window) or a request arrives (收到请求起2小时内 — a response).
WEAK_WORDS: dict[str, str] = {name: KINDS[name].weak_words for name in PROPOSAL_ORDER if KINDS[name].weak_words}
# Words that name two kinds: 免费保养 is the free-maintenance period (两年免费保养) or a visit (每季度免费保养一次).
ALSO_KIND: dict[str, str] = {word: name for name, kind in KINDS.items() for word in kind.also_named_by}

# two dozen groups of alternatives tried at every position: a first-character lookahead skips most of them
KIND_RE = re.compile(prefiltered("|".join([*(f"(?P<{kind}__weak>{words})" for kind, words in WEAK_WORDS.items()),
                                           *(f"(?P<{kind}>{words})" for kind, words in KIND_WORDS.items())])))

# Phrases that contain a kind word without naming a commitment: blanked before kind words are searched.
# 质保期内 right after a period names it (在5个月保修期内, 三年质保期满后): not blanked.
NEUTRAL_RE = compile_filtered(
    r"投标响应|响应情况|响应内容|响应及偏离|响应方式|逐条响应|积极响应|配合响应|响应文件|响应表|响应速度|响应服务|"
    r"解决方案|保修卡|质保金|供货商|供应商|供货方|供货单位|供货渠道|交货地点|交货方式|送货上门|(?<![年月天日周])(?:质保|保修|保固|养护|保质)期(?:内|外|间|满|届满|结束|以外|以内)|售后服务电话|"
    r"有效期内|检查验收|验收检查|书面答复|答复[^,;。]{0,6}(?:结果|结论|意见|方案)|回复[^,;。]{0,6}(?:结果|结论|意见)"
)
COMPLAINT_RE = re.compile(r"投诉")
TURNAROUND_RE = re.compile(r"返厂|返修|送修|寄修")

# Text that restates a requirement instead of making a promise.
REQUIREMENT_CONTEXT_RE = re.compile(
    r"招标文件|采购文件|招标要求|采购需求|磋商文件|谈判文件|询价文件|招标人要求|采购人要求|招标方要求|甲方要求")
# Penalties and lateness (“迟到1小时的，扣罚100元”) are not service promises.
PENALTY_CONTEXT_RE = re.compile(r"迟到|超时|延误|逾期|扣罚|罚款|罚金|违约金|赔偿")
# What the purchaser must do (采购人应于到货后3日内组织验收, 甲方须在验收合格后10个工作日内付款) is not a promise of
# the bidder's: the clause naming the purchaser as its subject, and the clauses after it until the bidder speaks.
# The user's duties count alike (用户应在发现故障后2小时内通知我公司), but not the user's rights: 用户有权在7天内退货
# is the bidder's promise.
PURCHASER_DUTY_RE = re.compile(r"(?:采购人|招标人|采购方|招标方|甲方|买方|买受人|业主方?|需方|采购单位)(?:应当?|须|必须|负责|有权)"
                               r"|(?:用户|使用单位|使用方|用户单位|使用人员)(?:应当?|须|必须|负责)(?!为)")
BIDDER_SUBJECT_RE = re.compile(r"我公司|本公司|我方|我们|乙方|中标人|中标方|投标人|供应商|卖方|供方|出卖人")
# A scoring band (响应时间≤1小时得3分, 超过4小时不得分) quotes the tender's 评分标准, not a promise.
SCORING_CONTEXT_RE = re.compile(r"得\d+(?:\.\d+)?分|不得分|[加扣减]\d+(?:\.\d+)?分|得满分")
# A failure a penalty follows (若未能在2小时内到场, 超过24小时仍未排除的): the clause restates a deadline as the
# condition of the penalty the sentence sets, it promises nothing of its own.
FAILURE_RE = re.compile(r"未能|未在|未按|仍未|仍不能|仍无法|没有在|不能按时|无法按时")
# A repair time whose failure brings a backup due (48小时内未能修复的，提供备用机): the backup's limit.
FAILED_REPAIR_BEFORE_RE = re.compile(FAILED_REPAIR_BEFORE)
FAILED_REPAIR_AFTER_RE = re.compile(FAILED_REPAIR_AFTER)
BACKUP_FOLLOWS_RE = re.compile(BACKUP_FOLLOWS)
# The event a period counts from (自终验合格之日起, 以交付使用之日起算, 在安装调试完毕并经签字确认后): the kind
# words inside it (交付, 安装调试) name no promise of their own.
START_EVENT_RE = re.compile(r"(?:自|从|以|由|于|在)[^,;。]{0,16}?(?:之日|次日|完毕|合格)[^,;。]{0,10}?(?:起算?|起计算?|后)")
# A tender instruction copied into a proposal: the sentence makes the bid void if a figure is not met.
INSTRUCTION_RE = re.compile(r"无效投标|投标无效|作?废标|否决投标|投标将被拒绝")
BOUND_QUOTE_RE = re.compile(r"[“\"「『]([^”\"」』]{0,80})[”\"」』]")
BOUND_WORDS_RE = STRICT_WORDS  # a quoted bound (“不少于3年”) is the tender's, not a promise

# Qualifier dimensions, in output order.
QUALIFIER_DIMENSIONS = ("severity", "region", "component", "activity", "phase", "condition", "mode", "customer",
                        "remedy", "category", "time", "service", "lot")
# inspection covers two activities that bids promise at different rates: 巡检 and 保养
MAINTENANCE_WORD_RE = re.compile(r"保养|维护|检修")
# Place names that open a regional clause (北京、天津周边区域, 长三角范围内); cities come from entities.PLACES.
_AREAS = (r"长三角|珠三角|东三省|华东|华南|华北|华中|西南|西北|东北|内蒙|京津冀|全国|全省|全市|[\u4e00-\u9fff]{2,3}[省市]|"
          r"北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|"
          r"贵州|云南|陕西|甘肃|青海|广西|西藏|宁夏|新疆")
_REGION_WORDS = (r"省内各(?:区县|市县|地市|地区|市)|市区外|城区外|市外|外市|外县|"  # before 市区: 外市区县 is outside the city
                 r"主城区|市区|市内|城区|本市(?=范围|内|区域|辖区|\d)|本市$|同城|市辖区|省内|本省|"
                 r"省外|外省|外地|异地|偏远地区|远郊|郊区|郊县|县区|区县|其他地区|其他区域|"
                 # towns as a tier (乡镇用户、乡镇4小时), not as places (各乡镇配送点)
                 r"(?<![各全])(?:乡镇|农村)(?=用户|客户|地区|范围|区域|的|:|\d|[一二三四五六七八九十两半])")
# a tier by distance from the service point (50公里以内 / 50公里以外): the distance is the region
_DISTANCE = r"(?P<km>\d+(?:\.\d+)?)(?:公里|千米|km|KM)(?P<side>以内|之内|范围内|内|以外|之外|外|以上)"
# the tier between two distances (30至100公里的4小时内到场)
_DISTANCE_RANGE = r"(?P<km_from>\d+(?:\.\d+)?)(?:至|到|-|~|～)(?P<km_to>\d+(?:\.\d+)?)(?:公里|千米|km|KM)"
# a tier of named districts and counties, a list to a line before a colon (城东区、城西区：2小时内到达;
# 北山县（含所辖乡镇）：6小时内): not preceded by another Chinese character, so 覆盖市区 is no name
_PLACES = (r"(?<![\u4e00-\u9fff])(?P<places>(?:[\u4e00-\u9fff]{1,6}(?:区|县|旗|镇|乡|街道)[、和及])*"
           r"[\u4e00-\u9fff]{1,6}(?:区|县|旗|镇|乡|街道)(?:\([^()]{0,12}\))?)(?=:)")
_SEVERITY_WORDS = r"一般|普通|较大|重大|严重|紧急|特急|重要|关键|复杂|疑难|简单|轻微|[一二三四五1-5]级|[IⅠⅡⅢⅣV]{1,3}级|[A-D]类"
QUALIFIER_RES: dict[str, re.Pattern[str]] = {
    "severity": compile_filtered(
        rf"(?<!第)({_SEVERITY_WORDS})(?:性)?(?:的)?(?:故障|问题|事件|事故|缺陷|报修|级别|情况(?!下))"
        rf"|^({_SEVERITY_WORDS})(?:故障)?$"
        r"|(常规|普通|紧急|急救|加急|特急|应急|急需)(?:订单|耗材|物资|需求|配送|采购|药品|用药)"),
    "region": compile_filtered(rf"(?P<area>(?:{_AREAS})[\u4e00-\u9fff、]{{0,20}}?(?:周边区域|周边地区|周边|范围内|范围|片区|地区|区域))|"
                         rf"{_DISTANCE_RANGE}|{_DISTANCE}|{_REGION_WORDS}|{_PLACES}"),
    "component": compile_filtered(r"主机|整机|设备主体|主体设备|整车|配件|零部件|附件|易损件|外设|硬件(?!设备)|"
                            r"软件(?!升级|著作|开发|系统|产品|版本|服务)|动力电池|电池组件|蓄电池|电池"),
    "phase": compile_filtered(r"(?:免费)?(?:质保|保修|养护|保质)期(?:内|间)|(?:质保|保修|养护)期(?:\([^)]{0,8}\))?(?:外|以外|满后?|届满后?|结束后)|"
                        r"过保|出保|超过(?:质保|保修)期|超出(?:质保|保修)期"),
    "condition": compile_filtered(r"必要时|如有必要|确有必要|如有需要|特殊情况下?|"
                            r"(?:需|需要|如需|若需|涉及)(?:更换|返厂|订购|进口|定制)[^,;。]{0,16}的"),
    # 对于签订长期维保合同的客户: a class of customers promised more than the rest
    "customer": compile_filtered(r"(?:签订|签署|购买)[^,;。:]{0,16}(?:合同|合约|协议)的?(?:客户|用户)|"
                           r"(?:VIP|重点|重要|签约|合约|协议|大|普通|会员)(?:客户|用户)"),
    # 7天退货、15天换货、一年保修: a return or exchange window is not the repair warranty
    "remedy": compile_filtered(r"(?<!不)(?<!不能)(?<!不可)(?<!不予)(?:包退|退货|退换|可退|包换|换货|更换|调换|包修|维修|修理)"),
    # (每月电话回访1次，每季度上门回访1次: two ways of visiting, two schedules)
    "mode": compile_filtered(r"(远程|电话|在线|线上|现场|上门)(?=(?:给予|作出|做出|进行|提供)?(?:响应|答复|回复|解决|支持|诊断|处理|指导|回访))"),
    # the service a schedule is for, when it is not the hotline itself (远程技术支持5×8小时, 现场服务5×8小时)
    "service": compile_filtered(r"(远程|在线|线上|现场)(?:技术)?(?:支持|服务|值守|诊断|指导)"),
    # repair category and time of day: tiers of one kind (小修2小时、大修24小时; 非工作时间1小时到达)
    "category": compile_filtered(r"小修|中修|大修|急修|更换(?:电子板|主板|控制板|电路板)|道路救援"),
    # hours of the day written as a clock range (工作日8:00-18:00内 … 其余时间1小时内) are a tier too
    "time": compile_filtered(r"非工作时间|工作时间|法定节假日|节假日|夜间|非工作日|休息日|双休日|其余时间|其他时间"
                             r"|(?:工作日)?\d{1,2}:\d{2}(?:-|~|～|至|到)\d{1,2}:\d{2}"),
    # the lot of a tender a bid answers (第一包, 第2标段, 包组3): each lot has its own terms
    "lot": compile_filtered(LOT_PATTERN),
}
_REGION_WORD_RE = re.compile(_REGION_WORDS)
_REGION_CANON = {
    **dict.fromkeys(("主城区", "市区", "市内", "城区", "本市", "同城", "市辖区"), "市区"),
    **dict.fromkeys(("省内", "本省"), "省内"),
    **{word: "省内" for word in ("省内各区县", "省内各市县", "省内各地市", "省内各地区", "省内各市")},
    **dict.fromkeys(("省外", "外省", "外地", "异地", "远郊"), "省外"),
    **dict.fromkeys(("市区外", "城区外", "市外", "外市", "外县"), "市外"),
    "偏远地区": "偏远地区",  # a tier of its own beside 省外 (省外48小时、偏远地区72小时)
    **dict.fromkeys(("郊区", "郊县", "县区", "区县"), "郊县"),
    **dict.fromkeys(("乡镇", "农村"), "乡镇"),
    **dict.fromkeys(("其他地区", "其他区域"), "其他地区"),
}
WHOLE_UNIT = "主机"  # the component qualifier of the whole unit (整机, 整车 …)
_COMPONENT_CANON = {
    **dict.fromkeys(("主机", "整机", "设备主体", "主体设备", "整车"), WHOLE_UNIT),
    **dict.fromkeys(("配件", "零部件", "附件", "易损件", "外设"), "配件"),
    **dict.fromkeys(("动力电池", "电池"), "电池"),
}
_SEVERITY_CANON = {"1级": "一级", "2级": "二级", "3级": "三级", "4级": "四级", "5级": "五级",
                   "I级": "一级", "Ⅰ级": "一级", "II级": "二级", "Ⅱ级": "二级", "III级": "三级", "Ⅲ级": "三级",
                   "IV级": "四级", "Ⅳ级": "四级"}


def canonical_qualifier(dimension: str, match: re.Match[str]) -> str:
    word = next((g for g in match.groups() if g), match.group()) if match.groups() else match.group()
    if dimension == "severity":
        return _SEVERITY_CANON.get(word, word)
    if dimension == "region":
        if match["km_to"]:
            return f"{match['km_from']}-{match['km_to']}公里"
        if match["km"]:
            return f"{match['km']}公里{'以内' if match['side'] in ('以内', '之内', '范围内', '内') else '以外'}"
        if match["places"]:  # 城东区、城西区: the names, or the tier word they are (郊县：)
            return _REGION_CANON.get(word, word)
        if match["area"]:  # 北京、天津周边区域: the phrase itself, or the region word inside it
            inner = _REGION_WORD_RE.search(word)
            return _REGION_CANON.get(inner.group(), inner.group()) if inner else re.sub(r"范围内?$", "", word)
        return _REGION_CANON.get(word, word)
    if dimension == "component":
        return _COMPONENT_CANON.get(word, word)
    if dimension == "phase":
        inside = word.endswith(("内", "间"))
        return "质保期内" if inside else "质保期外"
    if dimension == "condition":
        return "必要时" if word in ("必要时", "如有必要", "确有必要", "如有需要") else "特殊情况"
    if dimension == "time":
        return time_of_day(word)
    if dimension == "lot":  # 第一包 and 第1包 are one lot
        return lot_name(match)
    if dimension in ("mode", "service"):
        return "现场" if word in ("现场", "上门") else "远程"
    return word
