"""What a build tells the bid team without refusing: facts of the inputs that are most likely an
oversight and that an evaluator would notice (a signing date copied from last year's bid, a maker's
authorisation that ends before the warranty does)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

from generator.core.kinds import WARRANTY
from generator.core.quantities import Duration

if TYPE_CHECKING:
    from generator.models.parties import Bidder, ProductType
    from generator.models.tender import Tender
    from generator.resolve.commitments import Commitments


def stale_date_notice(signed: dt.date, today: dt.date | None = None) -> str | None:
    """The 落款日期 of the cover and the 承诺书 comes from the tender file: an earlier one than today is
    most likely last time's bid copied, and would be submitted stale."""
    today = today or dt.date.today()
    if signed >= today:
        return None
    return (f"落款日期为{signed.year}年{signed.month}月{signed.day}日，早于今天（{today.year}年{today.month}月{today.day}日）："
            f"如为本次投标，请改招标项目文件的 date")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or that month's last day (8月31日 + 6个月 → 2月末)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def authorisation_notices(tender: Tender, bidder: Bidder, product: ProductType,
                          commitments: Commitments) -> list[str]:
    """A maker's authorisation the proposal shows that ends before the warranty can end. The warranty
    starts at acceptance, after the bid: the bid date plus the longest warranty is the earliest it ends,
    so an authorisation ending before that cannot cover it (an expired one is refused in presence.py)."""
    warranty = commitments.kinds.get(WARRANTY)
    months = [v.months for v in warranty.values.values() if isinstance(v, Duration) and v.months] if warranty else []
    if not months:
        return []
    longest = max(months)
    earliest_end = add_months(tender.date, int(longest))
    shown = product.for_tender(tender)
    notices = []
    for auth in bidder.authorisations:
        if shown.wants(auth.serves) and tender.date <= auth.valid_until < earliest_end:
            notices.append(f"{auth.manufacturer}的授权书（{auth.letter}）有效期至{auth.valid_until:%Y年%-m月%-d日}，"
                           f"而{product.warranty_word}自验收起算、最早于{earliest_end:%Y年%-m月}届满：评标时原厂支持可能被认为"
                           f"不能覆盖{product.warranty_word}；请取得有效期覆盖{product.warranty_word}的授权书或生产企业的"
                           f"售后服务承诺函，更新投标人资料的 authorisations")
    return notices
