"""What a clause body can use: the tender, the bidder, the product type and the commitments."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.models.commitments import KINDS
from generator.models.parties import Bidder, ProductType
from generator.models.tender import Tender
from generator.quantities import Quantity
from generator.resolve import Commitments, Deviation, Resolved, worst_value


class KindView:
    """One commitment kind inside a template: `{{ c.response }}`, `{{ c.onsite_arrival.市区 }}`."""

    def __init__(self, resolved: Resolved, label: str) -> None:
        self._resolved = resolved
        self.label = label
        self.qualified = any(q is not None for q in resolved.values)

    def __str__(self) -> str:
        return self._resolved.describe()

    def __getitem__(self, qualifier: str) -> Quantity:
        return self._resolved.values[qualifier]

    def __getattr__(self, qualifier: str) -> Quantity:
        if qualifier.startswith("_"):
            raise AttributeError(qualifier)
        try:
            return self._resolved.values[qualifier]
        except KeyError:
            raise AttributeError(qualifier) from None

    def items(self) -> Iterator[tuple[str, Quantity]]:
        for qualifier, value in self._resolved.values.items():
            yield qualifier or "", value

    @property
    def worst(self) -> Quantity:
        """The longest value: the promise that holds in every case."""
        return worst_value(self._resolved)


@dataclass(frozen=True)
class FaultRow:
    level: str
    name: str
    examples: str
    response: Quantity
    onsite_arrival: Quantity | None
    resolution: Quantity


class DeviationRow:
    """A 偏离表 row as a clause sees it: the Deviation, plus `response`, what is offered named in the
    product's own words (“保修期：3年”, “到达现场时间：市区2小时”), so the cell reads on its own."""

    def __init__(self, deviation: Deviation, label: str) -> None:
        self._deviation = deviation
        self.response = f"{label}：{deviation.offered_text}" if deviation.compared else deviation.offered_text

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._deviation, name)


def kind_label(kind: str, product: ProductType) -> str:
    label = KINDS[kind][1]
    return product.warranty_word if kind == "warranty" else label


def build_context(tender: Tender, bidder: Bidder, product: ProductType, commitments: Commitments,
                  deviations: list[Deviation]) -> dict[str, Any]:
    views = {kind: KindView(r, kind_label(kind, product)) for kind, r in commitments.kinds.items()}
    faults = {f.level: f for f in product.faults}
    levels = [
        FaultRow(name, faults[name].name if name in faults else f"{name}故障",
                 faults[name].examples if name in faults else "", lvl.response, lvl.onsite_arrival, lvl.resolution)
        for name, lvl in commitments.fault_levels.items()
    ]
    summary = [(views[k].label, str(views[k])) for k in KINDS if k in views]
    return {
        "tender": tender,
        "bidder": bidder,
        "product": product,
        "c": views,
        "levels": levels,
        "deviations": [DeviationRow(d, kind_label(d.requirement.kind, product)) for d in deviations],
        "summary": summary,
        "w": product.warranty_word,
        "noun": product.noun,
        "unit": product.measure_word,
        "has": {cap: True for cap in product.capabilities} | {
            cap: False for cap in ("installation", "onsite_repair", "software", "consumable", "construction",
                                   "training") if cap not in product.capabilities},
    }
