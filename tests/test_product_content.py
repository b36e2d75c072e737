"""Each example proposal reads as a bid for its own product type (issue 15).

Built once per session from tenders/examples/ (one tender per product type), then read back as
text, the way an evaluator or the checker sees it:
- no other product type's vocabulary, and no wording that only fits equipment repaired on site;
- the people, certificates and outlet shown are the ones the type needs;
- the sentences two product types' proposals share stay a minority.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from generator.check.extract import extract
from generator.load.project import load_inputs
from generator.pipeline.build import BuildOptions, build
from generator.render.context import identifying_strings
from generator.resolve.commitments import proposal_layers, resolve_commitments
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "tenders" / "examples").glob("*.yaml"))

# Boilerplate of repaired equipment that no proposal may carry any more (it read wrong for vehicles,
# elevators and PCs alike: 整台或部件 for a lift, 更换相关总成 for a PC, 更换机油 for an EV).
NEVER = ("搬运跌落", "更换相关总成", "整台或部件", "整辆或部件", "更换机油")
# Wording that only fits a product someone repairs (on site or, for software, remotely); goods that
# are installed (furniture, curtains, windows) may still be 报修'd, consumables and plants never.
REPAIR_ONLY = ("现场维修", "排除故障", "故障解决时间", "医学工程师", "备用机")
NOT_FOR_SUPPLIES = ("受理报修",)
INSTALLATION_ONLY = ("安装调试",)
# Consumables are delivered, used up and exchanged: nobody reports one broken or comes to repair it.
NOT_FOR_CONSUMABLES = ("报修", "故障", "维修工程师", "维修人员", "整台", "上门维修", "备件")


def variant_group(capabilities: list[str]) -> str:
    """The clause variant family a product type draws on (the five groups of the clause library)."""
    for capability, group in (("onsite_repair", "equipment"), ("software", "software"),
                              ("construction", "works"), ("consumable", "consumable")):
        if capability in capabilities:
            return group
    return "goods"


class Proposal:
    def __init__(self, tender: Path, docx: Path) -> None:
        inputs = load_inputs(tender)
        self.tender = inputs.tender.model
        self.product = inputs.product.model
        self.bidder = inputs.bidder.model
        self.document = read_document(docx)
        self.text = "\n".join(block.text for block in self.document.blocks)
        self.commitments = resolve_commitments(proposal_layers(inputs.product, inputs.bidder, inputs.tender))


@pytest.fixture(scope="module")
def proposals(tmp_path_factory) -> dict[str, Proposal]:
    out = tmp_path_factory.mktemp("types")
    result = {}
    for tender in EXAMPLES:
        built = build(tender, BuildOptions(output_root=out))
        result[tender.stem] = Proposal(tender, built.docx_path)
    return result


def test_every_product_type_has_an_example(proposals):
    products = {p.product.id for p in proposals.values()}
    assert products == {p.stem for p in (ROOT / "profiles" / "products").glob("*.yaml")}


def test_no_other_product_types_vocabulary(proposals):
    vocabularies = {p.product.id: set(p.product.vocabulary) for p in proposals.values()}
    found = []
    for name, proposal in proposals.items():
        own = vocabularies[proposal.product.id]
        allowed = own | {proposal.tender.products, proposal.tender.project_name}
        for other, words in vocabularies.items():
            if other == proposal.product.id:
                continue
            for word in words - own:
                if word in proposal.text and not any(word in a for a in allowed):
                    found.append(f"{name}: “{word}”（{other}）")
    assert not found, "方案中出现其他产品类型的用语：" + "；".join(found)


def test_no_equipment_only_wording_where_it_does_not_fit(proposals):
    found = []
    for name, proposal in proposals.items():
        caps = proposal.product.capabilities
        banned = list(NEVER)
        if "onsite_repair" not in caps and "software" not in caps:
            banned += REPAIR_ONLY
            if "installation" not in caps:
                banned += NOT_FOR_SUPPLIES
        if "installation" not in caps:
            banned += INSTALLATION_ONLY
        if "consumable" in caps and "onsite_repair" not in caps:
            banned += NOT_FOR_CONSUMABLES
        found += [f"{name}: “{phrase}”" for phrase in banned if phrase in proposal.text]
    assert not found, "方案中出现与产品类型不符的设备维修用语：" + "；".join(found)


def test_only_the_people_and_certificates_the_type_needs(proposals):
    for name, proposal in proposals.items():
        product = proposal.product.for_products(proposal.tender.products)  # vehicles:electric
        for member in proposal.bidder.team:
            shown = member.name in proposal.text
            assert shown == product.wants(member.serves), (name, member.role, member.serves)
        for certificate in proposal.bidder.certificates:
            shown = certificate.number in proposal.text
            assert shown == product.wants(certificate.serves), (name, certificate.name)


def test_each_type_has_its_own_section(proposals):
    """The section written for the type (道路救援, 困人救援, 成活率 …) is in its proposal only."""
    for name, proposal in proposals.items():
        own = [line for line in proposal.text.splitlines() if line.startswith("第") and "节" in line[:5]]
        assert len(own) >= 18, name  # the sections of the outline, the type's own among them
    assert "困人救援" in proposals["elevators"].text
    assert "道路救援" in proposals["vehicles"].text and "代步车" in proposals["vehicles"].text
    assert "补植" in proposals["landscaping"].text and "病虫害" in proposals["landscaping"].text
    assert "等级保护" in proposals["software"].text and "恢复演练" in proposals["software"].text
    assert "召回" in proposals["medical-consumables"].text and "批号" in proposals["medical-consumables"].text
    assert "安全技术说明书" in proposals["disinfection-chemicals"].text
    assert "泄漏" in proposals["disinfection-chemicals"].text


def test_the_nearest_outlet_is_named_with_its_distance(proposals):
    for name, proposal in proposals.items():
        match = re.search(r"由(\S{2,6})服务网点负责[^。]*?距(\S+?)约(\d+)公里", proposal.text)
        assert match, f"{name}: 方案未写明负责本项目的网点及其距离"
        # an outlet in the delivery city is measured to the delivery place, one elsewhere to the place's city
        assert match[2] == "服务地点" or match[2] in proposal.tender.delivery_place, name


def test_training_days_and_class_hours_agree(proposals):
    for name, proposal in proposals.items():
        match = re.search(r"集中培训(\d+)天，共(\d+(?:\.\d+)?)课时", proposal.text)
        if "training" not in proposal.product.capabilities:
            assert match is None, name
            continue
        assert match, name
        days, hours = int(match[1]), float(match[2])
        assert days * 6 <= hours <= days * 8, name


def sentences(proposal: Proposal) -> set[str]:
    """Sentences of the proposal with the names of this bid, bidder and product swapped out, so two
    proposals share a sentence when only those names differ; the bidder's addresses, phone and
    certificate numbers are data, not sentences, and drop out."""
    text = proposal.text
    names = [proposal.tender.project_name, proposal.tender.purchaser.name, proposal.tender.products,
             proposal.product.name, proposal.product.noun, proposal.product.warranty_word,
             *identifying_strings(proposal.bidder)]
    for word in sorted(names, key=len, reverse=True):
        text = text.replace(word, "〇")
    parts = (part.strip(" •，、：") for part in re.split(r"[。；！？\n]", text))
    # figure captions (图1　售后服务流程图) are labels like table headers, not sentences
    return {part for part in parts if len(part) >= 8 and not re.match(r"图\d+　", part)}


def shared_share(a: set[str], b: set[str]) -> float:
    """The share of the smaller proposal's sentences that the other proposal also contains."""
    return len(a & b) / min(len(a), len(b))


