"""What a clause body can use: the tender, the bidder, the product type and the commitments."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from generator.core.kinds import KINDS, SHELF_LIFE, WARRANTY
from generator.core.numerals import parse_chinese_int
from generator.core.quantities import Quantity
from generator.core.sectors import sector_of
from generator.models.parties import CAPABILITY_LABELS, Bidder, Outlet, ProductType, TeamMember
from generator.models.tender import SupplyItem, Tender
from generator.models.tiers import parse_tier, tier_words
from generator.render.rota import rota_rows
from generator.resolve.commitments import Commitments, Deviation, Resolved, usual_start, worst_value
from generator.resolve.presence import (
    Nearest,
    base_of,
    in_outlet_city,
    nearest_outlet,
    reached_within_city_tier,
    resident_members,
    total_training_hours,
)


class KindView:
    """One commitment kind inside a template: `{{ c.response }}`, `{{ c.onsite_arrival.市区 }}`,
    `{{ c.resolution.within }}` (“小修2小时内、大修24小时内”), `{{ c.warranty.starts }}`."""

    def __init__(self, resolved: Resolved, label: str, usual_start: str) -> None:
        self._resolved = resolved
        self.label = label
        self.qualified = any(q is not None for q in resolved.values)
        # what a warranty or service period counts from: the tender's event, else the trade's usual one
        self.starts = resolved.starts or usual_start
        self.replant_within = resolved.replant_within  # 成活率: dead plants replaced within this
        self.remedy = "补植" if KINDS[resolved.kind].replant else ""  # what the replacement is called
        self.floor = KINDS[resolved.kind].floor  # stated after 不少于 (core/kinds.py)
        # the first tier's qualifier (市区 of 市区2小时、省内6小时), "" for an untiered value
        self.first_region = (next(iter(resolved.values)) or "") if self.qualified else ""
        self.tier_count = len(resolved.values)  # 1 when a local site keeps only the city tier (presence.for_site)

    def __str__(self) -> str:
        return self._resolved.describe()

    def __getitem__(self, qualifier: str) -> Quantity:
        return self._resolved.values[qualifier]

    def __getattr__(self, qualifier: str) -> Quantity:
        if qualifier.startswith("_"):
            raise AttributeError(qualifier)
        try:
            return self._resolved.values[qualifier]
        except KeyError:
            raise AttributeError(qualifier) from None

    def items(self) -> Iterator[tuple[str, Quantity]]:
        for qualifier, value in self._resolved.values.items():
            yield qualifier or "", value

    @property
    def within(self) -> str:
        """The promise before a verb: “24小时内”, “市区30分钟内、省内2小时内”."""
        return "、".join(f"{q or ''}{v}内" for q, v in self._resolved.values.items())

    @property
    def worst(self) -> Quantity:
        """The longest value: the promise that holds in every case."""
        return worst_value(self._resolved)


@dataclass(frozen=True)
class FaultRow:
    level: str
    name: str
    examples: str
    response: Quantity
    onsite_arrival: Quantity | None
    resolution: Quantity


class DeviationRow:
    """A 偏离表 row as a clause sees it: the Deviation, plus `response`, what is offered named in the
    product's own words (“保修期：3年”, “到达现场时间：市区2小时”), so the cell reads on its own."""

    def __init__(self, deviation: Deviation, label: str) -> None:
        self._deviation = deviation
        self.response = f"{label}：{deviation.offered_text}" if deviation.compared else deviation.offered_text
        if deviation.compared and deviation.requirement.kind == SHELF_LIFE:
            # as the shelf-life clause says: the label governs each product, the figure is the floor of all
            self.response = f"{label}以产品标签标示为准，均不少于{deviation.offered_text}"
        elif deviation.compared and KINDS[deviation.requirement.kind].floor:
            self.response = f"{label}不少于{deviation.offered_text}"
        offered = deviation.offered
        asked = deviation.requirement.starts or getattr(offered.values if offered else None, "starts", None)
        if deviation.compared and offered is not None and offered.starts and asked:
            self.response += f"，自{offered.starts}起计算"
        if deviation.compared and offered is not None and offered.replant_within:
            self.response += f"，未成活部分{offered.replant_within}内免费补植"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._deviation, name)


def kind_label(kind: str, product: ProductType) -> str:
    return KINDS[kind].label_for(product)


