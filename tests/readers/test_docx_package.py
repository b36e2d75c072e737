"""What a .docx carries besides its text: altChunk content is read, macros, OLE objects and remote
templates are reported (active-content warnings), and tender extract reads through the same guard."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from generator.check import check_bytes
from generator.check.expectations import Expectations
from generator.core.errors import InputError
from generator.text.text_blocks import read_blocks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def base_docx(text: str = "我公司承诺质保期为3年。") -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def edited(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info.filename)))
        for name, part in (add or {}).items():
            target.writestr(name, part)
    return out.getvalue()


def with_alt_chunk(html: bytes) -> bytes:
    data = base_docx()
    source = zipfile.ZipFile(io.BytesIO(data))
    document = source.read("word/document.xml").replace(
        b"<w:sectPr", f'<w:altChunk xmlns:r="{R}" r:id="rIdChunk1"/><w:sectPr'.encode(), 1)
    rels = source.read("word/_rels/document.xml.rels").replace(
        b"</Relationships>", b'<Relationship Id="rIdChunk1" Type="http://schemas.openxmlformats.org/officeDocument/'
                             b'2006/relationships/aFChunk" Target="chunk1.htm"/></Relationships>')
    return edited(data, {"word/document.xml": document, "word/_rels/document.xml.rels": rels},
                  {"word/chunk1.htm": html})


def rules(data: bytes) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in check_bytes(data, "方案.docx", Expectations()).findings]


def test_text_in_an_alt_chunk_is_checked_and_reported():
    html = "<html><body><p>联系人：XX</p><p>质保期为5年。</p></body></html>".encode()
    found = rules(with_alt_chunk(html))
    assert any(rule == "placeholder" for rule, _ in found)  # the blank inside the chunk is seen
    from generator.text.reader import read_bytes

    texts = [b.text for b in read_bytes(with_alt_chunk(html), "方案.docx").blocks]
    assert texts == ["我公司承诺质保期为3年。", "联系人：XX", "质保期为5年。"]
    assert any(rule == "active-content" and "altChunk" in message for rule, message in found)


def test_an_unreadable_alt_chunk_is_reported_not_hidden():
    data = with_alt_chunk(b"")
    data = edited(data, {"word/_rels/document.xml.rels": zipfile.ZipFile(io.BytesIO(data)).read(
        "word/_rels/document.xml.rels").replace(b"chunk1.htm", b"chunk1.rtf")}, {"word/chunk1.rtf": b"{\\rtf1 x}"})
    found = rules(data)
    assert any(rule == "active-content" and "未检查" in message for rule, message in found)


def test_macros_ole_objects_and_remote_templates_are_warned_about():
    data = base_docx()
    settings_rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                     b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                     b'2006/relationships/attachedTemplate" Target="http://example.invalid/t.dotm" '
                     b'TargetMode="External"/></Relationships>')
    data = edited(data, add={"word/vbaProject.bin": b"\0" * 64, "word/embeddings/oleObject1.bin": b"\0" * 64,
                             "word/_rels/settings.xml.rels": settings_rels})
    messages = [message for rule, message in rules(data) if rule == "active-content"]
    assert any("宏" in m for m in messages)
    assert any("嵌入文件" in m for m in messages)
    assert any("远程模板" in m and "example.invalid" in m for m in messages)
    assert rules(base_docx()) == []  # a plain document gets none of these


def test_tender_extract_reads_docx_through_the_same_bomb_guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from generator.readers import docx

    monkeypatch.setattr(docx, "MAX_PART_BYTES", 1024 * 1024)
    document = (f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode() + b" " * (3 * 1024 * 1024)
                + b"</w:t></w:r></w:p></w:body></w:document>")
    path = tmp_path / "招标文件.docx"
    path.write_bytes(edited(base_docx(), {"word/document.xml": document}))
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        read_blocks(path)
    assert "压缩炸弹" in caught.value.render() and "招标文件.docx" in caught.value.render()
    assert time.monotonic() - started < 5


def test_tender_extract_keeps_docx_sections_pages_and_merged_cells(tmp_path: Path):
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    document.add_heading("第三章 采购需求", level=1)
    document.add_paragraph("质保期不少于2年。").add_run().add_break(WD_BREAK.PAGE)
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "故障程度", "到场时间"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "严重故障"
    table.cell(1, 1).text, table.cell(2, 1).text = "市区2小时", "郊区4小时"
    path = tmp_path / "t.docx"
    document.save(str(path))
    blocks = read_blocks(path)
    assert [(b.text, b.section, b.page) for b in blocks] == [
        ("第三章 采购需求", "第三章 采购需求", 1), ("质保期不少于2年。", "第三章 采购需求", 1),
        ("故障程度 | 到场时间", "第三章 采购需求", 2), ("严重故障 | 市区2小时", "第三章 采购需求", 2),
        ("严重故障 | 郊区4小时", "第三章 采购需求", 2)]
