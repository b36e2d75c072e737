"""Forms real proposals use that the checker reads: conversion debris, return windows, regions named
by place, calendar days, reference points that are not deadlines, and placeholder forms.
The sentences are written for these tests."""

from helpers import findings, mentions


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.kind, m.value.display if m.value else None, m.qualifier) for m in mentions(text)]


def test_pinyin_debris_after_traditional_characters_is_ignored():
    assert summary("我公司对所供产品提供三年免費(fèi)質(zhì)保服務(wù)。") == [("warranty", "3年", None)]


def test_a_return_window_is_not_the_repair_warranty():
    text = "自收货之日起7天内可无理由退货，一年内免费保修。"
    assert summary(text) == [("warranty", "7天", "退货"), ("warranty", "1年", None)]
    assert not [f for f in findings(text) if f.rule == "conflicting-commitment"]


def test_regions_named_by_provinces_are_tiers_not_a_conflict():
    text = "江苏、浙江区域8小时内到达现场，其他地区24小时内到达现场。"
    assert summary(text) == [("onsite_arrival", "8小时", "江苏、浙江区域"), ("onsite_arrival", "24小时", "其他地区")]
    assert not [f for f in findings(text) if f.rule == "conflicting-commitment"]


def test_calendar_days():
    assert summary("接到报修后3个日历天内解决故障。") == [("resolution", "3天", None)]


def test_placeholders_before_units_and_fields_left_for_later():
    messages = [f.message for f in findings("质保期为**年，售后费用*元。") if f.rule == "placeholder"]
    assert messages and "**" in messages[0]
    assert [f.rule for f in findings("交货时间：待定。")] == ["placeholder"]
    assert [f.rule for f in findings("服务网点地址：待填写。")] == ["placeholder"]
    assert not findings("我公司将按季度安排定期巡检，并等待定制件到货后统一安装。")
