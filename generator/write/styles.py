"""The styles a proposal needs, with Chinese fonts really applied (w:eastAsia, no theme fonts).

`ensure_styles` adds what a reference document lacks and leaves the rest alone, so a bidder's
letterhead keeps its own look; `make_reference` writes templates/standard/reference.docx.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

SONG, HEI = "宋体", "黑体"


@dataclass(frozen=True)
class StyleSpec:
    name: str
    font: str
    size: float  # pt
    bold: bool = False
    align: str = "justify"
    first_line_chars: float = 0  # first-line indent in characters of this size
    left_indent_mm: float = 0
    line_spacing: float = 1.5
    space_before: float = 0
    space_after: float = 0
    keep_with_next: bool = False
    outline_level: int | None = None  # 0-based, headings only
    builtin: bool = False


# 小四 12 pt body, 三号 16 pt section heads, 四号 14 pt, 五号 10.5 pt tables.
SPECS: tuple[StyleSpec, ...] = (
    StyleSpec("Normal", SONG, 12, first_line_chars=2, builtin=True),
    StyleSpec("Heading 1", HEI, 16, align="center", space_before=12, space_after=12, keep_with_next=True,
              outline_level=0, builtin=True),
    StyleSpec("Heading 2", HEI, 14, align="left", space_before=6, space_after=6, keep_with_next=True,
              outline_level=1, builtin=True),
    StyleSpec("Heading 3", HEI, 12, align="left", space_before=6, space_after=0, keep_with_next=True,
              outline_level=2, builtin=True),
    StyleSpec("Heading 4", SONG, 12, bold=True, align="left", first_line_chars=2, keep_with_next=True,
              outline_level=3, builtin=True),
    StyleSpec("Heading 5", SONG, 12, bold=True, align="left", first_line_chars=2, keep_with_next=True,
              outline_level=4, builtin=True),
    StyleSpec("Cover Title", HEI, 22, align="center", line_spacing=1.2, space_after=24),
    StyleSpec("Cover Subtitle", HEI, 26, align="center", line_spacing=1.2, space_before=24, space_after=96),
    StyleSpec("Cover Field", SONG, 15, align="left", left_indent_mm=30, line_spacing=2.0),
    StyleSpec("TOC Title", HEI, 16, align="center", space_after=12),
    StyleSpec("toc 1", SONG, 12, align="left", line_spacing=1.5),
    StyleSpec("toc 2", SONG, 12, align="left", left_indent_mm=8, line_spacing=1.5),
    StyleSpec("Table Text", SONG, 10.5, align="left", line_spacing=1.15),
    StyleSpec("Table Header", HEI, 10.5, align="center", line_spacing=1.15),
    StyleSpec("Right Aligned", SONG, 12, align="right"),
    StyleSpec("Signature Line", SONG, 12, align="left", left_indent_mm=60, line_spacing=2.0, keep_with_next=True),
    StyleSpec("Header", SONG, 9, align="center", line_spacing=1.0, builtin=True),
    StyleSpec("Footer", SONG, 9, align="center", line_spacing=1.0, builtin=True),
)

_ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
          "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def set_east_asian_font(rpr_owner, font: str) -> None:  # noqa: ANN001 - a style or run element
    """Set ascii/hAnsi/eastAsia fonts and drop theme attributes, which would win otherwise."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def _apply(style, spec: StyleSpec) -> None:  # noqa: ANN001 - docx style
    font = style.font
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    set_east_asian_font(style.element, spec.font)
    fmt = style.paragraph_format
    fmt.alignment = _ALIGN[spec.align]
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = spec.line_spacing
    fmt.space_before = Pt(spec.space_before)
    fmt.space_after = Pt(spec.space_after)
    fmt.first_line_indent = Pt(spec.size * spec.first_line_chars) if spec.first_line_chars else None
    fmt.left_indent = Mm(spec.left_indent_mm) if spec.left_indent_mm else None
    fmt.keep_with_next = spec.keep_with_next or None
    if spec.outline_level is not None:
        ppr = style.element.get_or_add_pPr()
        level = ppr.find(qn("w:outlineLvl"))
        if level is None:
            level = OxmlElement("w:outlineLvl")
            ppr.append(level)
        level.set(qn("w:val"), str(spec.outline_level))


def _set_document_defaults(document) -> None:  # noqa: ANN001
    """Simplified Chinese glyph forms and 宋体 for text outside any style."""
    styles_el = document.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr_default is None:
        return
    fonts = rpr_default.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), SONG)
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")


def ensure_styles(document, overwrite: bool = False) -> dict[str, str]:  # noqa: ANN001
    """Make sure every needed paragraph style exists; returns style name → style id."""
    ids: dict[str, str] = {}
    styles = document.styles
    by_name = {s.name: s for s in styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    for spec in SPECS:
        style = by_name.get(spec.name)
        if style is None:
            style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = by_name.get("Normal")
            style.quick_style = True
            _apply(style, spec)
        elif overwrite:
            _apply(style, spec)
        ids[spec.name] = style.style_id
    for table_style in ("Table Grid",):
        if table_style not in [s.name for s in styles if s.type == WD_STYLE_TYPE.TABLE]:
            raise ValueError(f"参考文档缺少表格样式“{table_style}”")
    return ids


def make_reference(path: Path) -> None:
    """Write the standard reference document: A4, Chinese styles, nothing else."""
    document = Document()
    _set_document_defaults(document)
    ensure_styles(document, overwrite=True)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25.4)
    section.left_margin = section.right_margin = Mm(31.8)
    section.header_distance = section.footer_distance = Mm(15)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.core_properties.author = "aftersales"
    document.save(str(path))


if __name__ == "__main__":  # python -m generator.write.styles templates/standard/reference.docx
    import sys

    make_reference(Path(sys.argv[1]))
