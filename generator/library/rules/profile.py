"""profile: the product types and bidder profiles cannot make sample data (no bidder at all, or a
combination whose commitments contradict each other), so clauses cannot be rendered with it."""

from __future__ import annotations

from generator.core.findings import ERROR, Finding, Rule
from generator.core.layout import Layout
from generator.library.rules import LintContext
from generator.library.rules.render import matrix

RULE = Rule("profile", "产品类型或投标人资料无法组成示例数据", ERROR, order=90)


def check(context: LintContext) -> list[Finding]:
    out: list[Finding] = []
    if not context.library.bidders:
        out.append(Finding.in_file(RULE.id, Layout(context.library.root).bidders, None,
                                   "没有可用的投标人资料，无法用示例数据渲染检查条款"))
    return out + matrix(context).profile_problems
