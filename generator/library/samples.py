"""Sample values to render a clause with: one product type, one bidder, and a tender for them.

A tender under tenders/ for that product type is used when there is one (the bidder swapped in);
otherwise a sample tender is made up whose requirements restate the product's own defaults, so
the deviation table has rows to show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from generator.core.errors import InputError, Problem
from generator.core.kinds import HOTLINE, KINDS, RESPONSE, SHELF_LIFE, WARRANTY
from generator.core.layout import Layout
from generator.library.repository import Library
from generator.load.yamlio import Loaded
from generator.models.clause import Clause
from generator.models.requirement import Requirement
from generator.models.tender import Tender
from generator.resolve.commitments import Commitments, evaluate, logic_problems, proposal_layers, resolve_commitments

SAMPLE_TENDER = Path("（示例招标项目）")
_SAMPLE_REQUIREMENTS = (RESPONSE, WARRANTY, SHELF_LIFE, HOTLINE)  # bound: at_most for a deadline, else at_least


class SampleError(Exception):
    """Sample values cannot be made for this product type and bidder (their profiles disagree)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Sample:
    product: Loaded
    bidder: Loaded
    tender: Loaded
    commitments: Commitments
    context: dict[str, Any]

    @property
    def label(self) -> str:
        product, bidder = self.product.model, self.bidder.model
        return f"产品类型 {product.id}（{product.name}），投标人 {bidder.id}（{bidder.legal_name}）"


def _tender_for(library: Library, product_id: str) -> Loaded | None:
    """A real tender of this product type: tenders/examples/<id>.yaml first, then any other."""
    matching = [t for t in library.tenders if t.model.product_type == product_id]
    matching.sort(key=lambda t: (t.path.stem != product_id, t.path.as_posix()))
    return matching[0] if matching else None


def _made_up_tender(product: Loaded, bidder_id: str) -> Loaded:
    model = product.model
    defaults = resolve_commitments(proposal_layers(product))
    requirements = []
    for kind in _SAMPLE_REQUIREMENTS:
        bound = "at_most" if KINDS[kind].better == "lower" else "at_least"
        resolved = defaults.get(kind)
        if resolved is None or list(resolved.values) != [None]:
            continue
        value = str(resolved.values[None])
        word = "不超过" if bound == "at_most" else "不少于"
        label = KINDS[kind].label_for(model)
        requirement = {"text": f"{label}{word}{value}", "kind": kind, "bound": bound, "value": value}
        try:
            Requirement.model_validate(requirement)
        except ValidationError:  # a value whose text form does not parse back (7×24小时): leave it out
            continue
        requirements.append(requirement)
    tender = Tender.model_validate({
        "id": "sample",
        "project_name": f"示例{model.name}采购项目",
        "project_number": "SAMPLE-0001",
        "purchaser": {"name": "示例采购单位"},
        "delivery_place": "采购人指定地点",
        "bidder": bidder_id,
        "product_type": model.id,
        "products": model.name,
        "date": dt.date.today(),
        "requirements": requirements,
    })
    return Loaded(SAMPLE_TENDER, tender, CommentedMap())


def make_sample(library: Library, product_id: str, bidder_id: str) -> Sample:
    from generator.render.context import build_context

    if product_id not in library.products:
        raise InputError(f"没有产品类型“{product_id}”的资料", [Problem(
            Layout(library.root).products, f"找不到 {product_id}.yaml",
            hint="现有产品类型：" + "、".join(sorted(library.products)))])
    if bidder_id not in library.bidders:
        raise InputError(f"没有投标人“{bidder_id}”的资料", [Problem(
            Layout(library.root).bidders, f"找不到 {bidder_id}.yaml",
            hint="现有投标人：" + "、".join(sorted(library.bidders)))])
    product, bidder = library.products[product_id], library.bidders[bidder_id]
    real = _tender_for(library, product_id)
    if real is not None:
        tender = Loaded(real.path, real.model.model_copy(update={"bidder": bidder_id}), real.raw)
    else:
        tender = _made_up_tender(product, bidder_id)
    commitments = resolve_commitments(proposal_layers(product, bidder, tender))
    problems = logic_problems(commitments)
    if problems:
        raise SampleError(problems)
    deviations = [evaluate(r, commitments) for r in tender.model.requirements]
    context = build_context(tender.model, bidder.model, product.model, commitments, deviations)
    return Sample(product, bidder, tender, commitments, context)


def sample_for(library: Library, clause: Clause, product_id: str | None = None,
               bidder_id: str | None = None) -> Sample:
    """Sample values for showing one clause: the given product/bidder, else the first that fit."""
    if product_id is None:
        applicable = library.applicable_products(clause)
        if not applicable:
            raise InputError(f"条款“{clause.id}”不适用于现有的任何产品类型，无法用示例数据展示", [Problem(
                Layout(library.root).products, "没有适用的产品类型资料",
                hint="用 --product-type 指定一个产品类型")])
        with_tender = [pid for pid in applicable if _tender_for(library, pid) is not None]
        product_id = (with_tender or applicable)[0]
    if bidder_id is None:
        if not library.bidders:
            raise InputError("没有投标人资料，无法用示例数据展示", [Problem(
                Layout(library.root).bidders, "目录中没有投标人资料")])
        bidder_id = sorted(library.bidders)[0]
    return make_sample(library, product_id, bidder_id)
