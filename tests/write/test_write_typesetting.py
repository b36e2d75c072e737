"""Typesetting (issue 15 item 7): identifiers and phone numbers do not break at their hyphens, list
items hang, table columns are sized from their content, and a TOC does not end on an orphan page."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from generator.readers.docx import read_docx
from generator.render.blocks import Heading, ListBlock, Paragraph, Proposal, Table, Toc
from generator.write.docx_writer import _column_widths, header_lines, write_docx
from generator.write.toc_fit import fitted_spacing

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "templates" / "standard" / "reference.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_WIDTH = 5270000  # EMU: A4 less 31.8 mm margins


def written(*blocks) -> bytes:
    return write_docx(Proposal(tuple(blocks), "某项目", "售后服务方案", "某公司", "2026-11-20"), REFERENCE)


def body(data: bytes):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(f"{W}body")


INVISIBLE = ("\u2060", "\u200b", "\ufeff", "\u2011")  # word joiner, zero-width space, BOM, U+2011


def copied_text(paragraph) -> str:
    """The paragraph's text as Word copies it out: w:t text, w:noBreakHyphen as the hyphen it draws."""
    return "".join("-" if node.tag == f"{W}noBreakHyphen" else node.text or ""
                   for node in paragraph.iter(f"{W}t", f"{W}noBreakHyphen"))


def test_hyphens_inside_identifiers_do_not_break_and_read_back_as_hyphens() -> None:
    text = "项目编号：HDWJ-2026-GK-031，服务热线010-6288-1608，证书编号SAS-2025-0417；响应 - 到场"
    data = written(Paragraph(text))
    paragraph = body(data).find(f"{W}p")
    assert len(paragraph.findall(f".//{W}noBreakHyphen")) == 7  # the spaced dash stays a plain hyphen
    written_text = "".join(t.text for t in paragraph.iter(f"{W}t"))
    assert written_text.count("-") == 1 and not any(char in written_text for char in INVISIBLE)
    assert copied_text(paragraph) == text
    assert [item.text for item in read_docx(data, "a.docx").items if item.part == "body"] == [text]
    from docx import Document

    assert Document(io.BytesIO(data)).paragraphs[0].text == text  # python-docx, as other tools read it


def test_a_standard_code_stays_with_its_number_and_reads_back_as_a_space() -> None:
    text = "依据《复印纸》（GB/T 24988）、ISO/IEC 27001 和 CJJ 45，适用于 Windows 10 系统"
    paragraph = body(written(Paragraph(text))).find(f"{W}p")
    written_text = "".join(t.text for t in paragraph.iter(f"{W}t"))
    assert "GB/T\u00a024988" in written_text and "ISO/IEC\u00a027001" in written_text and "CJJ\u00a045" in written_text
    assert "Windows 10" in written_text  # a word, not a code of capitals
    assert written_text.replace("\u00a0", " ") == text

    from generator.check import check_document
    from generator.text.reader import read_bytes

    document = read_bytes(written(Paragraph(text)), "a.docx")
    assert any("GB/T 24988" in block.norm and "ISO/IEC 27001" in block.norm for block in document.blocks)
    assert not check_document(document).findings


def test_document_text_holds_no_invisible_characters() -> None:
    """Every paragraph of a proposal full of numbers and identifiers, in body text and table cells,
    copies out as the plain text it was written from."""
    texts = ["服务热线400-810-6608，7×24小时值守，编号ZB-2026-017，2小时到场", "型号DN50/DN80-2，A-B级"]
    data = written(*(Paragraph(t) for t in texts), Table(("编号", "说明"), (("HD-01", texts[0]),)))
    document = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    assert not any(char in (node.text or "") for node in document.iter(f"{W}t") for char in INVISIBLE)
    copied = [copied_text(p) for p in body(data).iter(f"{W}p")]
    assert texts[0] in copied and texts[1] in copied and "HD-01" in copied
    assert copied.count(texts[0]) == 2


