"""Repair text damaged by PDF, Word and web conversion before requirements are read from it.

Two forms of one text, of the same length so that a span found in one cuts the other:
- `shown`: the 招标文件's own characters (Traditional stays Traditional, （ stays （), without the
  pinyin a web converter appends (務(wù)), without stray spaces inside Chinese text (“故 障”,
  “在 1小时内 响应”) and without line breaks inside a sentence;
- `plain`: the same characters read the checker's way (generator/check/normalize.py): Simplified,
  half-width digits, letters and punctuation — what keywords and values are matched on.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.text.normalize import normalise


@dataclass(frozen=True)
class Repaired:
    shown: str
    plain: str


def repair(text: str) -> Repaired:
    normal = normalise(text, join_lines=True)
    if normal.offsets is None:
        return Repaired(text, normal.text)
    shown = "".join(" " if text[i].isspace() else text[i] for i in normal.offsets)
    assert len(shown) == len(normal.text)
    return Repaired(shown, normal.text)


def shown(text: str) -> str:
    return repair(text).shown


def plain(text: str) -> str:
    return repair(text).plain
