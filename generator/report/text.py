"""Human-readable report: per document, findings grouped by rule, each quote with its section."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from generator.core.findings import ERROR, Finding

if TYPE_CHECKING:
    from generator.check.findings import DocumentResult
    from generator.library.lint import LintResult

_RED, _YELLOW, _BOLD, _DIM, _RESET = "\033[31m", "\033[33m", "\033[1m", "\033[2m", "\033[0m"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _finding(finding: Finding, color: bool) -> list[str]:
    error = finding.severity == ERROR
    mark = _paint("✗ 错误", _RED + _BOLD, color) if error else _paint("! 警告", _YELLOW + _BOLD, color)
    lines = [f"    {mark}  {finding.message}"]
    for location in finding.locations:
        where = location.section or "（无章节标题）"
        line = f"，第 {location.line} 行" if location.line else (f"，第 {location.page} 页" if location.page else "")
        quote = _paint(location.text, _BOLD, color)
        place = f"{where}（第 {location.block} 段{line}）" if location.block else where  # 0: document properties
        lines.append(f"        {_paint(place, _DIM, color)}：“{quote}”")
    return lines


def render_text(results: list[DocumentResult], color: bool = False) -> str:
    from generator.check.rules import registry

    out: list[str] = []
    total_errors = total_warnings = 0
    for result in results:
        errors = len(result.errors)
        warnings = len(result.findings) - errors
        total_errors += errors
        total_warnings += warnings
        status = "未发现问题" if not result.findings else f"{errors} 个错误，{warnings} 个警告"
        out.append(_paint(f"{result.path}：{status}（识别承诺 {len(result.mentions)} 处）", _BOLD, color))
        for rule in registry():
            findings = [f for f in result.findings if f.rule == rule.id]
            if not findings:
                continue
            out.append(f"  ■ {rule.title}（{rule.id}）")
            for finding in findings:
                out.extend(_finding(finding, color))
        out.append("")
    if len(results) > 1:
        out.append(f"共检查 {len(results)} 个文件：{total_errors} 个错误，{total_warnings} 个警告")
    return "\n".join(out).rstrip() + "\n"


def lint_text(result: LintResult) -> str:
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