# 暗标: what a clause prints in place of each identifying field of the bidder profile. The
# sentences around these fields still read: “投标人（以下简称“我公司”）认为”, “服务热线
# （中标后书面告知）”, “寄送至我公司注册地址”, “由售后服务中心受理”; table cells show 略.
ANONYMOUS_WORDING = {
    "legal_name": "投标人",
    "short_name": "我公司",
    "legal_representative": "本人",
    "address": "我公司注册地址",
    "hotline": "（中标后书面告知）",
    "email": "（中标后书面告知）",
    "service_center": "售后服务中心",
    "credit_code": "略",
}
ANONYMOUS_CELL = "略"


def anonymous_bidder(bidder: Bidder) -> Bidder:
    """The bidder as a 暗标 shows it: neutral wording for every field that names or locates it or its
    people; counts, roles, qualifications, cities and the commitments stay."""
    return bidder.model_copy(update={
        **ANONYMOUS_WORDING,
        "letterhead": None,
        "outlets": [o.model_copy(update={"address": ANONYMOUS_CELL, "phone": ANONYMOUS_CELL}) for o in bidder.outlets],
        "team": [m.model_copy(update={"name": ANONYMOUS_CELL}) for m in bidder.team],
        "certificates": [c.model_copy(update={"number": ANONYMOUS_CELL}) for c in bidder.certificates],
        "authorisations": [a.model_copy(update={"letter": ANONYMOUS_CELL}) for a in bidder.authorisations],
        "warehouses": [w.model_copy(update={"name": _neutral_name(w.name, bidder), "address": _city_of(w.address)})
                       for w in bidder.warehouses],
        # issue 21: a cooperating store's name and phone would point to its partner; counts and townships stay
        "service_points": [p.model_copy(update={"name": ANONYMOUS_CELL, "phone": ANONYMOUS_CELL})
                           for p in bidder.service_points],
    })


def _neutral_name(name: str, bidder: Bidder) -> str:
    """鲁禾生态寿光农资仓库 → 我公司寿光农资仓库; a name without the bidder's (a contracted warehouse) stays."""
    for own in (bidder.legal_name, bidder.short_name):
        if own and own in name:
            return "我公司" + name.replace(own, "")
    return name


_CITY = re.compile(r"^(?:.{2,8}?(?:省|自治区))?.{2,8}?(?:市|州|盟|县)")


def _city_of(address: str) -> str:
    """The province and city of an address (山东省寿光市): where the stock is, not whose premises."""
    match = _CITY.match(address)
    return match.group() if match else ANONYMOUS_CELL


def identifying_strings(bidder: Bidder) -> list[str]:
    """Every string of the profile that identifies the bidder (what a 暗标 must not contain)."""
    values = [bidder.legal_name, bidder.short_name, bidder.credit_code, bidder.legal_representative,
              bidder.address, bidder.hotline, bidder.email, bidder.service_center]
    values += [v for o in bidder.outlets for v in (o.address, o.phone)]
    values += [m.name for m in bidder.team]
    values += [c.number for c in bidder.certificates]
    values += [a.letter for a in bidder.authorisations]
    values += [w.address for w in bidder.warehouses]
    return list(dict.fromkeys(v for v in values if v))


@dataclass(frozen=True)
class Staffing:
    """Where the shown team is based (`based_at`), for the staffing table and the sentence after it: `bases` is
    each member's 常驻地点 in the table's order ("" where the profile does not say; no column when none says),
    `local` the members based at the outlet serving the site, `elsewhere` how many are based at each other place,
    `unbased` how many have no base given."""

    bases: tuple[str, ...] = ()
    local: int = 0
    elsewhere: tuple[tuple[str, int], ...] = ()
    unbased: int = 0

    @property
    def shown(self) -> bool:
        return any(self.bases)


UNBASED_CELL = "由调度中心调派"


def staffing_of(bidder: Bidder, shown: Bidder, product: ProductType, nearest: Nearest | None) -> Staffing:
    """`bidder` is the team this proposal shows; `shown` the same as printed (暗标: the service centre's neutral
    name). An outlet is named as every section names it (云泽服务网点); cities stay in a 暗标 as the outlet
    table keeps them."""
    labels = []
    for member in bidder.team:
        base = base_of(bidder, member)
        if isinstance(base, Outlet):
            labels.append(f"{base.city}{product.outlet_word}")
        elif base is not None:
            labels.append(shown.service_center)
        else:
            labels.append("")
    local_label = f"{nearest.outlet.city}{product.outlet_word}" if nearest else None
    counts: dict[str, int] = {}
    for label in labels:
        if label and label != local_label:
            counts[label] = counts.get(label, 0) + 1
    return Staffing(tuple(labels), sum(1 for label in labels if label and label == local_label),
                    tuple(counts.items()), sum(1 for label in labels if not label))


