"""Commitment mentions: kind, value and qualifier from running text and from tables."""

from helpers import mentions


def summary(text: str, name: str = "方案.md") -> list[tuple[str, str, str | None]]:
    return [(m.kind, m.value.display, m.qualifier) for m in mentions(text, name)]


def test_kind_follows_the_value_when_it_ends_in_nei():
    assert summary("我公司接到报修后30分钟内响应，市区2小时内、省内6小时内到达现场，24小时内排除故障。") == [
        ("response", "30分钟", None), ("onsite_arrival", "2小时", "市区"), ("onsite_arrival", "6小时", "省内"),
        ("resolution", "24小时", None)]


def test_kind_before_the_value_and_from_an_earlier_clause():
    assert summary("质保期为三年，其中主机3年，配件1年。") == [
        ("warranty", "3年", None), ("warranty", "3年", "主机"), ("warranty", "1年", "配件")]


def test_enumerated_parts_become_qualifiers():
    assert summary("保修期为门窗2年、外窗防渗漏5年。") == [
        ("warranty", "2年", "门窗"), ("warranty", "5年", "外窗防渗漏")]


def test_severity_phase_and_condition():
    found = summary("一般问题8小时内解决，复杂问题3个工作日内解决。质保期外接到报修后2小时内响应。必要时4小时内到达现场。")
    assert found == [("resolution", "8小时", "一般"), ("resolution", "3个工作日", "复杂"),
                     ("response", "2小时", "质保期外"), ("onsite_arrival", "4小时", "必要时")]


def test_a_fault_level_holds_for_the_limits_listed_after_it():
    found = summary("48小时内排除故障，其中一级故障15分钟内响应、市区1小时内到达现场、8小时内排除。")
    assert found == [("resolution", "48小时", None), ("response", "15分钟", "一级"),
                     ("onsite_arrival", "1小时", "一级、市区"), ("resolution", "8小时", "一级")]


def test_a_fault_level_row_ends_at_a_second_limit_of_the_same_kind_or_a_new_level():
    assert summary("一级故障2小时内到场、4小时内响应，其余故障24小时内到场。") == [
        ("onsite_arrival", "2小时", "一级"), ("response", "4小时", "一级"), ("onsite_arrival", "24小时", "其余故障")]
    assert summary("一级故障1小时内到场、二级故障8小时内排除、24小时内响应。质保期3年。") == [
        ("onsite_arrival", "1小时", "一级"), ("resolution", "8小时", "二级"), ("response", "24小时", "二级"),
        ("warranty", "3年", None)]


def test_complaint_and_records_and_backup():
    found = summary("自受理投诉起24小时内答复。记录存档保存5年。24小时内仍未修复的，48小时内提供备用机。")
    assert found == [("complaint_response", "24小时", None), ("records_retention", "5年", None),
                     ("resolution", "24小时", None), ("backup_equipment", "48小时", None)]


def test_penalties_and_requirement_quotes_are_not_promises():
    assert summary("工程师上门迟到1小时的，扣罚100元。招标文件要求2小时内响应，我公司承诺30分钟内响应。") == [
        ("response", "30分钟", None)]


def test_tables_take_kind_from_row_or_header_and_skip_requirement_columns():
    text = """
| 序号 | 服务项目 | 承诺内容 |
|---|---|---|
| 1 | 到达现场时间 | 市区2小时、省内6小时 |

| 序号 | 招标要求 | 投标响应 | 偏离情况 | 说明 |
|---|---|---|---|---|
| 1 | 接到报修后1小时内响应 | 30分钟 | 正偏离 | 承诺30分钟，优于“不超过1小时” |

| 故障等级 | 故障类型 | 响应时限 | 解决时限 |
|---|---|---|---|
| 一级 | 紧急故障 | 15分钟 | 8小时 |
"""
    assert summary(text) == [
        ("onsite_arrival", "2小时", "市区"), ("onsite_arrival", "6小时", "省内"), ("response", "30分钟", None),
        ("response", "15分钟", "一级"), ("resolution", "8小时", "一级")]


def test_a_row_label_names_its_kind_by_its_most_specific_word():
    # 到货时剩余有效期: “到货” only says when the remaining shelf life is measured; 投诉答复 is a complaint's answer
    text = """
| 序号 | 服务项目 | 承诺内容 |
|---|---|---|
| 1 | 到货时剩余有效期 | 不少于12个月 |
| 2 | 投诉答复 | 12小时 |
| 3 | 供货期 | 48小时 |
"""
    assert summary(text) == [("remaining_shelf_life", "12个月", None), ("complaint_response", "12小时", None),
                             ("delivery", "48小时", None)]


def test_schedule_is_the_hotline_and_not_a_duration():
    assert summary("设立7×24小时服务热线，24小时开机。") == [("hotline", "7×24小时", None), ("hotline", "7×24小时", None)]
