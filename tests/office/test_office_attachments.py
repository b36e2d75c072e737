"""Attachments appended with docxcompose: the proposal's styles, numbering, header and footer survive."""

from __future__ import annotations

import zipfile

from pdftools import squeeze, toc_entries

TITLE = "附件一法定代表人授权委托书"


def _start(pages: list[str]) -> int:
    """The attachment's first page (the title also appears in the TOC, on a dotted line)."""
    return next(i for i, text in enumerate(pages) if TITLE in squeeze(text) and "...." not in text)


def test_attachment_follows_the_proposal_on_a_new_page(rendered) -> None:
    plain, attached = rendered["demo"].require(), rendered["attachments"].require()
    start = _start(attached.pages)
    assert start == len(attached.pages) - 1, "附件只有一页，位于最后"
    assert start >= len(plain.pages) - 1
    assert "特此承诺" not in squeeze(attached.pages[start]), "附件另起一页"


def test_header_footer_and_page_total_run_through_the_attachment(rendered) -> None:
    doc = rendered["attachments"].require()
    total = len(doc.pages)
    last = doc.pages[-1]
    lines = [line for line in last.splitlines() if line.strip()]
    assert "海淀区卫生健康委员会2026年办公信息化设备采购项目" in squeeze(lines[0]), "附件页也有方案页眉"
    assert squeeze(lines[-1]) == f"第{total}页共{total}页"
    for number, text in enumerate(doc.pages[1:], start=2):
        assert f"第{number}页共{total}页" in squeeze(text)


def test_attachment_list_numbering_and_table_render(rendered) -> None:
    flat = [line.strip() for line in rendered["attachments"].require().pages[-1].splitlines()]
    for number in (1, 2, 3):
        assert any(line.startswith(f"{number}.") for line in flat), f"附件中的编号列表缺“{number}.”"
    text = squeeze("\n".join(flat))
    assert "陈思远" in text and "售后服务经理" in text


def test_proposal_pages_are_unchanged_by_the_attachment(rendered) -> None:
    """Same styles → same layout: every proposal page after the TOC reads the same with or without it."""
    plain, attached = rendered["demo"].require(), rendered["attachments"].require()
    start = next(i for i, text in enumerate(plain.pages) if "第一节" in squeeze(text) and "...." not in text)
    body_plain = [squeeze(t).rsplit("第", 1)[0] for t in plain.pages[start:]]
    body_attached = [squeeze(t).rsplit("第", 1)[0] for t in attached.pages[start:_start(attached.pages)]]
    assert body_plain == body_attached


def test_toc_includes_the_attachment_with_its_page(rendered) -> None:
    doc = rendered["attachments"].require()
    entries = toc_entries(doc.pages, 1, 4)
    assert (TITLE, len(doc.pages)) in entries


def test_master_styles_win_in_the_xml(rendered) -> None:
    def styles(path) -> bytes:
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/styles.xml")

    plain, attached = rendered["demo"].require(), rendered["attachments"].require()
    assert styles(plain.docx) == styles(attached.docx), "附件不得改变方案的样式定义"