@dataclass(frozen=True)
class SupplyRow:
    """One row of the 供货范围 table as printed: `quantity` already written out (12, 2.5)."""

    name: str
    model: str
    quantity: str
    unit: str
    note: str
    registration: str
    # issue 21 (second read): the goods' class in the type's `goods_classes` and where its registration number is
    # given (农药（杀菌剂）, 农药登记证); both "" where the type has no classes or the name fits none
    category: str = ""
    certificate: str = ""
    checks: str = ""  # third read: what its arrival sample is tested for, from its class; "" for none


@dataclass(frozen=True)
class Supply:
    """The tender's `items` for a clause: `{% if supply %}`, `{% for r in supply.rows %}`, and
    `supply.count` (“12辆车”, “6台电梯”) and `supply.total` (“12”) when every row is counted in the type's own measure word —
    else "" and the text says 每辆 / 每台 as without items."""

    rows: tuple[SupplyRow, ...] = ()
    count: str = ""
    total: str = ""  # the number alone (“12”), for “合计12辆”; "" when `count` is
    notes: bool = False  # some row has a 备注: the table gets the column
    registrations: bool = False  # some row has a 注册证编号: the table gets the column

    def __bool__(self) -> bool:
        return bool(self.rows)


def supply_of(tender: Tender, product: ProductType, bidder: Bidder, anonymous: bool) -> Supply:
    """暗标: the goods' names and models stay (what is offered is not who offers it, as a manufacturer
    named in an authorisation stays); a cell that contains anything identifying the bidder (its own
    brand, when it makes what it supplies) shows 略 like the profile's other identifying cells."""
    hidden = identifying_strings(bidder) if anonymous else []

    def shown(text: str) -> str:
        return ANONYMOUS_CELL if any(value in text for value in hidden if len(value) >= 2) else text

    def row(item: SupplyItem) -> SupplyRow:
        kind = product.goods_class(item.name)
        return SupplyRow(shown(item.name), shown(item.model), item.quantity_text, item.unit, shown(item.note),
                         item.registration, kind.category if kind else "", kind.certificate if kind else "",
                         kind.checks if kind else "")

    rows = tuple(row(i) for i in tender.items)
    total = ""
    if tender.items and all(i.unit == product.measure_word for i in tender.items):
        units = sum(i.quantity for i in tender.items)
        if units == int(units):
            total = str(int(units))
    # a type with goods classes states the registrations in its own per-product table, by each item's class
    return Supply(rows, f"{total}{unit_noun(product)}" if total else "", total, any(r.note for r in rows),
                  any(r.registration for r in rows) and not product.goods_classes)


def answer_label(deviation: Deviation, product: ProductType) -> str:
    """The 投标响应 names what is offered in the requirement's terms: its own word for the kind
    (保修期, 维保期), led by the words of its tier the offered values do not repeat
    (道路救援 → “道路救援到达现场时间：市区1小时”)."""
    requirement = deviation.requirement
    text = requirement.original or requirement.text
    kind = KINDS[requirement.kind]
    term = next((t for t in kind.names if t in text), None)
    if term and kind.type == "frequency":  # 维护保养 → 维护保养频次
        term += "频次"
    elif term and kind.type == "duration" and not term.endswith(("期", "期限")):  # 免费运维 → 免费运维期
        term += "期"
    label = term or kind_label(requirement.kind, product)
    stated = set().union(*(parse_tier(q) for q, _ in deviation.compared)) if deviation.compared else set()
    extra = [word for _, word in tier_words(parse_tier(requirement.qualifier) - stated)]
    return "".join(extra) + label


def starred_first(deviations: list[Deviation]) -> list[Deviation]:
    """The 偏离表 lists ★ (pass/fail) items first, then the others in the tender's order."""
    return sorted(deviations, key=lambda d: d.requirement.mark != "★")


