"""Rendering figures: build every example proposal, then render all of them in one LibreOffice run.

    .venv/bin/python benchmarks/render_office.py [OUTPUT_DIR]

Prints per document: pages, seconds LibreOffice spent on it (load, TOC/field update, PDF export),
and the totals, including soffice start-up and shut-down.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from generator.core.errors import UserError
from generator.office.libreoffice import Job, render
from generator.pipeline.build import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="aftersales-render-"))
    tenders = [ROOT / "tenders" / "demo.yaml", *sorted((ROOT / "tenders" / "examples").glob("*.yaml"))]
    built: list[Path] = []
    started = time.monotonic()
    for tender in tenders:
        try:
            built.append(build(tender, BuildOptions(allow_draft=True, allow_deviation=True, force=True,
                                                    output_root=output)).docx_path)
        except UserError as exc:
            print(f"✗ {tender.name}: {exc.title}")
    build_seconds = time.monotonic() - started
    started = time.monotonic()
    results = render([Job(path, pdf=path.with_suffix(".pdf")) for path in built])
    render_seconds = time.monotonic() - started
    for result in results:
        print(f"{result.source.parent.name:28} {result.pages:4d} 页  {result.seconds:6.2f} 秒")
    pages = sum(r.pages for r in results)
    print(f"生成 {len(built)} 份 .docx：{build_seconds:.1f} 秒；LibreOffice 渲染 {pages} 页：{render_seconds:.1f} 秒"
          f"（含启动与退出；文档内合计 {sum(r.seconds for r in results):.1f} 秒）")
    print(f"PDF 位于 {output}")


if __name__ == "__main__":
    main()
