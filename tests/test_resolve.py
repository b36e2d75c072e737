from pathlib import Path

from ruamel.yaml import YAML

from generator.load.yamlio import Loaded
from generator.models.commitments import CommitmentsInput
from generator.models.requirement import Requirement
from generator.resolve.commitments import Layer, evaluate, logic_problems, resolve_commitments


class Holder:
    def __init__(self, commitments: CommitmentsInput) -> None:
        self.commitments = commitments


def layer(name: str, yaml_text: str) -> Layer:
    raw = YAML(typ="rt").load(yaml_text)
    model = Holder(CommitmentsInput.model_validate(dict(raw["commitments"])))
    return Layer(Loaded(Path(name), model, raw), "commitments")


PRODUCT = layer("product.yaml", """commitments:
  response: 1小时
  onsite_arrival: {市区: 4小时, 省外: 24小时}
  resolution: 48小时
  warranty: 2年
""")
BIDDER = layer("bidder.yaml", """commitments:
  response: 30分钟
  warranty: 3年
""")


def test_higher_layers_win_and_remember_their_file_and_line():
    resolved = resolve_commitments([PRODUCT, BIDDER])
    assert str(resolved.kinds["response"].values[None]) == "30分钟"
    assert resolved.kinds["response"].source.path == Path("bidder.yaml")
    assert resolved.kinds["response"].source.line == 2
    assert resolved.kinds["onsite_arrival"].source.path == Path("product.yaml")
    assert resolved.kinds["onsite_arrival"].describe() == "市区4小时、省外24小时"


def test_a_kind_is_replaced_whole():
    tender = layer("tender.yaml", "commitments:\n  onsite_arrival: {市区: 2小时}\n")
    resolved = resolve_commitments([PRODUCT, tender])
    assert list(resolved.kinds["onsite_arrival"].values) == ["市区"]


def test_arrival_longer_than_resolution_is_a_logic_problem_naming_both_files():
    tender = layer("tender.yaml", "commitments:\n  resolution: 12小时\n")
    problems = logic_problems(resolve_commitments([PRODUCT, tender]))
    assert problems, "24h arrival with 12h resolution must be refused"
    assert all(p.path == Path("tender.yaml") for p in problems)
    assert any("product.yaml" in p.message and "省外24小时" in p.message for p in problems)


def test_consistent_commitments_have_no_logic_problems():
    assert logic_problems(resolve_commitments([PRODUCT, BIDDER])) == []


def test_fault_levels_must_stay_within_headline_and_never_get_faster():
    bad = layer("p.yaml", """commitments:
  response: 30分钟
  resolution: 24小时
  fault_levels:
    一级: {response: 15分钟, resolution: 8小时}
    二级: {response: 10分钟, resolution: 48小时}
""")
    messages = [p.message for p in logic_problems(resolve_commitments([bad]))]
    assert any("二级" in m and "短于更紧急的一级" in m for m in messages)
    assert any("二级" in m and "长于总体承诺" in m for m in messages)


def test_a_fault_levels_arrival_must_come_before_its_resolution():
    """Evaluator (software, 7/10): 一级 到场 4小时 and 解决 4小时 read as if nothing were left to fix on arrival.
    A level without its own arrival inherits every headline tier; equal values are refused, shorter pass."""
    inherited = layer("p.yaml", """commitments:
  response: 30分钟
  onsite_arrival: {工作时间: 1小时, 非工作时间: 4小时}
  resolution: 24小时
  fault_levels:
    一级: {response: 15分钟, resolution: 4小时}
    二级: {response: 30分钟, resolution: 12小时}
""")
    problems = logic_problems(resolve_commitments([inherited]))
    assert [p.field for p in problems] == ["commitments.fault_levels.一级"]
    assert "非工作时间4小时" in problems[0].message and "不短于" in problems[0].message
    own = layer("p.yaml", """commitments:
  response: 30分钟
  onsite_arrival: 8小时
  resolution: 24小时
  fault_levels:
    一级: {response: 15分钟, onsite_arrival: 2小时, resolution: 4小时}
    二级: {response: 30分钟, onsite_arrival: 8小时, resolution: 8小时}
""")
    assert [p.field for p in logic_problems(resolve_commitments([own]))] == ["commitments.fault_levels.二级"]
    fixed = layer("p.yaml", """commitments:
  response: 30分钟
  onsite_arrival: {工作时间: 1小时, 非工作时间: 2小时}
  resolution: 24小时
  fault_levels:
    一级: {response: 15分钟, resolution: 4小时}
""")
    assert logic_problems(resolve_commitments([fixed])) == []


def requirement(**fields) -> Requirement:
    return Requirement.model_validate({"text": "要求", **fields})


