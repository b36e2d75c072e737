"""The text stack shared by check and tender extract: one decoder and one size limit for text files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.errors import InputError
from generator.readers.errors import DocumentError
from generator.readers.files import TEXT_LIMIT
from generator.readers.text import decode_text
from generator.text.headings import PROPOSAL, TENDER, heading_level
from generator.text.reader import read_bytes
from generator.text.text_blocks import blocks_from_bytes

SENTENCE = "质保期为三年，接到报修后2小时内响应。\n"


@pytest.mark.parametrize("data", [SENTENCE.encode("utf-8-sig"), SENTENCE.encode("utf-16"),
                                  SENTENCE.encode("gb18030")])
def test_both_commands_decode_the_same_encodings(data: bytes) -> None:
    assert decode_text(data, "a.txt") == SENTENCE
    assert read_bytes(data, "a.txt").blocks[0].text == SENTENCE.strip()
    assert blocks_from_bytes(data, "a.txt")[0].text == SENTENCE.strip()


def test_binary_text_is_refused_by_both_commands() -> None:
    data = b"\x00\x01\x02" + SENTENCE.encode()
    with pytest.raises(DocumentError, match="二进制"):
        read_bytes(data, "a.txt")
    with pytest.raises(InputError) as raised:
        blocks_from_bytes(data, "a.txt")
    assert "二进制" in raised.value.problems[0].message


def test_one_size_limit_for_text(tmp_path: Path) -> None:
    data = b"a" * (TEXT_LIMIT + 1)
    with pytest.raises(DocumentError, match="文件过大"):
        read_bytes(data, "a.txt")
    with pytest.raises(InputError):
        blocks_from_bytes(data, "a.txt")


@pytest.mark.parametrize(("line", "proposal", "tender"), [
    ("第三章 采购需求", 1, 1),
    ("第二节 质保期", 2, 2),
    ("二、售后服务", 3, 2),
    ("（一）备件保障", 4, 3),
    ("1.2.3 响应要求", 2, 3),
    ("1. 总则", 5, None),  # a 招标文件's numbered items are requirements, not sections
    ("★二、商务要求", None, 2),
    ("一、项目名称：某医院设备采购", 3, None),  # a “字段：值” line is a field only in a 招标文件
    ("质保期为三年。", None, None),
])
def test_one_detector_two_numberings(line: str, proposal: int | None, tender: int | None) -> None:
    assert heading_level(line, PROPOSAL) == proposal
    assert heading_level(line, TENDER) == tender


def _paragraphs(text: str) -> list[str]:
    from generator.text.read_text import read_text

    return [b.norm for b in read_text(text.encode("utf-8"), "方案.txt", False).blocks]


def test_hard_wrapped_lines_are_joined_into_their_paragraph() -> None:
    text = ("我公司对本项目所供全部设备提供三年免费保修服务，保修期内\n"
            "免费更换损坏的零部件，并承担维修工程师的差旅\n"
            "费用。\n")
    assert _paragraphs(text) == ["我公司对本项目所供全部设备提供三年免费保修服务,保修期内免费更换损坏的零部件,并承担维修工程师的差旅费用。"]


def test_a_line_shorter_than_the_next_one_was_not_wrapped() -> None:
    # a title, then list lines without end punctuation: each is its own block
    text = "打印机与复印机维修服务\n整机在购买后一年内免费保修并提供上门服务\n"
    assert _paragraphs(text) == ["打印机与复印机维修服务", "整机在购买后一年内免费保修并提供上门服务"]


def test_list_lines_of_labels_or_closed_brackets_stay_apart() -> None:
    labelled = "显示屏：三年免费保修更换\n电源适配器：一年免费更换\n"
    assert _paragraphs(labelled) == ["显示屏:三年免费保修更换", "电源适配器:一年免费更换"]
    bracketed = "首年免费上门保养（含配件）\n次年电话技术支持\n"
    assert _paragraphs(bracketed) == ["首年免费上门保养(含配件)", "次年电话技术支持"]
    # a bracket that opens on the line and closes on the next is inside the sentence
    open_bracket = "免费保修期三年（自设备验收合格\n之日起计算），期满后收取成本费。\n"
    assert len(_paragraphs(open_bracket)) == 1


def test_each_list_line_gives_its_own_commitments() -> None:
    from generator.check import check_bytes

    text = "净化器保养及维修\n2年免费保修（含人工及配件）\n第3年免费上门检查\n"
    result = check_bytes(text.encode("utf-8"), "方案.txt")
    inspections = [m for m in result.mentions if m.kind == "inspection"]
    assert any("上门检查" in m.block.norm and "2年" not in m.block.norm for m in inspections)


def test_a_wrapped_line_may_be_a_little_narrower_than_the_next() -> None:
    # digits and Latin letters are set narrower, so the next line of a paragraph may hold a few more columns
    text = ("我公司对本项目所供全部设备提供三年免费保修服务并且保修期内\n"
            "免费更换CPU、SSD 512GB、DDR4 16GB内存条、主板和电源等部件并提供\n"
            "上门服务。\n")
    assert len(_paragraphs(text)) == 1
