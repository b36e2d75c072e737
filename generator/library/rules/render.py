"""render: every clause that applies to a product type is rendered with every sample (product type
× bidder). A failure repeats across samples; it is grouped so one broken line is one finding that
names the product types and bidders it fails for. Leftover template syntax and an empty result
count as failures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.findings import ERROR, Finding, Rule
from generator.library.marking import SampleRenderer
from generator.library.rules import LintContext, from_problem
from generator.library.samples import SampleError, make_sample
from generator.render.proposal import ClauseFailure

RULE = Rule("render", "用示例数据渲染失败", ERROR, order=40)
_LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@dataclass
class Matrix:
    """What rendering every sample gave: failures, profile problems, and one text per (clause file,
    product type) for the product-word rule."""

    failures: list[Finding] = field(default_factory=list)
    profile_problems: list[Finding] = field(default_factory=list)
    rendered: dict[tuple[str, str], str] = field(default_factory=dict)
    renders: int = 0


def matrix(context: LintContext) -> Matrix:
    result: Matrix = context.once("render-matrix", lambda: _render(context))
    return result


def check(context: LintContext) -> list[Finding]:
    return matrix(context).failures


def _render(context: LintContext) -> Matrix:
    library = context.library
    renderer = SampleRenderer()
    out = Matrix()
    groups: dict[tuple[str, int | None, str, str], tuple[set[str], set[str]]] = {}
    for product_id in sorted(library.products):
        clauses = [c for c in library.clauses if c.model.in_use_for(product_id, library.capabilities(product_id))]
        for bidder_id in sorted(library.bidders):
            try:
                sample = make_sample(library, product_id, bidder_id)
            except SampleError as error:
                out.profile_problems += [from_problem("profile", problem) for problem in error.problems]
                continue
            for loaded in clauses:
                out.renders += 1
                try:
                    text = renderer.text(loaded, sample.context)
                    out.rendered.setdefault((str(loaded.path), product_id), text)
                    blocks = renderer.to_blocks(loaded, text, sample.context)
                except ClauseFailure as failure:
                    problem = failure.problem
                    key = (str(problem.path), problem.line, problem.message, loaded.model.id)
                else:
                    leftover = _LEFTOVER.search(text)
                    if leftover:
                        key = (str(loaded.path), loaded.line_of("body"),
                               f"渲染结果中残留模板符号“{leftover.group()}”", loaded.model.id)
                    elif not blocks:
                        key = (str(loaded.path), loaded.line_of("body"), "渲染结果为空", loaded.model.id)
                    else:
                        continue
                products, bidders = groups.setdefault(key, (set(), set()))
                products.add(product_id)
                bidders.add(bidder_id)
    paths: dict[str, Path] = {str(c.path): c.path for c in library.clauses}
    for (path, line, message, clause_id), (products, bidders) in groups.items():
        where = f"（产品类型 {'、'.join(sorted(products))}；投标人 {'、'.join(sorted(bidders))}）"
        out.failures.append(Finding.in_file(RULE.id, paths.get(path, path), line, message + where, clause_id,
                                            "aftersales clauses show ID --product-type 类型 可查看渲染结果"))
    return out
