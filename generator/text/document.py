"""The neutral read-back model every rule works on: a document is a list of blocks with their
section path, original text and normalised text (see normalize.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from generator.text.normalize import Normalised, normalise

SECTION_SEPARATOR = " > "


class Cell(NamedTuple):
    """Where a table cell sits: table number, row and column (0-based). A named tuple: a long proposal
    has thousands of cells, and a tuple is made several times faster than a frozen dataclass."""

    table: int
    row: int
    col: int


class _NormText:
    """Block.norm, the normalised text. Every rule reads it of every block: the first reading keeps it
    in the block's __dict__, where later readings find it as a plain attribute (what
    functools.cached_property does, without the lock it takes on every first reading in Python 3.11).
    A block's text never changes once it is built."""

    def __get__(self, block: Block | None, owner: type | None = None) -> str:
        if block is None:
            raise AttributeError("norm")
        text = block.normalised.text
        block.__dict__["norm"] = text
        return text


@dataclass
class Block:
    index: int  # 1-based, document order
    section: str  # heading path, e.g. "第三节 质保期与质保范围 > 一、质保期"
    text: str  # original text, verbatim
    kind: str = "paragraph"  # heading | paragraph | cell | header | footer | toc
    level: int = 0  # heading level (1 = top)
    line: int | None = None  # 1-based line in a text file
    cell: Cell | None = None
    join_lines: bool = False
    page: int | None = None  # 1-based page, when the file records pages (PDF, some .docx)
    _norm: Normalised | None = field(default=None, repr=False)
    # what the checker works out from the normalised text (check/facts.TextFacts), kept on first use
    facts: Any = field(default=None, repr=False, compare=False)

    @property
    def normalised(self) -> Normalised:
        if self._norm is None:
            self._norm = normalise(self.text, self.join_lines)
        return self._norm

    norm = _NormText()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised span [start, end) → the same span in the original text."""
        norm = self.normalised
        end = max(end, start + 1)
        o_start = norm.original_index(start)
        o_end = norm.original_index(end - 1) + 1 if end - 1 < len(norm.text) else len(self.text)
        return o_start, o_end

    def quote(self, start: int, end: int, context: int = 10) -> str:
        """The original text around normalised span [start, end), trimmed to the block's line."""
        norm = self.normalised
        if end <= start:
            end = start + 1
        o_start = norm.original_index(start)
        o_end = norm.original_index(end - 1) + 1 if end - 1 < len(norm.text) else len(self.text)
        left = max(0, o_start - context)
        right = min(len(self.text), o_end + context)
        newline = self.text.rfind("\n", left, o_start)
        if newline != -1:
            left = newline + 1
        newline = self.text.find("\n", o_end, right)
        if newline != -1:
            right = newline
        return self.text[left:right].strip() or self.text[o_start:o_end]


@dataclass
class Document:
    path: str
    blocks: list[Block]
    tables: dict[int, list[list[int]]] = field(default_factory=dict)  # table → rows → block positions
    table_rows: dict[tuple[int, int], list[str]] = field(default_factory=dict)  # (table, row) → cell texts
    notices: list[str] = field(default_factory=list)  # active or hidden content found by the reader
    metadata: Any = None  # readers.docx_metadata.DocxMetadata of a .docx; None for text

    def row_texts(self, cell: Cell) -> list[str]:
        """Normalised texts of every cell in the row (merged cells carry the text above them)."""
        return self.table_rows.get((cell.table, cell.row), [])

    def header_texts(self, cell: Cell) -> list[str]:
        return self.table_rows.get((cell.table, 0), [])

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]


def is_header_row(row: Sequence[str | None]) -> bool:
    """A table's first row names its columns: short cells, none a sentence or a value (the checker's
    tables and the tender extractor's alike)."""
    cells = [cell.strip() for cell in row if cell and cell.strip()]
    return bool(cells) and all(len(c) <= 15 and not re.search(r"[，,。；;]|\d", c) for c in cells)


class DocumentBuilder:
    """Collects blocks in order and tracks the heading path."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.blocks: list[Block] = []
        self.stack: list[tuple[int, str]] = []
        self._section = ""  # the stack's titles joined, kept in step with it (read for every block)
        self.tables: dict[int, list[list[int]]] = {}
        self.table_rows: dict[tuple[int, int], list[str]] = {}
        self._table_count = 0
        # the last table while nothing has followed it: (id, columns, has a header row, texts carried down)
        self._open: tuple[int, int, bool, dict[int, str]] | None = None
        self._open_at = -1  # len(blocks) when it ended

    @property
    def section(self) -> str:
        return self._section

    def heading(self, text: str, level: int, line: int | None = None, page: int | None = None) -> None:
        title = " ".join(text.split())
        if not title:
            return
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, title))
        self._section = SECTION_SEPARATOR.join(title for _, title in self.stack)
        self.blocks.append(Block(len(self.blocks) + 1, self._section, text, "heading", level, line, page=page))

    def paragraph(self, text: str, kind: str = "paragraph", line: int | None = None,
                  join_lines: bool = False, section: str | None = None, page: int | None = None) -> None:
        if not text.strip():
            return
        self.blocks.append(Block(len(self.blocks) + 1, self._section if section is None else section, text, kind, 0,
                                 line, None, join_lines, page))

    def table(self, rows: Sequence[Sequence[str | None]], line: int | None = None, section: str | None = None,
              page: int | None = None) -> None:
        """rows of cell texts; None marks a cell merged with the one above (no block, carries its text).
        A table right after another of as many columns, with no header row of its own below one that has it,
        goes on with it: a table broken by a page end, its header left on the page before."""
        width = max((len(row) for row in rows), default=0)
        headed = bool(rows) and is_header_row(rows[0])
        previous = self._open if self._open_at == len(self.blocks) else None
        if previous is not None and previous[1] == width and previous[2] and not headed:
            table_id, _, headed, carried = previous
            positions = self.tables[table_id]
        else:
            table_id = self._table_count
            self._table_count += 1
            positions = []
            carried = {}
        offset = len(positions)
        blocks = self.blocks
        table_rows = self.table_rows
        where = self._section if section is None else section
        for r, row in enumerate(rows, offset):
            row_positions: list[int] = []
            texts: list[str] = []
            cell_line = None if line is None else line + r - offset
            for c, text in enumerate(row):
                if text is None:
                    texts.append(carried.get(c, ""))
                    continue
                normalised = normalise(text)
                norm = carried[c] = normalised.text
                texts.append(norm)
                if text.strip():  # the block starts with the normalised text just worked out (same lines joined)
                    position = len(blocks)
                    row_positions.append(position)
                    blocks.append(Block(position + 1, where, text, "cell", 0, cell_line, Cell(table_id, r, c),
                                        False, page, normalised))
            positions.append(row_positions)
            table_rows[(table_id, r)] = texts
        self.tables[table_id] = positions
        self._open, self._open_at = (table_id, width, headed, carried), len(blocks)

    def build(self) -> Document:
        return Document(self.path, self.blocks, self.tables, self.table_rows)
