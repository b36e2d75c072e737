"""A 招标文件 (.docx, .pdf, .doc, .wps, .txt or .md) → text blocks, each with its heading path and page
if known. Packages are read by generator/readers (the same reader and limits as `aftersales check`).

Pages: in a PDF from its pages; in a .docx from explicit page breaks (and the breaks Word recorded
when it last laid the document out); in a text file from form feeds or page-number footers such as “— 18 —” or
“第 18 页”. When a file gives no page information, pages are None rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import InputError, Problem
from generator.readers.content import Content, Table
from generator.text.document import is_header_row
from generator.text.headings import TENDER, ends_mid_sentence, heading_level
from generator.text.pages import COLUMN_GAP, SPACED_COLUMNS, footer_number, line_key, running_keys

TEXT_SUFFIXES = (".txt", ".md", ".text")


@dataclass(frozen=True)
class TextBlock:
    text: str  # a paragraph, or a table row with its cells joined by “ | ”
    section: str  # heading path, e.g. “第三章 采购需求 二、商务要求”
    page: int | None
    cells: tuple[str, ...] = ()  # set for table rows
    line: int | None = None  # 1-based line in a text file
    header: tuple[str, ...] = ()  # for a table row below the first: every column of the table's first row
    columns: tuple[str, ...] = ()  # a table row's every column, empty ones included (to align with header)


_TABLE_RULE = re.compile(r"^[\s|+\-=:─━┼┬┴├┤│]+$")
# A line that opens something new: a numbered item, a mark, a list bullet, a “字段：” label.
_NEW_ITEM = re.compile(r"^(?:[★▲#*•·\-]|[（(]?\s*\d{1,2}\s*[)）、.．](?!\d)|[（(][一二三四五六七八九十]+[)）]|"
                       r"[一二三四五六七八九十]+[、．.]|[①-⑳]|[a-zA-Z][.、)）]|第[一二三四五六七八九十百\d]+[章节条部篇]|"
                       r"[^，。；,;]{2,12}[：:])")
_LINE_END = re.compile(r"[。；;！？!?：:]$")
WRAPPED_LINE = 20  # a line broken by a converter is long; a short line without a stop is a title


class _Sections:
    def __init__(self) -> None:
        self.path: list[tuple[int, str]] = []

    def enter(self, level: int, title: str) -> None:
        self.path = [(lvl, t) for lvl, t in self.path if lvl < level] + [(level, re.sub(r"\s+", " ", title))]

    def __str__(self) -> str:
        return " ".join(t for _, t in self.path)


def _positional(line: str) -> list[str]:
    """Every cell of a row written as text, empty ones included."""
    if "|" in line or "｜" in line:
        return [c.strip() for c in re.split(r"[|｜]", line.strip().strip("|｜"))]
    if "\t" not in line and SPACED_COLUMNS.search(line.strip()):
        return [c.strip() for c in COLUMN_GAP.split(line.strip())]
    return [c.strip() for c in line.strip().split("\t")]


def _continues_row(previous: str, line: str) -> bool:
    """A table row broken across lines: the row before stops mid-cell (no closing “|”), or this line
    leaves its first cell empty (“|  | 时 | ★ |”: the rest of each cell above)."""
    if "|" not in previous and "｜" not in previous or not line.strip():
        return False  # only a row drawn with “|” can be seen to stop mid-cell
    stripped = line.strip()
    if "|" not in stripped and "｜" not in stripped:
        return not previous.rstrip().endswith(("|", "｜")) and len(stripped) <= 20
    cells = _positional(line)
    return (not previous.rstrip().endswith(("|", "｜")) and not stripped.startswith(("|", "｜"))) or (
        stripped.startswith(("|", "｜")) and len(cells) == len(_positional(previous)) and not cells[0])


def _under_merged_cell(line: str, previous: str) -> bool:
    """A line of one cell set under the last column of a row of columns set apart by spaces: the row
    below a merged first cell, which the converter left blank."""
    if "|" in previous or "｜" in previous or "\t" in previous or not SPACED_COLUMNS.search(previous.strip()):
        return False
    indent = len(line) - len(line.lstrip())
    last = previous.rstrip()
    last_start = len(last) - len(COLUMN_GAP.split(last.strip())[-1])
    return indent >= 4 and abs(indent - last_start) <= 4 and not SPACED_COLUMNS.search(line.strip())


def _merge_row(previous: str, line: str) -> str:
    stripped = line.strip()
    if not previous.rstrip().endswith(("|", "｜")):  # the cell goes on: join the text where it broke
        return previous.rstrip() + stripped
    above, below = _positional(previous), _positional(line)
    return "| " + " | ".join(a + b for a, b in zip(above, below, strict=True)) + " |"


def _split_row(line: str) -> tuple[str, ...] | None:
    """Cells of a table row written as text: “| a | b |”, tab-separated, or columns set apart by three
    spaces or more."""
    if "|" in line or "｜" in line:
        cells = [c.strip() for c in re.split(r"[|｜]", line.strip().strip("|｜"))]
    elif "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
    elif SPACED_COLUMNS.search(line.strip()):
        cells = [c.strip() for c in COLUMN_GAP.split(line.strip())]
    else:
        return None
    cells = [c for c in cells if c]
    return tuple(cells) if len(cells) >= 2 else None


def _wrap_width(lines: list[str]) -> int:
    """A converter wraps lines at one width: a line may go on to the next only when it is about as long
    as most long lines of the page (a cover title is shorter)."""
    long = sorted(n for n in (len(x.strip()) for x in lines) if n >= WRAPPED_LINE)
    return max(WRAPPED_LINE, int(0.8 * long[int(0.8 * (len(long) - 1))])) if long else WRAPPED_LINE


def read_text_blocks(text: str) -> list[TextBlock]:
    sections = _Sections()
    # [text, section, cells, line, header, columns, page] of blocks whose page is not yet known (page: None,
    # or the page a sentence broken by a page end began on)
    pending: list[list] = []
    blocks: list[TextBlock] = []
    sheets = text.split("\f")  # form feeds, where a PDF-to-text tool kept them, are page ends
    headers = running_keys(text.split("\n"))  # the running header and footer of every page
    page: int | None = 1 if len(sheets) > 1 else None
    number = 0
    joinable = False  # the last line may continue on the next one
    dangling = False  # the last line stops on a word that needs what follows: the next line ends its sentence
    previous_raw = ""  # the last table row as written, to add a continuation line to
    table_header: tuple[str, ...] | None = None  # first row of the table being read

    def flush(at: int | None, keep_last: bool = False) -> None:
        """The blocks read so far are on page `at`; `keep_last`: the last one goes on after the page end
        (a sentence broken by it), and stays on the page it began on."""
        kept = pending.pop() if keep_last and pending else None
        blocks.extend(TextBlock(t, s, p if p is not None else at, c, n, h, k) for t, s, c, n, h, k, p in pending)
        pending.clear()
        if kept is not None:
            kept[6] = at if kept[6] is None else kept[6]
            pending.append(kept)

    for sheet_index, sheet in enumerate(sheets):
        if len(sheets) > 1:
            flush(page, keep_last=joinable and bool(pending) and not pending[-1][2])
            page = sheet_index + 1
        lines = sheet.split("\n")
        # the running header or footer repeated beside the page numbers: not read, and a sentence it
        # interrupts goes on after it
        numbers = {i for i, x in enumerate(lines) if footer_number(x) is not None}
        running = {i for i, x in enumerate(lines) if x.strip() and line_key(x) in headers}
        wrap = _wrap_width([x for i, x in enumerate(lines) if i not in running])
        last = max((i for i, x in enumerate(lines) if x.strip()), default=-1)
        for offset, raw in enumerate(lines):
            number += 1 if offset else (0 if sheet_index else 1)
            line = raw.strip().replace("\u3000", " ")
            if offset in running:
                continue
            if not line or _TABLE_RULE.match(line):
                joinable = joinable and (bool(line) or offset > last)  # an empty line ends a paragraph, not a page
                continue
            footer = footer_number(line)
            if footer is not None and len(sheets) == 1:
                # a footer closes page N: what came before is on N, what follows on N + 1
                flush(footer, keep_last=joinable and not pending[-1][2] if pending else False)
                page = footer + 1
                continue
            cells = _split_row(raw)
            if table_header is not None and pending and pending[-1][2] and _continues_row(previous_raw, raw):
                merged = _merge_row(previous_raw, raw)
                previous_raw = merged
                cells = _split_row(merged) or ()
                pending[-1][:3] = [" | ".join(cells), pending[-1][1], cells]
                pending[-1][5] = tuple(_positional(merged))
                continue
            if cells is None and table_header is not None and pending and pending[-1][2] \
                    and _under_merged_cell(raw, previous_raw):
                # “质保期   整机3年” then “         显示屏5年”: the first cells merged with the row above
                cells = (*pending[-1][5][:-1], line)
                raw = " | ".join(cells)
            previous_raw = raw
            if cells is not None:
                header = table_header if table_header is not None else ()
                if table_header is None:
                    table_header = tuple(_positional(raw)) if is_header_row(cells) else ()
                pending.append([" | ".join(cells), str(sections), cells, number, header, tuple(_positional(raw)), None])
                joinable = False
                continue
            table_header = None
            text = line
            level = heading_level(text, TENDER)
            # the rest of a broken sentence is itself wrapped, or ends it (or ends the text)
            rest = len(line) >= wrap or _LINE_END.search(text) or offset == last or dangling
            if level is None and joinable and rest and pending and not _NEW_ITEM.match(text):
                pending[-1][0] += "\n" + text  # a sentence broken across lines by a converter
            else:
                if level is not None:
                    sections.enter(level, line)
                pending.append([text, str(sections), (), number, (), (), None])
            # a line as long as the wrapped ones, or one stopping on a word that needs what follows (质保期为)
            ahead = offset + 1  # the next line of text, past the page's furniture
            while ahead < len(lines) and (ahead in running or ahead in numbers):
                ahead += 1
            following = lines[ahead] if ahead < len(lines) else ""
            dangling = level is None and ends_mid_sentence(text, following) and not _LINE_END.search(text)
            joinable = level is None and (len(line) >= wrap or dangling) and not _LINE_END.search(text)
    flush(page)
    return blocks


def content_blocks(content: Content) -> list[TextBlock]:
    """Paragraphs and table rows of a .docx / .pdf / .doc read by generator/readers (headers,
    footers and table-of-contents entries left out)."""
    sections = _Sections()
    blocks: list[TextBlock] = []
    # the table just read, while no text has followed it: (columns, header, texts carried down)
    last: tuple[int, tuple[str, ...], dict[int, str]] | None = None
    for item in content.items:
        if isinstance(item, Table):
            carried: dict[int, str] = {}
            header: tuple[str, ...] | None = None
            width = max((len(row) for row in item.rows), default=0)
            if last is not None and last[0] == width and last[1] and item.rows and not is_header_row(item.rows[0]):
                _, header, carried = last  # broken by a page end, its header left on the page before
            for row in item.rows:
                cells: list[str] = []
                for col, raw in enumerate(row):
                    if raw is None:  # merged with the cell above: it carries that text down
                        raw = carried.get(col, "")
                    carried[col] = raw
                    text = re.sub(r"\s+", " ", raw).strip()
                    if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                        cells.append(text)
                columns = tuple(re.sub(r"\s+", " ", carried.get(col, "")).strip() for col in range(len(row)))
                if cells:
                    blocks.append(TextBlock(" | ".join(cells), str(sections), item.page, tuple(cells),
                                            header=header or (), columns=columns))
                    header = (columns if is_header_row(cells) else ()) if header is None else header
            last = (width, header or (), carried)
        elif item.part == "body" and not item.toc:
            text = item.text.strip().replace("\u3000", " ")
            if not text:
                continue
            last = None
            level = item.style_level if item.style_level is not None and content.heading_styles else heading_level(text, TENDER)
            if level is not None:
                sections.enter(level, text)
            blocks.append(TextBlock(text, str(sections), item.page))
    return blocks


def _refused(path: Path | str, message: str, hint: str = "") -> InputError:
    return InputError("无法读取招标文件", [Problem(path, message, hint=hint)])


def blocks_from_bytes(data: bytes, name: str, shown: Path | str | None = None) -> list[TextBlock]:
    """A 招标文件's blocks from its bytes (`name` gives the format by its suffix)."""
    from generator.readers.content import PACKAGE_SUFFIXES, read_content
    from generator.readers.errors import DocumentError
    from generator.readers.text import decode_text

    where = shown if shown is not None else name
    suffix = Path(name).suffix.lower()
    if suffix in PACKAGE_SUFFIXES:
        try:
            blocks = content_blocks(read_content(data, name))
        except DocumentError as error:
            hint = "用 Word 或 WPS 打开后另存为 .docx 再试" if suffix != ".pdf" else ""
            raise _refused(where, error.message, hint) from None
    elif suffix in TEXT_SUFFIXES:
        try:
            text = decode_text(data, where)
        except DocumentError as error:
            raise _refused(where, error.message, "请另存为 UTF-8 文本") from None
        blocks = read_text_blocks(text)
    else:
        raise InputError("不支持的文件格式", [Problem(where, f"无法识别“{suffix or '无扩展名'}”文件",
                                                      hint="支持 .docx、.pdf、.doc、.wps、.txt、.md")])
    if not blocks:
        raise InputError("招标文件没有可读取的文字", [Problem(where, "文件为空或只含图片",
                                                          hint="扫描件需先做文字识别（OCR）")])
    return blocks


def read_blocks(path: Path) -> list[TextBlock]:
    """Read a 招标文件; InputError with a Chinese message for anything unreadable."""
    from generator.readers.content import PACKAGE_SUFFIXES
    from generator.readers.errors import DocumentError
    from generator.readers.files import read_file

    suffix = path.suffix.lower()
    if suffix not in PACKAGE_SUFFIXES and suffix not in TEXT_SUFFIXES:
        raise InputError("不支持的文件格式", [Problem(path, f"无法识别“{suffix or '无扩展名'}”文件",
                                                      hint="支持 .docx、.pdf、.doc、.wps、.txt、.md")])
    try:
        data = read_file(path)  # files.limit_for: the text or the package limit
    except DocumentError as error:
        raise _refused(path, error.message) from None
    return blocks_from_bytes(data, path.name, path)