# What an evaluator of each trade looks for in the type's own section (issue 15): the words below are
# the trade's own matters, written into the section by its clause, not borrowed from the general ones.
OWN_SECTION = {
    "it-equipment": ("资产与数据安全", ("系统镜像", "介质", "网络拓扑", "数据清除", "不间断电源")),
    "security-systems": ("录像数据安全", ("硬盘录像机", "摄像机", "存储容量", "联网", "时钟同步", "门禁")),
    "hvac-solar": ("季节运行保障", ("制冷剂", "集热管", "化霜", "防冻", "季节")),
    "lighting": ("光衰", ("驱动电源", "防护等级", "光衰", "单灯控制器", "播放")),
    "lab-instruments": ("计量校准", ("期间核查", "校准", "色谱柱", "标准物质", "审计追踪")),
    "medical-equipment": ("临床保障", ("医学工程科", "预防性维护", "计量", "不良事件", "后备电池")),
    "industrial-equipment": ("精度保持", ("润滑", "停机", "关键备件", "液压油", "参数")),
    "office-furniture": ("环保指标", ("五金件", "甲醛释放量", "调平", "气压棒", "防倾倒")),
    "textiles": ("面料指标", ("色牢度", "缩水", "面料批次", "阻燃", "封样")),
    "doors-windows": ("气密水密", ("密封胶条", "门窗五金", "气密", "水密", "淋水试验")),
}


