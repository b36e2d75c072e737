"""Read a text-layer PDF into Content with pdfplumber (MIT; pdfminer.six underneath).

A PDF has lines at positions, not paragraphs: this module rebuilds them. Per page it finds ruled
tables (their cells become Table rows; a table continued on the next page with a repeated header
row is joined to it), drops running headers/footers and page numbers (lines in the top or bottom
band that repeat on other pages), and joins a line to the next when it runs to the right margin
and the next one is not indented, not a list item and not in another font size — across a page
break too. A PDF without any text (a scan) is refused with a hint to OCR it.

pdfplumber costs about 110 ms to import: only a PDF imports it.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from generator.readers.content import Content, Paragraph, Table
from generator.readers.errors import DocumentError

MAX_PAGES = 3000
BAND = 0.09  # top and bottom share of the page where running headers and footers sit
_PAGE_NUMBER = re.compile(r"^[\s\-—–－_~·]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/，,]?\s*共\s*\d+\s*页)?[\s\-—–－_~·]*$"
                          r"|^\s*(?:page\s*)?\d{1,4}\s*(?:/|of)\s*\d{1,4}\s*$", re.IGNORECASE)
_TOC_ENTRY = re.compile(r"(?:[.…·．]{4,}|\s{3,})\s*\d{1,4}\s*$")
_SENTENCE_END = ("。", "；", ";", "！", "!", "？", "?", "：", ":")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class _Page:
    number: int
    height: float
    lines: list[_Line]
    tables: list[tuple[float, list[list[str | None]]]]  # (top, rows)


def _join(left: str, right: str) -> str:
    """Two pieces of one wrapped line: a space only between two Latin words or numbers."""
    if left and right and _ASCII_WORD.match(left[-1]) and _ASCII_WORD.match(right[0]):
        return f"{left} {right}"
    return left + right


def _cell(text: str | None) -> str:
    """A cell's wrapped lines joined back; a line ending a sentence keeps its line break."""
    out = ""
    for line in (text or "").split("\n"):
        line = line.strip()
        if not out:
            out = line
        elif out.endswith(_SENTENCE_END):
            out += "\n" + line
        else:
            out = _join(out, line)
    return out


def _open(data: bytes, name: str):  # pdfplumber.PDF
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise DocumentError(name, "不是有效的 PDF 文件（缺少 PDF 文件头）")
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = len(pdf.pages)
    except Exception as exc:  # pdfminer raises many types for damaged or encrypted files
        raise DocumentError(name, _failure(exc)) from None
    if pages > MAX_PAGES:
        pdf.close()
        raise DocumentError(name, f"PDF 页数过多（{pages} 页），不应超过 {MAX_PAGES} 页")
    return pdf


def _failure(exc: Exception) -> str:
    causes = [exc, *exc.args]  # pdfplumber wraps pdfminer's exception (PDFPasswordIncorrect) in its args
    text = " ".join(f"{type(c).__name__} {c}" for c in causes).lower()
    if "password" in text or "encrypt" in text or "crypt" in text:
        return "PDF 已加密（需要密码），无法读取文字；请向发布方索取未加密的版本，或去除密码后再试"
    return "PDF 文件已损坏或格式无法识别，无法读取文字；请用阅读器另存一份 PDF，或另存为 .docx 后再试"


def _read_page(page, number: int) -> _Page:  # pdfplumber.Page
    tables: list[tuple[float, list[list[str | None]]]] = []
    boxes: list[tuple[float, float, float, float]] = []
    if page.edges:  # ruled tables need ruling lines; skip the search on pages without any
        for found in page.find_tables():
            rows = [[_cell(c) if c is not None else None for c in row] for row in found.extract()]
            if len(rows) >= 1 and max((len(r) for r in rows), default=0) >= 2:
                boxes.append(found.bbox)
                tables.append((found.bbox[1], rows))

    def outside(obj: dict) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    lines = [_Line(line["text"].strip(), line["x0"], line["x1"], line["top"], line["bottom"], number)
             for line in text_page.extract_text_lines(return_chars=False) if line["text"].strip()]
    return _Page(number, float(page.height), lines, tables)


