"""tender extract on the forms real 招标文件 take: damaged text, broken lines, requirements without a
number, column headings, inherited marks, units said in words, start events and the new kinds.
Every sentence here is our own."""

from __future__ import annotations

import pytest

from generator.tender_extract.repair import repair
from generator.tender_extract.requirements import extract_requirements
from generator.tender_extract.starts import start_event
from generator.text.text_blocks import TextBlock, read_text_blocks


def drafts(text: str):
    return extract_requirements(read_text_blocks(text)).requirements


def rows(text: str) -> list[tuple]:
    return [(d.kind, d.bound, str(d.value) if d.value is not None else None) for d in drafts(text)]


def test_repair_keeps_the_characters_and_drops_debris_and_stray_spaces():
    fixed = repair("維修人員須在 2 小時內 到達現場(xiàn)，故 障排除")
    assert fixed.shown == "維修人員須在2小時內到達現場，故障排除"  # the tender's own characters
    assert fixed.plain == "维修人员须在2小时内到达现场,故障排除"  # what keywords are matched on
    assert len(fixed.shown) == len(fixed.plain)


def test_traditional_text_with_debris_is_read():
    assert rows("接到報修(xiū)後，維修人員須在 1小時內 響應，4小時內抵達現場。") == [
        ("response", "at_most", "1小时"), ("onsite_arrival", "at_most", "4小时")]


def test_a_sentence_broken_across_lines_is_joined():
    text = ("一、服务要求\n"
            "1. 中标人应当在设备使用期间安排专人定期对全部设备进行巡查，并对发现的问题及时处理\n"
            "和记录，保证设备处于良好状态，巡查结果须书面报送采购人。\n")
    [draft] = drafts(text)
    assert draft.kind == "inspection" and draft.bound == "present"
    assert "和记录" in draft.text  # the second line belongs to the same requirement


def test_a_short_title_line_is_not_joined_to_the_next():
    blocks = read_text_blocks("某某学校食堂餐饮服务项目采购需求书\n询价文件\n项目编号：AB-1\n")
    assert [b.text for b in blocks] == ["某某学校食堂餐饮服务项目采购需求书", "询价文件", "项目编号：AB-1"]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("供应商须在本地储存原厂备件。", "spare_parts"),
    ("设备维修期间须提供备用设备。", "backup_equipment"),
    ("接到故障通知后须立即响应。", "response"),
    ("遇紧急情况应立即安排技术人员到场处理。", "onsite_arrival"),
    ("维修人员须在采购人规定的时间内排除故障。", "resolution"),
    ("中标人须开通售后服务电话，解答使用中的问题。", "hotline"),
    ("负责培训采购人操作人员。", "training"),
    ("协助采购人完成应用软件的升级。", "software_upgrade"),
    ("中标人须建立设备维修档案。", "records_retention"),
    ("中标人须建立投诉意见反馈渠道。", "complaint_response"),
    ("中标人应按时按量送货到校。", "delivery"),
    ("电池组件终身免费保修。", "warranty"),
])
def test_requirements_without_a_number_are_present_requirements(sentence, kind):
    [draft] = drafts(sentence)
    assert (draft.kind, draft.bound, draft.value) == (kind, "present", None)
    assert draft.notes  # marked for the clerk


def test_vague_words_and_titles_are_not_requirements():
    assert drafts("中标人应及时响应采购人的各项要求。") == []
    assert drafts("5. 协助采购人进行系统更新调整：") == []
    assert drafts("采购标的：档案管理系统升级改造项目。") == []


def test_a_warranty_bounded_by_a_rule_is_at_least_that_rule_without_a_value():
    [draft] = drafts("所供设备的保修期不得低于国家有关规定。")
    assert (draft.kind, draft.bound, draft.value) == ("warranty", "at_least", None) and "规定" in draft.notes[0]
    [draft] = drafts("设备保修按生产厂家的标准执行。")
    assert (draft.kind, draft.bound, draft.value) == ("warranty", "at_least", None)
    # a lifetime warranty named first has no limit to be at least: it stays a promise to make
    [draft] = drafts("主机终身免费保修，配件保修按厂家标准执行。")
    assert (draft.kind, draft.bound) == ("warranty", "present")
    [draft] = drafts("提供终身免费质保。")
    assert (draft.bound, "规定" in draft.notes[0]) == ("present", False)


def test_a_fault_tier_table_names_its_kinds_in_the_header_row():
    text = ("售后服务响应时限表\n"
            "| 故障程度 | 到现场时间 | 故障排除时间 |\n"
            "| 一级故障 | ≤1小时 | ≤8小时 |\n"
            "| 二级故障 | ≤4小时 | ≤24小时 |\n")
    got = [(d.kind, d.qualifier, str(d.value)) for d in drafts(text)]
    assert got == [("onsite_arrival", "一级", "1小时"), ("resolution", "一级", "8小时"),
                   ("onsite_arrival", "二级", "4小时"), ("resolution", "二级", "24小时")]