def test_numbers_keep_their_units_by_the_chinese_line_breaking_rules() -> None:
    """30分钟, 7×24小时, 2027年: a digit, × or / may not end a line of Chinese text (w:noLineBreaksAfter),
    Word's own characters that may not end a line (opening brackets and quotes) are kept."""
    settings = etree.fromstring(zipfile.ZipFile(io.BytesIO(written(Paragraph("市区30分钟到场")))).read("word/settings.xml"))
    [rule] = settings.findall(f"{W}noLineBreaksAfter")
    assert rule.get(f"{W}lang") == "zh-CN"
    assert set("0123456789×/") | set("（《“‘【〔") <= set(rule.get(f"{W}val"))
    assert not set("，。、：；）》”") & set(rule.get(f"{W}val"))  # those may end a line
    names = [node.tag for node in settings]
    assert names.index(f"{W}characterSpacingControl") < names.index(f"{W}noLineBreaksAfter")


def test_list_items_hang_from_their_mark() -> None:
    data = written(ListBlock(("第一项，文字较长时折行后与首行文字对齐", "第二项"), ordered=True),
                   ListBlock(tuple(f"第{i}项" for i in range(1, 12)), ordered=False))
    paragraphs = body(data).findall(f"{W}p")
    assert len(paragraphs) == 13
    indents = [p.find(f"{W}pPr/{W}ind") for p in paragraphs]
    assert all(ind is not None and int(ind.get(f"{W}left")) - int(ind.get(f"{W}hanging")) == 480 for ind in indents)
    assert paragraphs[0].find(f".//{W}tab") is not None  # mark, tab, text
    assert [item.text for item in read_docx(data, "a.docx").items if item.part == "body"][:2] == [
        "1.\t第一项，文字较长时折行后与首行文字对齐", "2.\t第二项"]


TRAINING = Table(("序号", "培训对象", "培训内容", "课时（小时）", "培训方式", "培训地点"),
                 (("1", "系统管理员", "设备架构、日常巡检、配置备份与恢复", "4", "现场讲解与上机操作", "采购人指定地点"),
                  ("2", "终端使用人员", "设备开关机、常见问题自行排查、安全使用注意事项", "2", "现场集中授课", "采购人指定地点"),
                  ("合计", "—", "—", "6", "—", "—")))


def _row_lines(table: Table, widths: list) -> list[int]:
    """Lines of each body row at these column widths (as ColumnFit counts them)."""
    from generator.write.docx_writer import CELL_PADDING, TABLE_CHAR, ColumnFit

    fit = ColumnFit(table)
    lines = [fit._column_lines(c, (w - CELL_PADDING) / TABLE_CHAR) for c, w in enumerate(widths)]
    return [max(column[r] for column in lines) for r in range(1, len(table.rows) + 1)]


def test_the_column_of_the_longest_text_is_the_widest() -> None:
    """The training table: 培训内容 holds the longest text and gets the most width, although five short
    columns (采购人指定地点, 终端使用人员 …) would each like to keep one line; no row is taller than two."""
    widths = _column_widths(TRAINING, TEXT_WIDTH)
    assert sum(widths) <= TEXT_WIDTH
    assert widths[2] == max(widths) and widths[2] > 1.5 * max(w for i, w in enumerate(widths) if i != 2)
    assert _row_lines(TRAINING, widths) == [2, 2, 1]
    # the widths the short labels alone would ask for leave the content three or four lines a row
    everything_short = [w * 10.5 * 12700 + (2 * 5.4 + 2) * 12700 for w in (2, 6, 0, 4, 6, 7)]
    everything_short[2] = TEXT_WIDTH - sum(everything_short)
    assert max(_row_lines(TRAINING, everything_short)) >= 3
    assert header_lines("课时（小时）") == ["课时", "（小时）"]
    assert header_lines("序号") == ["序号"]


