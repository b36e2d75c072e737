"""Documents the rendering tests build: a letterhead, a WPS-like copy of it, fixture proposals."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm, Pt, RGBColor

from generator.render.blocks import Heading, PageBreak, Paragraph, Proposal, Signature, Table
from generator.write.styles import set_east_asian_font

ROOT = Path(__file__).resolve().parents[2]
LETTERHEAD_NAME = "华辰智联信笺抬头"
LETTERHEAD_FOOTER = "公司地址：北京市海淀区学院路甲18号　客服热线：400-810-6608"


def example_tenders() -> list[Path]:
    """tenders/demo.yaml and every tenders/examples/*.yaml."""
    return [ROOT / "tenders" / "demo.yaml", *sorted((ROOT / "tenders" / "examples").glob("*.yaml"))]


def example_name(tender: Path) -> str:
    return tender.stem if tender.parent == ROOT / "tenders" else f"examples/{tender.stem}"


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A solid-colour PNG, enough for a logo placeholder."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


def letterhead_source(path: Path, logo: Path) -> None:
    """A bidder's letterhead as python-docx writes it: logo + name in the header, address in the footer,
    仿宋 body in dark grey. It has none of the generator's own styles (Cover Title, Table Text …)."""
    logo.write_bytes(png(240, 80, (30, 80, 160)))
    document = Document()
    normal = document.styles["Normal"]
    set_east_asian_font(normal.element, "仿宋")
    normal.font.size = Pt(12)
    normal.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(28)
    header = section.header.paragraphs[0]
    header.add_run().add_picture(str(logo), width=Mm(24))
    run = header.add_run("　" + LETTERHEAD_NAME)
    run.font.color.rgb = RGBColor(30, 80, 160)
    set_east_asian_font(run._r, "黑体")
    footer = section.footer.paragraphs[0]
    footer.text = LETTERHEAD_FOOTER
    for story in (header, footer):
        for r in story.runs:
            if r.text:
                set_east_asian_font(r._r, "黑体")
    document.add_paragraph("信笺正文示例：本段在生成时会被删除。")
    document.save(str(path))


def wps_like(source: Path, target: Path) -> None:
    """The LibreOffice-saved letterhead with localized style names (标题 1, 目录 1) and without the
    Table Grid table style, as WPS and LibreOffice-native documents often come."""
    document = Document(str(source))
    for style in document.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH or not style.name:
            continue
        for n in range(1, 4):
            if style.name.lower() == f"heading {n}":
                style.name = f"标题 {n}"
            if style.name.lower() == f"toc {n}":
                style.name = f"目录 {n}"
    for style in list(document.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name == "Table Grid":
            style.delete()
    document.save(str(target))


def proposal(blocks: list, title: str) -> Proposal:
    return Proposal(blocks=tuple(blocks), header_text=f"渲染测试　{title}", title=title, author="渲染测试",
                    date_iso="2026-11-20")


LONG_TABLE_HEADER = ("序号", "检查项目", "检查内容与标准要求", "周期")


def long_table() -> Proposal:
    """A table of 90 two-line rows: its header row must repeat on every page and no row may split."""
    rows = tuple((str(n), f"检查项目{n}号", f"第{n}行首段：外观与运行状态良好\n第{n}行续段：记录完整并由采购人签认", "每季度")
                 for n in range(1, 91))
    return proposal([Heading(1, "第一节", "巡检项目一览"), Paragraph("巡检项目如下表所列。"),
                     Table(LONG_TABLE_HEADER, rows), Paragraph("表后说明：以上项目按周期执行。")], "长表格")


SWEEP = range(1, 31)  # filler paragraphs before each signature: covers every line position of a page


def signature_sweep(keep_together: bool) -> Proposal:
    """One letter per page-start, each with n one-line paragraphs before its signature block, so that
    some block falls across a page boundary unless it is kept together. Without keep_together the
    signature lines are plain paragraphs (the control that proves the sweep reaches a boundary)."""
    blocks: list = []
    for n in SWEEP:
        blocks.append(PageBreak())
        blocks.extend(Paragraph(f"第{n}组第{i}段。") for i in range(1, n + 1))
        lines = (("投标人（盖章）：", f"样例{n}号公司"), ("法定代表人或授权代表（签字）：", ""), ("日期：", f"第{n}组日期"))
        if keep_together:
            blocks.append(Signature(lines))
        else:
            blocks.extend(Paragraph(label + value) for label, value in lines)
    return proposal(blocks, "签章测试")


NUMBERS_TEXT = ("市区30分钟到场，中修12小时修复，7×24小时值守，服务热线400-810-6608，编号HDWJ-2026-GK-031号，"
                "2027年2月28日前到货")
NUMBERS_ID = "HDWJ-2026-GK-031"
NUMBERS = {"30", "12", "7", "24", "400", "810", "6608", "2027", "2", "28", "HDWJ", "2026", "GK", "031"}  # whole runs
NUMBERS_TITLE = "蜀州市图书馆新馆及少年儿童分馆乘客电梯、无障碍电梯采购与安装项目"
NUMBERS_TITLE_LINES = ("蜀州市图书馆新馆及少年儿童分馆", "乘客电梯、无障碍电梯采购与安装项目")


def numbers_sweep() -> Proposal:
    """A long cover title, then NUMBERS_TEXT shifted by one character at a time in paragraphs and in
    the narrow columns of a table, so that every digit of it reaches the end of some line."""
    from generator.render.blocks import Cover

    lead = "字"
    # two columns of about 20 characters: each number or identifier, with the unit or punctuation bound to
    # it (HDWJ-2026-GK-031号，), fits a line
    rows = tuple((lead * k + NUMBERS_TEXT, lead * (k + 10) + NUMBERS_TEXT) for k in range(10))
    return proposal([Cover(NUMBERS_TITLE, "售后服务方案", ()), PageBreak(),
                     *(Paragraph(lead * k + NUMBERS_TEXT) for k in range(36)),
                     Table(("要求", "响应"), rows)], "数字测试")


UNITS_TEXTS = ("▲系统故障报修后30分钟内响应", "承诺30天，满足“30天内”的要求")
UNITS_WIDTHS = range(2450, 2850, 12)  # the 说明 column, in 1/10000 of the text width: 0.5 pt a step, 16 pt in all


def units_sweep() -> Proposal:
    """Quoted tender text in the narrow column of a 偏离表, the column a little wider in each table: in
    some table each number ends a line within LibreOffice's Latin/Asian spacing of the cell's edge, where
    LibreOffice 7.4 ends the line without its forbidden characters (see office/uno_worker)."""
    blocks: list = [Heading(1, "第一节", "偏离表窄列")]
    for n, width in enumerate(UNITS_WIDTHS, 1):
        blocks.append(Table(("序号", "说明"), tuple((f"第{n}表{i}", text) for i, text in enumerate(UNITS_TEXTS, 1)),
                            widths=(10000 - width, width)))
    return proposal(blocks, "单位测试")


def without_line_rules(source: Path, target: Path) -> None:
    """The control: the same document without what keeps numbers whole, as it was written before the
    fix: Latin text and digits in zh-CN, plain hyphens, and no Chinese line-breaking rules in settings."""
    import re
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b'<w:lang w:val="en-US" w:eastAsia="zh-CN"', b'<w:lang w:val="zh-CN" w:eastAsia="zh-CN"')
            if item.filename == "word/settings.xml":
                data = re.sub(rb"<w:noLineBreaksAfter [^>]*/>", b"", data)
            if item.filename == "word/document.xml":
                data = re.sub(rb'</w:t><w:noBreakHyphen/><w:t(?: xml:space="preserve")?>', b"-", data)
            zout.writestr(item, data)
