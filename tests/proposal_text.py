"""Reading a generated proposal's text the way an evaluator looks things up (shared by the content tests)."""

from __future__ import annotations

import re


def section_text(text: str, title: str) -> str:
    """The text of the section whose heading contains `title`, up to the next 第X节; the table of contents,
    which lists every heading, is skipped (the body starts at the second 第一节)."""
    body = text[text.index("第一节", text.index("第一节") + 1):]
    match = re.search(rf"(?:^|\n)第[一二三四五六七八九十]+节 [^\n]*{title}[^\n]*\n(.*?)(?=\n第[一二三四五六七八九十]+节 |\Z)",
                      body, re.S)
    assert match, title
    return match[1]


def as_lines(blocks) -> str:
    """The blocks' text one per line, a table row's cells on one line joined by “ | ”."""
    lines: list[str] = []
    row = None
    for block in blocks:
        here = (block.cell.table, block.cell.row) if block.cell else None
        if here is not None and here == row:
            lines[-1] += " | " + block.text
        else:
            lines.append(block.text)
        row = here
    return "\n".join(lines).replace("\u00a0", " ")
