"""What kind of place a purchaser runs, read from its name, for the clauses that adapt to it: a hospital's
lifts carry beds and patients, and work there keeps out of clinic hours and infection-control areas.

Only the sectors some clause uses are listed; the first that matches wins (a 医学院附属医院 is a hospital).
"""

from __future__ import annotations

import re

SECTORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hospital", re.compile(r"医院|卫生院|保健院|医疗中心|卫生服务中心")),
    ("school", re.compile(r"大学|学院|学校|中学|小学|幼儿园")),
)


def sector_of(purchaser: str) -> str | None:
    """'hospital', 'school', or None for any other purchaser."""
    return next((sector for sector, pattern in SECTORS if pattern.search(purchaser)), None)