# Pairs of types that draw on the same clause variants (equipment, works …) still share their general
# sections (organisation, complaints, liability, confidentiality …) and, where one bidder serves both,
# its people, outlets and charges; the ceilings below keep that from growing. Types whose own section
# carries the trade's fault table, site conditions, acceptance tests, emergencies and part checks
# (OWN_SECTION) came down from 70–84 % to under 70 % against each other; the elevators' pairs are the
# highest left in the equipment group, the consumables' have not been reworked yet.
SAME_VARIANT_CEILING = {"equipment": 0.74, "goods": 0.70, "works": 0.60, "consumable": 0.85, "software": 0.85}
TYPE_SECTION_CEILING = 0.70


def test_proposals_of_different_types_share_less_than_half(proposals):
    texts = {name: sentences(p) for name, p in proposals.items()}
    groups = {name: variant_group(p.product.capabilities) for name, p in proposals.items()}
    too_close = []
    for a, b in itertools.combinations(sorted(texts), 2):
        share = shared_share(texts[a], texts[b])
        if groups[a] != groups[b]:
            limit = 0.5
        elif a in OWN_SECTION and b in OWN_SECTION:
            limit = TYPE_SECTION_CEILING
        else:
            limit = SAME_VARIANT_CEILING[groups[a]]
        if share >= limit:
            too_close.append(f"{a}/{b} {share:.0%}")
    assert not too_close, "两种产品类型的方案相同句子过多：" + "；".join(too_close)


@pytest.mark.parametrize("name", sorted(OWN_SECTION))
def test_the_type_section_speaks_of_the_trades_own_matters(proposals, name):
    title, words = OWN_SECTION[name]
    own = section(proposals[name], title)
    missing = [word for word in words if word not in own]
    assert not missing, (name, missing)
    # a table of the trade's common faults: symptom, cause and what is done, several rows
    table = re.search(r"\n(?:故障|问题)现象\n常见原因\n处理措施\n((?:.+\n){15,})", own)
    assert table, name
    # what is tested at acceptance and what is done first when the trade's own emergencies happen
    assert "合格判定" in own and "先期处置" in own, name


def test_the_type_sections_do_not_repeat_each_other(proposals):
    """Two types' own sections share no sentence: each is written for its trade."""
    own = {name: {s for s in sentences(proposals[name]) if s in section(proposals[name], title)}
           for name, (title, _) in OWN_SECTION.items()}
    shared = [f"{a}/{b}: {sorted(own[a] & own[b])[:3]}" for a, b in itertools.combinations(sorted(own), 2)
              if own[a] & own[b]]
    assert not shared, shared


def test_goods_profiles_reach_the_goods_clauses(proposals):
    """The goods family's spare-parts and repair clauses show the type's own stock and record fields."""
    for name in ("office-furniture", "textiles"):
        proposal = proposals[name]
        parts = section(proposal, "备品备件")
        for part in proposal.product.spare_parts_list:
            assert part.name in parts, (name, part.name)
        assert proposal.product.record_fields in section(proposal, "报修处理流程"), name


# A commitment's number belongs in the summary, the 偏离表, its own section and the 承诺书; one or two
# closely related sections may repeat it (the consumables' response table lists the supply time).
MAX_SECTIONS_STATING_A_NUMBER = 6


def test_each_number_is_stated_where_it_matters_not_everywhere(proposals):
    too_often = []
    for name, proposal in proposals.items():
        sections: dict[str, set[str]] = {}
        for mention in extract(proposal.document):
            if mention.stated:
                sections.setdefault(mention.kind, set()).add(mention.block.section.split(" > ")[0])
        too_often += [f"{name}: {kind} 见于{len(found)}节" for kind, found in sections.items()
                      if len(found) > MAX_SECTIONS_STATING_A_NUMBER]
    assert not too_often, "承诺数字重复过多：" + "；".join(too_often)


def section(proposal: Proposal, title: str) -> str:
    """The text of the section whose heading contains `title` (up to the next 第X节)."""
    match = re.search(rf"\n第[一二三四五六七八九十]+节 [^\n]*{title}[^\n]*\n(.*?)(?=\n第[一二三四五六七八九十]+节 |\Z)",
                      proposal.text[proposal.text.index("第一节", proposal.text.index("第一节") + 1):], re.S)
    assert match, title
    return match[1]


def test_fault_levels_differ_from_each_other(proposals):
    """Two fault levels with the same limits add nothing; software states its own levels too."""
    for name, proposal in proposals.items():
        limits = [(lvl.response, lvl.onsite_arrival, lvl.resolution)
                  for lvl in proposal.commitments.fault_levels.values()]
        assert len(set(map(str, limits))) == len(limits), name
    software = proposals["software"]
    assert len(software.commitments.fault_levels) >= 3
    for level in software.commitments.fault_levels.values():
        assert str(level.resolution) in section(software, "故障分级")


