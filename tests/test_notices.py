"""What a build tells the bid team without refusing (generator/pipeline/notices.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.load.project import load_inputs
from generator.pipeline.build import resolve
from generator.pipeline.notices import add_months, authorisation_notices, stale_date_notice

ROOT = Path(__file__).resolve().parent.parent
MEDICAL = ROOT / "tenders" / "examples" / "medical-equipment.yaml"


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2026, 3, 19), 36, dt.date(2029, 3, 19)),
    (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
    (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
    (dt.date(2026, 12, 1), 1, dt.date(2027, 1, 1)),
    (dt.date(2026, 1, 31), 0, dt.date(2026, 1, 31)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_a_date_before_today_is_told():
    assert stale_date_notice(dt.date(2026, 3, 19), today=dt.date(2026, 12, 3)).startswith("落款日期为2026年3月19日")
    assert stale_date_notice(dt.date(2026, 12, 3), today=dt.date(2026, 12, 3)) is None


def _notices(valid_until: dt.date) -> list[str]:
    inputs = load_inputs(MEDICAL)
    tender, bidder, product = inputs.tender.model, inputs.bidder.model, inputs.product.model
    authorisations = [a.model_copy(update={"valid_until": valid_until}) for a in bidder.authorisations]
    bidder = bidder.model_copy(update={"authorisations": authorisations})
    return authorisation_notices(tender, bidder, product, resolve(inputs))


def test_an_authorisation_ending_before_the_warranty_can_end_is_told():
    inputs = load_inputs(MEDICAL)
    bid = inputs.tender.model.date
    assert inputs.bidder.model.authorisations, "the example shows a maker's authorisation"
    years = 3  # the example's 保修期 (its tender asks for 3年)
    told = _notices(add_months(bid, 12 * years) - dt.timedelta(days=1))
    assert len(told) == 1 and "最早于" in told[0] and "售后服务承诺函" in told[0]
    assert _notices(add_months(bid, 12 * years)) == []  # covers the earliest end of the warranty
    assert _notices(bid - dt.timedelta(days=1)) == []  # expired: refused by the build, not a notice
