"""More forms real bidders write that the checker reads: 三包-style return and exchange windows,
periods counted from an event without 之日起, a period stated before 保修期内, tiers listed after the
first one, parenthetical notes and headings that name the kind. The sentences are written for these tests."""

from helpers import findings, mentions


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.kind, m.value.display if m.value else None, m.qualifier) for m in mentions(text)]


def conflicts(text: str) -> list[str]:
    return [f.message for f in findings(text) if f.rule == "conflicting-commitment"]


def test_return_and_exchange_windows_named_by_their_remedy():
    text = "一、五日内无理由退货\n\n二、六至三十日内免费换货\n\n三、一年内免费保修。"
    assert summary(text) == [("warranty", "5天", "退货"), ("warranty", "6-30天", "换货"), ("warranty", "1年", None)]
    assert conflicts(text) == []


def test_a_refund_after_the_return_is_not_a_window():
    assert summary("办理退货后3个工作日内退还货款。") == []


def test_period_counted_from_an_event_without_zhi_ri_qi():
    assert summary("货物自签收90日内出现质量问题的，可以换货。") == [("warranty", "90天", "换货")]
    assert summary("在验收十天内发现质量问题，我方负责调换。") == [("warranty", "10天", "换货")]


def test_purchase_day_with_a_parenthetical_note_before_qi():
    text = "自用户购买本机之日(以发票日期为准,下同)起10日内，如出现性能故障，可以选择退货或换货。"
    assert summary(text) == [("warranty", "10天", "退货、换货")]


def test_a_period_right_before_baoxiuqi_nei_is_the_warranty():
    assert summary("一、在8个月保修期内，对质量问题免费维修。") == [("warranty", "8个月", None)]
    assert summary("两年质保期满后，每半年巡检一次。")[0] == ("warranty", "2年", None)
    assert summary("质保期内每季度巡检一次。") == [("inspection", "每季度一次", "巡检、质保期内")]


def test_a_later_tier_repeats_the_kind_of_the_first():
    assert summary("一般情况下，市区内接到报修后40分钟内到达现场，郊县不超过2小时。") == [
        ("onsite_arrival", "40分钟", "市区"), ("onsite_arrival", "2小时", "郊县")]
    assert summary("重大故障2小时内解决，一般故障8小时内。") == [("resolution", "2小时", "重大"), ("resolution", "8小时", "一般")]
    assert summary("市区2小时内到达现场，节假日4小时内。")[1] == ("onsite_arrival", "4小时", "节假日")
    # a clause without a tier word does not take the word of the value before it
    assert summary("15分钟内远程响应，2小时内完成诊断。") == [("response", "15分钟", "远程")]


def test_a_value_inside_a_note_takes_no_kind_word_after_the_note():
    text = "维修期间提供免费代用机。(代用机服务仅限本公司售出的设备,并自发票日期起首三年内有效)配件维修1年免费保养。"
    assert summary(text) == [("warranty", "1年", "配件")]
    assert conflicts(text) == []
    assert summary("质保期(自验收合格之日起3年)内免费维修。") == [("warranty", "3年", None)]


def test_a_heading_names_the_kind_of_a_value_alone_or_of_an_extension():
    text = "二、保修条款\n\n整机保修期\n\n3年\n\n存储阵列、交换机延长至5年\n\n三、公司概况\n\n12年\n\n我公司成立于2005年，已有20年经验。"
    assert summary(text) == [("warranty", "3年", None), ("warranty", "5年", "存储阵列、交换机")]
    assert conflicts(text) == []


def test_an_extension_names_what_it_extends():
    assert summary("保修期为3年,服务器延长至5年。") == [("warranty", "3年", None), ("warranty", "5年", "服务器")]
    assert summary("质保期3年，经协商可延长至5年。")[1] == ("warranty", "5年", None)


def test_free_service_written_with_de():
    assert summary("保证在两年内提供免费的维修服务。") == [("warranty", "2年", None)]
    assert summary("每季度提供一次免费的维护。") == [("inspection", "每季度一次", "保养")]


def test_adaptive_maintenance_is_a_software_upgrade():
    assert summary("验收后三年内提供免费的适应性维护，当操作系统变化时修改软件。") == [("software_upgrade", "3年", None)]


def test_a_range_is_reported_by_its_binding_upper_end():
    from generator.report.json_report import mention_dict

    found = [mention_dict(m) for m in mentions("返修产品收到后2-4个工作日内修好寄出。接到报修后30分钟内响应。")]
    assert [(d["kind"], d["value"], d.get("range")) for d in found] == [
        ("repair_turnaround", "4个工作日", "2-4个工作日"), ("response", "30分钟", None)]
