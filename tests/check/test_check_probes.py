"""Probe documents written to vary what real proposals do and the labelled corpus under-represents
(tests/check/probes/: PDF text with page headers and numbers broken across lines, space-aligned tables,
Chinese numerals, ranges, tiers by distance, schedules of two services, the purchaser's duties; then
traditional characters with full-width digits, tiers by time of day and a tier stated alone, merged
cells of a 条款/承诺 table and of a pasted “| a | b |” table, start events and a term ending on a date,
mileage written first, rates, penalties whose conditions restate a deadline, the user's duties, a
tender's instructions under their own heading and scoring bands; then a deviation table whose 招标文件要求
column is not the bid's, a 承诺书 in symbols (≤, ≥, h, H, 不迟于), lots of one bid, paid service after the
warranty, a table converted one cell per line, times counted from events and head counts with 余; then
units glued to digits (2h, ≤30min, 24H, 7*24), 个小时 and 二十四个小时之内, a 承诺函 at the end promising other
values, arrival times per 县区 listed before a colon, a space-aligned table whose header row is set on two
lines, (1)(2) clauses with ①② parts after “其中：”, a page header inside “4小时”, and 工作日 against 自然日).

Each probe has a truth file in the format of the shared scorer (doc, product_type, bidder, defects,
commitments; `not_commitments`: texts nothing may be extracted from). Every commitment is found with its
kind and value, every required conflict is reported, and no conflict is reported that the truth lacks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.check import Expectations, check_document
from generator.check.load import from_options
from generator.check.profiles import load_vocabularies
from generator.core.quantities import Duration, compare
from generator.text.reader import read_bytes

PROBES = Path(__file__).resolve().parent / "probes"
ROOT = Path(__file__).resolve().parents[2]
TRUTHS = sorted(PROBES.glob("*.yaml"))
_UNITS = {"min": "分钟", "h": "小时", "d": "天", "wd": "工作日", "mo": "个月", "y": "年"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _overlaps(a: str, b: str) -> bool:
    """The shared scorer's test: one contains the other, or they share four characters in a row."""
    a, b = _squash(a), _squash(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return any(a[i:i + 4] in b for i in range(len(a) - 3))


def _value_ok(expected: str | None, quantity) -> bool:
    if not expected:
        return True
    match = re.fullmatch(r"([\d.]+)(min|h|d|wd|mo|y)", expected)
    assert match, expected
    wanted = Duration(float(match[1]), _UNITS[match[2]])
    first = getattr(quantity, "options", None)  # 3年或10万公里: the period is the first of the options
    quantity = first[0] if first else quantity
    return quantity is not None and compare(wanted, quantity) == 0


def _run(truth: dict):
    expectations: Expectations
    if truth.get("product_type") or truth.get("bidder"):
        expectations = from_options(None, truth.get("bidder"), None, truth.get("product_type"))
    else:
        expectations = Expectations(vocabularies=load_vocabularies(ROOT))
    path = PROBES / truth["doc"]
    return check_document(read_bytes(path.read_bytes(), path.name), expectations)


def _truth(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_the_probes_vary_what_they_should():
    assert len(TRUTHS) >= 8
    texts = "\n".join((PROBES / _truth(p)["doc"]).read_text(encoding="utf-8") for p in TRUTHS
                      if _truth(p)["doc"].endswith(".txt"))  # the .docx: tests/probe_documents.py
    for form in ("共 6 页", "公里以内", "７×２４", "5×8", "或10万公里", "2-4小时", "半小时", "采购人应",
                 "保固期為３年", "省外不超过48小时", "壹年", "\n                  郊县", "|  | 郊县", "以交付使用之日起算",
                 "至2029年12月31日止", "10万公里或3年", "存活率", "可用性", "每延误一小时", "用户应", "投标须知摘录",
                 "得3分", "投标文件响应", "承诺如下", "≤0.5小时", "2H内", "不迟于8h", "第二包", "每小时80元",
                 "不收取任何费用", "第 17 页", "合同签订后15个日历日", "二十余名", "２年",
                 "≤30min", "4个小时内", "二十四个小时之内", "7*24小时", "自终验合格之日起叁年", "附件五  售后服务承诺函",
                 "城东区、城西区、城南区：", "\n       项目        标准", "① 主板", "在4小\n", "15个自然日", "24H"):
        assert form in texts, form


@pytest.mark.parametrize("path", TRUTHS, ids=[p.stem for p in TRUTHS])
def test_probe(path: Path):
    truth = _truth(path)
    result = _run(truth)
    problems = []
    for wanted in truth.get("commitments") or []:
        if not any(m.kind == wanted["kind"] and _overlaps(m.quote(), wanted["quote"])
                   and _value_ok(wanted.get("value"), m.value.quantity) for m in result.mentions):
            problems.append(f"commitment not found: {wanted['kind']} {wanted.get('value')} “{wanted['quote']}”")
    for text in truth.get("not_commitments") or []:
        for m in result.mentions:
            stated = _squash(m.block.norm[m.span[0]:m.span[1]])
            if m.stated and stated and stated in _squash(text):
                problems.append(f"not a commitment, read as {m.kind} {m.value.display}: “{text}”")
    conflicts = [f for f in result.findings if f.rule == "conflicting-commitment"]
    defects = [d for d in truth.get("defects") or [] if d["kind"] == "conflicting_commitment"]
    for defect in defects:
        if defect.get("required") and not any(
                _overlaps(loc.text, quote) for f in conflicts for loc in f.locations for quote in defect["quotes"]):
            problems.append(f"conflict not reported: {defect['id']} {defect['note']}")
    allowed = defects + [d for d in truth.get("defects") or [] if d["kind"] == "other"]  # neutral, as the scorer has it
    for finding in conflicts:
        if not any(_overlaps(loc.text, quote) for loc in finding.locations for d in allowed for quote in d["quotes"]):
            problems.append(f"false conflict: {finding.message}")
    assert problems == []