def for_product(bidder: Bidder, product: ProductType) -> Bidder:
    """The bidder as this product type's proposal shows it: only the people and certificates
    declared for the type or one of its capabilities (or for every proposal)."""
    return bidder.model_copy(update={
        "team": [m for m in bidder.team if product.wants(m.serves)],
        "certificates": [c for c in bidder.certificates if product.wants(c.serves)],
        "warehouses": [w for w in bidder.warehouses if product.wants(w.serves)],
        "service_points": [p for p in bidder.service_points if product.wants(p.serves)],  # issue 21
        "authorisations": [a for a in bidder.authorisations if product.wants(a.serves)],  # issue 15 (content)
    })


# issue 15 (it-equipment): a qualification naming a maker's service certification. A proposal claims engineers
# certified by the maker only when the shown team holds one (a 华为认证HCIP network certificate is not a scanner
# or disk-array maker's certification, so it does not count).
MAKER_CERTIFIED = re.compile(r"(?:原厂|制造商|生产企业|厂商|厂家)(?:服务)?认证")


def maker_certified_roles(team: list[TeamMember]) -> list[str]:
    """The roles (never names: a 暗标 shows none) of the team members holding a maker's service certification."""
    return list(dict.fromkeys(m.role for m in team if MAKER_CERTIFIED.search(m.qualification)))


HEAD_WORDS = ("经理", "负责人", "主管")
DEFAULT_HEAD = "项目负责人"
DEFAULT_DESK = "客服专员"  # the bidder's service desk, when the project team names no one who takes requests


def team_head(team: list[TeamMember]) -> TeamMember:
    """Who leads the bidder's team for this project: the first post called 经理/负责人/主管, else the
    first member. The text, the staffing table and the organisation chart all use this post's title."""
    return next((m for m in team if any(w in m.role for w in HEAD_WORDS)), team[0])


_DUTIES = {"delivery": ("配送", "押运", "送货"), "quality": ("质量", "验收"), "safety": ("安全",),
           "guidance": ("培训", "指导"), "desk": ("受理", "客服"), "develop": ("研发", "开发", "缺陷修复"),
           "parts": ("配件", "备件", "物资", "仓储")}
# duties named by the role alone: a 项目经理 whose duties mention 备件 is still not the parts keeper
_BY_ROLE_ONLY = {"parts"}


def roles_by_duty(team: list[TeamMember]) -> dict[str, str]:
    """duty → the roles of the team doing it (配送: 仓储与配送主管), joined by 、; a duty nobody
    does is absent, so a clause names only roles the team has."""
    found: dict[str, str] = {}
    for duty, words in _DUTIES.items():
        names = list(dict.fromkeys(m.role for m in team if any(w in m.role for w in words)))
        if duty not in _BY_ROLE_ONLY:
            names = names or list(dict.fromkeys(m.role for m in team if any(w in m.duty for w in words)))
        if names:
            found[duty] = "、".join(names)
    return found


def desk_roles(team: list[TeamMember], roles: dict[str, str]) -> list[str]:
    """Who takes requests, logs them and follows them up: the team's desk (受理、客服), else the members
    (not its head) whose duties are the visits and complaints; none when the team has neither."""
    if "desk" in roles:
        return roles["desk"].split("、")
    head = team_head(team).role if team else DEFAULT_HEAD
    return list(dict.fromkeys(m.role for m in team if m.role != head and ("回访" in m.duty or "投诉" in m.duty)))


# issue 15 (it-equipment, security): the emergency plan's groups are made of the roster's posts, never of
# posts the 服务组织与人员 section does not list (物资人员, 技术骨干)
_REPAIR_WORDS = ("维修", "抢修", "修复", "故障", "诊断", "维保", "救援")
_STOCK_WORDS = ("备件", "配件", "物资")


@dataclass(frozen=True)
class EmergencyCrew:
    repair: str  # the posts forming the 抢修组 (技术支持工程师); empty when the team names none
    parts: str  # the post bringing spares and backup units (网点负责人); empty: the 抢修组 brings them itself


