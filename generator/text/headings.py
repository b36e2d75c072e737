"""Recognise heading-like lines when a document has no heading styles (plain text, PDF extracts).

One detector, heading_level(text, numbering), with two numberings that differ in what their callers need:
- PROPOSAL (the checker, on normalised text): 第X章 1, 第X节 2, 4.5 2, 一、 3, （一） 4, 1. / 1、 5,
  （1） 6; at most 32 characters, no sentence punctuation or comma, a title after the number;
- TENDER (`tender extract`, on the text as read): 第X章/部分 1, 第X节 2, 一、 2, 4.5 2, （一） 3,
  4.5.6 3; at most 40 characters after a leading ★/▲, not ending like a sentence, not a
  “字段：值” line. A 招标文件's 1. / （1） items are requirements, not sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.bounds import BEFORE_WORDS
from generator.core.numerals import parse_number
from generator.text.normalize import normalise

_CN = "一二三四五六七八九十百零〇两"
_LIST_MARK = re.compile(r"^(?:[-*•·]\s+)")


@dataclass(frozen=True)
class Numbering:
    """How headings are numbered and told from body lines in one kind of document."""

    patterns: tuple[tuple[re.Pattern[str], int], ...]  # numbering → level, the first match wins
    max_length: int  # a longer line is body text
    not_heading: re.Pattern[str]  # searched in the line: a match makes it body text
    marks: re.Pattern[str]  # a leading mark removed before matching (list bullet, ★)
    normalised: bool = False  # match the normalised text (full-width brackets and digits as ASCII)
    min_title: int = 0  # characters a heading needs after its number


PROPOSAL = Numbering(
    patterns=(
        (re.compile(rf"^第[{_CN}\d]+[章篇部]"), 1),
        (re.compile(rf"^第[{_CN}\d]+节"), 2),
        (re.compile(r"^\d+(?:\.\d+)+(?![\d%])\s*\D"), 2),
        (re.compile(rf"^[{_CN}]+[、.](?!\d)"), 3),
        (re.compile(rf"^\([{_CN}]+\)"), 4),
        (re.compile(r"^\d{1,2}(?:[、]|\.(?!\d))"), 5),
        (re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}\))"), 6),
    ),
    max_length=32, not_heading=re.compile(r"[。；;！!？?,]|、$"), marks=_LIST_MARK, normalised=True, min_title=2)

TENDER = Numbering(
    patterns=(
        (re.compile(r"^第[一二三四五六七八九十百零〇\d]+[章部篇]"), 1),
        (re.compile(r"^第[一二三四五六七八九十百零〇\d]+部分"), 1),
        (re.compile(r"^第[一二三四五六七八九十百零〇\d]+节"), 2),
        (re.compile(r"^[一二三四五六七八九十]+[、．.]"), 2),
        (re.compile(r"^\d+\.\d+(?![\d.])\s*[^\d\s]"), 2),
        (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 3),
        (re.compile(r"^\d+\.\d+\.\d+(?![\d.])\s*[^\d\s]"), 3),
    ),
    # ends like a sentence; or a colon before the end: “一、项目名称：…” is a field, not a heading
    max_length=40, not_heading=re.compile(r"[。；;，,：:！？]$|[：:](?=.)", re.S), marks=re.compile(r"^[★▲ ]+"))


# a line ending on a word that needs what follows (质保期为 / 承诺在 / 不少于 / 及): the sentence goes on
# on the next line (a converter broke it there), so the line is neither a title nor a whole item
# (the bound words written before a figure: core/bounds.py)
_MID_SENTENCE_END = re.compile(rf"(?:[为是于及和与或并将按每]|(?<![所存现实])在|(?<!目)的|达到|{BEFORE_WORDS})$")


def ends_mid_sentence(text: str, following: str = "") -> bool:
    """The line stops on a word that cannot end a sentence or a title, or inside a number the next line
    goes on with (“须在3⏎0分钟内”): what it says goes on next line."""
    line = text.rstrip()
    if line[-1:].isdigit() and following.lstrip()[:1].isdigit():
        return True
    return _MID_SENTENCE_END.search(line) is not None


def heading_level(text: str, numbering: Numbering) -> int | None:
    """Level of a numbered heading line such as “第三节 质保期” or “（二）备件保障”, else None."""
    line = normalise(text, join_lines=True).text.strip() if numbering.normalised else text.strip()
    line = numbering.marks.sub("", line, count=1)
    if not line or len(line) > numbering.max_length or numbering.not_heading.search(line) or ends_mid_sentence(line):
        return None
    for pattern, level in numbering.patterns:
        if pattern.match(line):
            if numbering.min_title and len(pattern.sub("", line, count=1).strip()) < numbering.min_title:
                return None
            return level
    return None


def starts_like_item(text: str) -> bool:
    """A line that starts a new heading or list item (never the continuation of a sentence)."""
    line = normalise(text, join_lines=True).text.strip()
    if _LIST_MARK.match(line) or line.startswith("#"):
        return True
    return any(pattern.match(line) for pattern, _ in PROPOSAL.patterns)


def plain_heading(text: str) -> bool:
    """A short unnumbered title line: 4–20 characters without any punctuation, not a list item (-备件供应)."""
    line = normalise(text, join_lines=True).text.strip()
    return (4 <= len(line) <= 20 and not re.search(r"[，,。；;：:！!？?、\"“”()\d]", line)
            and not re.match(r"[-*•·]", line))


# a proposal's section that reproduces the tender's own text (三、投标须知摘录, 附：招标文件售后服务要求原文):
# what it says is the purchaser's, not a promise; a section answering it (对招标要求的响应) is the bidder's
_QUOTED_TENDER = re.compile(r"(?:投标人?须知|招标文件|采购文件|招标要求|采购需求|评分标准|评分办法)(?:[\u4e00-\u9fff]{0,8})?"
                            r"(?:摘录|原文|节选|摘要|引用)$|^(?:[^\u4e00-\u9fff]*)(?:投标人?须知|评分标准|评分办法)(?:前附表)?$")
_ANSWERING = re.compile(r"响应|承诺|应答|对照|偏离|说明|方案")


def quotes_tender(title: str) -> bool:
    """The heading titles a section quoting the tender (its requirements, instructions or scoring)."""
    line = normalise(title, join_lines=True).text.strip()
    return _QUOTED_TENDER.search(line) is not None and _ANSWERING.search(line) is None


# The lot of a tender (第一包, 第2标段, 包组3): each lot has its own terms. `lot` names it one way (第1包).
_LOT_NUMBER = r"[\d一二三四五六七八九十]{1,3}"
LOT_PATTERN = (rf"第(?P<lot>{_LOT_NUMBER})(?:包组|标段|标包|分包|合同包|包)"
               rf"|(?:包组|标段|标包|分包)(?P<lot2>{_LOT_NUMBER})(?![\d年个月天日小时次%])")
_LOT_OPENS_RE = re.compile(rf"^[\s\d.、()（）]*(?:{LOT_PATTERN})")


def lot_name(match: re.Match[str]) -> str:
    number = parse_number(match["lot"] or match["lot2"])
    return f"第{int(number)}包" if number is not None else match.group()


def opening_lot(text: str) -> str | None:
    """The lot a line opens with (第二包：医用冷藏箱 → 第2包), or None."""
    match = _LOT_OPENS_RE.match(text)
    return lot_name(match) if match else None
