"""Values a naive pattern misses (TECH-NOTES) are read with the right unit and hours."""

import pytest

from generator.text.values import find_values


@pytest.mark.parametrize("text, display, hours", [
    ("30分钟以内", "30分钟", 0.5),
    ("1.5小时", "1.5小时", 1.5),
    ("半小时", "30分钟", 0.5),
    ("一百二十分钟", "120分钟", 2.0),
    ("48h", "48小时", 48.0),
    ("二十四小时", "24小时", 24.0),
    ("24-48小时", "24-48小时", 48.0),
    ("两小时", "2小时", 2.0),
    ("叁年", "3年", None),
    ("十二个月", "12个月", None),
    ("3个工作日", "3个工作日", None),
])
def test_durations(text, display, hours):
    (value,) = find_values(text)
    assert (value.vtype, value.display, value.hours) == ("duration", display, hours)


@pytest.mark.parametrize("text, display", [
    ("7×24", "7×24小时"), ("7*24小时", "7×24小时"), ("7x24x365", "7×24小时"), ("5×8", "5×8小时"),
    ("24小时开机", "7×24小时"), ("7×12h", "7×12小时"),
])
def test_schedules(text, display):
    (value,) = find_values(text)
    assert (value.vtype, value.display) == ("schedule", display)


@pytest.mark.parametrize("text, display", [
    ("每季度一次", "每季度一次"), ("每半年派员上门保养设备一次", "每半年一次"), ("每隔3个月", "每季度一次"),
    ("一年两次", "每年两次"), ("每半年至少一次", "每半年一次"), ("每月", "每月一次"),
])
def test_frequencies(text, display):
    (value,) = find_values(text)
    assert (value.vtype, value.display) == ("frequency", display)


@pytest.mark.parametrize("text", ["2026年11月20日", "两三天", "11月15日前", "第3年", "每年年初提交计划"])
def test_not_values(text):
    assert find_values(text) == []


def test_work_days_are_not_hours():
    (value,) = find_values("3个工作日内")
    assert value.hours is None and value.unit == "工作日"