def test_toc_spacing_is_tightened_only_for_an_orphan_last_page() -> None:
    page = 698.0  # points of text height on A4 with 25.4 mm margins
    assert fitted_spacing(80, page, 12, 1.5) is not None  # 80 entries: 3 full pages and 1–2 lines
    assert fitted_spacing(88, page, 12, 1.5) is not None  # the demo's TOC: 3 full pages and 8–9 lines
    assert fitted_spacing(45, page, 12, 1.5) is None  # the last page is well filled
    assert fitted_spacing(20, page, 12, 1.5) is None  # one page
    spacing = fitted_spacing(80, page, 12, 1.5)
    assert spacing is not None and 1.15 <= spacing < 1.5
    capacity = page / (12 * 1.43 * spacing)
    assert 80 + 2.5 <= 3 * capacity  # the entries now fit one page fewer


def test_writer_tightens_the_toc_styles_of_a_long_toc() -> None:
    entries = tuple(Heading(1 if i % 5 == 0 else 2, f"第{i}节" if i % 5 == 0 else f"{i}、", "标题")
                    for i in range(80))
    data = written(Toc(entries=entries), Paragraph("正文"))
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))
    lines = {style.get(f"{W}styleId"): style.find(f"{W}pPr/{W}spacing").get(f"{W}line")
             for style in styles.iter(f"{W}style") if style.get(f"{W}styleId") in ("toc1", "toc2")}
    assert set(lines) == {"toc1", "toc2"} and all(int(line) < 360 for line in lines.values())


def _cover_title(title: str):
    from generator.render.blocks import Cover

    data = written(Cover(title, "售后服务方案", (("项目编号：", "SZCG-2026-SB-0412"),)))
    paragraphs = body(data).findall(f"{W}p")
    return next(p for p in paragraphs if p.find(f".//{W}t") is not None), data


def test_long_cover_title_breaks_at_a_word_boundary_and_reads_back_whole_lines() -> None:
    title = "蜀州市图书馆新馆及少年儿童分馆乘客电梯、无障碍电梯采购与安装项目"
    paragraph, data = _cover_title(title)
    assert len(paragraph.findall(f".//{W}br")) == 1 and paragraph.find(f".//{W}sz") is None
    texts = [item.text for item in read_docx(data, "a.docx").items if item.part == "body"]
    assert texts[0] == "蜀州市图书馆新馆及少年儿童分馆\n乘客电梯、无障碍电梯采购与安装项目"


def test_cover_title_without_boundaries_is_set_one_size_smaller() -> None:
    paragraph, _ = _cover_title("一二三四五六七八九十" * 2 + "一二")
    assert paragraph.find(f".//{W}br") is None
    assert paragraph.find(f".//{W}sz").get(f"{W}val") == "36"  # 小二 (18 pt) instead of 二号


def test_digits_are_in_a_latin_language_so_libreoffice_keeps_numbers_whole() -> None:
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(written(Paragraph("市区30分钟到场")))).read("word/styles.xml"))
    lang = styles.find(f"{W}docDefaults").find(f".//{W}lang")
    assert (lang.get(f"{W}val"), lang.get(f"{W}eastAsia")) == ("en-US", "zh-CN")


def test_checker_reads_word_joiners_as_nothing() -> None:
    """Documents written by older versions of the generator joined identifiers with U+2060."""
    from generator.text.normalize import normalise

    for join_lines in (False, True):
        result = normalise("热线400\u2060-\u2060810\u2060-\u20606608，编号HD\u2060WJ", join_lines=join_lines)
        assert result.text == "热线400-810-6608,编号HDWJ"
        assert result.original_index(result.text.index("810")) == len("热线400\u2060-\u2060")


