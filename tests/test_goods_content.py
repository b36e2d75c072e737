"""issue 20 (goods): what an evaluator found in the furniture, textiles and medical-consumables proposals.

Built once per module from tenders/examples/ and read back as text, as the evaluator read them:
- a problem is settled within the resolution time (repair, adjustment, exchange from stock); the delivery
  period only applies to what is made anew, with a free stand-in meanwhile — the same in every section;
- textiles speak of 质量反馈, 返修, 定期检查 and 备用成品与辅料, not of equipment repairs and spares;
- one schedule of scheduled checks, the committed one, and no text promises other visits;
- the standards in force, with their years; 阻燃 only for curtains and the label obtained, not sewn on;
- medical consumables: one rule for near-expiry products, a staged answer to complaints, no 跟台 or
  高值 wording for low-value goods, no 他人原因的火灾, and our own recall time limits.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from proposal_text import section_text

from generator.load.project import load_inputs
from generator.pipeline.build import BuildOptions, build, resolve
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("office-furniture", "textiles", "medical-consumables")
GOODS = ("office-furniture", "textiles")


class Proposal:
    def __init__(self, tender: Path, docx: Path) -> None:
        inputs = load_inputs(tender)
        self.product = inputs.product.model.for_products(inputs.tender.model.purchased)
        self.text = "\n".join(block.text for block in read_document(docx).blocks).replace("\u00a0", " ")
        self.commitments = resolve(inputs)

    def value(self, kind: str) -> str:
        return self.commitments.kinds[kind].describe()

    def section(self, title: str) -> str:
        """The text of the section whose heading contains `title` (after the table of contents)."""
        return section_text(self.text, title)

    def letter(self) -> str:
        return self.text[self.text.rindex("售后服务承诺书"):]


@pytest.fixture(scope="module")
def proposals(tmp_path_factory) -> dict[str, Proposal]:
    out = tmp_path_factory.mktemp("goods")
    result = {}
    for name in NAMES:
        tender = ROOT / "tenders" / "examples" / f"{name}.yaml"
        result[name] = Proposal(tender, build(tender, BuildOptions(output_root=out)).docx_path)
    return result


@pytest.mark.parametrize("name", GOODS)
def test_a_problem_is_settled_within_the_resolution_time_everywhere(proposals, name):
    """G1: the summary's 问题处理时间 is what the response table, the handling process, the warranty and the
    letter promise for repair and exchange from stock; the delivery period only for what is made anew."""
    proposal = proposals[name]
    product = proposal.product
    resolution, delivery = proposal.value("resolution"), proposal.value("delivery")
    assert getattr(product, "stock_exchange", "") and getattr(product, "made_to_order", "") and getattr(product, "stand_in", "")
    flow = (product.request_word or "报修") + "处理流程"
    for part in (proposal.section("服务响应时限"), proposal.section(flow), proposal.section("质保期与"), proposal.letter()):
        assert f"{resolution}内" in part or f"| {resolution} |" in part or resolution in part, (name, part[:60])
        assert product.stock_exchange in part, name
        assert product.made_to_order in part, name
        assert f"免费提供{product.stand_in}" in part, name
    assert "紧急情况下优先调货" not in proposal.section("质保期与")  # the whole replacement no longer waits for the supply period
    assert f"需要更换的，自双方确认之日起{delivery}内送达" not in proposal.letter()
    assert "更换或补货送达" not in proposal.text


def test_textiles_speak_the_trades_own_words(proposals):
    """G2: no repair-shop wording in the textiles proposal; furniture keeps its own (安装, 修理, 报修)."""
    textiles = proposals["textiles"].text
    for word in ("报修处理流程", "安装维修主管", "巡检频次", "备品备件", "安装调试", "安装施工员",
                 "维修人工", "修复交付时重新起算", "配件与所供", "客房", "会议室", "毛类", "技术人员", "受理报修",
                 "修换及时"):
        assert word not in textiles, word
    for word in ("质量反馈处理流程", "定期检查频次", "备用成品与辅料", "按件计价", "自调换交付之日起重新计算质保期",
                 "安装与调换主管", "受理质量反馈", "调换及时"):
        assert word in textiles, word
    furniture = proposals["office-furniture"].text
    for word in ("安装施工员", "巡检频次", "安装调试完成时限", "维修人工", "全部技术资料"):
        assert word not in furniture, word
    for word in ("报修处理流程", "安装完成时限", "定期检查频次", "修理按件计价", "安装维修主管"):
        assert word in furniture, word


@pytest.mark.parametrize("name", GOODS)
def test_one_schedule_of_scheduled_checks(proposals, name):
    """G3: the committed frequency is the only schedule; no text adds checks before each term or season."""
    proposal = proposals[name]
    inspection = proposal.value("inspection")
    summary = proposal.section("服务承诺一览表")
    assert re.search(rf"定期检查频次\n{inspection}\n", summary), summary[:400]
    for phrase in ("每学期开学前", "每学期开学和", "开学前检查", "在换季和集中洗涤之前主动检查"):
        assert phrase not in proposal.text, phrase
    frequencies = set(re.findall(r"(?:检查频次为|频次为)(每[^，。；|）\s]+)", proposal.section("定期检查与保养")
                                 + proposal.letter()))
    visit = proposal.value("return_visit")
    assert frequencies <= {inspection, visit}, frequencies


def test_school_furniture_is_checked_in_both_holidays(proposals):
    proposal = proposals["office-furniture"]
    assert proposal.value("inspection") == "每年两次"
    assert "寒假和暑假" in proposal.text


def test_standards_in_force_with_their_years(proposals):
    """G4: furniture 《家具中有害物质限量》GB 18584-2024; textiles GB 18401-2010 with its full title,
    GB/T 22796-2021 for bedding, GB 20286-2006 for flame-retardant curtains; the label is obtained."""
    furniture = proposals["office-furniture"].text
    assert "《家具中有害物质限量》（GB 18584-2024）" in furniture
    assert "国家室内装饰装修材料有害物质限量标准" not in furniture
    assert "（GB 18580）" not in furniture and "（GB/T 3976）" not in furniture
    textiles = proposals["textiles"].text
    assert "GB 18401-2010《国家纺织产品基本安全技术规范》" in textiles
    assert "《纺织产品基本安全技术规范》" not in textiles.replace("《国家纺织产品基本安全技术规范》", "")
    assert "GB/T 22796-2021《床上用品》" in textiles
    assert "GB 20286-2006《" in textiles and "（GB 20286）" not in textiles
    assert "缝制阻燃标识" not in textiles
    assert "阻燃窗帘、床上用品" not in textiles and "阻燃窗帘或床上用品" not in textiles


def test_medical_consumables_near_expiry_rule_is_stated_once(proposals):
    """G5: one rule for near-expiry products, in 临期提示; the other sections refer to it."""
    proposal = proposals["medical-consumables"]
    rule = getattr(proposal.product, "near_expiry", "")
    assert rule and proposal.text.count(rule) == 1
    assert "协商调剂或调换" not in proposal.text
    assert "采购人提出调换后，我公司免费调换为新批次" not in proposal.text
    assert proposal.text.count("“临期提示”的规定") >= 2
    assert "即为本项目的近效期产品" not in proposal.text


def test_medical_consumables_complaints_are_answered_in_stages(proposals):
    """G5: within the complaint time a first answer and the arrangements; the conclusion after any test."""
    proposal = proposals["medical-consumables"]
    limit = proposal.value("complaint_response")
    assert "书面答复调查结论和处理结果" not in proposal.text
    assert f"{limit}内书面答复处理结果" not in proposal.text
    for part in (proposal.section("服务响应时限"), proposal.section("质量问题处理"), proposal.letter()):
        assert "初步意见和处理安排" in part and "检验报告出具后" in part


def test_medical_consumables_keep_to_their_own_goods(proposals):
    """G5: no 跟台/高值 wording where the purchase names no such goods, no property-insurance 火灾 clause,
    and the recall names our own time limits as the distributor."""
    proposal = proposals["medical-consumables"]
    assert "跟台" not in proposal.text and "高值耗材" not in proposal.text
    assert "他人原因的火灾" not in proposal.text
    assert "《医疗器械召回管理办法》规定的时限内收回" not in proposal.text
    urgent = proposal.commitments.kinds["delivery"].describe()
    recall = proposal.section("召回")
    assert re.search(r"召回按紧急订单的时限（[^）]+）补送", recall), urgent


def test_school_purchases_get_campus_rules_and_student_handouts(proposals):
    """G6: school furniture work follows campus rules; school bedding is handed out and exchanged on the spot,
    and the laundering a school arranges is covered by our written washing instructions."""
    assert "女性工作人员陪同" in proposals["office-furniture"].text
    textiles = proposals["textiles"].text
    assert "当场调换" in textiles and "质量反馈二维码" in textiles
    assert "按该说明洗涤后出现超出允许范围的缩水、褪色，按质量问题调换" in textiles
    assert "可协助对接洗涤企业" not in textiles
