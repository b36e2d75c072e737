"""The purchaser's sector, read from its name."""

from __future__ import annotations

import pytest

from generator.core.sectors import sector_of


@pytest.mark.parametrize(("name", "sector"), [
    ("蜀州市第二人民医院", "hospital"), ("某某医学院附属医院", "hospital"), ("东城区社区卫生服务中心", "hospital"),
    ("湘源市第一中学", "school"), ("江城职业技术学院", "school"),
    ("湘源市机关事务管理局", None), ("江城市园林绿化中心", None),
])
def test_the_sector_comes_from_the_purchasers_name(name, sector):
    assert sector_of(name) == sector
