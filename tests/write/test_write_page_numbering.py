"""Page numbers for a proposal pasted into a larger 投标文件: a start number, numbering after the cover."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from generator.render.blocks import Cover, Heading, PageBreak, Paragraph, Proposal, Toc
from generator.write.docx_writer import WriteOptions, write_docx
from generator.write.page_frame import PageNumbering

PROPOSAL = Proposal(
    blocks=(Cover("某项目", "售后服务方案", (("日期：", "2026年11月20日"),)), PageBreak(), Toc(), PageBreak(),
            Heading(1, "第一节", "服务承诺"), Paragraph("正文。")),
    header_text="某项目　售后服务方案", title="某项目 售后服务方案", author="测试公司", date_iso="2026-11-20")


def _write(root: Path, numbering: PageNumbering) -> Document:
    reference = root / "templates" / "standard" / "reference.docx"
    return Document(io.BytesIO(write_docx(PROPOSAL, reference, options=WriteOptions(numbering=numbering))))


def _instructions(story) -> list[str]:
    return [(t.text or "").strip() for t in story._element.iter(qn("w:instrText"))]


def test_standalone_numbering_counts_all_pages(root: Path) -> None:
    document = _write(root, PageNumbering())
    assert len(document.sections) == 1
    assert _instructions(document.sections[0].footer) == ["PAGE", "NUMPAGES"]
    assert document.sections[0]._sectPr.find(qn("w:pgNumType")) is None


def test_start_number_drops_the_total(root: Path) -> None:
    document = _write(root, PageNumbering(start=31))
    [section] = document.sections
    assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "31"
    assert _instructions(section.footer) == ["PAGE"]
    assert "共" not in section.footer.paragraphs[-1].text
    assert section.different_first_page_header_footer  # the cover (page 31) shows no number


def test_numbering_after_the_cover_makes_the_cover_a_section(root: Path) -> None:
    document = _write(root, PageNumbering(start=1, after_cover=True))
    cover, body = document.sections
    assert cover.different_first_page_header_footer and cover._sectPr.find(qn("w:pgNumType")) is None
    assert not body.different_first_page_header_footer  # the TOC page carries number 1
    assert body._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    cover_end = cover._sectPr.getparent().getparent()
    assert cover_end.tag == qn("w:p") and "日期" in "".join(t.text for t in cover_end.iter(qn("w:t")))
    toc_title = next(p for p in document.paragraphs if p.text == "目  录")
    assert toc_title._p.pPr.find(qn("w:pageBreakBefore")) is None  # no blank page after the section break
    assert _instructions(body.footer) == ["PAGE"]
