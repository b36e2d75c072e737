"""Resolve one set of commitments: product type defaults < bidder profile < tender overrides.

Each kind is taken whole from the highest layer that sets it (a tender that overrides
`onsite_arrival` restates every region), and remembers the file and line that set it.
Values are kept by tier (tiers.py); checks only pair values whose tiers nest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from generator.core.errors import Problem
from generator.core.judge import as_compared, verdict
from generator.core.kinds import (
    FAULT_KINDS,
    KINDS,
    ONSITE_ARRIVAL,
    RECORDS_RETENTION,
    RESOLUTION,
    SERVICE_PERIOD,
    SOFTWARE_UPGRADE,
    SPARE_PARTS,
    STARTING_KINDS,
    WARRANTY,
)
from generator.core.quantities import Alternative, Deadline, Duration, Proportion, Quantity, compare, deadline_after
from generator.load.yamlio import Loaded
from generator.models.commitments import FaultLevel, Qualified, Tiers
from generator.models.parties import Bidder, ProductType
from generator.models.requirement import Requirement
from generator.models.tiers import nested
from generator.resolve.presence import city_tier


@dataclass(frozen=True)
class Source:
    path: Path
    line: int | None

    def __str__(self) -> str:
        from generator.core.errors import display_path

        return self.shown(display_path(self.path))

    def shown(self, path: str) -> str:
        """As str(self), the file being shown as `path` (display_path of it, worked out by the caller)."""
        return f"{path}:{self.line}" if self.line else path


@dataclass(frozen=True)
class Resolved:
    kind: str
    values: Qualified
    source: Source
    starts: str | None = None  # what a warranty or service period counts from (see for_tender)

    @property
    def label(self) -> str:
        return KINDS[self.kind].label

    @property
    def replant_within(self) -> Duration | None:
        return getattr(self.values, "replant_within", None)

    def describe(self) -> str:
        """Human form, e.g. “市区2小时、省外24小时”."""
        return "、".join(f"{q or ''}{v}" for q, v in self.values.items())


@dataclass(frozen=True)
class Commitments:
    """The one resolved set every section of a proposal draws its numbers from."""

    kinds: dict[str, Resolved]
    fault_levels: dict[str, FaultLevel]
    fault_levels_source: Source | None
    tender_date: dt.date | None = None  # absolute deadlines (2026年3月1日前) are judged from it

    def get(self, kind: str) -> Resolved | None:
        return self.kinds.get(kind)


@dataclass(frozen=True)
class Layer:
    """One input file that may set commitments, at `key` (commitments or overrides)."""

    loaded: Loaded
    key: str
    variant: str | None = None  # a product type variant's commitments (variants.<name>.commitments)

    @property
    def block(self):  # CommitmentsInput
        owner = self.loaded.model if self.variant is None else self.loaded.model.variants[self.variant]
        return getattr(owner, self.key)

    def line_of(self, kind: str) -> int | None:
        prefix = () if self.variant is None else ("variants", self.variant)
        return self.loaded.line_of(*prefix, self.key, kind)


def proposal_layers(product: Loaded | None, bidder: Loaded | None = None, tender: Loaded | None = None) -> list[Layer]:
    """The one precedence of commitments: product type defaults < bidder profile < tender overrides."""
    pairs = ((product, "commitments"), (bidder, "commitments"), (tender, "overrides"))
    layers = [Layer(loaded, key) for loaded, key in pairs if loaded is not None]
    variants_for = getattr(getattr(product, "model", None), "variants_for_tender", None)
    if product is not None and variants_for is not None and tender is not None:  # the variants its products name
        layers[1:1] = [Layer(product, "commitments", name) for name in variants_for(tender.model)]
    return layers


def resolve_commitments(layers: list[Layer]) -> Commitments:
    """Merge layers in increasing precedence."""
    kinds: dict[str, Resolved] = {}
    defaults: dict[str, bool] = {}  # whether the kind's value is a product type's or bidder's default
    fault_levels: dict[str, FaultLevel] = {}
    fault_source: Source | None = None
    for layer in layers:
        for kind, values in layer.block.given().items():
            source = Source(layer.loaded.path, layer.line_of(kind))
            if kind == "fault_levels":
                fault_levels, fault_source = values, source
            else:
                kinds[kind] = Resolved(kind, values, source, getattr(values, "starts", None))
                defaults[kind] = isinstance(layer.loaded.model, (ProductType, Bidder))
    if defaults.get(RECORDS_RETENTION):
        kinds = _retention_follows(kinds)
    return Commitments(kinds, fault_levels, fault_source)


# The periods during which a bid promises service or supply; its service records are kept at
# least until the longest of them ends (a record is the proof of what was done in that period).
PROMISED_PERIODS = (WARRANTY, SERVICE_PERIOD, SOFTWARE_UPGRADE, SPARE_PARTS)


def longest_period(kinds: dict[str, Resolved]) -> tuple[Resolved, Duration] | None:
    """The longest promised period (the 年 limit of “3年或10万公里”) and the commitment it is in."""
    best: tuple[Resolved, Duration] | None = None
    for kind in PROMISED_PERIODS:
        resolved = kinds.get(kind)
        for value in resolved.values.values() if resolved else ():
            limit = value.limit_of(Duration) if isinstance(value, Alternative) else value
            if isinstance(limit, Duration) and (best is None or compare(limit, best[1]) == 1):
                best = (resolved, limit)  # type: ignore[assignment]
    return best


def _retention_follows(kinds: dict[str, Resolved]) -> dict[str, Resolved]:
    """A default retention (a product type's or the bidder's, written for every bid), raised to the
    longest period promised in this bid when shorter; a tender's own value is checked instead."""
    longest = longest_period(kinds)
    retention = kinds[RECORDS_RETENTION]
    if longest is None or all(compare(v, longest[1]) != -1 for v in retention.values.values()):
        return kinds
    return kinds | {RECORDS_RETENTION: Resolved(RECORDS_RETENTION, Tiers({None: longest[1]}), longest[0].source)}


