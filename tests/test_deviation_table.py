"""The 偏离表 read back from the built .docx, row by row, and the ways a ★ requirement stops a build."""
# city-hospital.yaml delivers in 天津市, a 直辖市: its 省内 tier reads as 郊区 (resolve.for_place).


from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from generator.models.requirement import Requirement
from generator.pipeline.build import DOCX_NAME

ALLOW = ("--allow-draft",)
HEADER = ["序号", "招标要求", "投标响应", "偏离情况", "说明"]


def deviation_rows(docx: Path) -> list[list[str]]:
    tables = [t for t in Document(str(docx)).tables if [c.text for c in t.rows[0].cells] == HEADER]
    assert len(tables) == 1, "exactly one 偏离表 expected"
    return [[cell.text for cell in row.cells] for row in tables[0].rows[1:]]


# The 说明 column quotes the bound in the tender's own words (“1小时内”, “不少于3年”); a requirement
# whose text spells its value otherwise (每半年至少回访一次) is quoted in the normalised form.
EXPECTED = [
    # the warranty counts from the tender's own start event, and the answer says so
    ["1", "★所投设备整机质保期不少于3年，自最终验收合格之日起计算", "质保期：3年，自最终验收合格之日起计算", "无偏离",
     "承诺3年，满足“不少于3年”的要求"],
    ["2", "★接到采购人报修后1小时内作出响应", "响应时间：30分钟", "正偏离", "承诺30分钟，优于“1小时内”的要求"],
    # 投标响应 names what is offered; a 市区 requirement is answered with the 市区 value only
    ["3", "▲市区范围内2小时内到达现场", "到达现场时间：市区2小时", "无偏离", "承诺市区2小时，满足“2小时内”的要求"],
    # an unqualified requirement holds for every region the bidder states
    ["4", "各院区均须在8小时内到达现场", "到达现场时间：市区2小时、郊区6小时", "正偏离",
     "承诺市区2小时、郊区6小时，优于“8小时内”的要求"],
    # a fault-level requirement is answered from that level's own limit
    ["5", "一级故障8小时内排除", "故障解决时间：一级故障8小时", "无偏离", "承诺一级故障8小时，满足“8小时内”的要求"],
    ["6", "提供7×24小时服务热线", "服务热线时段：7×24小时", "无偏离", "承诺7×24小时，与招标要求一致"],
    ["7", "▲每半年至少回访一次", "回访频次：每季度一次", "正偏离", "承诺每季度一次，优于招标要求"],
    ["8", "停产后备品备件供应不少于5年", "备件供应年限：5年", "无偏离", "承诺5年，满足“不少于5年”的要求"],
    ["9", "免费提供设备操作及日常维护培训", "培训时长：1天", "无偏离", "已承诺培训时长1天"],
]


def test_starred_example_table_is_correct_row_by_row(project, cli):
    code, out, err = cli("build", project / "tenders" / "city-hospital.yaml", *ALLOW)
    assert code == 0, err
    assert deviation_rows(project / "output" / "city-hospital" / DOCX_NAME) == EXPECTED
    assert "偏离表：9 项招标要求，正偏离 3，无偏离 6，负偏离 0" in out
    assert "负偏离：" not in out


def break_bidder_response(project: Path) -> tuple[Path, int]:
    """The bidder's default response time becomes 2小时, breaking the ★ 1-hour requirement."""
    bidder = project / "profiles" / "bidders" / "huachen.yaml"
    text = bidder.read_text(encoding="utf-8")
    assert "  response: 30分钟\n" in text
    bidder.write_text(text.replace("  response: 30分钟\n", "  response: 2小时\n"), encoding="utf-8")
    line = bidder.read_text(encoding="utf-8").splitlines().index("  response: 2小时") + 1
    return bidder, line


def test_bidder_default_breaking_a_starred_requirement_exits_1_naming_everything(project, cli):
    _, bidder_line = break_bidder_response(project)
    tender = project / "tenders" / "city-hospital.yaml"
    requirement_line = tender.read_text(encoding="utf-8").splitlines().index(
        "  - text: 接到采购人报修后1小时内作出响应") + 1
    code, out, err = cli("build", tender, *ALLOW)
    assert code == 1
    assert "负偏离" in err and "未生成文档" in err
    message = next(line for line in err.splitlines() if "接到采购人报修后1小时内作出响应" in line)
    assert f"city-hospital.yaml:{requirement_line}" in message  # the requirement in the tender file
    assert "★接到采购人报修后1小时内作出响应" in message and "★实质性条款" in message
    assert "承诺2小时，不满足“1小时内”的要求" in message  # the value and the bound
    assert f"profiles/bidders/huachen.yaml:{bidder_line}" in message  # where the value came from
    assert "--allow-deviation" in err and "Traceback" not in err
    assert not (project / "output" / "city-hospital" / DOCX_NAME).exists()


