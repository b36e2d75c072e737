"""tender extract, piece by piece: reading, values, kinds, marks, project fields, the draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK

from generator.core.errors import InputError
from generator.models.requirement import Requirement
from generator.tender_extract.classify import read_mention
from generator.tender_extract.draft import Choices, render_draft
from generator.tender_extract.metadata import extract_metadata, parse_date
from generator.tender_extract.requirements import extract_requirements
from generator.text.mentions import find_mentions, normalise
from generator.text.text_blocks import read_blocks, read_text_blocks


def values(text: str) -> list[str]:
    return [str(m.value) for m in find_mentions(normalise(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("接到报修后三十分钟内响应", ["30分钟"]),
    ("提供７×２４小时技术支持热线", ["7×24小时"]),
    ("设立7*24小时值班电话", ["7×24小时"]),
    ("主机保修不少于五年，探头保修不少于叁年", ["5年", "3年"]),
    ("两日内送达", ["2天"]),
    ("接到投诉后48h内处理完毕", ["48小时"]),
    ("合同签订后２０个日历日内完成供货", ["20天"]),
    ("每年不少于两次预防性维护", ["每年两次"]),
    ("每季度至少进行一次上门巡检", ["每季度一次"]),
    ("每15日至少进行一次例行保养", ["每月两次"]),
    ("半小时内响应", ["30分钟"]),
    ("24小时服务热线", ["7×24小时"]),
])
def test_values_are_read_in_every_usual_form(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "开标时间：2026年12月8日9时30分",
    "二〇二六年十一月",
    "质保期满一年后无息退还",
    "分辨率不低于1920×1080",
    "预算金额：286.5万元，下浮率不低于5%",  # a share of money is not a service level (开机率 is, see test_extract_real_forms)
    "每天上午9:00至11:30",
])
def test_dates_times_money_and_anchors_are_not_values(text):
    assert values(text) == []


def reading(sentence: str, index: int = 0):
    norm = normalise(sentence)
    mentions = find_mentions(norm)
    previous = mentions[index - 1].end if index else 0
    return read_mention(norm, mentions[index], mentions, previous)


@pytest.mark.parametrize(("sentence", "index", "kind", "bound", "qualifier"), [
    ("所投设备整机质保期不少于3年", 0, "warranty", "at_least", None),
    ("在接到维修通知后2小时内到达现场并在24小时内修复", 0, "onsite_arrival", "at_most", None),
    ("在接到维修通知后2小时内到达现场并在24小时内修复", 1, "resolution", "at_most", None),
    ("到货后３日内完成安装", 0, "installation", "at_most", None),
    ("接到采购人投诉后１２小时内答复", 0, "complaint_response", "at_most", None),
    ("设备停产后保证零配件供应十年", 0, "spare_parts", "equals", None),  # a bare figure: stated, not bounded
    ("市区范围内2小时内到达现场", 0, "onsite_arrival", "at_most", "市区"),
    ("城区内一般故障报修后1小时内到达", 0, "onsite_arrival", "at_most", "市区"),
    ("一级故障8小时内排除", 0, "resolution", "at_most", "一级"),
    ("五金配件质保期不少于２年", 0, "warranty", "at_least", "五金配件"),
    ("产品到货时剩余有效期不少于12个月", 0, "remaining_shelf_life", "at_least", None),  # its own kind (issue 14)
    ("运维记录保存期限不少于五年", 0, "records_retention", "at_least", None),
    ("全部点位录像保存不少于30天", 0, "video_retention", "at_least", None),  # the footage, not the service records
])
def test_kind_bound_and_qualifier_come_from_the_words_around_the_value(sentence, index, kind, bound, qualifier):
    result = reading(sentence, index)
    assert result is not None
    assert (result.kind, result.bound, result.qualifier) == (kind, bound, qualifier)


@pytest.mark.parametrize("sentence", [
    "投标有效期：自开标之日起90日历天",
    "中标人应在中标通知书发出之日起30日内与采购人签订合同",
    "上线后试运行不少于1个月",
])
def test_values_about_something_else_give_no_requirement(sentence):
    norm = normalise(sentence)
    assert all(read_mention(norm, m, [], 0) is None for m in find_mentions(norm))


TEXT = """某县医院设备采购项目
项目编号：XY-2026-01
采购人：某县人民医院

