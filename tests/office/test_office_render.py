"""Every example proposal, rendered by LibreOffice with the TOC and fields updated, looks right on paper."""

from __future__ import annotations

import re

import pytest
from docx import Document
from officedocs import example_name, example_tenders
from pdftools import fonts, squeeze, toc_entries

NAMES = [example_name(t) for t in example_tenders()]
CHARS_PER_PAGE = (250, 950)  # A4, 小四 at 1.5 lines: a full page holds ~900 characters, a sparse one fewer


def _headings(docx) -> list[str]:
    document = Document(str(docx))
    ids = {s.style_id for s in document.styles if s.name in ("Heading 1", "Heading 2")}
    return [p.text for p in document.paragraphs
            if p._p.style in ids and p.text.strip()]


def _characters(docx) -> int:
    document = Document(str(docx))
    total = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        total += sum(len(cell.text) for row in table.rows for cell in row.cells)
    return total


def _toc_pages(pages: list[str]) -> tuple[int, int]:
    """From the page titled 目录 up to the page before the first section starts."""
    first = next(i for i, text in enumerate(pages) if "目录" in squeeze(text))
    last = first
    while last + 1 < len(pages) and "...." in pages[last + 1]:
        last += 1
    return first, last


@pytest.mark.parametrize("name", NAMES)
def test_page_count_is_plausible_for_the_text(rendered, name: str) -> None:
    doc = rendered[name].require()
    chars = _characters(doc.docx)
    low, high = chars // CHARS_PER_PAGE[1] + 2, chars // CHARS_PER_PAGE[0] + 4  # + cover and TOC
    assert low <= len(doc.pages) <= high, f"{name}: {len(doc.pages)} 页，{chars} 字，预期 {low}–{high} 页"
    assert 4 <= len(doc.pages) <= 150


@pytest.mark.parametrize("name", NAMES)
def test_toc_lists_every_section_with_the_page_it_starts_on(rendered, name: str) -> None:
    doc = rendered[name].require()
    first, last = _toc_pages(doc.pages)
    entries = toc_entries(doc.pages, first, last)
    headings = [squeeze(h) for h in _headings(doc.docx)]
    assert [title for title, _ in entries] == headings, "目录条目应与一、二级标题一一对应"
    numbers = [page for _, page in entries]
    assert numbers == sorted(numbers) and numbers[0] > last + 1, numbers
    for title, page in entries:
        body = squeeze(doc.pages[page - 1])
        assert title in body, f"目录说“{title}”在第 {page} 页，但该页没有这个标题"


@pytest.mark.parametrize("name", NAMES)
def test_footer_shows_page_x_of_total(rendered, name: str) -> None:
    doc = rendered[name].require()
    total = len(doc.pages)
    assert "第1页" not in squeeze(doc.pages[0]), "封面不显示页码"
    for number, text in enumerate(doc.pages[1:], start=2):
        footer = [line for line in text.splitlines() if line.strip()][-1]
        assert squeeze(footer) == f"第{number}页共{total}页", f"第 {number} 页页脚：{footer.strip()}"


@pytest.mark.parametrize("name", NAMES)
def test_cjk_fonts_are_embedded_without_fallback(rendered, name: str) -> None:
    doc = rendered[name].require()
    found = fonts(doc.pdf)
    assert found and all(f.embedded for f in found), found
    names = " ".join(f.name for f in found)
    assert "DejaVu" not in names, f"出现回退字体：{names}"
    assert "NotoSerifCJK" in names, "宋体应映射为 Noto Serif CJK SC"
    assert "NotoSansCJK" in names, "黑体应映射为 Noto Sans CJK SC"


@pytest.mark.parametrize("name", NAMES)
def test_commitment_letter_signature_stays_on_one_page(rendered, name: str) -> None:
    doc = rendered[name].require()
    lines = ("投标人（盖章）：", "法定代表人或授权代表（签字）：", "日期：")
    pages = [i for i, text in enumerate(doc.pages) if all(squeeze(line) in squeeze(text) for line in lines)]
    assert pages, "签章三行应出现在同一页"
    last = pages[-1]
    signature_line = [line for line in doc.pages[last].splitlines() if "投标人（盖章）" in line][-1]
    assert re.search(r"投标人（盖章）：\s*\S", signature_line), "投标人名称与“投标人（盖章）”同行"


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("examples/")])
def test_every_product_type_proposal_is_a_full_document(rendered, name: str) -> None:
    """Issue 3: the proposal of every product type runs to at least 20 pages."""
    assert len(rendered[name].require().pages) >= 20
