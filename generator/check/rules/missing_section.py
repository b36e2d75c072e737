"""missing-section (with --tender): a section the template requires is absent.

A section counts as present when a heading matches its title (numbering and punctuation ignored;
one title containing the other, or most of their character pairs shared). Documents without
headings are searched for a short paragraph naming the section, then for the section's subject
words anywhere in the text."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.check.findings import ERROR, Finding
from generator.check.rules import CheckContext
from generator.core.findings import Rule
from generator.text.document import Block

RULE = Rule("missing-section", "缺少模板要求的章节", ERROR, order=60)
_NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[章节篇部分]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|"
                        r"\d+(?:\.\d+)*[、.]?|[#\s])+")
_NOISE = re.compile(r"[\W_]+")


@lru_cache(maxsize=8192)  # each heading is compared with every required section
def simplify(title: str, drop_prefix: bool = False) -> str:
    text = _NOISE.sub("", _NUMBERING.sub("", title.strip()))
    # 质保期 / 保修期 / 养护期 name the same section
    text = re.sub(r"保修|养护|质量保证", "质保", text)
    if drop_prefix:  # every section is about after-sales service: “承诺书” is “售后服务承诺书”
        stripped = re.sub(r"^售后服务", "", text)
        return stripped if len(stripped) >= 2 else text
    return text


def _subsequence(short: str, long: str) -> bool:
    """应急预案 in 应急抢修预案: every character, in order."""
    characters = iter(long)
    return all(ch in characters for ch in short)


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


@lru_cache(maxsize=8192)
def matches(wanted: str, heading: str) -> bool:
    return _matches(simplify(wanted), simplify(heading)) or _matches(simplify(wanted, True), simplify(heading, True))


def _matches(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or (len(b) >= 4 and b in a) or (len(a) >= 4 and len(b) <= 2 * len(a) and _subsequence(a, b)):
        return True
    pa, pb = _pairs(a), _pairs(b)
    if pa and pb and 2 * len(pa & pb) / (len(pa) + len(pb)) >= 0.6:
        return True
    return _topic_present(a, b)


def _candidates(context: CheckContext) -> list[Block]:
    blocks = context.document.blocks
    headings = [b for b in blocks if b.kind == "heading"]
    short = [b for b in blocks if b.kind == "paragraph" and len(b.norm) <= 40]
    return headings + short if len(headings) < 3 else headings


_PARTS = re.compile(r"与|和|及|、|以及")
_GENERIC = re.compile(r"(?:计划|程序|范围|原则|承诺|措施|方案|安排|制度|体系|情况|说明|要求|一览表|表|管理|服务|流程|"
                      r"时间|时限|期限|分级|等级)+$")


def _topic_present(title: str, text: str, loose: bool = False) -> bool:
    """The section's subject words appear in `text` for at least half of the title's parts
    (“响应时间与故障分级” → 响应, 故障; “投诉处理程序” → 投诉处理). `loose` also accepts the first two
    characters of a part (documents without headings)."""
    parts = [_GENERIC.sub("", part) for part in _PARTS.split(simplify(title))]
    parts = [part for part in parts if len(part) >= 2]
    if not parts:
        return simplify(title) in text
    found = sum(1 for part in parts if part in text or (loose and part[:2] in text))
    return 2 * found >= len(parts)


def check(context: CheckContext) -> list[Finding]:
    sections = context.expectations.sections
    if not sections:
        return []
    candidates = _candidates(context)
    headless = sum(1 for b in context.document.blocks if b.kind == "heading") < 3
    text = "".join(b.norm for b in context.document.blocks if b.kind != "toc") if headless else ""
    # most sections have a heading holding the whole title (what `matches` tries first): one substring
    # search over the simplified headings, joined by a newline (never part of a simplified title), finds
    # those before the slower comparisons run heading by heading
    simplified = "\n".join(simplify(b.text) for b in candidates)
    missing = []
    for title in sections:
        wanted = simplify(title)
        if wanted and wanted in simplified or any(matches(title, b.text) for b in candidates):
            continue
        if headless and _topic_present(title, text, loose=True):
            continue
        missing.append(Finding(RULE.id, ERROR, f"缺少模板要求的章节“{title}”"))
    return missing
