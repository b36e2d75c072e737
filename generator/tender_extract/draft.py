"""The draft tender YAML: extracted fields and requirements, with the quote and location of each as
comments, “待核实” on what a human must check and “待填写” on what only the clerk knows."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.core.kinds import KINDS
from generator.core.quantities import Alternative, Deadline, Duration, Mileage, Quantity, Schedule
from generator.load.yamlio import dump_round_trip
from generator.models.requirement import BOUND_WORDS, Requirement
from generator.tender_extract.metadata import Metadata
from generator.tender_extract.requirements import Draft, Extraction

TODO = "待填写"
CHECK = "待核实"


@dataclass(frozen=True)
class Choices:
    """What the project offers for the clerk fields: ids and names of bidders and product types."""

    bidders: list[tuple[str, str]]
    products: list[tuple[str, str]]
    product_guess: tuple[str, str] | None = None  # (id, name) by vocabulary, for the comment only


def yaml_value(value: Quantity) -> str:
    """The short form a clerk writes and the models read back (7×24, not 7×24小时; a date as 2027-03-31)."""
    if isinstance(value, Schedule):
        return f"{value.days_per_week}×{value.hours_per_day}"
    if isinstance(value, Deadline):
        return value.date.isoformat()
    return str(value)


def _value_fields(value: Quantity) -> dict[str, str]:
    """`value`, and `mileage` apart from it when a warranty also ends at a distance (3年或10万公里)."""
    if isinstance(value, Alternative):
        duration, mileage = value.limit_of(Duration), value.limit_of(Mileage)
        if duration is not None and mileage is not None and len(value.limits) == 2:
            return {"value": yaml_value(duration), "mileage": str(mileage)}
    return {"value": yaml_value(value)}


def _one_line(text: str, limit: int = 200) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit] + "…"


def _where(draft: Draft) -> str:
    parts = [draft.section] if draft.section else []
    if draft.page is not None:
        parts.append(f"第{draft.page}页")
    if draft.line is not None and draft.page is None:
        parts.append(f"第{draft.line}行")
    return "，".join(parts) or "位置未知"


def suggest_id(meta: Metadata, out: Path) -> str | None:
    for candidate in (meta.project_number or "", out.stem):
        slug = re.sub(r"[^a-z0-9]+", "-", candidate.lower()).strip("-")
        if slug and re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
            return slug
    return None


def _requirement_map(draft: Draft) -> CommentedMap:
    item = CommentedMap()
    item["text"] = draft.text
    item["kind"] = draft.kind
    item.yaml_add_eol_comment(KINDS[draft.kind].label, "kind")
    item["bound"] = draft.bound
    item.yaml_add_eol_comment(BOUND_WORDS[draft.bound], "bound")
    if draft.value is not None:
        item.update(_value_fields(draft.value))
        if "mileage" in item:
            item.yaml_add_eol_comment("以先到者为准", "mileage")
        elif isinstance(draft.value, Deadline):
            item.yaml_add_eol_comment(f"{draft.value}", "value")
    if draft.qualifier:
        item["qualifier"] = draft.qualifier
    if draft.starts:
        item["starts"] = draft.starts
        item.yaml_add_eol_comment("起算事件", "starts")
    if draft.mark:
        item["mark"] = draft.mark
    source = CommentedMap()
    if draft.section:
        source["section"] = draft.section
    if draft.page is not None:
        source["page"] = draft.page
    source.fa.set_flow_style()
    if source:
        item["source"] = source
    # Never write what the model would refuse: the draft must load.
    Requirement.model_validate({k: v for k, v in item.items() if k != "source"} | {"source": dict(source)})
    return item


def _set(doc: CommentedMap, key: str, value: object, comment: str | None) -> None:
    doc[key] = value
    if comment:
        doc.yaml_add_eol_comment(comment, key)


def render_draft(meta: Metadata, extraction: Extraction, source_file: Path, out: Path, choices: Choices,
                 today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    doc = CommentedMap()
    doc.yaml_set_start_comment(
        f"招标项目文件草稿：由 aftersales tender extract 从“{source_file.name}”提取（{today.isoformat()}）。\n"
        "每条要求上方的注释是招标文件原文及其位置。请逐条核对标有“待核实”的内容，填写标有“待填写”的字段，\n"
        "然后运行 aftersales build 生成方案（仍标有“待核实”“待填写”的文件不能生成）。\n"
        "限定词（qualifier）可写：故障等级 一级～四级、紧急、一般；区域 市区、周边、省内、省外、其他地区；"
        "维修类别 小修、中修、大修；时段 工作时间、非工作时间、节假日；阶段 质保期内、质保期外；其余按部件（主机、配件等）；"
        "多个限定词用顿号连接，如“一级、市区”。")
    sources = meta.sources or {}

    def found(field: str) -> str | None:
        line = sources.get(field)
        return f"原文：{_one_line(line, 60)}" if line else None

    suggested = suggest_id(meta, out)
    _set(doc, "id", suggested or TODO,
         f"{CHECK}：按项目编号生成的文件编号，可改为简短的小写英文编号" if suggested else
         f"{TODO}：小写英文、数字和连字符，例如 city-hospital-2026")
    _set(doc, "project_name", meta.project_name or TODO, found("project_name") or f"{TODO}：招标文件中的项目名称")
    _set(doc, "project_number", meta.project_number or TODO,
         found("project_number") or f"{TODO}：招标文件中的项目编号")
    if meta.lot:
        _set(doc, "lot", meta.lot, found("lot"))
    purchaser = CommentedMap()
    purchaser["name"] = meta.purchaser or TODO
    purchaser.yaml_add_eol_comment(found("purchaser") or f"{TODO}：采购人全称", "name")
    doc["purchaser"] = purchaser
    _set(doc, "delivery_place", meta.delivery_place or TODO,
         found("delivery_place") or f"{TODO}：交货（服务）地点")
    bidder_ids = "、".join(b for b, _ in choices.bidders) or "（profiles/bidders/ 下暂无资料）"
    _set(doc, "bidder", TODO, f"{TODO}：投标人资料编号，可选 {bidder_ids}")
    product_ids = "、".join(p for p, _ in choices.products) or "（profiles/products/ 下暂无资料）"
    guess = f"；按招标文件用词推测为 {choices.product_guess[0]}（{choices.product_guess[1]}）" \
        if choices.product_guess else ""
    _set(doc, "product_type", TODO, f"{TODO}：产品类型编号，可选 {product_ids}{guess}")
    _set(doc, "products", meta.products or meta.project_name or TODO,
         found("products") or (f"{CHECK}：取自项目名称，请改为所供货物或服务的简称" if meta.project_name
                               else f"{TODO}：所供货物或服务，例如 台式计算机、打印机等信息化设备"))
    doc["template"] = "standard"
    if meta.date:
        _set(doc, "date", meta.date, found("date") and f"{CHECK}：取自开标（截止）时间，请改为投标文件落款日期")
    else:
        _set(doc, "date", TODO, f"{TODO}：投标文件落款日期，例如 {today.isoformat()}")

    requirements = CommentedSeq()
    unconverted = list(extraction.unconverted)
    index = 0
    for draft in extraction.requirements:
        try:
            requirements.append(_requirement_map(draft))
        except ValidationError:  # never expected: the classifier only pairs kinds with their value type
            unconverted.append((draft.quote, draft.section, draft.page))
            continue
        before = [f"原文（{_where(draft)}）：“{_one_line(draft.quote)}”"]
        before += [f"{CHECK}：{note}" for note in draft.notes]
        if draft.lot:  # each lot's terms are its own: a bid for one lot keeps only that lot's
            before.append(f"{CHECK}：本条属于{draft.lot}；只投其中一包的，请删去其他各包的要求，并在 lot 中写明所投分包")
        requirements.yaml_set_comment_before_after_key(index, before="\n".join(before), indent=2)
        index += 1
    doc["requirements"] = requirements
    if not extraction.requirements:
        doc.yaml_add_eol_comment(f"{CHECK}：未在招标文件中找到售后服务要求，请人工核对后补充", "requirements")

    text = dump_round_trip(doc)
    if unconverted:
        lines = ["", "# 以下★条款与售后服务或商务有关，但未能转为可核对的要求，请人工阅读原文后决定是否补充："]
        lines += [f"# - “{_one_line(t, 120)}”（{s or '位置未知'}{f'，第{p}页' if p else ''}）"
                  for t, s, p in unconverted]
        text += "\n".join(lines) + "\n"
    return text
