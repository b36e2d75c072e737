"""`clauses lint` output for people (text) and for machines (json, JUnit XML, SARIF 2.1.0)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree as ET

from generator import __version__
from generator.library.findings import RULES, Finding
from generator.library.lint import LintResult

FORMATS = ("text", "json", "junit", "sarif")


def _rel(path: Path | str, root: Path) -> str:
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return candidate.as_posix()


def text(result: LintResult) -> str:
    lines = [str(f) for f in result.findings]
    checked = (f"检查了 {result.clauses} 个条款文件，用 {result.products} 个产品类型 × {result.bidders} 个投标人"
               f"的示例数据渲染 {result.renders} 次")
    if not result.findings:
        return f"✓ 未发现问题（{checked}）"
    clauses = len({f.clause for f in result.findings if f.clause})
    by_rule: dict[str, int] = defaultdict(int)
    for finding in result.findings:
        by_rule[finding.rule] += 1
    rules = "，".join(f"{rule} {n}" for rule, n in sorted(by_rule.items()))
    lines += ["", f"✗ 共 {len(result.findings)} 个问题，涉及 {clauses} 个条款（{rules}）；{checked}"]
    return "\n".join(lines)


def as_json(result: LintResult, root: Path) -> str:
    data = {
        "findings": [{"rule": f.rule, "severity": f.severity, "path": _rel(f.path, root), "line": f.line,
                      "clause": f.clause or None, "message": f.message, "hint": f.hint or None}
                     for f in result.findings],
        "summary": {"clauses": result.clauses, "products": result.products, "bidders": result.bidders,
                    "renders": result.renders, "findings": len(result.findings)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def junit(result: LintResult, root: Path) -> str:
    """One test case per clause file (and per other file with findings); a failure per finding."""
    cases: dict[str, list[Finding]] = {}
    for path in sorted({_rel(p, root) for p in result.clause_paths}):
        cases[path] = []
    for finding in result.findings:
        cases.setdefault(_rel(finding.path, root), []).append(finding)
    failures = sum(1 for found in cases.values() if found)
    suite = ET.Element("testsuite", name="aftersales clauses lint", tests=str(len(cases)),
                       failures=str(failures), errors="0", skipped="0")
    for path, found in cases.items():
        case = ET.SubElement(suite, "testcase", classname="clauses.lint", name=path, file=path)
        for finding in found:
            failure = ET.SubElement(case, "failure", type=finding.rule,
                                    message=f"{path}:{finding.line or ''} {finding.message}")
            failure.text = str(finding)
    suites = ET.Element("testsuites", name="aftersales", tests=str(len(cases)), failures=str(failures))
    suites.append(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def sarif(result: LintResult, root: Path) -> str:
    results = []
    for finding in result.findings:
        region = {"startLine": finding.line} if finding.line else {}
        location = {"physicalLocation": {"artifactLocation": {"uri": _rel(finding.path, root),
                                                              "uriBaseId": "%SRCROOT%"}}}
        if region:
            location["physicalLocation"]["region"] = region
        message = finding.message + (f"（提示：{finding.hint}）" if finding.hint else "")
        results.append({"ruleId": finding.rule, "level": "error" if finding.severity == "error" else "warning",
                        "message": {"text": message}, "locations": [location]})
    rules = [{"id": rule, "shortDescription": {"text": text}} for rule, text in RULES.items()]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "aftersales clauses lint", "version": __version__,
                                      "rules": rules}},
                  "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
                  "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def render(result: LintResult, fmt: str, root: Path) -> str:
    if fmt == "json":
        return as_json(result, root)
    if fmt == "junit":
        return junit(result, root)
    if fmt == "sarif":
        return sarif(result, root)
    return text(result)
