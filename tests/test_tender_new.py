"""tender new: the questionnaire, fed through stdin; bad answers are asked again, in Chinese."""

from __future__ import annotations

import datetime as dt

from ruamel.yaml import YAML

from generator.models.tender import Tender


def answers(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_questionnaire_writes_a_valid_tender_that_builds(project, cli):
    from generator.core.kinds import KINDS

    # choices take the number shown or the id itself
    warranty = str(list(KINDS).index("warranty") + 1)
    out = project / "tenders" / "fresh.yaml"
    code, stdout, err = cli("tender", "new", "-o", out, input=answers(
        "",                                   # 项目名称 empty → asked again
        "示例区人民医院办公设备采购项目",
        "SLQ-2026-015",
        "",                                   # 包号
        "示例区人民医院",
        "示例区健康路8号",
        "台式计算机、打印机等信息化设备",
        "99", "it-equipment",                 # out of range → asked again
        "huachen",
        "2026-02-30", "2026年12月1日",        # impossible date → asked again
        "Bad_ID", "fresh",                    # invalid id → asked again
        "y",                                  # enter requirements
        # a warranty is also asked what it counts from (issue 14): 验收合格之日
        "★质保期不少于3年", warranty, "", "三年半", "3年", "", "自验收合格之日起", "", "第三章 商务要求", "零", "18",
        "市区4小时内到达现场", "onsite_arrival", "", "4小时", "市区", "2", "", "",
        "",                                   # no more requirements
        "n",                                  # no 采购清单
    ))
    assert code == 0, err
    assert stdout.count("✗ 项目名称不能为空") == 1
    assert "✗ 请输入 1～" in stdout and "✗ 日期格式不对" in stdout and "✗ 编号只能用小写英文字母" in stdout
    assert "“三年半”不是可识别的时长" in stdout and "✗ 页码应为正整数" in stdout
    assert f"✓ 已写入 {out}" in stdout
    written = out.read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schemas/tender.schema.json\n# 招标项目文件")
    raw = YAML(typ="safe").load(written)
    tender = Tender.model_validate(raw)
    assert (tender.id, tender.bidder, tender.product_type, tender.date) == (
        "fresh", "huachen", "it-equipment", dt.date(2026, 12, 1))
    first, second = tender.requirements
    assert (first.kind, first.bound, str(first.value), first.mark, first.source.page, first.starts) == (
        "warranty", "at_least", "3年", "★", 18, "验收合格之日")
    assert (second.kind, second.bound, str(second.value), second.qualifier, second.mark) == (
        "onsite_arrival", "at_most", "4小时", "市区", "▲")
    code, out_text, err = cli("build", out, "--allow-draft")
    assert code == 0, err
    assert "偏离表：2 项招标要求" in out_text


def test_existing_file_is_not_overwritten_without_force(project, cli):
    out = project / "tenders" / "demo.yaml"
    before = out.read_bytes()
    code, _, err = cli("tender", "new", "-o", out, input=answers("项目"))
    assert code == 2 and "已存在" in err and "--force" in err
    assert out.read_bytes() == before


def test_default_id_that_is_taken_is_refused_and_asked_again(project, cli, monkeypatch):
    monkeypatch.chdir(project)
    code, stdout, err = cli("tender", "new", input=answers(
        "项目", "DEMO", "", "采购人", "地点", "设备", "it-equipment", "huachen", "", "demo", "demo-2", "n", "n"))
    assert code == 0, err
    assert "tenders/demo.yaml 已存在" in stdout
    assert (project / "tenders" / "demo-2.yaml").is_file()


def test_input_ending_early_writes_nothing(project, cli):
    out = project / "tenders" / "half.yaml"
    code, _, err = cli("tender", "new", "-o", out, input=answers("只答了一题"))
    assert code == 2 and "输入中断，未写入任何文件" in err and "Traceback" not in err
    assert not out.exists()


def test_questionnaire_takes_alternatives_tiers_and_deadlines(project, cli):
    """Issue 14: a warranty of 3年或10万公里, a tier (小修) of the resolution time, a delivery date."""
    out = project / "tenders" / "vehicles.yaml"
    code, stdout, err = cli("tender", "new", "-o", out, input=answers(
        "某市公务用车采购项目", "GWC-2026-3", "", "某市机关事务管理局", "某市", "公务用车", "vehicles", "huachen",
        "2026-12-01", "gwc-2026-3", "y",
        "质保期不少于3年或10万公里（以先到者为准）", "warranty", "", "3年或10万公里", "", "", "", "", "",
        "小修2小时内修复", "resolution", "", "2小时", "小修", "", "", "",
        "交货期：2027年3月1日前", "delivery", "", "2027年3月1日前", "", "", "", "",
        "", "n",
    ))
    assert code == 0, stdout + err
    tender = Tender.model_validate(YAML(typ="safe").load(out.read_text(encoding="utf-8")))
    warranty, repair, delivery = tender.requirements
    assert str(warranty.value).startswith("3年或10万公里")
    assert (repair.qualifier, str(repair.value)) == ("小修", "2小时")
    assert delivery.value.date == dt.date(2027, 3, 1)


def test_questionnaire_takes_the_purchase_list_and_asks_again_naming_the_field(project, cli):
    """采购清单: optional, one item after another; each answer checked by the model, its error naming the field."""
    from generator.models.tender import ITEM_LABELS
    from generator.tender_extract.new_tender import ITEM_HINTS

    assert list(ITEM_HINTS) == list(ITEM_LABELS)  # a question for every field the web form edits
    out = project / "tenders" / "cars.yaml"
    code, stdout, err = cli("tender", "new", "-o", out, input=answers(
        "某市公务用车采购项目", "GWC-2026-4", "", "湘源市机关事务管理局", "湖南省湘源市政通路1号", "纯电动公务用车",
        "vehicles", "xianglian",
        "2026-12-01", "gwc-2026-4", "n",
        "y",                                          # enter the 采购清单
        "纯电动轿车（5座）", "澄途 CT7001BEV", "8辆", "0", "8", "", "辆", "", "含充电桩",  # 8辆, 0, no unit → again
        "纯电动轿车（5座）", "纯电动多用途乘用车（7座）", "", "４", "辆", "", "",     # a name used twice → asked again
        "",                                           # no more items
    ))
    assert code == 0, stdout + err
    assert "—— 采购清单第 2 项 ——" in stdout and "货物名称（例如 纯电动轿车（5座）；直接回车结束录入）" in stdout
    assert "✗ 数量应为数字（如 12），不带单位，单位另行填写" in stdout
    assert "✗ 数量应大于0，现为 0" in stdout
    assert "✗ 单位不能为空" in stdout
    assert "✗ 货物名称“纯电动轿车（5座）”与第 1 项重复" in stdout
    written = out.read_text(encoding="utf-8")
    assert "- {name: 纯电动轿车（5座）, model: 澄途 CT7001BEV, quantity: 8, unit: 辆, note: 含充电桩}" in written
    tender = Tender.model_validate(YAML(typ="safe").load(written))
    assert [(i.name, i.model, i.quantity_text, i.unit, i.note) for i in tender.items] == [
        ("纯电动轿车（5座）", "澄途 CT7001BEV", "8", "辆", "含充电桩"), ("纯电动多用途乘用车（7座）", "", "4", "辆", "")]
    code, out_text, err = cli("build", out, "--allow-draft", "-o", project / "output" / "cars")
    assert code == 0, err
    document = next((project / "output" / "cars").rglob("售后服务方案.docx"))
    from docx import Document

    cells = {cell.text for table in Document(str(document)).tables for row in table.rows for cell in row.cells}
    assert {"纯电动轿车（5座）", "澄途 CT7001BEV", "纯电动多用途乘用车（7座）"} <= cells  # the 供货范围 table
