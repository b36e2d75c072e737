"""Command-line usage errors in Chinese (typer/click word them in English)."""

from __future__ import annotations

import re

_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"No such command '(.+?)'\.", r"没有“\1”这个命令。"),
    (r"Did you mean '(.+?)'\?", r"是否想输入“\1”？"),
    (r"No such option: (\S+)", r"没有选项 \1"),
    (r"\(Possible options: (.+?)\)", r"（可能是：\1）"),
    (r"Did you mean (\S+)\?", r"是否想输入 \1？"),
    (r"Missing argument '(.+?)'\.", r"缺少参数 \1。"),
    (r"Missing option '(.+?)'\.", r"缺少选项 \1。"),
    (r"Option '(.+?)' requires an argument\.", r"选项 \1 需要一个值。"),
    (r"Option '(.+?)' does not take a value\.", r"选项 \1 不带值。"),
    (r"Got unexpected extra arguments? \((.+?)\)", r"多余的参数：\1"),
    (r"Invalid value for '(.+?)': ", r"参数 \1 的值无效："),
    (r"'(.+?)' is not a valid integer\.", r"“\1”不是整数。"),
    (r"'(.+?)' is not one of (.+)\.", r"“\1”不在可选值 \2 之中。"),
    (r"Path '(.+?)' does not exist\.", r"路径“\1”不存在。"),
    (r"Value error, ", ""),
)


def translate(message: str) -> str:
    for pattern, replacement in _PATTERNS:
        message = re.sub(pattern, replacement, message)
    return message


def render(error: Exception) -> str:
    """The Chinese text for a usage error: what is wrong, then where to get help."""
    ctx = getattr(error, "ctx", None)
    format_message = getattr(error, "format_message", None)
    message = translate(format_message() if format_message else str(error))
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage().replace("Usage: ", "用法："))
        lines.append(f"运行 {ctx.command_path} -h 查看帮助。")
    lines.append(f"错误：{message}")
    return "\n".join(lines)
