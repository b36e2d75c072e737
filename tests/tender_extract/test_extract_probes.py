"""Probe 招标文件 texts written to vary what real tenders do and the corpus under-represents
(tests/tender_extract/probes/: PDF text with running headers and 第X页 共Y页 between lines, a number broken
across lines, a requirement table flattened to space-aligned columns, Chinese numerals and full-width
digits, mileage alternatives, tiers by place and distance, 投标人须知 boilerplate and the purchaser's duties;
then traditional characters, tiers by time of day and a tier stated alone, a 条款/要求 table whose merged
first cells the converter left blank, start events, mileage written first, penalties and scoring bands;
then lots, a deviation form for bidders, symbols, paid service after the warranty, times counted from
events, a table converted one cell per line and a repair time whose failure brings a backup; then ▲ and ★
on items under 商务要求, units glued to digits (2h, ≤30min, 4H, 7*24h), 个小时 with 之内/以内/不超过, arrival times
per 乡镇 listed before a colon, a table header set on two lines, a running header inside a sentence, a clause
before “其中：” and its ①② sub-items, and 工作日 against 自然日).

Each probe has a truth file in the format of the shared scorer (NN_name.requirements.yaml). Every
requirement of a kind other than `other` is extracted with its kind, bound, value and ★, and nothing of a
scored kind is extracted that matches no truth item (one overlapping an `other` item is neutral)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.core.quantities import Duration, compare
from generator.tender_extract.requirements import extract_requirements
from generator.text.text_blocks import read_blocks

PROBES = Path(__file__).resolve().parent / "probes"
TEXTS = sorted([*PROBES.glob("*.txt"), *PROBES.glob("*.docx")])  # the .docx: tests/probe_documents.py
_UNITS = {"min": "分钟", "h": "小时", "d": "天", "wd": "工作日", "mo": "个月", "y": "年"}
_SHOWN = {"1/mo": "每月一次", "1/q": "每季度一次", "2/y": "每半年一次", "7x24": "7×24小时"}  # the forms the probes use


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _overlap(a: str, b: str) -> int:
    a, b = _squash(a), _squash(b)
    if a in b or b in a:
        return min(len(a), len(b)) if min(len(a), len(b)) >= 4 else 0
    return max((n for i in range(len(a)) for n in range(4, len(a) - i + 1) if a[i:i + n] in b), default=0)


def _value_ok(expected, value) -> bool:
    if expected is None:
        return value is None
    expected = str(expected)
    match = re.fullmatch(r"([\d.]+)(min|h|d|wd|mo|y)", expected)
    if match:
        first = getattr(value, "options", None)  # 3年或10万公里 is read as its period
        value = first[0] if first else value
        return value is not None and compare(Duration(float(match[1]), _UNITS[match[2]]), value) == 0
    date = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", expected)  # the corpus writes dates as ISO
    if date:
        return getattr(value, "date", None) == dt.date(*map(int, date.groups()))
    rate = re.fullmatch(r"(\d+)/(y|q|mo)", expected)  # a frequency as times per year, however it is worded
    if rate and hasattr(value, "per_year"):
        return value.per_year == int(rate[1]) * {"y": 1, "q": 4, "mo": 12}[rate[2]]
    return str(value) == _SHOWN.get(expected, expected)


def _ok(wanted: dict, draft) -> bool:
    return draft.bound == wanted["bound"] and _value_ok(wanted.get("value"), draft.value)


def _truth(text: Path) -> list[dict]:
    data = YAML(typ="safe").load(text.with_suffix(".requirements.yaml").read_text(encoding="utf-8"))
    return list(data["requirements"])


def test_the_probes_vary_what_they_should():
    assert len(TEXTS) >= 6
    texts = "\n".join(p.read_text(encoding="utf-8") for p in TEXTS if p.suffix == ".txt")
    for form in ("共 42 页", "贰年", "２４", "或10万公里", "50公里以内", "偏远地区", "投标有效期", "采购人应", "5×8",
                 "保固期不少於３年", "回應", "省外不超过48小时", "壹年", "\n                应用软件", "以交付使用之日起算",
                 "10万公里或3年", "八年或十五万公里", "每延误一小时", "仍未修复的", "得3分", "用户须",
                 "第二包", "| 招标要求 | 投标响应 |", "≤0.5h", "不大于2H", "不得超过200元", "签订合同后", "第 23 页",
                 "法定节假日可延长至4小时", "内不能排除故障的",
                 "▲1. 质保期", "2h内响应", "4个小时之内", "七十二个小时", "7*24小时", "≤30min", "4H内",
                 "东乡、西乡、南岗乡：", "\n       项目        标准", "第 31 页 共 58 页", "响应，其中：", "15个自然日"):
        assert form in texts, form


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in TEXTS])
def test_probe(text: Path):
    truth = _truth(text)
    drafts = extract_requirements(read_blocks(text)).requirements
    problems, used = [], set()
    scored = [t for t in truth if t["kind"] != "other"]
    # as the shared scorer: best overlap first, a right value before a wrong one, each item used once
    # (“4小时内到达现场” is inside “24小时内到达现场”: the one with 4 hours is its match)
    # the item the draft came from (its 原文 comment) counts only when its own text overlaps nothing
    pairs = sorted(((_overlap(d.text, t["quote"]) > 0, _overlap(d.text, t["quote"]) or _overlap(d.quote, t["quote"]),
                     _ok(t, d), ti, di) for ti, t in enumerate(scored)
                    for di, d in enumerate(drafts) if d.kind == t["kind"]), reverse=True)
    matched: dict[int, int] = {}
    for _, overlap, _, ti, di in pairs:
        if overlap and ti not in matched and di not in used:
            matched[ti] = di
            used.add(di)
    for ti, wanted in enumerate(scored):
        if ti not in matched:
            problems.append(f"not extracted: {wanted['kind']} “{wanted['quote']}”")
            continue
        draft = drafts[matched[ti]]
        if not _ok(wanted, draft):
            problems.append(f"{wanted['kind']} “{wanted['quote']}”: {draft.bound} {draft.value}, "
                            f"wanted {wanted['bound']} {wanted.get('value')}")
        if ("★" in draft.mark) != ("★" in str(wanted.get("starred") or "")):
            problems.append(f"star of {wanted['kind']} “{wanted['quote']}”: {draft.mark or 'none'}")
    others = [t["quote"] for t in truth if t["kind"] == "other"]
    for i, draft in enumerate(drafts):
        if i not in used and not any(_overlap(draft.text, quote) for quote in others):
            problems.append(f"false requirement: {draft.kind} {draft.bound} {draft.value} “{draft.text}”")
    assert problems == []
