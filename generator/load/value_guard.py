"""Values in a tender or profile are data, never templates.

Clause bodies print values as plain text, so `{{ ''.__class__ }}` typed into a bidder's name is
never executed; but it would reach the document verbatim. Refuse it where it was typed, with the
file, line and field, instead of letting the self-check complain about the finished document.
"""

from __future__ import annotations

import math
import re
from typing import Any

from generator.core.errors import Problem
from generator.core.kinds import FAULT_KINDS, KINDS
from generator.load.yamlio import Loaded, locate

_TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#")
MAX_PROBLEMS = 20  # per file: one pasted template is enough to explain


def _strings(node: Any, keys: tuple[str | int, ...]):  # yields (keys, text, is_key)
    # a round-trip tree's mappings and lists (CommentedMap, CommentedSeq) are dicts and lists: no need
    # to import ruamel.yaml to recognise them
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield (*keys, key), key, True
            yield from _strings(value, (*keys, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _strings(item, (*keys, index))
    elif isinstance(node, str):
        yield keys, node, False


def template_syntax_problems(loaded: Loaded) -> list[Problem]:
    """Every value (or mapping key) of `loaded` that contains `{{`, `{%` or `{#`."""
    problems: list[Problem] = []
    if loaded.text is not None and not _TEMPLATE_SYNTAX.search(loaded.text):
        return problems  # nothing to find: skip building the tree with positions
    for keys, text, is_key in _strings(loaded.raw, ()):
        match = _TEMPLATE_SYNTAX.search(text)
        if match is None:
            continue
        line, column = locate(loaded.raw, keys)
        snippet = text if len(text) <= 40 else text[:40] + "…"
        what = "名称" if is_key else "值"
        problems.append(Problem(
            loaded.path, f"{what}“{snippet}”含有模板语法“{match.group()}”，资料中只能写普通文字",
            line, column, field=".".join(str(k) for k in keys),
            hint="模板语法只用于条款正文；如确需这些符号，请改用全角字符“｛”“｝”"))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems


# -- plausible commitments ------------------------------------------------------------------------------
# A value no bidder could mean (400 nines, 30 digits) would print as 「质保期为inf年」 and pass every
# comparison. The longest plausible value of each kind is in the kinds table (core/kinds.py, max_days).
MIN_MINUTES = 1
MAX_PER_YEAR = 400  # a frequency above daily is not a visit or an inspection schedule
_DAYS_PER_UNIT = {"分钟": 1 / 1440, "小时": 1 / 24, "天": 1, "工作日": 1.4, "周": 7, "个月": 30.5, "年": 365}


def implausible(kind: str, value: Any) -> str | None:
    """Why `value` cannot be a real commitment of `kind`, or None."""
    from generator.core.quantities import Duration, Frequency

    if isinstance(value, Duration):
        days = value.value * _DAYS_PER_UNIT.get(value.unit, 1)
        limit = KINDS[kind].max_days
        if not math.isfinite(days) or days > limit:
            shown = f"{limit // 365}年" if limit >= 365 else f"{limit}天"
            number = _number_text(value.value) if value.value < 1e6 else "数字位数过多"
            return f"承诺值过大（{number}{value.unit}），此项承诺不应超过{shown}"
        if days * 1440 < MIN_MINUTES:
            return "承诺值过小（不足 1 分钟），不是一个可以兑现的时限"
    if isinstance(value, Frequency) and (value.per_year > MAX_PER_YEAR or not math.isfinite(value.per_year)):
        return f"频次过高（每{value.period}{value.count}次），不是一个合理的服务安排"
    return None


def _number_text(number: float) -> str:
    text = f"{number:g}"
    return text if len(text) <= 12 else text[:12] + "…"


def commitment_problems(loaded: Loaded, key: str) -> list[Problem]:
    """Implausible values in the commitments block `key` of a loaded file (commitments / overrides),
    its fault levels and, for a tender, its requirements."""
    problems: list[Problem] = []
    block = getattr(loaded.model, key, None)
    given = block.given() if block is not None else {}
    for kind, values in given.items():
        if kind == "fault_levels":
            for level, limits in values.items():
                for name in FAULT_KINDS:
                    reason = implausible(name, getattr(limits, name))
                    if reason:
                        problems.append(_problem(loaded, (key, kind, level, name), reason))
            continue
        for qualifier, value in values.items():
            reason = implausible(kind, value)
            if reason:
                keys = (key, kind) if qualifier is None else (key, kind, qualifier)
                problems.append(_problem(loaded, keys, reason))
    for index, requirement in enumerate(getattr(loaded.model, "requirements", [])):
        reason = implausible(requirement.kind, requirement.value)
        if reason:
            problems.append(_problem(loaded, ("requirements", index, "value"), reason))
    return problems


def _problem(loaded: Loaded, keys: tuple[str | int, ...], reason: str) -> Problem:
    line, column = locate(loaded.raw, keys)
    return Problem(loaded.path, reason, line, column, field=".".join(str(k) for k in keys),
                   hint="请核对数字是否多打或粘贴错误")
