"""Points the commitments earn under the tender's after-sales 评分标准, and what would earn more.

Each band of a scoring item is a requirement; the item earns the points of the best band the
commitments meet, judged by the same rules as the 偏离表 (generator.resolve.commitments.evaluate: tiers,
qualifiers, 3年或10万公里). Items without a kind are judged by the evaluators: no points here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.kinds import KINDS
from generator.models.scoring import ScoringItem
from generator.resolve.commitments import Commitments, evaluate

FALLBACK_CATEGORY = "summary"  # 服务承诺一览表 lists every commitment



def kind_category(kind: str | None) -> str:
    """The clause category whose section answers an item about this kind."""
    return KINDS[kind].answered_in if kind in KINDS else FALLBACK_CATEGORY


@dataclass(frozen=True)
class ItemScore:
    item: ScoringItem
    earned: float | None  # None: the evaluators judge it
    offered: str  # what the commitments promise, in the 偏离表's words ("" when no kind)
    better: str | None  # what would earn more: 承诺不超过2小时可得3分

    @property
    def category(self) -> str:
        return self.item.category or kind_category(self.item.kind)

    def summary(self) -> str:
        """One line of the build's report: 响应时间：3/3 分（承诺1小时）."""
        if self.earned is None:
            return f"{self.item.item}：由评标专家评定（满分 {_points(self.item.max_points)} 分）"
        line = f"{self.item.item}：{_points(self.earned)}/{_points(self.item.max_points)} 分（承诺{self.offered}）"
        return line + (f"；{self.better}" if self.better else "")

    def record(self, section: str | None = None) -> dict[str, object]:
        """The item as manifest.json states it."""
        return {"item": self.item.item, "text": self.item.text, "kind": self.item.kind,
                "max_points": self.item.max_points, "earned": self.earned, "offered": self.offered or None,
                "better": self.better, "section": section}


def _points(value: float) -> str:
    return f"{value:g}"


def score_item(item: ScoringItem, commitments: Commitments) -> ItemScore:
    if not item.bands:
        return ItemScore(item, None, "", None)
    met: list[float] = []
    offered = ""
    for index, band in enumerate(item.bands):
        deviation = evaluate(item.band_requirement(index), commitments)
        offered = offered or deviation.offered_text
        if not deviation.negative:
            met.append(band.points)
    earned = max(met, default=0.0)
    higher = sorted((b.points, i) for i, b in enumerate(item.bands) if b.points > earned)
    better = None
    if higher:
        points, index = higher[0]
        better = f"承诺{item.qualifier or ''}{item.band_requirement(index).wanted}可得 {_points(points)} 分"
    return ItemScore(item, earned, offered or "无", better)


def score_items(items: list[ScoringItem], commitments: Commitments) -> list[ItemScore]:
    return [score_item(item, commitments) for item in items]
