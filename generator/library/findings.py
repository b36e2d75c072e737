"""The one result type of `clauses lint`: a located, named problem in a clause or profile file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem, display_path

# Stable rule names (CI configurations and suppressions may refer to them).
RULES = {
    "invalid-file": "文件无法读取或不符合格式",
    "metadata": "元数据不完整或不一致",
    "duplicate-id": "条款编号重复",
    "render": "用示例数据渲染失败",
    "missing-commitment": "适用的产品类型未定义条款所需的承诺",
    "literal-number": "正文直接写了承诺数字",
    "uses-mismatch": "uses 声明与正文使用的承诺不一致",
    "product-word": "通用条款中出现某一产品类型的专用词",
    "profile": "产品类型或投标人资料无法组成示例数据",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    path: Path | str
    line: int | None
    message: str
    clause: str = ""
    hint: str = ""
    severity: str = "error"

    def location(self) -> str:
        where = display_path(self.path)
        return f"{where}:{self.line}" if self.line else where

    def __str__(self) -> str:
        text = f"{self.location()}：[{self.rule}] {self.message}"
        return text + (f"（提示：{self.hint}）" if self.hint else "")

    def sort_key(self) -> tuple[str, int, str, str]:
        return (str(self.path), self.line or 0, self.rule, self.message)


def from_problem(rule: str, problem: Problem, clause: str = "") -> Finding:
    message = f"字段 {problem.field}：{problem.message}" if problem.field else problem.message
    return Finding(rule, problem.path, problem.line, message, clause, problem.hint)