def test_deviation_statuses():
    resolved = resolve_commitments([PRODUCT, BIDDER])
    assert evaluate(requirement(kind="warranty", bound="at_least", value="3年"), resolved).status == "无偏离"
    assert evaluate(requirement(kind="warranty", bound="at_least", value="2年"), resolved).status == "正偏离"
    assert evaluate(requirement(kind="warranty", bound="at_least", value="5年"), resolved).status == "负偏离"
    assert evaluate(requirement(kind="response", bound="at_most", value="1小时"), resolved).status == "正偏离"
    # 省外 24 hours breaks a 12-hour limit without a qualifier, but not the 市区 one
    arrival = requirement(kind="onsite_arrival", bound="at_most", value="12小时")
    assert evaluate(arrival, resolved).status == "负偏离"
    city = requirement(kind="onsite_arrival", bound="at_most", value="4小时", qualifier="市区")
    assert evaluate(city, resolved).status == "无偏离"
    absent = requirement(kind="software_upgrade", bound="present")
    assert evaluate(absent, resolved).status == "负偏离"


def test_incomparable_units_are_flagged_for_a_human():
    resolved = resolve_commitments([layer("p.yaml", "commitments:\n  resolution: 3个工作日\n")])
    deviation = evaluate(requirement(kind="resolution", bound="at_most", value="48小时"), resolved)
    assert deviation.status == "负偏离" and "无法比较" in deviation.note


# -- tiers, alternatives, start events, deadlines ---------------------------------------------
ELEVATOR = layer("elevator.yaml", """commitments:
  response: 10分钟
  onsite_arrival: {市区: 30分钟, 省内: 2小时}
  resolution: {小修: 2小时, 中修: 12小时, 大修: 24小时}
  warranty: {value: 2年, starts: 自监督检验合格并交付使用之日起计算}
  delivery: 90天
""")


def test_tiers_of_different_dimensions_never_conflict_but_nested_ones_are_checked():
    assert logic_problems(resolve_commitments([ELEVATOR])) == []
    bad = layer("bad.yaml", """commitments:
  onsite_arrival: {市区: 30分钟, "省内、大修": 6小时}
  resolution: {小修: 2小时, "大修 省内": 4小时}
""")
    [problem] = logic_problems(resolve_commitments([bad]))
    assert "到达现场时间（大修（省内）6小时" in problem.message.replace("省内（大修）", "大修（省内）")


def test_requirement_with_a_tier_is_judged_on_that_tier_only():
    resolved = resolve_commitments([ELEVATOR])
    minor = evaluate(requirement(kind="resolution", bound="at_most", value="2小时", qualifier="小修"), resolved)
    assert (minor.status, minor.offered_text) == ("无偏离", "小修2小时")
    major = evaluate(requirement(kind="resolution", bound="at_most", value="12小时", qualifier="大修"), resolved)
    assert (major.status, major.note) == ("负偏离", "承诺大修24小时，不满足招标要求：不超过12小时")
    other = evaluate(requirement(kind="resolution", bound="at_most", value="8小时", qualifier="更换电子板"), resolved)
    assert other.status == "负偏离" and "更换电子板" in other.note


def test_start_event_other_than_the_tenders_is_a_negative_deviation():
    resolved = resolve_commitments([ELEVATOR])
    same = evaluate(requirement(kind="warranty", bound="at_least", value="2年",
                                starts="监督检验合格并交付使用之日"), resolved)
    assert same.status == "无偏离"
    other = evaluate(requirement(kind="warranty", bound="at_least", value="2年", starts="验收合格之日"), resolved)
    assert other.status == "负偏离"
    assert other.note.startswith("承诺自监督检验合格并交付使用之日起计算，招标要求自验收合格之日起计算")


def test_a_warranty_without_a_start_event_counts_from_the_tenders():
    import datetime as dt

    from generator.resolve.commitments import for_tender

    plain = resolve_commitments([PRODUCT])
    asked = [requirement(kind="warranty", bound="at_least", value="2年", starts="到货之日")]
    assert for_tender(plain, asked, dt.date(2026, 5, 1), ["onsite_repair"]).kinds["warranty"].starts == "到货之日"
    assert for_tender(plain, [], dt.date(2026, 5, 1), ["construction"]).kinds["warranty"].starts == "竣工验收合格之日"


def test_alternative_limits_are_compared_each_and_an_extra_limit_is_stated():
    vehicles = resolve_commitments([layer("v.yaml", "commitments:\n  warranty: 3年或10万公里\n")])
    both = evaluate(requirement(kind="warranty", bound="at_least", value="3年或10万公里"), vehicles)
    assert both.status == "无偏离"
    longer = evaluate(requirement(kind="warranty", bound="at_least", value="2年或6万公里"), vehicles)
    assert longer.status == "正偏离"
    short = evaluate(requirement(kind="warranty", bound="at_least", value="3年或20万公里"), vehicles)
    assert (short.status, short.note) == ("负偏离", "承诺3年或10万公里（以先到者为准），不满足招标要求：不少于3年或20万公里（以先到者为准）")
    years_only = evaluate(requirement(kind="warranty", bound="at_least", value="3年"), vehicles)
    assert (years_only.status, years_only.note) == ("负偏离", "承诺另设10万公里的限制，招标要求未设此限")


