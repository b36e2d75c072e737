"""Write tenders/attachments/授权委托书.docx: the sample attachment of the demo tender.

    .venv/bin/python scripts/make_sample_attachment.py [OUTPUT]

Written with python-docx on the standard reference document, so its styles are the proposal's
(docxcompose keeps the proposal's definitions for shared names anyway). It uses a real Word list
(List Number) to show that numbering survives the append. The text is our own; the people and the
company are the fictitious demo bidder. Same script, same bytes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from generator.write.package import normalise_zip, set_core_properties
from generator.write.styles import ensure_styles

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "templates" / "standard" / "reference.docx"
DEFAULT_OUTPUT = ROOT / "tenders" / "attachments" / "授权委托书.docx"
DATE = "2026-11-20"

PARAGRAPHS = (
    "致：北京市海淀区卫生健康委员会",
    "本授权委托书声明：周立衡系北京华辰智联科技有限公司的法定代表人，现授权委托本公司售后服务经理陈思远"
    "为我公司代理人，以我公司名义参加海淀区卫生健康委员会2026年办公信息化设备采购项目"
    "（项目编号：HDWJ-2026-GK-031）的投标活动。",
    "代理人在本项目中的权限如下：",
)
POWERS = (
    "签署投标文件、澄清与说明文件；",
    "参加开标会议，并就售后服务事项答复评标委员会的询问；",
    "参加合同谈判，签收中标通知书及与本项目有关的往来函件。",
)
CLOSING = (
    "代理人在上述权限内所签署的文件和处理的事务，我公司均予以承认。代理人无转委托权。"
    "本授权委托书自签署之日起生效，至本项目合同签订之日止。",
)
AGENT = (("姓名", "职务", "联系电话", "电子邮箱"),
         ("陈思远", "售后服务经理", "010-6288-1608", "service@huachen-demo.cn"))
AGENT_WIDTHS_MM = (24, 32, 36, 54)
SIGNATURE = ("投标人（盖章）：北京华辰智联科技有限公司", "法定代表人（签字）：", "代理人（签字）：",
             "日期：2026年11月20日")


def make_attachment() -> bytes:
    document = Document(str(REFERENCE))
    ids = ensure_styles(document)
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}p") or child.tag.endswith("}tbl"):
            body.remove(child)
    document.add_paragraph("附件一　法定代表人授权委托书", style=document.styles["Heading 1"])
    for text in PARAGRAPHS:
        document.add_paragraph(text, style=document.styles["Normal"])
    for text in POWERS:
        document.add_paragraph(text, style=document.styles["List Number"])
    for text in CLOSING:
        document.add_paragraph(text, style=document.styles["Normal"])
    document.add_paragraph("代理人基本情况：", style=document.styles["Normal"])
    table = document.add_table(rows=0, cols=len(AGENT[0]))
    table._tbl.tblPr.style = ids["Table Grid"]
    widths = [Mm(w) for w in AGENT_WIDTHS_MM]
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width.twips))  # LibreOffice reads the grid, Word the cells
    for row_index, values in enumerate(AGENT):
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths, strict=True):
            cell.width = width
            cell.paragraphs[0].text = value
            cell.paragraphs[0].style = document.styles["Table Header" if row_index == 0 else "Table Text"]
    document.add_paragraph("", style=document.styles["Normal"])
    for text in SIGNATURE:
        document.add_paragraph(text, style=document.styles["Signature Line"])
    set_core_properties(document, "法定代表人授权委托书", "北京华辰智联科技有限公司", DATE)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), DATE)


if __name__ == "__main__":
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    output.write_bytes(make_attachment())
    print(output)
