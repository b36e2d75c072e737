from pathlib import Path

from ruamel.yaml import YAML

from generator.models.commitments import CommitmentsInput
from generator.models.tender import Requirement
from generator.resolve import Layer, evaluate, logic_problems, resolve_commitments
from generator.yamlio import Loaded


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