第三章 采购需求
二、商务要求
1. ★质保期不少于3年。
2. 接到报修后1小时内响应，4小时内到达现场。
3. ▲每半年至少回访一次。
4. ★投标人须在本地设有售后服务网点。
— 12 —
三、评分标准
质保期每延长1年加1分。
四、其他
5. 合同签订后15日内交货。
6. 交货期：★合同签订后15日内完成供货。
"""


def test_requirements_marks_sections_pages_and_skipped_scoring():
    extraction = extract_requirements(read_text_blocks(TEXT))
    rows = [(d.mark, d.kind, d.bound, str(d.value), d.section, d.page) for d in extraction.requirements]
    assert rows == [
        ("★", "warranty", "at_least", "3年", "第三章 采购需求 二、商务要求", 12),
        ("", "response", "at_most", "1小时", "第三章 采购需求 二、商务要求", 12),
        ("", "onsite_arrival", "at_most", "4小时", "第三章 采购需求 二、商务要求", 12),
        ("▲", "return_visit", "at_least", "每半年一次", "第三章 采购需求 二、商务要求", 12),
        # the same delivery term twice: one requirement, with the stronger mark and its location
        ("★", "delivery", "at_most", "15天", "第三章 采购需求 四、其他", 13),
    ]
    texts = [d.text for d in extraction.requirements]
    assert texts[1] == "接到报修后1小时内响应" and texts[2] == "4小时内到达现场"
    assert texts[4] == "交货期：合同签订后15日内完成供货"  # marks live in `mark`, not in the text
    # a ★ service item that states no value is listed for a human, not dropped
    assert [u[0] for u in extraction.unconverted] == ["4. ★投标人须在本地设有售后服务网点。"]


def test_text_pages_from_form_feeds():
    blocks = read_text_blocks("第一章 总则\n质保期不少于1年。\f第二章 要求\n响应时间不超过2小时。\f")
    assert [(b.text, b.page) for b in blocks if "时" in b.text or "质保" in b.text] == [
        ("质保期不少于1年。", 1), ("响应时间不超过2小时。", 2)]


def test_docx_headings_tables_and_page_breaks(tmp_path):
    document = Document()
    document.add_paragraph("项目名称：示例学校空调采购项目")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("第二章 售后服务", level=1)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "项目", "要求"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "★保修", "整机保修不少于6年"), strict=True):
        cell.text = text
    path = tmp_path / "t.docx"
    document.save(str(path))
    extraction = extract_requirements(read_blocks(path))
    [draft] = extraction.requirements
    assert (draft.kind, str(draft.value), draft.mark, draft.section, draft.page) == (
        "warranty", "6年", "★", "第二章 售后服务", 2)
    assert draft.text == "保修：整机保修不少于6年" and draft.quote == "1 | ★保修 | 整机保修不少于6年"


def test_gbk_text_is_read(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("质保期不少于两年。".encode("gb18030"))
    assert [str(d.value) for d in extract_requirements(read_blocks(path)).requirements] == ["2年"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("a.pdf", b"%PDF-1.4", "PDF 文件已损坏"),
    ("a.doc", b"\xd0\xcf\x11\xe0", "另存为 .docx"),
    ("a.docx", b"not a zip", "不是有效的 .docx"),
    ("a.txt", b"", "没有可读取的文字"),
    ("a.xlsx", b"x", "无法识别"),
])
def test_unreadable_documents_are_input_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_blocks(path)
    assert message in caught.value.render()


def test_metadata_fields_and_dates():
    meta = extract_metadata(read_text_blocks(
        "一、项目名称：示例区图书馆家具采购项目\n- 招标编号：ＳＬ－２０２６－０７\n二、采购单位：示例区图书馆\n"
        "交货地点：示例区文化中心三层\n采购内容：书架、阅览桌椅等家具，含安装\n"
        "响应文件提交截止时间：二〇二六年九月五日上午九时\n"))
    assert (meta.project_name, meta.project_number, meta.purchaser, meta.delivery_place, meta.products, meta.date) == (
        "示例区图书馆家具采购项目", "SL-2026-07", "示例区图书馆", "示例区文化中心三层", "书架、阅览桌椅等家具",
        dt.date(2026, 9, 5))
    assert parse_date("2026年13月40日") is None


def test_draft_quotes_each_requirement_marks_doubts_and_loads(tmp_path):
    from ruamel.yaml import YAML

    blocks = read_text_blocks("项目名称：示例项目\n项目编号：SL-1\n1. 严重故障2小时内恢复运行。\n2. ★质保期3年。\n")
    text = render_draft(extract_metadata(blocks), extract_requirements(blocks), Path("招标文件.txt"),
                        tmp_path / "x.yaml", Choices([("huachen", "华辰")], [("it-equipment", "信息化设备")]),
                        today=dt.date(2026, 1, 2))
    assert "# 原文（第4行）：“2. ★质保期3年。”" in text  # verbatim quote, located by line when no page
    assert "# 待核实：故障等级“严重”不是一级～四级" in text
    assert "bidder: 待填写 # 待填写：投标人资料编号，可选 huachen" in text
    assert "id: sl-1" in text and "date: 待填写" in text
    raw = YAML(typ="safe").load(text)
    requirements = [Requirement.model_validate(r) for r in raw["requirements"]]
    assert [(r.kind, r.qualifier, r.mark, str(r.value)) for r in requirements] == [
        ("resolution", "严重", "", "2小时"), ("warranty", None, "★", "3年")]


def test_extract_command_writes_once_and_refuses_to_overwrite(project, cli):
    source = project / "tenders" / "samples" / "it-terminals-list.txt"
    out = project / "tenders" / "draft.yaml"
    code, stdout, err = cli("tender", "extract", source, "-o", out)
    assert code == 0, err
    assert "提取要求 13 条（★ 4 条，▲ 3 条）" in stdout and "请填写：投标人（bidder）、产品类型（product_type）" in stdout
    first = out.read_text(encoding="utf-8")
    out.write_text("# 已人工修改\n" + first, encoding="utf-8")
    code, _, err = cli("tender", "extract", source, "-o", out)
    assert code == 2 and "已存在" in err and "--force" in err
    assert out.read_text(encoding="utf-8").startswith("# 已人工修改")
    assert cli("tender", "extract", source, "-o", out, "--force")[0] == 0
    assert out.read_text(encoding="utf-8") == first


def test_extract_command_reports_a_missing_file_without_traceback(project, cli):
    code, _, err = cli("tender", "extract", project / "无此文件.docx", "-o", project / "tenders" / "x.yaml")
    assert code == 2 and "文件不存在" in err and "Traceback" not in err
    assert not (project / "tenders" / "x.yaml").exists()
