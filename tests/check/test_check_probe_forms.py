"""Forms the probe documents (tests/check/probes/) found the checker misreading: tiers by distance, the
schedules of two services, and the purchaser's duties written in a proposal."""

from helpers import mentions, rules


def stated(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.kind, m.value.display, m.qualifier) for m in mentions(text, "方案.txt") if m.stated]


def test_tiers_by_distance_are_separate_promises():
    text = ("服务网点50公里以内的用户，接到报修后2小时内到达现场；\n"
            "服务网点50公里以外的用户，接到报修后6小时内到达现场。\n")
    assert stated(text) == [("onsite_arrival", "2小时", "50公里以内"), ("onsite_arrival", "6小时", "50公里以外")]
    assert "conflicting-commitment" not in rules(text, "方案.txt")
    # the same distance promised twice with two values is still a conflict
    twice = text + "距服务网点50公里以内的，我公司保证4小时内到达现场。\n"
    assert "conflicting-commitment" in rules(twice, "方案.txt")


def test_towns_are_a_region_of_their_own():
    assert stated("城区用户的一般故障24小时内修复，乡镇用户的一般故障48小时内修复。") == [
        ("resolution", "24小时", "一般、市区"), ("resolution", "48小时", "一般、乡镇")]


def test_a_remote_support_schedule_is_not_the_hotlines():
    text = "服务热线7×24小时有人值守，远程技术支持时间为5×8小时（工作日9:00-17:00）。"
    assert stated(text) == [("hotline", "7×24小时", None), ("hotline", "5×8小时", "远程")]
    assert "conflicting-commitment" not in rules(text, "方案.txt")
    assert "conflicting-commitment" in rules("服务热线7×24小时有人值守。\n热线电话服务时间为5×8小时。", "方案.txt")


def test_the_purchasers_duties_are_not_promises():
    assert stated("招标人应于货物到达后3日内组织验收，逾期未组织的视为验收合格。") == []
    assert stated("甲方须在验收合格后，10个工作日内支付合同款。") == []
    # the bidder named after the purchaser speaks for itself again
    assert stated("采购人应提供安装场地，我公司在到货后3天内安装完毕。") == [("installation", "3天", None)]
    assert stated("我公司接到采购人报修后1小时内响应。") == [("response", "1小时", None)]


def test_spare_parts_are_not_told_apart_by_the_word_for_parts():
    text = "我公司常备易损件，保证设备停产后备件供应不少于10年。\n\n备件供应年限：设备停产后8年。\n"
    assert stated(text) == [("spare_parts", "10年", None), ("spare_parts", "8年", None)]
    assert "conflicting-commitment" in rules(text, "方案.txt")


def test_towns_named_as_places_are_no_tier():
    assert stated("我公司在全县各乡镇设有配送点，承诺供货期为7天。") == [("delivery", "7天", None)]


def test_days_and_hours_written_out_are_a_schedule():
    assert stated("我公司7天24小时受理报修，2小时内响应。") == [("hotline", "7×24小时", None), ("response", "2小时", None)]
    # two periods side by side (7天内, 24小时内) are no schedule
    found = stated("维修时间为7天24小时内给予答复。")
    assert [value for _, value, _ in found] == ["7天", "24小时"] and all(kind != "hotline" for kind, _, _ in found)


def test_a_bulleted_part_is_told_apart_from_the_whole_unit():
    text = "● 整机质保3年，压缩机等主要部件质保5年。\n● 市区范围内4小时内到场。\n"
    assert stated(text)[:2] == [("warranty", "3年", "主机"), ("warranty", "5年", "压缩机等主要部件")]
    assert "conflicting-commitment" not in rules(text, "方案.txt")