def test_allow_deviation_builds_and_shows_the_negative_row_in_summary_and_table(project, cli):
    break_bidder_response(project)
    code, out, err = cli("build", project / "tenders" / "city-hospital.yaml", *ALLOW, "--allow-deviation")
    assert code == 0, err
    assert "偏离表：9 项招标要求，正偏离 2，无偏离 6，负偏离 1" in out
    assert "! 负偏离：★接到采购人报修后1小时内作出响应：承诺2小时，不满足“1小时内”的要求" in out
    rows = deviation_rows(project / "output" / "city-hospital" / DOCX_NAME)
    assert rows[1] == ["2", "★接到采购人报修后1小时内作出响应", "响应时间：2小时", "负偏离",
                       "承诺2小时，不满足“1小时内”的要求"]
    assert [r[3] for r in rows].count("负偏离") == 1


def test_negative_row_names_only_the_region_that_fails(project, cli):
    tender = project / "tenders" / "city-hospital.yaml"
    text = tender.read_text(encoding="utf-8").replace("各院区均须在8小时内到达现场\n    kind: onsite_arrival\n"
                                                      "    bound: at_most\n    value: 8小时",
                                                      "各院区均须在4小时内到达现场\n    kind: onsite_arrival\n"
                                                      "    bound: at_most\n    value: 4小时")
    tender.write_text(text, encoding="utf-8")
    code, _, err = cli("build", tender, *ALLOW)
    assert code == 1 and "各院区均须在4小时内到达现场" in err
    assert "承诺郊区6小时，不满足“4小时内”的要求" in err
    assert not re.search(r"★实质性条款[^\n]*各院区", err)  # not starred: no 废标 wording
    code, out, _ = cli("build", tender, *ALLOW, "--allow-deviation")
    assert code == 0
    rows = deviation_rows(project / "output" / "city-hospital" / DOCX_NAME)
    assert rows[3] == ["4", "各院区均须在4小时内到达现场", "到达现场时间：市区2小时、郊区6小时", "负偏离",
                       "承诺郊区6小时，不满足“4小时内”的要求"]


def test_requirement_for_a_region_the_bidder_does_not_cover_is_negative(project, cli):
    tender = project / "tenders" / "city-hospital.yaml"
    text = tender.read_text(encoding="utf-8").replace("    qualifier: 市区\n", "    qualifier: 省外\n")
    tender.write_text(text, encoding="utf-8")
    code, _, err = cli("build", tender, *ALLOW)
    assert code == 1 and "方案未就“省外”承诺到达现场时间" in err


def test_summary_table_and_deviation_table_state_the_resolved_values(project, cli):
    import json

    assert cli("build", project / "tenders" / "city-hospital.yaml", *ALLOW)[0] == 0
    out = project / "output" / "city-hospital"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    from generator.core.kinds import KINDS
    from generator.load.project import load_inputs

    product = load_inputs(project / "tenders" / "city-hospital.yaml").product.model
    # the summary names a kind in the trade's words (提供备用机时限); the manifest keeps the kind's own label
    resolved = {KINDS[c["kind"]].label_for(product): "、".join(f"{v['qualifier'] or ''}{v['text']}" for v in c["values"])
                for c in manifest["commitments"]}
    tables = Document(str(out / DOCX_NAME)).tables
    [summary] = [t for t in tables if [c.text for c in t.rows[0].cells][:3] == ["序号", "服务项目", "承诺内容"]]
    stated = {row.cells[1].text: row.cells[2].text for row in summary.rows[1:]}
    assert stated and all(resolved[label] == text for label, text in stated.items())
    for row in deviation_rows(out / DOCX_NAME):
        label, offered = row[2].split("：", 1)
        offered = offered.split("，")[0]  # “3年，自最终验收合格之日起计算”: the value, then its start event
        if "故障" not in offered:  # fault-level rows quote that level's own limit
            assert all(part in stated[label].split("、") for part in offered.split("、")), row


def evaluate_in(project: Path, **fields):
    from generator.load.project import load_inputs
    from generator.models.requirement import Requirement
    from generator.pipeline.build import resolve
    from generator.resolve.commitments import evaluate

    commitments = resolve(load_inputs(project / "tenders" / "city-hospital.yaml"))
    return evaluate(Requirement.model_validate({"text": "要求", **fields}), commitments)


def test_fault_level_without_its_own_arrival_limit_is_held_to_the_headline(project):
    row = evaluate_in(project, kind="onsite_arrival", bound="at_most", value="4小时", qualifier="三级")
    assert (row.status, row.offered_text) == ("负偏离", "市区2小时、郊区6小时")
    assert row.note == "承诺郊区6小时，不满足招标要求：不超过4小时"  # its text spells no figure: our reading, unquoted


