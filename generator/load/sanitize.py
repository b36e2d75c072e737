"""One cleaning pass over every parsed YAML file: what a value may contain, before any model sees it.

Text pasted from Word or a web page brings characters no one meant to type: Word's Shift+Enter is a
vertical tab, zero-width spaces hide inside names, a right-to-left override can make a name read
backwards. Such a character either crashes the .docx writer (XML 1.0 allows no control character)
or changes what the reader sees. Per character the pass decides once, for every consumer (build,
check, the web form):

- line breaks and tabs: in the one multi-line field (a clause `body`) they become a line break, in
  every other value a space (values are printed inside sentences);
- zero-width and direction marks: removed (invisible, never meant);
- direction overrides, other control characters, lone surrogates and non-characters: refused, with
  the file, line and field.

It also refuses what no proposal can mean: a number of more than 15 digits, an infinite number, a
date outside 2000–2099, a mapping key that is not text, a text longer than its field allows.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

MULTILINE = {("body",)}  # clause bodies; every other value is one line of text
MAX_DIGITS = 15
FIRST_YEAR, LAST_YEAR = 2000, 2099
# Longest plausible text per field name (the .docx core properties hold 255 characters: the title is
# project_name + outline title, the author is legal_name). Any other one-line value: DEFAULT_MAX_CHARS.
MAX_CHARS = {"project_name": 150, "title": 100, "legal_name": 100, "short_name": 50, "name": 100,
             "project_number": 100, "id": 64}
DEFAULT_MAX_CHARS = 2000
DATE_KEYS = {"date"}  # a number there is not a date (pydantic would read it as seconds since 1970)

_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u180e]")
_REFUSED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069"
                      "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


@dataclass(frozen=True)
class FieldIssue:
    keys: tuple[str | int, ...]
    message: str
    hint: str = ""


def describe_character(char: str) -> str:
    code = ord(char)
    label = f"U+{code:04X}"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return f"文字方向控制字符 {label}（会让文字显示的顺序与实际不同）"
    if 0xD800 <= code <= 0xDFFF:
        return f"无效的 Unicode 字符 {label}（孤立的代理项）"
    if code >= 0xFDD0:
        return f"Unicode 非字符 {label}"
    return f"不可见的控制字符 {label}"


def clean_text(text: str, multiline: bool) -> tuple[str, str | None]:
    """(cleaned text, None) or (text, what is wrong)."""
    bad = _REFUSED.search(text)
    if bad:
        position = bad.start()
        return text, f"第 {position + 1} 个字符是{describe_character(bad.group())}"
    text = _INVISIBLE.sub("", text)
    if multiline:
        text = _BREAKS.sub("\n", text)
    else:
        text = _BREAKS.sub(" ", text).replace("\t", " ")
    return text, None


_HINT_CHARS = "多见于从 Word 或网页粘贴的文字：请删除该处后重新输入"


class _Walk:
    def __init__(self) -> None:
        self.findings: list[FieldIssue] = []

    def add(self, keys: tuple[str | int, ...], message: str, hint: str = "") -> None:
        if len(self.findings) < 20:  # one file: the first twenty are enough to act on
            self.findings.append(FieldIssue(keys, message, hint))

    def value(self, node: Any, keys: tuple[str | int, ...]) -> Any:
        if isinstance(node, dict):
            return self.mapping(node, keys)
        if isinstance(node, list):
            return [self.value(item, (*keys, index)) for index, item in enumerate(node)]
        if isinstance(node, str):
            return self.text(node, keys)
        if isinstance(node, bool) or node is None:
            return node
        if isinstance(node, int):
            if abs(node) >= 10**MAX_DIGITS:
                self.add(keys, f"数值过大（{len(str(abs(node)))} 位），不是一个合理的取值")
            elif keys and keys[-1] in DATE_KEYS:
                self.add(keys, "应为日期，例如 2026-11-20（不能是数字）")
            return node
        if isinstance(node, float):
            if not math.isfinite(node) or abs(node) >= 10.0**MAX_DIGITS:
                self.add(keys, "数值无穷大或过大，不是一个合理的取值")
            elif keys and keys[-1] in DATE_KEYS:
                self.add(keys, "应为日期，例如 2026-11-20（不能是数字）")
            return node
        if isinstance(node, (dt.date, dt.datetime)):
            if not FIRST_YEAR <= node.year <= LAST_YEAR:
                self.add(keys, f"日期 {node.isoformat()} 不在合理范围内（{FIRST_YEAR}—{LAST_YEAR} 年）")
            return node
        return node

    def mapping(self, node: dict, keys: tuple[str | int, ...]) -> dict:
        cleaned: dict = {}
        for key, item in node.items():
            new_key: str | int
            if isinstance(key, str):
                new_key, problem = clean_text(key, multiline=False)
                if problem:
                    self.add((*keys, key), f"名称“{_short(key)}”中{problem}", _HINT_CHARS)
                    continue
                new_key = new_key.strip()
            elif isinstance(key, int) and not isinstance(key, bool):
                new_key = key
            else:
                self.add(keys, f"名称应为文字，不能是{_kind(key)}（如“? [a]”写法）",
                         "名称写成“名称: 值”，名称只用文字")
                continue
            cleaned[new_key] = self.value(item, (*keys, key))
        return cleaned

    def text(self, node: str, keys: tuple[str | int, ...]) -> str:
        multiline = keys in MULTILINE
        cleaned, problem = clean_text(node, multiline)
        if problem:
            self.add(keys, f"值中{problem}", _HINT_CHARS)
            return node
        if not multiline:
            name = next((k for k in reversed(keys) if isinstance(k, str)), "")
            limit = MAX_CHARS.get(name, DEFAULT_MAX_CHARS)
            if len(cleaned.strip()) > limit:
                self.add(keys, f"文字过长（{len(cleaned.strip())} 个字符），此项不应超过 {limit} 个字符")
        return cleaned


def _short(text: str) -> str:
    printable = _REFUSED.sub("?", text)
    return printable if len(printable) <= 20 else printable[:20] + "…"


def _kind(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, (tuple, list)):
        return "列表"
    if isinstance(value, dict):
        return "键值对"
    if isinstance(value, bool):
        return "true/false"
    return "数字或日期"


def clean_tree(tree: Any) -> tuple[Any, list[FieldIssue]]:
    """The tree with every text cleaned (new containers), and what had to be refused."""
    walk = _Walk()
    cleaned = walk.value(tree, ())
    return cleaned, walk.findings
