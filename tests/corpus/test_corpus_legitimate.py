"""Inputs that look hostile but are legitimate: the build succeeds and the document says what was typed.
Profile text is never clause markup; pasted Word characters are cleaned; deep nesting never crashes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_support import BIDDER, DOCX, TENDER, probe_clause, replace_text, set_key

SIGNATURE = "投标人（盖章）"


def _text(path: Path) -> list[str]:
    from docx import Document

    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


MARKUP_VALUES = ["[[签章]]", "[[分页]]", "# 伪造的标题", "- 伪造的列表", "| 伪 | 造 |", "1. 伪造的编号",
                 ">> 右对齐", "<< 顶格"]


@pytest.mark.parametrize("value", MARKUP_VALUES)
def test_profile_value_is_never_markup(project: Path, cli, value: str) -> None:
    baseline_code = cli("build", project / TENDER, "--allow-draft", "-o", project / "before")[0]
    assert baseline_code == 0
    before = _text(project / "before" / "demo" / DOCX)
    # the members based at the service centre name it (team[].based_at): they follow its new name
    based_there = replace_text(BIDDER, "based_at: 华辰智联客户服务中心", f"based_at: {json.dumps(value, ensure_ascii=False)}")
    for edit in [set_key(BIDDER, ["service_center"], value), based_there,
                 *probe_clause("{{ bidder.service_center }}\n\n本项目服务中心：{{ bidder.service_center }}")]:
        edit(project)
    start = time.monotonic()
    code, out, err = cli("build", project / TENDER, "--allow-draft")
    assert code == 0, out + err
    assert time.monotonic() - start < 30
    after = _text(project / "output" / "demo" / DOCX)
    assert value in after, "printed as typed, as a paragraph of its own"
    assert f"本项目服务中心：{value}" in after
    assert sum(SIGNATURE in t for t in after) == sum(SIGNATURE in t for t in before), "no extra signature block"


@pytest.mark.parametrize(("label", "typed", "printed"), [
    ("vertical-tab", "海淀\\v区项目", "海淀 区项目"),
    ("zero-width-space", "海淀\\u200b区项目", "海淀区项目"),
    ("zero-width-joiner", "海淀\\u200d区项目", "海淀区项目"),
    ("byte-order-mark", "海淀\\ufeff区项目", "海淀区项目"),
    ("direction-mark", "海淀\\u200f区项目", "海淀区项目"),
    ("line-separator", "海淀\\u2028区项目", "海淀 区项目"),
    ("tab", "海淀\\t区项目", "海淀 区项目"),
    ("crlf", "海淀\\r\\n区项目", "海淀 区项目"),
])
def test_pasted_characters_are_cleaned(project: Path, cli, label: str, typed: str, printed: str) -> None:
    text = (project / TENDER).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("project_name:"))
    replace_text(TENDER, line, f'project_name: "{typed}"')(project)
    code, out, err = cli("build", project / TENDER, "--allow-draft")
    assert code == 0, out + err
    after = _text(project / "output" / "demo" / DOCX)
    assert any(t == printed for t in after), f"the cover shows {printed!r}"


@pytest.mark.parametrize("depth", [100_000, 1_000_000])
def test_extreme_nesting_is_refused_in_a_subprocess(project: Path, depth: int) -> None:
    """In a subprocess: a regression here would be a segfault, not a failed assertion."""
    path = project / TENDER
    path.write_text(path.read_text(encoding="utf-8") + "zz: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", "import sys; from generator.cli import run; "
                             "sys.argv[0] = 'aftersales'; run()", "build", str(path), "--allow-draft"],
                            cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr[-500:]
    assert "嵌套层数过多" in result.stderr + result.stdout and "tenders/demo.yaml" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert time.monotonic() - start < 60
    assert not any((project / "output").iterdir())
