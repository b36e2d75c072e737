"""active-content: what the reader found in the file besides its text — macros (vbaProject.bin),
OLE objects and controls, remote templates and other external references, altChunk blocks.

A warning, not an error: the text may be right, but a bid document should not run code or fetch
anything when the purchaser opens it, and content the checker could not read was not checked.
Covers only .docx (and .doc/.wps converted to .docx); text files and PDFs have no such parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.check.findings import ERROR, WARNING, Finding
from generator.core.findings import Rule

RULE = Rule("active-content", "宏、嵌入对象与外部引用", ERROR, order=80)

if TYPE_CHECKING:
    from generator.check.rules import CheckContext


def check(context: CheckContext) -> list[Finding]:
    return [Finding(RULE.id, WARNING, notice) for notice in context.document.notices]
