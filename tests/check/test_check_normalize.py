"""Normalisation keeps a map back to the original text, so quotes stay verbatim."""

import pytest

from generator.text.document import Block
from generator.text.normalize import normalise


@pytest.mark.parametrize("raw, expected", [
    ("接到報修後２４小時內響應", "接到报修后24小时内响应"),  # Traditional + full-width digits
    ("在 1 小时内到达", "在1小时内到达"),  # spaces around numbers (PDF extraction)
    ("尊 重客户", "尊重客户"),  # stray space inside a word
    ("ISO 9001 认证", "ISO 9001认证"),  # a space between two ASCII words stays
    ("1. 24小时内排除", "1. 24小时内排除"),  # list number and value are not merged into 1.24
    ("质保期：（  ）年", "质保期:()年"),  # full-width punctuation → half-width
])
def test_normalise(raw, expected):
    assert normalise(raw).text == expected


def test_line_breaks_are_separators_unless_lines_were_joined():
    assert normalise("一\n\n二").text == "一\n二"
    assert normalise("留一\n\n片赞美", join_lines=True).text == "留一片赞美"


def test_quote_returns_original_text_around_a_normalised_span():
    block = Block(1, "第一节", "公司派专人 3 小时内赶到現場")
    norm = block.norm
    start = norm.index("3小时")
    assert block.quote(start, start + 3, context=0) == "3 小时"
    assert block.quote(start, start + 3, context=3) == "专人 3 小时内赶到"