def test_calendar_deadline_is_judged_from_the_tender_date():
    import datetime as dt

    from generator.resolve.commitments import for_tender

    resolved = for_tender(resolve_commitments([ELEVATOR]), [], dt.date(2026, 11, 5), ["installation"])
    # 90天 from 2026-11-05 ends on 2027-02-03
    later = evaluate(requirement(kind="delivery", bound="at_most", value="2027年2月28日前"), resolved)
    assert later.status == "正偏离" and "2027年2月3日前完成" in later.note
    earlier = evaluate(requirement(kind="delivery", bound="at_most", value="2027年1月31日前"), resolved)
    assert (earlier.status, earlier.note) == ("负偏离", "承诺90天，不满足招标要求：2027年1月31日前")


def test_remaining_shelf_life_as_a_fraction_is_judged_against_the_total():
    goods = resolve_commitments([layer("g.yaml", "commitments:\n  shelf_life: 2年\n  remaining_shelf_life: 2/3\n")])
    enough = evaluate(requirement(kind="remaining_shelf_life", bound="at_least", value="12个月"), goods)
    assert enough.status == "正偏离"  # 2/3 of 24 months is 16 months
    assert evaluate(requirement(kind="remaining_shelf_life", bound="at_least", value="18个月"), goods).negative


def test_long_form_errors_are_clear():
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="只有质保期"):
        CommitmentsInput.model_validate({"response": {"value": "1小时", "starts": "验收合格之日"}})
    with pytest.raises(ValidationError, match="须写且只写其一"):
        CommitmentsInput.model_validate({"warranty": {"starts": "验收合格之日"}})
    with pytest.raises(ValidationError, match="不认识的键"):
        CommitmentsInput.model_validate({"survival_rate": {"value": "95%", "replant": "15天"}})


def product_layer(name: str, yaml_text: str) -> Layer:
    """A layer whose file is a product type profile (its values are defaults that may follow others)."""
    from generator.models.parties import ProductType

    raw = YAML(typ="rt").load(yaml_text)
    model = ProductType.model_construct(commitments=CommitmentsInput.model_validate(dict(raw["commitments"])))
    return Layer(Loaded(Path(name), model, raw), "commitments")


LONG_PROMISES = product_layer("product.yaml", """commitments:
  warranty: {整车: 3年或10万公里, 三电系统: 8年或15万公里}
  spare_parts: 15年
  records_retention: 5年
""")


def test_a_default_records_retention_follows_the_longest_promised_period():
    resolved = resolve_commitments([LONG_PROMISES])
    retention = resolved.kinds["records_retention"]
    assert str(retention.values[None]) == "15年"
    assert retention.source.line == 3  # the spare parts promise that set it
    assert logic_problems(resolved) == []
    shorter = product_layer("p.yaml", "commitments:\n  warranty: 8年或15万公里\n  records_retention: 5年\n")
    assert str(resolve_commitments([shorter]).kinds["records_retention"].values[None]) == "8年"
    longer = product_layer("p.yaml", "commitments:\n  warranty: 2年\n  records_retention: 10年\n")
    assert str(resolve_commitments([longer]).kinds["records_retention"].values[None]) == "10年"


def test_a_tenders_records_retention_shorter_than_a_promised_period_is_refused():
    tender = layer("tender.yaml", "commitments:\n  records_retention: 5年\n")  # not a product or bidder file
    problems = logic_problems(resolve_commitments([LONG_PROMISES, tender]))
    assert len(problems) == 1
    assert problems[0].path == Path("tender.yaml") and problems[0].field == "commitments.records_retention"
    assert "备件供应年限（15年" in problems[0].message and "product.yaml:3" in problems[0].message
    enough = layer("tender.yaml", "commitments:\n  records_retention: 20年\n")
    assert logic_problems(resolve_commitments([LONG_PROMISES, enough])) == []


def test_a_bidders_records_retention_is_a_default_that_follows_too():
    from generator.models.parties import Bidder

    raw = YAML(typ="rt").load("commitments:\n  records_retention: 10年\n")
    model = Bidder.model_construct(commitments=CommitmentsInput.model_validate(dict(raw["commitments"])))
    bidder = Layer(Loaded(Path("bidder.yaml"), model, raw), "commitments")
    resolved = resolve_commitments([LONG_PROMISES, bidder])
    assert str(resolved.kinds["records_retention"].values[None]) == "15年"
    assert logic_problems(resolved) == []
