"""A bidder's own letterhead, saved by LibreOffice (and a WPS-like variant with localized style names)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from officedocs import LETTERHEAD_FOOTER, LETTERHEAD_NAME
from pdftools import cjk_in_fallback_fonts, fonts, images_per_page, squeeze


@pytest.mark.parametrize("key", ["lo", "wps"])
def test_logo_and_letterhead_text_on_every_page(rendered, key: str) -> None:
    doc = rendered[f"letterhead-{key}"].require()
    images = images_per_page(doc.pdf)
    assert set(images) == set(range(1, len(doc.pages) + 1)), f"每页页眉都应有标志图片：{images}"
    for number, text in enumerate(doc.pages, start=1):
        flat = squeeze(text)
        assert LETTERHEAD_NAME in flat, f"第 {number} 页缺信笺抬头"
        assert squeeze(LETTERHEAD_FOOTER) in flat, f"第 {number} 页缺信笺页脚"
    total = len(doc.pages)
    assert f"第{total}页共{total}页" in squeeze(doc.pages[-1])
    assert "海淀区卫生健康委员会" in squeeze(doc.pages[1].splitlines()[0] + doc.pages[1].splitlines()[1])


@pytest.mark.parametrize("key", ["lo", "wps"])
def test_letterhead_styles_are_reused_and_missing_ones_added(rendered, key: str) -> None:
    doc = rendered[f"letterhead-{key}"].require()
    document = Document(str(doc.docx))
    paragraph_names = [s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]
    for name in ("Cover Title", "Table Text", "Signature Line", "TOC Title"):
        assert name in paragraph_names, f"缺少的样式应补上：{name}"
    heading = "标题 1" if key == "wps" else "Heading 1"
    assert heading in paragraph_names
    assert sum(n.lower().replace(" ", "") in ("heading1", "标题1") for n in paragraph_names) == 1, \
        "不得再添加一个重复的一级标题样式"
    headings = [p for p in document.paragraphs
                if p.text.startswith("第一节") and not p.style.name.lower().startswith(("toc", "目录"))]
    assert headings and headings[0].style.name == heading
    toc_styles = [n for n in paragraph_names if n.lower().replace(" ", "") in ("toc1", "目录1", "contents1")]
    assert len(toc_styles) == 1, f"目录样式不得重复添加：{toc_styles}"
    tables = [s.name for s in document.styles if s.type == WD_STYLE_TYPE.TABLE]
    assert "Table Grid" in tables
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋", \
        "信笺自己的正文字体保留"


@pytest.mark.parametrize("key", ["lo", "wps"])
def test_letterhead_toc_is_filled_and_fonts_embedded(rendered, key: str) -> None:
    doc = rendered[f"letterhead-{key}"].require()
    toc = squeeze(doc.pages[1])
    assert "目录" in toc and "第一节" in toc and "...." in doc.pages[1], "目录应由标题样式（含本地化名称）生成"
    names = " ".join(f.name for f in fonts(doc.pdf))
    assert "NotoSerifCJK" in names and "NotoSansCJK" in names, names
    # The letterhead's own Latin fonts (Calibri, from its theme) may fall back; Chinese text may not.
    assert not cjk_in_fallback_fonts(doc.pdf)
