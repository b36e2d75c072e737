"""Read any supported document (.docx, .pdf, .doc, .wps, .txt, .md) into a Document; bad input →
DocumentError. Files go through generator/readers: size and file kind are checked before reading."""

from __future__ import annotations

from pathlib import Path

from generator.readers.errors import DocumentError
from generator.text.document import Document

SUFFIXES = (".docx", ".pdf", ".doc", ".wps", ".txt", ".md", ".markdown")


def read_bytes(data: bytes, name: str) -> Document:
    document = _read(data, name)
    if not document.blocks:
        raise DocumentError(name, "文件中没有可检查的文字（空文件，或只有图片、扫描件）")
    return document


def _read(data: bytes, name: str) -> Document:
    suffix = Path(name).suffix.lower()
    if suffix in (".txt", ".md", ".markdown", ""):
        from generator.text.read_text import read_text

        return read_text(data, name, markdown=suffix in (".md", ".markdown"))
    if suffix in (".docx", ".pdf", ".doc", ".wps"):
        from generator.readers.content import read_content
        from generator.text.from_content import document_from_content

        return document_from_content(read_content(data, name), name)
    raise DocumentError(name, f"不支持的文件类型“{suffix}”，请提供 .docx、.pdf、.doc、.wps、.txt 或 .md 文件")


def read_document(path: Path) -> Document:
    from generator.readers.files import read_file

    return read_bytes(read_file(path), str(path))
