"""The after-sales 评分标准 of a 招标文件, as the `scoring:` section of the tender draft.

A scoring sentence names a commitment (响应, 到达现场, 质保 …) and gives points for values:
“承诺10分钟内响应的得3分，承诺15分钟内响应的得1分” → bands 10分钟 → 3, 15分钟 → 1. A sentence
that scores by increments (“每延长1年加1分，最高3分”) or by the evaluators' judgement (培训方案完整
的得2分) becomes an item with its maximum points, for the clerk to complete. Rows of a scoring
table (评分项 | 评分标准 | 分值) are read the same way, the first cell naming the item.
"""

from __future__ import annotations

import re

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.core.bounds import AFTER_WORDS, BEFORE_WORDS, bound_after, bound_before
from generator.core.kinds import (
    KINDS,
    TRAINING,
    minimum_kinds,
    scoring_keywords,
)
from generator.load.yamlio import dump_round_trip
from generator.models.scoring import ScoringItem
from generator.resolve.scoring import kind_category
from generator.text.text_blocks import TextBlock

# kind → words that name it in a scoring sentence; the first kind whose word occurs wins
KIND_WORDS = scoring_keywords()
# durations a band without a bound word gives as a minimum (质保5年得2分); the others are deadlines
LONGER_IS_BETTER = {kind for kind in minimum_kinds() if KINDS[kind].type == "duration"}
CATEGORY_WORDS = ((TRAINING, "培训"), ("network", "网点"), ("network", "本地化"), ("complaint", "投诉"),
                  ("emergency", "应急"), ("principles", "售后服务方案"), ("principles", "服务方案"))
_POINTS = re.compile(r"[得加](\d+(?:\.\d+)?)分")
_MAX = re.compile(r"最(?:高|多)(?:得|加|不超过)?(\d+(?:\.\d+)?)分")
_BAND = re.compile(rf"(?P<pre>{BEFORE_WORDS})?\s*(?P<num>\d+(?:\.\d+)?)\s*"
                   rf"(?P<unit>分钟|小时|个工作日|工作日|天|日|个月|月|年)(?P<post>{AFTER_WORDS})?"
                   r"[^，。；;,\d]{0,12}?得\s*(?P<points>\d+(?:\.\d+)?)\s*分")
_SCORING_CONTEXT = re.compile(r"评分|评标|评审|打分|分值")


def _kind(text: str) -> str | None:
    return next((kind for kind, words in KIND_WORDS if any(w in text for w in words)), None)


def _category(text: str) -> str | None:
    return next((category for category, word in CATEGORY_WORDS if word in text), None)


def _bound(kind: str, pre: str | None, post: str | None) -> str:
    return bound_before(pre or "") or bound_after(post or "") or (
        "at_least" if kind in LONGER_IS_BETTER else "at_most")


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value


def _item(block: TextBlock) -> CommentedMap | None:
    cells = [c.strip() for c in block.cells]
    name, text = (cells[0], cells[1]) if len(cells) >= 2 else ("", block.text.strip().lstrip("▲★"))
    if not _POINTS.search(text) and not (len(cells) >= 3 and re.fullmatch(r"\d+(?:\.\d+)?", cells[2])):
        return None
    head = re.split(r"[：:]", text, maxsplit=1)
    if not name and len(head) == 2 and len(head[0]) <= 12:
        name, text = head[0].lstrip("▲★"), head[1]
    kind = _kind(name + text)
    item = CommentedMap(item=name or (kind and KIND_WORDS[[k for k, _ in KIND_WORDS].index(kind)][1][0]) or "售后服务",
                        text=text)
    bands = [] if kind is None or "每" in text else [  # “每增加1年得2分” scores increments, not bands
        {"bound": _bound(kind, m["pre"], m["post"]), "value": f"{m['num']}{m['unit']}", "points": _number(m["points"])}
        for m in _BAND.finditer(text)]
    if kind is not None and bands:
        item["kind"] = kind
        item["bands"] = CommentedSeq(bands)
    else:
        maximum = _MAX.search(text)
        points = [float(p) for p in _POINTS.findall(text)]
        if len(cells) >= 3 and re.fullmatch(r"\d+(?:\.\d+)?", cells[2]):
            points.append(float(cells[2]))
        if maximum:
            points = [float(maximum[1])]
        category = (kind_category(kind) if kind else None) or _category(name + text)
        if not points or category is None:
            return None
        item["category"] = category
        item["points"] = _number(str(max(points)))
    item["source"] = CommentedMap(section=block.section, **({"page": block.page} if block.page else {}))
    return item


def scoring_items(blocks: list[TextBlock]) -> list[CommentedMap]:
    """Scoring items of the after-sales part found in scoring sections or sentences, each valid."""
    found = []
    for block in blocks:
        if not (_SCORING_CONTEXT.search(block.section) or _SCORING_CONTEXT.search(block.text)):
            continue
        if not _POINTS.search(block.text) and not block.cells:
            continue
        item = _item(block)
        if item is None:
            continue
        try:
            ScoringItem.model_validate(item)
        except ValidationError:
            continue
        found.append(item)
    return found


def scoring_yaml(blocks: list[TextBlock]) -> str:
    """The `scoring:` section to append to a tender draft ("" when the 招标文件 has none)."""
    items = scoring_items(blocks)
    if not items:
        return ""
    seq = CommentedSeq(items)
    for index, item in enumerate(items):
        note = "待核实：分档取自原文，请逐档核对" if "bands" in item else "待核实：按增量或由专家评定的评分项，如可分档请改写为 kind 与 bands"
        seq.yaml_set_comment_before_after_key(index, before=note, indent=2)
    dumped = dump_round_trip({"scoring": seq})
    return "\n# 招标文件评分标准中的售后服务评分项（生成的方案以“评分点对照表”开篇）\n" + dumped