def usual_start(capabilities: Sequence[str]) -> str:
    if "construction" in capabilities:
        return "竣工验收合格之日"
    return "终验合格之日" if "software" in capabilities else "验收合格之日"


def for_tender(commitments: Commitments, requirements: list[Requirement], tender_date: dt.date,
               capabilities: Sequence[str]) -> Commitments:
    """Commitments as offered to one tender: a warranty or service period that names no start
    event counts from the tender's own (its first requirement of that kind naming one), else
    from the product's usual event; absolute deadlines are judged from the tender's date."""
    kinds = dict(commitments.kinds)
    for kind in STARTING_KINDS & set(kinds):
        if kinds[kind].starts is None:
            asked = next((r.starts for r in requirements if r.kind == kind and r.starts), None)
            kinds[kind] = replace(kinds[kind], starts=asked or usual_start(capabilities))
    return replace(commitments, kinds=kinds, tender_date=tender_date)


def for_place(commitments: Commitments, municipality: bool) -> Commitments:
    """A 直辖市 has no province: a 省内 tier of any kind there means the 郊区 around the city
    (“市区2小时、省内4小时” → “市区2小时、郊区4小时”)."""
    if not municipality:
        return commitments
    kinds = dict(commitments.kinds)
    for kind, resolved in commitments.kinds.items():
        if any(q and "省内" in q for q in resolved.values):
            renamed = {(q.replace("省内", "郊区") if q else q): v for q, v in resolved.values.items()}
            kinds[kind] = replace(resolved, values=Tiers(renamed, getattr(resolved.values, "starts", None),
                                                         getattr(resolved.values, "replant_within", None)))
    return replace(commitments, kinds=kinds)


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
    chain = [k for k in FAULT_KINDS if commitments.get(k)]
    for earlier, later in zip(chain, chain[1:], strict=False):
        a, b = commitments.kinds[earlier], commitments.kinds[later]
        for qa, va in a.values.items():
            for qb, vb in b.values.items():
                if not nested(qa, qb):  # 市区 arrival and 大修 resolution are different cases
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
    for kind in FAULT_KINDS:
        headline = commitments.get(kind)
        previous: tuple[str, Duration] | None = None
        for name, level in levels:
            value = getattr(level, kind)
            if value is None:
                continue
            if headline and compare(value, worst_value(headline)) == 1 and source:
                problems.append(Problem(
                    source.path,
                    f"{name}故障的{KINDS[kind].label}（{value}）长于总体承诺（{headline.describe()}，{headline.source}）",
                    source.line, field=f"commitments.fault_levels.{name}.{kind}",
                ))
            if previous and compare(value, previous[1]) == -1 and source:
                problems.append(Problem(
                    source.path,
                    f"{name}故障的{KINDS[kind].label}（{value}）短于更紧急的{previous[0]}故障（{previous[1]}）",
                    source.line, field=f"commitments.fault_levels.{name}.{kind}",
                    hint="故障等级按紧急程度由高到低排列，时限应逐级放宽或相同",
                ))
            previous = (name, value)
    return problems + _level_arrival_problems(commitments) + _retention_problems(commitments)


