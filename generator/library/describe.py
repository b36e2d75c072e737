"""How a clause's metadata reads to a person: state, category, scope, approval — in Chinese."""

from __future__ import annotations

import unicodedata
from typing import Literal

from generator.models.clause import Clause
from generator.models.commitments import KINDS

State = Literal["draft", "approved", "changed", "retired"]
STATES: tuple[State, ...] = ("draft", "approved", "changed", "retired")
STATE_LABELS = {"draft": "草稿", "approved": "已审定", "changed": "审定后已修改", "retired": "已废止"}

CATEGORY_LABELS = {
    "principles": "服务理念与原则", "organisation": "服务组织与人员", "network": "服务网络与网点",
    "summary": "服务承诺一览", "warranty": "质保期与质保范围", "response": "响应时间与故障分级",
    "service_modes": "服务方式", "fault_handling": "故障处理流程", "maintenance": "预防性维护与巡检",
    "spare_parts": "备品备件", "out_of_warranty": "保修期外服务", "software_upgrade": "软件升级",
    "installation": "安装调试与验收", "training": "培训", "return_visit": "回访与满意度调查",
    "complaint": "投诉处理", "quality_returns": "质量问题处理与退换货", "emergency": "应急预案",
    "confidentiality": "保密承诺", "commitment_letter": "售后服务承诺书", "deviation": "响应及偏离表",
    "liability": "违约责任", "product_service": "产品类型专项服务",
}
CAPABILITY_LABELS = {"installation": "需安装", "onsite_repair": "上门维修", "software": "软件",
                     "consumable": "耗材", "construction": "工程施工", "training": "培训"}


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
    return "、".join(f"{kind}（{KINDS[kind][1]}）" for kind in clause.uses) or "无"


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
