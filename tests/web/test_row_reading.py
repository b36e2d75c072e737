"""A requirement row against the reading of its own 原文: bounds that judge alike agree."""

from __future__ import annotations

from generator.core.judge import bounds_agree, is_ceiling
from generator.core.quantities import Duration, Schedule
from generator.web.row_reading import mismatch, read_text


def test_at_least_and_equals_a_ceiling_judge_alike() -> None:
    assert is_ceiling(Schedule(7, 24)) and not is_ceiling(Schedule(5, 8)) and not is_ceiling(Duration(3, "年"))
    assert bounds_agree("at_least", "equals", Schedule(7, 24))
    assert not bounds_agree("at_least", "equals", Schedule(5, 8))
    assert not bounds_agree("at_most", "equals", Schedule(7, 24))
    assert not bounds_agree("at_least", "equals", Duration(2, "年"))
    # a bare figure read as equals agrees with a row that states the kind's better direction
    assert bounds_agree("at_least", "equals", Duration(2, "年"), "warranty")
    assert not bounds_agree("at_most", "equals", Duration(2, "年"), "warranty")
    assert not bounds_agree("at_least", "equals", Duration(2, "年"), "service_period")  # the contract's term


def test_a_round_the_clock_row_saved_as_at_least_agrees_with_its_text() -> None:
    reading = read_text("设立7×24小时售后服务热线")
    assert reading is not None and (reading.kind, reading.bound) == ("hotline", "equals")
    assert mismatch({"kind": "hotline", "bound": "at_least", "value": "7×24"}, reading) == ""
    assert mismatch({"kind": "hotline", "bound": "at_most", "value": "7×24"}, reading) != ""
    office_hours = read_text("设立5×8小时售后服务热线")  # a bare schedule: the figure, judged as a minimum
    assert office_hours is not None and office_hours.bound == "equals"
    assert mismatch({"kind": "hotline", "bound": "at_least", "value": "5×8"}, office_hours) == ""
    assert mismatch({"kind": "hotline", "bound": "at_most", "value": "5×8"}, office_hours) != ""
