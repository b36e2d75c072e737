"""Forms the third round of probe documents (tests/check/probes/pr27–pr33) found the checker misreading:
a deadline counted from acceptance for a task that takes no such period, lots of one bid, a warranty on
repaired parts after the warranty, and backup equipment promised once a repair overruns."""

from helpers import mentions, rules


def stated(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.kind, m.value.display, m.qualifier) for m in mentions(text, "方案.txt") if m.stated]


def test_a_deadline_counted_from_acceptance_for_training_is_no_warranty():
    assert stated("验收合格后1个月内，组织不少于2天的现场操作培训。") == [("training", "2天", None)]
    # a period counted from the sale with a service after it is still the warranty
    assert [k for k, *_ in stated("自到货之日起1年内，免费上门服务。")] == ["warranty"]
    assert stated("自验收合格之日起3年内免费保修。") == [("warranty", "3年", None)]


def test_lots_of_one_bid_are_separate_promises():
    text = ("5.1 第一包 台式计算机\n1. 整机免费保修3年；\n2. 接到报修后30分钟内响应。\n"
            "5.2 第二包 激光打印机\n1. 整机免费保修1年；\n2. 接到报修后1小时内响应。\n")
    assert [q for *_, q in stated(text)] == ["主机、第1包", "第1包", "主机、第2包", "第2包"]
    assert "conflicting-commitment" not in rules(text, "方案.txt")
    # in one sentence, and 第1包 / 第一包 are one lot: two values for it still conflict
    assert "conflicting-commitment" not in rules("第一包质保期3年，第二包质保期1年。", "方案.txt")
    assert "conflicting-commitment" in rules("第一包质保期3年。\n\n第1包的质保期为2年。", "方案.txt")


def test_a_list_number_does_not_hide_the_part_a_warranty_is_for():
    assert stated("1. 整机免费保修3年，硬盘免费保修5年；") == [("warranty", "3年", "主机"), ("warranty", "5年", "硬盘")]
    assert "conflicting-commitment" not in rules("1. 整机免费保修3年，硬盘免费保修5年；", "方案.txt")


def test_a_warranty_given_after_the_warranty_is_apart():
    text = "（一）保修期内\n1. 免费保修2年。\n（二）保修期外\n1. 保修期外维修的更换部件，另享6个月保修。\n"
    assert "conflicting-commitment" not in rules(text, "方案.txt")
    assert ("warranty", "6个月") in [(k, v) for k, v, _ in stated(text)]
    # within the warranty it is the same promise: 2 years against 6 months still conflict
    assert "conflicting-commitment" in rules("1. 免费保修2年。\n2. 保修期内更换的部件，保修6个月。\n", "方案.txt")


def test_a_repair_time_whose_failure_brings_a_backup_is_the_backups_limit():
    for text, hours in (("故障设备48小时内未能修复的，无偿提供同档次备用设备。", "48小时"),
                        ("故障机器72小时内修不好的，提供同型号备用机。", "72小时"),
                        ("若无法在24小时内修好，我公司免费提供备用机。", "24小时")):
        assert ("backup_equipment", hours, None) in stated(text), text
    # so it is no second resolution time beside the one promised
    assert "conflicting-commitment" not in rules("故障8小时内修复；无法在48小时内修复的，免费提供备用机。", "方案.txt")
    # a repair time followed by a backup, with no failure between, stays the repair time
    assert stated("24小时内修复故障，并提供备用机。")[0] == ("resolution", "24小时", None)


def test_a_visit_on_a_schedule_is_a_routine_visit():
    assert ("inspection", "每年六次", "巡检") in stated("每两个月上门更换滤芯并清洗一次。")
    # a visit with no schedule stays an on-site promise without a value
    assert [k for k, *_ in stated("接到报修后上门维修。")] == []


def test_a_label_on_the_line_before_names_the_kind_of_a_cell_per_line_table():
    text = "备用设备\n维修超过3个工作日的提供备用机\n零配件供应\n保证供应不少于10年\n"
    assert ("spare_parts", "10年", None) in stated(text)
    # a line naming no kind, or a long line, names none
    assert stated("服务内容\n保证供应不少于10年\n") == []  # no kind word in the label
    assert stated("我公司对所投设备的零配件供应作出如下安排。\n\n保证供应不少于10年。\n") == []


def test_outside_the_city_and_the_city_itself_are_tiers():
    assert [q for *_, q in stated("本市3小时内到达，市外不超过6小时。")] == ["市区", "市外"]
    assert "conflicting-commitment" not in rules("本市3小时内到达现场，外市区县6小时内到达现场。", "方案.txt")


def test_a_part_of_the_projects_own_product_is_no_foreign_word():
    from pathlib import Path

    from generator.check import Expectations, check_bytes
    from generator.check.profiles import load_vocabularies

    vocabularies = load_vocabularies(Path(__file__).resolve().parents[2])
    expectations = Expectations(vocabularies=vocabularies, product_type="it-equipment")

    def foreign(text: str) -> bool:
        return any(f.rule == "foreign-entity" for f in check_bytes(text.encode(), "方案.txt", expectations).findings)

    assert not foreign("5.2 第二包 激光打印机\n1. 整机免费保修1年，硒鼓等耗材不在保修范围内。\n")
    # the same word under a heading that names nothing of ours is still left over from another bid
    assert foreign("5.2 供货安排\n1. 硒鼓、墨盒按月配送到各科室。\n")
    assert foreign("5.2 供货安排\n1. 激光打印机的硒鼓、墨盒按月配送到各科室。\n")  # a sentence naming ours is not enough


def test_times_listed_with_a_pause_mark_take_the_word_after_them():
    assert stated("提供2小时响应、4小时到场、8小时修复的服务。") == [
        ("response", "2小时", None), ("onsite_arrival", "4小时", None), ("resolution", "8小时", None)]
    assert "conflicting-commitment" not in rules("做到30分钟响应、2小时到场、24小时解决。", "方案.txt")
    # a word before the value that follows no other value is still its word
    assert stated("质保期3年，响应2小时。")[1] == ("response", "2小时", None)


def test_phone_and_on_site_return_visits_are_two_schedules():
    text = "每月电话回访1次，每季度上门回访1次。"
    assert [q for *_, q in stated(text)] == ["远程", "现场"]
    assert "conflicting-commitment" not in rules(text, "方案.txt")
    assert "conflicting-commitment" in rules("每月电话回访1次。\n\n每季度电话回访1次。", "方案.txt")


def test_a_response_table_converted_one_cell_per_line_is_read_as_a_table():
    text = ("技术条款响应表\n序号\n招标技术要求\n投标产品响应\n偏离\n"
            "1\n整机质保不少于1年\n整机质保3年\n正偏离\n2\n8小时内到达现场\n6小时内到达现场\n正偏离\n")
    assert stated(text) == [("warranty", "3年", "主机"), ("onsite_arrival", "6小时", None)]
    assert "conflicting-commitment" not in rules(text, "方案.txt")
    # lines that do not fill whole rows opening with a number are left as they are
    broken = text.replace("2\n8小时内", "8小时内")
    assert ("warranty", "1年", "主机") in stated(broken)
