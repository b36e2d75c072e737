"""The tender form: its fields come from the Tender model, its errors from pydantic via yamlio.

Form inputs are named by the model's own dotted paths (`project_name`, `purchaser.name`,
`requirements.0.value`), so a validation problem's field names the input it belongs to. The one
exception is `overrides`: the model keys it by commitment kind, the form edits it as rows of
(kind, qualifier, value), and problems on `overrides.<kind>` are shown on every row of that kind.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.core.kinds import KINDS
from generator.models.requirement import BOUND_WORDS, Requirement
from generator.models.tender import ITEM_LABELS, Tender

# Chinese labels for every field of the Tender model the form edits (tests keep this complete).
LABELS = {
    "id": "文件编号",
    "project_name": "项目名称",
    "project_number": "项目编号",
    "lot": "包号",
    "purchaser.name": "采购人全称",
    "purchaser.contact_address": "采购人联系地址",
    "delivery_place": "交货（服务）地点",
    "bidder": "投标人",
    "product_type": "产品类型",
    "products": "所供货物或服务",
    "template": "模板",
    "date": "投标文件日期",
    "requirements": "招标要求",
    "items": "采购清单",
    "overrides": "本项目承诺调整",
}
HELP = {
    "lot": "没有可空着",
    "products": "例如 台式计算机、打印机等信息化设备",
    "purchaser.contact_address": "可空着",
}
REQUIREMENT_LABELS = {"text": "招标文件原文", "mark": "标记", "kind": "承诺项", "bound": "要求方式", "value": "数值",
                      "qualifier": "限定词", "starts": "起算事件", "original": "原文全句",
                      "source.section": "出处章节", "source.page": "页码"}
MARK_LABELS = {"★": "★ 实质性", "▲": "▲ 评分", "": "无"}
TEMPLATE_LABELS = {"standard": "标准格式"}  # template folder → the name a clerk sees
PRESERVED = ("attachments", "scoring", "resident_staff", "resident_hours", "security_level", "platforms",
             "penalty_cap_percent")  # kept as they are in the file; not edited in the browser
SELECTS = ("bidder", "product_type", "template")
ROW_FIELDS = ("text", "mark", "kind", "bound", "value", "qualifier", "starts", "original", "source.section",
              "source.page")
OVERRIDE_FIELDS = ("kind", "qualifier", "value", "starts")
ITEM_FIELDS = tuple(ITEM_LABELS)
_ROW = re.compile(r"^(requirements|overrides|items)\.(\d+)\.(.+)$")


@dataclass(frozen=True)
class FieldSpec:
    name: str  # dotted model path, also the input's name
    label: str
    required: bool
    kind: str  # text | date | select
    pattern: str | None = None
    help: str = ""


def _constraint(info: Any, attribute: str) -> Any:
    for item in info.metadata:
        value = getattr(item, attribute, None)
        if value is not None:
            return value
    return None


def _specs(model: type[BaseModel], prefix: str = "") -> list[FieldSpec]:
    out: list[FieldSpec] = []
    for name, info in model.model_fields.items():
        path = prefix + name
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if path == "overrides":
                continue
            out += _specs(annotation, path + ".")
            continue
        if typing.get_origin(annotation) is list or path in PRESERVED:
            continue
        required = info.is_required() or bool(_constraint(info, "min_length"))
        if annotation is dt.date:
            kind = "date"
        elif path in SELECTS:
            kind = "select"
        else:
            kind = "text"
        out.append(FieldSpec(path, LABELS[path], required, kind, _constraint(info, "pattern"), HELP.get(path, "")))
    return out


def simple_fields() -> list[FieldSpec]:
    """The tender's single-value fields in model order (requirements and overrides are row tables)."""
    return _specs(Tender)


def requirement_options() -> dict[str, list[tuple[str, str]]]:
    marks = typing.get_args(Requirement.model_fields["mark"].annotation)
    return {
        "kind": [(k, kind.label) for k, kind in KINDS.items()],
        "bound": list(BOUND_WORDS.items()),
        "mark": [(m, MARK_LABELS[m]) for m in marks],
    }


