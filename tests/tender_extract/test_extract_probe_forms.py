"""Forms the probe 招标文件 texts (tests/tender_extract/probes/) found tender extract misreading: a table
row whose label names the kind of a value counted from an event, and a time that, once passed, brings a
backup due."""

from __future__ import annotations

from generator.tender_extract.requirements import extract_requirements
from generator.text.text_blocks import read_text_blocks


def read(text: str) -> list[tuple[str, str, str]]:
    return [(d.kind, d.bound, str(d.value)) for d in extract_requirements(read_text_blocks(text)).requirements]


def test_a_rows_label_names_a_value_counted_from_an_event():
    table = "| 序号 | 项目 | 具体要求 |\n| 1 | 响应时间 | 接到通知后1小时内 |\n| 2 | 到场时间 | 接到报修后4小时内 |\n"
    assert read(table) == [("response", "at_most", "1小时"), ("onsite_arrival", "at_most", "4小时")]
    # a label naming no kind gives none; nor does an earlier clause to a value after a new event (…后)
    assert read("| 序号 | 项目 | 具体要求 |\n| 1 | 售后服务 | 接到通知后2小时内 |\n") == []
    assert read("提供上门服务，接到通知后2小时内。\n") == []


def test_a_repair_time_past_which_a_backup_is_due_is_the_backups_limit():
    assert read("车辆维修时间超过48小时的，须免费提供同级别代步车。\n") == [("backup_equipment", "at_most", "48小时")]
    assert read("设备故障24小时以上未修复的，须提供备用设备。\n") == [("backup_equipment", "at_most", "24小时")]
    assert read("维修时间不超过48小时。\n") == [("resolution", "at_most", "48小时")]  # a limit asked for


def test_a_clause_number_is_no_label():
    table = ("条款号    条款名称        编列内容\n"
             "2.1       投标有效期      投标截止之日起90日历天\n"
             "4.1       交货期          合同签订后30日内\n"
             "4.2       质保期          验收合格之日起不少于3年\n")
    assert read(table) == [("delivery", "at_most", "30天"), ("warranty", "at_least", "3年")]


def marks(text: str) -> list[tuple[str, str]]:
    return [(d.kind, d.mark) for d in extract_requirements(read_text_blocks(text)).requirements]


def test_an_items_triangle_under_a_starred_heading_stays_starred():
    text = "★一、售后服务\n（1）▲维修响应：接到报修后30分钟内响应，2个工作日内修复。\n二、其他要求\n（1）▲培训不少于2天。\n"
    assert marks(text) == [("response", "★"), ("resolution", "★"), ("training", "▲")]


def test_days_and_hours_written_out_are_a_schedule():
    assert read("提供7天24小时技术支持热线。\n") == [("hotline", "equals", "7×24小时")]
    assert read("接到报修后24小时内到达现场。\n") == [("onsite_arrival", "at_most", "24小时")]
