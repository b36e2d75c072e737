"""The rules. Each module checks one thing, declares it (`RULE = Rule(...)`) and returns Findings;
`run_rules` runs every module the registry discovers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.check.expectations import Expectations
from generator.check.extract import Mention
from generator.check.findings import Finding
from generator.core.findings import Rule, discover
from generator.text.document import Document


@dataclass
class CheckContext:
    document: Document
    mentions: list[Mention]
    expectations: Expectations
    cache: dict[str, Any] = field(default_factory=dict)

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


def company_mentions(context: CheckContext) -> list[Any]:  # list[entities.CompanyMention]
    """Every full company name outside the table of contents, found once per document (foreign-entity
    and metadata both read them)."""
    from generator.check.entities import CompanyMention
    from generator.check.facts import facts

    return context.once("company-mentions", lambda: [  # entities.company_names of each block, inlined
        CompanyMention(name, b, start, end) for b in context.document.blocks if b.kind != "toc"
        for name, start, end in facts(b).names])


@cache
def registry() -> tuple[Rule, ...]:
    """Every rule of this package (one module each, `RULE = Rule(...)` plus `check`), in report order."""
    return discover(__name__)


def run_rules(context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for rule in registry():
        assert rule.check is not None, rule.id
        findings.extend(rule.check(context))
    return findings
