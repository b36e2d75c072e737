"""Write the .docx sample 招标文件 (landscaping-maintenance.docx) used by the extraction tests.

Run: .venv/bin/python tenders/samples/make_docx.py [OUT.docx]
The content is our own wording; headings use Word's Heading styles, the requirements sit in a
table, and explicit page breaks give the pages the extractor reports.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK

HERE = Path(__file__).resolve().parent

COVER = [
    "桐乡市滨河公园绿化养护服务采购项目",
    "公开招标文件",
    "项目编号：TXYL-2026-FW-0088",
    "采购人：桐乡市城市管理局",
]

NOTICE = [
    "项目名称：桐乡市滨河公园绿化养护服务采购项目",
    "采购需求：滨河公园及沿河绿带约12.6万平方米绿地的日常养护、补植及应急处置服务",
    "服务地点：桐乡市滨河公园及沿河绿带（采购人指定范围）",
    "开标时间：2026年6月18日14时00分",
]

SERVICE_TABLE = [
    ("序号", "服务项目", "服务要求"),
    ("1", "★养护期", "自竣工验收合格之日起，养护期不少于2年"),
    ("2", "苗木成活率", "乔木成活率不低于98%，灌木及地被成活率不低于95%"),
    ("3", "日常巡查", "养护期内每周巡查不少于两次，做好巡查记录"),
    ("4", "补植", "死亡或缺株苗木应在15日内按原规格补植"),
    ("5", "▲应急处置", "接到采购人通知后2小时内响应，24小时内到达现场处理"),
    ("6", "应急值守", "汛期及台风等恶劣天气期间提供7×24小时应急值守"),
    ("7", "回访", "每季度回访一次，听取采购人意见"),
    ("8", "▲技术培训", "向采购人管护人员提供不少于2次养护技术培训"),
]


def build(out: Path) -> None:
    document = Document()
    for text in COVER:
        document.add_paragraph(text)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading("第一章 招标公告", level=1)
    for text in NOTICE:
        document.add_paragraph(text)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading("第三章 服务需求", level=1)
    document.add_heading("一、服务范围", level=2)
    document.add_paragraph("中标人负责服务范围内乔木、灌木、草坪及地被的修剪、浇灌、施肥、病虫害防治和清洁保洁。")
    document.add_heading("二、养护服务要求", level=2)
    document.add_paragraph("标注“★”的为实质性要求，标注“▲”的为评分项。")
    table = document.add_table(rows=0, cols=3)
    for row in SERVICE_TABLE:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading("第四章 合同主要条款", level=1)
    document.add_paragraph("养护费用按季度支付，每季度考核合格后15个工作日内支付当季费用。")

    stamp = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    document.core_properties.author = "aftersales"
    document.save(str(out))


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "landscaping-maintenance.docx")
