"""The sandboxed Jinja environment clause bodies are rendered in, and its filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.numerals import chinese_count
from generator.render.markup import inert


class EmptyValueError(ValueError):
    """A value that would print as nothing or as None."""


def _finalize(value: Any) -> Any:
    if value is None:
        raise EmptyValueError("变量的值为空（None），文档中不能出现空白")
    text = str(value)
    if not text.strip():
        raise EmptyValueError("变量的值为空字符串，文档中不能出现空白")
    return inert(text)  # a value is text, never clause markup


def date_cn(value: dt.date) -> str:
    """2026-11-20 → 2026年11月20日."""
    return f"{value.year}年{value.month}月{value.day}日"


def count_cn(value: int) -> str:
    """3 → 三, 2 → 两 (for counts before a measure word: 两名, 三个)."""
    return chinese_count(int(value))


def cell(value: Any) -> str:
    """Text for a table cell: no line break (a printed value's pipes never split cells, see `inert`)."""
    return str(value).replace("\n", " ")


def hours_text(value: float) -> str:
    """Training hours: 4.0 → 4, 1.5 → 1.5."""
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def make_environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(date_cn=date_cn, cn=count_cn, cell=cell, num=hours_text)
    return env
