"""Write the .docx probe documents (tests/check/probes/*.docx, tests/tender_extract/probes/*.docx) from
the rows below: a table broken by a page end whose second part has no header row, and a 条款/承诺 column
merged down over two rows. Run `python tests/probe_documents.py` after changing them; the tests read the
files as written (python-docx output is not byte-stable, so the files are kept, not rebuilt per run)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK

HERE = Path(__file__).resolve().parent


def _table(document, rows: list[list[str | None]]) -> None:
    """None: the cell is merged with the one above it."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                table.cell(r - 1, c).merge(table.cell(r, c))
            else:
                table.cell(r, c).text = text


def _page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def proposal(path: Path) -> None:
    document = Document()
    document.add_heading("第三节 售后服务承诺明细", level=2)
    _table(document, [["设备名称", "质保期", "到场时间"],
                      ["服务器", "5年", "2小时内"],
                      ["存储设备", "5年", "2小时内"]])
    _page_break(document)
    _table(document, [["网络交换机", "3年", "4小时内"],
                      ["UPS电源", "2年", "4小时内"]])
    document.add_paragraph("")
    document.add_heading("第四节 服务时限", level=2)
    _table(document, [["条款", "承诺"],
                      ["响应时间", "接报后15分钟内"],
                      ["到场时间", "市区2小时内"],
                      [None, "郊县6小时内"]])
    document.save(path)


def tender(path: Path) -> None:
    document = Document()
    document.add_heading("第四章 采购需求", level=1)
    document.add_paragraph("二、商务要求")
    _table(document, [["货物名称", "质保期", "到场时间"],
                      ["服务器", "不少于5年", "2小时内"],
                      ["存储设备", "不少于5年", "2小时内"]])
    _page_break(document)
    _table(document, [["网络交换机", "不少于3年", "4小时内"]])
    document.save(path)


if __name__ == "__main__":
    proposal(HERE / "check" / "probes" / "pr25_split-table.docx")
    tender(HERE / "tender_extract" / "probes" / "tr17_split-table.docx")
