"""`aftersales build --pdf` end to end: .docx untouched, PDF beside it with the TOC filled."""

from __future__ import annotations

from pathlib import Path

from pdftools import page_texts, squeeze


def test_build_pdf_writes_a_pdf_with_toc_page_numbers(office, project: Path, cli) -> None:
    code, out, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft", "--pdf")
    assert code == 0, err
    folder = project / "output" / "demo"
    pdf = folder / "售后服务方案.pdf"
    pages = page_texts(pdf)
    assert f"（{len(pages)} 页）" in out
    assert "...." in pages[1] and "第一节" in squeeze(pages[1])
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.json", "售后服务方案.docx", "售后服务方案.pdf"]
    docx = (folder / "售后服务方案.docx").read_bytes()
    code, _, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft", "--pdf", "--force")
    assert code == 0, err
    assert (folder / "售后服务方案.docx").read_bytes() == docx, "导出 PDF 不改动 .docx"


def test_existing_pdf_is_not_overwritten_without_force(office, project: Path, cli) -> None:
    folder = project / "output" / "demo"
    folder.mkdir(parents=True)
    (folder / "售后服务方案.pdf").write_bytes(b"%PDF old")
    code, _, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft", "--pdf")
    assert code == 2 and "已存在" in err
    assert (folder / "售后服务方案.pdf").read_bytes() == b"%PDF old"
