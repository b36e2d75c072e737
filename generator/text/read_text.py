"""Read .txt and .md documents: decode, rebuild paragraphs broken across lines (a line shorter than the
next, a whole bracketed item or one of a list of labelled lines was not wrapped), find headings
and (for Markdown or tab-separated text) tables."""

from __future__ import annotations

import re
import unicodedata

from generator.readers.text import decode_text
from generator.text.document import Document, DocumentBuilder
from generator.text.headings import PROPOSAL, ends_mid_sentence, heading_level, plain_heading, starts_like_item
from generator.text.pages import SPACED_COLUMNS, furniture

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SEPARATOR = re.compile(r"^\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
# a row of a table pasted from a web page into plain text: | 到场时间 | 市区 | 2小时 | (two cells at least)
_PIPE_ROW = re.compile(r"^\|(?:[^|]*\|){2,}$")
_SENTENCE_END = ("。", "；", ";", "！", "!", "？", "?", "：", ":", "”", "」", "』", "…", "|")


def _wrap_slack(width: int) -> int:
    """How much wider than a hard-wrapped line the next line of its paragraph can be, in display
    columns: a full-width character that did not fit, digits and Latin letters set narrower."""
    return max(4, width // 8)


# a line that ends by closing the bracket it opened (2年免费保修（人工及零件）) is a whole item
_CLOSED = re.compile(r"[(（][^()（）]*[)）]$")
# a line that opens with a short label (联系电话：, 主机：): one field of a list
_LABEL = re.compile(r"^[^\s,，。;；:：()（）]{1,10}[:：]")


_CELL = re.compile(r"\S+(?: {1,2}\S+)*")  # one cell: words with at most two spaces between them
_SEQUENCE = re.compile(r"\d{1,3}(?:\.\d{1,3})*")
# a table converted one cell per line: the header names the requirement and the response columns
_MAX_CELL_COLUMNS = 6
_REQUIREMENT_HEAD = re.compile(r"招标|采购|需求|技术要求|商务要求|规格")
_SEQUENCE_HEAD = re.compile(r"序号|编号|条款号")


def _width(text: str) -> int:
    """Display columns: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def _carried(cells: list[str]) -> list[str | None]:
    """A row after the first whose first cells are empty (“| | 郊县 | 4小时 |”) continues a merged cell:
    those cells carry the text above down."""
    row: list[str | None] = list(cells)
    for k, text in enumerate(cells[:-1]):
        if text:
            break
        row[k] = None
    return row


class _TextReader:
    def __init__(self, text: str, path: str, markdown: bool) -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.builder = DocumentBuilder(path)
        self.markdown = markdown
        self.i = 0
        # page numbers and the running header or footer beside them (text copied from a PDF): not read
        # as sentences, and a paragraph broken by a page end goes on after them
        numbers, running = furniture(self.lines) if not markdown else (set(), set())
        self.furniture = numbers | running
        self.running = [self.lines[i].strip() for i in sorted(running)]

    def run(self) -> Document:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            stripped = line.strip()
            if not stripped or (self.markdown and stripped.startswith("```")) or self.i in self.furniture:
                self.i += 1
                continue
            if self.markdown and _MD_HEADING.match(stripped):
                match = _MD_HEADING.match(stripped)
                assert match
                self.builder.heading(match[2], len(match[1]), self.i + 1)
                self.i += 1
            elif (self.markdown and stripped.startswith("|")) or stripped.count("\t") >= 2 \
                    or (_PIPE_ROW.match(stripped) and _PIPE_ROW.match(self._next_line())):
                self._table()
            elif not self.markdown and SPACED_COLUMNS.search(stripped) and SPACED_COLUMNS.search(self._next_line()):
                self._spaced_table()
            elif not self.markdown and (rows := self._cell_lines()) is not None:
                self.builder.table(rows[0], line=self.i + 1)
                self.i = rows[1]
            elif self._is_heading(stripped):
                level = heading_level(stripped, PROPOSAL) or 3
                self.builder.heading(stripped, level, self.i + 1)
                self.i += 1
            else:
                self._paragraph()
        for text in dict.fromkeys(" ".join(line.split()) for line in self.running):
            self.builder.paragraph(text, kind="header", section="页眉")  # as a .docx's header: after the body
        return self.builder.build()

    def _is_heading(self, stripped: str) -> bool:
        if heading_level(stripped, PROPOSAL) is not None:
            return True
        if self.markdown:
            return False
        before_blank = self.i == 0 or not self.lines[self.i - 1].strip()
        after_blank = self.i + 1 >= len(self.lines) or not self.lines[self.i + 1].strip()
        return plain_heading(stripped) and before_blank and after_blank

    def _table(self) -> None:
        start = self.i
        rows: list[list[str | None]] = []
        while self.i < len(self.lines):
            stripped = self.lines[self.i].strip()
            if self.markdown and stripped.startswith("|") or not self.markdown and _PIPE_ROW.match(stripped):
                if not _MD_SEPARATOR.match(stripped):
                    rows.append(_carried(_cells(stripped)) if rows else list(_cells(stripped)))
            elif not self.markdown and stripped.count("\t") >= 2:
                rows.append([cell.strip() for cell in self.lines[self.i].split("\t")])
            else:
                break
            self.i += 1
        self.builder.table(rows, line=start + 1)

    def _next_line(self) -> str:
        """The next line of text after the current one, past blank lines and page furniture."""
        j = self.i + 1
        while j < len(self.lines) and (j in self.furniture or not self.lines[j].strip()):
            j += 1
        return self.lines[j].strip() if j < len(self.lines) else ""

    def _spaced_table(self) -> None:
        """Rows whose columns are set apart by runs of spaces (a table copied from a PDF). Each cell goes
        to the column of the first row it starts under; the empty cells a row opens with (after its
        number) carry the text above down, as merged cells do (“| | 郊县4小时内 |” under “到场时间”)."""
        start = self.i
        head = self.lines[self.i].rstrip()
        starts = [_width(head[:m.start()]) for m in _CELL.finditer(head)]
        rows: list[list[str | None]] = []
        more = self._header_continued(head)
        if more is not None:  # the header row set on two lines (服务 / 项目, 承诺 / 标准, 说明 below only)
            below = self.lines[more].rstrip()
            starts = sorted({*starts, *(s for s in self._starts(below) if all(abs(s - t) > 2 for t in starts))})
            titles = [""] * len(starts)
            for line in (head, below):
                for match in _CELL.finditer(line):
                    at = _width(line[:match.start()])
                    column = max((k for k, s in enumerate(starts) if s <= at + 2), default=0)
                    titles[column] += match.group()
            rows.append(list(titles))
            self.i = more + 1
        while self.i < len(self.lines):
            raw = self.lines[self.i].rstrip()
            if self.i in self.furniture or not raw.strip():
                if not self._next_line() or not SPACED_COLUMNS.search(self._next_line()):
                    break
                self.i += 1
                continue
            if rows and not SPACED_COLUMNS.search(raw.strip()) and not self._under_later_column(raw, starts):
                break
            cells: list[str] = [""] * len(starts)
            for match in _CELL.finditer(raw):
                at = _width(raw[:match.start()])
                column = max((k for k, s in enumerate(starts) if s <= at + 2), default=0)
                cells[column] = f"{cells[column]} {match.group()}".strip()
            row: list[str | None] = list(cells)
            if rows:
                for k, text in enumerate(cells):
                    if text and not _SEQUENCE.fullmatch(text):
                        break
                    if not text:
                        row[k] = None  # carried down from the row above
            rows.append(row)
            self.i += 1
        self.builder.table(rows, line=start + 1)

    def _cell_lines(self) -> tuple[list[list[str | None]], int] | None:
        """A response table converted one cell per line (序号 / 招标文件要求 / 投标文件响应 / 偏离情况, then each
        row's cells a line each): its rows, and the line after it. Taken as a table only when the header
        names both a requirement column and a response column, and the lines after it up to a blank line
        fill whole rows that each open with a sequence number, so which column a line is in is certain."""
        if not _SEQUENCE_HEAD.fullmatch(self.lines[self.i].strip()):
            return None  # the table opens with its 序号 cell: every other line is passed at once
        lines: list[str] = []
        j = self.i
        while j < len(self.lines) and len(lines) < 400:
            if j in self.furniture:
                j += 1
                continue
            stripped = self.lines[j].strip()
            if not stripped:
                break
            lines.append(stripped)
            j += 1
        width = 0
        for k in range(min(len(lines), _MAX_CELL_COLUMNS)):
            if len(lines[k]) > 8 or any(ch.isdigit() for ch in lines[k]):
                break
            width = k + 1
        header = lines[:width]
        if width < 3 or not any(_REQUIREMENT_HEAD.search(h) for h in header) \
                or not any("响应" in h or "承诺" in h for h in header) or not _SEQUENCE_HEAD.fullmatch(header[0]):
            return None
        body = lines[width:]
        if not body or len(body) % width:
            return None
        rows: list[list[str | None]] = [list(header)]
        for n in range(0, len(body), width):
            row = body[n:n + width]
            if not _SEQUENCE.fullmatch(row[0]):
                return None
            rows.append(list(row))
        return rows, j

    @staticmethod
    def _starts(line: str) -> list[int]:
        return [_width(line[:m.start()]) for m in _CELL.finditer(line)]

    def _header_continued(self, head: str) -> int | None:
        """The line after a table's header row that goes on with it: a header cell's text set on two lines
        (服务 over 项目), the first cell under 序号 left blank, short words and no figures in both lines.
        Its index, or None."""
        j = self.i + 1
        while j < len(self.lines) and j in self.furniture:
            j += 1
        if j >= len(self.lines):
            return None
        below = self.lines[j].rstrip()
        if not below.strip() or not below.startswith((" ", "\u3000")) or not SPACED_COLUMNS.search(below.strip()):
            return None
        cells = [m.group() for line in (head, below) for m in _CELL.finditer(line)]
        if any(len(cell) > 6 or any(ch.isdigit() for ch in cell) for cell in cells):
            return None
        first = self._starts(head)
        return j if len(first) >= 2 and any(abs(s - t) <= 2 for s in self._starts(below) for t in first[1:]) else None

    @staticmethod
    def _under_later_column(raw: str, starts: list[int]) -> bool:
        """A line of one cell indented to a column after the first: the row of a merged cell, its first
        cells left blank (“质保期  整机3年” then “        显示屏5年”)."""
        indent = _width(raw) - _width(raw.lstrip())
        return indent > 0 and len(starts) > 1 and any(abs(indent - s) <= 2 for s in starts[1:])

    def _paragraph(self) -> None:
        """One block from a line, joined with following lines that continue its sentence."""
        start = self.i
        parts = [self.lines[self.i].rstrip()]
        self.i += 1
        while self.i < len(self.lines):
            current = parts[-1].strip()
            if current.endswith(_SENTENCE_END):
                break
            j = self.i
            blanks = 0
            crossed = False  # a page end: the blank lines around its furniture do not end the paragraph
            while j < len(self.lines) and (j in self.furniture or not self.lines[j].strip() and blanks < 2):
                crossed = crossed or j in self.furniture
                blanks += j not in self.furniture
                j += 1
            blanks = 0 if crossed else blanks
            if j >= len(self.lines) or not self.lines[j].strip():
                break
            following = self.lines[j].strip()
            # “质保期为⏎5年”, “在3⏎0分钟内”: the sentence goes on, whatever the widths
            dangling = not self.markdown and ends_mid_sentence(current, following)
            if not self.markdown and len(current) < 8 and not dangling:
                break
            if self.markdown and blanks:
                break
            if (starts_like_item(following) or following.startswith("|") or following.count("\t") >= 2
                    or _SEQUENCE_HEAD.fullmatch(following)  # a table's 序号 cell on a line of its own
                    or (self.markdown and _MD_HEADING.match(following))):
                break
            if blanks and (len(current) < 20 or plain_heading(following)):
                break
            if not blanks and not self.markdown and not dangling \
                    and _width(following) > _width(current) + _wrap_slack(_width(current)):
                break  # a wrapped line fills the width: one shorter than the next ended there (a list, a title)
            if not self.markdown and not dangling \
                    and (_CLOSED.search(current) or _LABEL.match(current) and _LABEL.match(following)):
                break  # “主机：2年免费保修（含人工）” / “加湿器：1年…”: items of a list, one a line
            parts.extend(line for k, line in enumerate(self.lines[self.i:j + 1], self.i) if k not in self.furniture)
            self.i = j + 1
        self.builder.paragraph("\n".join(parts), line=start + 1, join_lines=len(parts) > 1)


def read_text(data: bytes, path: str, markdown: bool) -> Document:
    text = decode_text(data, path)
    return _TextReader(text, path, markdown).run()
