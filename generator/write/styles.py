"""The styles a proposal needs, with Chinese fonts really applied (w:eastAsia, no theme fonts).

`ensure_styles` adds what a reference document lacks and leaves the rest alone, so a bidder's
letterhead keeps its own look; it finds existing styles under the names Word, WPS and LibreOffice
give them (Heading 1 / heading 1 / 标题 1, toc 1 / TOC 1 / Contents 1, Table Grid / 网格型).
`make_reference` writes templates/standard/reference.docx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from generator.write.body_xml import TABLE_STYLE
from generator.write.xmlorder import remove_child, set_child

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
    rule_below: bool = False  # a thin line under the paragraph (page header)


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
    StyleSpec("Body Flush", SONG, 12, align="left"),  # salutations such as 致：采购人, no first-line indent
    StyleSpec("Figure", SONG, 12, align="center", line_spacing=1.0, space_before=6, keep_with_next=True),
    StyleSpec("Figure Caption", SONG, 10.5, align="center", line_spacing=1.0, space_before=3, space_after=6),
    StyleSpec("Signature Line", SONG, 12, align="left", left_indent_mm=60, line_spacing=2.0, keep_with_next=True),
    StyleSpec("Header", SONG, 9, align="center", line_spacing=1.0, builtin=True, rule_below=True),
    StyleSpec("Footer", SONG, 9, align="center", line_spacing=1.0, builtin=True),
)

_ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
          "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Other names under which a style we need may already exist (compared without case and spaces).
_ALIASES: dict[str, tuple[str, ...]] = {
    "Normal": ("正文",),
    "Header": ("页眉",),
    "Footer": ("页脚",),
    TABLE_STYLE: ("网格型", "表格网格", "网格表"),
    **{f"Heading {n}": (f"标题 {n}",) for n in range(1, 10)},
    **{f"toc {n}": (f"目录 {n}", f"Contents {n}") for n in range(1, 10)},
}


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


_ALIAS_KEYS = {_key(name): [_key(name), *map(_key, aliases)] for name, aliases in _ALIASES.items()}


def _names(name: str) -> list[str]:
    return _ALIAS_KEYS.get(_key(name), [_key(name)])


class StyleIndex:
    """The document's styles by normalised name, built once: python-docx walks every style per lookup."""

    def __init__(self, document) -> None:
        self._by_key: dict[tuple[object, str], object] = {}
        for style in document.styles:
            if style.name:
                self._by_key.setdefault((style.type, _key(style.name)), style)

    def find(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH):
        for key in _names(name):
            if (kind, key) in self._by_key:
                return self._by_key[(kind, key)]
        return None

    def add(self, style) -> None:
        self._by_key.setdefault((style.type, _key(style.name)), style)


def find_style(document, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH):
    """The document's style for `name` under any of its known names, or None."""
    return StyleIndex(document).find(name, kind)


