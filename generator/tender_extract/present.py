"""Requirements stated without a number: 须提供备用设备, 储存原厂备件, 立即响应, 建立维修档案.

Each kind has the phrasings that ask for it as such (the bound is “present”: the bidder must
promise it). They are tried on a sentence in its plain form (Simplified, half-width), for the kinds
the sentence did not already give a value for. A phrasing that only names the kind in passing
(“质保期内…”, “维修人员”) is not one of them.
"""

from __future__ import annotations

import re

from generator.core.kinds import (
    BACKUP_EQUIPMENT,
    COMPLAINT_RESPONSE,
    DELIVERY,
    HOTLINE,
    INSPECTION,
    ONSITE_ARRIVAL,
    RECORDS_RETENTION,
    RESOLUTION,
    RESPONSE,
    RETURN_VISIT,
    SOFTWARE_UPGRADE,
    SPARE_PARTS,
    TRAINING,
    WARRANTY,
)

_ANY = r"[^。；;!?]"  # within the sentence

# kind → phrasings, each a regular expression on the plain sentence
PHRASINGS: dict[str, tuple[str, ...]] = {
    RESPONSE: (r"(?:立即|即时|马上)(?:作出|做出|给予)?响应", r"响应" + _ANY + r"{0,4}(?:立即|即时)"),
    ONSITE_ARRIVAL: (r"(?:立即|即时|马上|尽快)" + _ANY + r"{0,8}(?:到场|到达现场|赶到现场|赶赴现场|到现场)",
                       r"(?:规定|约定|要求)的?时间(?:内)?" + _ANY + r"{0,4}(?:到达|赶到|抵达)现场"),
    RESOLUTION: (r"(?:规定|约定|要求)的?时间内" + _ANY + r"{0,6}(?:解决|修复|排除)",),
    BACKUP_EQUIPMENT: (r"(?:提供|配备|配置|安排)" + _ANY + r"{0,6}(?:备用(?:设备|机|产品|车辆)|备机|周转(?:设备|机))",
                         r"对备用设备进行"),
    SPARE_PARTS: (r"(?:储存|储备|库存|备有|提供)" + _ANY + r"{0,8}(?:备品备件|备件|备品)",),
    HOTLINE: (r"(?:提供|设立|开通|设置)" + _ANY + r"{0,12}(?:技术|服务|咨询|热线|售后)电话",
                r"电话(?:咨询|支持)(?:服务)?", r"通过服务电话", r"(?:在线|远程)" + _ANY + r"{0,8}技术支持(?!的?(?:响应|到场|到达|处理|解决))"),  # not 远程技术支持响应时间≤0.5h
    TRAINING: (r"(?:提供|负责|组织|免费|开展|进行)" + _ANY + r"{0,12}培训",
                 r"培训(?:甲方|采购人|用户|使用|操作|管理|技术|相关)",
                 r"指导" + _ANY + r"{0,16}(?:使用|操作)"),
    SOFTWARE_UPGRADE: (r"免费" + _ANY + r"{0,6}升级", r"终身" + _ANY + r"{0,4}升级", r"升级服务|进行升级(?!改造)",
                         r"(?:协助|负责|提供|免费|定期|及时)" + _ANY + r"{0,24}(?:软件|硬件|系统)的?(?:升级|更新)",
                         r"更新" + _ANY + r"{0,8}(?:补丁|病毒|版本)", r"同步" + _ANY + r"{0,8}更新"),
    RETURN_VISIT: (r"定期回访|回访制度|进行回访",),
    INSPECTION: (r"定期" + _ANY + r"{0,8}(?:巡检|巡查|检查|维护保养|保养|检测)",
                   r"季节性" + _ANY + r"{0,6}(?:检测|检查|保养)",
                   r"(?:半月|月度|季度|半年|年度)维保" + _ANY + r"{0,16}项目",
                   r"第三方" + _ANY + r"{0,8}检测(?!报告)", r"每(?:日|天)" + _ANY + r"{0,4}(?:检查|巡检|巡查)"),
    RECORDS_RETENTION: (r"建立" + _ANY + r"{0,10}(?:档案|台账)", r"填写" + _ANY + r"{0,12}(?:记录表|记录|台账)",
                          r"(?:保留|保存|存档|归档)" + _ANY + r"{0,16}(?:档案|记录)", r"存档备查|留档备查"),
    COMPLAINT_RESPONSE: (r"(?:建立|设立|设置|开通)" + _ANY + r"{0,10}(?:投诉|意见|反馈)" + _ANY + r"{0,8}(?:渠道|机制|制度)",),
    DELIVERY: (r"按时" + _ANY + r"{0,8}(?:供货|交货|送货|配送)",),
    WARRANTY: (r"终身" + _ANY + r"{0,4}(?:质保|保修)",),
}
_COMPILED = {kind: [re.compile(p) for p in patterns] for kind, patterns in PHRASINGS.items()}
# the bidder training its own staff (岗前培训, 对保安员进行培训) is not training the purchaser
_NOT = {TRAINING: re.compile(r"(?:岗前|上岗|入职|在岗|员工|保安员?|保洁员?|从业人员|工作人员|服务人员|队员|乙方人员)"
                               + _ANY + r"{0,6}培训|培训" + _ANY + r"{0,6}(?:员工|保安|保洁|从业人员|队员)")}

# A warranty whose length is set by a rule, not a number: 不低于国家“三包”规定, 按厂家标准执行.
RELATIVE_WARRANTY = re.compile(r"(?:质保|保修|质量保证期)" + _ANY + r"{0,12}?(?:不得?低于|不能低于|不少于|按|执行)"
                               + _ANY + r"{0,30}(?:规定|标准|三包)")


def relative_bound(plain: str, kind: str) -> str | None:
    """The bound of a requirement whose limit is a rule the sentence names (质保期不得低于“三包”规定,
    按厂家统一标准执行): at least what the rule gives; None for any other, and when a phrasing without a
    limit (终身质保) comes first."""
    relative = RELATIVE_WARRANTY.search(plain) if kind == WARRANTY else None
    if relative is None:
        return None
    plain_phrasings = [m.start() for p in _COMPILED[WARRANTY] for m in [p.search(plain)] if m]
    return "at_least" if not plain_phrasings or relative.start() < min(plain_phrasings) else None


def present_kinds(plain: str) -> list[tuple[str, int]]:
    """(kind, position of the phrasing) for each kind the sentence asks for without a number."""
    found = []
    for kind, patterns in _COMPILED.items():
        positions = [m.start() for p in patterns for m in [p.search(plain)] if m]
        if positions and not (kind in _NOT and _NOT[kind].search(plain)):
            found.append((kind, min(positions)))
    if RELATIVE_WARRANTY.search(plain) and not any(k == WARRANTY for k, _ in found):
        found.append((WARRANTY, RELATIVE_WARRANTY.search(plain).start()))  # type: ignore[union-attr]
    return sorted(found, key=lambda item: item[1])
