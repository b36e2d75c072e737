"""invalid-file: a clause, profile or tender file that cannot be read or does not fit its model."""

from __future__ import annotations

from generator.core.findings import ERROR, Finding, Rule
from generator.library.rules import LintContext, from_problem

RULE = Rule("invalid-file", "文件无法读取或不符合格式", ERROR, order=10)


def check(context: LintContext) -> list[Finding]:
    return [from_problem(RULE.id, problem) for problem in context.library.problems]