@pytest.mark.parametrize(("text", "value", "bound", "quoted"), [
    ("★接到采购人报修后1小时内作出响应", "1小时", "at_most", "1小时内"),
    ("★系统验收合格后提供不少于1年的免费运维服务", "1年", "at_least", "不少于1年"),
    ("★整车保修期不少于3年或10万公里（以先到者为准）", "3年或10万公里", "at_least", "不少于3年或10万公里（以先到者为准）"),
    ("提供7×24小时服务热线", "7×24", "at_least", "7×24小时"),
    ("故障130分钟内修复，响应30分钟以内", "30分钟", "at_most", "30分钟以内"),  # not the tail of 130分钟
    ("每半年至少回访一次", "每半年一次", "at_least", None),  # the text spells it otherwise
    ("质保期不少于三年", "3年", "at_least", None),
])
def test_the_bound_is_quoted_in_the_tenders_own_words(text, value, bound, quoted):
    kind = {"1小时": "response", "1年": "warranty", "3年或10万公里": "warranty", "7×24": "hotline",
            "30分钟": "response", "每半年一次": "return_visit", "3年": "warranty"}[value]
    requirement = Requirement(text=text, kind=kind, bound=bound, value=value)
    assert requirement.own_bound == quoted


def test_equals_present_and_mark_inference(project):
    assert evaluate_in(project, kind="warranty", bound="equals", value="3年").status == "无偏离"
    # a bare figure (质保期为2年) is judged in the better direction: a longer warranty is never a deviation
    assert evaluate_in(project, kind="warranty", bound="equals", value="2年").status == "正偏离"
    assert evaluate_in(project, kind="warranty", bound="equals", value="4年").status == "负偏离"
    present = evaluate_in(project, kind="hotline", bound="present", qualifier="省外")
    assert (present.status, present.offered_text) == ("无偏离", "7×24小时")  # an unqualified value holds everywhere
    missing = evaluate_in(project, kind="software_upgrade", bound="present")
    assert (missing.status, missing.offered_text, missing.note) == ("负偏离", "未承诺", "方案未承诺免费软件升级期限")
    starred = evaluate_in(project, text="★质保期不少于3年", kind="warranty", bound="at_least", value="3年")
    assert starred.requirement.mark == "★" and starred.requirement.display == "★质保期不少于3年"


def test_a_bound_set_by_a_named_rule_needs_no_value_and_is_not_compared(project):
    row = evaluate_in(project, text="所投设备保修期不低于行业规范的要求", kind="warranty", bound="at_least")
    assert row.requirement.relative and row.status == "无偏离" and "须人工核对" in row.note
    assert row.requirement.wanted == "须承诺"
    missing = evaluate_in(project, text="所投设备保修期不低于行业规范的要求", kind="software_upgrade", bound="at_least")
    assert missing.status == "负偏离"  # nothing promised is still a deviation
    with pytest.raises(ValueError, match="缺少 value"):  # no rule named: the figure was forgotten
        Requirement(text="所投设备保修期不少于", kind="warranty", bound="at_least")
    assert not Requirement(text="保修期不少于3年，按行业规范", kind="warranty", bound="at_least", value="3年").relative


def test_a_warranty_mileage_written_apart_is_the_same_requirement_as_written_whole(project):
    whole = evaluate_in(project, text="整车质保不少于3年或10万公里", kind="warranty", bound="at_least",
                        value="3年或10万公里")
    apart = evaluate_in(project, text="整车质保不少于3年或10万公里", kind="warranty", bound="at_least",
                        value="3年", mileage="十万公里")
    assert apart.requirement.value == whole.requirement.value and apart.requirement.mileage == "10万公里"
    assert (apart.status, apart.offered_text) == (whole.status, whole.offered_text)
    with pytest.raises(ValueError, match="value 只写时长"):  # the distance twice
        evaluate_in(project, text="整车质保不少于3年或10万公里", kind="warranty", bound="at_least",
                    value="3年或10万公里", mileage="10万公里")
    with pytest.raises(ValueError, match="不写里程"):
        evaluate_in(project, text="须提供整车质保", kind="warranty", bound="present", mileage="10万公里")


def test_a_deadline_written_as_an_unquoted_yaml_date_is_read(project):
    import datetime as dt

    as_date = evaluate_in(project, text="2027年3月31日前交货", kind="delivery", bound="at_most", value=dt.date(2027, 3, 31))
    as_text = evaluate_in(project, text="2027年3月31日前交货", kind="delivery", bound="at_most", value="2027年3月31日前")
    assert as_date.requirement.value == as_text.requirement.value and str(as_date.requirement.value) == "2027年3月31日前"