def test_a_resident_engineer_reads_as_such(proposals):
    software = proposals["software"]
    assert software.tender.resident_staff
    response = section(software, "故障分级")
    assert "现场支持（工作时间）" in response and "先远程诊断" in response and "驻场工程师" in response
    assert "远程诊断" in section(software, "驻场")


def test_software_security_and_backups_are_specific(proposals):
    text = section(proposals["software"], "数据保护")
    assert "等级保护" in text and "恢复演练" in text and "异地或离线介质" in text
    assert "多个周期" not in text  # a retention rule, not a vague one


def test_vehicles_lend_a_courtesy_car_and_warrant_the_traction_system(proposals):
    vehicles = proposals["vehicles"]
    assert "提供代步车时限" in vehicles.text
    assert "备用设备" not in vehicles.text and "备用品" not in vehicles.text
    assert re.search(r"三电系统\d+年或\d+万公里（以先到者为准）", vehicles.text)
    for word in ("首次保养", "道路救援", "授权服务站"):
        assert word in vehicles.text, word


@pytest.mark.parametrize("name", ["disinfection-chemicals", "agrochemicals"])
def test_chemicals_state_emergency_hours_penalties_and_hazard_papers(proposals, name):
    proposal = proposals[name]
    urgent = proposal.commitments.get("delivery").values["紧急订单"]
    assert f"紧急订单自接到需求起{urgent}内送达" in section(proposal, "应急预案")
    assert re.search(r"按该批次货款的\d+%支付违约金", section(proposal, "违约责任"))
    for word in ("安全技术说明书", "危险化学品", "泄漏", "中毒", "《危险化学品安全管理条例》"):
        assert word in proposal.text, word
    # flammable liquids (乙醇, 乳油) burn on: a fire is fought with powder, CO2 or foam, not a water jet
    fire = re.search(r"(?:起火|着火)[^。]*", proposal.text)
    assert fire and "干粉" in fire[0] and "二氧化碳" in fire[0] and "不得用直流水" in fire[0], name


def test_the_deviation_table_quotes_the_tenders_own_words(proposals):
    for name, proposal in proposals.items():
        table = section(proposal, "偏离表")
        for requirement in proposal.tender.requirements:
            own = requirement.own_bound
            if own is not None and own != str(requirement.value):
                assert f"“{own}”" in table, (name, requirement.text)
        assert "“不低于7×24小时”" not in table, name


def test_visits_and_confidentiality_fit_the_type(proposals):
    """What a return visit asks and what is kept confidential are the type's own; the service idea
    is the clause family's."""
    ideas: dict[str, set[str]] = {}
    for name, proposal in proposals.items():
        product = proposal.product
        for topic in product.visit_topics:
            assert topic in section(proposal, "回访"), (name, topic)
        for item in product.confidential:
            assert item in section(proposal, "保密"), (name, item)
        for other in proposals.values():
            if other.product.id != product.id:
                leaked = [item for item in other.product.confidential if item in proposal.text]
                assert not leaked, (name, leaked)
        idea = re.search(r"售后服务理念可以概括为“(.+?)”", proposal.text)
        assert idea, name
        ideas.setdefault(idea[1], set()).add(variant_group(product.capabilities))
    assert len(ideas) == 5 and all(len(groups) == 1 for groups in ideas.values()), ideas


# --- what an evaluator of each trade checks first (issue 15, second reading) ---------------------

def basis(proposal: Proposal) -> str:
    """The 服务依据 paragraph: the laws and standards the proposal says it is written to."""
    match = re.search(r"本方案依据[^\n]*", proposal.text)
    assert match, proposal.product.id
    return match[0]


def test_the_cited_laws_fit_the_trade(proposals):
    for name, proposal in proposals.items():
        cited = basis(proposal)
        for law in (*proposal.product.laws, *proposal.product.regulations):
            assert law in cited, (name, law)
    assert "产品质量法" not in basis(proposals["landscaping"])
    assert "产品质量法" not in basis(proposals["software"])
    assert "生产企业技术文件" not in basis(proposals["landscaping"]) + basis(proposals["software"])
    for word in ("城市绿化条例", "CJJ", "种子法"):
        assert word in basis(proposals["landscaping"]), word
    for word in ("网络安全法", "数据安全法", "GB/T 22239"):
        assert word in basis(proposals["software"]), word


