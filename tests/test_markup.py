import pytest

from generator.render.blocks import ListBlock, PageBreak, Paragraph, Table
from generator.render.markup import MarkupError, SignatureMarker, SubHeading, parse
from generator.render.numbering import Counter, chinese_ordinal


def test_blocks_from_markup():
    text = """第一行
第二行

# 小标题
- 甲
- 乙
1. 一
2. 二

| 列一 | 列二 |
|---|---|
| a | b\\|c |
>> 落款
<< 致：采购人
[[签章]]
[[分页]]
"""
    blocks = parse(text)
    assert blocks[0] == Paragraph("第一行第二行")
    assert blocks[1] == SubHeading(1, "小标题")
    assert blocks[2] == ListBlock(("甲", "乙"), ordered=False)
    assert blocks[3] == ListBlock(("一", "二"), ordered=True)
    assert blocks[4] == Table(("列一", "列二"), (("a", "b|c"),))
    assert blocks[5] == Paragraph("落款", style="right")
    assert blocks[6] == Paragraph("致：采购人", style="flush")
    assert isinstance(blocks[7], SignatureMarker) and isinstance(blocks[8], PageBreak)


def test_ragged_table_is_an_error_with_its_line():
    with pytest.raises(MarkupError) as error:
        parse("| a | b |\n| 1 |\n")
    assert error.value.line == 2


def test_numbering_levels_and_resets():
    counter = Counter()
    assert [counter.next(1), counter.next(2), counter.next(3), counter.next(4), counter.next(5)] == [
        "第一节", "一、", "（一）", "1.", "（1）"]
    assert counter.next(2) == "二、"
    assert counter.next(3) == "（一）"
    assert counter.next(1) == "第二节"
    assert counter.next(2) == "一、"
    assert [chinese_ordinal(n) for n in (10, 11, 20, 21)] == ["十", "十一", "二十", "二十一"]


@pytest.mark.parametrize("text", ["名称", "2", "两名", "ABC123", "# 标题", "1. 列表", "1．列表", "a|b", "- x", "[[签章]]",
                                  ">> 右", "<< 左", " 2、", "甲\n乙", "\ue002已有", "x\ue003y", "", "Ⅻ", "２．"])
def test_inert_values_never_read_as_markup(text: str) -> None:
    from generator.render.markup import _MARKER_START, _PRIVATE, INERT, VALUE_PIPE, inert, literal

    made = inert(text)
    full = _PRIVATE.sub("", text).replace("\r", " ").replace("\n", " ").replace("|", VALUE_PIPE)
    assert made == (INERT + full if _MARKER_START.match(full) else full)  # the fast path changes nothing
    assert literal(made) == _PRIVATE.sub("", text).replace("\r", " ").replace("\n", " ")
    assert parse(f"开头{made}")[0] == Paragraph(literal(f"开头{made}"))


def test_table_cells_with_and_without_escaped_pipes():
    table = parse("| 甲 | 乙 |\n|---|---|\n| a\\|b | c |\n| d | e |")[0]
    assert table == Table(("甲", "乙"), (("a|b", "c"), ("d", "e")))


def test_lines_that_only_look_like_markup_are_text():
    text = ("第一行\n-5℃以下也能运行\n2026年起执行\n[注]见附件\n>x<\n\n- 项目\n续写\n1．其次\n| 甲 | 乙 |\n| 1 | 2 |\n表后文字\n"
            "１、全角数字")
    assert parse(text) == [
        Paragraph("第一行-5℃以下也能运行2026年起执行[注]见附件>x<"),
        ListBlock(("项目续写",), False),
        ListBlock(("其次",), True),
        Table(("甲", "乙"), (("1", "2"),)),
        Paragraph("表后文字"),
        ListBlock(("全角数字",), True),
    ]
