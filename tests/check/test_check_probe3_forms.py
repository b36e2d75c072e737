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