def test_replanting_keeps_its_deadline_in_every_season(proposals):
    """A ★ deadline for replacing dead plants holds out of season too: container or heeled-in stock,
    never “wait for the planting season”; one word (补植) and one rule for the replanted plants."""
    proposal = proposals["landscaping"]
    text = proposal.text
    within = proposal.commitments.get("survival_rate").replant_within
    assert within is not None
    for phrase in ("适宜季节", "适宜的季节", "适种季节", "补种", "重新计算养护责任"):
        assert phrase not in text, phrase
    assert "容器苗" in text and "假植苗" in text and "不因季节推迟" in text
    assert text.count(f"{within}内") >= 3  # summary, the plants' section, the letter
    assert "养护责任延续至养护期届满" in section(proposal, "苗木成活")
    assert "补植部分的养护责任延续至养护期届满" in section(proposal, "养护期与养护范围")
    for word in ("成活率", "养护月历", "病虫害防治", "涂白"):
        assert word in text, word


def test_plants_are_not_repaired_or_supplied_like_goods(proposals):
    text = proposals["landscaping"].text
    for phrase in ("报修", "故障", "恢复正常使用", "恢复基本使用功能", "供货期", "生产企业公布价格"):
        assert phrase not in text, phrase
    assert "施工工期" in text and "树木倾斜倒伏" in section(proposals["landscaping"], "响应时限")


def test_the_deviation_table_names_a_visit_as_the_tender_does(proposals):
    """▲每月维护保养两次 is answered as 维护保养频次, ▲每周巡查 as 巡查频次: the tender's word, not 巡检."""
    for name, proposal in proposals.items():
        table = section(proposal, "偏离表")
        for requirement in proposal.tender.requirements:
            if requirement.kind != "inspection":
                continue
            row = next(line for line in table.splitlines() if requirement.text in line)
            if "巡检" not in requirement.text:
                assert "巡检频次：" not in row, (name, row)
    assert "维护保养频次：每月两次" in section(proposals["elevators"], "偏离表")
    assert "巡查频次：每周一次" in section(proposals["landscaping"], "偏离表")
    assert "免费运维期：1年" in section(proposals["software"], "偏离表")
    assert "巡检" not in proposals["elevators"].text


def test_fault_levels_take_the_time_of_their_repair_category(proposals):
    """Where resolution is tiered by repair category (小修/中修/大修), a fault level's time is one of the
    categories' times: 停梯 in 8 hours beside 中修 in 12 hours reads as two different promises."""
    checked = 0
    for name, proposal in proposals.items():
        resolution = proposal.commitments.get("resolution")
        if resolution is None or list(resolution.values) == [None]:
            continue
        tiers = {str(value) for value in resolution.values.values()}
        for level, limits in proposal.commitments.fault_levels.items():
            if limits.resolution is not None:
                assert str(limits.resolution) in tiers, (name, level, str(limits.resolution), tiers)
                checked += 1
    assert checked >= 3


def test_elevators_follow_the_maintenance_rules(proposals):
    elevators = proposals["elevators"]
    text = elevators.text
    for word in ("TSG T5002", "半月", "季度", "半年", "年度", "三角钥匙", "盘车", "定期检验", "自检报告", "维护保养频次"):
        assert word in text, word
    assert "定期维护保养" in text


def test_an_electric_car_gets_no_engine_wording(proposals):
    vehicles = proposals["vehicles"]
    assert "纯电动" in vehicles.tender.products
    for word in ("发动机", "变速箱", "机油", "燃油", "火花塞"):
        assert word not in vehicles.text, word
    for word in ("动力电池", "三电系统", "首次保养", "道路救援", "代步车", "行驶里程", "授权服务站"):
        assert word in vehicles.text, word


def test_a_fuel_car_is_warranted_and_rescued_as_one(project):
    """The same type for a petrol car: engine and gearbox, oil changes and fuel, no traction battery."""
    source = (project / "tenders" / "examples" / "vehicles.yaml").read_text(encoding="utf-8")
    assert "products: 纯电动新能源汽车" in source
    tender = project / "tenders" / "fuel-cars.yaml"
    tender.write_text(source.replace("products: 纯电动新能源汽车", "products: 燃油公务轿车（1.5T汽油）")
                      .replace("id: vehicles", "id: fuel-cars"), encoding="utf-8")
    built = build(tender, BuildOptions(output_root=project / "output"))
    text = "\n".join(block.text for block in read_document(built.docx_path).blocks)
    for word in ("发动机和变速箱", "机油滤清器", "燃油耗尽", "立即熄火", "道路救援", "代步车", "首次保养"):
        assert word in text, word
    for word in ("三电系统", "动力电池", "充电", "高压", "电量耗尽"):
        assert word not in text, word
    assert re.search(r"发动机和变速箱\d+年或\d+万公里（以先到者为准）", text)


