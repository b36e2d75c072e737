"""The .docx reader reads a part's paragraphs in one walk (readers/docx._paragraphs); where that is
not possible (a paragraph inside another: a text box) it reads each paragraph by itself. Both must
give the same Content for every structure a Word file may hold: styles and outline levels of the
first w:pPr only, tracked formatting changes, tab stops and breaks, text outside any paragraph,
page breaks, merged, spanned and nested cells, content controls."""

from __future__ import annotations

import io
import zipfile

import pytest

from generator.readers import docx
from generator.readers.docx import read_docx

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STYLES = (f'<w:styles {NS}><w:style w:styleId="H1"><w:name w:val="heading 1"/></w:style>'
          '<w:style w:styleId="H2"><w:name w:val="heading 2"/></w:style>'
          '<w:style w:styleId="T1"><w:name w:val="toc 1"/></w:style></w:styles>')


def _p(text: str, ppr: str = "", extra: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r>{extra}</w:p>"


BODIES = {
    "headings": _p("第一章", '<w:pStyle w:val="H1"/>') + _p("目录项", '<w:pStyle w:val="T1"/>')
    + _p("正文") + _p("大纲", '<w:outlineLvl w:val="2"/>') + _p("过深", '<w:outlineLvl w:val="12"/>')
    + _p("坏值", '<w:outlineLvl w:val="x"/>') + _p("无值", "<w:pStyle/>"),
    "first-ppr-only": '<w:p><w:r><w:t>先</w:t></w:r><w:pPr><w:outlineLvl w:val="1"/></w:pPr>'
    '<w:pPr><w:pStyle w:val="H1"/></w:pPr></w:p>'
    '<w:p><w:pPr><w:pStyle w:val="none"/><w:pStyle w:val="H1"/><w:outlineLvl w:val="3"/>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>二</w:t></w:r></w:p>',
    "tracked-style": '<w:p><w:pPr><w:pStyle w:val="H2"/><w:pPrChange><w:pPr><w:pStyle w:val="H1"/>'
    '<w:outlineLvl w:val="0"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>改过</w:t></w:r></w:p>',
    "runs": '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="100"/></w:tabs></w:pPr><w:hyperlink><w:r>'
    '<w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:cr/><w:noBreakHyphen/></w:r></w:hyperlink><w:ins><w:r>'
    '<w:t>\u2060丙</w:t></w:r></w:ins><w:r><w:t>前<w:x/>后</w:t><w:t>丁<?pi x?>戊</w:t></w:r></w:p>'
    + _p("   ") + _p("\u2060"),
    "pages": _p("一", extra='<w:r><w:br w:type="page"/><w:lastRenderedPageBreak/><w:lastRenderedPageBreak/></w:r>')
    + '<w:tbl><w:tr><w:tc><w:p><w:r><w:br w:type="page"/><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    + _p("二", extra='<w:r><w:br w:type="page"/></w:r>') + _p("三"),
    "rendered-break-first": '<w:r><w:lastRenderedPageBreak/></w:r>' + _p("首页前") + _p("首页后"),
    "outside-paragraphs": '<w:tbl><w:tr><w:tc><w:r><w:t>孤立</w:t><w:br w:type="page"/></w:r>'
    '<w:p><w:r><w:t>格</w:t></w:r></w:p><w:r><w:t>又一个</w:t></w:r></w:tc></w:tr></w:tbl>'
    + _p("后") + '<w:r><w:t>正文外</w:t><w:tab/></w:r>',
    "cells": '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p>'
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>'
    '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:sdt><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r>'
    '</w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>深</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>'
    '<w:customXml><w:p><w:r><w:t>自定义</w:t></w:r></w:p></w:customXml></w:tc></w:tr>'
    '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>续</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p>'
    '<w:r><w:t>续内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:tcPr><w:gridSpan w:val="999"/>'
    '<w:vMerge w:val="continue"/></w:tcPr><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>'
    '<w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>行控件</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>'
    '<w:tc><w:tcPr><w:gridSpan w:val="-2"/></w:tcPr></w:tc></w:tr></w:tbl>',
    "containers": '<w:sdt><w:sdtContent>' + _p("块", '<w:pStyle w:val="H1"/>') + '</w:sdtContent></w:sdt>'
    '<w:customXml>' + _p("c") + '</w:customXml><w:ins>' + _p("i") + '</w:ins><w:smartTag>' + _p("s")
    + '</w:smartTag><w:del>' + _p("删") + '</w:del>',
}
TEXT_BOX = ('<w:r><w:pict><w:txbxContent><w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>框内</w:t>'
            '</w:r></w:p></w:txbxContent></w:pict></w:r>')


def _docx(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>")
        package.writestr("word/styles.xml", STYLES)
    return out.getvalue()


def _per_paragraph(data: bytes, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as patch:
        patch.setattr(docx, "_paragraphs", lambda body: None)  # as where a paragraph holds another
        return read_docx(data, "x.docx")


@pytest.mark.parametrize("name", sorted(BODIES))
def test_one_walk_reads_as_each_paragraph_alone(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _docx(BODIES[name])
    assert docx._paragraphs(_body(data)) is not None  # read in one walk
    walked = read_docx(data, "x.docx")
    assert walked.items  # the document has something to compare
    alone = _per_paragraph(data, monkeypatch)
    assert (walked.items, walked.heading_styles, walked.notices) == (alone.items, alone.heading_styles, alone.notices)


def test_all_structures_together_and_what_they_read_as(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _docx("".join(BODIES.values()))
    walked = read_docx(data, "x.docx")
    alone = _per_paragraph(data, monkeypatch)
    assert walked.items == alone.items
    texts = [item.text for item in walked.items if hasattr(item, "text")]
    assert "\t甲\t乙\n\n-丙前丁" in texts  # tab stop, tab, breaks, hyphen, word joiner, text before a child
    assert "孤立" not in " ".join(texts) and "正文外" not in texts  # text in no paragraph is not read
    levels = {item.text: (item.style_level, item.toc) for item in walked.items if hasattr(item, "style_level")}
    assert levels["第一章"] == (1, False) and levels["目录项"] == (None, True) and levels["大纲"] == (3, False)
    assert levels["先"] == (2, False) and levels["二"] == (4, False) and levels["改过"] == (2, False)
    assert levels["过深"] == (None, False) and levels["坏值"] == (None, False)


def test_a_text_box_is_read_paragraph_by_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    body = _p("外", '<w:pStyle w:val="H2"/>', TEXT_BOX + "<w:r><w:t>尾</w:t></w:r>") + BODIES["cells"]
    data = _docx(body)
    assert docx._paragraphs(_body(data)) is None
    walked = read_docx(data, "x.docx")
    assert walked.items == _per_paragraph(data, monkeypatch).items
    assert walked.items[0].text == "外框内尾" and walked.items[0].style_level == 2


def _body(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return docx.parse_xml(package.read("word/document.xml"), "x.docx", "word/document.xml").find(f"{docx.W}body")
