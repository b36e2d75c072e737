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
        "项目", "DEMO", "", "采购人", "地点", "设备", "it-equipment", "huachen", "", "demo", "demo-2", "n"))
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
        "",
    ))
    assert code == 0, stdout + err
    tender = Tender.model_validate(YAML(typ="safe").load(out.read_text(encoding="utf-8")))
    warranty, repair, delivery = tender.requirements
    assert str(warranty.value).startswith("3年或10万公里")
    assert (repair.qualifier, str(repair.value)) == ("小修", "2小时")
    assert delivery.value.date == dt.date(2027, 3, 1)
