"""The small markup clause bodies are written in, after Jinja has filled in the values.

    # 小标题            a heading one level below the clause (## two levels below)
    正文段落            lines are joined until a blank line (Chinese needs no spaces)
    - 列表项            bullet list;  1. 列表项  numbered list
    | 列1 | 列2 |       table; the first row is the header, a |---| row is optional
    [[签章]]            the signature block of the bidder
    [[分页]]            page break
    >> 文字             right-aligned paragraph (dates, 落款)
    << 文字             paragraph without first-line indent (致：采购人)

Markup is recognised only in the clause's own text. A value printed by `{{ … }}` (a bidder's name,
an address typed as `[[签章]]` or `# 标题`) is made inert first (`inert`): its line breaks become
spaces, its pipes a private character that splits no table cell, and a value that would start a
line with a marker gets a private prefix that no marker matches. `parse` removes both again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.render.blocks import Block, ListBlock, PageBreak, Paragraph, Table

_ORDERED = re.compile(r"^\d+[.．、]\s*")
INERT, VALUE_PIPE = "\ue002", "\ue003"  # private-use; `inert` drops any that were typed
_MARKER_START = re.compile(r"^\s*(?:#|\[\[|>>|<<|-|\d+[.．、])")
_PRIVATE = re.compile(f"[{INERT}{VALUE_PIPE}]")


def inert(text: str) -> str:
    """A printed value as text that `parse` never reads as markup."""
    if text.isalnum():
        # most values (名称, 2, 两名): letters and digits only hold no private character, line break or
        # pipe, and no marker (each needs a sign or a space) can start them
        return text
    text = _PRIVATE.sub("", text).replace("\r", " ").replace("\n", " ").replace("|", VALUE_PIPE)
    return INERT + text if _MARKER_START.match(text) else text


def literal(text: str) -> str:
    """Text as the reader sees it: the private characters of `inert` undone."""
    if INERT not in text and VALUE_PIPE not in text:
        return text
    return text.replace(INERT, "").replace(VALUE_PIPE, "|")
_MARKER_FIRST = frozenset("|#[><-")  # the first characters of the markers below (or a digit: 1. 列表项)
_SEPARATOR_ROW = re.compile(r"^\|(\s*:?-{2,}:?\s*\|)+\s*$")


@dataclass(frozen=True)
class SubHeading:
    depth: int  # 1 = one level below the clause
    title: str


@dataclass(frozen=True)
class SignatureMarker:
    pass


MarkupBlock = Block | SubHeading | SignatureMarker


class MarkupError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line  # 1-based within the rendered body


_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")


def _cells(line: str) -> tuple[str, ...]:
    line = line.strip()
    inner = line[1:-1] if line.endswith("|") else line[1:]
    if "\\" not in inner:  # no escaped pipe: every pipe separates cells
        return tuple(literal(cell.strip()) for cell in inner.split("|"))
    return tuple(literal(cell.strip().replace("\\|", "|")) for cell in _CELL_SEPARATOR.split(inner))


def parse(text: str) -> list[MarkupBlock]:
    blocks: list[MarkupBlock] = []
    lines = text.splitlines()
    paragraph: list[str] = []
    items: list[str] = []
    ordered = False
    table: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal paragraph, items, table
        if paragraph:
            blocks.append(Paragraph(literal("".join(paragraph))))
            paragraph = []
        if items:
            blocks.append(ListBlock(tuple(literal(item) for item in items), ordered))
            items = []
        if table:
            blocks.append(_table(table))
            table = []

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        first = line[0]
        if first not in _MARKER_FIRST and not first.isdigit():  # most lines: text, no marker can start it
            if table:
                flush()
            if items:
                items[-1] += line  # continuation of a list item
            else:
                paragraph.append(line)
            continue
        if line.startswith("|"):
            if not table:
                flush()
            table.append((number, line))
            continue
        if table:
            flush()
        if line.startswith("#"):
            flush()
            depth = len(line) - len(line.lstrip("#"))
            blocks.append(SubHeading(depth, literal(line[depth:].strip())))
        elif line in ("[[签章]]", "[[分页]]"):
            flush()
            blocks.append(SignatureMarker() if line == "[[签章]]" else PageBreak())
        elif line.startswith(">>"):
            flush()
            blocks.append(Paragraph(literal(line[2:].strip()), style="right"))
        elif line.startswith("<<"):
            flush()
            blocks.append(Paragraph(literal(line[2:].strip()), style="flush"))
        elif line.startswith("- ") or _ORDERED.match(line):
            is_ordered = not line.startswith("- ")
            if paragraph or (items and is_ordered != ordered):
                flush()
            ordered = is_ordered
            items.append(line[2:].strip() if not is_ordered else _ORDERED.sub("", line, count=1))
        elif items:
            items[-1] += line  # continuation of a list item
        else:
            paragraph.append(line)
    flush()
    return blocks


def _table(rows: list[tuple[int, str]]) -> Table:
    header_line, header = rows[0][0], _cells(rows[0][1])
    body = [(n, line) for n, line in rows[1:] if not _SEPARATOR_ROW.match(line)]
    cells = []
    for number, line in body:
        row = _cells(line)
        if len(row) != len(header):
            raise MarkupError(f"表格这一行有 {len(row)} 列，表头有 {len(header)} 列", number)
        cells.append(row)
    if not cells:
        raise MarkupError("表格只有表头，没有内容行", header_line)
    return Table(header, tuple(cells))
