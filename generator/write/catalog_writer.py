"""The clause catalog as .docx: the proposal writer's styles, with data shaded.

Text handed to this writer may carry the marks of `generator.render.marks` around values
that came from data; those runs get a light shading so a reviewer tells wording from data.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.render.blocks import Proposal, Table
from generator.render.marks import OPEN, split_marked, strip_marks
from generator.write.body_xml import plain_run, run
from generator.write.docx_writer import DocxWriter, _column_widths

DATA_FILL = "FFE699"  # light amber: prints visibly in greyscale too


class CatalogWriter(DocxWriter):
    def table(self, table: Table) -> None:
        """Column widths as the proposal would get them: measured without the marks."""
        if not table.widths:
            plain = Table(tuple(map(strip_marks, table.header)),
                          tuple(tuple(map(strip_marks, row)) for row in table.rows))
            widths = tuple(float(w) for w in _column_widths(plain, self.text_width))
            table = dataclasses.replace(table, widths=widths)
        super().table(table)

    def header_runs(self, text: str) -> str:
        """The header line's runs, data shaded (as python-docx writes runs, unlike the body's)."""
        if OPEN not in text:
            return super().header_runs(text)
        shading = f'<w:rPr><w:shd w:val="clear" w:color="auto" w:fill="{DATA_FILL}"/></w:rPr>'
        return "".join(plain_run(piece).replace("<w:r>", f"<w:r>{shading}", 1) if data else plain_run(piece)
                       for piece, data in split_marked(text))

    def _runs(self, text: str) -> list[str]:
        if OPEN not in text:
            return super()._runs(text)
        return [run(piece, DATA_FILL if data else None) for piece, data in split_marked(text) if piece]


def write_catalog(proposal: Proposal, reference: Path) -> bytes:
    return CatalogWriter(reference).write(proposal)
