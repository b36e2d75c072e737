"""Page furniture in text copied from a PDF or a printed page: page numbers (“第 2 页 共 6 页”, “- 12 -”,
“— 3 —”) and the running header or footer repeated beside them on every page.

Both text readers use it (read_text.py for the checker, text_blocks.py for `tender extract`): a paragraph
broken by a page end goes on after the furniture, and the furniture itself is not read as a sentence.
"""

from __future__ import annotations

import re

from generator.core.numerals import to_half_width_digits

# the number of the page, alone on its line: 第 2 页、第2页 共6页、2/6、- 12 -、— 3 —
PAGE_NUMBER = re.compile(r"^[\s\-—–－_~·]*(?:第\s*)?(\d{1,4})\s*(?:页)?(?:\s*[/，,]?\s*共\s*\d+\s*页)?[\s\-—–－_~·]*$")
_SLASHED = re.compile(r"^\s*(?:第\s*)?\d{1,4}\s*/\s*(?:共\s*)?\d{1,4}\s*(?:页)?\s*$")
_NEAR = 2  # a running header or footer is within this many lines (blank ones not counted) of a page number
_LONGEST = 60  # characters: a running header is a title and a name, not a paragraph
_SENTENCE = re.compile(r"[。；;！？!?，,]")  # nor a sentence, which a text may well repeat at a page end
# columns set apart by three spaces or more (or two ideographic spaces): a table kept in its layout by a
# PDF-to-text tool, or pasted as text; COLUMN_GAP is what sets two such columns apart
SPACED_COLUMNS = re.compile(r"\S(?: {3,}|\u3000{2,})\S")
COLUMN_GAP = re.compile(r" {3,}|\u3000{2,}")
_TABLE_HEADER_CELLS = 4  # a line of this many columns is a table's header row repeated on each page, not furniture


def footer_number(line: str) -> int | None:
    """The page number of a footer written out (第 2 页 共 6 页, - 12 -, — 3 —), or None. A bare number is
    not one (a table cell, a list): it needs 第…页 or dashes around it."""
    stripped = to_half_width_digits(line.strip())
    match = PAGE_NUMBER.match(stripped) if stripped else None
    if match and (stripped[0] in "-—–－_~·第" or "页" in stripped):
        return int(match.group(1))
    return None


def page_number(line: str) -> int | None:
    """The page number a line consists of, or None: a footer written out, or a slashed one (2/6)."""
    stripped = to_half_width_digits(line.strip())
    if stripped and _SLASHED.match(stripped):
        return int(re.findall(r"\d+", stripped)[0])
    return footer_number(stripped)


def line_key(line: str) -> str:
    """A line as compared with its repetitions: spaces collapsed, form feeds gone."""
    return re.sub(r"\s+", " ", line.strip())


def running_keys(lines: list[str]) -> set[str]:
    """The running header and footer lines of a text (“某某公司  售后服务方案” at the top of every page), as
    `line_key` gives them. A line counts when it occurs at least twice, twice within two lines of a page end:
    a page number, a form feed, or the text's first or last line. A sentence (。，；) never counts: a text
    may well repeat one at a page end; nor does a table's header row, repeated on each page the table runs over."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return set()
    edges = {filled[0], filled[-1]}
    for position, index in enumerate(filled):
        if page_number(lines[index]) is not None:
            edges.add(index)
        elif "\f" in lines[index]:
            edges.update(filled[max(0, position - 1):position + 1])
    for index in range(len(lines)):
        if "\f" in lines[index] and not lines[index].strip():
            after = next((i for i in filled if i > index), None)
            before = next((i for i in reversed(filled) if i < index), None)
            edges.update(i for i in (before, after) if i is not None)
    if len(edges) <= 2:
        return set()  # no page end inside the text
    rank = {index: position for position, index in enumerate(filled)}
    near: set[int] = set()
    for index in edges:
        position = rank[index]
        near.update(filled[max(0, position - _NEAR):position + _NEAR + 1])
    occurrences: dict[str, list[int]] = {}
    for index in filled:
        key = line_key(lines[index])
        if len(key) <= _LONGEST and page_number(key) is None and not _SENTENCE.search(key) and \
                _columns(lines[index]) < _TABLE_HEADER_CELLS:
            occurrences.setdefault(key, []).append(index)
    return {key for key, indices in occurrences.items() if len(indices) >= 2 and sum(i in near for i in indices) >= 2}


def _columns(line: str) -> int:
    """How many table cells a line holds: between “|”, tabs or wide gaps of spaces."""
    stripped = line.strip().strip("|｜")
    return max(len(re.split(r"[|｜\t]", stripped)), len(COLUMN_GAP.split(stripped)))


def furniture(lines: list[str]) -> tuple[set[int], set[int]]:
    """(page-number lines, running header and footer lines) of a text's lines."""
    numbers = {i for i, line in enumerate(lines) if page_number(line) is not None}
    keys = running_keys(lines)
    return numbers, {i for i, line in enumerate(lines) if line.strip() and line_key(line) in keys}
