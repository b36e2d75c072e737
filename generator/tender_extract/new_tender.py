"""`aftersales tender new`: a questionnaire that writes a valid tender file for a clerk who never
edits YAML. Every answer is checked as it is typed and asked again, in Chinese, until it is right.

The questions go through `Prompter`, so tests drive it with CliRunner input and nothing else
touches the terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from generator.core.errors import InputError, Problem
from generator.core.layout import Layout

Check = Callable[[str], tuple[Any, str | None]]  # answer → (value, error message or None)

BOUNDS = [("at_most", "不超过（时限类：响应、到场、解决、供货…）"), ("at_least", "不少于（期限与频次：质保、备件、回访…）"),
          ("equals", "等于（招标文件只写数值时；更长的质保、更短的时限仍为正偏离，服务期须相同）"),
          ("present", "须承诺（无具体数值）")]
MARKS = [("★", "★ 实质性条款（负偏离即废标）"), ("▲", "▲ 评分条款"), ("", "无标记")]
# what each 采购清单 question says after the field's label (ITEM_LABELS, as the web form shows it)
ITEM_HINTS = {"name": "（例如 纯电动轿车（5座）；直接回车结束录入）", "model": "（所投品牌型号，可直接回车跳过）",
              "quantity": "（数字，例如 12）", "unit": "（例如 台、辆、套、批）",
              "registration": "（医疗器械注册证编号，或农药、肥料登记证号，可直接回车跳过）", "note": "（可直接回车跳过）"}
ITEM_OPTIONAL = ("model", "registration", "note")


class Cancelled(Exception):
    """The input ended before the questionnaire did."""


class Prompter:
    """Asks through typer; re-asks with the error until the check passes."""

    def ask(self, question: str, check: Check, default: str | None = None) -> Any:
        while True:
            try:
                answer = typer.prompt(question, default=default if default is not None else "",
                                      show_default=bool(default))
            except (typer.Abort, EOFError):
                raise Cancelled from None
            value, error = check(str(answer).strip())
            if error is None:
                return value
            typer.echo(f"  ✗ {error}")

    def choose(self, question: str, options: list[tuple[str, str]], default: str | None = None) -> str:
        """Pick one of (value, description) by its number or its value."""
        typer.echo(question)
        for number, (_value, description) in enumerate(options, start=1):
            typer.echo(f"  {number}. {description}")
        values = [v for v, _ in options]

        def check(answer: str) -> tuple[Any, str | None]:
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return values[int(answer) - 1], None
            if answer in values and answer:
                return answer, None
            return None, f"请输入 1～{len(options)} 之间的序号"

        shown = str(values.index(default) + 1) if default in values else None
        return self.ask("请输入序号", check, shown)

    def confirm(self, question: str, default: bool = False) -> bool:
        def check(answer: str) -> tuple[Any, str | None]:
            if answer.lower() in ("y", "yes", "是", "s", "1"):
                return True, None
            if answer.lower() in ("n", "no", "否", "f", "0"):
                return False, None
            return None, "请回答 y（是）或 n（否）"

        return self.ask(f"{question}（y/n）", check, "y" if default else "n")


def required(what: str) -> Check:
    def check(answer: str) -> tuple[Any, str | None]:
        return (answer, None) if answer else (None, f"{what}不能为空")

    return check


def optional(answer: str) -> tuple[Any, str | None]:
    return answer or None, None


def date_check(answer: str) -> tuple[Any, str | None]:
    from generator.tender_extract.metadata import parse_date

    value = parse_date(answer)
    return (value, None) if value else (None, "日期格式不对，请写成 2026-11-20 或 2026年11月20日")


def id_check(taken: Callable[[str], bool]) -> Check:
    def check(answer: str) -> tuple[Any, str | None]:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", answer):
            return None, "编号只能用小写英文字母、数字和连字符，且以字母或数字开头，例如 city-hospital-2026"
        if taken(answer):
            return None, f"tenders/{answer}.yaml 已存在，请换一个编号（或加 --force 覆盖）"
        return answer, None

    return check


def value_check(kind: str, requirement: bool = False) -> Check:
    """A value of `kind` as the model reads it: alternatives (3年或10万公里) for a warranty and, for
    a requirement, calendar deadlines (2026年3月1日前) for delivery and installation."""
    from generator.core.quantities import QuantityError
    from generator.models.commitments import _parse_value

    def check(answer: str) -> tuple[Any, str | None]:
        if not answer:
            return None, "数值不能为空"
        try:
            _parse_value(kind, answer, requirement=requirement)
        except QuantityError as exc:
            return None, str(exc)
        return answer, None

    return check


def page_check(answer: str) -> tuple[Any, str | None]:
    if not answer:
        return None, None
    if answer.isdigit() and int(answer) >= 1:
        return int(answer), None
    return None, "页码应为正整数，不知道可直接回车"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Project:
    """What the questionnaire can offer: bidders, product types and templates found under root."""

    root: Path
    bidders: list[tuple[str, str]]
    products: list[tuple[str, str]]
    templates: list[str]


def scan_project(root: Path) -> Project:
    from generator.tender_extract import project_choices

    choices = project_choices(root)
    layout = Layout(root)
    templates = layout.template_names()
    problems = []
    if not choices.bidders:
        problems.append(Problem(layout.bidders, "没有投标人资料", hint="先在该目录下建立投标人资料"))
    if not choices.products:
        problems.append(Problem(layout.products, "没有产品类型资料"))
    if problems:
        raise InputError("无法新建招标项目文件", problems)
    return Project(root, choices.bidders, choices.products, templates or ["standard"])


def start_check(answer: str) -> tuple[Any, str | None]:
    from generator.models.commitments import normalise_start

    return (normalise_start(answer) if answer else None), None


def ask_requirement(prompter: Prompter) -> dict[str, Any] | None:
    from generator.core.kinds import STARTING_KINDS, choices, minimum_kinds

    text = prompter.ask("招标要求原文（照抄招标文件；直接回车结束录入）", optional)
    if text is None:
        return None
    kind = prompter.choose("这条要求属于哪一类承诺？", choices())
    bound = prompter.choose("要求方式：", BOUNDS, "at_least" if kind in minimum_kinds() else "at_most")
    item: dict[str, Any] = {"text": text, "kind": kind, "bound": bound}
    if bound != "present":
        item["value"] = prompter.ask("要求的数值（例如 2小时、3年、3年或10万公里、每季度一次、7×24）",
                                     value_check(kind, requirement=True))
    qualifier = prompter.ask("限定词：分档要求时写这一档（例如 市区、小修、一级、“一级、市区”；没有可直接回车）", optional)
    if qualifier:
        item["qualifier"] = qualifier
    if kind in STARTING_KINDS:
        starts = prompter.ask("从何时起算（例如 验收合格之日、监督检验合格并交付使用之日；没有可直接回车）", start_check)
        if starts:
            item["starts"] = starts
    lead = text[0] if text[0] in "★▲" else ""
    mark = prompter.choose("标记：", MARKS, lead)
    if mark:
        item["mark"] = mark
    section = prompter.ask("出自招标文件哪一章节（可直接回车跳过）", optional)
    page = prompter.ask("页码（可直接回车跳过）", page_check)
    source = {k: v for k, v in (("section", section), ("page", page)) if v}
    if source:
        item["source"] = source
    return item


def item_check(field: str, earlier: list[dict[str, Any]]) -> Check:
    """One field of a 采购清单 item as the model reads it (`earlier`: the items before, whose names it
    must not repeat); the error names the field, as the web form's does (数量应大于0…)."""
    from pydantic import ValidationError

    from generator.load.yamlio import problems_from_validation
    from generator.models.tender import ITEM_LABELS, SupplyItem, distinct_names

    label = ITEM_LABELS[field]
    sample = {"name": "货物", "quantity": 1, "unit": "台"}  # valid others, so only this field is judged

    def check(answer: str) -> tuple[Any, str | None]:
        if not answer and field in (*ITEM_OPTIONAL, "name"):  # an empty name ends the list
            return None, None
        value: Any = answer
        if field == "quantity":
            from generator.core.numerals import to_half_width_digits

            digits = to_half_width_digits(answer)
            if re.fullmatch(r"\d+(?:\.\d+)?", digits):
                value = int(digits) if digits.isdigit() else float(digits)
        try:
            item = SupplyItem.model_validate(sample | {field: value})
            if field == "name":  # the model's own message for a name used twice
                distinct_names([*(SupplyItem.model_validate(e) for e in earlier), item])
        except ValidationError as exc:
            message = problems_from_validation(Path("-"), None, exc)[0].message
            return None, message if message.startswith(label) else f"{label}{'' if message[0] in '应不' else '：'}{message}"
        return value, None

    return check


