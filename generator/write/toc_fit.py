"""A table of contents without an orphan last page.

LibreOffice (and Word) fill the TOC field when the document is opened or exported, one line per
heading; when the last TOC page would hold only a few lines, the TOC styles' line spacing is
tightened just enough for the entries to fit one page fewer. Line heights are estimated from the
font size (a CJK font's line is about 1.43 em at single spacing, measured with Noto Serif CJK in
LibreOffice 7.4; Word's 宋体 line is shorter, so the estimate errs towards fewer pages).
"""

from __future__ import annotations

import math

from generator.write.ns import qn
from generator.write.xmlorder import set_child

LINE_EM = 1.43  # line height at single spacing, in ems of the font size
TITLE_LINES = 2.5  # the TOC title (三号, space after) in entry lines
ORPHAN_SHARE = 0.4  # a last page filled less than this is an orphan (a page of 8 lines looks left over)
SAFETY = 0.95  # fit the entries into 95 % of the pages they are given
MIN_SPACING = 1.15  # never tighter than this


def fitted_spacing(entries: int, page_points: float, size: float, spacing: float) -> float | None:
    """The line spacing (multiple) that avoids an orphan last page, or None when there is none."""
    capacity = page_points / (size * LINE_EM * spacing)
    lines = entries + TITLE_LINES
    pages = math.ceil(lines / capacity)
    last = lines - (pages - 1) * capacity
    if pages < 2 or last >= capacity * ORPHAN_SHARE:
        return None
    fitted = math.floor(spacing * (pages - 1) * capacity / lines * SAFETY * 100) / 100
    return fitted if fitted >= MIN_SPACING else None


def _style(styles_element, style_id: str):
    for style in styles_element.iter(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return style
    return None


def _spacing_of(style) -> tuple[float, float]:
    """(font size in pt, line spacing multiple) a TOC style sets; 小四 and 1.5 when it sets none."""
    size_el = style.find(f"{qn('w:rPr')}/{qn('w:sz')}") if style is not None else None
    size = int(size_el.get(qn("w:val"), "24")) / 2 if size_el is not None else 12.0
    spacing_el = style.find(f"{qn('w:pPr')}/{qn('w:spacing')}") if style is not None else None
    line = spacing_el.get(qn("w:line")) if spacing_el is not None else None
    rule = spacing_el.get(qn("w:lineRule"), "auto") if spacing_el is not None else "auto"
    return size, (int(line) / 240 if line and rule == "auto" else 1.5)


def toc_figures(document, style_id: str) -> tuple[float, float, float]:
    """Height of the text area in points, and the font size and line spacing of TOC style `style_id`
    (prepared once per reference document: prepared.Reference)."""
    section = document.sections[0]
    page_points = (section.page_height - section.top_margin - section.bottom_margin) / 12700
    size, spacing = _spacing_of(_style(document.styles.element, style_id))
    return page_points, size, spacing


def set_toc_spacing(styles_element, style_ids: list[str], line: str) -> bool:
    """Set the TOC styles' line spacing to `line` (240ths of a line); False when there is no TOC style."""
    found = False
    for style_id in style_ids:
        style = _style(styles_element, style_id)
        if style is not None:
            found = True
            ppr = style.find(qn("w:pPr"))
            if ppr is None:
                ppr = style.get_or_add_pPr()
            set_child(ppr, "w:spacing", line=line, lineRule="auto")
    return found


def fitted_line(entries: int, page_points: float, size: float, spacing: float) -> str | None:
    """The TOC styles' w:line for `entries` entries when the last TOC page would be an orphan, or None."""
    fitted = fitted_spacing(entries, page_points, size, spacing)
    return str(round(fitted * 240)) if fitted is not None else None