def _level_arrival_problems(commitments: Commitments) -> list[Problem]:
    """A fault level's arrival (its own, else each tier of the headline arrival the level table shows)
    no shorter than its resolution: the table then reads as if nothing were left to do once the
    technician is there. Arrival and resolution may be equal in the headline promise (a promise for
    every case), not within one level, whose resolution follows the arrival. Only the tiers that hold
    in the delivery city are compared (untiered, 市区, 工作时间…): a level's limit farther away (省外) may
    be met remotely or by the nearer outlet, and a site in the city never sees those tiers."""
    source, headline = commitments.fault_levels_source, commitments.get(ONSITE_ARRIVAL)
    problems: list[Problem] = []
    for name, level in commitments.fault_levels.items():
        if level.resolution is None or source is None:
            continue
        arrivals = ([(None, level.onsite_arrival)] if level.onsite_arrival is not None
                    else list(headline.values.items()) if headline else [])
        late = [(q, v) for q, v in arrivals if city_tier(q) and compare(v, level.resolution) != -1]
        if late:
            qualifier, value = late[0]
            given = "" if level.onsite_arrival is not None else f"，沿用总体承诺，{headline.source}" if headline else ""
            problems.append(Problem(
                source.path,
                f"{name}故障的{KINDS[ONSITE_ARRIVAL].label}（{qualifier or ''}{value}{given}）不短于其"
                f"{KINDS[RESOLUTION].label}（{level.resolution}）：到场后已没有处理故障的时间",
                source.line, field=f"commitments.fault_levels.{name}",
                hint=(f"为{name}故障另写更短的到场时限（onsite_arrival），或缩短总体的到场时限，"
                      "或放宽该级的解决时限，使到场明显早于解决"),
            ))
    return problems


def _retention_problems(commitments: Commitments) -> list[Problem]:
    """Service records kept for less time than the longest promised period (a tender's own value)."""
    retention, longest = commitments.get(RECORDS_RETENTION), longest_period(commitments.kinds)
    if retention is None or longest is None:
        return []
    period, value = longest
    return [Problem(
        retention.source.path,
        f"{retention.label}（{kept}）短于本方案承诺的{period.label}（{period.describe()}，{period.source}），"
        f"服务记录应至少保存到所承诺的最长期限届满",
        retention.source.line, field=f"commitments.{RECORDS_RETENTION}",
        hint=f"将{retention.label}改为不短于{value}，或删去该项（按产品类型或投标人资料的默认值，自动延长到最长期限）",
    ) for kept in retention.values.values() if compare(kept, value) == -1][:1]


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


def _offered_values(requirement: Requirement, offered: Resolved | None,
                    commitments: Commitments) -> list[tuple[str | None, Quantity]]:
    """Values a requirement applies to: all of them, those whose tier nests with its qualifier
    (市区 → 市区 and 一级、市区, plus an unqualified value, which holds everywhere), or a fault
    level's own limit for “一级故障…” requirements."""
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
    return [(q, v) for q, v in offered.values.items() if nested(q, qualifier)]


def evaluate(requirement: Requirement, commitments: Commitments) -> Deviation:
    row = _evaluate(requirement, commitments)
    by_level = bool(row.compared) and row.compared[0][0] == f"{requirement.qualifier}故障"
    source = commitments.fault_levels_source if by_level else (row.offered.source if row.offered else None)
    return replace(row, source=source)


def _limit_results(value: Quantity, target: Quantity, tender_date: dt.date | None) -> list[int | None] | str:
    """cmp() of an offered value against a required one, per limit: one result for plain values,
    one per shared limit for 3年或10万公里; a message when the offer adds a limit the tender did not set."""
    if isinstance(target, Alternative) or isinstance(value, Alternative):
        wanted = target.limits if isinstance(target, Alternative) else (target,)
        given = value.limits if isinstance(value, Alternative) else (value,)
        extra = [limit for limit in given if not any(isinstance(w, type(limit)) for w in wanted)]
        if extra:
            return f"承诺另设{'、'.join(str(x) for x in extra)}的限制，招标要求未设此限"
        results: list[int | None] = []
        for limit in wanted:
            own = next((g for g in given if isinstance(g, type(limit))), None)
            results.append(1 if own is None else compare(own, limit))  # no such limit: never ends early
        return results
    compared = as_compared(value, target, tender_date)  # a period promised against a calendar deadline
    return [None if compared is None else compare(compared, target)]


