"""The kinds table is the one place a commitment kind is stated; every other view derives from it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.check import patterns
from generator.core import kinds
from generator.core.kinds import KINDS
from generator.models.commitments import CommitmentsInput

GENERATOR = Path(__file__).resolve().parents[2] / "generator"


def _files_naming(name: str) -> set[str]:
    found = set()
    for path in GENERATOR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Constant) and node.value == name for node in ast.walk(tree)):
            found.add(path.relative_to(GENERATOR).as_posix())
    return found


@pytest.mark.parametrize("name", list(KINDS))
def test_each_kind_name_is_spelled_in_at_most_three_files(name):
    files = _files_naming(name)
    assert "core/kinds.py" in files
    assert len(files) <= 3, sorted(files)


def test_the_commitments_model_has_one_field_per_kind():
    assert set(CommitmentsInput.model_fields) == {*KINDS, "fault_levels"}


def test_a_new_kind_in_the_table_reaches_the_checker_vocabularies():
    assert list(patterns.KIND_WORDS) == list(kinds.PROPOSAL_ORDER)
    assert patterns.KIND_LABELS == {name: kind.label for name, kind in KINDS.items()}
    assert set(patterns.DURATION_UNITS) == set(kinds.kinds_where(type="duration"))


def test_the_build_and_the_checker_share_one_label():
    # 服务记录保存期限 in the build, 资料保存期限 in the checker once: now one label, the other only a word
    assert patterns.KIND_LABELS["records_retention"] == KINDS["records_retention"].label == "服务记录保存期限"
    assert patterns.KIND_RE.search("资料保存期限5年").lastgroup == "records_retention"


def test_tender_extract_takes_its_vocabularies_from_the_table():
    from generator.tender_extract import classify

    assert classify.KEYWORDS == kinds.tender_keywords()
    assert classify.KIND_ORDER == list(kinds.TENDER_ORDER)
    assert classify.KEYWORDS["uptime"] == KINDS["uptime"].tender_words
    assert classify.DURATION_KINDS == {name for name in kinds.TENDER_ORDER if KINDS[name].type == "duration"}


def test_the_tender_views_keep_the_extractors_value_types():
    # a percentage may be a 满意率 as well as a rate; a date may end a delivery or an installation
    assert kinds.tender_type_kinds() == {
        "schedule": {"hotline"},
        "frequency": {"return_visit", "inspection", "satisfaction_survey"},
        "percentage": {"satisfaction_survey", "uptime", "survival_rate"},
        "date": {"delivery", "installation"},
    }
    assert "hotline" not in kinds.tender_duration_kinds()
    assert "remaining_shelf_life" in kinds.tender_duration_kinds()


def test_a_service_period_is_exact_not_a_minimum():
    from generator.tender_extract import classify

    assert "service_period" in kinds.minimum_kinds()
    assert "service_period" not in classify.MINIMUM_KINDS
    assert classify.MINIMUM_KINDS | classify.EXACT_KINDS == kinds.minimum_kinds()


def test_the_most_specific_tender_keyword_wins():
    # 剩余有效期 is tried before 有效期, 满意度 before 回访: the order of the table breaks ties
    order = kinds.TENDER_ORDER
    assert order.index("remaining_shelf_life") < order.index("shelf_life")
    assert order.index("satisfaction_survey") < order.index("return_visit")
    assert order.index("complaint_response") < order.index("response")


def test_a_label_follows_the_product_types_own_word():
    class Doors:
        warranty_word = "保修期"
        uptime_word = "完好率"

    assert KINDS["warranty"].label_for(Doors()) == "保修期"
    assert KINDS["uptime"].label_for(Doors()) == "年完好率"
    assert KINDS["response"].label_for(Doors()) == "响应时间"
