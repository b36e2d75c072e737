"""Reports of findings, for people (text) and machines (json, JUnit XML, SARIF 2.1.0): one module per
format, each writing the results of `check` (documents) and of `clauses lint` (files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FORMATS = ("text", "json", "junit", "sarif")


def render_check(results: list[Any], output_format: str, color: bool = False) -> str:
    """check.DocumentResult list → one report (the JSON form is the interface of DESIGN.md)."""
    if output_format == "json":
        from generator.report.json_report import render_json

        return render_json(results)
    if output_format == "junit":
        from generator.report.junit import render_junit

        return render_junit(results)
    if output_format == "sarif":
        from generator.report.sarif import render_sarif

        return render_sarif(results)
    from generator.report.text import render_text

    return render_text(results, color=color)


def render_lint(result: Any, output_format: str, root: Path) -> str:
    """library.lint.LintResult → one report; paths are shown relative to `root`."""
    if output_format == "json":
        from generator.report.json_report import lint_json

        return lint_json(result, root)
    if output_format == "junit":
        from generator.report.junit import lint_junit

        return lint_junit(result, root)
    if output_format == "sarif":
        from generator.report.sarif import lint_sarif

        return lint_sarif(result, root)
    from generator.report.text import lint_text

    return lint_text(result)


def relative(path: Path | str, root: Path) -> str:
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return candidate.as_posix()
