"""conflicting-commitment: one kind stated with different values for the same qualifiers.

Values with different qualifiers (一般问题 8 小时 vs 复杂问题 3 个工作日; 市区 2 小时 vs 省外 48 小时;
主机 3 年 vs 配件 1 年; 第一包 vs 第二包) are separate promises. 质保期内 is the default phase and groups with
unqualified values; 质保期外 does not. Values in units that cannot be compared (小时 vs 工作日)
are reported as a warning."""

from __future__ import annotations

from functools import lru_cache

from generator.check.extract import Mention
from generator.check.findings import ERROR, WARNING, Finding
from generator.check.patterns import KIND_LABELS, QUALIFIER_DIMENSIONS, WHOLE_UNIT
from generator.check.rules import CheckContext
from generator.core.findings import Rule
from generator.core.quantities import compare

RULE = Rule("conflicting-commitment", "前后不一致的承诺", ERROR, order=20)
MAX_LOCATIONS = 20


def group_key(mention: Mention) -> tuple[str, tuple[str | None, ...]]:
    return _group_key(mention.kind, mention.qualifiers)


@lru_cache(maxsize=4096)  # few distinct (kind, qualifiers) pairs; asked for every mention, several times
def _group_key(kind: str, qualifiers: tuple[tuple[str, str], ...]) -> tuple[str, tuple[str | None, ...]]:
    given: dict[str, str] = {}
    for dimension, stated in qualifiers:
        given.setdefault(dimension, stated)  # the first, as Mention.qualifier_of
    values: list[str | None] = []
    for dimension in QUALIFIER_DIMENSIONS:
        word = given.get(dimension)
        if dimension == "phase" and word == "质保期内":
            word = None
        values.append(word)
    return kind, tuple(values)


@lru_cache(maxsize=4096)
def _only(values: tuple[str | None, ...], dimension: str | None) -> bool:
    """The qualifiers (in QUALIFIER_DIMENSIONS order) name `dimension` and nothing else but the activity."""
    key = dict(zip(QUALIFIER_DIMENSIONS, values, strict=True))
    return all((value is not None) == (dim == dimension) for dim, value in key.items() if dim not in ("activity", "lot"))


def same_value(a: Mention, b: Mention) -> bool | None:
    """True/False, or None when the two cannot be compared (工作日 vs 小时)."""
    if a.value.vtype != b.value.vtype:
        return None
    result = compare(a.value.quantity, b.value.quantity)
    if result is None:
        return None
    return result == 0  # a range (24-48小时) binds at its upper end


def _clusters(mentions: list[Mention]) -> list[list[Mention]]:
    clusters: list[list[Mention]] = []
    for mention in mentions:
        for cluster in clusters:
            if same_value(cluster[0], mention):
                cluster.append(mention)
                break
        else:
            clusters.append([mention])
    return clusters


def _unqualified_against_parts(kind: str, mentions: list[Mention]) -> Finding | None:
    """“质保期三年” next to “主体结构5年、五金配件2年”: an unqualified value that matches none of the
    values stated per region or component contradicts them (one that matches one is shorthand). A single
    part stated apart is an exception to the plain value (质保期3年，服务器延长至5年), not a breakdown of it,
    unless it is the whole unit (整机保修期叁年 against 保修期两年)."""
    def only(mention: Mention, dimension: str | None) -> bool:
        return _only(group_key(mention)[1], dimension)

    activities = {m.qualifier_of("activity") for m in mentions}
    if len(activities) > 1:
        return None
    plain = [m for m in mentions if only(m, None)]
    plain_clusters = _clusters(plain)
    if len(plain_clusters) != 1:
        return None  # none, or already reported as a conflict among themselves
    for dimension in ("region", "component"):
        parts = [m for m in mentions if only(m, dimension)]
        named = {p.qualifier_of(dimension) for p in parts}
        if len(named) < 2 and named != {WHOLE_UNIT}:
            continue  # one part stated apart (服务器延长至5年) is an exception to the plain value, not its breakdown
        if any(same_value(plain[0], part) is not False for part in parts):
            continue
        label = KIND_LABELS.get(kind, kind)
        stated = "、".join(dict.fromkeys(f"{p.qualifier_of(dimension)}{p.value.display}" for p in parts))
        message = f"{label}前后不一致：{plain[0].value.display}（{len(plain)} 处）与分项承诺（{stated}）均不相同"
        ordered = sorted(plain + parts, key=lambda m: (m.block.index, m.span[0]))[:MAX_LOCATIONS]
        locations = tuple(m.location() for m in ordered)
        return Finding(RULE.id, ERROR, message, locations, kind)
    return None


def check(context: CheckContext) -> list[Finding]:
    groups: dict[tuple[str, tuple[str | None, ...]], list[Mention]] = {}
    for mention in context.mentions:
        groups.setdefault(group_key(mention), []).append(mention)
    findings: list[Finding] = []
    for (kind, _), mentions in groups.items():
        clusters = _clusters(mentions)
        if len(clusters) < 2:
            continue
        comparable = any(same_value(a[0], b[0]) is False for i, a in enumerate(clusters) for b in clusters[i + 1:])
        qualifier = mentions[0].qualifier
        label = KIND_LABELS.get(kind, kind) + (f"（{qualifier}）" if qualifier else "")
        stated = "；".join(f"{c[0].value.display}（{len(c)} 处）" for c in clusters)
        message = f"{label}前后不一致：{stated}"
        if not comparable:
            message += "；单位不同，无法比较，请统一表述"
        ordered = sorted(mentions, key=lambda m: (m.block.index, m.span[0]))[:MAX_LOCATIONS]
        locations = tuple(m.location() for m in ordered)
        findings.append(Finding(RULE.id, ERROR if comparable else WARNING, message, locations, kind))
    by_kind: dict[tuple[str, str | None], list[Mention]] = {}  # each lot (第一包, 第二包) is a bid of its own
    for mention in context.mentions:
        by_kind.setdefault((mention.kind, mention.qualifier_of("lot")), []).append(mention)
    for (kind, _), mentions in by_kind.items():
        finding = _unqualified_against_parts(kind, mentions)
        if finding is not None:
            findings.append(finding)
    return findings