def emergency_crew(team: list[TeamMember], roles: dict[str, str], desk: list[str]) -> EmergencyCrew:
    """Who repairs and who brings the spares when the emergency plan starts: the members (not the team's
    head, not the desk that logs requests) whose post or duties are repair (维修、故障、诊断、维保…), and the
    parts keeper (a post named for spares, else a member other than the head whose duties manage them)."""
    head = team_head(team).role if team else DEFAULT_HEAD
    others = [m for m in team if m.role != head and m.role not in desk]
    # a post named for another duty (质量负责人, 配件主管, 安全员) is not in the repair crew, whatever its duties mention
    other_duty = [w for words in _DUTIES.values() for w in words]
    repair = list(dict.fromkeys(m.role for m in others if any(w in m.role + m.duty for w in _REPAIR_WORDS)
                                and not any(w in m.role for w in other_duty)))
    parts = roles.get("parts", "")
    if not parts:
        keepers = [m.role for m in others if any(w in m.duty for w in _STOCK_WORDS) and m.role not in repair]
        parts = "、".join(dict.fromkeys(keepers))
    return EmergencyCrew("、".join(repair), parts)


# issue 15 (it-equipment, third reading): the operating systems a tender's `platforms` names. Scanners on the
# domestic, Linux-based desktops (统信UOS, 麒麟) are driven through SANE; TWAIN and ISIS are Windows interfaces.
DOMESTIC_OS = ("统信", "UOS", "麒麟", "Kylin", "中科方德", "深度操作系统", "Deepin", "openEuler", "欧拉", "Linux")
WINDOWS_OS = ("Windows", "视窗")


class Platforms(NamedTuple):
    domestic: bool  # a domestic, Linux-based operating system is named
    windows: bool  # Windows is named, or no operating system is (the goods' factory configuration)


def platforms_of(text: str) -> Platforms:
    """What the tender's `platforms` says of the operating systems: domestic ones, Windows, or both; a text
    naming neither (empty, or a processor platform only) is read as the usual Windows configuration."""
    lowered = text.lower()
    domestic = any(word.lower() in lowered for word in DOMESTIC_OS)
    windows = any(word.lower() in lowered for word in WINDOWS_OS)
    return Platforms(domestic, windows or not domestic)


def delivery_start(tender: Tender, product: ProductType) -> str:
    """What delivery counts from: each order or call-off when the tender says so or the goods are
    consumables supplied by order, else the signing of the contract."""
    texts = [r.original or r.text for r in tender.requirements if r.kind == "delivery"]
    if any("配送通知" in t for t in texts):
        return "接到采购人配送通知之时"
    if any("订单" in t for t in texts) or product.has("consumable"):
        return "接到采购人每批订单之时"
    return "合同签订之日"


def unit_noun(product: ProductType) -> str:
    """Measure word and noun as counted: “台电梯”, but “辆车” for 车辆 (not “辆车辆”)."""
    noun = product.noun
    if len(noun) > 1 and noun.endswith(product.measure_word):
        noun = noun[:-1]
    return product.measure_word + noun


def security_grade(level: str) -> int | None:
    """The 等级保护 level a tender names as a number (第三级, 三级, 3级 → 3): clauses add what level 3 and
    above require (异地实时备份, 每年的等级测评) only where it is asked. None: not given or not read."""
    match = re.search(r"([一二三四五]|[1-5])级", level)
    if not match:
        return None
    return int(match[1]) if match[1].isdigit() else parse_chinese_int(match[1])


def tender_warranty_word(tender: Tender, product: ProductType) -> str:
    """issue 15 (fixes): the tender's own name for the warranty period, when its warranty requirement
    names one (“免费运维服务” → 免费运维期, “保修期” where the type says 质保期); the kind stays the
    warranty. A type whose period is a shelf life (保质期、有效期) keeps its word."""
    kind = KINDS[WARRANTY]
    if product.warranty_word in KINDS[SHELF_LIFE].product_word_in:
        return product.warranty_word
    for requirement in tender.requirements:
        if requirement.kind != WARRANTY:
            continue
        term = next((t for t in kind.names if t in (requirement.original or requirement.text)), None)
        if term:
            return term if term.endswith("期") else term + "期"
    return product.warranty_word