def test_a_hybrid_car_gets_both_drivetrains(root):
    from generator.load.yamlio import load_model
    from generator.models.parties import ProductType

    loaded, problems = load_model(root / "profiles" / "products" / "vehicles.yaml", ProductType)
    assert not problems and loaded is not None
    vehicles = loaded.model
    assert vehicles.variants_for("插电式混合动力公务车") == ["fuel", "electric"]
    assert vehicles.variants_for("公务轿车") == ["fuel"]  # no drivetrain named: the default
    assert vehicles.variants_for("纯电动汽车") == ["electric"]
    hybrid = vehicles.for_products("插电式混合动力公务车")
    items = "；".join(hybrid.maintenance_items)
    assert "机油" in items and "动力电池" in items
    assert len(hybrid.maintenance_items) == len(set(hybrid.maintenance_items))


def test_scheduled_visits_are_named_as_the_trade_names_them(proposals):
    """电梯 维护保养, 绿化 巡查, 车辆 检查保养, 软件 健康检查 (done remotely first): one word per type."""
    named = 0
    for name, proposal in proposals.items():
        word = proposal.product.inspection_word
        if word:
            assert f"{word}频次" in section(proposal, "服务承诺一览表"), name
            named += 1
    assert named >= 4
    summary = section(proposals["software"], "服务承诺一览表")
    assert "远程检查为主" in summary and "上门检查" not in summary


def test_the_letter_restates_a_required_arrival_time(proposals):
    """A tender that asks for an arrival time (险情2小时内到场) finds it in the signed letter too."""
    checked = 0
    for name, proposal in proposals.items():
        if not any(r.kind == "onsite_arrival" for r in proposal.tender.requirements):
            continue
        letter = section(proposal, "承诺书")
        for qualifier, value in proposal.commitments.get("onsite_arrival").values.items():
            assert f"{qualifier or ''}{value}内" in letter, (name, qualifier, str(value))
        checked += 1
    assert checked >= 3
    assert "远程无法解决" not in section(proposals["landscaping"], "服务承诺一览表")


CONSUMABLES = ["medical-consumables", "disinfection-chemicals", "agrochemicals", "office-consumables"]


@pytest.mark.parametrize("name", CONSUMABLES)
def test_an_urgent_order_has_one_deadline_everywhere(proposals, name):
    """The emergency plan, the table of deadlines and the letter give the same hours for an urgent
    order; without an urgent tier the plan promises no figure and no vague 力争."""
    proposal = proposals[name]
    delivery = proposal.commitments.get("delivery").values
    plan = section(proposal, "应急预案")
    assert "力争" not in proposal.text
    if "紧急订单" in delivery:
        urgent = delivery["紧急订单"]
        assert f"紧急订单自接到需求起{urgent}内送达" in plan
        assert f"供货（紧急订单）\n{urgent}\n" in section(proposal, "服务响应时限")
        assert f"紧急订单{urgent}内" in section(proposal, "承诺书")
    else:
        assert "紧急订单" in plan and "最迟不晚于常规供货期" in plan


@pytest.mark.parametrize("name", CONSUMABLES)
def test_an_hour_deadline_counts_from_a_moment_not_a_day(proposals, name):
    """补货、换货 and answers within so many 小时 count 自……之时起, never 自……之日起."""
    assert not re.findall(r"之日起[^，。；\n]{0,12}\d+小时", proposals[name].text), name


@pytest.mark.parametrize("name", CONSUMABLES)
def test_the_expiry_word_is_the_trades_own(proposals, name):
    """医疗器械 and 消毒产品 are labelled with an 有效期, other supplies with a 保质期: one word throughout
    (the 偏离表 may quote a tender that says otherwise)."""
    proposal = proposals[name]
    word = proposal.product.warranty_word
    other = {"有效期": "保质期", "保质期": None}[word]
    assert f"{word}与质量保证" in proposal.text
    summary = section(proposal, "服务承诺一览表")  # no blanket shelf life: the remaining one names it
    assert f"\n{word}\n" in summary or ("shelf_life" not in proposal.commitments.kinds and f"剩余{word}" in summary)
    if other:
        text = proposal.text.replace(section(proposal, "偏离表"), "")
        assert other not in text, name
    assert word == ("有效期" if name in ("medical-consumables", "disinfection-chemicals") else "保质期")


def test_medical_consumables_state_the_near_expiry_line_as_committed(proposals):
    """近效期 is measured against the committed remaining 有效期 on arrival, in the type's own section
    as in the warranty section; 批号追溯, 召回 and 效期管理 are there, and the training the 应用培训专员
    gives has a place of its own."""
    proposal = proposals["medical-consumables"]
    assert "紧急订单" in proposal.commitments.get("delivery").values  # hospitals order for emergencies too
    remaining = str(proposal.commitments.get("remaining_shelf_life").values[None])
    own = section(proposal, "效期管理")
    assert f"到货时剩余有效期不少于{remaining}" in own and "近效期" in own
    assert f"到货时剩余有效期不少于{remaining}" in section(proposal, "有效期与质量保证")
    for heading in ("批号追溯", "效期管理", "召回与暂停使用", "临床使用培训"):
        assert re.search(rf"\n[一二三四五六七八九十]+、{heading}\n", proposal.text), heading
    assert "应用培训专员" in proposal.text and re.search(r"\n[一二三四五六七八九十]+、临床使用培训\n", proposal.text)


