"""The cover title breaks only between words, and shrinks one size when no boundary fits."""

from __future__ import annotations

import pytest

from generator.write.cover_title import boundaries, layout

LINE = 415.0  # points: A4 with the standard reference's 31.8 mm side margins


def test_short_title_stays_on_one_line_at_its_size() -> None:
    assert layout("蜀州市图书馆新馆电梯采购及安装项目", LINE, 22.0).lines == ("蜀州市图书馆新馆电梯采购及安装项目",)


@pytest.mark.parametrize(("title", "expected"), [
    ("蜀州市图书馆新馆及少年儿童分馆乘客电梯、无障碍电梯采购与安装项目",
     ("蜀州市图书馆新馆及少年儿童分馆", "乘客电梯、无障碍电梯采购与安装项目")),
    ("海淀区卫生健康委员会2026年办公信息化设备采购项目", ("海淀区卫生健康委员会", "2026年办公信息化设备采购项目")),
    ("某某省某某市某某区某某街道办事处社区卫生服务中心医疗设备采购项目",
     ("某某省某某市某某区某某街道办事处", "社区卫生服务中心医疗设备采购项目")),
])
def test_long_title_breaks_at_a_word_boundary_into_even_lines(title: str, expected: tuple[str, ...]) -> None:
    result = layout(title, LINE, 22.0)
    assert result.lines == expected and result.size == 22.0
    assert "".join(result.lines) == title


def test_brackets_digits_and_words_are_never_split() -> None:
    title = "某某大学2026年（第二批次采购项目）教学设备采购项目"
    cuts = boundaries(title)
    inside = range(title.index("（") + 1, title.index("）") + 1)
    assert not set(cuts) & set(inside), "括号内不断行"
    assert title.index("026") not in cuts and title.index("26") not in cuts
    assert title.rindex("采购") in cuts and title.rindex("采购") + 2 in cuts


def test_no_line_starts_with_a_pause_mark() -> None:
    title = "甲乙丙丁局、戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥采购项目"
    for cut in boundaries(title):
        assert title[cut] not in "、，：", title[cut:]


def test_title_without_boundaries_shrinks_one_size() -> None:
    title = "一二三四五六七八九十" * 2 + "一二"  # 22 characters, no word boundary: too wide at 22 pt
    result = layout(title, LINE, 22.0)
    assert result == type(result)((title,), 18.0)


def test_title_too_long_for_two_lines_takes_the_fewest_lines() -> None:
    title = "北京市海淀区教育委员会2026年中小学校园安防监控系统升级改造项目（二期）"
    result = layout(title, LINE, 22.0)
    assert "".join(result.lines) == title and len(result.lines) == 3
    assert all(not line.startswith(("园", "期", "）")) for line in result.lines)
