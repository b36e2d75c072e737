"""Proposal blocks → .docx bytes on a reference document that carries the styles."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu

from generator.render.blocks import Cover, Heading, ListBlock, PageBreak, Paragraph, Proposal, Signature, Table, Toc
from generator.write.styles import ensure_styles

HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4", 5: "Heading 5"}
PARAGRAPH_STYLES = {"body": "Normal", "right": "Right Aligned", "center": "Cover Field", "note": "Normal"}
DRAFT_MARK = "草稿（含未审定条款）"


class DocxWriter:
    def __init__(self, reference: Path) -> None:
        self.document = Document(str(reference))
        self.style_ids = ensure_styles(self.document)
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        self.body = body
        section = self.document.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    # -- paragraphs -------------------------------------------------------------------------
    def _p(self, style: str, text: str = "", parent=None):  # noqa: ANN001, ANN202
        p = (parent if parent is not None else self.body).add_p()
        p.style = self.style_ids[style]
        if text:
            p.add_r().text = text
        return p

    def _page_break(self) -> None:
        p = self.body.add_p()
        p.add_r().add_br().type = "page"

    @staticmethod
    def _field(p, instruction: str, cached: str = "1") -> None:  # noqa: ANN001
        for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", cached),
                           ("end", None)):
            r = p.add_r()
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {text} "
                r.append(instr)
            elif kind == "text":
                r.text = text
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                r.append(char)

    # -- blocks -----------------------------------------------------------------------------
    def cover(self, cover: Cover) -> None:
        for _ in range(3):
            self._p("Cover Title")
        self._p("Cover Title", cover.title)
        self._p("Cover Subtitle", cover.subtitle)
        for label, value in cover.fields:
            self._p("Cover Field", f"{label}{value}")

    def toc(self, toc: Toc) -> None:
        """A TOC field whose cached text lists the headings until Word or LibreOffice updates it."""
        self._p("TOC Title", toc.title)
        first = self._p("toc 1")
        for kind in ("begin",):
            r = first.add_r()
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            char.set(qn("w:dirty"), "true")
            r.append(char)
        r = first.add_r()
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        r.append(instr)
        r = first.add_r()
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), "separate")
        r.append(char)
        entries = list(toc.entries)
        target = first
        for index, entry in enumerate(entries):
            if index > 0:
                target = self._p(f"toc {min(entry.level, 2)}")
            elif entry.level == 2:
                target.style = self.style_ids["toc 2"]
            target.add_r().text = entry.text
        r = target.add_r()
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), "end")
        r.append(char)

    def heading(self, heading: Heading) -> None:
        self._p(HEADING_STYLES[heading.level], heading.text)

    def paragraph(self, paragraph: Paragraph) -> None:
        self._p(PARAGRAPH_STYLES[paragraph.style], paragraph.text)

    def list_block(self, block: ListBlock) -> None:
        for index, item in enumerate(block.items, start=1):
            prefix = f"{index}. " if block.ordered else "• "
            self._p("Normal", prefix + item)

    def table(self, table: Table) -> None:
        columns = len(table.header)
        widths = _column_widths(table, self.text_width)
        doc_table = self.document.add_table(rows=0, cols=columns)
        doc_table.style = self.document.styles["Table Grid"]
        tbl = doc_table._tbl
        tbl_pr = tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        tbl_w = tbl_pr.find(qn("w:tblW"))
        if tbl_w is None:
            tbl_w = OxmlElement("w:tblW")
            tbl_pr.append(tbl_w)
        tbl_w.set(qn("w:w"), str(sum(_twips(w) for w in widths)))
        tbl_w.set(qn("w:type"), "dxa")
        for grid_col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths):
            grid_col.set(qn("w:w"), str(_twips(width)))
        for row_index, cells in enumerate((table.header, *table.rows)):
            row = doc_table.add_row()
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if row_index == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))
            for cell, text, width in zip(row.cells, cells, widths):
                cell.width = width
                tc = cell._tc
                for p in list(tc.findall(qn("w:p"))):
                    tc.remove(p)
                style = "Table Header" if row_index == 0 else "Table Text"
                lines = text.split("\n") or [""]
                for line in lines:
                    self._p(style, line, parent=tc)
        # python-docx appends the table at the end of the body, before sectPr: already in order.

    def signature(self, signature: Signature) -> None:
        self._p("Normal")
        for index, (label, value) in enumerate(signature.lines):
            p = self._p("Signature Line", f"{label}{value}")
            if index == len(signature.lines) - 1:
                p.get_or_add_pPr().keepNext_val = False  # last line need not keep with next

    # -- header, footer, properties ---------------------------------------------------------
    def header_footer(self, proposal: Proposal) -> None:
        section = self.document.sections[0]
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        for p in list(header._element.findall(qn("w:p"))):
            header._element.remove(p)
        text = proposal.header_text + (f"　【{DRAFT_MARK}】" if proposal.draft else "")
        self._p("Header", text, parent=header._element)
        first_header = section.first_page_header
        for p in list(first_header._element.findall(qn("w:p"))):
            first_header._element.remove(p)
        self._p("Header", DRAFT_MARK if proposal.draft else "", parent=first_header._element)
        footer = section.footer
        for p in list(footer._element.findall(qn("w:p"))):
            footer._element.remove(p)
        p = self._p("Footer", parent=footer._element)
        p.add_r().text = "第 "
        self._field(p, "PAGE")
        p.add_r().text = " 页 共 "
        self._field(p, "NUMPAGES")
        p.add_r().text = " 页"

    def properties(self, proposal: Proposal) -> None:
        stamp = dt.datetime.fromisoformat(proposal.date_iso).replace(tzinfo=dt.timezone.utc)
        core = self.document.core_properties
        core.title = proposal.title
        core.author = proposal.author
        core.last_modified_by = proposal.author
        core.created = stamp
        core.modified = stamp
        core.revision = 1
        core.comments = ""
        settings = self.document.settings.element
        if settings.find(qn("w:updateFields")) is None:
            update = OxmlElement("w:updateFields")
            update.set(qn("w:val"), "true")
            settings.append(update)

    def write(self, proposal: Proposal) -> bytes:
        handlers = {Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.list_block,
                    Table: self.table, Signature: self.signature, Toc: self.toc, Cover: self.cover}
        for block in proposal.blocks:
            if isinstance(block, PageBreak):
                self._page_break()
            else:
                handlers[type(block)](block)  # type: ignore[operator]
        self.header_footer(proposal)
        self.properties(proposal)
        if proposal.properties:
            from generator.write.custom_properties import set_custom_properties

            set_custom_properties(self.document, proposal.properties)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return normalise_zip(buffer.getvalue(), proposal.date_iso)


def _twips(width: int) -> int:
    return int(width) // 635  # EMU → twentieths of a point


def _display_width(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def _column_widths(table: Table, total: int) -> list[Emu]:
    """Column widths from content: each column gets a share by its longest line, within bounds."""
    if table.widths:
        weights = list(table.widths)
    else:
        weights = []
        for column in range(len(table.header)):
            texts = [table.header[column], *(row[column] for row in table.rows)]
            longest = max(_display_width(line) for text in texts for line in text.split("\n"))
            weights.append(min(max(longest, 3.0), 30.0))
    scale = sum(weights)
    return [Emu(int(total * w / scale)) for w in weights]


def normalise_zip(data: bytes, date_iso: str) -> bytes:
    """Same content → same bytes: fixed timestamps and permissions in the zip container."""
    date = dt.date.fromisoformat(date_iso)
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def write_docx(proposal: Proposal, reference: Path) -> bytes:
    return DocxWriter(reference).write(proposal)
