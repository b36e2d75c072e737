"""Tender files under <root>/tenders/: list them, find one by a validated name, check and save the form.

Saving edits the file's YAML tree in place (ruamel round trip): comments, key order and the keys
the browser does not edit (attachments, fault levels of the overrides) stay as they were.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.core.errors import Problem
from generator.core.output import write_atomic
from generator.load.sanitize import clean_tree
from generator.load.value_guard import commitment_problems, template_syntax_problems
from generator.load.yamlio import Loaded, dump_round_trip, located, problems_from_validation, read_yaml
from generator.models.tender import Tender
from generator.tender_extract.new_tender import ORDER as NEW_ORDER
from generator.web.tender_form import FormState, place_problems, to_data, value_problems

ORDER = [*NEW_ORDER[:NEW_ORDER.index("products") + 1], "items", *NEW_ORDER[NEW_ORDER.index("products") + 1:],
         "overrides", "attachments"]
ITEM_ORDER = ("name", "model", "quantity", "unit", "note")
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


def _cached(name: str, folders: tuple[str, ...], compute):
    """compute() through the app's project cache when a page asks (outside a request: computed)."""
    from flask import current_app, has_app_context

    if has_app_context() and "project_cache" in current_app.extensions:
        return current_app.extensions["project_cache"].get(name, folders, compute)
    return compute()


def choices(root: Path) -> Choices:
    return _cached("choices", ("profiles", "templates"), lambda: _read_choices(root))


def _read_choices(root: Path) -> Choices:
    from generator.tender_extract import project_choices

    found = project_choices(root)
    templates = sorted(p.parent.name for p in (root / "templates").glob("*/outline.yaml"))
    return Choices(found.bidders, found.products, templates or ["standard"])


def tenders_dir(root: Path) -> Path:
    return root / "tenders"


def list_tenders(root: Path) -> list[TenderFile]:
    return _cached("tenders", ("tenders",), lambda: _read_tenders(root))


def _read_tenders(root: Path) -> list[TenderFile]:
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


def new_id(root: Path, project_number: str, today: dt.date) -> str:
    """An id for a new tender, made from the project (a clerk never invents one): the project
    number's letters and digits (“SCZC2026-118” → sczc2026-118), else the date (tender-20261202);
    -2, -3 … when a file of that name exists."""
    from generator.tender_extract.new_tender import slug

    base = slug(project_number)
    if not base or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", base) or not re.search(r"\d", base):
        base = f"tender-{today:%Y%m%d}" + (f"-{base}" if base else "")
    candidate, number = base, 1
    while target_for(root, candidate).exists() or draft_path(root, candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


DRAFTS = ".drafts"  # tenders/.drafts/<id>.yaml: forms saved half-filled (never built, not listed)


def draft_path(root: Path, tender_id: str) -> Path:
    return tenders_dir(root) / DRAFTS / f"{tender_id}.yaml"


@dataclass(frozen=True)
class DraftFile:
    name: str  # the id it will be saved under
    path: Path
    project_name: str
    saved: dt.datetime


def list_drafts(root: Path) -> list[DraftFile]:
    folder = tenders_dir(root) / DRAFTS
    out = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        raw, problems = read_yaml(path)
        name = str(raw.get("project_name") or "") if isinstance(raw, CommentedMap) else ""
        out.append(DraftFile(path.stem, path, name or "（未填写项目名称）",
                             dt.datetime.fromtimestamp(path.stat().st_mtime)))
    return out


def find_draft(root: Path, name: str) -> DraftFile | None:
    for draft in list_drafts(root):
        if draft.name == name:
            return draft
    return None


def save_draft(root: Path, state: FormState, source: Path | None, tender_id: str) -> Path:
    """The form as typed, whatever its problems, as tenders/.drafts/<id>.yaml."""
    data, _, _ = to_data(state)
    data["id"] = tender_id
    base = CommentedMap()
    if source is not None:
        raw, _ = read_yaml(source)
        if isinstance(raw, CommentedMap):
            base = raw
    target = draft_path(root, tender_id)
    doc = merge(base, data, source, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, dump(doc).encode("utf-8"))
    return target


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


def _merge_items(doc: CommentedMap, items: list[dict[str, Any]]) -> None:
    """The 采购清单 as the form has it, one flow mapping a line; an item the form left as it was keeps
    its node (and comment)."""
    if not items:
        doc.pop("items", None)
        return
    old = doc.get("items") if isinstance(doc.get("items"), CommentedSeq) else CommentedSeq()
    rows = CommentedSeq()
    for index, item in enumerate(items):
        node = old[index] if index < len(old) else None
        if isinstance(node, CommentedMap) and dict(node) == item:
            rows.append(node)
            continue
        entry = CommentedMap((key, item[key]) for key in ITEM_ORDER if key in item)
        entry.fa.set_flow_style()
        rows.append(entry)
    if isinstance(doc.get("items"), CommentedSeq):
        old[:] = rows
    else:
        _insert(doc, "items", rows)


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


def _override(old: Any, value: Any) -> Any:
    """The new value of one override kind; a key the page does not edit (replant_within) stays."""
    if old == value:
        return old  # unchanged: keep the file's own layout and comments
    kept = {k: old[k] for k in ("replant_within",) if isinstance(old, CommentedMap) and k in old}
    if kept:
        value = value if isinstance(value, dict) and ("value" in value or "tiers" in value) else (
            {"tiers": value} if isinstance(value, dict) else {"value": value})
        value = {**value, **kept}
    if isinstance(value, dict):
        if _plain(old) == _plain(value):
            return old
        return CommentedMap((k, CommentedMap(v) if isinstance(v, dict) else v) for k, v in value.items())
    return value


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    return str(node) if node is not None else None


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
    _merge_items(doc, data.get("items", []))
    overrides = doc.get("overrides") if isinstance(doc.get("overrides"), CommentedMap) else CommentedMap()
    for kind in [k for k in overrides if k != "fault_levels" and k not in data["overrides"]]:
        del overrides[kind]
    for kind, value in data["overrides"].items():
        overrides[kind] = _override(overrides.get(kind), value)
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
    problems = []
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
    from generator.load.unfinished import mark_reviewed  # saving the form is the clerk's review

    write_atomic(checked.target, mark_reviewed(dump(checked.doc)).encode("utf-8"))
    return checked.target
