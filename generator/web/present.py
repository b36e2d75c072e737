"""Turn the tool's results into plain data the page templates show (no HTML is built here:
Jinja's autoescape escapes every piece of user or document text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.errors import Problem, UserError
from generator.web.preview import relative


@dataclass(frozen=True)
class ProblemView:
    location: str
    field: str
    message: str
    hint: str


# The command line's words in messages and hints → what the clerk sees on the page.
WEB_WORDS = (
    ("确认负偏离后加 --allow-deviation", "确需按负偏离投标，在页面下方勾选“接受负偏离”"),
    ("加 --allow-deviation", "在页面下方勾选“接受负偏离”"),
    ("或加 --allow-draft 生成草稿", "或在页面下方勾选“允许使用未审定条款”生成草稿"),
    ("aftersales clauses approve ID --by 姓名", "在“条款库”页面打开该条款并审定"),
    ("确认无误后加 --force 覆盖，或用 --output 指定其他目录", "确认要覆盖时，在页面下方勾选“覆盖上次生成的方案”"),
    ("加 --force 覆盖", "在页面下方勾选“覆盖上次生成的方案”"),
    ("在招标项目文件的 overrides 中调整承诺", "在“修改此项目”的“本项目承诺调整”中调整承诺"),
    ("在投标人资料或招标项目 overrides 中补充", "在投标人资料或“本项目承诺调整”中补充"),
)


def web_text(text: str, root: Path) -> str:
    """A message written for the command line, worded for the page: options become the page's
    checkboxes and absolute paths inside the project become project-relative."""
    for cli, page in WEB_WORDS:
        text = text.replace(cli, page)
    return text.replace(str(root.resolve()) + "/", "").replace(str(root) + "/", "")


def field_name(field: str) -> str:
    """A model path as the page names it: “招标要求第 2 条”, “本项目承诺调整：质保期”, “采购人全称”."""
    from generator.core.kinds import KINDS
    from generator.web.tender_form import ITEM_LABELS, LABELS, REQUIREMENT_LABELS

    parts = field.split(".")
    if parts[0] == "requirements" and len(parts) >= 2 and parts[1].isdigit():
        rest = REQUIREMENT_LABELS.get(".".join(parts[2:]), "")
        return f"招标要求第 {int(parts[1]) + 1} 条" + (f"：{rest}" if rest else "")
    if parts[0] == "overrides" and len(parts) >= 2 and parts[1] in KINDS:
        return f"本项目承诺调整：{KINDS[parts[1]].label}"
    if parts[0] == "overrides" and len(parts) >= 2 and parts[1].isdigit():
        rest = {"kind": "承诺项", "qualifier": "限定词", "value": "数值", "starts": "起算事件"}.get(".".join(parts[2:]), "")
        return f"本项目承诺调整第 {int(parts[1]) + 1} 行" + (f"：{rest}" if rest else "")
    if parts[0] == "items" and len(parts) >= 2 and parts[1].isdigit():
        rest = ITEM_LABELS.get(".".join(parts[2:]), "")
        return f"采购清单第 {int(parts[1]) + 1} 项" + (f"：{rest}" if rest else "")
    return LABELS.get(field, field)


def problem_view(problem: Problem, root: Path) -> ProblemView:
    where = relative(problem.path, root) if isinstance(problem.path, Path) else str(problem.path)
    if problem.line is not None:
        where += f" 第 {problem.line} 行"
    return ProblemView(where, field_name(problem.field) if problem.field else "", web_text(problem.message, root),
                       web_text(problem.hint, root))


def error_view(error: UserError, root: Path) -> dict[str, Any]:
    return {"title": error.title, "problems": [problem_view(p, root) for p in error.problems],
            "refused": error.exit_code == 1}


from generator.web.findings_view import findings_view, summary  # noqa: E402 - re-exported for the views

__all__ = ["ProblemView", "error_view", "field_name", "findings_view", "problem_view", "summary", "web_text"]
