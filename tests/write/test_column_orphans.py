"""ColumnFit does not leave a single character on the last line of a short cell or header."""

from __future__ import annotations

import math

from generator.render.blocks import Table
from generator.write.docx_writer import ColumnFit, _header_minimum, _orphan

BACKUPS = Table(("备份对象", "备份方式", "保存要求"), (
    ("业务数据库", "每日增量备份，每周全量备份", "增量备份保留至其后的全量备份经校验可用为止；全量备份按月归档，每月至少一份存放于异地或离线介质"),
    ("附件与文档", "每日增量同步", "与数据库备份的时间点对应，便于一致恢复"),
    ("系统与配置", "每次变更前备份", "保留最近3个变更前版本，可一键回退"),
))


def test_short_cells_keep_their_last_character() -> None:
    """The software example's backup table at the text width: 业务数据 / 库 before."""
    chars = ColumnFit(BACKUPS).fit(35.9)
    fit = math.floor(chars[0] + 1e-6)
    assert not any(_orphan(len(row[0]), fit) for row in BACKUPS.rows), chars
    assert sum(chars) <= 35.9 + 1e-6


def test_a_five_character_header_wraps_three_and_two() -> None:
    assert _header_minimum("网点所在地") == 3  # 网点所 / 在地, not 网点所在 / 地
    assert not _orphan(5, 3) and _orphan(5, 4)
    assert _header_minimum("服务人员（名）") == 4  # at its bracket, as before
