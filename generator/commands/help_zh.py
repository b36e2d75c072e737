"""Help screens in Chinese: typer vendors click, whose headings ("Usage:", "Options:") are fixed
English strings. The formatted help text is translated in one place."""

from __future__ import annotations

import re

_WORDS: tuple[tuple[str, str], ...] = (
    ("Usage: ", "用法："),
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("[required]", "[必填]"),
    ("[default: ", "[默认："),
)
_HEADINGS = {"Options:": "选项：", "Arguments:": "参数：", "Commands:": "命令："}
_TYPE_HINTS = re.compile(r" <(?:list\[)?(?:str|int|path|float)\]?>")  # e.g. “PATH <list[str]>”


def translate(text: str) -> str:
    for english, chinese in _WORDS:
        text = text.replace(english, chinese)
    text = _TYPE_HINTS.sub("", text)
    return "\n".join(_HEADINGS.get(line, line) for line in text.split("\n"))


def install() -> None:
    """Wrap get_help of typer's command classes (idempotent)."""
    from typer.core import TyperCommand, TyperGroup

    for cls in (TyperCommand, TyperGroup):
        if getattr(cls.get_help, "_translated", False):
            continue
        original = cls.get_help

        def get_help(self, ctx, _original=original):
            return translate(_original(self, ctx))

        get_help._translated = True  # type: ignore[attr-defined]
        cls.get_help = get_help  # type: ignore[method-assign]