@dataclass
class FormState:
    """What the form shows: values as typed, row tables, and problems per input name."""

    values: dict[str, str] = field(default_factory=dict)
    requirements: list[dict[str, str]] = field(default_factory=list)
    overrides: list[dict[str, str]] = field(default_factory=list)
    items: list[dict[str, str]] = field(default_factory=list)  # 采购清单 rows: ITEM_FIELDS
    item_origin: list[int] = field(default_factory=list)  # to_data: the row each kept item came from
    errors: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)  # problems that belong to no input

    def add_error(self, name: str, message: str) -> None:
        if message not in self.errors.setdefault(name, []):
            self.errors[name].append(message)

    def with_blank_rows(self) -> FormState:
        """One empty row at the end of each table, to type a new entry into without script."""
        if not self.requirements or any(self.requirements[-1].get(k) for k in ("text", "value")):
            self.requirements.append({})  # kind and bound come from the 原文 once it is pasted
        if not self.overrides or self.overrides[-1].get("value"):
            self.overrides.append({})
        if not self.items or any(self.items[-1].get(k) for k in ITEM_FIELDS):
            self.items.append({})
        return self


def _typed(value: Any) -> str:
    """A form value cleaned as the loader cleans a file's values (Shift+Enter and zero-width characters
    pasted from Word); a refused character is kept, so the check names it next to its field."""
    from generator.load.sanitize import clean_text

    text = str(value)
    cleaned, problem = clean_text(text, multiline=False)
    return (text if problem else cleaned).strip()


