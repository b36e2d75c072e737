"""Content read by generator/readers (.docx, .pdf, .doc, .wps) → the checker's Document.

Headings come from styles when the document uses heading styles, else from their numbering
(第一节, 一、 …); headers and footers become blocks of their own after the body.
"""

from __future__ import annotations

from generator.readers.content import Content, Paragraph, Table
from generator.text.document import Document, DocumentBuilder
from generator.text.headings import PROPOSAL, heading_level

_PART_SECTIONS = {"header": "页眉", "footer": "页脚"}


def document_from_content(content: Content, path: str) -> Document:
    builder = DocumentBuilder(path)
    for item in content.items:
        if isinstance(item, Table):
            builder.table(item.rows, page=item.page)
        else:
            _paragraph(builder, item, content.heading_styles)
    document = builder.build()
    document.notices = list(content.notices)
    document.metadata = content.metadata
    return document


def _paragraph(builder: DocumentBuilder, item: Paragraph, heading_styles: bool) -> None:
    text = item.text
    if item.part in _PART_SECTIONS:
        builder.paragraph(text, kind=item.part, section=_PART_SECTIONS[item.part], page=item.page)
    elif item.toc:
        builder.paragraph(text, kind="toc", page=item.page)
    elif heading_styles and item.style_level is not None:
        builder.heading(text, item.style_level, page=item.page)
    elif not heading_styles and (level := heading_level(text, PROPOSAL)):
        builder.heading(text, level, page=item.page)
    else:
        builder.paragraph(text, page=item.page)


def read_docx(data: bytes, path: str) -> Document:
    from generator.readers.docx import read_docx as read_package

    return document_from_content(read_package(data, path), path)
