"""metadata: a clause's file name, uses, approval record and product types agree with each other
and with the profiles."""

from __future__ import annotations

from generator.core.findings import ERROR, Finding, Rule
from generator.library.rules import LintContext
from generator.load.yamlio import Loaded

RULE = Rule("metadata", "元数据不完整或不一致", ERROR, order=20)


def check(context: LintContext) -> list[Finding]:
    return [f for loaded in context.library.clauses for f in _clause(loaded, context)]


def _clause(loaded: Loaded, context: LintContext) -> list[Finding]:
    clause = loaded.model
    library = context.library
    out = []

    def add(message: str, key: str, hint: str = "") -> None:
        out.append(Finding.in_file(RULE.id, loaded.path, loaded.line_of(key) or 1, message, clause.id, hint))

    if loaded.path.stem != clause.id:
        add(f"文件名应与条款编号一致：{clause.id}.yaml", "id")
    if "uses" not in loaded.raw:
        add("缺少 uses（条款使用的承诺；不使用任何承诺时写 uses: []）", "id")
    if clause.status == "approved" and clause.approval is None:
        add("状态为已审定（approved），但没有审定记录（approval）", "status",
            "用 aftersales clauses approve 审定，不要手工改状态")
    scope = clause.applies_to.product_types
    if scope != "all":
        for index, product_id in enumerate(scope):
            if product_id not in library.products:
                out.append(Finding.in_file(
                    RULE.id, loaded.path, loaded.line_of("applies_to", "product_types", index),
                    f"applies_to 中的产品类型“{product_id}”没有对应的资料 profiles/products/{product_id}.yaml",
                    clause.id, "现有产品类型：" + "、".join(sorted(library.products))))
    return out
