"""The build checks its own output before writing it: the full checker (generator.check) runs on
the .docx bytes with expectations taken from the build's inputs — bidder names, purchaser, product
type and the other types' vocabularies, resolved commitments, tender requirements and the
outline's required sections. Error-level findings become Problems and the build refuses to write.
Template syntax that leaked into the text ({{ … }}, None) is reported too."""

from __future__ import annotations

import re

from generator.check import check_document
from generator.check.load import from_build
from generator.core.errors import Problem
from generator.core.findings import ERROR, Finding, Location, Rule
from generator.text.reader import read_bytes

GENERATED = "生成的文档"
_LEAKS = re.compile(r"\{\{|\}\}|\{%|%\}|(?<![A-Za-z])(?:None|null)(?![A-Za-z])")
_LEAK_WORDS = ("{{", "}}", "{%", "%}", "None", "null")  # what any match of _LEAKS contains
TEMPLATE_LEAK = Rule("template-leak", "生成的文本中残留模板语法或程序值", ERROR, order=0)


def self_check_texts(texts: list[str]) -> list[Finding]:
    """Unrendered template syntax and Python values in generated text."""
    # one search over all of it first: almost always nothing leaked (a newline cannot join two texts'
    # ends into a match, nor stand between a letter and None). Every match holds one of _LEAK_WORDS, and
    # looking for those plain words is many times faster than the pattern's scan.
    joined = "\n".join(texts)
    if not any(word in joined for word in _LEAK_WORDS) or not _LEAKS.search(joined):
        return []
    findings = []
    for text in texts:
        for match in _LEAKS.finditer(text):
            start = max(0, match.start() - 12)
            findings.append(TEMPLATE_LEAK.finding(f"生成的文本中出现“{match.group()}”",
                                                  (Location(text=text[start:match.end() + 12]),)))
    return findings


def _problem(finding: Finding) -> Problem:
    message = finding.message
    if finding.locations:
        location = finding.locations[0]
        where = f"{location.section}，" if location.section else ""
        more = f"等 {len(finding.locations)} 处" if len(finding.locations) > 1 else ""
        message += f"（{where}第 {location.block} 段{more}：“{location.text}”）"
    return Problem(GENERATED, message, field=finding.rule,
                   hint="检查相关条款或资料；如确属检查器误报，请报告给维护者")


def self_check_docx(data: bytes, inputs, commitments,  # Inputs, Commitments
                    accepted: frozenset[str] = frozenset(), anonymous: bool = False) -> list[Problem]:
    """`accepted`: texts of requirements whose 负偏离 the user allowed (--allow-deviation); the
    偏离表 already states them, so the checker does not refuse the document for them again.
    `anonymous`: a 暗标 is refused if anything in it identifies the bidder."""
    return self_check_document(read_bytes(data, f"{GENERATED}.docx"), inputs, commitments, accepted, anonymous)


def self_check_document(document, inputs, commitments,
                        accepted: frozenset[str] = frozenset(), anonymous: bool = False) -> list[Problem]:
    """As self_check_docx, on the document already read (the writer reads its package from memory)."""
    expectations = from_build(inputs, commitments)
    expectations.anonymous = anonymous
    expectations.requirements = [r for r in expectations.requirements if r.text not in accepted]
    result = check_document(document, expectations)
    problems = [_problem(finding) for finding in result.errors]
    problems += [Problem(GENERATED, f"{leak.message}：…{leak.locations[0].text}…", field=leak.rule)
                 for leak in self_check_texts([block.text for block in document.blocks])]
    return problems
