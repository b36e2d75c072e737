"""duplicate-id: two clause files with the same id (the second one is reported)."""

from __future__ import annotations

from generator.core.errors import display_path
from generator.core.findings import ERROR, Finding, Rule
from generator.library.rules import LintContext
from generator.load.yamlio import Loaded

RULE = Rule("duplicate-id", "条款编号重复", ERROR, order=30)


def check(context: LintContext) -> list[Finding]:
    seen: dict[str, Loaded] = {}
    out = []
    for loaded in context.library.clauses:
        clause = loaded.model
        first = seen.setdefault(clause.id, loaded)
        if first is not loaded:
            out.append(Finding.in_file(RULE.id, loaded.path, loaded.line_of("id"),
                                       f"条款编号“{clause.id}”已在 {display_path(first.path)} 中使用",
                                       clause.id, "每个条款的编号必须唯一，文件名与编号一致"))
    return out