def build_context(tender: Tender, bidder: Bidder, product: ProductType, commitments: Commitments,
                  deviations: list[Deviation], anonymous: bool = False) -> dict[str, Any]:
    variants = product.variants_for_tender(tender)
    product = product.for_tender(tender)
    # issue 21 (agrochemicals): the crops the purchase is for; fifth read: they choose the rules of use
    crops = product.crops_for(f"{tender.project_name}、{tender.purchased}", tender.purchased)
    product = product.in_season(crops)
    word = tender_warranty_word(tender, product)
    if word != product.warranty_word:  # every label and section then names the period as the tender does
        product = product.model_copy(update={"warranty_word": word})
    bidder = for_product(bidder, product)
    nearest = nearest_outlet(bidder, tender.delivery_place)
    start = usual_start(product.capabilities)
    views = {kind: KindView(r, kind_label(kind, product), start) for kind, r in commitments.kinds.items()}
    faults = {f.level: f for f in product.faults}
    levels = [
        FaultRow(name, faults[name].name if name in faults else f"{name}故障",
                 faults[name].examples if name in faults else "", lvl.response, lvl.onsite_arrival, lvl.resolution)
        for name, lvl in commitments.fault_levels.items()
    ]
    summary = [(views[k].label, str(views[k])) for k in KINDS if k in views]
    roles = roles_by_duty(bidder.team)
    desk = desk_roles(bidder.team, roles)
    shown = anonymous_bidder(bidder) if anonymous else bidder
    rota = rota_rows(bidder, product, anonymous)
    return {
        "tender": tender,
        "bidder": shown,
        "anonymous": anonymous,
        "head": team_head(bidder.team).role if bidder.team else DEFAULT_HEAD,  # 项目经理, 售后服务经理
        "product": product,
        "c": views,
        "levels": levels,
        "deviations": [DeviationRow(d, answer_label(d, product)) for d in starred_first(deviations)],
        "summary": summary,
        "w": product.warranty_word,
        "noun": product.noun,
        "unit": product.measure_word,
        "unit_noun": unit_noun(product),
        "supply": supply_of(tender, product, bidder, anonymous),  # the 供货范围 (tender.items)
        "nearest": nearest,  # presence.Nearest or None: the outlet serving the delivery place
        # its name, the same in every section (临州服务网点, 湘源授权服务站); else the trade's word for one
        "outlet": f"{nearest.outlet.city}{product.outlet_word}" if nearest else f"负责本项目的{product.outlet_word}",
        "local_site": in_outlet_city(nearest, tender.delivery_place),  # every visit is within the city
        # an outlet elsewhere reaches the site within the city tier's time: visits keep the city tier
        "reached_site": product.repair_at == "site" and reached_within_city_tier(nearest, tender.delivery_place,
                                                                                 commitments),
        "platforms": platforms_of(tender.platforms),  # the operating systems named: domestic, Windows or both
        "security_grade": security_grade(tender.security_level),  # 第三级 → 3; None when not given
        "resident_staff": tender.resident_staff,
        # issue 21 (agrochemicals): the crops the purchase is for, and the township points serving the place
        "crops": crops,
        "points": [p for p in shown.service_points if p.place in tender.delivery_place],
        # the members stationed at the site, as shown (暗标: names withheld), and their hours on site
        "residents": [shown.team[bidder.team.index(m)] for m in resident_members(bidder, product, tender.resident_staff)],
        "rota": rota,  # issue 15 (it-equipment): 值班与替岗 (暗标: posts only)
        # where the shown team is based (常驻地点), and how many at the outlet serving the site
        "staffing": staffing_of(bidder, shown, product, nearest),
        "unbased_cell": UNBASED_CELL,  # the 常驻地点 of a member whose base the profile does not give
        # the shifts that register complaints: outside working hours too, someone named takes them
        "complaint_shifts": [row for row in rota if "投诉" in row.task],
        "purchaser_sector": sector_of(tender.purchaser.name),  # hospital / school / None
        "delivery_from": delivery_start(tender, product),
        "training_hours": total_training_hours(product),
        "charges": bidder.charges,
        # supplies: the warehouse holding the project's stock, and the team's roles by what they do
        "warehouse": shown.warehouses[0] if shown.warehouses else None,
        "roles": roles,
        "desk_roles": desk,  # the team's roles that take requests (the organisation section's 支持层)
        "desk": "、".join(desk) or DEFAULT_DESK,  # who answers the hotline and logs requests
        "crew": emergency_crew(bidder.team, roles, desk),  # the emergency plan's 抢修组 and parts keeper
        "penalties": bidder.penalties,
        "variant": {name: name in variants for name in product.variants},  # variant.electric
        "maker_certified": "、".join(maker_certified_roles(bidder.team)),  # empty: no claim of a maker's certification
        "has": {cap: True for cap in product.capabilities} | {
            cap: False for cap in CAPABILITY_LABELS if cap not in product.capabilities},
    }
