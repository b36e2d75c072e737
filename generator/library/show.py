"""`clauses show ID`: a clause's metadata and its body rendered with sample values, as text."""

from __future__ import annotations

from generator.core.errors import InputError, display_path
from generator.library.describe import (
    STATE_LABELS,
    approval_text,
    category_label,
    display_width,
    scope_text,
    state,
    uses_text,
)
from generator.library.marking import CLOSE, OPEN, SampleRenderer
from generator.library.repository import Library
from generator.library.samples import SAMPLE_TENDER, Sample, SampleError, sample_for
from generator.load.yamlio import Loaded
from generator.models.clause import Clause
from generator.render.blocks import Block, Heading, ListBlock, PageBreak, Paragraph, Signature, Table
from generator.render.proposal import ClauseFailure

DATA_OPEN, DATA_CLOSE = "〔", "〕"


def metadata_rows(library: Library, loaded: Loaded, sample: Sample | None) -> list[tuple[str, str]]:
    clause: Clause = loaded.model
    rel = loaded.path.relative_to(library.root) if loaded.path.is_relative_to(library.root) else loaded.path
    rows = [
        ("编号", clause.id),
        ("标题", clause.title),
        ("类别", f"{clause.category}（{category_label(clause.category)}）"),
        ("版本", f"第 {clause.version} 版"),
        ("状态", STATE_LABELS[state(clause)]),
        ("审定记录", approval_text(clause)),
        ("适用范围", scope_text(clause)),
        ("适用的产品类型", "、".join(library.applicable_products(clause)) or "（现有产品类型资料中没有）"),
        ("使用的承诺", uses_text(clause)),
        ("文件", display_path(rel)),
        ("正文 sha256", clause.body_sha256),
    ]
    if sample is not None:
        tender = "示例招标项目（按产品类型默认承诺生成）" if sample.tender.path == SAMPLE_TENDER else display_path(
            sample.tender.path.relative_to(library.root) if sample.tender.path.is_relative_to(library.root)
            else sample.tender.path)
        rows.append(("示例数据", f"{sample.label}；招标项目 {tender}"))
    return rows


def _marked(text: str) -> str:
    return text.replace(OPEN, DATA_OPEN).replace(CLOSE, DATA_CLOSE)


def blocks_text(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["", _marked(block.text)]
        elif isinstance(block, Paragraph):
            lines.append(("　" * 8 if block.style == "right" else "　　") + _marked(block.text))
        elif isinstance(block, ListBlock):
            lines += [f"　　{index}. {_marked(item)}" if block.ordered else f"　　• {_marked(item)}"
                      for index, item in enumerate(block.items, start=1)]
        elif isinstance(block, Table):
            lines += ["　　" + " │ ".join(_marked(cell) for cell in row) for row in (block.header, *block.rows)]
        elif isinstance(block, Signature):
            lines += ["　" * 8 + _marked(f"{label}{value}") for label, value in block.lines]
        elif isinstance(block, PageBreak):
            lines.append("　　（分页）")
    return lines


def show_text(library: Library, loaded: Loaded, product_id: str | None = None, bidder_id: str | None = None,
              source: bool = False) -> tuple[str, bool]:
    """The text to print and whether the clause rendered."""
    clause: Clause = loaded.model
    sample: Sample | None = None
    error = ""
    if not source:
        try:
            sample = sample_for(library, clause, product_id, bidder_id)
        except SampleError as exc:
            error = "示例数据有误：" + "；".join(str(p) for p in exc.problems)
        except InputError as exc:
            if product_id is not None or bidder_id is not None:
                raise  # a product type or bidder the user named does not exist
            error = exc.title  # no product type this clause applies to: show its source instead
    rows = metadata_rows(library, loaded, sample)
    width = max(display_width(label) for label, _ in rows)
    lines = [f"{label}{' ' * (width - display_width(label))}：{value}" for label, value in rows]
    if product_id is not None and product_id not in library.applicable_products(clause):
        lines.append(f"注意：该条款不适用于产品类型 {product_id}，正式方案中不会出现")
    lines.append("─" * 60)
    if source:
        lines += ["正文源文本：", "", clause.body]
        return "\n".join(lines), True
    if sample is not None:
        try:
            blocks = SampleRenderer(marked=True).blocks(loaded, sample.context, base_level=2)
        except ClauseFailure as failure:
            error = f"渲染失败：{failure.problem}"
        else:
            lines.append(f"正文（示例数据渲染；{DATA_OPEN}{DATA_CLOSE}内为按资料填入的内容）：")
            lines += blocks_text(blocks)
            return "\n".join(lines), True
    lines += [error, "", "正文源文本：", "", clause.body]
    return "\n".join(lines), False