def _of_total(value: Quantity, requirement: Requirement, commitments: Commitments) -> Quantity:
    """A remaining shelf life promised as a fraction (2/3) in months of the total shelf life,
    when the requirement is a period and the shelf life is one value."""
    of = KINDS[requirement.kind].fraction_of
    total = commitments.get(of) if of else None
    if (not isinstance(value, Proportion) or total is None
            or not isinstance(requirement.quantity, Duration) or list(total.values) != [None]):
        return value
    whole = total.values[None]
    months = whole.months if isinstance(whole, Duration) else None
    return value if months is None else Duration(round(months * value.ratio, 1), "个月")


def _start_note(requirement: Requirement, offered: Resolved | None) -> str | None:
    """A warranty counted from another event than the tender's is a deviation, never silent."""
    if requirement.starts is None or offered is None or offered.starts is None:
        return None
    if offered.starts == requirement.starts:
        return None
    return f"承诺自{offered.starts}起计算，招标要求自{requirement.starts}起计算，起算事件不同"


def _evaluate(requirement: Requirement, commitments: Commitments) -> Deviation:
    offered = commitments.get(requirement.kind)
    label = KINDS[requirement.kind].label
    values = _offered_values(requirement, offered, commitments)
    if not values:
        if offered is None:
            return Deviation(requirement, None, "负偏离", f"方案未承诺{label}")
        return Deviation(requirement, offered, "负偏离", f"方案未就“{requirement.qualifier}”承诺{label}")
    compared = tuple(values)
    offered_text = _join(values)
    start_note = _start_note(requirement, offered)
    if start_note:
        return Deviation(requirement, offered, "负偏离", f"{start_note}，须按招标要求调整", compared)
    if requirement.bound == "present":
        return Deviation(requirement, offered, "无偏离", f"已承诺{label}{offered_text}", compared)
    if requirement.quantity is None:  # 不低于国家“三包”规定: no figure to compare with
        return Deviation(requirement, offered, "无偏离",
                         f"已承诺{label}{offered_text}，招标要求以所引规定或标准为限，须人工核对", compared)
    target = requirement.quantity
    assert target is not None
    failing: list[tuple[str | None, Quantity]] = []
    better = True
    for qualifier, value in values:
        results = _limit_results(_of_total(value, requirement, commitments), target, commitments.tender_date)
        if isinstance(results, str):
            return Deviation(requirement, offered, "负偏离", results, compared)
        if any(r is None for r in results):
            return Deviation(requirement, offered, "负偏离",
                             f"承诺的{qualifier or ''}{value}与要求的{target}单位不同，无法比较，须人工确认", compared)
        judged = verdict(requirement.bound, [r for r in results if r is not None], requirement.kind)
        if judged == "fails":
            failing.append((qualifier, value))
        better = better and judged == "better"
    # Quote the 招标文件 only in its own words (“1小时内”); a bound it does not spell that way (每半年至少
    # 回访一次 → 不低于每半年一次) is our reading of it, said as such: the row already quotes the tender.
    quoted = requirement.own_bound
    if failing:
        wanted = f"“{quoted}”的要求" if quoted else f"招标要求：{requirement.wanted}"
        return Deviation(requirement, offered, "负偏离", f"承诺{_join(failing)}，不满足{wanted}", compared)
    dated = _dated_note(values, target, commitments.tender_date)
    if better:
        against = f"“{quoted}”的要求" if quoted else "招标要求"
        return Deviation(requirement, offered, "正偏离", f"承诺{offered_text}{dated}，优于{against}", compared)
    if quoted is None or quoted == str(target):  # the tender states the bare figure (提供7×24小时服务热线)
        return Deviation(requirement, offered, "无偏离", f"承诺{offered_text}{dated}，与招标要求一致", compared)
    return Deviation(requirement, offered, "无偏离", f"承诺{offered_text}{dated}，满足“{quoted}”的要求", compared)


def _dated_note(values: list[tuple[str | None, Quantity]], target: Quantity, tender_date: dt.date | None) -> str:
    """“（自投标日期起算，2027年2月3日前完成）” for a period judged against a calendar deadline."""
    if not isinstance(target, Deadline) or tender_date is None:
        return ""
    dates = [deadline_after(tender_date, v) for _, v in values if isinstance(v, Duration)]
    latest = max((d for d in dates if d is not None), key=lambda d: d.date, default=None)
    return f"（自投标日期起算，{latest}完成）" if latest else ""
