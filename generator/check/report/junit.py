"""JUnit XML for CI: one test suite per document, one test case per rule; error-level findings
fail the case, warnings are listed in its system-out."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from generator.check.findings import ERROR, RULE_TITLES, RULES, DocumentResult, Finding


def _describe(finding: Finding) -> str:
    lines = [f"[{finding.severity}] {finding.message}"]
    lines += [f"  {loc.section or '（无章节标题）'}（第 {loc.block} 段）：{loc.text}" for loc in finding.locations]
    return "\n".join(lines)


def render_junit(results: list[DocumentResult]) -> str:
    suites = ET.Element("testsuites", name="aftersales check")
    total_tests = total_failures = 0
    for result in results:
        suite = ET.SubElement(suites, "testsuite", name=result.path)
        failures = 0
        for rule in RULES:
            case = ET.SubElement(suite, "testcase", classname=result.path, name=f"{rule}（{RULE_TITLES[rule]}）")
            findings = [f for f in result.findings if f.rule == rule]
            errors = [f for f in findings if f.severity == ERROR]
            if errors:
                failures += 1
                failure = ET.SubElement(case, "failure", type=rule,
                                        message=f"{len(errors)} 个错误：{errors[0].message}")
                failure.text = "\n\n".join(_describe(f) for f in errors)
            warnings = [f for f in findings if f.severity != ERROR]
            if warnings:
                ET.SubElement(case, "system-out").text = "\n\n".join(_describe(f) for f in warnings)
        suite.set("tests", str(len(RULES)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(RULES)
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