def test_a_role_that_trains_has_a_section_that_trains(proposals):
    """Whoever the organisation lists as training people, the proposal says where that training is."""
    for name, proposal in proposals.items():
        for member in proposal.bidder.team:
            if member.name in proposal.text and "培训" in member.duty:
                headings = re.findall(r"\n(?:第[一二三四五六七八九十]+节 |[一二三四五六七八九十]+、)([^\n]*培训[^\n]*)\n",
                                      proposal.text)
                assert headings, (name, member.role)


def test_disinfectants_are_staffed_and_handled_as_hazardous_chemicals(proposals):
    proposal = proposals["disinfection-chemicals"]
    staff = section(proposal, "服务组织与人员")
    for word in ("医学工程师", "临床", "护理", "冷链", "医疗器械"):
        assert word not in staff, word
    for word in ("危化品安全", "押运", "质量负责人"):
        assert word in staff, word
    assert "消毒药剂" not in proposal.text
    hazards = section(proposal, "危险化学品")
    for word in ("危险化学品经营许可证", "安全技术说明书", "押运", "泄漏", "误服", "吸入"):
        assert word in hazards, word
    if "乙醇" in proposal.tender.products:  # an alcohol fire is not fought with a water jet
        lines = hazards.splitlines()
        fire = next(lines[i + 1] for i, line in enumerate(lines) if "起火" in line)  # the row's second cell
        for word in ("干粉", "二氧化碳", "抗溶性泡沫", "不得用直流水"):
            assert word in fire, word


@pytest.mark.parametrize(("name", "laws"), [
    ("medical-consumables", ["《医疗器械监督管理条例》", "《医疗器械召回管理办法》"]),
    ("disinfection-chemicals", ["《危险化学品安全管理条例》", "《消毒管理办法》"]),
    ("agrochemicals", ["《危险化学品安全管理条例》", "《农药管理条例》"]),
])
def test_the_laws_cited_are_the_types_own(proposals, name, laws):
    proposal = proposals[name]
    basis = re.findall(r"\n[一二三四五六七八九十]+、服务依据\n([^\n]*)", proposal.text)[-1]  # the text, not the contents
    for law in laws:
        assert law in basis, law
    own = set(proposal.product.regulations)
    for other in proposals.values():
        if other.product.id != proposal.product.id:
            leaked = [law for law in other.product.regulations if law not in own and law in proposal.text]
            assert not leaked, (name, other.product.id, leaked)



# -- issue 15, second reading of the supplies and software proposals ---------------------------------
@pytest.mark.parametrize("name", CONSUMABLES)
def test_shelf_life_is_the_labels_and_only_a_floor_is_promised(proposals, name):
    """A mix of supplies has no one shelf life: the label governs, a figure is at most a floor for
    every product, and what is promised is the remaining life on arrival (不少于…)."""
    proposal = proposals[name]
    text = proposal.text
    assert "以产品标签" in text
    assert not re.search(r"(?:有效期|保质期)为\d", text)
    assert not re.search(r"\| (?:有效期|保质期|到货时剩余有效期|到货时剩余保质期) \| (?!不少于)", text)
    assert "以产品标签标示的生产日期起计算" not in text
    if "shelf_life" not in proposal.commitments.kinds:
        assert "统一承诺" in text


def test_medical_consumables_promise_no_blanket_shelf_life(proposals):
    assert "shelf_life" not in proposals["medical-consumables"].commitments.kinds


@pytest.mark.parametrize("name", CONSUMABLES)
def test_cold_chain_only_where_the_product_needs_it(proposals, name):
    proposal = proposals[name]
    if not proposal.product.cold_chain:
        assert "冷链" not in proposal.text and "冷藏品种" not in proposal.text


@pytest.mark.parametrize("name", CONSUMABLES)
def test_supplies_are_stocked_at_a_warehouse_and_issued_by_expiry(proposals, name):
    text = proposals[name].text
    assert "先进先出" not in text and "近效期先出" in text
    assert "网点按本项目" not in text and "抽调人员和物资" not in text
    assert "不在服务网点的办公场所存放" in text or "不存放" in text
    proposal = proposals[name]
    warehouse = next(w for w in proposal.bidder.warehouses if proposal.product.wants(w.serves))
    assert f"存放在{warehouse.name}（{warehouse.address}）" in text  # the licensed warehouse, named


