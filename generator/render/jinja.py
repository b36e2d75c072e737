"""The sandboxed Jinja environment clause bodies are rendered in, and its filters."""

from __future__ import annotations

import datetime as dt
import re
import signal
import threading
import time
from typing import Any

from jinja2 import Environment, StrictUndefined, pass_environment
from jinja2.filters import do_truncate
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from generator.core.numerals import chinese_count
from generator.render.markup import inert

# Placeholders a clause may print for its own sub-sections (“电话支持、远程支持和现场服务”, “三”):
# filled in after rendering from the `# ` headings actually written, so a list or count in the
# opening sentence always follows the sub-sections the data selected.
SUBSECTIONS, SUBSECTION_COUNT = "\ue004", "\ue005"
_HEADING = re.compile(r"^[ \t]*#(?!#)[ \t]*(\S.*?)\s*$", re.MULTILINE)  # as markup.parse reads depth 1
_PRIVATE_CHARS = re.compile("[\ue000-\ue0ff]")


def fill_subsections(text: str) -> str:
    """The clause's rendered text with the sub-section placeholders replaced."""
    if SUBSECTIONS not in text and SUBSECTION_COUNT not in text:
        return text
    titles = [_PRIVATE_CHARS.sub("", t).strip() for t in _HEADING.findall(text)]
    if not titles:
        raise ValueError("正文引用了小节列表（subsections），但没有写出任何小节标题（# 标题）")
    listed = titles[0] if len(titles) == 1 else "、".join(titles[:-1]) + "和" + titles[-1]
    return text.replace(SUBSECTIONS, listed).replace(SUBSECTION_COUNT, chinese_count(len(titles)))


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


# Bounds of one clause render: a clause is at most a few pages of text, rendered in milliseconds.
MAX_OUTPUT_CHARS = 200_000
MAX_SECONDS = 2.0
MAX_RANGE = 10_000
MAX_POWER_BITS = 4096


class RenderLimitError(ValueError):
    """A clause body that would print too much, take too long or read an internal attribute."""


class _Budget(threading.local):
    deadline: float | None = None


_budget = _Budget()


def _check_time() -> None:
    if _budget.deadline is not None and time.monotonic() > _budget.deadline:
        raise RenderLimitError(f"渲染超过 {MAX_SECONDS:g} 秒仍未完成（循环或递归过多），已停止")


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


_SAFE_ATTRIBUTES: dict[tuple[type, str], bool] = {}
_DICT_ATTRIBUTES = frozenset(dir(dict))
_PLAIN_VALUES = frozenset({str, int, float, bool, type(None)})
_MISSING = object()
MAX_SAFE_ATTRIBUTES = 4096


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with limits on what a body may compute: every call checks the time budget,
    repetition (`'x' * n`) and powers are bounded, ranges are short, and an internal attribute is an
    error (the default sandbox returns an Undefined that prints as “Undefined” inside a list)."""

    intercepted_binops = frozenset(["*", "**"])

    def call(__self, __context, __obj, *args, **kwargs):  # jinja's signature
        _check_time()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator, left, right):  # jinja's signature
        _check_time()
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                size = _size(sequence)
                if size is not None and isinstance(count, int) and size * count > MAX_OUTPUT_CHARS:
                    raise RenderLimitError(f"重复后的文字过长（超过 {MAX_OUTPUT_CHARS} 个字符），已停止")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and \
                max(abs(left).bit_length(), 1) * right > MAX_POWER_BITS:
            raise RenderLimitError("乘方结果过大，已停止")
        return super().call_binop(context, operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The sandbox's own verdict, kept per (type, attribute): Jinja decides from the attribute's name
        and the object's type alone (jinja2.sandbox.is_internal_attribute, modifies_known_mutable),
        never from the value; a build asks it ~500 times for the same few model fields."""
        key = (type(obj), attr)
        safe = _SAFE_ATTRIBUTES.get(key)
        if safe is None:
            safe = super().is_safe_attribute(obj, attr, value)
            if len(_SAFE_ATTRIBUTES) < MAX_SAFE_ATTRIBUTES:  # bounded: a hostile body may name any attribute
                _SAFE_ATTRIBUTES[key] = safe
        return safe

    def getattr(self, obj: Any, attribute: str) -> Any:
        """jinja's sandboxed `getattr` (SandboxedEnvironment.getattr), with two shortcuts for what a
        build asks ~600 times, giving what it gives: a key of a plain dict that is no dict attribute
        (jinja would try the attribute, catch the AttributeError and subscribe), and the attribute of a
        type and name already judged safe (no second verdict; a plain value needs no format wrapper)."""
        kind = type(obj)
        if kind is dict:
            if attribute not in _DICT_ATTRIBUTES and attribute in obj:
                return obj[attribute]
        elif _SAFE_ATTRIBUTES.get((kind, attribute)):
            value = getattr(obj, attribute, _MISSING)
            if value is not _MISSING:  # no AttributeError (jinja would then subscribe): as jinja from here
                if type(value) in _PLAIN_VALUES:
                    return value
                wrapped = self.wrap_str_format(value)  # str.format / format_map through the sandbox
                return value if wrapped is None else wrapped
        return super().getattr(obj, attribute)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe")


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise RenderLimitError(f"range() 的范围过大（超过 {MAX_RANGE} 项），已停止")
    return numbers


def _truncate(env: Environment, text: str, length: int = 255, killwords: bool = False, end: str = "...",
              leeway: int | None = None) -> str:
    if not isinstance(length, int) or length < len(end):
        raise RenderLimitError(f"truncate 的长度应为不小于 {len(end)} 的整数")
    return do_truncate(env, text, length, killwords, end, leeway)


def render_bounded(template: Any, context: dict[str, Any]) -> str:
    """`template.render(context)` within MAX_SECONDS and MAX_OUTPUT_CHARS. Time is checked at every
    call and every piece of output; in the main thread an interval timer also stops a loop that
    neither calls nor prints."""
    outer = _budget.deadline
    _budget.deadline = time.monotonic() + MAX_SECONDS if outer is None else outer
    timer = threading.current_thread() is threading.main_thread() and outer is None
    previous = None
    if timer:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS + 0.5)
    try:
        pieces: list[str] = []
        size = 0
        deadline = _budget.deadline  # _check_time inlined: a clause prints hundreds of pieces
        monotonic = time.monotonic
        for piece in template.generate(context):
            size += len(piece)
            if size > MAX_OUTPUT_CHARS:
                raise RenderLimitError(f"渲染结果过长（超过 {MAX_OUTPUT_CHARS} 个字符），已停止")
            if monotonic() > deadline:
                _check_time()
            pieces.append(piece)
        return fill_subsections("".join(pieces))
    except RecursionError:
        raise RenderLimitError("宏或循环递归过深，已停止") from None
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _budget.deadline = outer


def _on_alarm(signum: int, frame: Any) -> None:
    raise RenderLimitError(f"渲染超过 {MAX_SECONDS:g} 秒仍未完成（循环或递归过多），已停止")


def make_environment() -> ImmutableSandboxedEnvironment:
    env = BoundedSandbox(
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(date_cn=date_cn, cn=count_cn, cell=cell, num=hours_text)
    env.filters["truncate"] = pass_environment(_truncate)
    env.globals["range"] = _bounded_range
    env.globals.update(subsections=SUBSECTIONS, subsection_count=SUBSECTION_COUNT)
    return env
