"""The body of document.xml written as WordprocessingML text, one block at a time.

python-docx builds a proxy object per paragraph, run and cell and looks styles up by name: for a
proposal that is most of the build's time (benchmarks/RESULTS.md). The body is plain and regular
(a style id, a few paragraph properties, runs of text, tables), so it is written as text here and
parsed once into the package; python-docx keeps what it does well (the package, styles, headers).

Paragraphs are kept as small records until the end, because a later block changes an earlier
paragraph (a table or signature keeps the lead-in with it: w:keepNext). Properties are written in
schema order (xmlorder.SEQUENCES), text is escaped, so the result is what Word expects.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.write.nobreak import escape, plain_texts
from generator.write.nobreak import texts as _texts
from generator.write.xmlorder import SEQUENCES

_PPR_ORDER = {name: rank for rank, name in enumerate(SEQUENCES["w:pPr"])}
TABLE_STYLE = "Table Grid"  # the name of the table style every table uses (styles.ensure_styles adds it)


@dataclass(slots=True)  # no per-instance __dict__: a build makes ~400 of these
class Para:
    """One paragraph: its style id, extra properties (element name → its attribute text) and runs."""

    style: str | None
    runs: list[str] = field(default_factory=list)
    props: dict[str, str] | None = None  # made by the first `set`: most paragraphs have none
    section: str = ""  # a w:sectPr ending a section with this paragraph (last in w:pPr, as the schema orders it)

    def set(self, name: str, **attrs: str) -> None:
        if self.props is None:
            self.props = {}
        self.props[name] = "".join(f' w:{key}="{escape(value, _ATTR)}"' for key, value in attrs.items())

    def xml(self) -> str:
        style, props, section = self.style, self.props, self.section
        if not props and not section:  # most paragraphs: a style and runs
            if style is None:
                return f"<w:p>{''.join(self.runs)}</w:p>"
            return styled_paragraph(style, self.runs)
        props_xml = ""
        if props:
            items = props.items() if len(props) < 2 else sorted(props.items(), key=lambda item: _PPR_ORDER[item[0]])
            props_xml = "".join([f"<w:{name}{attrs}/>" for name, attrs in items])
        style_xml = f'<w:pStyle w:val="{style}"/>' if style is not None else ""
        return f"<w:p><w:pPr>{style_xml}{props_xml}{section}</w:pPr>{''.join(self.runs)}</w:p>"


def styled_paragraph(style: str, runs: list[str]) -> str:
    """Para(style, runs).xml() without the record: a table cell's paragraph (no other properties)."""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{"".join(runs)}</w:p>'


# an attribute value as a parser reads it back: white space characters become spaces (XML 1.0, 3.3.3)
_ATTR = {'"': "&quot;", "\r\n": " ", "\r": " ", "\n": " ", "\t": " "}


def run(text: str, fill: str | None = None, size: float | None = None) -> str:
    """A run of text as python-docx writes it — tabs and line breaks become w:tab and w:br — except
    that hyphens inside identifiers become non-breaking hyphens (write/nobreak; read back as "-").
    `fill`: a shading colour behind the run (the clause catalog marks data so); `size`: points, when
    the run is not in its style's size (a long cover title)."""
    if fill is not None or size is not None:
        half = f"{round(size * 2)}" if size is not None else ""
        props = (f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>' if half else "") \
            + (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill is not None else "")
        return f"<w:r><w:rPr>{props}</w:rPr>{run(text)[5:]}"
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return f"<w:r>{_texts(text)}</w:r>" if text else "<w:r/>"
    return f"<w:r>{_run_content(text, _texts)}</w:r>"


def plain_run(text: str) -> str:
    """A run as python-docx writes `run.text` (the header line, the clause catalog): as `run`, but
    hyphens stay plain."""
    content = _run_content(text, plain_texts)
    return f"<w:r>{content}</w:r>" if content else "<w:r/>"


def _run_content(text: str, texts: Callable[[str], str]) -> str:
    """Tabs and line breaks as w:tab and w:br, the text between them through `texts`."""
    parts = []
    for piece in _CONTROLS.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\n", "\r"):
            parts.append("<w:br/>")
        elif piece:
            parts.append(texts(piece))
    return "".join(parts)


_CONTROLS = re.compile(r"([\t\n\r])")


def _space(text: str) -> str:
    return ' xml:space="preserve"' if text != text.strip() else ""


def field_char(kind: str, dirty: bool = False) -> str:
    extra = ' w:dirty="true"' if dirty else ""
    return f'<w:r><w:fldChar w:fldCharType="{kind}"{extra}/></w:r>'


def instruction(code: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def table(style_id: str, grid: list[int], widths: list[int], rows: list[list[str]], header_fill: str) -> str:
    """A table with fixed column widths (twips: `grid` for the grid, `widths` for the cells), a repeating
    header row, rows that do not split, and cell texts already written as paragraphs (w:p per cell)."""
    total = sum(grid)
    grid_xml = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:type="dxa" w:w="{total}"/>'
           '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
           '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
           f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid_xml}</w:tblGrid>']
    for index, cells in enumerate(rows):
        header = index == 0
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header
                   else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/>' if header else ""
        for width, content in zip(widths, cells, strict=True):
            out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shade}<w:vAlign w:val="center"/>'
                       f"</w:tcPr>{content or '<w:p/>'}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


# DrawingML for an inline picture, as Word writes it (ECMA-376 Part 1, 20.4.2.8 inline).
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def inline_picture(rel_id: str, drawing_id: int, cx: int, cy: int, name: str, alt: str) -> str:
    """A run holding one inline picture of cx × cy EMU; `alt` is its text alternative (descr)."""
    alt_attr = escape(alt, _ATTR)
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{drawing_id}" name="{name}" descr="{alt_attr}"/>'
            f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
            f'<pic:nvPicPr><pic:cNvPr id="0" name="{name}" descr="{alt_attr}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            f"</wp:inline></w:drawing></w:r>")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels from a PNG's IHDR chunk; ValueError if it is not a PNG."""
    if len(png) < 24 or not png.startswith(b"\x89PNG\r\n\x1a\n") or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    if width <= 0 or height <= 0:
        raise ValueError("PNG image without size")
    return width, height
