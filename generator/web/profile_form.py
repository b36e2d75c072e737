"""The 资料 form: a bidder profile or product type edited in the browser, its inputs made from the
model (Bidder, ProductType) and its problems found exactly as for the YAML file (the same loader
and checks as a build), then placed next to the inputs they name.

Inputs are named by model paths: `legal_name`, `outlets.0.city`, `vocabulary` (one item a line),
`commitments.0.value` (rows of kind / qualifier / value / start event, as the tender form's
adjustments). Keys the page does not edit (fault_levels, letterhead) stay as they are in the file.
"""

from __future__ import annotations

import copy
import tempfile
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.models.parties import Bidder, ProductType

KINDS_OF: dict[str, type[BaseModel]] = {"bidders": Bidder, "products": ProductType}
TITLES = {"bidders": "投标人", "products": "产品类型"}
BLANK_ROWS = 2  # empty rows under each table, to add entries without script
LABELS = {
    "id": "编号", "legal_name": "公司全称", "short_name": "简称", "credit_code": "统一社会信用代码",
    "legal_representative": "法定代表人", "address": "地址", "hotline": "服务热线", "email": "电子邮箱",
    "service_center": "服务中心名称", "outlets": "服务网点", "team": "服务团队", "certificates": "资质证书",
    "commitments": "默认承诺", "city": "城市", "phone": "电话", "staff": "人数", "role": "岗位", "name": "名称",
    "qualification": "资质", "years": "从业年限", "duty": "职责", "number": "证书编号", "issuer": "发证机构",
    "based_at": "常驻地点（网点城市或服务中心名称）",
    "noun": "货物统称（如 设备）", "measure_word": "量词（如 台）", "warranty_word": "质保的叫法",
    "uptime_word": "开机率的叫法", "capabilities": "服务能力（每行一项）", "vocabulary": "行业用语（每行一项）",
    "training_topics": "培训内容", "audience": "对象", "content": "内容", "hours": "学时", "method": "方式",
    "maintenance_items": "维护保养项目（每行一项）", "faults": "故障分级说明", "level": "等级", "examples": "举例",
    "exclusions": "除外责任（每行一项）",
}
NAME_LABELS = {"bidders": {"name": "姓名"}, "products": {"name": "名称"}}
NOT_EDITED = ("letterhead",)  # kept as in the file


@dataclass(frozen=True)
class Input:
    name: str
    label: str
    kind: str  # text | number | select | lines | table | commitments
    options: tuple[str, ...] = ()
    columns: tuple[Input, ...] = ()
    required: bool = False


def _inner(annotation: Any) -> Any:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return args[0] if typing.get_origin(annotation) in (typing.Union, __import__("types").UnionType) and args else annotation


def _input(name: str, info: Any, what: str) -> Input | None:
    from generator.models.commitments import CommitmentsInput

    annotation = _inner(info.annotation)
    label = NAME_LABELS[what].get(name.rsplit(".", 1)[-1]) or LABELS.get(name.rsplit(".", 1)[-1], name)
    if annotation is CommitmentsInput:
        return Input(name, label, "commitments")
    origin = typing.get_origin(annotation)
    if origin is list:
        item = typing.get_args(annotation)[0]
        if isinstance(item, type) and issubclass(item, BaseModel):
            columns = tuple(c for c in (_input(f"{k}", v, what) for k, v in item.model_fields.items()) if c)
            return Input(name, label, "table", columns=columns, required=info.is_required())
        return Input(name, label, "lines", required=info.is_required())
    if origin is typing.Literal:
        return Input(name, label, "select", tuple(str(a) for a in typing.get_args(annotation)), required=info.is_required())
    if annotation in (int, float):
        return Input(name, label, "number", required=info.is_required())
    return Input(name, label, "text", required=info.is_required())


def inputs(what: str) -> list[Input]:
    model = KINDS_OF[what]
    return [i for i in (_input(n, f, what) for n, f in model.model_fields.items() if n not in NOT_EDITED) if i]


@dataclass
class ProfileState:
    values: dict[str, str] = field(default_factory=dict)  # scalars and lines (newline-joined)
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    commitments: list[dict[str, str]] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    def add_error(self, name: str, message: str) -> None:
        if message not in self.errors.setdefault(name, []):
            self.errors[name].append(message)

    def with_blank_rows(self, what: str) -> ProfileState:
        for item in inputs(what):
            if item.kind == "table":
                rows = self.tables.setdefault(item.name, [])
                rows += [{} for _ in range(BLANK_ROWS)]
        self.commitments += [{} for _ in range(BLANK_ROWS)]
        return self


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def state_from_raw(raw: Any, what: str) -> ProfileState:
    from generator.web.tender_form import state_from_raw as tender_state

    state = ProfileState()
    get = raw.get if hasattr(raw, "get") else (lambda _k, _d=None: None)
    for item in inputs(what):
        value = get(item.name)
        if item.kind == "lines":
            state.values[item.name] = "\n".join(_text(v) for v in value) if isinstance(value, list) else _text(value)
        elif item.kind == "table":
            state.tables[item.name] = [{c.name: _text(row.get(c.name)) for c in item.columns}
                                       for row in (value or []) if hasattr(row, "get")]
        elif item.kind == "commitments":
            state.commitments = tender_state({"overrides": value or {}}).overrides
        else:
            state.values[item.name] = _text(value)
    return state


