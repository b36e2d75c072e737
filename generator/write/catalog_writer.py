"""The clause catalog as .docx: the proposal writer's styles, with data shaded.

Text handed to this writer may carry the marks of `generator.render.marks` around values
that came from data; those runs get a light shading so a reviewer tells wording from data.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.render.blocks import Proposal, Table
from generator.render.marks import OPEN, split_marked, strip_marks
from generator.write.body_xml import run
from generator.write.docx_writer import DocxWriter, _column_widths

DATA_FILL = "FFE699"  # light amber: prints visibly in greyscale too


def shade(run) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), DATA_FILL)
    run.get_or_add_rPr().append(shd)


class CatalogWriter(DocxWriter):
    def table(self, table: Table) -> None:
        """Column widths as the proposal would get them: measured without the marks."""
        if not table.widths:
            plain = Table(tuple(map(strip_marks, table.header)),
                          tuple(tuple(map(strip_marks, row)) for row in table.rows))
            widths = tuple(float(w) for w in _column_widths(plain, self.text_width))
            table = dataclasses.replace(table, widths=widths)
        super().table(table)

    def _p(self, style: str, text: str = "", parent=None):
        """Header and footer paragraphs are python-docx paragraphs: shaded run by run."""
        if parent is None or OPEN not in text:
            return super()._p(style, text, parent)
        p = super()._p(style, "", parent)
        for piece, data in split_marked(text):
            r = p.add_r()
            r.text = piece
            if data:
                shade(r)
        return p

    def _runs(self, text: str) -> list[str]:
        if OPEN not in text:
            return super()._runs(text)
        return [run(piece, DATA_FILL if data else None) for piece, data in split_marked(text) if piece]


def write_catalog(proposal: Proposal, reference: Path) -> bytes:
    return CatalogWriter(reference).write(proposal)
