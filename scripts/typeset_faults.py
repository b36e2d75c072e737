#!/usr/bin/env python3
"""Typesetting faults in rendered proposals (the PDFs of `aftersales build --pdf`), read from the glyphs'
positions with pdfplumber:

- split:      a number parted from its unit (a line ends in a digit, the next line of the same paragraph
              starts with its unit: "30" / "分钟");
- identifier: an identifier, a phone or a certificate number broken across lines (the line ends in a
              letter, digit or joining hyphen and the next starts with a letter, digit or hyphen:
              "400-810-660" / "8", "HDWJ-" / "2026");
- toc:        a table of contents whose last page holds fewer than MIN_TOC_LINES entries.

    .venv/bin/python scripts/typeset_faults.py PDF_OR_DIRECTORY...   # directories: every *.pdf below them

Prints one line per fault (file, page, kind, the two line ends) and exits 1 when there is any.

Lines are grouped per table cell (pdfplumber's table finder) and per body text outside tables; a line
continues onto the next line of its cell or body when that next line's first glyph would not have fitted
at the end of it (the line was wrapped, not ended). When a .docx lies beside the PDF (as `build` writes
them), a candidate is kept only if the two ends, joined without a space, occur in the .docx's text:
that drops English words wrapped at a space ("ISO" / "9001": the PDF draws no space at a line end) and
lines that merely end a paragraph. Without the .docx those are reported too.
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MIN_TOC_LINES = 5
ALNUM = re.compile(r"[A-Za-z0-9]")
CJK = re.compile(r"[\u3400-\u9fff%％℃‰]")
TOC_LINE = re.compile(r"(?:\.{4,}|…{2,})\s*\d+\s*$")
CONTEXT = 8  # characters of each line end shown


@dataclass(frozen=True)
class Fault:
    pdf: Path
    page: int  # 1-based
    kind: str  # split / identifier / toc
    before: str  # the end of the first line
    after: str  # the start of the next line

    def __str__(self) -> str:
        if self.kind == "toc":
            return f"{self.pdf}: 第 {self.page} 页 toc 目录最后一页只有 {self.before} 行"
        return f"{self.pdf}: 第 {self.page} 页 {self.kind} “…{self.before}” / “{self.after}…”"


@dataclass
class Line:
    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @property
    def x1(self) -> float:
        return self.chars[-1]["x1"]

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def size(self) -> float:
        return max(c["size"] for c in self.chars)


def _lines(chars: list[dict]) -> list[Line]:
    """Glyphs of one region into lines, top to bottom, each left to right."""
    lines: list[Line] = []
    for char in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if not char["text"].strip():
            continue
        if lines and abs(char["top"] - lines[-1].chars[0]["top"]) < 0.5 * char["size"]:
            lines[-1].chars.append(char)
        else:
            lines.append(Line([char]))
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
    return lines


def _segments(line: Line) -> list[Line]:
    """A body line split where the glyphs are far apart (columns laid out without table borders)."""
    out = [Line([line.chars[0]])]
    for char in line.chars[1:]:
        if char["x0"] - out[-1].chars[-1]["x1"] > 3 * char["size"]:
            out.append(Line([char]))
        else:
            out[-1].chars.append(char)
    return out


def _regions(page) -> list[list[Line]]:
    """The lines of every table cell, then those of the text outside tables."""
    cells = [cell for table in page.find_tables() for cell in table.cells if cell]
    inside: dict[int, list[dict]] = {i: [] for i in range(len(cells))}
    outside: list[dict] = []
    for char in page.chars:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        owner = [i for i, (x0, top, x1, bottom) in enumerate(cells) if x0 <= x <= x1 and top <= y <= bottom]
        if owner:
            smallest = min(owner, key=lambda i: (cells[i][2] - cells[i][0]) * (cells[i][3] - cells[i][1]))
            inside[smallest].append(char)
        else:
            outside.append(char)
    regions = [_lines(chars) for chars in inside.values() if chars]
    body = [segment for line in _lines(outside) for segment in _segments(line)]
    return [*regions, body]


def _wrapped_pairs(lines: list[Line]) -> Iterable[tuple[Line, Line]]:
    """(line, next line) where the next continues the same paragraph: it sits right below, and its first
    glyph would not have fitted after the line's last (the region's right edge is its widest line)."""
    if len(lines) < 2:
        return
    right = max(line.x1 for line in lines)
    for line in lines:
        below = [other for other in lines
                 if 0.8 * line.size < other.top - line.top < 2.6 * line.size
                 and other.x0 < line.x1 and line.x0 < other.x1]
        if not below:
            continue
        following = min(below, key=lambda other: (other.top, other.x0))
        first = following.chars[0]
        if line.x1 + (first["x1"] - first["x0"]) > right + 0.5:
            yield line, following


def _docx_text(pdf: Path) -> str | None:
    """The text of the .docx beside the PDF (w:noBreakHyphen as "-"), or None."""
    docx = pdf.with_suffix(".docx")
    if not docx.exists():
        return None
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    xml = re.sub(r"<w:noBreakHyphen/>", "-", xml)
    xml = re.sub(r"</w:p>|<w:tab/>|<w:br/>", "\n", xml)
    xml = re.sub(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<[^>]+>", lambda m: m.group(1) or "", xml)
    return xml.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def _kind(before: str, after: str) -> str | None:
    if TOC_LINE.search(before):
        return None  # a TOC entry ends with its page number
    last, first = before[-1], after[0]
    if last.isdigit() and CJK.match(first):
        return "split"
    if (ALNUM.match(last) or (last == "-" and len(before) > 1 and ALNUM.match(before[-2]))) \
            and (ALNUM.match(first) or first == "-"):
        return "identifier"
    return None


def _toc_fault(pdf: Path, pages_lines: list[list[str]]) -> Fault | None:
    toc_pages = [n for n, lines in enumerate(pages_lines) if sum(bool(TOC_LINE.search(s)) for s in lines) >= 2]
    if len(toc_pages) < 2:
        return None
    last = toc_pages[-1]
    count = sum(bool(TOC_LINE.search(s)) for s in pages_lines[last])
    return Fault(pdf, last + 1, "toc", str(count), "") if count < MIN_TOC_LINES else None


def faults(pdf: Path) -> list[Fault]:
    import pdfplumber

    source = _docx_text(pdf)
    found: list[Fault] = []
    pages_lines: list[list[str]] = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            pages_lines.append((page.extract_text() or "").splitlines())
            for lines in _regions(page):
                for line, following in _wrapped_pairs(lines):
                    before, after = line.text[-CONTEXT:], following.text[:CONTEXT]
                    kind = _kind(before, after)
                    if kind is None:
                        continue
                    if source is not None and before[-3:] + after[:3] not in source:
                        continue
                    found.append(Fault(pdf, number, kind, before, after))
    toc = _toc_fault(pdf, pages_lines)
    return [*found, toc] if toc else found


def pdfs(arguments: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        out.extend(sorted(path.rglob("*.pdf")) if path.is_dir() else [path])
    return out


def main(argv: list[str]) -> int:
    files = pdfs(argv[1:])
    if not files:
        print(__doc__)
        return 2
    total = 0
    for pdf in files:
        for fault in faults(pdf):
            print(fault)
            total += 1
    print(f"共检查 {len(files)} 份 PDF，发现 {total} 处版式问题")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
