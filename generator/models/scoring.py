"""The after-sales 评分标准 of a tender: scoring items with their point bands.

    scoring:
      - item: 响应时间
        text: 接到报修后响应时间≤2小时得3分，≤4小时得2分，其他不得分
        kind: response
        bands:
          - {bound: at_most, value: 2小时, points: 3}
          - {bound: at_most, value: 4小时, points: 2}
      - item: 本地化服务
        text: 在项目所在地设有服务网点的得2分
        category: network      # the section that answers it; judged by the evaluators
        points: 2

A band is a requirement the commitments either meet or not (generator.resolve.scoring evaluates it with
the same rules as the 偏离表); the item earns the points of the best band met.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, PrivateAttr, model_validator

from generator.core.kinds import KINDS
from generator.models.clause import Category
from generator.models.requirement import Requirement, RequirementSource, Strict


class ScoreBand(Strict):
    bound: Literal["at_most", "at_least", "equals", "present"]
    value: Annotated[Any, PlainValidator(lambda v: v)] = None
    points: float = Field(gt=0, le=100)


class ScoringItem(Strict):
    item: str = Field(min_length=1)  # the short name evaluators use: 响应时间
    text: str = Field(min_length=1)  # the 评分标准's own sentence
    kind: Literal[tuple(KINDS)] | None = None  # type: ignore[valid-type]
    qualifier: str | None = None  # the tier it is about: 市区
    bands: list[ScoreBand] = []
    category: Category | None = None  # the section that answers it, when no kind says so
    points: float | None = Field(default=None, gt=0, le=100)  # an item the evaluators judge themselves
    source: RequirementSource = RequirementSource.model_construct()
    # each band with its requirement, made once while validating (and cached with the model,
    # load/validated.py): scoring a build then validates nothing
    _bands: tuple[tuple[ScoreBand, Requirement], ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _consistent(self) -> ScoringItem:
        if self.bands and self.kind is None:
            raise ValueError(f"评分项“{self.item}”写了 bands（分档），但缺少 kind（承诺种类，如 response）")
        if self.kind is not None and not self.bands:
            raise ValueError(f"评分项“{self.item}”写了 kind，但缺少 bands（例如 {{bound: at_most, value: 2小时, points: 3}}）")
        if not self.bands and self.points is None:
            raise ValueError(f"评分项“{self.item}”既无 bands 也无 points：请写明分值")
        if self.bands and self.points is not None:
            raise ValueError(f"评分项“{self.item}”的分值由 bands 给出，不要再写 points")
        # every band's value must read as the kind's quantity
        self._bands = tuple((band, self._make_band_requirement(index)) for index, band in enumerate(self.bands))
        return self

    def band_requirement(self, index: int) -> Requirement:
        """Band `index` as a requirement (the shape the 偏离表 rules evaluate)."""
        if index < len(self._bands) and self._bands[index][0] is self.bands[index]:
            return self._bands[index][1]
        return self._make_band_requirement(index)  # a copy with other bands

    def _make_band_requirement(self, index: int) -> Requirement:
        band = self.bands[index]
        try:
            return Requirement(text=self.text, kind=self.kind, bound=band.bound, value=band.value,
                               qualifier=self.qualifier)
        except ValueError as exc:
            raise ValueError(f"评分项“{self.item}”第 {index + 1} 档：{_reason(exc)}") from None

    @property
    def max_points(self) -> float:
        return max(b.points for b in self.bands) if self.bands else float(self.points or 0)


def _reason(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return "；".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in errors())
    return str(exc)
