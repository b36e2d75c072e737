"""The neutral result of reading a document: paragraphs and tables in reading order, with pages.

Each command turns it into its own blocks (check: document.Document; tender extract: TextBlock),
so both read every format through the same code and the same limits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.readers.errors import DocumentError

PACKAGE_SUFFIXES = (".docx", ".pdf", ".doc", ".wps")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: Word 97–2003 .doc, WPS .wps


@dataclass(frozen=True)
class Paragraph:
    text: str
    page: int | None = None  # 1-based, when the format records it
    style_level: int | None = None  # heading level given by the paragraph's style or outline level
    toc: bool = False  # a table-of-contents entry
    part: str = "body"  # body | header | footer


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str | None, ...], ...]  # cell texts; None: merged with the cell above
    page: int | None = None


@dataclass
class Content:
    items: list[Paragraph | Table] = field(default_factory=list)
    heading_styles: bool = False  # headings are marked by styles (else their numbering tells)
    notices: list[str] = field(default_factory=list)  # active or hidden content, in Chinese
    metadata: Any = None  # docx_metadata.DocxMetadata of a .docx: properties, identifiers, revisions


def read_content(data: bytes, name: str) -> Content:
    """A .docx, .pdf, .doc or .wps file's content; DocumentError when it cannot be read."""
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        from generator.readers.docx import read_docx

        return read_docx(data, name)
    if suffix == ".pdf":
        from generator.readers.pdf import read_pdf

        return read_pdf(data, name)
    if suffix in (".doc", ".wps"):
        from generator.office.convert import ConversionError, to_docx
        from generator.readers.docx import read_docx

        if data.startswith(b"PK"):  # a .docx saved under the old name
            return read_docx(data, name)
        if not data.startswith((OLE_MAGIC, b"{\\rtf")):
            raise DocumentError(name, f"不是有效的 {suffix} 文件（不是 Word/WPS 文档格式）")
        try:
            converted = to_docx(data, suffix)
        except ConversionError as error:
            raise DocumentError(name, str(error)) from None
        return read_docx(converted, name)
    raise DocumentError(name, f"不支持的文件类型“{suffix or '无扩展名'}”")