def test_hazardous_stock_stays_in_its_licensed_warehouse(proposals):
    proposal = proposals["disinfection-chemicals"]
    assert proposal.product.hazardous
    warehouse = next(w for w in proposal.bidder.warehouses if proposal.product.wants(w.serves))
    assert warehouse.address in proposal.text and "带储存" in proposal.text
    assert "危险化学品不在网点之间调拨或中转" in proposal.text


@pytest.mark.parametrize("name", CONSUMABLES)
def test_exchange_is_free_not_unconditional_and_test_fees_follow_the_result(proposals, name):
    text = proposals[name].text
    assert "无条件退换" not in text
    assert "检验合格的，检验费用由我公司承担" not in text
    assert "检验合格的，检验费用由采购人承担" in text


@pytest.mark.parametrize("name", CONSUMABLES)
def test_supplies_name_only_roles_the_team_has(proposals, name):
    text = proposals[name].text
    for phrase in ("物流人员", "送货人员", "质量和物资人员", "由技术人员回电答复", "由技术人员承担定期检查", "自动转入下一种方式"):
        assert phrase not in text, phrase


@pytest.mark.parametrize("name", CONSUMABLES)
def test_safety_problems_get_the_urgent_deadline(proposals, name):
    proposal = proposals[name]
    own = next(line for line in proposal.text.splitlines() if "影响使用安全的问题：" in line)
    assert "优先安排调换" not in own
    urgent = proposal.commitments.get("delivery").values.get("紧急订单")
    if urgent is not None:
        assert f"{urgent}内送达替换批次" in own


def test_disinfectant_spills_have_an_arrival_time_and_fire_is_not_excused(proposals):
    proposal = proposals["disinfection-chemicals"]
    arrival = str(proposal.commitments.get("onsite_arrival").values[None])
    plan = section(proposal, "应急预案")
    assert "危化品安全专员" in plan and f"{arrival}内到场" in plan
    assert "不可抗力：火灾" not in proposal.text and "引起的火灾由我公司承担责任" in proposal.text


@pytest.mark.parametrize("name", CONSUMABLES)
def test_supply_sentences_read_as_sentences(proposals, name):
    text = proposals[name].text
    assert "各类订单自" not in text and "之时起常规订单" not in text
    assert not re.search(r"\n消耗类产品", text)


def test_software_is_deployed_from_delivery_and_repaired_by_named_developers(proposals):
    proposal = proposals["software"]
    text = proposal.text
    assert "部署调试完成时限" in text and "安装调试完成时限" not in text
    assert "自到货之日起" not in text
    assert "由开发人员" not in text and "研发支持工程师" in text
    for phrase in ("质量和物资人员", "位置、人员和物资情况", "抽调人员和物资"):
        assert phrase not in text, phrase


def test_software_flow_is_remote_first_and_visits_only_when_needed(proposals):
    text = proposals["software"].text
    assert "主要节点（问题受理、响应、按需到场" in text
    assert "报修受理" not in text and "排除故障" not in text


def test_software_problem_levels_show_the_arrival_the_summary_names(proposals):
    proposal = proposals["software"]
    assert "各级的响应、到场和解决时限" in proposal.text
    assert "| 到场（远程无法解决时） |" in proposal.text.replace("\n", " | ") or "到场（远程无法解决时）" in proposal.text
    arrival = proposal.commitments.get("onsite_arrival")
    response = proposal.commitments.get("response").values[None]
    assert set(arrival.values) <= {"工作时间", "非工作时间"}  # time of day, never 市区/省内 for one site
    assert all(value != response for value in arrival.values.values())  # remote diagnosis comes first


def test_software_compatibility_is_free_where_the_exclusion_does_not_reach(proposals):
    text = proposals["software"].text
    assert "兼容性适配" in text
    assert "运行环境中操作系统、第三方软件或网络条件变化引起的兼容问题" not in text


def test_software_operating_targets_and_security_level_come_from_data(proposals):
    proposal = proposals["software"]
    for target in proposal.product.service_targets:
        assert f"{target.name} | {target.value}" in proposal.text.replace("\n", " | ")
    assert {"系统可用率", "恢复时间目标（RTO）", "恢复点目标（RPO）"} <= {t.name for t in proposal.product.service_targets}
    assert proposal.tender.security_level and f"等级保护{proposal.tender.security_level}" in proposal.text


def test_software_uses_no_goods_words(proposals):
    text = proposals["software"].text
    for phrase in ("交货地点", "运输单位", "演示物品", "安装完成后", "受理报修"):
        assert phrase not in text, phrase
