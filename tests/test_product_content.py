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
        found += [f"{name}: “{phrase}”" for phrase in banned if phrase in proposal.text]
    assert not found, "方案中出现与产品类型不符的设备维修用语：" + "；".join(found)


def test_only_the_people_and_certificates_the_type_needs(proposals):
    for name, proposal in proposals.items():
        for member in proposal.bidder.team:
            shown = member.name in proposal.text
            assert shown == proposal.product.wants(member.serves), (name, member.role, member.serves)
        for certificate in proposal.bidder.certificates:
            shown = certificate.number in proposal.text
            assert shown == proposal.product.wants(certificate.serves), (name, certificate.name)


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
        assert match[2] == "交货地点" or match[2] in proposal.tender.delivery_place, name


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
    for word in ("安全技术说明书", "危险化学品", "泄漏", "中毒"):
        assert word in proposal.text, word


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