def test_a_star_on_a_heading_or_table_caption_marks_every_item_under_it():
    text = ("★三、售后服务要求\n1. 质保期不少于2年。\n2. 接到报修后2小时内响应。\n四、其他\n3. 每年回访一次。\n")
    assert [(d.kind, d.mark) for d in drafts(text)] == [
        ("warranty", "★"), ("response", "★"), ("return_visit", "")]
    table = "★表3 服务时限\n| 项目 | 时限 |\n| 到达现场 | 2小时内 |\n"
    assert [(d.kind, d.mark) for d in drafts(table)] == [("onsite_arrival", "★")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("合同签订后第10日内完成供货。", ("delivery", "at_most", "10天")),
    ("接到报修后4个工作小时内修复。", ("resolution", "at_most", "4小时")),
    ("合同签订后20个日历天内交货。", ("delivery", "at_most", "20天")),
    ("一般零件更换当日完成维修。", ("resolution", "at_most", "1天")),
    ("小修不过夜。", ("repair_turnaround", "at_most", "1天")),
    ("每季度对设备进行巡检。", ("inspection", "equals", "每季度一次")),
    ("质保期满后，服务期限为三年。", ("service_period", "equals", "3年")),
    ("开机率不低于98%。", ("uptime", "at_least", "98%")),
    ("栽植苗木成活率不低于90%。", ("survival_rate", "at_least", "90%")),
    ("顾客满意率不低于85%。", ("satisfaction_survey", "at_least", "85%")),
    ("设备使用中出现的问题，须在24小时内给予答复，一周内整改完毕。", ("response", "at_most", "24小时")),
])
def test_units_and_forms_said_in_words(sentence, expected):
    assert rows(sentence)[0] == expected


def test_a_repair_that_fails_in_time_sets_the_backup_deadline():
    assert rows("维修不能在48小时内完成的，须免费提供备用机。") == [("backup_equipment", "at_most", "48小时")]


def test_complaints_and_opinions_are_complaint_response():
    assert rows("收到用户意见后2个工作日内回复，5天内整改完毕。") == [
        ("complaint_response", "at_most", "2个工作日"), ("complaint_response", "at_most", "5天")]


def test_a_penalty_clause_goes_and_the_requirement_stays():
    assert rows("未在4小时内到达现场的，每次扣2分。") == [("onsite_arrival", "at_most", "4小时")]
    assert rows("响应时间每缩短1小时加1分。") == []  # bid scoring is not a requirement


def test_intervals_shorter_than_a_week_are_present_with_their_tier_words():
    got = drafts("日间每隔3小时、夜间每隔2小时巡逻检查一次。")
    assert [(d.kind, d.bound) for d in got] == [("inspection", "present")] * 2
    assert got[0].text.startswith("日间每隔3小时") and got[1].text.startswith("夜间每隔2小时")


@pytest.mark.parametrize(("sentence", "event"), [
    ("质保期自验收合格之日起计算，不少于3年", "验收合格之日"),
    ("保修期为设备交付使用后2年", "设备交付使用之日"),
    ("养护期为竣工验收合格后12个月", "竣工验收合格之日"),
    ("质保期不少于3年", None),
])
def test_start_events_are_read(sentence, event):
    assert start_event(sentence) == event


def test_a_warranty_draft_carries_its_start_event():
    [draft] = drafts("质保期：自安装调试完成之日起不少于2年。")
    assert draft.starts == "安装调试完成之日"


def test_table_rows_below_the_first_carry_the_header():
    blocks = read_text_blocks("| 名称 | 时限 |\n| 响应 | 1小时 |\n| 到场 | 4小时 |\n")
    assert [b.header for b in blocks] == [(), ("名称", "时限"), ("名称", "时限")]
    assert isinstance(blocks[0], TextBlock)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("值班人员须确保24小时应急响应。", ("hotline", "equals", "7×24小时")),
    ("设备停机时间不超过6小时。", ("resolution", "at_most", "6小时")),
    ("维修后6个月内同一故障不得再次发生。", ("warranty", "at_least", "6个月")),
    ("一年内提供不少于3次上门保养。", ("inspection", "at_least", "每年三次")),
    ("交货期：2027年5月10日前。", ("delivery", "at_most", "2027年5月10日前")),
    ("整车质保2年或6万公里（以先到者为准）。", ("warranty", "equals", "2年或6万公里（以先到者为准）")),
    ("到货试剂剩余有效期不少于10个月。", ("remaining_shelf_life", "at_least", "10个月")),
    ("维保服务年限：2年。", ("service_period", "equals", "2年")),
    ("质保期半年。", ("warranty", "equals", "6个月")),
])
def test_availability_downtime_counts_dates_alternatives_and_new_kinds(sentence, expected):
    assert rows(sentence)[0] == expected


