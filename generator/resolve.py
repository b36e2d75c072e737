"""Resolve one set of commitments: product type defaults < bidder profile < tender overrides.

Each kind is taken whole from the highest layer that sets it (a tender that overrides
`onsite_arrival` restates every region), and remembers the file and line that set it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import Problem
from generator.models.commitments import KINDS, FaultLevel, Qualified
from generator.models.tender import Requirement
from generator.quantities import Duration, Quantity, compare
from generator.yamlio import Loaded


@dataclass(frozen=True)
class Source:
    path: Path
    line: int | None

    def __str__(self) -> str:
        from generator.errors import display_path

        return f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)


@dataclass(frozen=True)
class Resolved:
    kind: str
    values: Qualified
    source: Source

    @property
    def label(self) -> str:
        return KINDS[self.kind][1]

    def describe(self) -> str:
        """Human form, e.g. “市区2小时、省外24小时”."""
        return "、".join(f"{q or ''}{v}" for q, v in self.values.items())


@dataclass(frozen=True)
class Commitments:
    """The one resolved set every section of a proposal draws its numbers from."""

    kinds: dict[str, Resolved]
    fault_levels: dict[str, FaultLevel]
    fault_levels_source: Source | None

    def get(self, kind: str) -> Resolved | None:
        return self.kinds.get(kind)


@dataclass(frozen=True)
class Layer:
    """One input file that may set commitments, at `key` (commitments or overrides)."""

    loaded: Loaded
    key: str

    @property
    def block(self):  # noqa: ANN201 - CommitmentsInput
        return getattr(self.loaded.model, self.key)


def resolve_commitments(layers: list[Layer]) -> Commitments:
    """Merge layers in increasing precedence."""
    kinds: dict[str, Resolved] = {}
    fault_levels: dict[str, FaultLevel] = {}
    fault_source: Source | None = None
    for layer in layers:
        for kind, values in layer.block.given().items():
            source = Source(layer.loaded.path, layer.loaded.line_of(layer.key, kind))
            if kind == "fault_levels":
                fault_levels, fault_source = values, source
            else:
                kinds[kind] = Resolved(kind, values, source)
    return Commitments(kinds, fault_levels, fault_source)


def worst_value(resolved: Resolved) -> Quantity:
    """The slowest value of a duration kind (the promise that holds in every case)."""
    values = list(resolved.values.values())
    worst = values[0]
    for value in values[1:]:
        if compare(value, worst) == 1:
            worst = value
    return worst


def logic_problems(commitments: Commitments) -> list[Problem]:
    """Response ≤ on-site arrival ≤ resolution, and fault levels within the headline promises."""
    problems: list[Problem] = []
    chain = [k for k in ("response", "onsite_arrival", "resolution") if commitments.get(k)]
    for earlier, later in zip(chain, chain[1:], strict=False):
        a, b = commitments.kinds[earlier], commitments.kinds[later]
        for qa, va in a.values.items():
            for qb, vb in b.values.items():
                if qa is not None and qb is not None and qa != qb:
                    continue
                if compare(va, vb) == 1:
                    problems.append(Problem(
                        b.source.path,
                        f"{a.label}（{qa or ''}{va}，{a.source}）长于{b.label}（{qb or ''}{vb}）",
                        b.source.line, field=f"commitments.{later}",
                        hint=f"{a.label}应不长于{b.label}",
                    ))
    levels = list(commitments.fault_levels.items())
    source = commitments.fault_levels_source
    for kind in ("response", "onsite_arrival", "resolution"):
        headline = commitments.get(kind)
        previous: tuple[str, Duration] | None = None
        for name, level in levels:
            value = getattr(level, kind)
            if value is None:
                continue
            if headline and compare(value, worst_value(headline)) == 1 and source:
                problems.append(Problem(
                    source.path,
                    f"{name}故障的{KINDS[kind][1]}（{value}）长于总体承诺（{headline.describe()}，{headline.source}）",
                    source.line, field=f"commitments.fault_levels.{name}.{kind}",
                ))
            if previous and compare(value, previous[1]) == -1 and source:
                problems.append(Problem(
                    source.path,
                    f"{name}故障的{KINDS[kind][1]}（{value}）短于更紧急的{previous[0]}故障（{previous[1]}）",
                    source.line, field=f"commitments.fault_levels.{name}.{kind}",
                    hint="故障等级按紧急程度由高到低排列，时限应逐级放宽或相同",
                ))
            previous = (name, value)
    return problems


@dataclass(frozen=True)
class Deviation:
    """One row of the 偏离表: a requirement against what the proposal offers."""

    requirement: Requirement
    offered: Resolved | None
    status: str  # 正偏离 / 无偏离 / 负偏离
    note: str
    # The offered values this requirement is judged on (only 市区 for a 市区 requirement), as
    # (qualifier, value); empty when nothing applicable is offered.
    compared: tuple[tuple[str | None, Quantity], ...] = ()
    source: Source | None = None  # the file and line that set the compared values

    @property
    def negative(self) -> bool:
        return self.status == "负偏离"

    @property
    def offered_text(self) -> str:
        """The 投标响应 cell: the values the row is about, “市区2小时”, or “未承诺”."""
        if self.compared:
            return _join(self.compared)
        if self.offered is not None and self.requirement.qualifier is None:
            return self.offered.describe()
        return "未承诺"


def _join(values: tuple[tuple[str | None, Quantity], ...] | list[tuple[str | None, Quantity]]) -> str:
    return "、".join(f"{q or ''}{v}" for q, v in values)


FAULT_KINDS = ("response", "onsite_arrival", "resolution")


def _offered_values(requirement: Requirement, offered: Resolved | None,
                    commitments: Commitments) -> list[tuple[str | None, Quantity]]:
    """Values a requirement applies to: all of them, those of its qualifier (plus an unqualified
    value, which holds everywhere), or a fault level's own limit for “一级故障…” requirements."""
    qualifier = requirement.qualifier
    if qualifier is not None and requirement.kind in FAULT_KINDS and qualifier in commitments.fault_levels:
        own = getattr(commitments.fault_levels[qualifier], requirement.kind)
        if own is not None:
            return [(f"{qualifier}故障", own)]
        # a level without its own on-site limit follows the headline promise
    if offered is None:
        return []
    if qualifier is None or qualifier in commitments.fault_levels:
        return list(offered.values.items())
    return [(q, v) for q, v in offered.values.items() if q in (qualifier, None)]


