"""A 招标文件 (.docx, .txt or .md) → text blocks, each with its heading path and page if known.

Pages: in a .docx from explicit page breaks (and the breaks Word recorded when it last laid the
document out); in a text file from form feeds or page-number footers such as “— 18 —” or
“第 18 页”. When a file gives no page information, pages are None rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError, Problem
from generator.numerals import to_half_width_digits

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".text")


@dataclass(frozen=True)
class TextBlock:
    text: str  # a paragraph, or a table row with its cells joined by “ | ”
    section: str  # heading path, e.g. “第三章 采购需求 二、商务要求”
    page: int | None
    cells: tuple[str, ...] = ()  # set for table rows
    line: int | None = None  # 1-based line in a text file


# Heading patterns, by level. A heading is short and does not end like a sentence.
_HEADINGS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(r"^第[一二三四五六七八九十百零〇\d]+[章部篇]")),
    (1, re.compile(r"^第[一二三四五六七八九十百零〇\d]+部分")),
    (2, re.compile(r"^第[一二三四五六七八九十百零〇\d]+节")),
    (2, re.compile(r"^[一二三四五六七八九十]+[、．.]")),
    (2, re.compile(r"^\d+\.\d+(?![\d.])\s*[^\d\s]")),
    (3, re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    (3, re.compile(r"^\d+\.\d+\.\d+(?![\d.])\s*[^\d\s]")),
]
_SENTENCE_END = re.compile(r"[。；;，,：:！？]$")
_PAGE_FOOTER = re.compile(r"^[\s\-—–－_~·]*(?:第\s*)?(\d{1,4})\s*(?:页)?(?:\s*[/，,]?\s*共\s*\d+\s*页)?[\s\-—–－_~·]*$")
_TABLE_RULE = re.compile(r"^[\s|+\-=:─━┼┬┴├┤│]+$")


def heading_level(text: str) -> int | None:
    """Level of a heading line, or None for body text."""
    text = text.strip()
    if not text or len(text) > 40 or _SENTENCE_END.search(text):
        return None
    if "：" in text[:-1] or ":" in text[:-1]:
        return None  # “一、项目名称：…” is a field, not a heading
    for level, pattern in _HEADINGS:
        if pattern.match(text):
            return level
    return None


class _Sections:
    def __init__(self) -> None:
        self.path: list[tuple[int, str]] = []

    def enter(self, level: int, title: str) -> None:
        self.path = [(lvl, t) for lvl, t in self.path if lvl < level] + [(level, re.sub(r"\s+", " ", title))]

    def __str__(self) -> str:
        return " ".join(t for _, t in self.path)


def _split_row(line: str) -> tuple[str, ...] | None:
    """Cells of a table row written as text: “| a | b |”, tab-separated, or columns of spaces."""
    if "|" in line or "｜" in line:
        cells = [c.strip() for c in re.split(r"[|｜]", line.strip().strip("|｜"))]
    elif "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
    else:
        return None
    cells = [c for c in cells if c]
    return tuple(cells) if len(cells) >= 2 else None


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("无法读取招标文件", [Problem(path, "文件既不是 UTF-8 也不是 GBK 编码", hint="请另存为 UTF-8 文本")])


def read_text_blocks(text: str) -> list[TextBlock]:
    sections = _Sections()
    pending: list[tuple[str, str, tuple[str, ...], int]] = []  # blocks whose page is not yet known
    blocks: list[TextBlock] = []
    sheets = text.split("\f")  # form feeds, where a PDF-to-text tool kept them, are page ends
    page: int | None = 1 if len(sheets) > 1 else None
    number = 0

    def flush(at: int | None) -> None:
        blocks.extend(TextBlock(t, s, at, c, n) for t, s, c, n in pending)
        pending.clear()

    for sheet_index, sheet in enumerate(sheets):
        if len(sheets) > 1:
            flush(page)
            page = sheet_index + 1
        lines = sheet.split("\n")
        for offset, raw in enumerate(lines):
            number += 1 if offset else (0 if sheet_index else 1)
            line = raw.strip().replace("\u3000", " ")
            if not line or _TABLE_RULE.match(line):
                continue
            footer = _PAGE_FOOTER.match(to_half_width_digits(line))
            if footer and len(sheets) == 1 and (line[0] in "-—–－_~·第" or "页" in line):
                # a footer closes page N: what came before is on N, what follows on N + 1
                flush(int(footer.group(1)))
                page = int(footer.group(1)) + 1
                continue
            cells = _split_row(raw)
            level = heading_level(line) if cells is None else None
            if level is not None:
                sections.enter(level, line)
            joined = " | ".join(cells) if cells else line
            pending.append((joined, str(sections), cells or (), number))
    flush(page)
    return blocks


def read_docx_blocks(path: Path) -> list[TextBlock]:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise InputError("无法读取招标文件", [Problem(path, f"不是有效的 .docx 文件（{type(exc).__name__}）",
                                               hint="用 Word 或 WPS 打开后另存为 .docx 再试")]) from None
    body = document.element.body
    breaks = body.findall(".//" + qn("w:br"))
    has_pages = any(b.get(qn("w:type")) == "page" for b in breaks) or body.find(
        ".//" + qn("w:lastRenderedPageBreak")) is not None
    page = 1 if has_pages else None
    sections = _Sections()
    blocks: list[TextBlock] = []

    def page_breaks(element) -> int:  # noqa: ANN001
        explicit = sum(1 for b in element.iter(qn("w:br")) if b.get(qn("w:type")) == "page")
        rendered = sum(1 for _ in element.iter(qn("w:lastRenderedPageBreak")))
        return max(explicit, rendered)

    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip().replace("\u3000", " ")
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if text:
                match = re.match(r"(?:Heading|标题)\s*(\d)", style)
                level = int(match.group(1)) if match else heading_level(text)
                if level is not None:
                    sections.enter(level, text)
                blocks.append(TextBlock(text, str(sections), page))
            if page is not None:
                page += page_breaks(child)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = re.sub(r"\s+", " ", cell.text).strip()
                    if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                        cells.append(text)
                if cells:
                    blocks.append(TextBlock(" | ".join(cells), str(sections), page, tuple(cells)))
            if page is not None:
                page += page_breaks(child)
    return blocks


def read_blocks(path: Path) -> list[TextBlock]:
    """Read a 招标文件; InputError with a Chinese message for anything unreadable."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError("找不到招标文件", [Problem(path, "文件不存在")])
    if suffix in (".doc", ".wps"):
        raise InputError("不支持的文件格式", [Problem(path, "旧版 Word/WPS 格式无法直接读取",
                                                      hint="请用 Word 或 WPS 另存为 .docx 后再提取")])
    if suffix == ".pdf":
        raise InputError("不支持的文件格式", [Problem(path, "暂不支持 PDF",
                                                      hint="请将招标文件另存为 .docx，或复制全文保存为 .txt")])
    if suffix != ".docx" and suffix not in TEXT_SUFFIXES:
        raise InputError("不支持的文件格式", [Problem(path, f"无法识别“{suffix or '无扩展名'}”文件",
                                                      hint="支持 .docx、.txt、.md")])
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError("招标文件过大", [Problem(path, f"文件大小 {size} 字节，超过 20 MB")])
    blocks = read_docx_blocks(path) if suffix == ".docx" else read_text_blocks(_decode(path.read_bytes(), path))
    if not blocks:
        raise InputError("招标文件没有可读取的文字", [Problem(path, "文件为空或只含图片",
                                                          hint="扫描件需先做文字识别（OCR）")])
    return blocks
