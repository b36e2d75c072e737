"""What a clause body says in its own words, as opposed to what it takes from data.

The Jinja lexer splits a body into template data (fixed wording) and expressions; string literals
inside expressions print literally too, so they count as wording. Every piece keeps its line, so
findings can name file:line. The parsed template tells which commitment kinds the body reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, nodes

from generator.core.kinds import KINDS
from generator.load.yamlio import Loaded
from generator.render.jinja import make_environment
from generator.render.proposal import _body_first_line

_ENV = make_environment()

# Dynamic ways of reading commitments: which kinds they touch cannot be known from the source.
DYNAMIC_NAMES = ("summary",)


@dataclass(frozen=True)
class Wording:
    """One line of fixed wording in a body (template data, or a string literal in an expression)."""

    line: int  # 1-based line within the body
    text: str
    literal: bool = False  # a string literal inside {{ … }} / {% … %}


def raw_body(loaded: Loaded) -> str:
    """The body as written in the file (the model strips surrounding blank lines)."""
    raw = loaded.raw.get("body") if hasattr(loaded.raw, "get") else None
    return str(raw) if isinstance(raw, str) else str(loaded.model.body)


def file_line(loaded: Loaded, body_line: int) -> int | None:
    """File line of a body line; exact for block scalars (`body: |`), else the `body:` line."""
    node = loaded.raw.get("body") if hasattr(loaded.raw, "get") else None
    if type(node).__name__ in ("LiteralScalarString", "FoldedScalarString"):
        return _body_first_line(loaded) + body_line - 1
    return loaded.line_of("body")


def wording(body: str) -> list[Wording]:
    """Fixed wording of a body, line by line; [] when the body does not even lex."""
    out: list[Wording] = []
    try:
        tokens = list(_ENV.lex(body))
    except TemplateSyntaxError:
        return out
    for lineno, kind, value in tokens:
        if kind == "data":
            for offset, text in enumerate(value.split("\n")):
                if text.strip():
                    out.append(Wording(lineno + offset, text))
        elif kind == "string":
            out.append(Wording(lineno, value[1:-1], literal=True))
    return out


@dataclass(frozen=True)
class KindUse:
    kinds: dict[str, int]  # kind → first body line that reads it
    dynamic: bool  # reads commitments in a way that names no kind (summary, c[variable], c.items())
    optional: frozenset[str] = frozenset()  # kinds tested with `'kind' in c`: the body does without them


def kind_uses(body: str) -> KindUse | None:
    """Commitment kinds read through `c.<kind>` / `c["<kind>"]`; None when the body does not parse."""
    try:
        tree = _ENV.parse(body)
    except TemplateSyntaxError:
        return None
    kinds: dict[str, int] = {}
    resolved_names: set[int] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        assert isinstance(node, (nodes.Getattr, nodes.Getitem))
        target = node.node
        if not (isinstance(target, nodes.Name) and target.name == "c"):
            continue
        if isinstance(node, nodes.Getattr):
            key = node.attr
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            key = node.arg.value
        else:
            continue
        if key in KINDS:
            kinds.setdefault(key, node.lineno)
            resolved_names.add(id(target))
    optional: set[str] = set()
    for compare in tree.find_all(nodes.Compare):  # {% if 'resolution' in c %}: a kind the body can do without
        if (isinstance(compare.expr, nodes.Const) and isinstance(compare.expr.value, str) and compare.ops
                and compare.ops[0].op in ("in", "notin") and isinstance(compare.ops[0].expr, nodes.Name)
                and compare.ops[0].expr.name == "c"):
            optional.add(compare.expr.value)
            resolved_names.add(id(compare.ops[0].expr))
    dynamic = False
    for name in tree.find_all(nodes.Name):
        if name.name == "c" and name.ctx == "load" and id(name) not in resolved_names:
            dynamic = True
        if name.name in DYNAMIC_NAMES:
            dynamic = True
    return KindUse(kinds, dynamic, frozenset(optional))


_NUMBER = r"(?:\d+(?:\.\d+)?|[０-９]+(?:[.．][０-９]+)?)"
_CN_NUMBER = r"[零〇一二两三四五六七八九十百半]+"
_UNIT = r"(?:个)?(?:工作日|分钟|小时|天|日|周|星期|月|年|季度)"
_RANGE = rf"{_NUMBER}(?:\s*[-—～~至到]\s*{_NUMBER})?"
LITERAL_PATTERNS = (
    re.compile(r"\d+\s*[×xX*＊]\s*\d+(?:\s*[×xX*＊]\s*\d+)?(?:\s*小时)?"),  # 7×24小时, 7x24x365, 5*8
    re.compile(rf"(?<![\d０-９.])(?!(?:19|20)\d\d年){_RANGE}\s*(?:{_UNIT}|[hH](?![a-zA-Z]))"),
    re.compile(rf"(?<![第同]){_CN_NUMBER}{_UNIT}"),
    re.compile(r"每[半一二两三四五六]?个?(?:季度|月|年|周|星期|天|日)[^，。；\n]{0,8}?[一二两三四五六七八九十\d]+次"),
)
# Ordinary words that only look like a number with a time unit.
NOT_LITERAL = ("四周", "一年四季", "一日三餐", "一时", "半天时间")


def literal_numbers(text: str) -> list[str]:
    """Commitment-like numbers written out in wording: 24小时, 两年, 7×24, 每季度一次 …"""
    found: list[tuple[int, int, str]] = []
    for pattern in LITERAL_PATTERNS:
        for match in pattern.finditer(text):
            span = match.group().strip()
            if any(word in text[max(0, match.start() - 2):match.end() + 2] and span in word
                   for word in NOT_LITERAL):
                continue
            if any(s < match.end() and match.start() < e for s, e, _ in found):  # overlaps an earlier one
                continue
            found.append((match.start(), match.end(), span))
    return [span for _, _, span in sorted(found)]
