"""tender-requirement (with --tender): a stated value that breaks a requirement of the tender.

A requirement for a region (市区4小时内到达) applies to values for that region and to values
stated without a region; one for a fault level (一级故障8小时内排除) only to that level; values
for the time after the warranty (质保期外) are not held to it. A requirement that only asks for
something (免费提供培训) is met when the document names that kind at all.

Also: a remaining shelf life (到货时剩余有效期不少于12个月) answered only with the total shelf life
(保质期3年) is not an answer (an error for a ★ item); a warranty or service period the document
counts from another event (自验收合格之日起) than the tender's (监督检验合格并交付使用之日) is
an error; percentages (成活率不低于95%) are read here for the kinds stated in them."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from generator.check.expectations import ExpectedRequirement
from generator.check.extract import Mention, keywords, kinds_named
from generator.check.findings import ERROR, WARNING, Finding, Location
from generator.check.patterns import KIND_LABELS, KIND_WORDS, QUALIFIER_RES, canonical_qualifier
from generator.check.rules import CheckContext
from generator.core.findings import Rule
from generator.core.judge import as_compared, directed_bound, judge
from generator.core.kinds import KINDS, PERCENTAGE_KINDS, REMAINING_SHELF_LIFE, STARTING_KINDS
from generator.core.quantities import Proportion, QuantityError
from generator.text.document import Document
from generator.text.values import Value

RULE = Rule("tender-requirement", "不满足招标要求", ERROR, order=40)
BOUND_WORDS = {"at_most": "不超过", "at_least": "不少于", "equals": "等于"}
RATE_BOUND_WORDS = {"at_most": "不高于", "at_least": "不低于", "equals": "等于"}  # 成活率不低于95%


def qualifier_dimension(word: str) -> tuple[str, str] | None:
    for dimension in QUALIFIER_RES:
        match = QUALIFIER_RES[dimension].search(word)
        if match:
            return dimension, canonical_qualifier(dimension, match)
    return None


TIER_DIMENSIONS = ("severity", "region", "component", "category", "time")


def applies(requirement: ExpectedRequirement, mention: Mention) -> bool:
    if mention.qualifier_of("phase") == "质保期外":
        return False
    if not requirement.qualifier:
        return True
    found = qualifier_dimension(requirement.qualifier)
    if found is None:  # a part or scope the tiers do not know (灯具): named by the value, or a value for every part
        return requirement.qualifier in (mention.qualifier or "") or not any(
            mention.qualifier_of(d) for d in TIER_DIMENSIONS)
    dimension, word = found
    stated = mention.qualifier_of(dimension)
    if stated is None:
        if dimension in ("category", "time"):  # 小修 is held by 小修 values and by values without any tier
            return not any(mention.qualifier_of(d) for d in TIER_DIMENSIONS)
        return dimension != "severity"
    return stated == word


def _names_severity(requirement: ExpectedRequirement) -> bool:
    found = qualifier_dimension(requirement.qualifier) if requirement.qualifier else None
    return found is not None and found[0] == "severity"


def breaks(requirement: ExpectedRequirement, mention: Mention, tender_date: dt.date | None = None) -> bool | None:
    """True when the value breaks the bound, None when it cannot be compared. A period against a calendar
    deadline is counted from the bid's date, as the build's 偏离表 counts it."""
    assert requirement.value is not None
    offered = as_compared(mention.value.quantity, requirement.value, tender_date)
    judged = judge(requirement.bound, offered, requirement.value, requirement.kind)
    return None if judged is None else judged == "fails"


def _locations(mentions: list[Mention]) -> tuple[Location, ...]:
    return tuple(m.location() for m in mentions[:10])


_PERCENT_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*%")
# a share of the total shelf life: 到货时剩余有效期不少于总有效期的2/3
_FRACTION_RE = re.compile(r"(?<![\d./])\d+\s*/\s*\d+(?![\d/])")
# kinds whose value is a share: a percentage (成活率95%) or a fraction of another kind's value (2/3)
SHARE_KINDS = (*PERCENTAGE_KINDS, *(name for name, kind in KINDS.items() if kind.fraction_of))
_START_RE = re.compile(r"自([^,;。:自]{2,30}?之日)起")


@cache
def _share_words() -> re.Pattern[str]:
    """The words naming a kind stated as a share (built once, not per document)."""
    return re.compile("|".join(f"(?P<{kind}>{KIND_WORDS[kind]})" for kind in SHARE_KINDS))


def percentage_mentions(document: Document) -> list[Mention]:
    """“成活率不低于95%”, “年开机率达到98%”: a percentage after the word naming its kind; “剩余有效期不少于
    总有效期的2/3”: a fraction after the word of a kind stated as a share of another."""
    found = []
    pattern = _share_words()
    for block in document.blocks:
        if block.kind in ("heading", "toc", "header", "footer"):
            continue
        text = block.norm
        words = [(word.lastgroup or "", word.start(), word.end()) for word in pattern.finditer(text)]
        if not words and block.cell is not None and block.cell.col > 0:
            # a table row: the label in its first cell names the kind of the share in this one
            label = pattern.search(document.row_texts(block.cell)[0])
            if label:
                words = [(label.lastgroup or "", 0, 0)]
        for kind, start, end in words:
            share = _FRACTION_RE if KINDS[kind].fraction_of else _PERCENT_RE
            number = share.search(text, end, end + 16)
            if number is None:
                continue
            try:
                quantity = Proportion.parse(number.group())
            except QuantityError:
                continue
            unit = "" if quantity.is_fraction else "%"
            value = Value(number.start(), number.end(), quantity, "percentage", str(quantity), unit, None, False)
            found.append(Mention(kind, value, (), block, (min(start, number.start()), number.end())))
    return found


def start_events(context: CheckContext, kind: str) -> list[tuple[str, Mention]]:
    """(start event, mention) for each value of `kind` whose sentence says what it counts from."""
    found = []
    for mention in context.mentions:
        if mention.kind != kind or mention.qualifier_of("phase") == "质保期外":
            continue
        text = mention.block.norm
        lo = max(text.rfind(stop, 0, mention.span[0]) for stop in "。;\n") + 1
        hi = min((i for i in (text.find(stop, mention.span[1]) for stop in "。;\n") if i >= 0), default=len(text))
        for match in _START_RE.finditer(text, lo, hi):
            if any(w.kind != kind for w in keywords(match[1])):
                continue  # 自接到报修之日起: another kind's clock
            found.append((match[1], mention))
    return found


def _start_findings(context: CheckContext, requirement: ExpectedRequirement, title: str) -> list[Finding]:
    wrong = [(event, m) for event, m in start_events(context, requirement.kind) if event != requirement.starts]
    if not wrong:
        return []
    stated = "、".join(dict.fromkeys(event for event, _ in wrong))
    label = KIND_LABELS.get(requirement.kind, requirement.kind)
    return [Finding(RULE.id, ERROR, f"{title}：方案的{label}自{stated}起计算，招标要求自{requirement.starts}起计算",
                    _locations([m for _, m in wrong]), requirement.kind)]


def _shelf_life_only(context: CheckContext, requirement: ExpectedRequirement, title: str) -> Finding | None:
    """A remaining shelf life answered with the total shelf life only."""
    total = [m for m in context.mentions if m.kind == KINDS[requirement.kind].fraction_of]
    if not total:
        return None
    stated = "、".join(dict.fromkeys(m.value.display for m in total))
    severity = ERROR if requirement.mark == "★" else WARNING
    return Finding(RULE.id, severity, f"{title}：方案只写明保质期{stated}，未承诺到货时的剩余有效期",
                   _locations(total), requirement.kind)


def check(context: CheckContext) -> list[Finding]:
    requirements = context.expectations.requirements
    if not requirements:
        return []
    findings: list[Finding] = []
    mentions = context.mentions
    if any(r.kind in SHARE_KINDS for r in requirements):
        mentions = mentions + context.once("percentages", lambda: percentage_mentions(context.document))
    for requirement in requirements:
        label = KIND_LABELS.get(requirement.kind, requirement.kind)
        title = f"{requirement.mark}招标要求“{requirement.text}”"
        if requirement.starts and requirement.kind in STARTING_KINDS:
            findings += _start_findings(context, requirement, title)
        relevant = [m for m in mentions if m.kind == requirement.kind and applies(requirement, m)]
        if not relevant and requirement.kind == REMAINING_SHELF_LIFE and requirement.bound != "present":
            finding = _shelf_life_only(context, requirement, title)
            if finding is not None:
                findings.append(finding)
                continue
        if requirement.bound == "present" or requirement.value is None:
            if not relevant and requirement.kind not in context.once("kinds-named",
                                                                      lambda: kinds_named(context.document)):
                findings.append(Finding(RULE.id, ERROR, f"{title}：方案中没有相应内容（{label}）", (), requirement.kind))
            continue
        if not relevant:
            findings.append(Finding(RULE.id, WARNING, f"{title}：方案中未见{label}的具体承诺，无法核对", (),
                                    requirement.kind))
            continue
        date = context.expectations.tender_date
        broken = [m for m in relevant if breaks(requirement, m, date)]
        unclear = [m for m in relevant if breaks(requirement, m, date) is None]
        words = RATE_BOUND_WORDS if isinstance(requirement.value, Proportion) else BOUND_WORDS
        wanted = f"{words.get(directed_bound(requirement.bound, requirement.kind), '')}{requirement.value}"
        # A fault level's limit against a requirement that does not name levels: the build's 偏离表
        # holds only the headline promise to it, so this is for a person to judge.
        graded = [m for m in broken if m.qualifier_of("severity") and not _names_severity(requirement)]
        broken = [m for m in broken if m not in graded]
        if broken:
            stated = "、".join(dict.fromkeys(f"{m.qualifier or ''}{m.value.display}" for m in broken))
            findings.append(Finding(RULE.id, ERROR, f"{title}：方案承诺{stated}，不满足“{wanted}”",
                                    _locations(broken), requirement.kind))
        if graded:
            stated = "、".join(dict.fromkeys(f"{m.qualifier or ''}{m.value.display}" for m in graded))
            findings.append(Finding(RULE.id, WARNING, f"{title}：故障分级中的{stated}长于“{wanted}”，请确认分级承诺是否符合招标要求",
                                    _locations(graded), requirement.kind))
        if unclear:
            stated = "、".join(dict.fromkeys(m.value.display for m in unclear))
            findings.append(Finding(RULE.id, WARNING, f"{title}：方案承诺{stated}，与“{wanted}”单位不同，须人工确认",
                                    _locations(unclear), requirement.kind))
    return findings
