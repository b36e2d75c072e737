"""The rules of `clauses lint`, one module each (`RULE = Rule(...)` plus `check(context)`), discovered
by `registry()`. A rule returns Findings located in a clause or profile file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.core.errors import Problem
from generator.core.findings import ERROR, Finding, Rule, discover
from generator.library.repository import Library


@dataclass
class LintContext:
    library: Library
    cache: dict[str, Any] = field(default_factory=dict)

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


def from_problem(rule: str, problem: Problem, clause: str = "") -> Finding:
    message = f"字段 {problem.field}：{problem.message}" if problem.field else problem.message
    return Finding.in_file(rule, problem.path, problem.line, message, clause, problem.hint)


@cache
def registry() -> tuple[Rule, ...]:
    return discover(__name__)


def run_rules(context: LintContext) -> list[Finding]:
    findings: list[Finding] = []
    for rule in registry():
        assert rule.check is not None, rule.id
        findings.extend(rule.check(context))
    return findings


__all__ = ["ERROR", "Finding", "LintContext", "Rule", "from_problem", "registry", "run_rules"]
