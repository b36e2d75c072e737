"""Marks a clerk must clear before a draft becomes a bid: “待核实” (check this against the 招标文件)
and “待填写” (fill this in), as `tender extract` writes them in values and comments.

A build refuses a tender file that still carries one; each mark is reported with its line and
the field it belongs to (the key on its line, or for a comment the first key below it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.core.errors import Problem

MARKS = ("待核实", "待填写")
MAX_SCANNED = 2 * 1024 * 1024  # a larger file is refused by the reader before any mark matters
_MARK_RE = re.compile(r"(?<!“)(?:" + "|".join(MARKS) + r")(?!”)")  # “待核实” in quotes only names the mark


def _key_lines(node: Any, path: tuple[str | int, ...], out: list[tuple[int, str]]) -> None:
    """(0-based line, dotted field) of every key and list item under `node` (ruamel round-trip)."""
    lc = getattr(node, "lc", None)
    if hasattr(node, "items") and lc is not None:
        for key, value in node.items():
            try:
                line = lc.key(key)[0]
            except (KeyError, TypeError):
                continue
            out.append((line, ".".join(str(p) for p in (*path, key))))
            _key_lines(value, (*path, key), out)
    elif isinstance(node, list) and lc is not None:
        for index, value in enumerate(node):
            try:
                line = lc.item(index)[0]
            except (KeyError, TypeError, IndexError):
                continue
            out.append((line, ".".join(str(p) for p in (*path, index))))
            _key_lines(value, (*path, index), out)


def _fields(text: str) -> list[tuple[int, str]]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        doc = YAML(typ="rt").load(text)
    except YAMLError:
        return []
    found: list[tuple[int, str]] = []
    _key_lines(doc, (), found)
    return sorted(found)


def unfinished_marks(path: Path, text: str | None, known: list[Problem] = ()) -> list[Problem]:  # type: ignore[assignment]
    """One problem per line of the tender file that still carries 待核实 or 待填写 (`text`: its
    contents when already read), except on lines a problem in `known` already names."""
    if text is None:  # the model refused the file: read it again only if it is a plausible tender file
        try:
            if not path.is_file() or path.stat().st_size > MAX_SCANNED:
                return []  # a FIFO or device would block; a huge file was refused
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return []  # the reader has reported why
    if not _MARK_RE.search(text):
        return []
    taken = {p.line for p in known if p.line is not None}
    fields = _fields(text)
    problems = []
    for number, line in enumerate(text.splitlines()):
        match = _MARK_RE.search(line)
        if match is None or number + 1 in taken:
            continue
        comment_only = line.lstrip().startswith("#")
        here = [f for n, f in fields if n == number]
        below = [f for n, f in fields if n > number]
        field = (here[-1] if here and not comment_only else below[0] if below else "")
        note = re.sub(r"^[#\s：:]*(?:待填写|待核实)?[：:]?\s*", "", line.split(match.group(), 1)[1]).strip()
        what = "待核实" if match.group() == "待核实" else "待填写"
        hint = ("请对照招标文件核对后删除这一“待核实”标记" if what == "待核实"
                else "请填写该字段后删除“待填写”")
        message = f"草稿仍标有“{what}”" + (f"：{note[:60]}" if note else "")
        problems.append(Problem(path, message, number + 1, field=field, hint=hint))
    return problems


def mark_reviewed(text: str) -> str:
    """The file as saved from the tender form: the clerk has looked at every row, so the draft's
    “待核实/待填写” notes become “已核实/已填写” notes (the words after them stay, for the record)."""
    lines = []
    for line in text.splitlines(keepends=True):
        head, sharp, comment = line.partition("#")
        if sharp:
            comment = re.sub(r"(?<!“)待核实(?!”)", "已核实", comment)
            comment = re.sub(r"(?<!“)待填写(?!”)", "已填写", comment)
        lines.append(head + sharp + comment)
    return "".join(lines)
