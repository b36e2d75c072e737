"""条款库 for legal: list with status and approval, one clause rendered with sample values, approve.

Reuses generator.library: load_library, listing.select, show.metadata_rows, samples.sample_for,
marking.SampleRenderer (values from data are marked and shaded), approve.approve (lint first).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for

from generator.core.errors import InputError, UserError
from generator.web.present import error_view

blueprint = Blueprint("clauses", __name__)


def _library():
    from generator.library.repository import load_library
    from generator.web.project_cache import project_cache

    root = current_app.config["WEB"].root
    return project_cache().get("library", ("clauses", "profiles", "templates"), lambda: load_library(root))


def _find(library: Any, clause_id: str) -> Any:
    found = library.clause_map().get(clause_id)
    if found is None:
        abort(404)
    return found


@blueprint.get("/clauses")
def index():
    from generator.library.describe import STATE_LABELS, STATES, category_label, scope_text, state
    from generator.library.listing import Filters, select

    library = _library()
    status = request.args.get("status", "")
    if status not in STATES:
        status = ""
    rows = []
    for loaded in select(library, Filters(status=status or None)):
        clause = loaded.model
        rows.append({"id": clause.id, "title": clause.title, "category": category_label(clause.category),
                     "version": clause.version, "state": state(clause), "state_label": STATE_LABELS[state(clause)],
                     "approval": clause.approval, "scope": scope_text(clause)})
    counts = {s: sum(1 for c in library.clauses if state(c.model) == s) for s in STATES}
    return render_template("clauses.html", rows=rows, status=status, states=STATE_LABELS, counts=counts,
                           total=len(library.clauses))


def body_view(blocks: list[Any]) -> list[dict[str, Any]]:
    """Rendered blocks → items for the page; every text as [(piece, is_data)]."""
    from generator.library.marking import split_marked
    from generator.render.blocks import Heading, ListBlock, PageBreak, Paragraph, Signature, Table

    out: list[dict[str, Any]] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append({"type": "heading", "text": split_marked(f"{block.number}{block.title}")})
        elif isinstance(block, Paragraph):
            out.append({"type": "paragraph", "style": block.style, "text": split_marked(block.text)})
        elif isinstance(block, ListBlock):
            out.append({"type": "list", "ordered": block.ordered, "items": [split_marked(i) for i in block.items]})
        elif isinstance(block, Table):
            out.append({"type": "table", "header": [split_marked(c) for c in block.header],
                        "rows": [[split_marked(c) for c in row] for row in block.rows]})
        elif isinstance(block, Signature):
            out.append({"type": "signature", "lines": [(label, split_marked(value)) for label, value in block.lines]})
        elif isinstance(block, PageBreak):
            out.append({"type": "pagebreak"})
    return out


@blueprint.get("/clauses/<clause_id>")
def show(clause_id: str):
    from generator.library.describe import state
    from generator.library.marking import SampleRenderer
    from generator.library.samples import SampleError, sample_for
    from generator.library.show import metadata_rows
    from generator.render.proposal import ClauseFailure

    library = _library()
    loaded = _find(library, clause_id)
    clause = loaded.model
    applicable = library.applicable_products(clause)
    product = request.args.get("product_type") or None
    if product is not None and product not in library.products:
        product = None
    sample, body, problem = None, [], ""
    try:
        sample = sample_for(library, clause, product, None)
        body = body_view(SampleRenderer(marked=True).blocks(loaded, sample.context, base_level=2))
    except SampleError as exc:
        problem = "示例数据有误：" + "；".join(p.message for p in exc.problems)
    except InputError as exc:
        problem = exc.title
    except ClauseFailure as failure:
        problem = f"渲染失败：{failure.problem.message}（第 {failure.problem.line} 行）"
    from generator.library.history import approvals, approved_body, word_diff
    from generator.library.reviewers import load_reviewers

    products = [(pid, library.products[pid].model.name) for pid in applicable]
    before = approved_body(loaded.path, clause) if clause.changed_since_approval else None
    reviewers, reviewer_problems = load_reviewers(library.root)
    from generator.library.describe import category_label

    every = metadata_rows(library, loaded, sample)
    from generator.core.kinds import KINDS

    plain = {"类别": category_label(clause.category),
             "适用的产品类型": "、".join(library.products[p].model.name for p in applicable) or "（现有产品类型资料中没有）",
             "使用的承诺": "、".join(KINDS[k].label for k in clause.uses) or "（无）"}
    rows = [(label, plain.get(label, value)) for label, value in every if label not in JARGON_ROWS]
    detail = [(label, value) for label, value in every if label in JARGON_ROWS]
    return render_template("clause.html", clause=clause, state=state(clause), rows=rows,
                           body=body, problem=problem, source=clause.body, products=products,
                           product=sample.product.model.id if sample else "", refusal=None,
                           diff=word_diff(before, clause.body) if before is not None else None,
                           history=list(reversed(approvals(loaded.path, clause))),
                           reviewers=reviewers, reviewer_problems=[p.message for p in reviewer_problems],
                           detail=detail)


JARGON_ROWS = ("编号", "文件", "正文 sha256", "示例数据")  # shown under 来源, not among the clause's facts


@blueprint.post("/clauses/<clause_id>/approve")
def approve(clause_id: str):
    from generator.library.approve import approve as approve_clauses
    from generator.library.reviewers import load_reviewers

    library = _library()
    title = _find(library, clause_id).model.title
    by = request.form.get("by", "").strip()
    note = request.form.get("note", "").strip()
    listed = [r.name for r in load_reviewers(library.root)[0]]
    if by not in listed:
        flash("请从列表中选择审定人后再审定" if not by else f"“{by}”不在审定人名单中，不能审定", "error")
        return redirect(url_for("clauses.show", clause_id=clause_id, _anchor="approve"))
    try:
        outcome = approve_clauses(library, [clause_id], by, note)
    except UserError as error:
        view = error_view(error, library.root)
        flash(view["title"] + "：" + "；".join(p.message for p in view["problems"]), "error")
        return redirect(url_for("clauses.show", clause_id=clause_id, _anchor="approve"))
    for done in outcome.approved:
        bumped = f"，正文已改，版本号升为第 {done.version} 版" if done.bumped else ""
        flash(f"已审定“{title}”：第 {done.version} 版，审定人 {by}{bumped}", "ok")
    for loaded in outcome.already:
        flash(f"“{loaded.model.title}”已是审定状态，未改动", "ok")
    for loaded, findings in outcome.refused:
        flash(f"“{loaded.model.title}”未审定：条款检查发现 {len(findings)} 个问题——"
              + "；".join(f.message for f in findings[:5]), "error")
    return redirect(url_for("clauses.show", clause_id=clause_id, _anchor="approve"))
