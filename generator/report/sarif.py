"""SARIF 2.1.0 for code-scanning dashboards. Text files carry line numbers; every location also
carries its section, block number and quote as properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.check.findings import DocumentResult
    from generator.library.lint import LintResult

from generator import __version__
from generator.core.findings import ERROR, Finding, Location, Rule

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


def _level(severity: str) -> str:
    return "error" if severity == ERROR else "warning"


def _result(path: str, finding: Finding, ids: list[str]) -> dict[str, Any]:
    text = finding.message
    if finding.locations:
        text += "：“" + finding.locations[0].text + "”"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": ids.index(finding.rule),
        "level": _level(finding.severity),
        "message": {"text": text},
        "locations": [_location(path, loc) for loc in finding.locations] or [_location(path, None)],
    }
    if finding.kind:
        result["properties"] = {"kind": finding.kind}
    return result


def _rules(registry: tuple[Rule, ...]) -> list[dict[str, Any]]:
    return [{"id": rule.id, "name": rule.id, "shortDescription": {"text": rule.title},
             "defaultConfiguration": {"level": _level(rule.severity)}} for rule in registry]


def render_sarif(results: list[DocumentResult]) -> str:
    from generator.check.rules import registry

    ids = [rule.id for rule in registry()]
    run = {
        "tool": {"driver": {"name": "aftersales check", "rules": _rules(registry())}},
        "artifacts": [{"location": {"uri": _uri(r.path)}} for r in results],
        "results": [_result(r.path, f, ids) for r in results for f in r.findings],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def lint_sarif(result: LintResult, root: Path) -> str:
    from generator.library.rules import registry
    from generator.report import relative

    results = []
    for finding in result.findings:
        region = {"startLine": finding.line} if finding.line else {}
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": relative(finding.path, root),
                                                                              "uriBaseId": "%SRCROOT%"}}}
        if region:
            location["physicalLocation"]["region"] = region
        message = finding.message + (f"（提示：{finding.hint}）" if finding.hint else "")
        results.append({"ruleId": finding.rule, "level": _level(finding.severity),
                        "message": {"text": message}, "locations": [location]})
    rules = [{"id": rule.id, "shortDescription": {"text": rule.title}} for rule in registry()]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "aftersales clauses lint", "version": __version__,
                                      "rules": rules}},
                  "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
                  "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
