"""JUnit XML for CI: one test suite per document, one test case per rule; error-level findings
fail the case, warnings are listed in its system-out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from generator.core.findings import ERROR, Finding

if TYPE_CHECKING:
    from generator.check.findings import DocumentResult
    from generator.library.lint import LintResult


def _describe(finding: Finding) -> str:
    lines = [f"[{finding.severity}] {finding.message}"]
    lines += [f"  {loc.section or '（无章节标题）'}（第 {loc.block} 段）：{loc.text}" for loc in finding.locations]
    return "\n".join(lines)


def render_junit(results: list[DocumentResult]) -> str:
    from generator.check.rules import registry

    rules = registry()
    suites = ET.Element("testsuites", name="aftersales check")
    total_tests = total_failures = 0
    for result in results:
        suite = ET.SubElement(suites, "testsuite", name=result.path)
        failures = 0
        for rule in rules:
            case = ET.SubElement(suite, "testcase", classname=result.path, name=f"{rule.id}（{rule.title}）")
            findings = [f for f in result.findings if f.rule == rule.id]
            errors = [f for f in findings if f.severity == ERROR]
            if errors:
                failures += 1
                failure = ET.SubElement(case, "failure", type=rule.id,
                                        message=f"{len(errors)} 个错误：{errors[0].message}")
                failure.text = "\n\n".join(_describe(f) for f in errors)
            warnings = [f for f in findings if f.severity != ERROR]
            if warnings:
                ET.SubElement(case, "system-out").text = "\n\n".join(_describe(f) for f in warnings)
        suite.set("tests", str(len(rules)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(rules)
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def lint_junit(result: LintResult, root: Path) -> str:
    """One test case per clause file (and per other file with findings); a failure per finding."""
    from generator.report import relative

    cases: dict[str, list[Finding]] = {}
    for path in sorted({relative(p, root) for p in result.clause_paths}):
        cases[path] = []
    for finding in result.findings:
        cases.setdefault(relative(finding.path, root), []).append(finding)
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
