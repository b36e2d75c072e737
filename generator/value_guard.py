"""Values in a tender or profile are data, never templates.

Clause bodies print values as plain text, so `{{ ''.__class__ }}` typed into a bidder's name is
never executed; but it would reach the document verbatim. Refuse it where it was typed, with the
file, line and field, instead of letting the self-check complain about the finished document.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.errors import Problem
from generator.yamlio import Loaded, locate

_TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#")
MAX_PROBLEMS = 20  # per file: one pasted template is enough to explain


def _strings(node: Any, keys: tuple[str | int, ...]):  # noqa: ANN202 - yields (keys, text, is_key)
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            if isinstance(key, str):
                yield (*keys, key), key, True
            yield from _strings(value, (*keys, key))
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            yield from _strings(item, (*keys, index))
    elif isinstance(node, str):
        yield keys, node, False


def template_syntax_problems(loaded: Loaded) -> list[Problem]:
    """Every value (or mapping key) of `loaded` that contains `{{`, `{%` or `{#`."""
    problems: list[Problem] = []
    if loaded.text is not None and not _TEMPLATE_SYNTAX.search(loaded.text):
        return problems  # nothing to find: skip building the tree with positions
    for keys, text, is_key in _strings(loaded.raw, ()):
        match = _TEMPLATE_SYNTAX.search(text)
        if match is None:
            continue
        line, column = locate(loaded.raw, keys)
        snippet = text if len(text) <= 40 else text[:40] + "…"
        what = "名称" if is_key else "值"
        problems.append(Problem(
            loaded.path, f"{what}“{snippet}”含有模板语法“{match.group()}”，资料中只能写普通文字",
            line, column, field=".".join(str(k) for k in keys),
            hint="模板语法只用于条款正文；如确需这些符号，请改用全角字符“｛”“｝”"))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems
