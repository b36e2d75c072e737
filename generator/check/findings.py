"""The result of checking one document. Findings are the shared type of core/findings.py; the rule
ids and titles come from the rules themselves (check/rules/, discovered)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.core.findings import ERROR, WARNING, Finding, Location

__all__ = ["ERROR", "WARNING", "DocumentResult", "Finding", "Location"]


@dataclass
class DocumentResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    mentions: list = field(default_factory=list)  # extract.Mention

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]


def __getattr__(name: str) -> Any:
    """RULES (ids in report order) and RULE_TITLES (id → title), read from the rule registry."""
    if name in ("RULES", "RULE_TITLES"):
        from generator.check.rules import registry

        rules = registry()
        return tuple(r.id for r in rules) if name == "RULES" else {r.id: r.title for r in rules}
    raise AttributeError(name)
