"""Read a .docx back into blocks: body paragraphs and table cells in document order, then headers
and footers. Reads the package XML with lxml directly (no python-docx object tree: faster, and the
zip is checked before anything is decompressed)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from generator.check.document import Document, DocumentBuilder, DocumentError
from generator.check.headings import numbered_heading_level

MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 100 * 1024 * 1024  # one decompressed XML part
MAX_TOTAL_BYTES = 300 * 1024 * 1024  # all parts we read, decompressed
MAX_RATIO = 200  # decompressed / compressed size of one part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _open_zip(data: bytes, path: str) -> zipfile.ZipFile:
    if len(data) > MAX_DOCX_BYTES:
        raise DocumentError(path, f"文件过大（{len(data) // 1024 // 1024} MB），.docx 不应超过 50 MB")
    if not data.startswith(b"PK"):
        hint = "（这似乎是旧版 .doc 文件，请在 Word 中另存为 .docx）" if data.startswith(b"\xd0\xcf\x11\xe0") else ""
        raise DocumentError(path, f"不是有效的 .docx 文件（不是 zip 压缩包）{hint}")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(path, f".docx 文件已损坏，无法打开（{exc}）") from exc


def _read_part(archive: zipfile.ZipFile, name: str, path: str, budget: list[int]) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise DocumentError(path, f".docx 缺少 {name}，文件不完整或不是 Word 文档") from exc
    if info.file_size > MAX_PART_BYTES or (info.compress_size and info.file_size / info.compress_size > MAX_RATIO
                                           and info.file_size > 10 * 1024 * 1024):
        raise DocumentError(path, f".docx 中的 {name} 解压后过大（疑似压缩炸弹），已拒绝读取")
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise DocumentError(path, f".docx 中的 {name} 已损坏，无法解压（{exc}）") from exc
    budget[0] += len(data)
    if len(data) > MAX_PART_BYTES or budget[0] > MAX_TOTAL_BYTES:
        raise DocumentError(path, ".docx 解压后内容过大（疑似压缩炸弹），已拒绝读取")
    return data


def _parse_xml(data: bytes, name: str, path: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(path, f".docx 中的 {name} 不是有效的 XML（{exc.msg}）") from exc


def _style_levels(root: Any) -> dict[str, tuple[int | None, bool]]:
    """styleId → (heading level or None, is a TOC style)."""
    raw: dict[str, tuple[str, str | None, int | None]] = {}
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId") or ""
        name_el = style.find(f"{W}name")
        name = name_el.get(f"{W}val", "") if name_el is not None else ""
        based = style.find(f"{W}basedOn")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        level = _int(outline.get(f"{W}val"), 9) + 1 if outline is not None else None
        raw[style_id] = (name, based.get(f"{W}val") if based is not None else None, level)
    levels: dict[str, tuple[int | None, bool]] = {}
    for style_id, (name, based, level) in raw.items():
        match = _HEADING_NAME.match(name.strip())
        if match:
            level = int(match[1])
        depth = 0
        while level is None and based in raw and depth < 10:
            level = raw[based][2]
            based = raw[based][1]
            depth += 1
        if level is not None and level > 9:
            level = None
        levels[style_id] = (level, name.lower().startswith("toc") or name.startswith("目录"))
    return levels


class _DocxReader:
    def __init__(self, path: str, styles: dict[str, tuple[int | None, bool]]) -> None:
        self.builder = DocumentBuilder(path)
        self.styles = styles
        self.use_styles = False

    @staticmethod
    def text_of(p: Any) -> str:
        parts: list[str] = []
        for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}delText", f"{W}instrText"):
            tag = el.tag
            if tag == f"{W}t":
                parts.append(el.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
        return "".join(parts)

    def paragraph_style(self, p: Any) -> tuple[int | None, bool]:
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return None, False
        outline = ppr.find(f"{W}outlineLvl")
        style = ppr.find(f"{W}pStyle")
        level, toc = self.styles.get(style.get(f"{W}val", ""), (None, False)) if style is not None else (None, False)
        if outline is not None:
            value = _int(outline.get(f"{W}val"), 9) + 1
            level = value if value <= 9 else None
        return level, toc

    def body(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}smartTag"):
                content = child.find(f"{W}sdtContent") if tag == f"{W}sdt" else child
                if content is not None:
                    self.body(content)

    def paragraph(self, p: Any, kind: str = "paragraph") -> None:
        text = self.text_of(p)
        if not text.strip():
            return
        level, toc = self.paragraph_style(p)
        if toc:
            self.builder.paragraph(text, kind="toc")
        elif level is not None and self.use_styles and kind == "paragraph":
            self.builder.heading(text, level)
        elif not self.use_styles and kind == "paragraph" and (pattern := numbered_heading_level(text)):
            self.builder.heading(text, pattern)
        else:
            self.builder.paragraph(text, kind=kind)

    def cell_text(self, container: Any) -> str:
        """Paragraph texts of a cell, one per line (tables nested in the cell are read separately)."""
        lines: list[str] = []
        for child in container:
            if child.tag == f"{W}p":
                text = self.text_of(child)
                if text.strip():
                    lines.append(text)
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
                if content is not None:
                    inner = self.cell_text(content)
                    if inner:
                        lines.append(inner)
        return "\n".join(lines)

    def table(self, tbl: Any) -> None:
        rows: list[list[str | None]] = []
        nested: list[Any] = []
        trs = [child for child in tbl if child.tag == f"{W}tr"]
        for tr in trs:
            row: list[str | None] = []
            cells = [c for c in tr if c.tag == f"{W}tc"]
            cells += [tc for sdt in tr.findall(f"{W}sdt") for tc in sdt.iter(f"{W}tc")]
            for tc in cells:
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                span_el = tc.find(f"{W}tcPr/{W}gridSpan")
                if merge is not None and merge.get(f"{W}val", "continue") == "continue":
                    row.append(None)
                else:
                    row.append(self.cell_text(tc))
                span = _int(span_el.get(f"{W}val"), 1) if span_el is not None else 1
                row.extend([""] * (min(span, 50) - 1))
                nested.extend(tc.findall(f"{W}tbl"))
            rows.append(row)
        self.builder.table(rows)
        for inner in nested:
            self.table(inner)


def read_docx(data: bytes, path: str) -> Document:
    archive = _open_zip(data, path)
    budget = [0]
    names = archive.namelist()
    document = _parse_xml(_read_part(archive, "word/document.xml", path, budget), "word/document.xml", path)
    styles: dict[str, tuple[int | None, bool]] = {}
    if "word/styles.xml" in names:
        styles = _style_levels(_parse_xml(_read_part(archive, "word/styles.xml", path, budget),
                                          "word/styles.xml", path))
    reader = _DocxReader(path, styles)
    body = document.find(f"{W}body")
    if body is None:
        raise DocumentError(path, ".docx 中没有正文（word/document.xml 缺少 body）")
    reader.use_styles = _uses_heading_styles(body, reader)
    reader.body(body)
    seen: set[tuple[str, str]] = set()
    for prefix, label in (("word/header", "页眉"), ("word/footer", "页脚")):
        for name in sorted(n for n in names if n.startswith(prefix) and n.endswith(".xml")):
            root = _parse_xml(_read_part(archive, name, path, budget), name, path)
            for p in root.iter(f"{W}p"):
                text = reader.text_of(p)
                if text.strip() and (label, text) not in seen:
                    seen.add((label, text))
                    reader.builder.paragraph(text, kind="header" if label == "页眉" else "footer", section=label)
    result = reader.builder.build()
    from generator.check.read_metadata import read_package_metadata

    result.metadata = read_package_metadata(archive, document, path, budget)
    return result


def _uses_heading_styles(body: Any, reader: _DocxReader) -> bool:
    for p in body.iter(f"{W}p"):
        level, toc = reader.paragraph_style(p)
        if level is not None and not toc and reader.text_of(p).strip():
            return True
    return False
