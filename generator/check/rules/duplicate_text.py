"""duplicate-text: the same paragraph twice (copied boilerplate, a section pasted twice).

Paragraphs are compared without numbering, spaces and punctuation; short ones (under 30
characters) are ignored, as are headings, table cells, headers and footers."""

from __future__ import annotations

import re

from generator.check.facts import facts
from generator.check.findings import WARNING, Finding, Location
from generator.check.rules import CheckContext
from generator.core.findings import Rule
from generator.text.document import Block

RULE = Rule("duplicate-text", "重复段落", WARNING, order=70)
MIN_CHARS = 30
_NUMBERING = re.compile(r"^(?:[-*•·]|\(?\d{1,3}[).、]|\(?[一二三四五六七八九十]{1,3}[)、]|第[一二三四五六七八九十]+[条项])+")
_NOISE = re.compile(r"[\W_]+")


def fingerprint(block: Block) -> str:
    return facts(block).fingerprint


def text_fingerprint(text: str) -> str:
    """A normalised text without numbering, spaces and punctuation (kept in its check/facts record)."""
    return _NOISE.sub("", _NUMBERING.sub("", text.strip()))


def check(context: CheckContext) -> list[Finding]:
    seen: dict[str, list[Block]] = {}
    for block in context.document.blocks:
        if block.kind != "paragraph":
            continue
        key = fingerprint(block)
        if len(key) >= MIN_CHARS:
            seen.setdefault(key, []).append(block)
    findings = []
    for blocks in seen.values():
        if len(blocks) > 1:
            findings.append(Finding(RULE.id, WARNING, f"同一段落重复出现 {len(blocks)} 次",
                                    tuple(Location.whole(b, 40) for b in blocks)))
    return findings