def _running_lines(pages: list[_Page]) -> set[tuple[int, int]]:
    """(page, line index) of running headers, footers and page numbers."""
    def key(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    candidates: dict[str, list[tuple[int, int]]] = {}
    marked: set[tuple[int, int]] = set()
    for page in pages:
        for i, line in enumerate(page.lines):
            if line.bottom > page.height * BAND and line.top < page.height * (1 - BAND):
                continue
            if _PAGE_NUMBER.match(line.text):
                marked.add((page.number, i))
            else:
                candidates.setdefault(key(line.text), []).append((page.number, i))
    needed = max(2, int(len(pages) * 0.4))
    for places in candidates.values():
        if len({p for p, _ in places}) >= needed:
            marked.update(places)
    return marked


class _Paragraphs:
    """Joins wrapped lines back into paragraphs."""

    def __init__(self, left: float, right: float) -> None:
        self.left = left
        self.right = right
        self.items: list[Paragraph | Table] = []
        self.open: _Line | None = None  # last line of the paragraph being built
        self.text = ""
        self.page = 0
        self.table_end_page = 0  # last page of the last table

    def _continues(self, line: _Line) -> bool:
        from generator.text.headings import starts_like_item

        last = self.open
        if last is None:
            return False
        # Line breaking rules (no 。，at a line start, narrow digits) can end a wrapped line up to three
        # characters short of the margin; a sentence end short of it closes the paragraph.
        short = self.right - last.x1
        full = short <= 3.5 * last.size and not (last.text.endswith(_SENTENCE_END) and short > last.size)
        same_size = abs(last.size - line.size) <= 1.0
        near = line.page != last.page or 0 <= line.top - last.bottom <= 2 * last.size
        flush_left = line.x0 <= self.left + 0.6 * line.size
        return full and same_size and near and flush_left and not starts_like_item(line.text)

    def line(self, line: _Line) -> None:
        if self._continues(line):
            self.text = _join(self.text, line.text)
        else:
            self.close()
            self.text = line.text
            self.page = line.page
        self.open = line

    def table(self, rows: list[list[str | None]], page: int) -> None:
        self.close()
        previous = self.items[-1] if self.items else None  # nothing came between: a table split by a page end
        if (isinstance(previous, Table) and self.table_end_page == page - 1 and previous.rows
                and len(previous.rows[0]) == len(rows[0])):
            continued = rows[1:] if tuple(rows[0]) == previous.rows[0] else rows  # repeated header row
            self.items[-1] = Table(previous.rows + tuple(tuple(r) for r in continued), previous.page)
        else:
            self.items.append(Table(tuple(tuple(r) for r in rows), page))
        self.table_end_page = page

    def close(self) -> None:
        if self.open is not None and self.text:
            toc = bool(_TOC_ENTRY.search(self.text))
            self.items.append(Paragraph(self.text, self.page, toc=toc))
        self.open = None
        self.text = ""


def _margins(pages: list[_Page], marked: set[tuple[int, int]]) -> tuple[float, float]:
    lefts, rights = [], []
    for page in pages:
        body = [line for i, line in enumerate(page.lines) if (page.number, i) not in marked]
        if len(body) >= 3:
            lefts.append(min(line.x0 for line in body))
            rights.append(max(line.x1 for line in body))
    if not lefts:
        body = [line for page in pages for line in page.lines]
        return (min((line.x0 for line in body), default=0.0), max((line.x1 for line in body), default=0.0))
    return statistics.median(lefts), statistics.median(rights)


def read_pdf(data: bytes, name: str) -> Content:
    pdf = _open(data, name)
    pages: list[_Page] = []
    images = 0
    try:
        for number, page in enumerate(pdf.pages, start=1):
            pages.append(_read_page(page, number))
            images += len(page.images)
    except DocumentError:
        raise
    except Exception as exc:  # a damaged page or content stream
        raise DocumentError(name, _failure(exc)) from None
    finally:
        pdf.close()
    if not any(page.lines or page.tables for page in pages):
        if images:
            raise DocumentError(name, "PDF 中没有文字层（似乎是扫描件或图片），无法读取文字；"
                                      "请先做文字识别（OCR），或向发布方索取可复制文字的版本")
        raise DocumentError(name, "PDF 中没有可读取的文字")
    marked = _running_lines(pages)
    left, right = _margins(pages, marked)
    builder = _Paragraphs(left, right)
    running: list[Paragraph] = []
    seen: set[str] = set()
    for page in pages:
        items: list[tuple[float, int, object]] = [(top, 1, rows) for top, rows in page.tables]
        for i, line in enumerate(page.lines):
            if (page.number, i) not in marked:
                items.append((line.top, 0, line))
            elif not _PAGE_NUMBER.match(line.text) and line.text not in seen:
                seen.add(line.text)
                part = "header" if line.top < page.height / 2 else "footer"
                running.append(Paragraph(line.text, page.number, part=part))
        for _, kind, item in sorted(items, key=lambda entry: (entry[0], entry[1])):
            if kind:
                builder.table(item, page.number)  # type: ignore[arg-type]
            else:
                builder.line(item)  # type: ignore[arg-type]
    builder.close()
    return Content([*builder.items, *running])