def ask_item(prompter: Prompter, earlier: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One item of the 采购清单, its fields in the web form's order; None when the name is left empty."""
    from generator.models.tender import ITEM_LABELS

    item: dict[str, Any] = {}
    for field, label in ITEM_LABELS.items():
        answer = prompter.ask(f"{label}{ITEM_HINTS[field]}", item_check(field, earlier))
        if answer is None and field == "name":
            return None
        if answer is not None:
            item[field] = answer
    return item


def questionnaire(prompter: Prompter, project: Project, taken: Callable[[str], bool],
                  today: dt.date) -> dict[str, Any]:
    typer.echo("新建招标项目文件：逐项回答，方括号中为默认值，直接回车即采用。")
    data: dict[str, Any] = {}
    data["project_name"] = prompter.ask("项目名称", required("项目名称"))
    data["project_number"] = prompter.ask("项目编号", required("项目编号"))
    lot = prompter.ask("包号（没有可直接回车）", optional)
    data["purchaser"] = {"name": prompter.ask("采购人全称", required("采购人"))}
    data["delivery_place"] = prompter.ask("交货（服务）地点", required("交货地点"))
    data["products"] = prompter.ask("所供货物或服务（例如 台式计算机、打印机等信息化设备）", required("所供货物或服务"))
    data["product_type"] = prompter.choose(
        "产品类型：", [(pid, f"{name}（{pid}）") for pid, name in project.products],
        project.products[0][0] if len(project.products) == 1 else None)
    data["bidder"] = prompter.choose(
        "投标人：", [(bid, f"{name}（{bid}）") for bid, name in project.bidders],
        project.bidders[0][0] if len(project.bidders) == 1 else None)
    data["date"] = prompter.ask("投标文件日期", date_check, today.isoformat())
    if len(project.templates) > 1:
        data["template"] = prompter.choose("模板：", [(t, t) for t in project.templates],
                                           "standard" if "standard" in project.templates else None)
    else:
        data["template"] = project.templates[0]
    suggested = slug(data["project_number"])
    data = {"id": prompter.ask("文件编号（用作文件名和输出目录名）", id_check(taken),
                               suggested if suggested and not taken(suggested) else None), **data}
    if lot:
        data["lot"] = lot
    requirements: list[dict[str, Any]] = []
    if prompter.confirm("是否录入招标文件中的售后服务要求（用于生成偏离表）？", True):
        while True:
            typer.echo(f"—— 第 {len(requirements) + 1} 条要求 ——")
            item = ask_requirement(prompter)
            if item is None:
                break
            requirements.append(item)
    data["requirements"] = requirements
    items: list[dict[str, Any]] = []
    if prompter.confirm("是否录入采购清单（方案中列为供货范围表；可不录入）？", False):
        while True:
            typer.echo(f"—— 采购清单第 {len(items) + 1} 项 ——")
            item = ask_item(prompter, items)
            if item is None:
                break
            items.append(item)
    if items:
        data["items"] = items
    return data


ORDER = ["id", "project_name", "project_number", "lot", "purchaser", "delivery_place", "bidder", "product_type",
         "products", "items", "template", "date", "requirements"]


def render(data: dict[str, Any], today: dt.date) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from generator.load.yamlio import dump_round_trip

    doc = CommentedMap()
    doc.yaml_set_start_comment(f"招标项目文件：由 aftersales tender new 生成（{today.isoformat()}）")
    for key in ORDER:
        if key not in data:
            continue
        value = data[key]
        if key == "requirements":
            seq = CommentedSeq()
            for item in value:
                entry = CommentedMap(item)
                if "source" in item:
                    source = CommentedMap(item["source"])
                    source.fa.set_flow_style()
                    entry["source"] = source
                seq.append(entry)
            value = seq
        if key == "items":  # one line an item, as in the examples: - {name: 输液泵, quantity: 30, unit: 台}
            value = CommentedSeq(CommentedMap(item) for item in value)
            for entry in value:
                entry.fa.set_flow_style()
        doc[key] = value
    return dump_round_trip(doc)


def run(out: Path | None, force: bool, root: Path, today: dt.date | None = None) -> Path:
    """Ask, validate, write; returns the file written."""
    from generator.core.output import write_atomic
    from generator.models.tender import Tender

    today = today or dt.date.today()
    if out is not None and out.exists() and not force:
        raise InputError("输出文件已存在，未覆盖", [Problem(out, "文件已存在", hint="换一个文件名，或加 --force 覆盖")])
    project = scan_project(root)

    def taken(tender_id: str) -> bool:
        return out is None and not force and Layout(root).tender(tender_id).exists()

    try:
        data = questionnaire(Prompter(), project, taken, today)
    except Cancelled:
        raise InputError("输入中断，未写入任何文件") from None
    Tender.model_validate(data)  # every answer was checked; this guards the questionnaire itself
    target = out or Layout(root).tender(data["id"])
    if target.exists() and not force:
        raise InputError("输出文件已存在，未覆盖", [Problem(target, "文件已存在", hint="加 --force 覆盖")])
    target.parent.mkdir(parents=True, exist_ok=True)
    from generator.models.schemas import tender_modeline, with_modeline

    text = with_modeline(render(data, today), tender_modeline(Layout(root), target))
    write_atomic(target, text.encode("utf-8"))
    return target
