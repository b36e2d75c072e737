"""`clauses lint`: every rule of library/rules/ over the clause library, its profiles and the clauses
rendered with every sample."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core.findings import Finding
from generator.core.layout import Layout
from generator.library.repository import Library
from generator.library.rules import LintContext, run_rules
from generator.library.rules.render import matrix


@dataclass
class LintResult:
    findings: list[Finding]
    clauses: int = 0
    products: int = 0
    bidders: int = 0
    renders: int = 0
    clause_paths: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


def lint(library: Library) -> LintResult:
    context = LintContext(library)
    findings = run_rules(context)
    return LintResult(findings=sorted(set(findings), key=Finding.sort_key), clauses=len(library.clauses),
                      products=len(library.products), bidders=len(library.bidders),
                      renders=matrix(context).renders,
                      clause_paths=sorted(Layout(library.root).clauses.rglob("*.yaml")))