def test_columns_of_long_text_share_the_width_in_proportion_to_their_text() -> None:
    """A 偏离表: the explanation, the longest text, is the widest column; short cells keep one line."""
    table = Table(("序号", "招标要求", "投标响应", "偏离情况", "说明"),
                  (("1", "★发生困人故障时，维保人员30分钟内到达现场", "到达现场时间：一级故障30分钟", "无偏离",
                    "承诺一级故障30分钟，满足“不超过30分钟”的要求"),
                   ("2", "全部电梯于2027年2月28日前到货", "供货期：90天", "正偏离",
                    "承诺90天（自投标日期起算，2027年2月3日前完成），优于“2027年2月28日前”的要求")))
    widths = _column_widths(table, TEXT_WIDTH)
    assert sum(widths) <= TEXT_WIDTH
    assert widths[4] == max(widths) and widths[4] > widths[1] >= widths[2] > widths[3]
    assert max(_row_lines(table, widths)) <= 4  # as LibreOffice lays it out: 4 lines in the 说明 column
    char, padding = 10.5 * 12700, (2 * 5.4 + 2) * 12700
    for column, text in ((2, "供货期：90天"), (3, "正偏离"), (0, "序号")):
        needed = sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text) * char + padding
        assert widths[column] >= needed - 1, (column, text)


def _keeps_with_next(paragraph) -> bool:
    return paragraph.find(f"{W}pPr/{W}keepNext") is not None


def test_signature_keeps_the_closing_paragraphs_on_its_page() -> None:
    """特此承诺 and the paragraph before it go with the 落款, so it never stands alone on the last page
    (keep-with-next: the last lines of the paragraph before it move along, not necessarily all of it)."""
    from generator.render.blocks import Signature

    lines = (("投标人（盖章）：", "某公司"), ("法定代表人或授权代表（签字）：", ""), ("日期：", "2026年11月20日"))
    data = written(Paragraph("第一段。"), Paragraph("以上承诺我公司保证严格履行。"), Paragraph("特此承诺。"),
                   Signature(lines))
    paragraphs = body(data).findall(f"{W}p")
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in paragraphs]
    assert [_keeps_with_next(p) for p in paragraphs] == [False, True, True, True, True, True, False], texts
    assert texts[-3:] == ["投标人（盖章）：某公司", "法定代表人或授权代表（签字）：", "日期：2026年11月20日"]


def test_signature_after_a_table_keeps_nothing_before_the_table() -> None:
    from generator.render.blocks import Signature

    data = written(Paragraph("表前。"), Table(("项目", "内容"), (("甲", "乙"),)), Signature((("日期：", "某日"),)))
    first = body(data).find(f"{W}p")
    assert _keeps_with_next(first)  # the lead-in stays with its table, as before
    assert body(data).findall(f"{W}p")[-1].find(f"{W}pPr/{W}keepNext") is None


def test_a_column_of_amounts_is_counted_with_its_numbers_kept_whole() -> None:
    """每小时200元，: the number, its unit and the comma after them go to the next line together, so
    a wrapped line of such text holds less. Counted as if it held as much, the 违约金标准 column was given
    13 characters and LibreOffice set each amount on three lines beside a half-empty 违约情形 column."""
    amounts = [("1", "未在承诺时限内响应", "按逾期小时数计，每小时200元，不足整小时的按整小时计"),
               ("2", "未在承诺时限内到达现场", "按逾期小时数计，每小时500元，不足整小时的按整小时计"),
               ("3", "未在承诺时限内排除故障，且未提供替代措施", "按逾期天数计，每天1000元，不足整天的按整天计"),
               ("4", "同一事项经采购人书面催告后仍未履行", "采购人可另行委托第三方处理，所需费用由我公司承担")]
    table = Table(("序号", "违约情形", "违约金标准"), tuple(amounts))
    widths = _column_widths(table, TEXT_WIDTH)
    char, padding = 10.5 * 12700, (2 * 5.4 + 2) * 12700
    assert (widths[2] - padding) / char >= 15  # two lines of 14 characters, one lost to 200元，
    assert max(_row_lines(table, widths)) == 2
    # plain Chinese text keeps the usual count: its column is not widened for numbers it does not have
    plain = Table(("序号", "违约情形", "处理"), tuple((n, s, a.replace("200元", "二百元").replace("500元", "五百元")
                                                       .replace("1000元", "一千元")) for n, s, a in amounts))
    assert _column_widths(plain, TEXT_WIDTH)[2] < widths[2]
