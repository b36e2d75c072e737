"""tenders/attachments/授权委托书.docx is what scripts/make_sample_attachment.py writes (same bytes)."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def test_sample_attachment_is_up_to_date(root: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_sample_attachment", root / "scripts" / "make_sample_attachment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (root / "tenders" / "attachments" / "授权委托书.docx").read_bytes()
    assert module.make_attachment() == committed, "请运行 .venv/bin/python scripts/make_sample_attachment.py"
