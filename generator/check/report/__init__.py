"""Output formats for check results: text (people), json (DESIGN.md interface), junit, sarif (CI)."""

from __future__ import annotations

from generator.check.findings import DocumentResult

FORMATS = ("text", "json", "junit", "sarif")


def render(results: list[DocumentResult], output_format: str, color: bool = False) -> str:
    if output_format == "json":
        from generator.check.report.json_report import render_json

        return render_json(results)
    if output_format == "junit":
        from generator.check.report.junit import render_junit

        return render_junit(results)
    if output_format == "sarif":
        from generator.check.report.sarif import render_sarif

        return render_sarif(results)
    from generator.check.report.text import render_text

    return render_text(results, color=color)
