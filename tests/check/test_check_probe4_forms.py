"""Forms the fourth round of probe documents (tests/check/probes/pr36–pr41) found the checker misreading:
minutes written “min”, the start event of a period taken for the part it covers, districts and counties
listed before a colon as a tier, 疑难故障 as a fault level, a repair that outlasts a period as the condition
of a backup, a list of parts after “其中：”, and a space-aligned table whose header row is set on two lines."""

from helpers import mentions, rules

from generator.text.reader import read_bytes


def stated(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.kind, m.value.display, m.qualifier) for m in mentions(text, "方案.txt") if m.stated]


def test_minutes_written_min_are_minutes():
    assert stated("接到报修后≤30min响应。") == [("response", "30分钟", None)]
    assert stated("响应时间15mins以内。") == [("response", "15分钟", None)]
    # the same promise written two ways is no conflict
    assert "conflicting-commitment" not in rules("接报后半个小时内响应。\n\n响应时间：≤30min\n", "方案.txt")


def test_the_event_a_period_counts_from_is_no_part():
    text = "质保期为自终验合格之日起叁年。\n\n承诺函：本项目所供设备质保期五年。\n"
    assert stated("质保期为自终验合格之日起叁年。") == [("warranty", "3年", None)]
    assert "conflicting-commitment" in rules(text, "方案.txt")


def test_districts_listed_before_a_colon_are_a_tier():
    text = "高新区、经开区：接报后1小时内到达；\n城东区、城西区：2小时内到达；\n北山县（含所辖乡镇）：6小时内到达。\n"
    assert [q for *_, q in stated(text)] == ["高新区、经开区", "城东区、城西区", "北山县(含所辖乡镇)"]
    assert "conflicting-commitment" not in rules(text, "方案.txt")
    # a tier word before the colon keeps its usual name; words that run on from other text are no names
    assert stated("郊县：4小时内到达现场。") == [("onsite_arrival", "4小时", "郊县")]
    assert "conflicting-commitment" in rules("服务范围覆盖开发区：2小时内到达现场。\n\n到达现场时间：4小时。\n", "方案.txt")


def test_a_hard_fault_is_a_fault_level():
    assert stated("一般故障24小时内修复，疑难故障不超过3个工作日修复。") == [
        ("resolution", "24小时", "一般"), ("resolution", "3个工作日", "疑难")]


def test_a_repair_that_outlasts_a_period_brings_the_backup():
    assert stated("维修时间超过5个自然日的，免费借用备用机。") == [("backup_equipment", "5天", None)]
    # an overrun with no backup after it brings none
    assert "backup_equipment" not in [k for k, *_ in stated("维修时间超过5天的，按合同约定处理。")]


def test_parts_listed_after_other_words_are_parts_of_the_whole():
    text = ("(1) 整机免费保修2年；\n(2) 核心部件另行延长保修期，其中：\n① 主板、电源模块保修3年；\n"
            "② 键盘、鼠标等外设保修1年。\n")
    assert ("warranty", "3年", "主板、电源模块") in stated(text)
    assert "conflicting-commitment" not in rules(text, "方案.txt")
    # without the lead-in, a list of what was delivered still names the whole delivery
    assert stated("窗帘、罗马杆质保期为2年。") == [("warranty", "2年", None)]


def test_a_header_row_set_on_two_lines_is_one_row():
    text = ("序号   服务        承诺\n       项目        标准          说明\n"
            "1      质保期      整机3年       自验收合格之日起\n2      备用设备    48小时内      未修复时提供\n")
    document = read_bytes(text.encode("utf-8"), "表.txt")
    cells = [b.text for b in document.blocks if b.cell is not None and b.cell.row == 0]
    assert cells == ["序号", "服务项目", "承诺标准", "说明"]
    assert ("backup_equipment", "48小时", None) in stated(text)
    assert "conflicting-commitment" not in rules(text, "方案.txt")
