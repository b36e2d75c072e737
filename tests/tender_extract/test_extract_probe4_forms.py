"""Forms the fourth round of probe 招标文件 texts (tests/tender_extract/probes/tr26–tr29) found tender extract
misreading: minutes written “min”, a frequency whose kind only the row's label names, and a sentence that
asks something before it opens a list of sub-items (…两个小时内响应，其中：)."""

from __future__ import annotations

from generator.tender_extract.requirements import extract_requirements
from generator.text.text_blocks import read_text_blocks


def read(text: str) -> list[tuple[str, str, str]]:
    return [(d.kind, d.bound, str(d.value)) for d in extract_requirements(read_text_blocks(text)).requirements]


def test_minutes_written_min_are_minutes():
    assert read("远程响应时间≤30min。\n") == [("response", "at_most", "30分钟")]
    assert read("接到报修后15MIN内响应。\n") == [("response", "at_most", "15分钟")]


def test_a_frequency_named_only_by_its_row_label():
    text = "序号   服务项目    要求标准      备注\n1      巡检        每季度1次     出具报告\n2      回访        每月1次       电话\n"
    assert read(text) == [("inspection", "equals", "每季度一次"), ("return_visit", "equals", "每月一次")]
    assert read("巡检：每月1次。\n") == [("inspection", "equals", "每月一次")]
    # a label that names no kind lends none
    assert read("序号   事项        要求\n1      工作例会    每月1次\n") == []


def test_a_clause_before_a_list_of_sub_items_still_asks():
    text = "（一）维修服务\n(1) 中标人应在接到报修后两个小时内响应，其中：\n① 工作日期间须在二十四个小时内到达现场；\n"
    assert read(text) == [("response", "at_most", "2小时"), ("onsite_arrival", "at_most", "24小时")]
    # a sentence that only opens a list asks nothing
    assert read("中标人须满足以下要求：\n") == []
