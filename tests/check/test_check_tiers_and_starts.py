"""tender-requirement on the commitment model's forms: tiers, start events, remaining shelf life, rates."""

from helpers import findings

from generator.check.expectations import ExpectedRequirement
from generator.core.quantities import Duration, Proportion

STARTS = "监督检验合格并交付使用之日"
WARRANTY = ExpectedRequirement("★质保期不少于2年", "warranty", "at_least", Duration(2, "年"), mark="★", starts=STARTS)


def messages(text: str, *requirements: ExpectedRequirement) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in findings(text, requirements=list(requirements))
            if f.rule == "tender-requirement"]


def test_warranty_counted_from_another_event_is_an_error():
    found = messages("本项目电梯的质保期为2年，自验收合格之日起计算。", WARRANTY)
    assert found == [("error", "★招标要求“★质保期不少于2年”：方案的质保期自验收合格之日起计算，"
                                f"招标要求自{STARTS}起计算")]


def test_warranty_counted_from_the_tenders_event_is_clean():
    assert messages(f"本项目电梯的质保期为2年，自{STARTS}起计算。", WARRANTY) == []


def test_another_kinds_clock_in_the_sentence_is_not_the_warranty_start():
    text = "质保期为2年；备件自所供电梯停产之日起计算供应15年。"
    assert messages(text, WARRANTY) == []


def test_starred_remaining_shelf_life_answered_with_total_shelf_life_only_is_an_error():
    requirement = ExpectedRequirement("★到货剩余有效期不少于12个月", "remaining_shelf_life", "at_least",
                                      Duration(12, "个月"), mark="★")
    found = messages("所供耗材的保质期为3年，每批随货提供合格证明。", requirement)
    assert found == [("error", "★招标要求“★到货剩余有效期不少于12个月”：方案只写明保质期3年，未承诺到货时的剩余有效期")]


def test_remaining_shelf_life_shorter_than_required_is_an_error():
    requirement = ExpectedRequirement("★到货剩余有效期不少于12个月", "remaining_shelf_life", "at_least",
                                      Duration(12, "个月"), mark="★")
    found = messages("保质期为3年，到货时剩余有效期不少于6个月。", requirement)
    assert [severity for severity, _ in found] == ["error"] and "6个月" in found[0][1]


def test_a_remaining_shelf_life_stated_as_a_share_of_the_total_is_read_as_one():
    requirement = ExpectedRequirement("到货时剩余有效期不少于总有效期的2/3", "remaining_shelf_life", "at_least",
                                      Proportion(2 / 3, "总有效期的2/3"))
    table = "| 服务项目 | 承诺内容 |\n|---|---|\n| 有效期 | 不少于1年 |\n| 到货时剩余有效期 | 不少于总有效期的2/3 |\n"
    assert messages(table, requirement) == []
    assert messages("有效期不少于1年，到货时剩余有效期不少于总有效期的3/4。", requirement) == []
    found = messages("有效期不少于1年，到货时剩余有效期不少于总有效期的1/2。", requirement)
    assert [severity for severity, _ in found] == ["error"] and "1/2" in found[0][1]


def test_survival_rate_below_the_requirement_is_an_error_and_above_is_clean():
    requirement = ExpectedRequirement("成活率不低于95%", "survival_rate", "at_least", Proportion(0.95, "95%"))
    found = messages("养护期内苗木成活率不低于90%。", requirement)
    assert found == [("error", "招标要求“成活率不低于95%”：方案承诺90%，不满足“不低于95%”")]
    assert messages("养护期内苗木成活率达到98%。", requirement) == []


def test_repair_categories_are_separate_tiers():
    minor = ExpectedRequirement("小修2小时内修复", "resolution", "at_most", Duration(2, "小时"), "小修")
    text = "小修2小时内排除故障，中修12小时内排除故障，大修24小时内排除故障。"
    assert messages(text, minor) == []
    assert [f.rule for f in findings(text)] == []  # different tiers never conflict
    found = messages("小修4小时内排除故障，大修24小时内排除故障。", minor)
    assert [severity for severity, _ in found] == ["error"] and "小修4小时" in found[0][1]


def test_a_delivery_period_is_judged_against_a_calendar_deadline_from_the_bid_date():
    import datetime as dt

    from generator.core.quantities import Deadline

    requirement = ExpectedRequirement("全部电梯于2027年2月28日前到货", "delivery", "at_most", Deadline(dt.date(2027, 2, 28)))
    text = "自合同签订之日起90天内完成供货。"
    assert [f.message for f in findings(text, requirements=[requirement], tender_date=dt.date(2026, 11, 5))
            if f.rule == "tender-requirement"] == []
    late = [f for f in findings(text, requirements=[requirement], tender_date=dt.date(2027, 1, 10))
            if f.rule == "tender-requirement"]
    assert [f.severity for f in late] == ["error"] and "90天" in late[0].message
    # without the bid's date the two cannot be compared: a person decides
    unknown = [f.severity for f in findings(text, requirements=[requirement]) if f.rule == "tender-requirement"]
    assert unknown == ["warning"]
