"""tender-requirement (with --tender): a stated value that breaks a requirement of the tender.

A requirement for a region (市区4小时内到达) applies to values for that region and to values
stated without a region; one for a fault level (一级故障8小时内排除) only to that level; values
for the time after the warranty (质保期外) are not held to it. A requirement that only asks for
something (免费提供培训) is met when the document names that kind at all."""

from __future__ import annotations

from generator.check.expectations import ExpectedRequirement
from generator.check.extract import Mention, kinds_named
from generator.check.findings import ERROR, WARNING, Finding, Location
from generator.check.patterns import KIND_LABELS, QUALIFIER_RES, canonical_qualifier
from generator.check.rules import CheckContext
from generator.quantities import compare

RULE = "tender-requirement"
BOUND_WORDS = {"at_most": "不超过", "at_least": "不少于", "equals": "等于"}


def qualifier_dimension(word: str) -> tuple[str, str] | None:
    for dimension in QUALIFIER_RES:
        match = QUALIFIER_RES[dimension].search(word)
        if match:
            return dimension, canonical_qualifier(dimension, match)
    return None


def applies(requirement: ExpectedRequirement, mention: Mention) -> bool:
    if mention.qualifier_of("phase") == "质保期外":
        return False
    if not requirement.qualifier:
        return True
    found = qualifier_dimension(requirement.qualifier)
    if found is None:
        return requirement.qualifier in (mention.qualifier or "")
    dimension, word = found
    stated = mention.qualifier_of(dimension)
    if stated is None:
        return dimension != "severity"
    return stated == word


def _names_severity(requirement: ExpectedRequirement) -> bool:
    found = qualifier_dimension(requirement.qualifier) if requirement.qualifier else None
    return found is not None and found[0] == "severity"


def breaks(requirement: ExpectedRequirement, mention: Mention) -> bool | None:
    """True when the value breaks the bound, None when it cannot be compared."""
    assert requirement.value is not None
    result = compare(mention.value.quantity, requirement.value)
    if result is None:
        return None
    if requirement.bound == "at_most":
        return result > 0
    if requirement.bound == "at_least":
        return result < 0
    return result != 0


def _locations(mentions: list[Mention]) -> tuple[Location, ...]:
    return tuple(Location(m.block.section, m.block.index, m.quote(), m.block.line) for m in mentions[:10])


def check(context: CheckContext) -> list[Finding]:
    requirements = context.expectations.requirements
    if not requirements:
        return []
    findings: list[Finding] = []
    for requirement in requirements:
        label = KIND_LABELS.get(requirement.kind, requirement.kind)
        title = f"{requirement.mark}招标要求“{requirement.text}”"
        relevant = [m for m in context.mentions if m.kind == requirement.kind and applies(requirement, m)]
        if requirement.bound == "present" or requirement.value is None:
            if not relevant and requirement.kind not in context.once("kinds-named",
                                                                      lambda: kinds_named(context.document)):
                findings.append(Finding(RULE, ERROR, f"{title}：方案中没有相应内容（{label}）", (), requirement.kind))
            continue
        if not relevant:
            findings.append(Finding(RULE, WARNING, f"{title}：方案中未见{label}的具体承诺，无法核对", (),
                                    requirement.kind))
            continue
        broken = [m for m in relevant if breaks(requirement, m)]
        unclear = [m for m in relevant if breaks(requirement, m) is None]
        wanted = f"{BOUND_WORDS.get(requirement.bound, '')}{requirement.value}"
        # A fault level's limit against a requirement that does not name levels: the build's 偏离表
        # holds only the headline promise to it, so this is for a person to judge.
        graded = [m for m in broken if m.qualifier_of("severity") and not _names_severity(requirement)]
        broken = [m for m in broken if m not in graded]
        if broken:
            stated = "、".join(dict.fromkeys(f"{m.qualifier or ''}{m.value.display}" for m in broken))
            findings.append(Finding(RULE, ERROR, f"{title}：方案承诺{stated}，不满足“{wanted}”",
                                    _locations(broken), requirement.kind))
        if graded:
            stated = "、".join(dict.fromkeys(f"{m.qualifier or ''}{m.value.display}" for m in graded))
            findings.append(Finding(RULE, WARNING, f"{title}：故障分级中的{stated}长于“{wanted}”，请确认分级承诺是否符合招标要求",
                                    _locations(graded), requirement.kind))
        if unclear:
            stated = "、".join(dict.fromkeys(m.value.display for m in unclear))
            findings.append(Finding(RULE, WARNING, f"{title}：方案承诺{stated}，与“{wanted}”单位不同，须人工确认",
                                    _locations(unclear), requirement.kind))
    return findings
