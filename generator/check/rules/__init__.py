"""The rules. Each module checks one thing and returns Findings; `run_rules` runs them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.check.document import Document
from generator.check.expectations import Expectations
from generator.check.extract import Mention
from generator.check.findings import Finding


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


def _rules() -> list[tuple[str, Callable[[CheckContext], list[Finding]]]]:
    from generator.check.rules import (
        active_content,
        anonymity,
        conflicting_commitment,
        duplicate_text,
        foreign_entity,
        metadata,
        missing_section,
        placeholder,
        profile_mismatch,
        tender_requirement,
    )

    return [
        ("placeholder", placeholder.check),
        ("conflicting-commitment", conflicting_commitment.check),
        ("foreign-entity", foreign_entity.check),
        ("tender-requirement", tender_requirement.check),
        ("profile-mismatch", profile_mismatch.check),
        ("missing-section", missing_section.check),
        ("duplicate-text", duplicate_text.check),
        ("active-content", active_content.check),
        ("document-metadata", metadata.check),
        ("anonymity", anonymity.check),
    ]


def run_rules(context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for _, check in _rules():
        findings.extend(check(context))
    return findings
