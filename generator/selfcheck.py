"""The build checks its own output before writing it.

Until the full checker lands this is a guard for the worst leaks: unrendered template syntax,
None, placeholder marks. `generator.check` replaces it with every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEAKS = re.compile(r"\{\{|\}\}|\{%|%\}|None|null|XX|xx|××|某某|20xx|＿＿|__")


@dataclass(frozen=True)
class SelfCheckIssue:
    rule: str
    message: str
    text: str


def self_check_texts(texts: list[str]) -> list[SelfCheckIssue]:
    issues = []
    for text in texts:
        for match in _LEAKS.finditer(text):
            start = max(0, match.start() - 12)
            issues.append(SelfCheckIssue("placeholder", f"生成的文本中出现“{match.group()}”", text[start:match.end() + 12]))
    return issues


def _docx_texts(data: bytes) -> list[str]:
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        texts.extend(p.text for p in section.header.paragraphs)
    return texts


def self_check_docx(data: bytes, inputs, commitments) -> list:  # noqa: ANN001
    from generator.errors import Problem

    return [Problem("生成的文档", f"{issue.message}：…{issue.text}…", field=issue.rule)
            for issue in self_check_texts(_docx_texts(data))]
