"""Text copied from a PDF, read by both text readers (the checker's read_text, tender extract's text_blocks):
numbers broken across lines, page numbers and running headers between the lines of a sentence, lines
that stop on a word needing what follows, and tables flattened to columns of spaces."""

from __future__ import annotations

from generator.text.headings import PROPOSAL, ends_mid_sentence, heading_level
from generator.text.normalize import normalise
from generator.text.pages import furniture, page_number
from generator.text.reader import read_bytes
from generator.text.text_blocks import read_text_blocks


def paragraphs(text: str) -> list[str]:
    document = read_bytes(text.encode("utf-8"), "方案.txt")
    return [block.norm for block in document.blocks if block.kind == "paragraph"]


def test_a_number_broken_across_joined_lines_is_one_number_again():
    assert normalise("承诺在3\n0分钟内响应", join_lines=True).text == "承诺在30分钟内响应"
    assert normalise("ISO 9001", join_lines=True).text == "ISO 9001"  # a space between digits stays a space
    assert normalise("共3\n0分钟").text == "共3\n0分钟"  # lines not joined keep their break


def test_page_numbers_are_told_from_numbers_in_the_text():
    assert [page_number(x) for x in ("第 2 页 共 6 页", "- 12 -", "— 3 —", "第3页", "2/6")] == [2, 12, 3, 3, 2]
    assert [page_number(x) for x in ("12", "3年", "第三章 售后服务", "1. 质保期")] == [None, None, None, None]


def test_a_running_header_is_furniture_only_beside_page_numbers():
    lines = ["某公司  售后服务方案", "质保期为3年。", "第 1 页 共 2 页", "某公司  售后服务方案", "质保期为3年。", "第 2 页 共 2 页"]
    numbers, running = furniture(lines)
    assert numbers == {2, 5} and running == {0, 3}  # the repeated sentence is text, not a header


SPLIT_BY_A_PAGE = ("华衡设备有限公司            售后服务方案\n"
                   "用户通过服务热线报修后，我公司承诺在2小时内派工程师到达现场，一般故障在8小时内修复，\n"
                   "第 2 页 共 6 页\n"
                   "华衡设备有限公司            售后服务方案\n"
                   "重大故障在24小时内修复。\n"
                   "第 3 页 共 6 页\n")


def test_the_checker_reads_a_sentence_on_across_the_page_end():
    document = read_bytes(SPLIT_BY_A_PAGE.encode("utf-8"), "方案.txt")
    body = [b.norm for b in document.blocks if b.kind == "paragraph"]
    assert body == ["用户通过服务热线报修后,我公司承诺在2小时内派工程师到达现场,一般故障在8小时内修复,重大故障在24小时内修复。"]
    assert [b.text for b in document.blocks if b.kind == "header"] == ["华衡设备有限公司 售后服务方案"]


def test_tender_extract_reads_a_sentence_on_across_the_page_end():
    blocks = read_text_blocks(SPLIT_BY_A_PAGE)
    assert [b.text for b in blocks] == [
        "用户通过服务热线报修后，我公司承诺在2小时内派工程师到达现场，一般故障在8小时内修复，\n重大故障在24小时内修复。"]
    assert blocks[0].page == 2  # the page it began on
    sheets = read_text_blocks(SPLIT_BY_A_PAGE.replace("第 2 页 共 6 页\n", "\f").replace("第 3 页 共 6 页\n", ""))
    assert [(b.text, b.page) for b in sheets] == [(blocks[0].text, 1)]  # form feeds as page ends


def test_a_line_stopping_on_a_word_that_needs_what_follows_goes_on():
    assert ends_mid_sentence("所投设备质保期为") and ends_mid_sentence("质保期不少于")
    assert ends_mid_sentence("须在3", "0分钟内响应") and not ends_mid_sentence("须在3", "第二章")
    assert not ends_mid_sentence("四、服务目的") and not ends_mid_sentence("服务响应")
    assert heading_level("2. 质保期：所投设备质保期为", PROPOSAL) is None  # a broken sentence, not a title
    assert paragraphs("2. 质保期：所投设备质保期为\n5年，自验收合格之日起计算。\n") == ["2.质保期:所投设备质保期为5年,自验收合格之日起计算。"]
    blocks = read_text_blocks("1. ★响应时间：中标人接到采购人报修通知后，须在3\n0分钟内响应。\n2. 其他。\n")
    assert blocks[0].text == "1. ★响应时间：中标人接到采购人报修通知后，须在3\n0分钟内响应。"


def test_a_table_flattened_to_columns_of_spaces_is_read_as_rows():
    blocks = read_text_blocks("序号   项目          具体要求\n1      质保期        不少于5年\n2      响应时间      1小时内\n")
    assert [b.cells for b in blocks] == [("序号", "项目", "具体要求"), ("1", "质保期", "不少于5年"), ("2", "响应时间", "1小时内")]
    assert blocks[1].header == ("序号", "项目", "具体要求")
    assert read_text_blocks("在 1小时内 响应。\n")[0].cells == ()  # stray single spaces are no columns


def test_the_checker_reads_a_table_flattened_to_columns_of_spaces():
    text = ("序号    服务项目      承诺内容\n"
            "1       到场时间      市区2小时内\n"
            "2                     郊县4小时内\n"
            "以上承诺均为正式承诺。\n")
    document = read_bytes(text.encode("utf-8"), "方案.txt")
    rows = [document.row_texts(b.cell) for b in document.blocks if b.cell is not None and b.cell.col == 0]
    # the empty cell a row opens with carries the text above down, as a merged cell does
    assert rows == [["序号", "服务项目", "承诺内容"], ["1", "到场时间", "市区2小时内"], ["2", "到场时间", "郊县4小时内"]]
    assert [b.norm for b in document.blocks if b.kind == "paragraph"] == ["以上承诺均为正式承诺。"]
