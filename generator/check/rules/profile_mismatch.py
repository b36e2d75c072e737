"""profile-mismatch (with --bidder-profile or --tender): a stated value that differs from the
commitment the bidder declared (product type < bidder profile < tender overrides).

A value for a region or component is compared with the declared value for it; a value for a
fault level (一级…) with that level's time limit; an unqualified value with the unqualified
declaration, or — when only per-region values are declared — with any of them. Values for the
time after the warranty (质保期外) and conditional ones (必要时) are not compared."""

from __future__ import annotations

from generator.check.extract import Mention
from generator.check.findings import ERROR, WARNING, Finding
from generator.check.patterns import KIND_LABELS
from generator.check.rules import CheckContext
from generator.core.findings import Rule
from generator.core.quantities import Quantity, compare

RULE = Rule("profile-mismatch", "与投标人承诺资料不一致", ERROR, order=50)


def expected_values(context: CheckContext, mention: Mention) -> list[Quantity] | None:
    expectations = context.expectations
    resolved = expectations.resolved or {}
    if mention.qualifier_of("phase") == "质保期外" or mention.qualifier_of("condition"):
        return None
    level = mention.qualifier_of("severity")
    if level is not None:
        value = expectations.fault_levels.get(level, {}).get(mention.kind)
        return [value] if value is not None else None
    declared = resolved.get(mention.kind)
    if not declared:
        return None
    word = mention.qualifier_of("region")
    if word is not None:
        if word in declared:
            return [declared[word]]
        return [declared[None]] if None in declared else None
    word = mention.qualifier_of("component")
    if word is not None:  # a part the profile does not name (压缩机5年) cannot be compared
        return [declared[word]] if word in declared else None
    if None in declared:
        return [declared[None]]
    return list(declared.values())


def check(context: CheckContext) -> list[Finding]:
    if context.expectations.resolved is None:
        return []
    groups: dict[tuple[str, str, str], list[Mention]] = {}
    unclear: dict[tuple[str, str, str], list[Mention]] = {}
    for mention in context.mentions:
        expected = expected_values(context, mention)
        if not expected:
            continue
        results = [compare(mention.value.quantity, value) for value in expected]
        if any(r == 0 for r in results):
            continue
        described = "或".join(str(value) for value in expected)
        key = (mention.kind, mention.qualifier or "", described)
        (unclear if all(r is None for r in results) else groups).setdefault(key, []).append(mention)
    sources = context.expectations.resolved_sources
    findings = []
    for target, severity, note in ((groups, ERROR, ""), (unclear, WARNING, "，单位不同，须人工确认")):
        for (kind, qualifier, described), mentions in target.items():
            stated = "、".join(dict.fromkeys(m.value.display for m in mentions))
            label = KIND_LABELS.get(kind, kind) + (f"（{qualifier}）" if qualifier else "")
            origin = f"（{sources[kind]}）" if kind in sources else ""
            findings.append(Finding(
                RULE.id, severity, f"{label}：文中为{stated}，投标人承诺资料为{described}{origin}{note}",
                tuple(m.location() for m in mentions[:10]),
                kind))
    return findings