def test_every_new_form_gives_a_draft_that_loads(tmp_path):
    from pathlib import Path

    from generator.tender_extract.draft import Choices, render_draft
    from generator.tender_extract.metadata import Metadata

    text = "\n".join(["1. 交货期：2027年5月10日前。", "2. 整车质保2年或6万公里。", "3. 满意率不低于90%。",
                      "4. 苗木成活率不低于95%。", "5. 质保期自验收合格之日起3年。", "6. 须提供备用设备。"])
    extraction = extract_requirements(read_text_blocks(text))
    assert len(extraction.requirements) == 6 and not extraction.unconverted
    draft = render_draft(Metadata(), extraction, Path("招标文件.txt"), tmp_path / "d.yaml", Choices([], []))
    assert "starts: 验收合格之日" in draft and "value: '2027-05-10'" in draft
    assert "value: 2年\n    mileage: 6万公里" in draft  # the duration alone in value, the distance apart
    from ruamel.yaml import YAML

    from generator.models.requirement import Requirement

    loaded = [Requirement.model_validate(item) for item in YAML(typ="safe").load(draft)["requirements"]]
    assert [r.value for r in loaded] == [d.value for d in extraction.requirements]  # the values read back unchanged


def test_time_of_day_and_after_warranty_phase_are_tiers():
    got = [(d.kind, d.qualifier) for d in drafts("工作时间2小时内到达现场，节假日4小时内到达现场。")]
    assert got == [("onsite_arrival", "工作时间"), ("onsite_arrival", "节假日")]
    text = "三、质保期外服务要求\n1. 接到报修后8小时内到达现场。\n"
    assert [(d.kind, d.qualifier) for d in drafts(text)] == [("onsite_arrival", "质保期外")]
    assert [d.qualifier for d in drafts("质保期内每季度巡检一次。")] == [None]  # the usual phase: no tier


def test_table_rows_broken_across_lines_are_joined_with_their_marks():
    text = ("| 故障程度 | 到现场时间 | 故障排除时间 | 实质性 |\n"
            "| 一级故障 | ≤1小 | ≤8小时 |  |\n"
            "|  | 时 |  | ★ |\n"
            "| 二级故障 | 接到报修后4小\n"
            "时内 | ≤24小时 |  |\n")
    got = [(d.kind, d.qualifier, str(d.value), d.mark) for d in drafts(text)]
    assert got == [("onsite_arrival", "一级", "1小时", "★"), ("resolution", "一级", "8小时", "★"),
                   ("onsite_arrival", "二级", "4小时", ""), ("resolution", "二级", "24小时", "")]


def test_an_ascii_full_stop_after_chinese_ends_a_sentence():
    got = [(d.kind, d.text) for d in drafts("质保期不少于1.5年.接到报修后2小时内响应.")]
    assert got == [("warranty", "质保期不少于1.5年"), ("response", "接到报修后2小时内响应")]


def test_the_bidder_training_its_own_staff_is_not_a_training_requirement():
    assert drafts("中标人须负责对保安员进行岗前培训。") == []
    assert [d.kind for d in drafts("中标人须免费培训采购人的操作人员。")] == ["training"]


def test_round_the_clock_without_a_bound_word_is_exactly_that():
    # 7×24 is the top of its scale: a tender naming it asks for exactly it
    assert rows("技术支持须提供7×24小时电话服务。") == [("hotline", "equals", "7×24小时")]
    assert rows("设立全天候服务热线。")[0][:2] == ("hotline", "equals")
    # a shorter schedule, stated bare, is the figure itself (judged as a minimum); a stated bound wins
    assert rows("技术支持须提供5×8小时电话服务。") == [("hotline", "equals", "5×8小时")]
    assert rows("服务热线不低于7×24小时。") == [("hotline", "at_least", "7×24小时")]


def test_a_starred_heading_is_not_an_unconverted_clause():
    extraction = extract_requirements(read_text_blocks("★第三章 售后服务需求\n1. 投标人须安排专人负责本项目的售后服务。\n"))
    assert [u[0] for u in extraction.unconverted] == []
    extraction = extract_requirements(read_text_blocks("第三章 售后服务需求\n1. ★投标人须安排专人负责本项目的售后服务。\n"))
    assert [u[0] for u in extraction.unconverted] == ["1. ★投标人须安排专人负责本项目的售后服务。"]
