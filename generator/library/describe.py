"""How a clause's metadata reads to a person: state, category, scope, approval — in Chinese."""

from __future__ import annotations

import unicodedata
from typing import Literal

from generator.core.kinds import KINDS
from generator.models.clause import CATEGORY_LABELS, Clause
from generator.models.parties import CAPABILITY_LABELS

State = Literal["draft", "approved", "changed", "retired"]
STATES: tuple[State, ...] = ("draft", "approved", "changed", "retired")
STATE_LABELS = {"draft": "草稿", "approved": "已审定", "changed": "审定后已修改", "retired": "已废止"}

def state(clause: Clause) -> State:
    """draft / approved / changed (approved text edited since) / retired."""
    if clause.status == "retired":
        return "retired"
    if clause.changed_since_approval:
        return "changed"
    return "approved" if clause.is_approved else "draft"


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


def approval_text(clause: Clause) -> str:
    approval = clause.approval
    if approval is None:
        return "无（标为已审定但缺少审定记录）" if clause.status == "approved" else "无"
    text = f"{approval.by}，{approval.date.isoformat()}"
    if approval.note:
        text += f"，备注：{approval.note}"
    if clause.changed_since_approval:
        text += "（正文此后已修改，审定不再有效）"
    return text


def scope_text(clause: Clause) -> str:
    scope = clause.applies_to
    parts = ["全部产品类型" if scope.product_types == "all" else "产品类型 " + "、".join(scope.product_types)]
    if scope.capabilities:
        parts.append("须具备：" + "、".join(CAPABILITY_LABELS.get(c, c) for c in scope.capabilities))
    if scope.without:
        parts.append("不适用于：" + "、".join(CAPABILITY_LABELS.get(c, c) for c in scope.without))
    return "；".join(parts)


def uses_text(clause: Clause) -> str:
    return "、".join(f"{kind}（{KINDS[kind].label}）" for kind in clause.uses) or "无"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def text_table(header: list[str], rows: list[list[str]], gap: str = "  ") -> str:
    """A plain-text table aligned for CJK text (wide characters count double)."""
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [cell + " " * (width - display_width(cell)) for cell, width in zip(cells, widths, strict=True)]
        return gap.join(padded).rstrip()

    rule = gap.join("─" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])
