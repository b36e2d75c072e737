"""`clauses lint`: every rule over every clause file, and every clause rendered with every sample.

Render failures repeat across samples; they are grouped so one broken line is one finding that
names the product types and bidders it fails for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.library import lint_rules
from generator.library.findings import Finding, from_problem
from generator.library.marking import SampleRenderer
from generator.library.repository import Library
from generator.library.samples import SampleError, make_sample
from generator.models.clause import Clause
from generator.render.proposal import ClauseFailure

_LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@dataclass
class LintResult:
    findings: list[Finding]
    clauses: int = 0
    products: int = 0
    bidders: int = 0
    renders: int = 0
    clause_paths: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


def _render_matrix(library: Library, result: LintResult,
                   rendered: dict[tuple[str, str], str]) -> list[Finding]:
    """Render every clause with every product type × bidder; `rendered` gets one text per
    (clause file, product type), for the product-word rule."""
    renderer = SampleRenderer()
    groups: dict[tuple[str, int | None, str, str], tuple[set[str], set[str]]] = {}
    out: list[Finding] = []
    for product_id in sorted(library.products):
        clauses = [c for c in library.clauses
                   if c.model.status != "retired" and c.model.applies(product_id, library.capabilities(product_id))]
        for bidder_id in sorted(library.bidders):
            try:
                sample = make_sample(library, product_id, bidder_id)
            except SampleError as error:
                for problem in error.problems:
                    out.append(from_problem("profile", problem))
                continue
            for loaded in clauses:
                clause: Clause = loaded.model
                result.renders += 1
                try:
                    text = renderer.text(loaded, sample.context)
                    rendered.setdefault((str(loaded.path), product_id), text)
                    blocks = renderer.to_blocks(loaded, text, sample.context)
                except ClauseFailure as failure:
                    problem = failure.problem
                    key = (str(problem.path), problem.line, problem.message, clause.id)
                else:
                    leftover = _LEFTOVER.search(text)
                    if leftover:
                        key = (str(loaded.path), loaded.line_of("body"),
                               f"渲染结果中残留模板符号“{leftover.group()}”", clause.id)
                    elif not blocks:
                        key = (str(loaded.path), loaded.line_of("body"), "渲染结果为空", clause.id)
                    else:
                        continue
                products, bidders = groups.setdefault(key, (set(), set()))
                products.add(product_id)
                bidders.add(bidder_id)
    paths = {str(c.path): c.path for c in library.clauses}
    for (path, line, message, clause_id), (products, bidders) in groups.items():
        where = f"（产品类型 {'、'.join(sorted(products))}；投标人 {'、'.join(sorted(bidders))}）"
        out.append(Finding("render", paths.get(path, path), line, message + where, clause_id,
                           "aftersales clauses show ID --product-type 类型 可查看渲染结果"))
    return out


def _clause_files(library: Library) -> list[Path]:
    return sorted((library.root / "clauses").rglob("*.yaml"))


def lint(library: Library) -> LintResult:
    result = LintResult(findings=[], clauses=len(library.clauses), products=len(library.products),
                        bidders=len(library.bidders), clause_paths=_clause_files(library))
    findings = [from_problem("invalid-file", p) for p in library.problems]
    findings += lint_rules.duplicate_ids(library)
    if not library.bidders:
        findings.append(Finding("profile", library.root / "profiles" / "bidders", None,
                                "没有可用的投标人资料，无法用示例数据渲染检查条款"))
    rendered: dict[tuple[str, str], str] = {}
    findings += _render_matrix(library, result, rendered)
    owners = lint_rules.vocabulary(library)
    for loaded in library.clauses:
        findings += lint_rules.metadata(loaded, library)
        findings += lint_rules.literal_number_rule(loaded)
        findings += lint_rules.uses_rule(loaded)
        findings += lint_rules.product_word_rule(loaded, owners, library, rendered)
        findings += lint_rules.missing_commitment_rule(loaded, library)
    result.findings = sorted(set(findings), key=Finding.sort_key)
    return result
