"""The two private-use characters that mark text rendered from data (the review catalog shades it),
and how to read them back. The library renders with them; the writer turns them into shading."""

from __future__ import annotations

import re

OPEN, CLOSE = "\ue000", "\ue001"
_MARKS = re.compile(f"[{OPEN}{CLOSE}]")


def strip_marks(text: str) -> str:
    return _MARKS.sub("", text)


def split_marked(text: str) -> list[tuple[str, bool]]:
    """Text → [(piece, is_data)], in order, without the marks."""
    pieces: list[tuple[str, bool]] = []
    data = False
    for part in re.split(f"([{OPEN}{CLOSE}])", text):
        if part == OPEN:
            data = True
        elif part == CLOSE:
            data = False
        elif part:
            pieces.append((part, data))
    return pieces
