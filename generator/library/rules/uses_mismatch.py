"""uses-mismatch: the commitments a clause declares in `uses` and the ones its body reads
(c.<kind>) differ. A body that does not parse is left to the render rule."""

from __future__ import annotations

from generator.core.findings import ERROR, Finding, Rule
from generator.core.kinds import KINDS
from generator.library.rules import LintContext
from generator.library.source_scan import file_line, kind_uses, raw_body
from generator.load.yamlio import Loaded

RULE = Rule("uses-mismatch", "uses 声明与正文使用的承诺不一致", ERROR, order=70)


def check(context: LintContext) -> list[Finding]:
    return [f for loaded in context.library.clauses for f in _clause(loaded)]


def _clause(loaded: Loaded) -> list[Finding]:
    clause = loaded.model
    used = kind_uses(raw_body(loaded))
    if used is None:
        return []
    declared = list(clause.uses)
    out = []
    for kind, line in used.kinds.items():
        if kind not in declared and kind not in used.optional:
            out.append(Finding.in_file(RULE.id, loaded.path, file_line(loaded, line),
                                       f"正文使用了承诺 c.{kind}（{KINDS[kind].label}），但 uses 中没有声明", clause.id,
                                       f"在 uses 中加上 {kind}"))
    if not used.dynamic:
        for index, kind in enumerate(declared):
            if kind not in used.kinds:
                out.append(Finding.in_file(RULE.id, loaded.path, loaded.line_of("uses", index),
                                           f"uses 声明了 {kind}（{KINDS[kind].label}），但正文没有使用 c.{kind}",
                                           clause.id, f"从 uses 中删去 {kind}，或在正文中使用它"))
    return out
