"""Two kinds of failure: bad input (exit 2) and a build that breaks a rule (exit 1).

Both carry messages written for a bid clerk and are printed without a traceback; anything else
is a bug and keeps its traceback.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

_OS_REASONS = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有操作权限",
    errno.EEXIST: "已存在同名的文件",
    errno.ENOTDIR: "路径中有一段是普通文件，不是目录",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.ENAMETOOLONG: "路径过长",
    errno.EMFILE: "打开的文件过多",
    errno.EDQUOT: "超出磁盘配额",
    errno.EIO: "读写出错（磁盘或网络故障）",
    errno.ELOOP: "符号链接循环指向自身，无法打开",
    errno.ENXIO: "设备不存在或未就绪",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Chinese (strerror is English)."""
    reason = _OS_REASONS.get(exc.errno or -1)
    return reason or f"系统错误：{exc.strerror or exc}"


def display_path(path: Path | str) -> str:
    """A path as the user typed it: relative to the working directory when inside it."""
    if isinstance(path, Path) and path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
    return str(path)


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, located as precisely as we can."""

    path: Path | str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None
    field: str = ""
    hint: str = ""

    def location(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        text = self.location()
        if self.field:
            text += f" 字段 {self.field}"
        text += f"：{self.message}"
        if self.hint:
            text += f"（提示：{self.hint}）"
        return text


class UserError(Exception):
    """Base of errors shown to the user without a traceback."""

    exit_code = 2

    def __init__(self, title: str, problems: list[Problem] | None = None) -> None:
        super().__init__(title)
        self.title = title
        self.problems = problems or []

    def render(self) -> str:
        lines = [self.title]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class InputError(UserError):
    """Input files that cannot be read or do not validate (exit 2)."""

    exit_code = 2


class BuildRefused(UserError):
    """Inputs are valid but the proposal would break a rule: a requirement, a finding (exit 1)."""

    exit_code = 1


@dataclass
class ProblemCollector:
    """Gathers every problem first so the user sees them all at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self, title: str, error: type[UserError] = InputError) -> None:
        if self.problems:
            raise error(title, list(self.problems))
