"""Headers and footers on top of a letterhead: its content is kept, ours is added once."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.render.blocks import Heading, Paragraph, Proposal
from generator.write.docx_writer import write_docx

PROPOSAL = Proposal(blocks=(Heading(1, "第一节", "测试"), Paragraph("正文。")), header_text="某项目　售后服务方案",
                    title="测试", author="测试公司", date_iso="2026-11-20", draft=True)


def _texts(story) -> list[str]:
    return [p.text for p in story.paragraphs if p.text]


def _page_fields(story) -> int:
    return sum("PAGE" in (t.text or "") and "NUMPAGES" not in (t.text or "")
               for t in story._element.iter(qn("w:instrText")))


def _write(reference: Path) -> Document:
    return Document(io.BytesIO(write_docx(PROPOSAL, reference)))


def test_plain_reference_gets_project_line_draft_mark_and_page_numbers(root: Path) -> None:
    section = _write(root / "templates" / "standard" / "reference.docx").sections[0]
    assert _texts(section.header) == ["某项目　售后服务方案", "【草稿（含未审定条款）】"]
    assert _page_fields(section.footer) == 1 and "第 1 页 共 1 页" in _texts(section.footer)
    assert section.different_first_page_header_footer
    assert _texts(section.first_page_header) == ["草稿（含未审定条款）"]
    assert _texts(section.first_page_footer) == []


def test_letterhead_first_page_header_and_own_page_field_are_kept(tmp_path: Path) -> None:
    reference = Document()
    section = reference.sections[0]
    section.header.paragraphs[0].text = "信笺页眉"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "封面专用页眉"
    footer = section.footer.paragraphs[0]
    footer.text = "信笺页脚 "
    for kind, text in (("begin", None), ("instr", " PAGE "), ("end", None)):
        run = footer.add_run()
        if text:
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    path = tmp_path / "letterhead.docx"
    reference.save(str(path))
    out = _write(path).sections[0]
    assert _texts(out.header) == ["信笺页眉", "某项目　售后服务方案", "【草稿（含未审定条款）】"]
    assert _texts(out.first_page_header) == ["封面专用页眉", "草稿（含未审定条款）"]
    assert _page_fields(out.footer) == 1, "信笺页脚已有页码域，不再添加"
    assert _texts(out.footer)[0].startswith("信笺页脚")


def test_letterhead_without_cover_header_shows_its_content_on_the_cover(tmp_path: Path) -> None:
    reference = Document()
    reference.sections[0].header.paragraphs[0].text = "信笺页眉"
    reference.sections[0].footer.paragraphs[0].text = "地址：某市某路1号"
    path = tmp_path / "letterhead.docx"
    reference.save(str(path))
    out = _write(path).sections[0]
    assert _texts(out.first_page_header) == ["信笺页眉", "草稿（含未审定条款）"]
    assert _texts(out.first_page_footer) == ["地址：某市某路1号"]
    assert _texts(out.footer)[0] == "地址：某市某路1号" and _page_fields(out.footer) == 1
