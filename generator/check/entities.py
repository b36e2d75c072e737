"""Company names, the bidder and the purchaser as a document names them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.check.facts import facts
from generator.text.document import Block, Document

_SUFFIX = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司)(?:[\u4e00-\u9fff]{2,8}分公司)?")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff()A-Za-z0-9]")
PLACES = re.compile(
    "北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    "云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|深圳|广州|苏州|杭州|南京|武汉|成都|西安|郑州|长沙|"
    "青岛|大连|宁波|厦门|济南|沈阳|哈尔滨|长春|合肥|福州|南昌|昆明|贵阳|南宁|石家庄|太原|呼和浩特|兰州|西宁|银川|"
    "乌鲁木齐|拉萨|海口|无锡|佛山|东莞|珠海|温州|烟台|潍坊|徐州|常州|南通|扬州|绍兴|嘉兴|台州|金华|泉州|漳州|中山|"
    "惠州|江门|汕头|洛阳|襄阳|宜昌|株洲|湘潭|绵阳|宜宾|桂林|柳州|遵义|唐山|保定|邯郸|廊坊|秦皇岛|包头|大庆|鞍山|"
    "淄博|临沂|济宁|泰安|威海|日照|芜湖|蚌埠|赣州|九江|昆山|江阴|义乌|慈溪|余姚")
_LEAD_CHARS = set("与由向致是为经被对和及或并即如若把给同跟从在以将请")
_LEAD_WORDS = ("我公司", "本公司", "贵公司", "委托", "授权", "代表", "选择", "联系", "通知", "签订", "签署", "其中",
               "包括", "原厂", "厂家", "制造商")
_GENERIC = {"相关", "其他", "有关", "该", "本", "各", "某", "原", "母", "子", "分", "总", "合作", "关联", "物流", "快递",
            "保险", "运输", "第三方", "专业", "供货", "生产", "制造", "贵", "我", "上述", "下属", "控股", "参股"}
# Text right before a company name that makes it a manufacturer or partner, not the bidder.
_PARTNER_WORDS = r"原厂|制造商|生产企业|生产厂家|生产商|厂商|厂家|品牌|授权|代理|经销|合作伙伴|分包"
_PARTNER_BEFORE = re.compile(rf"(?:{_PARTNER_WORDS})[^。;]{{0,12}}$")
_PARTNER_HEADER = re.compile(_PARTNER_WORDS)  # a table column of makers, authorising companies, subcontractors


@dataclass(frozen=True)
class CompanyMention:
    name: str  # normalised
    block: Block
    start: int
    end: int


def _trim(run: str) -> str:
    place = PLACES.search(run)
    if place:
        return run[place.start():]
    for word in _LEAD_WORDS:
        index = run.rfind(word)
        if index != -1:
            run = run[index + len(word):]
    positions = [i for i, ch in enumerate(run) if ch in _LEAD_CHARS]
    for position in reversed(positions):
        if len(run) - position - 1 >= 4:
            return run[position + 1:]
    return run


def company_names(block: Block) -> list[CompanyMention]:
    return [CompanyMention(name, block, start, end) for name, start, end in facts(block).names]


def names_in(text: str) -> tuple[tuple[str, int, int], ...]:
    """The company names in a normalised text (kept in its check/facts record)."""
    found: list[tuple[str, int, int]] = []
    for match in _SUFFIX.finditer(text):
        start = match.start()
        while start > 0 and match.start() - start < 30 and _NAME_CHAR.match(text[start - 1]):
            start -= 1
        run = text[start:match.start()]
        core = _trim(run)
        core = core.lstrip("()")
        if len(core) < 2 or core in _GENERIC or core.startswith(("本", "我", "贵", "该", "各")):
            continue
        name_start = match.start() - len(core)
        found.append((core + match.group(), name_start, match.end()))
    return tuple(found)


def core_of(name: str) -> str:
    """北京华辰智联科技有限公司 → 华辰智联科技: the part that identifies a company."""
    core = _SUFFIX.sub("", name)
    place = PLACES.match(core)
    core = core[place.end():] if place else core
    core = re.sub(r"^[市省区县]", "", core)
    return re.sub(r"^\([^)]*\)|\([^)]*\)$", "", core) or name


def same_company(name: str, allowed: list[str]) -> bool:
    core = core_of(name)
    for other in allowed:
        other_core = core_of(other)
        if len(other_core) >= 2 and len(core) >= 2 and (other_core in core or core in other_core):
            return True
        if other and (other in name or name in other) and len(min(other, name, key=len)) >= 4:
            return True
    return False


def partner_context(mention: CompanyMention, document: Document) -> bool:
    """Named as a maker, an authorising company, an agent or a subcontractor: by the words just before
    it, or by the header of its table column (生产企业、授权单位)."""
    if _PARTNER_BEFORE.search(mention.block.norm[:mention.start]):
        return True
    cell = mention.block.cell
    if cell is None or cell.row == 0:
        return False
    header = document.header_texts(cell)
    return cell.col < len(header) and bool(_PARTNER_HEADER.search(header[cell.col]))


def partners(document: Document, mentions: list[CompanyMention]) -> set[str]:
    """Companies the document names as partners somewhere: once introduced (a maker in the table of
    authorisations), every other mention of them is the same partner."""
    return {m.name for m in mentions if partner_context(m, document)}


_BIDDER_SLOT = re.compile(
    r"(?:投标人|投标单位|投标方|供应商|承诺单位|响应人|报价人|申请人|承诺人)(?:名称|全称)?"
    r"(?:\((?:盖章|公章|签章|盖单位章|单位公章|单位盖章|签字盖章)\))?:")
_SHORT_FOR = re.compile(r"\(以下简称[“\"]?(?:我公司|我方|本公司|我单位|投标人)")
_PURCHASER_SLOT = re.compile(r"(?:^|[\n。;])(?:致|采购人|采购单位|招标人|招标单位|采购方|甲方)(?:名称)?:(?P<name>[^,;。\n:]{2,40})")


def infer_bidder(document: Document, companies: list[CompanyMention]) -> str | None:
    """The company the document speaks for: named in a bidder slot or before （以下简称“我公司”）;
    when several, the one named most often, then the last (the signature block)."""
    slotted: list[CompanyMention] = []
    for mention in companies:
        before = mention.block.norm[:mention.start]
        after = mention.block.norm[mention.end:]
        if _BIDDER_SLOT.search(before[-20:]) and before.rstrip().endswith(":") or _SHORT_FOR.match(after):
            slotted.append(mention)
    if not slotted:
        return None
    counts = Counter(m.name for m in companies)
    order = {m.name: i for i, m in enumerate(slotted)}
    return max(order, key=lambda name: (counts[name], order[name]))


def infer_purchaser(document: Document) -> str | None:
    for block in document.blocks:
        match = _PURCHASER_SLOT.search(block.norm)
        if match:
            return match["name"].strip()
    return None