def evaluate(requirement: Requirement, commitments: Commitments) -> Deviation:
    row = _evaluate(requirement, commitments)
    by_level = bool(row.compared) and row.compared[0][0] == f"{requirement.qualifier}故障"
    source = commitments.fault_levels_source if by_level else (row.offered.source if row.offered else None)
    return replace(row, source=source)


def _evaluate(requirement: Requirement, commitments: Commitments) -> Deviation:
    offered = commitments.get(requirement.kind)
    label = KINDS[requirement.kind][1]
    values = _offered_values(requirement, offered, commitments)
    if not values:
        if offered is None:
            return Deviation(requirement, None, "负偏离", f"方案未承诺{label}")
        return Deviation(requirement, offered, "负偏离", f"方案未就“{requirement.qualifier}”承诺{label}")
    compared = tuple(values)
    offered_text = _join(values)
    if requirement.bound == "present":
        return Deviation(requirement, offered, "无偏离", f"已承诺{label}{offered_text}", compared)
    target = requirement.quantity
    assert target is not None
    results = []
    for qualifier, value in values:
        cmp = compare(value, target)
        if cmp is None:
            return Deviation(requirement, offered, "负偏离",
                             f"承诺的{qualifier or ''}{value}与要求的{target}单位不同，无法比较，须人工确认", compared)
        results.append(cmp)
    if requirement.bound == "at_most":
        failing = [v for v, r in zip(values, results, strict=True) if r > 0]
        better = all(r < 0 for r in results)
    elif requirement.bound == "at_least":
        failing = [v for v, r in zip(values, results, strict=True) if r < 0]
        better = all(r > 0 for r in results)
    else:
        failing = [v for v, r in zip(values, results, strict=True) if r != 0]
        better = False
    wanted = requirement.wanted
    if failing:
        return Deviation(requirement, offered, "负偏离", f"承诺{_join(failing)}，不满足“{wanted}”的要求", compared)
    if better:
        return Deviation(requirement, offered, "正偏离", f"承诺{offered_text}，优于“{wanted}”的要求", compared)
    return Deviation(requirement, offered, "无偏离", f"承诺{offered_text}，满足“{wanted}”的要求", compared)
