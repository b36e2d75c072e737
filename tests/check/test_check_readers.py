"""Reading .docx, .txt and .md back into blocks; bad files give a Chinese message, not a traceback."""

import io
import zipfile

import pytest
from docx import Document

from generator.readers import docx as read_docx_module
from generator.readers.errors import DocumentError
from generator.text.reader import read_bytes


def docx_bytes(build) -> bytes:
    document = Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_body_tables_headers_and_footers_in_order():
    def build(document):
        document.add_heading("第一节 质保期", level=1)
        document.add_paragraph("质保期为3年。")
        table = document.add_table(rows=3, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "服务项目", "承诺内容"
        table.cell(1, 0).merge(table.cell(2, 0)).text = "到达现场"
        table.cell(1, 1).text, table.cell(2, 1).text = "市区2小时", "省内6小时"
        document.add_heading("一、巡检", level=2)
        document.add_paragraph("每季度一次巡检。")
        document.sections[0].header.paragraphs[0].text = "某项目 售后服务方案"
        document.sections[0].footer.paragraphs[0].text = "第 1 页"

    doc = read_bytes(docx_bytes(build), "方案.docx")
    assert [(b.kind, b.section, b.text) for b in doc.blocks] == [
        ("heading", "第一节 质保期", "第一节 质保期"),
        ("paragraph", "第一节 质保期", "质保期为3年。"),
        ("cell", "第一节 质保期", "服务项目"), ("cell", "第一节 质保期", "承诺内容"),
        ("cell", "第一节 质保期", "到达现场"), ("cell", "第一节 质保期", "市区2小时"),
        ("cell", "第一节 质保期", "省内6小时"),
        ("heading", "第一节 质保期 > 一、巡检", "一、巡检"),
        ("paragraph", "第一节 质保期 > 一、巡检", "每季度一次巡检。"),
        ("header", "页眉", "某项目 售后服务方案"), ("footer", "页脚", "第 1 页")]
    second_row = doc.blocks[6].cell
    assert doc.row_texts(second_row) == ["到达现场", "省内6小时"]  # the merged cell carries its text down


def test_docx_without_heading_styles_uses_numbering():
    def build(document):
        for text in ("第一节 服务承诺", "一、响应时间", "接到报修后30分钟内响应。"):
            document.add_paragraph(text)

    doc = read_bytes(docx_bytes(build), "方案.docx")
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 2), ("heading", 3), ("paragraph", 0)]
    assert doc.blocks[2].section == "第一节 服务承诺 > 一、响应时间"


@pytest.mark.parametrize("data, message", [
    (b"this is not a zip", "不是有效的 .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "另存为 .docx"),
    (b"PK\x03\x04broken", "已损坏"),
])
def test_bad_docx_files(data, message):
    with pytest.raises(DocumentError) as error:
        read_bytes(data, "坏文件.docx")
    assert message in error.value.message


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_without_document_and_invalid_xml():
    with pytest.raises(DocumentError, match="缺少 word/document.xml"):
        read_bytes(_zip({"hello.txt": b"x"}), "a.docx")
    with pytest.raises(DocumentError, match="不是有效的 XML"):
        read_bytes(_zip({"word/document.xml": b"<w:document"}), "a.docx")


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(read_docx_module, "MAX_PART_BYTES", 1024 * 1024)
    bomb = _zip({"word/document.xml": b"<a>" + b" " * (3 * 1024 * 1024) + b"</a>"})
    assert len(bomb) < 20 * 1024
    with pytest.raises(DocumentError, match="压缩炸弹"):
        read_bytes(bomb, "a.docx")


def test_text_encodings_and_binary():
    assert read_bytes("质保期为三年。".encode("gb18030"), "a.txt").blocks[0].text == "质保期为三年。"
    assert read_bytes("质保期为三年。".encode("utf-16"), "a.txt").blocks[0].text == "质保期为三年。"
    with pytest.raises(DocumentError, match="不是文本文件"):
        read_bytes(b"\x00\x01\x02binary", "a.txt")
    with pytest.raises(DocumentError, match="不支持的文件类型"):
        read_bytes(b"x", "a.pptx")
    with pytest.raises(DocumentError, match="没有可检查的文字"):
        read_bytes(b" \n\n", "a.txt")
    with pytest.raises(DocumentError, match="没有可检查的文字"):
        read_bytes(docx_bytes(lambda document: None), "a.docx")


def test_text_rebuilds_broken_sentences_and_finds_headings():
    text = ("第一节 服务承诺\n\n我公司对采购人提出的问题，公司安排工程师在三小时内抵达现场并会同采购人共同商定处理办法，并留一\n\n"
            "片赞美。\n\n售后服务保障措施\n\n(1) 远程诊断；\n(2) 现场服务。")
    doc = read_bytes(text.encode(), "a.txt")
    assert [(b.kind, b.norm) for b in doc.blocks] == [
        ("heading", "第一节服务承诺"),
        ("paragraph", "我公司对采购人提出的问题,公司安排工程师在三小时内抵达现场并会同采购人共同商定处理办法,并留一片赞美。"),
        ("heading", "售后服务保障措施"), ("paragraph", "(1)远程诊断;"), ("paragraph", "(2)现场服务。")]
    assert doc.blocks[1].line == 3


def test_markdown_tables_and_headings():
    doc = read_bytes("# 一、承诺\n\n| 项目 | 内容 |\n|---|---|\n| 质保期 | 3年 |\n".encode(), "a.md")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "一、承诺"), ("cell", "项目"), ("cell", "内容"), ("cell", "质保期"), ("cell", "3年")]
