"""anonymity: in a 暗标 (check --anonymous), anything that identifies the bidder.

- the bidder's names (--bidder, the profile's legal and short names, or the company the
  document speaks for) and every identifying field of its profile (hotline, address, e-mail,
  credit code, people's names, outlet addresses and phones, certificate numbers) — errors;
- patterns that identify whoever wrote them: telephone numbers, e-mail addresses, web
  addresses, 统一社会信用代码 (with a valid check character) — errors;
- other company names (manufacturers, partners) that may point to the bidder — warnings;
- header and footer text beyond page numbers — warnings (暗标 rules allow no identifying
  header or footer). Document properties and header pictures: see document-metadata.
Only runs with --anonymous."""

from __future__ import annotations

import re
from typing import Any

from generator.check.entities import company_names, infer_bidder, same_company
from generator.check.findings import ERROR, WARNING, Finding, Location
from generator.check.rules import CheckContext
from generator.core.findings import Rule
from generator.text.document import Block

RULE = Rule("anonymity", "暗标中可识别投标人的内容", ERROR, order=100)
MAX_LOCATIONS = 10
PATTERNS = {
    "电话号码": re.compile(r"(?<![\d-])(?:400|800)-?\d{3}-?\d{4}(?!\d)|(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)"
                       r"|(?<![\d-])0\d{2,3}-\d{3,4}-\d{4}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"),
    "电子邮箱": re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    "网址": re.compile(r"(?:https?://|www\.)[A-Za-z0-9./_-]+", re.IGNORECASE),
}
_CREDIT = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Z])")
_PAGE_ONLY = re.compile(r"^[\s第页共/\d\-—]*$")


def _credit_codes(text: str) -> list[re.Match[str]]:
    from generator.models.parties import credit_code_check_char

    return [m for m in _CREDIT.finditer(text) if credit_code_check_char(m[0][:17]) == m[0][17]]


def _blocks(context: CheckContext) -> list[Block]:
    return [b for b in context.document.blocks if b.kind != "toc"]


def _literal_hits(context: CheckContext, strings: list[str]) -> tuple[list[Finding], list[str]]:
    """Findings for the profile strings the document contains, and those strings."""
    findings, found = [], []
    for value in dict.fromkeys(s.strip() for s in strings if len(s.strip()) >= 2):
        locations = []
        for block in _blocks(context):
            start = block.text.find(value)
            if start != -1:
                quote = block.text[max(0, start - 6):start + len(value) + 6].strip()
                locations.append(Location(block.section, block.index, quote, block.line))
        if locations:
            found.append(value)
            findings.append(Finding(RULE.id, ERROR, f"暗标中出现可识别投标人的信息“{value}”，应删除或改为“我公司”“投标人”等中性称谓",
                                    tuple(locations[:MAX_LOCATIONS])))
    return findings, found


def _known(value: str, reported: list[str]) -> bool:
    return any(value in known or known in value for known in reported)


def _pattern_hits(context: CheckContext, reported: list[str]) -> list[Finding]:
    """`reported`: profile strings already found (the hotline is not reported twice)."""
    findings = []
    for label, pattern in PATTERNS.items():
        hits = [(b, m) for b in _blocks(context) for m in pattern.finditer(b.norm) if not _known(m[0], reported)]
        if hits:
            findings.append(Finding(RULE.id, ERROR, f"暗标中出现{label} {len(hits)} 处，可据此识别投标人，应删除",
                                    tuple(Location.of(b, m.start(), m.end(), 4) for b, m in hits[:MAX_LOCATIONS])))
    codes = [(b, m) for b in _blocks(context) for m in _credit_codes(b.norm) if not _known(m[0], reported)]
    if codes:
        findings.append(Finding(RULE.id, ERROR, "暗标中出现统一社会信用代码，可据此识别投标人，应删除",
                                tuple(Location.of(b, m.start(), m.end(), 2) for b, m in codes[:MAX_LOCATIONS])))
    return findings


def _companies(context: CheckContext, reported: list[str]) -> list[Finding]:
    expectations = context.expectations
    mentions = [m for b in _blocks(context) for m in company_names(b)]
    bidder = list(expectations.bidder_names)
    if not bidder:
        guess = infer_bidder(context.document, mentions)
        bidder = [guess] if guess else []
    purchaser = [expectations.purchaser] if expectations.purchaser else []
    own: list[Any] = []
    other: list[Any] = []
    for mention in mentions:
        if purchaser and same_company(mention.name, purchaser):
            continue
        if _known(mention.name, reported):
            continue
        (own if bidder and same_company(mention.name, bidder) else other).append(mention)
    findings = []
    if own:
        findings.append(Finding(RULE.id, ERROR, f"暗标中出现投标人名称“{own[0].name}”，应改为“我公司”或“投标人”",
                                tuple(Location.of(m.block, m.start, m.end, 4) for m in own[:MAX_LOCATIONS])))
    if other:
        names = "、".join(dict.fromkeys(m.name for m in other))
        findings.append(Finding(RULE.id, WARNING, f"暗标中出现公司名称（{names}），请确认不会暴露投标人身份",
                                tuple(Location.of(m.block, m.start, m.end, 4) for m in other[:MAX_LOCATIONS])))
    return findings


def _header_footer(context: CheckContext, reported: list[str]) -> list[Finding]:
    blocks = [b for b in context.document.blocks if b.kind in ("header", "footer") and not _PAGE_ONLY.match(b.norm)
              and not any(value in b.text for value in reported)]
    purchaser = context.expectations.purchaser
    suspicious = [b for b in blocks if company_names(b) and not (purchaser and purchaser in b.text)]
    if not suspicious:
        return []
    return [Finding(RULE.id, WARNING, "暗标的页眉页脚中出现单位名称，应只保留项目名称和页码",
                    tuple(Location.whole(b, 40) for b in suspicious[:MAX_LOCATIONS]))]


def check(context: CheckContext) -> list[Finding]:
    expectations = context.expectations
    if not expectations.anonymous:
        return []
    literal, reported = _literal_hits(context, list(expectations.bidder_names) + list(expectations.identifying))
    return (literal + _pattern_hits(context, reported) + _companies(context, reported)
            + _header_footer(context, reported))
