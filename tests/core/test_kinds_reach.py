"""The checker reads no more text around a time than the failed-repair and backup patterns can span
(check/extract.py `_brings_backup`): each stated reach must cover its pattern, or a wording the
pattern knows would be cut off and missed."""

from __future__ import annotations

import re._parser as parser

import pytest

from generator.core import kinds


@pytest.mark.parametrize(("pattern", "reach"), [
    (kinds.FAILED_REPAIR_BEFORE, kinds.FAILED_REPAIR_BEFORE_REACH),
    (kinds.FAILED_REPAIR_AFTER, kinds.FAILED_REPAIR_AFTER_REACH),
    (kinds.BACKUP_FOLLOWS, kinds.BACKUP_FOLLOWS_REACH),
])
def test_each_reach_covers_the_longest_text_its_pattern_matches(pattern: str, reach: int) -> None:
    longest = parser.parse(pattern).getwidth()[1]
    assert longest <= reach, f"{pattern!r} can span {longest} characters; its reach is {reach}"