def set_east_asian_font(rpr_owner, font: str) -> None:
    """Set ascii/hAnsi/eastAsia fonts and drop theme attributes, which would win otherwise."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = set_child(rpr, "w:rFonts")
    for attr in THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def _apply(style, spec: StyleSpec) -> None:
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
    # Explicit zeros: a style based on Normal would otherwise inherit its 2-character indent.
    fmt.first_line_indent = Pt(spec.size * spec.first_line_chars)
    fmt.left_indent = Mm(spec.left_indent_mm)
    fmt.keep_with_next = spec.keep_with_next or None
    if spec.outline_level is not None:
        set_child(style.element.get_or_add_pPr(), "w:outlineLvl", val=str(spec.outline_level))
    if spec.rule_below:
        borders = set_child(style.element.get_or_add_pPr(), "w:pBdr")
        set_child(borders, "w:bottom", val="single", sz="4", space="1", color="auto")


def _prepare_heading(style, spec: StyleSpec) -> None:
    """A reference's own heading style: keep its look, but it must feed the TOC and carry no numbering
    of its own (the generator writes 第一节 / 一、 into the text)."""
    ppr = style.element.get_or_add_pPr()
    remove_child(ppr, "w:numPr")
    if spec.outline_level is not None and ppr.find(qn("w:outlineLvl")) is None:
        set_child(ppr, "w:outlineLvl", val=str(spec.outline_level))


# The language of Latin letters and digits (w:lang w:val), as Chinese Word writes it. LibreOffice breaks
# text of a Chinese, Japanese or Korean language after any character (BreakIterator_CJK), digits too:
# "30分钟" in zh-CN could end a line after "3". In en-US digits and identifiers follow the Unicode
# line-breaking rules and stay whole; Word keeps half-width runs together either way.
LATIN_LANGUAGE = "en-US"


def _set_document_defaults(document) -> None:
    """Simplified Chinese glyph forms and 宋体 for text outside any style; Latin text and digits in
    English (LATIN_LANGUAGE)."""
    styles_el = document.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr_default is None:
        return
    fonts = rpr_default.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in THEME_ATTRS:
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), SONG)
    set_child(rpr_default, "w:lang", val=LATIN_LANGUAGE, eastAsia="zh-CN")


def _add_table_grid(document):
    """The plain bordered table style, for references (LibreOffice, WPS) that do not carry it."""
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        insert_ordered_style(style.element, tbl_pr)
    borders = set_child(tbl_pr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for attr, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "auto")):
            element.set(qn(f"w:{attr}"), value)
        borders.append(element)
    margins = set_child(tbl_pr, "w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "108")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    return style


def insert_ordered_style(style_element, child) -> None:
    """w:tblPr goes after w:rPr/w:pPr and before any w:trPr, w:tcPr, w:tblStylePr in a style."""
    for index, sibling in enumerate(style_element):
        if sibling.tag in (qn("w:trPr"), qn("w:tcPr"), qn("w:tblStylePr")):
            style_element.insert(index, child)
            return
    style_element.append(child)


def ensure_styles(document, overwrite: bool = False,
                  specs: tuple[StyleSpec, ...] = SPECS) -> dict[str, str]:
    """Make sure every needed style exists; returns our style name → the document's style id.

    Existing styles are found under localized and LibreOffice names and kept as they are (a
    letterhead's look wins), except that heading styles lose any list numbering and gain an
    outline level if they lack one. Missing ones are added with the standard Chinese formatting.
    """
    ids: dict[str, str] = {}
    styles = document.styles
    index = StyleIndex(document)
    normal = index.find("Normal")
    for spec in specs:
        style = index.find(spec.name)
        if style is None:
            style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
            index.add(style)
            if normal is not None and spec.name != "Normal":
                style.base_style = normal
            style.quick_style = True
            _apply(style, spec)
        elif overwrite:
            _apply(style, spec)
        if spec.outline_level is not None:
            _prepare_heading(style, spec)
        ids[spec.name] = style.style_id
    table = index.find(TABLE_STYLE, WD_STYLE_TYPE.TABLE) or _add_table_grid(document)
    ids[TABLE_STYLE] = table.style_id
    _latin_language_outside_cjk(document)
    return ids


_CJK_LANGUAGES = ("zh", "ja", "ko")


def _latin_language_outside_cjk(document) -> None:
    """A reference (a letterhead saved in a Chinese locale) whose default Latin language is Chinese,
    Japanese or Korean gets LATIN_LANGUAGE instead, so that numbers stay whole in LibreOffice."""
    lang = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if lang is not None and (lang.get(qn("w:val")) or "").lower().startswith(_CJK_LANGUAGES):
        lang.set(qn("w:val"), LATIN_LANGUAGE)


def drop_styles_with_effects(document) -> None:
    """Word 2010's stylesWithEffects.xml copy goes stale once styles.xml is edited; it is optional."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del part.rels[rel_id]  # the part is no longer reachable and is not saved


def make_reference(path: Path) -> None:
    """Write the standard reference document: A4, Chinese styles, nothing else."""
    document = Document()
    _set_document_defaults(document)
    ensure_styles(document, overwrite=True)
    drop_styles_with_effects(document)
    # Theme fonts resolve by this language: the python-docx template says ja-JP.
    set_child(document.settings.element, "w:themeFontLang", val="en-US", eastAsia="zh-CN")
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
