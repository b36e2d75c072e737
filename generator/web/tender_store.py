"""Tender files under <root>/tenders/: list them, find one by a validated name, check and save the form.

Saving edits the file's YAML tree in place (ruamel round trip): comments, key order and the keys
the browser does not edit (attachments, fault levels of the overrides) stay as they were.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.errors import Problem
from generator.models.tender import Tender
from generator.output import write_atomic
from generator.sanitize import clean_tree
from generator.tender_new import ORDER as NEW_ORDER
from generator.value_guard import commitment_problems, template_syntax_problems
from generator.web.tender_form import FormState, place_problems, to_data, value_problems
from generator.yamlio import Loaded, dump_round_trip, located, problems_from_validation, read_yaml

ORDER = [*NEW_ORDER, "overrides", "attachments"]
SCALARS = ("id", "project_name", "project_number", "lot", "delivery_place", "bidder", "product_type", "products",
           "template", "date")
REQUIREMENT_ORDER = ("text", "original", "kind", "bound", "value", "qualifier", "starts", "mark", "source")


@dataclass(frozen=True)
class TenderFile:
    rel: str  # path below tenders/, with forward slashes: the name pages and URLs use
    path: Path
    tender_id: str
    project_name: str
    bidder: str
    product_type: str


@dataclass(frozen=True)
class Choices:
    bidders: list[tuple[str, str]]  # (id, name)
    products: list[tuple[str, str]]
    templates: list[str]


def choices(root: Path) -> Choices:
    from generator.tender_extract import project_choices

    found = project_choices(root)
    templates = sorted(p.parent.name for p in (root / "templates").glob("*/outline.yaml"))
    return Choices(found.bidders, found.products, templates or ["standard"])


def tenders_dir(root: Path) -> Path:
    return root / "tenders"


def list_tenders(root: Path) -> list[TenderFile]:
    base = tenders_dir(root)
    out = []
    for path in sorted(base.rglob("*.yaml")) if base.is_dir() else []:
        if path.name.endswith(".key.yaml") or any(part.startswith(".") for part in path.relative_to(base).parts):
            continue
        raw, problems = read_yaml(path)
        if problems or not isinstance(raw, CommentedMap) or "project_name" not in raw:
            if problems or not isinstance(raw, CommentedMap):
                out.append(TenderFile(path.relative_to(base).as_posix(), path, "", "（文件有误，打开后可查看问题）", "", ""))
            continue
        out.append(TenderFile(path.relative_to(base).as_posix(), path, str(raw.get("id") or ""),
                              str(raw.get("project_name") or ""), str(raw.get("bidder") or ""),
                              str(raw.get("product_type") or "")))
    return out


def find_tender(root: Path, rel: str) -> TenderFile | None:
    """The tender file called `rel`, only if it is one of those listed and lies inside tenders/."""
    if not rel or "\\" in rel or "\x00" in rel:
        return None
    base = tenders_dir(root).resolve()
    for tender in list_tenders(root):
        if tender.rel == rel and tender.path.resolve().is_relative_to(base):
            return tender
    return None


def target_for(root: Path, tender_id: str) -> Path:
    return tenders_dir(root) / f"{tender_id}.yaml"


def _insert(doc: CommentedMap, key: str, value: Any) -> None:
    if key in doc:
        doc[key] = value
        return
    rank = ORDER.index(key) if key in ORDER else len(ORDER)
    position = 0
    for index, existing in enumerate(doc):
        if existing in ORDER and ORDER.index(existing) < rank:
            position = index + 1
    doc.insert(position, key, value)


def _as_date(text: Any) -> Any:
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else text
    except ValueError:
        return text


def _requirement(node: Any, item: dict[str, Any]) -> CommentedMap:
    entry = node if isinstance(node, CommentedMap) else CommentedMap()
    for key in list(entry):
        if key not in item:
            del entry[key]
    for key in REQUIREMENT_ORDER:
        if key not in item or (key == "mark" and not item[key]):
            entry.pop(key, None)
            continue
        value = item[key]
        if key == "source":
            source = CommentedMap(value)
            source.fa.set_flow_style()
            value = source
        if key in entry:
            entry[key] = value
        else:
            entry.insert(sum(1 for k in entry if k in REQUIREMENT_ORDER[:REQUIREMENT_ORDER.index(key)]), key, value)
    return entry


def merge(base: CommentedMap, data: dict[str, Any], source: Path | None, target: Path) -> CommentedMap:
    """`base` (the file the form started from, or empty) with every field the form edits replaced."""
    doc = copy.deepcopy(base)
    for key in SCALARS:
        if key in data:
            _insert(doc, key, _as_date(data[key]) if key == "date" else data[key])
        else:
            doc.pop(key, None)
    purchaser = doc.get("purchaser") if isinstance(doc.get("purchaser"), CommentedMap) else CommentedMap()
    for key in ("name", "contact_address"):
        if key in data.get("purchaser", {}):
            purchaser[key] = data["purchaser"][key]
        else:
            purchaser.pop(key, None)
    _insert(doc, "purchaser", purchaser)
    old = doc.get("requirements") if isinstance(doc.get("requirements"), CommentedSeq) else CommentedSeq()
    requirements = CommentedSeq()
    for index, item in enumerate(data["requirements"]):
        requirements.append(_requirement(old[index] if index < len(old) else None, item))
    if isinstance(doc.get("requirements"), CommentedSeq):
        old[:] = requirements
    else:
        _insert(doc, "requirements", requirements)
    overrides = doc.get("overrides") if isinstance(doc.get("overrides"), CommentedMap) else CommentedMap()
    for kind in [k for k in overrides if k != "fault_levels" and k not in data["overrides"]]:
        del overrides[kind]
    for kind, value in data["overrides"].items():
        overrides[kind] = CommentedMap(value) if isinstance(value, dict) else value
    if overrides:
        _insert(doc, "overrides", overrides)
    else:
        doc.pop("overrides", None)
    if source is not None and source.parent.resolve() != target.parent.resolve() and isinstance(
            doc.get("attachments"), CommentedSeq):
        doc["attachments"] = CommentedSeq(
            os.path.relpath(source.parent / str(a), target.parent) for a in doc["attachments"])
    if not base:
        doc.yaml_set_start_comment(f"招标项目文件：由 aftersales serve 网页表单生成（{dt.date.today().isoformat()}）")
    return doc


def dump(doc: CommentedMap) -> str:
    return dump_round_trip(doc)


@dataclass
class Checked:
    state: FormState
    doc: CommentedMap | None
    target: Path | None

    @property
    def ok(self) -> bool:
        return not self.state.errors and not self.state.general and self.doc is not None


def check(root: Path, state: FormState, source: Path | None) -> Checked:
    """Validate the form as the tender file it would become; problems land next to their inputs."""
    data, origin, members = to_data(state)
    tender_id = state.values.get("id", "")
    target = target_for(root, tender_id) if tender_id else tenders_dir(root) / "新项目.yaml"
    base = CommentedMap()
    if source is not None:
        raw, problems = read_yaml(source)
        if isinstance(raw, CommentedMap):
            base = raw
    doc = merge(base, data, source, target)
    written = YAML(typ="rt").load(dump(doc))  # the file as it would be read back, with its line numbers
    problems: list[Problem] = []
    cleaned, findings = clean_tree(written)  # the loader's cleaning: what a build would refuse
    problems += located(target, written, findings)
    try:
        model = Tender.model_validate(cleaned)
        problems += commitment_problems(Loaded(target, model, written), "overrides")
    except ValidationError as exc:
        problems += problems_from_validation(target, written, exc)
    problems += template_syntax_problems(Loaded(target, None, written))
    offered = choices(root)
    for name, options in (("bidder", [b for b, _ in offered.bidders]), ("product_type", [p for p, _ in offered.products]),
                          ("template", offered.templates)):
        value = state.values.get(name, "")
        if value and value not in options:
            what = {"bidder": "投标人资料", "product_type": "产品类型资料", "template": "模板"}[name]
            problems.append(Problem(target, f"没有名为“{value}”的{what}，请从列表中选择", field=name))
    value_problems(state)
    place_problems(state, problems, origin, members)
    for name in ("bidder", "product_type"):
        if not state.values.get(name) and name in state.errors:
            state.errors[name] = ["请从列表中选择"]
    return Checked(state, doc, target if tender_id and "id" not in state.errors else None)


def save(checked: Checked) -> Path:
    assert checked.ok and checked.target is not None and checked.doc is not None
    checked.target.parent.mkdir(parents=True, exist_ok=True)
    from generator.tender_extract.unfinished import mark_reviewed  # saving the form is the clerk's review

    write_atomic(checked.target, mark_reviewed(dump(checked.doc)).encode("utf-8"))
    return checked.target
