"""The JSON interface of `aftersales check --format json` (DESIGN.md):

{"documents": [{"path", "findings": [{"rule", "severity", "message", "kind"?, "locations": [{"section", "block",
"text"}]}], "commitments": [{"kind", "value", "unit", "hours"?, "range"?, "qualifier"?, "location": {"section", "block",
"text"}}]}]}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.core.findings import Finding, Location

if TYPE_CHECKING:
    from generator.check.findings import DocumentResult
    from generator.library.lint import LintResult


def _location(location: Location) -> dict[str, Any]:
    data: dict[str, Any] = {"section": location.section, "block": location.block, "text": location.text}
    if location.page is not None:
        data["page"] = location.page
    return data


def finding_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": finding.rule, "severity": finding.severity, "message": finding.message}
    if finding.kind:
        data["kind"] = finding.kind
    data["locations"] = [_location(loc) for loc in finding.locations]
    return data


def mention_dict(mention: Any) -> dict[str, Any]:
    stated = mention.value.quantity is not None  # else a blank number (X年), 当日, or the kind named alone
    ranged = stated and mention.value.low is not None  # 3-5个工作日 binds at its upper end, as hours does
    value = str(mention.value.quantity) if ranged else mention.value.display if stated else None
    data: dict[str, Any] = {"kind": mention.kind, "value": value, "unit": mention.value.unit if stated else None}
    if mention.value.hours is not None:
        # 9 places: 20分钟 must read back as 20 minutes (0.3333 h is 19.998), yet float noise stays out
        data["hours"] = round(mention.value.hours, 9)
    if ranged:
        data["range"] = mention.value.display
    if mention.qualifier:
        data["qualifier"] = mention.qualifier
    block = mention.block
    data["location"] = {"section": block.section, "block": block.index, "text": mention.quote()}
    return data


def document_dict(result: DocumentResult) -> dict[str, Any]:
    return {"path": result.path,
            "findings": [finding_dict(f) for f in result.findings],
            "commitments": [mention_dict(m) for m in result.mentions]}


def render_json(results: list[DocumentResult]) -> str:
    return json.dumps({"documents": [document_dict(r) for r in results]}, ensure_ascii=False, indent=2)


def lint_json(result: LintResult, root: Path) -> str:
    from generator.report import relative

    data = {
        "findings": [{"rule": f.rule, "severity": f.severity, "path": relative(f.path, root), "line": f.line,
                      "clause": f.clause or None, "message": f.message, "hint": f.hint or None}
                     for f in result.findings],
        "summary": {"clauses": result.clauses, "products": result.products, "bidders": result.bidders,
                    "renders": result.renders, "findings": len(result.findings)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
