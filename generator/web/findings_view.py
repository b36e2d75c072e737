"""Checker findings as the check page shows them: most serious first, each place quoted once with
exactly the words found highlighted, and told so a person can find it in Word (section and a
phrase to search for; the page when the document records pages).

Order: ★ (substantive) errors, other errors, then warnings; rule groups follow their most serious
finding. Several locations of one finding in the same paragraph show that paragraph once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.check.findings import ERROR, RULE_TITLES, RULES, DocumentResult, Finding, Location

CONTEXT = 60  # at most this many characters of the paragraph either side of the highlighted words
BREAKS = "。；！？\n"  # a quote's context starts and ends at a sentence boundary when one is near
SOFT_BREAKS = "，、：,;: "


@dataclass(frozen=True)
class Place:
    section: str
    page: int | None
    block: int
    find: str  # verbatim phrase of the document to type into Word's search box
    pieces: tuple[tuple[str, bool], ...]  # (text, highlighted)
    clipped_before: bool
    clipped_after: bool
    in_table: bool


def priority(finding: Finding) -> int:
    """0 ★ error, 1 other error, 2 warning."""
    if finding.severity != ERROR:
        return 2
    return 0 if "★" in finding.message else 1


def _spans(paragraph: str, locations: list[Location]) -> list[tuple[int, int]]:
    spans = []
    for location in locations:
        if location.span is not None and 0 <= location.span[0] < location.span[1] <= len(paragraph):
            spans.append(location.span)
            continue
        at = paragraph.find(location.text) if location.text else -1
        if at >= 0:
            spans.append((at, at + len(location.text)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window_start(text: str, at: int) -> int:
    """Where the context before `at` begins: after the last sentence break within CONTEXT, else
    after a comma or space, else CONTEXT characters back."""
    low = max(0, at - CONTEXT)
    if low == 0:
        return 0
    for marks in (BREAKS, SOFT_BREAKS):
        cut = max(text.rfind(mark, low, at) for mark in marks)
        if cut >= 0:
            return cut + 1
    return low


def _window_end(text: str, at: int) -> int:
    high = min(len(text), at + CONTEXT)
    if high == len(text):
        return high
    for marks in (BREAKS, SOFT_BREAKS):
        found = [i for i in (text.find(mark, at, high) for mark in marks) if i >= 0]
        if found:
            return min(found) + 1
    return high


PHRASE_REACH = 20  # a search phrase extends to the nearest break within this many characters


def phrase(paragraph: str, start: int, end: int) -> str:
    """The words found plus their clause (to the nearest comma or full stop): a phrase that occurs
    in the document as written, so Word's search finds it, and that does not cut a word in two."""
    marks = BREAKS + SOFT_BREAKS
    cuts = [paragraph.rfind(m, max(0, start - PHRASE_REACH), start) for m in marks]
    left = max(cuts) + 1 if max(cuts) >= 0 else (0 if start <= PHRASE_REACH else start)
    ends = [i for i in (paragraph.find(m, end, end + PHRASE_REACH) for m in marks) if i >= 0]
    right = min(ends) if ends else (len(paragraph) if len(paragraph) - end <= PHRASE_REACH else end)
    return paragraph[left:right].strip() or paragraph[start:end]


def place(paragraph: str, locations: list[Location], in_table: bool) -> Place:
    first = locations[0]
    spans = _spans(paragraph, locations)
    if not spans:  # not in a paragraph (document properties, headers): the quote itself
        return Place(first.section, first.page, first.block, first.text, ((first.text, True),), False, False, in_table)
    start, end = _window_start(paragraph, spans[0][0]), _window_end(paragraph, spans[-1][1])
    pieces: list[tuple[str, bool]] = []
    cursor = start
    for s, e in spans:
        if s > cursor:
            pieces.append((paragraph[cursor:s], False))
        pieces.append((paragraph[s:e], True))
        cursor = e
    if end > cursor:
        pieces.append((paragraph[cursor:end], False))
    return Place(first.section, first.page, first.block, phrase(paragraph, *spans[0]), tuple(pieces), start > 0,
                 end < len(paragraph), in_table)


def places(finding: Finding, document: Any) -> list[Place]:
    """One Place per paragraph the finding points at, in document order."""
    blocks = document.blocks
    by_block: dict[int, list[Location]] = {}
    for location in finding.locations:
        by_block.setdefault(location.block, []).append(location)
    out = []
    for number, locations in sorted(by_block.items()):
        block = blocks[number - 1] if 0 < number <= len(blocks) else None
        if block is None:
            out += [place("", [loc], False) for loc in locations]
        else:
            out.append(place(block.text, locations, block.kind == "cell"))
    return out


def findings_view(result: DocumentResult, document: Any) -> list[dict[str, Any]]:
    """Rule groups, most serious first, each with its findings most serious first."""
    groups = []
    for rule in RULES:
        findings = sorted((f for f in result.findings if f.rule == rule), key=priority)
        if not findings:
            continue
        items = [{"error": f.severity == ERROR, "star": priority(f) == 0, "message": f.message,
                  "places": places(f, document), "rule": rule} for f in findings]
        groups.append({"rule": rule, "title": RULE_TITLES[rule], "findings": items, "rank": priority(findings[0]),
                       "errors": sum(i["error"] for i in items), "warnings": sum(not i["error"] for i in items),
                       "stars": sum(i["star"] for i in items)})
    return sorted(groups, key=lambda g: (g["rank"], -g["errors"]))


def summary(result: DocumentResult) -> dict[str, int]:
    errors = len(result.errors)
    stars = sum(1 for f in result.findings if priority(f) == 0)
    return {"errors": errors, "warnings": len(result.findings) - errors, "mentions": len(result.mentions),
            "stars": stars}


def report_text(name: str, groups: list[dict[str, Any]], totals: dict[str, int]) -> str:
    """The results as a plain-text report to download and pass on (same order as the page)."""
    lines = [f"检查报告：{name}", "",
             f"错误 {totals['errors']} 个（其中 ★ 实质性条款 {totals['stars']} 个），警告 {totals['warnings']} 个。", ""]
    number = 0
    for group in groups:
        lines += [f"【{group['title']}】", ""]
        for item in group["findings"]:
            number += 1
            level = "★ 错误" if item["star"] else ("错误" if item["error"] else "警告")
            lines.append(f"{number}. {level}：{item['message']}")
            for where in item["places"]:
                page = f"，第 {where.page} 页" if where.page else ""
                lines.append(f"   位置：{where.section or '（无章节标题）'}{page}；在文档中查找“{where.find}”")
            lines.append("")
    if not groups:
        lines.append("未发现问题。")
    return "\n".join(lines).rstrip() + "\n"
