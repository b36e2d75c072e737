"""The reader's memo (issue 19): style levels per styles.xml bytes give what a fresh read gives, miss
after a change, and stay bounded."""

from __future__ import annotations

import io
import zipfile

import pytest

import generator.readers.docx as reader
from generator.readers.docx import _Package, read_docx, read_package
from generator.write.parts import PartsPackage
from tests.readers.test_docx_package import base_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(autouse=True)
def empty_memos():
    reader.clear_memory()
    yield
    reader.clear_memory()


def parts_of(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def fresh(package) -> tuple:
    """What the reader gives with nothing memoised."""
    reader.clear_memory()
    content = reader._read_package(package)
    return content.items, content.heading_styles, content.notices, content.metadata


def as_tuple(content) -> tuple:
    return content.items, content.heading_styles, content.notices, content.metadata


def heading_docx(text: str = "售后服务承诺") -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(text, level=2)
    document.add_paragraph("我公司承诺质保期为3年。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_style_levels_memoised_equal_fresh():
    data = heading_docx()
    package = _Package(data, "a.docx")
    first = reader._styles_of(package)
    expected = reader._style_levels(package.xml("word/styles.xml"))
    assert dict(first) == expected and first["Heading2"] == (2, False)
    assert reader._styles_of(_Package(data, "b.docx")) is first  # same bytes: kept
    content = read_docx(data, "a.docx")
    assert content.heading_styles and content.items[0].style_level == 2


def test_style_levels_follow_a_changed_styles_part():
    data = heading_docx()
    styles = parts_of(data)["word/styles.xml"]
    # the same styles.xml with Heading 2 renamed "heading 3": its level follows the name
    changed = styles.replace(b'w:val="heading 2"', b'w:val="heading 3"')
    assert changed != styles
    reader._styles_of(_Package(data, "a.docx"))
    other = PartsPackage({**parts_of(data), "word/styles.xml": changed}, "b.docx")
    assert reader._styles_of(other)["Heading2"] == (3, False)
    assert read_package(other).items[0].style_level == 3
    assert read_docx(data, "a.docx").items[0].style_level == 2


def test_style_memo_bounded():
    data = base_docx()
    styles = parts_of(data)["word/styles.xml"]
    for i in range(reader._STYLE_MEMO_SIZE + 5):
        variant = styles.replace(b"</w:styles>", f"<!-- {i} --></w:styles>".encode())
        reader._styles_of(PartsPackage({**parts_of(data), "word/styles.xml": variant}, "x.docx"))
    assert len(reader._style_memo) == reader._STYLE_MEMO_SIZE


def test_damaged_styles_part_still_an_error_each_time():
    parts = {**parts_of(base_docx()), "word/styles.xml": b"<w:styles"}
    for _ in range(2):
        with pytest.raises(reader.DocumentError, match="styles.xml 不是有效的 XML"):
            read_package(PartsPackage(parts, "bad.docx"))
