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
