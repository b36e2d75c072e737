import pytest

from generator.core.numerals import chinese_count, parse_chinese_int, parse_number
from generator.core.quantities import Duration, Frequency, QuantityError, Schedule, compare


@pytest.mark.parametrize("text, expected", [
    ("二十四", 24), ("两", 2), ("叁", 3), ("贰", 2), ("十二", 12), ("一百二十", 120), ("二〇", 20), ("十", 10),
])
def test_parse_chinese_int(text, expected):
    assert parse_chinese_int(text) == expected


def test_parse_number_handles_full_width_and_half():
    assert parse_number("２４") == 24
    assert parse_number("1.5") == 1.5
    assert parse_number("半") == 0.5
    assert parse_number("abc") is None


@pytest.mark.parametrize("n, words", [(1, "一"), (2, "两"), (10, "十"), (12, "十二"), (20, "二十"), (31, "三十一")])
def test_chinese_count(n, words):
    assert chinese_count(n) == words


@pytest.mark.parametrize("text, value, unit, hours", [
    ("30分钟", 30, "分钟", 0.5), ("2小时", 2, "小时", 2), ("两小时", 2, "小时", 2), ("半小时", 0.5, "小时", 0.5),
    ("1.5小时", 1.5, "小时", 1.5), ("３天", 3, "天", 72), ("48h", 48, "小时", 48), ("3个工作日", 3, "工作日", None),
    ("2年", 2, "年", None), ("18个月", 18, "个月", None),
])
def test_duration_parse(text, value, unit, hours):
    duration = Duration.parse(text)
    assert (duration.value, duration.unit, duration.hours) == (value, unit, hours)


def test_duration_formats_one_way():
    assert str(Duration.parse("半小时")) == "30分钟"
    assert str(Duration.parse("3个工作日")) == "3个工作日"
    assert str(Duration.parse("2.0小时")) == "2小时"


def test_duration_compare_respects_unit_families():
    assert Duration.parse("30分钟").compare(Duration.parse("1小时")) == -1
    assert Duration.parse("1天").compare(Duration.parse("24小时")) == 0
    assert Duration.parse("2年").compare(Duration.parse("18个月")) == 1
    assert Duration.parse("3个工作日").compare(Duration.parse("72小时")) is None


@pytest.mark.parametrize("bad", ["", "三年半", "每年", "2 apples", "0小时", "-1天"])
def test_duration_rejects_garbage_with_a_chinese_message(bad):
    with pytest.raises(QuantityError, match="时长|大于零"):
        Duration.parse(bad)


def test_frequency():
    assert str(Frequency.parse("每季度一次")) == "每季度一次"
    assert str(Frequency.parse("每年2次")) == "每年两次"
    assert Frequency.parse("每半年一次").per_year == 2
    assert Frequency.parse("每月一次").compare(Frequency.parse("每季度一次")) == 1
    with pytest.raises(QuantityError):
        Frequency.parse("每年2回")


def test_schedule():
    assert Schedule.parse("7×24") == Schedule(7, 24)
    assert Schedule.parse("7*24") == Schedule(7, 24)
    assert Schedule.parse("7x24x365") == Schedule(7, 24)
    assert str(Schedule.parse("5×8")) == "5×8小时"
    assert compare(Schedule.parse("5×8"), Schedule.parse("7×24")) == -1
    with pytest.raises(QuantityError):
        Schedule.parse("8×24")


# -- proportions, mileage, alternatives, deadlines ---------------------------------------------
def test_proportions_read_percentages_and_fractions():
    from generator.core.quantities import Proportion

    assert [str(Proportion.parse(t)) for t in ("95%", "９５％", "百分之九十八", "2/3", "三分之二")] == [
        "95%", "95%", "98%", "总有效期的2/3", "总有效期的2/3"]
    assert Proportion.parse("96%").compare(Proportion.parse("95%")) == 1
    assert Proportion.parse("2/3").compare(Proportion.parse("0.5%")) == 1


def test_proportion_out_of_range_is_a_clear_error():
    import pytest

    from generator.core.quantities import Proportion, QuantityError

    with pytest.raises(QuantityError, match="不超过100%"):
        Proportion.parse("120%")
    with pytest.raises(QuantityError, match="95%"):
        Proportion.parse("九成五")


def test_alternative_holds_both_limits_and_compares_each():
    from generator.core.quantities import Alternative, Duration, Mileage, compare

    offered = Alternative.parse("3年或10万公里（以先到者为准）")
    assert offered.limits == (Duration(3, "年"), Mileage(100000))
    assert str(offered) == "3年或10万公里（以先到者为准）"
    assert compare(offered, Duration(2, "年")) == 1 and compare(Duration(5, "年"), offered) == 1
    assert compare(offered, Mileage.parse("20万公里")) == -1


def test_two_alternatives_compare_limit_by_limit():
    from generator.core.quantities import Alternative, compare

    offered = Alternative.parse("3年或10万公里")
    assert compare(offered, Alternative.parse("10万公里或36个月")) == 0  # the same limits, either order
    assert compare(offered, Alternative.parse("3年或6万公里")) == 1
    assert compare(Alternative.parse("2年或10万公里"), offered) == -1
    assert compare(Alternative.parse("4年或6万公里"), offered) is None  # longer, but shorter in distance


def test_deadline_and_the_date_a_period_ends():
    import datetime as dt

    from generator.core.quantities import Deadline, Duration, deadline_after

    assert str(Deadline.parse("2026年3月1日前")) == "2026年3月1日前"
    assert Deadline.parse("2026-03-01") == Deadline(dt.date(2026, 3, 1))
    assert deadline_after(dt.date(2026, 11, 30), Duration(3, "个月")) == Deadline(dt.date(2027, 2, 28))
    assert deadline_after(dt.date(2026, 1, 1), Duration(30, "天")) == Deadline(dt.date(2026, 1, 31))
    assert deadline_after(dt.date(2026, 1, 1), Duration(3, "工作日")) is None


def test_time_of_day_tiers():
    from generator.core.quantities import time_of_day

    assert time_of_day("工作日8:00-18:00") == "工作时间"
    assert time_of_day("其余时间") == "非工作时间"
    assert time_of_day("22:00-8:00") == "22:00-8:00"  # past midnight: not the working hours
    assert time_of_day("节假日") == "节假日"