def _rows(form: Any, table: str) -> list[dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    for key in form.keys():
        match = _ROW.match(key)
        if match and match.group(1) == table:
            found.setdefault(int(match.group(2)), {})[match.group(3)] = _typed(form.get(key, ""))
    return [found[i] for i in sorted(found)]


def state_from_form(form: Any) -> FormState:
    """The submitted form as typed (a Werkzeug MultiDict or any mapping)."""
    values = {spec.name: _typed(form.get(spec.name, "")) for spec in simple_fields()}
    return FormState(values, _rows(form, "requirements"), _rows(form, "overrides"), _rows(form, "items"))


def _blank_requirement(row: dict[str, str]) -> bool:
    return not any(row.get(k) for k in ("text", "value", "qualifier", "starts", "original", "source.section", "source.page"))


def to_data(state: FormState) -> tuple[dict[str, Any], list[int], dict[str, list[int]]]:
    """Model data from the form, with where each kept requirement row came from and which override rows
    make up each kind. Problems found here (override rows that cannot be combined) go into `state`."""
    data: dict[str, Any] = {}
    for spec in simple_fields():
        value = state.values.get(spec.name, "")
        if not value and not spec.required:
            continue
        target = data
        *parents, last = spec.name.split(".")
        for parent in parents:
            target = target.setdefault(parent, {})
        target[last] = value
    requirements, origin = [], []
    for index, row in enumerate(state.requirements):
        if _blank_requirement(row):
            continue
        item: dict[str, Any] = {"text": row.get("text", ""), "kind": row.get("kind", ""), "bound": row.get("bound", "")}
        if row.get("value"):
            item["value"] = row["value"]
        for key in ("qualifier", "starts", "original"):
            if row.get(key):
                item[key] = row[key]
        item["mark"] = row.get("mark", "")
        source: dict[str, Any] = {}
        if row.get("source.section"):
            source["section"] = row["source.section"]
        if row.get("source.page"):
            page = row["source.page"]
            source["page"] = int(page) if page.isdigit() else page
        if source:
            item["source"] = source
        requirements.append(item)
        origin.append(index)
    data["requirements"] = requirements
    data["items"], state.item_origin = _items(state)
    overrides, members = _overrides(state)
    data["overrides"] = overrides
    return data, origin, members


def _quantity(text: str) -> Any:
    """12 → 12, 2.5 → 2.5; anything else stays text, for the model to refuse next to the input."""
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number == int(number) and "." not in text else number


def _items(state: FormState) -> tuple[list[dict[str, Any]], list[int]]:
    """The 采购清单 rows as the model's items; rows left wholly empty are not items."""
    items, origin = [], []
    for index, row in enumerate(state.items):
        if not any(row.get(k) for k in ITEM_FIELDS):
            continue
        item: dict[str, Any] = {"name": row.get("name", "")}
        if row.get("model"):
            item["model"] = row["model"]
        item["quantity"] = _quantity(row.get("quantity", ""))
        item["unit"] = row.get("unit", "")
        for optional in ("registration", "note"):
            if row.get(optional):
                item[optional] = row[optional]
        items.append(item)
        origin.append(index)
    return items, origin


def _overrides(state: FormState) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """Rows → the model's overrides: one value, tiers by qualifier ({市区: 2小时, 省外: 24小时}), and
    the long form when a start event is given ({value: 2年, starts: 验收合格之日})."""
    from generator.core.kinds import STARTING_KINDS

    by_kind: dict[str, list[tuple[int, str, str]]] = {}
    starts: dict[str, str] = {}
    for index, row in enumerate(state.overrides):
        kind, value, qualifier = row.get("kind", ""), row.get("value", ""), row.get("qualifier", "")
        start = row.get("starts", "")
        if not value and not qualifier and not start:
            continue
        if kind not in KINDS:
            state.add_error(f"overrides.{index}.kind", "请选择承诺项")
            continue
        if not value:
            state.add_error(f"overrides.{index}.value", "请填写数值，例如 3年、2小时")
            continue
        if start:
            if kind not in STARTING_KINDS:
                state.add_error(f"overrides.{index}.starts", "只有质保期和服务期可以写起算事件")
            elif starts.setdefault(kind, start) != start:
                state.add_error(f"overrides.{index}.starts", f"“{KINDS[kind].label}”各行的起算事件应相同")
        by_kind.setdefault(kind, []).append((index, qualifier, value))
    out: dict[str, Any] = {}
    members: dict[str, list[int]] = {}
    for kind, rows in by_kind.items():
        members[kind] = [index for index, _, _ in rows]
        if len(rows) == 1 and not rows[0][1]:
            single: Any = rows[0][2]
            out[kind] = {"value": single, "starts": starts[kind]} if kind in starts else single
            continue
        mapping: dict[str, str] = {}
        for index, qualifier, value in rows:
            if not qualifier:
                state.add_error(f"overrides.{index}.qualifier",
                                f"“{KINDS[kind].label}”有多行时，每行都要写限定词（如 市区、省外、小修）")
            elif qualifier in mapping:
                state.add_error(f"overrides.{index}.qualifier", f"限定词“{qualifier}”重复")
            else:
                mapping[qualifier] = value
        out[kind] = {"tiers": mapping, "starts": starts[kind]} if kind in starts else mapping
    return out, members


def place_problems(state: FormState, problems: list[Any], origin: list[int], members: dict[str, list[int]]) -> None:
    """Put each Problem (generator.core.errors) next to the input its field names."""
    names = {spec.name for spec in simple_fields()}
    for problem in problems:
        name = _input_for(problem.field, names, origin, members, state.item_origin)
        if name is None:
            where = f"（{problem.field}）" if problem.field else ""
            state.general.append(f"{problem.message}{where}")
        elif isinstance(name, str) and name.count(".") == 1 and name.startswith("requirements."):
            shown = [m for key, messages in state.errors.items() if key.startswith(name + ".") for m in messages]
            if problem.message not in shown:  # already next to the input it is about
                state.add_error(name, problem.message)
        elif isinstance(name, list):
            for each in name:
                state.add_error(each, problem.message)
        else:
            state.add_error(name, problem.message)


def value_problems(state: FormState) -> None:
    """Values that do not parse for their commitment kind, next to the value input itself."""
    from generator.models.commitments import _parse_value
    from generator.tender_extract.new_tender import value_check

    for index, row in enumerate(state.requirements):
        if row.get("kind") in KINDS and row.get("value"):
            try:  # the model's own reading of a requirement value (dates such as 2027年2月28日前 included)
                _parse_value(row["kind"], row["value"], requirement=True)
            except ValueError as error:
                state.add_error(f"requirements.{index}.value", str(error))
    for index, row in enumerate(state.overrides):
        if row.get("kind") in KINDS and row.get("value"):
            _, message = value_check(row["kind"])(row["value"])
            if message:
                state.add_error(f"overrides.{index}.value", message)


def _input_for(path: str, names: set[str], origin: list[int], members: dict[str, list[int]],
               item_origin: list[int] | None = None) -> str | list[str] | None:
    if path in names:
        return path
    parts = path.split(".")
    if parts[0] == "items" and len(parts) == 3 and parts[1].isdigit() and int(parts[1]) < len(item_origin or []):
        row = (item_origin or [])[int(parts[1])]
        return f"items.{row}.{parts[2]}" if parts[2] in ITEM_FIELDS else None
    if parts[0] == "requirements" and len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) < len(origin):
        row = origin[int(parts[1])]
        rest = ".".join(parts[2:])
        return f"requirements.{row}.{rest}" if rest in ROW_FIELDS else f"requirements.{row}"
    if parts[0] == "overrides" and len(parts) >= 2 and parts[1] in members:
        return [f"overrides.{row}.value" for row in members[parts[1]]]
    if parts[0] == "purchaser" and len(parts) == 1:
        return "purchaser.name"
    return None


