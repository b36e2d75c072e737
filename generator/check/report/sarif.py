"""SARIF 2.1.0 for code-scanning dashboards. Text files carry line numbers; every location also
carries its section, block number and quote as properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.check.findings import ERROR, RULE_TITLES, RULES, DocumentResult, Finding, Location

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return candidate.as_uri()
    return candidate.as_posix()


def _location(path: str, location: Location | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    data: dict[str, Any] = {"physicalLocation": physical}
    if location is not None:
        if location.line:
            physical["region"] = {"startLine": location.line, "snippet": {"text": location.text}}
        data["logicalLocations"] = [{"name": location.section or "（无章节标题）", "kind": "section"}]
        data["properties"] = {"section": location.section, "block": location.block, "text": location.text}
    return data


def _result(path: str, finding: Finding) -> dict[str, Any]:
    text = finding.message
    if finding.locations:
        text += "：“" + finding.locations[0].text + "”"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": RULES.index(finding.rule),
        "level": "error" if finding.severity == ERROR else "warning",
        "message": {"text": text},
        "locations": [_location(path, loc) for loc in finding.locations] or [_location(path, None)],
    }
    if finding.kind:
        result["properties"] = {"kind": finding.kind}
    return result


def render_sarif(results: list[DocumentResult]) -> str:
    rules = [{"id": rule, "name": rule, "shortDescription": {"text": RULE_TITLES[rule]},
              "defaultConfiguration": {"level": "warning" if rule == "duplicate-text" else "error"}}
             for rule in RULES]
    run = {
        "tool": {"driver": {"name": "aftersales check", "rules": rules}},
        "artifacts": [{"location": {"uri": _uri(r.path)}} for r in results],
        "results": [_result(r.path, f) for r in results for f in r.findings],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
