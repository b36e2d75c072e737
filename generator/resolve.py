"""Resolve one set of commitments: product type defaults < bidder profile < tender overrides.

Each kind is taken whole from the highest layer that sets it (a tender that overrides
`onsite_arrival` restates every region), and remembers the file and line that set it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.models.commitments import KINDS, FaultLevel, Qualified
from generator.models.tender import BOUND_WORDS, Requirement
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


def _worst(resolved: Resolved) -> Quantity:
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
    for earlier, later in zip(chain, chain[1:]):
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
            if headline and compare(value, _worst(headline)) == 1 and source:
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

    @property
    def negative(self) -> bool:
        return self.status == "负偏离"


def _offered_values(requirement: Requirement, offered: Resolved) -> list[tuple[str | None, Quantity]]:
    if requirement.qualifier is None:
        return list(offered.values.items())
    return [(q, v) for q, v in offered.values.items() if q in (requirement.qualifier, None)]


def evaluate(requirement: Requirement, commitments: Commitments) -> Deviation:
    offered = commitments.get(requirement.kind)
    label = KINDS[requirement.kind][1]
    if offered is None:
        return Deviation(requirement, None, "负偏离", f"方案未承诺{label}")
    if requirement.bound == "present":
        return Deviation(requirement, offered, "无偏离", f"承诺{offered.describe()}")
    target = requirement.quantity
    assert target is not None
    values = _offered_values(requirement, offered)
    if not values:
        return Deviation(requirement, offered, "负偏离", f"方案未就“{requirement.qualifier}”承诺{label}")
    results = []
    for qualifier, value in values:
        cmp = compare(value, target)
        if cmp is None:
            return Deviation(requirement, offered, "负偏离",
                             f"承诺的{qualifier or ''}{value}与要求的{target}单位不同，无法比较，须人工确认")
        results.append(cmp)
    if requirement.bound == "at_most":
        better, worse = all(r < 0 for r in results), any(r > 0 for r in results)
    elif requirement.bound == "at_least":
        better, worse = all(r > 0 for r in results), any(r < 0 for r in results)
    else:
        better, worse = False, any(r != 0 for r in results)
    offered_text = offered.describe() if requirement.qualifier is None else "、".join(
        f"{q or ''}{v}" for q, v in values)
    wanted = f"{BOUND_WORDS[requirement.bound]}{target}"
    if worse:
        return Deviation(requirement, offered, "负偏离", f"承诺{offered_text}，不满足“{wanted}”")
    if better:
        return Deviation(requirement, offered, "正偏离", f"承诺{offered_text}，优于“{wanted}”")
    return Deviation(requirement, offered, "无偏离", f"承诺{offered_text}，满足“{wanted}”")