def _value_text(item: Any) -> str:
    """The value as the form edits it: a warranty's mileage, apart in the file (value 3年, mileage 10万公里),
    joins its value in the one field (3年或10万公里), the form the model reads as well."""
    value, mileage = _text(item.get("value")), _text(item.get("mileage"))
    return f"{value}或{mileage}" if value and mileage else value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def state_from_raw(raw: Any) -> FormState:
    """Form values from a tender file's parsed YAML (as written: it need not validate)."""
    state = FormState()
    get = raw.get if hasattr(raw, "get") else (lambda _k, _d=None: None)
    for spec in simple_fields():
        node: Any = raw
        for part in spec.name.split("."):
            node = node.get(part) if hasattr(node, "get") else None
        state.values[spec.name] = _text(node)
    for item in get("requirements") or []:
        if not hasattr(item, "get"):
            continue
        source = item.get("source") if hasattr(item.get("source"), "get") else {}
        state.requirements.append({
            "text": _text(item.get("text")), "mark": _text(item.get("mark")), "kind": _text(item.get("kind")),
            "bound": _text(item.get("bound")), "value": _value_text(item),
            "qualifier": _text(item.get("qualifier")), "starts": _text(item.get("starts")),
            "original": _text(item.get("original")), "source.section": _text(source.get("section")),
            "source.page": _text(source.get("page"))})
    for item in get("items") or []:
        if hasattr(item, "get"):
            state.items.append({k: _text(item.get(k)) for k in ITEM_FIELDS})
    overrides = get("overrides")
    if overrides is not None and hasattr(overrides, "items"):
        for kind, value in overrides.items():
            if kind == "fault_levels":
                continue  # kept in the file as it is; not edited in the browser
            start = ""
            if hasattr(value, "items") and ({"value", "tiers", "starts"} & {str(k) for k in value}):
                start = _text(value.get("starts"))
                value = value.get("tiers") if value.get("tiers") is not None else value.get("value")
            if hasattr(value, "items"):
                state.overrides += [{"kind": str(kind), "qualifier": str(q), "value": _text(v), "starts": start}
                                    for q, v in value.items()]
            else:
                state.overrides.append({"kind": str(kind), "qualifier": "", "value": _text(value), "starts": start})
    return state


def blank_state(today: dt.date, bidders: list[tuple[str, str]], products: list[tuple[str, str]]) -> FormState:
    values = {spec.name: "" for spec in simple_fields()}
    values["date"] = today.isoformat()
    values["template"] = "standard"
    if len(bidders) == 1:
        values["bidder"] = bidders[0][0]
    if len(products) == 1:
        values["product_type"] = products[0][0]
    return FormState(values)


__all__ = ["ITEM_LABELS", "FieldSpec", "FormState", "LABELS", "PRESERVED", "REQUIREMENT_LABELS",
           "TEMPLATE_LABELS", "blank_state", "place_problems", "requirement_options", "simple_fields", "state_from_form",
           "state_from_raw", "to_data"]