def state_from_form(form: Any, what: str) -> ProfileState:
    from generator.web.tender_form import _rows, _typed

    state = ProfileState()
    for item in inputs(what):
        if item.kind == "table":
            rows = [{c.name: _typed(form.get(f"{item.name}.{i}.{c.name}", "")) for c in item.columns}
                    for i in sorted({int(k.split(".")[1]) for k in form.keys()
                                     if k.startswith(item.name + ".") and k.split(".")[1].isdigit()})]
            state.tables[item.name] = rows
        elif item.kind == "commitments":
            state.commitments = _rows(_Renamed(form), "overrides")
        elif item.kind == "lines":
            state.values[item.name] = "\n".join(line.strip() for line in str(form.get(item.name, "")).splitlines()
                                                if line.strip())
        else:
            state.values[item.name] = _typed(form.get(item.name, ""))
    return state


class _Renamed:
    """The form's commitments.N.* inputs seen as overrides.N.* (the tender form's row reader)."""

    def __init__(self, form: Any) -> None:
        self.form = form

    def keys(self) -> list[str]:
        return [k.replace("commitments.", "overrides.", 1) for k in self.form.keys() if k.startswith("commitments.")]

    def get(self, key: str, default: str = "") -> str:
        return self.form.get(key.replace("overrides.", "commitments.", 1), default)


def _scalar(value: str, kind: str) -> Any:
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if number.is_integer() else number
    return value


def to_doc(base: CommentedMap, state: ProfileState, what: str) -> tuple[CommentedMap, dict[str, list[int]]]:
    """The profile file's tree with every edited key replaced; the commitment rows of each kind."""
    from generator.web.tender_form import FormState, _overrides

    doc = copy.deepcopy(base)
    members: dict[str, list[int]] = {}
    for item in inputs(what):
        if item.kind == "table":
            rows = [r for r in state.tables.get(item.name, []) if any(r.values())]
            seq = CommentedSeq(CommentedMap((c.name, _scalar(r.get(c.name, ""), c.kind)) for c in item.columns
                                            if r.get(c.name, "") != "") for r in rows)
            old = doc.get(item.name)
            same = isinstance(old, list) and [{k: str(v) for k, v in dict(r).items()} for r in old] == [
                {k: str(v) for k, v in dict(r).items()} for r in seq]
            if (seq or item.required or item.name in doc) and not same:
                doc[item.name] = seq
        elif item.kind == "lines":
            lines = [x for x in state.values.get(item.name, "").split("\n") if x]
            old = doc.get(item.name)
            if isinstance(old, list) and [str(v) for v in old] == lines:
                continue  # unchanged: keep the file's own layout
            if lines or item.required or item.name in doc:
                seq = CommentedSeq(lines)
                if item.name == "capabilities":
                    seq.fa.set_flow_style()
                doc[item.name] = seq
        elif item.kind == "commitments":
            form = FormState(overrides=state.commitments)
            data, members = _overrides(form)
            for name, messages in form.errors.items():
                for m in messages:
                    state.add_error(name.replace("overrides.", "commitments.", 1), m)
            old = doc.get("commitments") if isinstance(doc.get("commitments"), CommentedMap) else CommentedMap()
            from generator.web.tender_store import _override

            for kind in [k for k in old if k != "fault_levels" and k not in data]:
                del old[kind]
            for kind, value in data.items():
                old[kind] = _override(old.get(kind), value)
            if old or item.name in doc or what == "products":
                doc["commitments"] = old
        else:
            value = state.values.get(item.name, "")
            if item.name in doc and _text(doc[item.name]) == value:
                continue
            default = KINDS_OF[what].model_fields[item.name].default
            if item.name not in doc and isinstance(default, str) and value == default:
                continue  # the model's default, not written in the file: leave it unwritten
            if value or item.required:
                doc[item.name] = _scalar(value, item.kind)
            else:
                doc.pop(item.name, None)
    return doc, members


def problems_of(text: str, what: str, name: str) -> list[Any]:
    """The problems a build would report for this file, found on a private copy of it."""
    from generator.core.errors import ProblemCollector
    from generator.load.project import _check_fault_names
    from generator.load.value_guard import commitment_problems, template_syntax_problems
    from generator.load.yamlio import load_model

    with tempfile.TemporaryDirectory(prefix="aftersales-profile-") as folder:
        path = Path(folder) / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        loaded, problems = load_model(path, KINDS_OF[what])
        if loaded is None:
            return problems
        found = list(template_syntax_problems(loaded)) + list(commitment_problems(loaded, "commitments"))
        if what == "products":
            collector = ProblemCollector()
            _check_fault_names(loaded, collector)
            found += list(collector.problems)
        return found


def place(state: ProfileState, problems: list[Any], members: dict[str, list[int]], what: str) -> None:
    names = {i.name for i in inputs(what)}
    for problem in problems:
        parts = (problem.field or "").split(".")
        if parts[0] in names and len(parts) == 1:
            state.add_error(parts[0], problem.message)
        elif parts[0] == "commitments" and len(parts) >= 2 and parts[1] in members:
            for row in members[parts[1]]:
                state.add_error(f"commitments.{row}.value", problem.message)
        elif len(parts) >= 3 and parts[0] in names and parts[1].isdigit():
            state.add_error(".".join(parts[:3]), problem.message)
        elif parts[0] in names:
            state.add_error(parts[0], problem.message)
        else:
            state.general.append(problem.message)
