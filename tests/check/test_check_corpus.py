"""The labelled corpus: every expected finding is found, and precision and recall per rule stay ≥ 0.9
(the figures themselves are printed by benchmarks/check_quality.py)."""

import pytest
from corpus_tools import cases, run_case, score

from generator.check.findings import RULES

CASES = cases()


def test_corpus_covers_every_rule_and_several_product_types():
    wanted = {w["rule"] for case in CASES for w in case.sidecar.get("expected") or []}
    # active-content is about package parts (macros, OLE, remote templates) that a Markdown case cannot
    # carry: tests/readers/test_docx_package.py builds those files
    assert wanted == set(RULES) - {"active-content"}
    assert sum(1 for case in CASES if case.sidecar.get("format") == "docx") >= 3
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_finds_everything_expected(case):
    result = score([(case, run_case(case))])
    assert result.misses == []


def test_precision_and_recall_per_rule():
    result = score([(case, run_case(case)) for case in CASES])
    low = {rule: (round(result.precision(rule), 2), round(result.recall(rule), 2)) for rule in RULES
           if result.precision(rule) < 0.9 or result.recall(rule) < 0.9}
    assert low == {}, "\n".join(result.extras + result.misses)
