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
        if "tender_extract" in path.parts:  # switched over to the table when its rewrite lands
            continue
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


def test_the_views_of_tender_extract_match_its_own_lists():
    from generator.tender_extract import classify

    assert kinds.tender_keywords() == classify.KEYWORDS
    assert list(kinds.tender_keywords()) == classify.KIND_ORDER
    assert kinds.tender_type_kinds() == classify.TYPE_KINDS
    assert classify.MINIMUM_KINDS <= kinds.minimum_kinds()


def test_a_label_follows_the_product_types_own_word():
    class Doors:
        warranty_word = "保修期"
        uptime_word = "完好率"

    assert KINDS["warranty"].label_for(Doors()) == "保修期"
    assert KINDS["uptime"].label_for(Doors()) == "年完好率"
    assert KINDS["response"].label_for(Doors()) == "响应时间"
