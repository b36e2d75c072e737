"""Golden file of the demo proposal: its text as read back from the .docx, one block per line.

A change to clauses, profiles or the writer shows up here as a readable diff. After reviewing the
diff, refresh with:  UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

import os
from pathlib import Path

from generator.pipeline.build import BuildOptions, build
from generator.text.reader import read_document

GOLDEN = Path(__file__).parent / "golden" / "demo.txt"


def extracted_text(docx: Path) -> str:
    document = read_document(docx)
    return "".join(f"{block.kind}\t{block.text}\n" for block in document.blocks)


def test_demo_matches_golden_text(project):
    from generator.pictures.fonts import cjk_font

    # without a CJK font the charts become tables (a different text): make test installs fonts-noto-cjk
    assert cjk_font() is not None, "没有可显示中文的字体：请运行 make test（scripts/ensure-office.sh 安装 fonts-noto-cjk）"
    result = build(project / "tenders" / "demo.yaml", BuildOptions(output_root=project / "out"))
    actual = extracted_text(result.docx_path)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert actual == expected, "演示方案的文字与 tests/golden/demo.txt 不一致；核对差异后用 UPDATE_GOLDEN=1 刷新"
