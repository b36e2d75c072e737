"""Time `aftersales check` in-process on a ~100-page proposal (target: ≤ 0.5 s).

    .venv/bin/python benchmarks/check_speed.py [--copies N] [--pages]

The big document is the demo proposal built by the pipeline, its body repeated N times (default 4)
in one .docx. Reading (unzip + XML), extraction and all rules are timed together, median of 7 runs;
expectations (tender, bidder, vocabularies) are loaded once beforehand, as the build does.
--pages converts the document with LibreOffice once to count its pages.
"""

from __future__ import annotations

import argparse
import copy
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.check import check_document  # noqa: E402
from generator.check.load import from_options  # noqa: E402
from generator.pipeline.build import BuildOptions, build  # noqa: E402
from generator.text.reader import read_bytes  # noqa: E402


def big_docx(demo: bytes, copies: int) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(demo))
    body = document.element.body
    content = [child for child in body if child.tag != qn("w:sectPr")]
    section = body.find(qn("w:sectPr"))
    for _ in range(copies - 1):
        for child in content:
            section.addprevious(copy.deepcopy(child))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def count_pages(data: bytes) -> int | None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "big.docx"
        source.write_bytes(data)
        try:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", folder, str(source)],
                           check=True, capture_output=True, timeout=300)
            info = subprocess.run(["pdfinfo", str(Path(folder) / "big.pdf")], check=True, capture_output=True,
                                  text=True).stdout
        except (OSError, subprocess.SubprocessError):
            return None
    return next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--pages", action="store_true")
    args = parser.parse_args()
    tender = ROOT / "tenders" / "demo.yaml"
    with tempfile.TemporaryDirectory() as output:
        demo = build(tender, BuildOptions(force=True, allow_draft=True, output_root=Path(output))).docx_bytes
    data = big_docx(demo, args.copies)
    expectations = from_options(tender, None, None, None)
    timings = []
    for _ in range(7):
        start = time.perf_counter()
        document = read_bytes(data, "big.docx")
        result = check_document(document, expectations)
        timings.append(time.perf_counter() - start)
    chars = sum(len(b.text) for b in document.blocks)
    text = "\n\n".join(b.text for b in document.blocks).encode("utf-8")
    text_timings = []
    for _ in range(7):
        start = time.perf_counter()
        check_document(read_bytes(text, "big.txt"), expectations)
        text_timings.append(time.perf_counter() - start)
    pages = count_pages(data) if args.pages else None
    print(f"文档：演示方案正文重复 {args.copies} 次，{len(document.blocks)} 段，{chars} 字，"
          f"{len(data) // 1024} KB .docx" + (f"，LibreOffice 排版 {pages} 页" if pages else ""))
    print(f"识别承诺 {len(result.mentions)} 处，发现 {len(result.findings)} 项")
    print(f".docx 检查（读取+提取+全部规则）：中位数 {statistics.median(timings):.3f} s，"
          f"最快 {min(timings):.3f} s，最慢 {max(timings):.3f} s")
    print(f"同内容 .txt 检查：中位数 {statistics.median(text_timings):.3f} s")
    return 0 if statistics.median(timings) <= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
