"""Proposal blocks → .docx bytes on a reference document that carries the styles."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from generator.render.blocks import (
    Cover,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Picture,
    Proposal,
    Signature,
    Table,
    Toc,
)
from generator.write.identity import PackageIdentity, apply_identity, bid_seed
from generator.write.package import normalise_zip, set_core_properties, set_update_fields
from generator.write.page_frame import PageFrame, PageNumbering
from generator.write.styles import TABLE_STYLE, drop_styles_with_effects, ensure_styles
from generator.write.xmlorder import set_child

HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4", 5: "Heading 5"}
PARAGRAPH_STYLES = {"body": "Normal", "right": "Right Aligned", "flush": "Body Flush", "center": "Cover Field",
                    "note": "Normal"}
DRAFT_MARK = "草稿（含未审定条款）"
HEADER_FILL = "D9D9D9"  # light grey behind a table's header row
AFTER_TABLE = 120  # twips (6 pt) before a body paragraph that follows a table
SIGNATURE_MAX_INDENT = 0.45  # of the text width: the signature block sits in the right half


@dataclass(frozen=True)
class WriteOptions:
    identity: PackageIdentity | None = None  # None: identifiers derived from the title and date
    numbering: PageNumbering = PageNumbering()


class DocxWriter:
    def __init__(self, reference: Path, options: WriteOptions = WriteOptions()) -> None:
        self.options = options
        self.document = Document(str(reference))
        self.style_ids = ensure_styles(self.document)
        drop_styles_with_effects(self.document)
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        self.body = body
        section = self.document.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]  # set by reference.docx
        self._break_pending = False
        self._after_table = False
        self._last = None  # the last body paragraph written
        self._cover_end = None  # the cover's last paragraph (a section break may follow it)

    # -- paragraphs -------------------------------------------------------------------------
    def _p(self, style: str, text: str = "", parent=None):  # noqa: ANN001, ANN202
        p = (parent if parent is not None else self.body).add_p()
        p.style = self.style_ids[style]
        if parent is None:
            if self._break_pending:
                set_child(p.get_or_add_pPr(), "w:pageBreakBefore")
                self._break_pending = False
            if self._after_table and style == "Normal":
                set_child(p.get_or_add_pPr(), "w:spacing", before=str(AFTER_TABLE))  # air below the table
            self._after_table = False
            self._last = p
        if text:
            p.add_r().text = text
        return p

    def _flush_break(self) -> None:
        """A table cannot carry pageBreakBefore: an explicit break paragraph goes before it."""
        if self._break_pending:
            p = self.body.add_p()
            p.add_r().add_br().type = "page"
            self._break_pending = False

    # -- blocks -----------------------------------------------------------------------------
    def page_break(self, _block: PageBreak | None = None) -> None:
        """The next paragraph starts a page (w:pageBreakBefore): no empty line at the top of it."""
        if self.options.numbering.after_cover and self._cover_end is not None and self._last is self._cover_end:
            return  # the section break after the cover starts the next page
        self._break_pending = True

    def cover(self, cover: Cover) -> None:
        for _ in range(3):
            self._p("Cover Title")
        self._p("Cover Title", cover.title)
        self._p("Cover Subtitle", cover.subtitle)
        for label, value in cover.fields:
            self._cover_end = self._p("Cover Field", f"{label}{value}")

    def toc(self, toc: Toc) -> None:
        """A TOC field whose cached text lists the headings until Word or LibreOffice updates it."""
        self._p("TOC Title", toc.title)
        first = self._p("toc 1")
        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        begin.set(qn("w:dirty"), "true")
        first.add_r().append(begin)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        first.add_r().append(instr)
        separate = OxmlElement("w:fldChar")
        separate.set(qn("w:fldCharType"), "separate")
        first.add_r().append(separate)
        target = first
        for index, entry in enumerate(toc.entries):
            if index > 0:
                target = self._p(f"toc {min(entry.level, 2)}")
            elif entry.level == 2:
                target.style = self.style_ids["toc 2"]
            target.add_r().text = entry.text
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        target.add_r().append(end)

    def heading(self, heading: Heading) -> None:
        self._p(HEADING_STYLES[heading.level], heading.text)

    def paragraph(self, paragraph: Paragraph) -> None:
        self._p(PARAGRAPH_STYLES[paragraph.style], paragraph.text)

    def list_block(self, block: ListBlock) -> None:
        for index, item in enumerate(block.items, start=1):
            prefix = f"{index}. " if block.ordered else "• "
            self._p("Normal", prefix + item)

    def table(self, table: Table) -> None:
        if self._last is not None and not self._break_pending:
            set_child(self._last.get_or_add_pPr(), "w:keepNext")  # the lead-in stays with the first row
        self._flush_break()
        widths = _column_widths(table, self.text_width)
        doc_table = self.document.add_table(rows=0, cols=len(table.header))
        tbl_pr = doc_table._tbl.tblPr
        tbl_pr.style = self.style_ids[TABLE_STYLE]
        set_child(tbl_pr, "w:tblW", w=str(sum(_twips(w) for w in widths)), type="dxa")
        set_child(tbl_pr, "w:jc", val="center")
        set_child(tbl_pr, "w:tblLayout", type="fixed")
        for grid_col, width in zip(doc_table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
            grid_col.set(qn("w:w"), str(_twips(width)))
        for row_index, cells in enumerate((table.header, *table.rows)):
            row = doc_table.add_row()
            tr_pr = row._tr.get_or_add_trPr()
            set_child(tr_pr, "w:cantSplit")
            if row_index == 0:
                set_child(tr_pr, "w:tblHeader")
            for cell, text, width in zip(row.cells, cells, widths, strict=True):
                cell.width = width
                tc = cell._tc
                tc_pr = tc.get_or_add_tcPr()
                if row_index == 0:
                    set_child(tc_pr, "w:shd", val="clear", color="auto", fill=HEADER_FILL)
                set_child(tc_pr, "w:vAlign", val="center")
                for p in list(tc.findall(qn("w:p"))):
                    tc.remove(p)
                style = "Table Header" if row_index == 0 else "Table Text"
                for line in text.split("\n"):
                    self._p(style, line, parent=tc)
        self._last = None
        self._after_table = True

    def picture(self, picture: Picture) -> None:
        """An inline PNG in a centred paragraph of its own (inline pictures keep their place in Word,
        WPS and LibreOffice alike), kept on one page with its lead-in sentence and its caption."""
        if self._last is not None and not self._break_pending:
            set_child(self._last.get_or_add_pPr(), "w:keepNext")
        p = self._p("Figure")
        if picture.caption:
            set_child(p.get_or_add_pPr(), "w:keepNext")
        run = DocxParagraph(p, self.document._body).add_run()  # the proxy that knows the image part
        run.add_picture(io.BytesIO(picture.png), width=min(Cm(picture.width_cm), self.text_width))  # narrow letterheads
        doc_pr = run._r.find(".//" + qn("wp:docPr"))
        doc_pr.set("descr", picture.alt)
        if picture.caption:
            self._p("Figure Caption", picture.caption)

    def signature(self, signature: Signature) -> None:
        """Kept on one page with the paragraph before it; the lines share a left edge placed as far
        right as the longest line allows."""
        if self._last is not None:
            set_child(self._last.get_or_add_pPr(), "w:keepNext")
        spacer = self._p("Normal")
        set_child(spacer.get_or_add_pPr(), "w:keepNext")
        longest = max(_display_width(f"{label}{value}") for label, value in signature.lines) * Pt(12)
        indent = int(max(0, min(self.text_width * SIGNATURE_MAX_INDENT, self.text_width - longest - Pt(12))))
        for index, (label, value) in enumerate(signature.lines):
            p = self._p("Signature Line", f"{label}{value}")
            ppr = p.get_or_add_pPr()
            set_child(ppr, "w:keepLines")
            if index < len(signature.lines) - 1:
                set_child(ppr, "w:keepNext")
            set_child(ppr, "w:ind", left=str(_twips(indent)), firstLine="0")

    # -- header, footer, properties ---------------------------------------------------------
    def header_footer(self, proposal: Proposal) -> None:
        frame = PageFrame(self.document, self._p, self.options.numbering)
        frame.write(proposal.header_text, DRAFT_MARK if proposal.draft else None)
        frame.number_pages(self._cover_end)

    def properties(self, proposal: Proposal) -> None:
        set_core_properties(self.document, proposal.title, proposal.author, proposal.date_iso)
        set_update_fields(self.document)
        from generator.write.custom_properties import set_custom_properties

        set_custom_properties(self.document, proposal.properties)

    def identity(self, proposal: Proposal) -> PackageIdentity:
        return self.options.identity or PackageIdentity(
            bid_seed(proposal.title, proposal.author, proposal.date_iso), proposal.author)

    def write(self, proposal: Proposal, attachments: list[Path] | None = None) -> bytes:
        handlers = {Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.list_block,
                    Table: self.table, Picture: self.picture, Signature: self.signature, Toc: self.toc, Cover: self.cover,
                    PageBreak: self.page_break}
        for block in proposal.blocks:
            handlers[type(block)](block)  # type: ignore[operator]
        self.header_footer(proposal)
        self.properties(proposal)
        if attachments:
            from generator.write.attachments import append_attachments

            append_attachments(self.document, attachments)
        apply_identity(self.document, self.identity(proposal))
        buffer = io.BytesIO()
        self.document.save(buffer)
        return normalise_zip(buffer.getvalue(), proposal.date_iso)


def _twips(width: int) -> int:
    return int(width) // 635  # EMU → twentieths of a point


def _display_width(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


TABLE_CHAR = Pt(10.5)  # 五号, the table styles' size
CELL_PADDING = Pt(2 * 5.4 + 2)  # Table Grid's left and right cell margins, plus slack
SHORT_CELL = 8  # cells up to this many characters should not wrap (序号, 正偏离, 30分钟)


def _column_widths(table: Table, total: int) -> list[Emu]:
    """Column widths from content: short labels never wrap; the remaining width goes to the columns
    with long text, in proportion to how much more they need."""
    if table.widths:
        scale = sum(table.widths)
        return [Emu(int(total * w / scale)) for w in table.widths]
    minimum, natural = [], []
    for column in range(len(table.header)):
        lines = [line for text in (table.header[column], *(row[column] for row in table.rows))
                 for line in text.split("\n")]
        widths = [_display_width(line) for line in lines]
        short = [w for w in widths if w <= SHORT_CELL] + [_display_width(table.header[column])]
        minimum.append(max(short) * TABLE_CHAR + CELL_PADDING)
        natural.append(max(widths) * TABLE_CHAR + CELL_PADDING)
    if sum(natural) <= total:
        base, extra = natural, list(natural)
    elif sum(minimum) <= total:
        base, extra = minimum, [n - m for n, m in zip(natural, minimum, strict=True)]
    else:
        base, extra = [0.0] * len(minimum), minimum
    spare = total - sum(base)
    weight = sum(extra) or 1
    return [Emu(int(b + spare * e / weight)) for b, e in zip(base, extra, strict=True)]


def write_docx(proposal: Proposal, reference: Path, attachments: list[Path] | None = None,
               options: WriteOptions = WriteOptions()) -> bytes:
    return DocxWriter(reference, options).write(proposal, attachments)
