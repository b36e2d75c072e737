"""Forms the third round of probe 招标文件 texts (tests/tender_extract/probes/tr18–tr24) found tender extract
misreading: a repair time whose failure, stated after it, brings a backup due."""

from __future__ import annotations

from generator.tender_extract.requirements import extract_requirements
from generator.text.text_blocks import read_text_blocks


def read(text: str) -> list[tuple[str, str, str]]:
    return [(d.kind, d.bound, str(d.value)) for d in extract_requirements(read_text_blocks(text)).requirements]


def test_a_repair_time_failed_after_it_brings_a_backup():
    assert ("backup_equipment", "at_most", "24小时") in read("24小时内不能排除故障的，须在次日内提供同等性能的备用设备。\n")
    assert read("故障设备72小时内修不好的，须提供同型号备用机。\n") == [("backup_equipment", "at_most", "72小时")]
    # a repair time with a backup after it but no failure between stays the repair time
    assert read("须在24小时内排除故障，并提供备用设备。\n")[0] == ("resolution", "at_most", "24小时")


def test_each_lot_keeps_its_own_requirements():
    text = ("第一包：便携式超声诊断仪\n1. 整机免费质保不少于3年。\n"
            "第二包：医用冷藏箱\n1. 整机免费质保不少于1年。\n2. 压缩机质保不少于3年。\n")
    drafts = extract_requirements(read_text_blocks(text)).requirements
    assert [(str(d.value), d.lot) for d in drafts] == [("3年", "第1包"), ("1年", "第2包"), ("3年", "第2包")]
    # two values in two lots are no conflict; within one lot they still are
    def conflicting(drafts) -> bool:
        return any("数值不同" in note for d in drafts for note in d.notes)

    assert not conflicting(drafts)
    assert conflicting(extract_requirements(read_text_blocks("第一包：设备\n1. 质保不少于3年。\n2. 质保不少于1年。\n")).requirements)


def test_remote_support_as_the_subject_of_a_response_time_asks_for_no_hotline():
    assert read("远程技术支持响应时间≤0.5h。\n") == [("response", "at_most", "30分钟")]
    assert ("hotline", "present", "None") in read("中标人须提供远程技术支持。\n")


def test_the_unit_in_a_labels_brackets_belongs_to_the_bare_number():
    assert read("质保期（年）：≥3\n") == [("warranty", "at_least", "3年")]
    table = "| 序号 | 项目 | 要求 |\n| 1 | 质保期（年） | ≥3 |\n| 2 | 响应时间（小时） | ≤2 |\n"
    assert read(table) == [("warranty", "at_least", "3年"), ("response", "at_most", "2小时")]
    # a count or an amount in brackets is no duration, and a number with its own unit keeps it
    assert read("数量（台）：3\n") == [] and read("合同金额（元）：30000\n") == []
    assert read("质保期（年）：36个月\n") == [("warranty", "equals", "36个月")]


def test_an_overhaul_on_a_schedule_is_an_inspection():
    assert read("乙方应每半年对设备进行一次全面检修。\n") == [("inspection", "equals", "每半年一次")]


def test_the_draft_tells_the_clerk_which_lot_each_requirement_is_for(tmp_path):
    from pathlib import Path

    from generator.tender_extract.draft import Choices, render_draft
    from generator.tender_extract.metadata import Metadata

    text = "第一包：便携式超声诊断仪\n1. 整机免费质保不少于3年。\n第二包：医用冷藏箱\n1. 整机免费质保不少于1年。\n"
    extraction = extract_requirements(read_text_blocks(text))
    draft = render_draft(Metadata(), extraction, Path("招标文件.txt"), tmp_path / "d.yaml", Choices([], []))
    assert "待核实：本条属于第1包" in draft and "待核实：本条属于第2包" in draft
    assert draft.count("并在 lot 中写明所投分包") == 2
