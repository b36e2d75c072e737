"""The 采购清单 of a .docx 招标文件 and of the PDF LibreOffice makes of it give the same items.

The list runs over a page end (one ruled table), a second table after a page break goes on with it under
a 续表 line, and the document has other tables a purchase list must not be taken from."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import convert

from generator.tender_extract.items import find_items
from generator.text.text_blocks import read_blocks

HEADER = ("序号", "设备名称", "技术参数", "规格型号", "数量", "计量单位", "最高限价（元）", "备注")
FIRST = [(str(n), f"床旁监护仪（{n}号病区）", "屏幕不小于12英寸，具备有创血压与呼气末二氧化碳监测功能", "投标人自报",
          f"{n % 4 + 1}台", "", "38000.00", "含中央站接口" if n == 1 else "") for n in range(1, 29)]
SECOND = [("29", "中央监护系统", "可同时显示不少于32床", "投标人自报", "壹", "套", "260000.00", ""),
          ("30", "转运监护仪", "内置电池续航不少于4小时", "投标人自报", "2 台", "", "42000.00", "随机配转运支架")]


def _table(document, rows, title_row: str | None = None) -> None:
    table = document.add_table(rows=len(rows) + bool(title_row), cols=len(rows[0]))
    table.style = "Table Grid"  # ruled: the PDF reader finds tables by their lines
    if title_row:
        table.cell(0, 0).merge(table.cell(0, len(rows[0]) - 1)).text = title_row
    for r, row in enumerate(rows, start=bool(title_row)):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _write_docx(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    document.add_heading("第三章 采购需求", 1)
    document.add_heading("一、货物需求一览表", 2)
    _table(document, [HEADER, *FIRST], title_row="货物需求一览表")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("续表")
    _table(document, SECOND)
    document.add_heading("二、随机备品备件", 2)
    document.add_paragraph("中标人应随设备免费提供下列备品备件：")
    _table(document, [("序号", "名称", "规格", "数量", "单位"), ("1", "血氧探头", "成人指夹式", "10", "个")])
    document.add_heading("三、评分标准", 2)
    _table(document, [("序号", "评分因素", "分值", "评分标准"), ("1", "售后服务", "10", "承诺响应时间最短的得10分")])
    document.add_heading("第六章 投标文件格式", 1)
    document.add_paragraph("附件3 分项报价表")
    _table(document, [("序号", "货物名称", "品牌型号", "数量", "单价", "总价"), ("1", "", "", "", "", "")])
    document.save(str(path))


@pytest.fixture(scope="module")
def formats(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("purchase-list")
    docx = folder / "招标文件.docx"
    _write_docx(docx)
    return {"docx": docx, "pdf": convert(docx, "pdf", folder)}


EXPECTED = [(f"床旁监护仪（{n}号病区）", n % 4 + 1, "台") for n in range(1, 29)] + [
    ("中央监护系统", 1, "套"), ("转运监护仪", 2, "台")]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_list_is_read_whole_and_nothing_else(formats, kind):
    items = find_items(read_blocks(formats[kind]))
    assert [(i.name, i.quantity, i.unit) for i in items] == EXPECTED
    assert items[0].note == "含中央站接口" and items[-1].note == "随机配转运支架"
    assert all(i.model == "" for i in items)  # 投标人自报: the bidder's to write
    assert all(not i.doubts for i in items)


def test_the_pdf_list_runs_over_pages(formats):
    pages = {b.page for b in read_blocks(formats["pdf"]) if b.cells and "监护" in b.text}
    assert len(pages) >= 2
