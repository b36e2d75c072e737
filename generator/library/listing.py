"""`clauses list`: the library filtered by state, category and product type, as a table."""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.errors import InputError, Problem, display_path
from generator.library.describe import CATEGORY_LABELS, STATE_LABELS, STATES, category_label, state, text_table
from generator.library.repository import Library
from generator.load.yamlio import Loaded
from generator.models.clause import Clause


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    category: str | None = None
    product_type: str | None = None


def _check(filters: Filters, library: Library) -> None:
    problems = []
    if filters.status and filters.status not in STATES:
        problems.append(Problem("--status", f"状态“{filters.status}”不存在",
                                hint="可选：" + "、".join(f"{s}（{STATE_LABELS[s]}）" for s in STATES)))
    if filters.category and filters.category not in CATEGORY_LABELS:
        problems.append(Problem("--category", f"类别“{filters.category}”不存在",
                                hint="可选：" + "、".join(CATEGORY_LABELS)))
    if filters.product_type and filters.product_type not in library.products:
        problems.append(Problem("--product-type", f"产品类型“{filters.product_type}”没有资料",
                                hint="现有产品类型：" + "、".join(sorted(library.products))))
    if problems:
        raise InputError("筛选条件有误", problems)


def select(library: Library, filters: Filters) -> list[Loaded]:
    _check(filters, library)
    out = []
    for loaded in library.clauses:
        clause: Clause = loaded.model
        if filters.status and state(clause) != filters.status:
            continue
        if filters.category and clause.category != filters.category:
            continue
        if filters.product_type and not clause.applies(filters.product_type,
                                                       library.capabilities(filters.product_type)):
            continue
        out.append(loaded)
    return sorted(out, key=lambda c: (list(CATEGORY_LABELS).index(c.model.category)
                                      if c.model.category in CATEGORY_LABELS else 99, c.model.id))


def render_table(library: Library, clauses: list[Loaded]) -> str:
    from generator.library.describe import scope_text

    rows = []
    for loaded in clauses:
        clause: Clause = loaded.model
        approval = clause.approval
        approved = f"{approval.by} {approval.date.isoformat()}" if approval else "—"
        rows.append([clause.id, clause.title, category_label(clause.category), f"v{clause.version}",
                     STATE_LABELS[state(clause)], approved, scope_text(clause),
                     display_path(loaded.path.relative_to(library.root)
                                  if loaded.path.is_relative_to(library.root) else loaded.path)])
    table = text_table(["编号", "标题", "类别", "版本", "状态", "审定", "适用范围", "文件"], rows)
    counts = {s: sum(1 for c in clauses if state(c.model) == s) for s in STATES}
    summary = "；".join(f"{STATE_LABELS[s]} {n}" for s, n in counts.items() if n)
    return f"{table}\n\n共 {len(clauses)} 条（{summary or '无'}）"
