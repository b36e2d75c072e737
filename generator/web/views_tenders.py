"""招标项目 pages: list, form (new or from a file), live check, save, preview, generate."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for

from generator.core.errors import UserError
from generator.web import tender_form, tender_store
from generator.web.present import error_view, field_name, problem_view
from generator.web.preview import make_preview

blueprint = Blueprint("tenders", __name__)


def _config():
    return current_app.config["WEB"]


def _tender_or_404(rel: str | None) -> tender_store.TenderFile:
    found = tender_store.find_tender(_config().root, rel or "")
    if found is None:
        abort(404)
    return found


def _source(rel: str | None) -> Path | None:
    """The file a form started from (a hidden field): only a listed tender file counts."""
    found = tender_store.find_tender(_config().root, rel or "") if rel else None
    return found.path if found else None


@functools.cache
def office_available() -> bool:
    from generator.office.libreoffice import OfficeUnavailable, find_office

    try:
        find_office()
    except OfficeUnavailable:
        return False
    return True


@blueprint.get("/tenders")
def index():
    config = _config()
    tenders = tender_store.list_tenders(config.root)
    built = {t.tender_id for t in tenders if t.tender_id and (config.output_root / t.tender_id / "售后服务方案.docx").is_file()}
    return render_template("tenders.html", tenders=tenders, choices=tender_store.choices(config.root), built=built,
                           drafts=tender_store.list_drafts(config.root))


def _render_form(state: tender_form.FormState, source_rel: str, status: int = 200, confirm: str = "",
                 draft: str = "", mismatches: dict[int, str] | None = None, notes: list[str] | None = None):
    root = _config().root
    offered = tender_store.choices(root)
    from generator.web.row_reading import row_readings

    readings = row_readings(state.requirements)
    if mismatches is None:
        mismatches = {i: r["mismatch"] for i, r in readings.items() if r["mismatch"]}
    return render_template(
        "tender_form.html", state=state.with_blank_rows(), fields=tender_form.simple_fields(),
        options=tender_form.requirement_options(), labels=tender_form.REQUIREMENT_LABELS,
        item_labels=tender_form.ITEM_LABELS,
        choices=offered, template_items=[(t, tender_form.TEMPLATE_LABELS.get(t, t)) for t in offered.templates],
        source_rel=source_rel, confirm=confirm, draft=draft, readings=readings, mismatches=mismatches,
        notes=notes or [], tenders=tender_store.list_tenders(root), field_title=field_name), status


@blueprint.get("/tenders/form")
def form():
    from generator.load.yamlio import read_yaml

    root = _config().root
    rel = request.args.get("file", "")
    draft_name = request.args.get("draft", "")
    if draft_name:
        found = tender_store.find_draft(root, draft_name)
        if found is None:
            abort(404)
        raw, _ = read_yaml(found.path)
        state = tender_form.state_from_raw(raw)
        source = request.args.get("from", "")
        return _render_form(state, source if _source(source) else "", draft=found.name)[0]
    if rel:
        tender = _tender_or_404(rel)
        raw, problems = read_yaml(tender.path)
        state = tender_form.state_from_raw(raw)
        if problems:
            state.general += [problem_view(p, root).message for p in problems]
        else:
            state = tender_store.check(root, state, tender.path).state
        return _render_form(state, rel)[0]
    offered = tender_store.choices(root)
    return _render_form(tender_form.blank_state(dt.date.today(), offered.bidders, offered.products), "")[0]


def _state_with_id(form_data) -> tuple[tender_form.FormState, str]:
    """The form as typed, with the id it is saved under: the loaded file's own, else one made from
    the project (“另存为新项目” always makes a new one)."""
    root = _config().root
    state = tender_form.state_from_form(form_data)
    source_rel = form_data.get("source", "")
    if form_data.get("action") == "save_as_new" or not _source(source_rel):
        state.values["id"] = form_data.get("draft", "") if form_data.get("action") != "save_as_new" else ""
        if not state.values["id"] or tender_store.target_for(root, state.values["id"]).exists():
            state.values["id"] = tender_store.new_id(root, state.values.get("project_number", ""), dt.date.today())
    return state, source_rel


@blueprint.post("/tenders/check")
def live_check():
    """Problems of the form as typed, and what each requirement's 原文 reads as (nothing is written)."""
    from generator.web.row_reading import row_readings

    root = _config().root
    state, source_rel = _state_with_id(request.form)
    checked = tender_store.check(root, state, _source(source_rel))
    return jsonify(errors=checked.state.errors, general=checked.state.general,
                   readings={str(i): r for i, r in row_readings(checked.state.requirements).items()})


@blueprint.post("/tenders/save")
def save():
    from generator.web.row_reading import fill_blank_rows, row_readings

    root = _config().root
    state, source_rel = _state_with_id(request.form)
    draft = request.form.get("draft", "")
    if request.form.get("action") == "draft":
        return _save_draft(state, source_rel)
    filled = fill_blank_rows(state.requirements)
    checked = tender_store.check(root, state, _source(source_rel))
    notes = [f"招标要求第 {i + 1} 条：已按原文填入承诺项、要求方式和数值，请核对后再保存" for i in filled]
    if notes or not checked.ok:
        return _render_form(checked.state, source_rel, 422, draft=draft, notes=notes)
    mismatches = {i: r["mismatch"] for i, r in row_readings(checked.state.requirements).items() if r["mismatch"]}
    if mismatches and request.form.get("accept_mismatch") != "yes":
        return _render_form(checked.state, source_rel, 409, draft=draft, mismatches=mismatches)
    assert checked.target is not None
    source = _source(source_rel)
    editing_itself = source is not None and source.resolve() == checked.target.resolve()
    if checked.target.exists() and not editing_itself and request.form.get("overwrite") != "yes":
        return _render_form(checked.state, source_rel, 409, confirm=checked.state.values.get("project_name", ""),
                            draft=draft)
    try:
        tender_store.save(checked)
    except OSError as exc:
        from generator.core.errors import os_reason

        checked.state.general.append(f"无法保存：{os_reason(exc)}")
        return _render_form(checked.state, source_rel, 500, draft=draft)
    if draft:
        found = tender_store.find_draft(root, draft)
        if found is not None:
            found.path.unlink(missing_ok=True)  # the draft became the tender file
    flash(f"已保存“{checked.state.values.get('project_name', '')}”", "ok")
    rel = checked.target.relative_to(tender_store.tenders_dir(root)).as_posix()
    return redirect(url_for("tenders.preview", file=rel))


def _save_draft(state: tender_form.FormState, source_rel: str):
    root = _config().root
    name = state.values["id"]
    try:
        tender_store.save_draft(root, state, _source(source_rel), name)
    except OSError as exc:
        from generator.core.errors import os_reason

        state.general.append(f"无法保存草稿：{os_reason(exc)}")
        return _render_form(state, source_rel, 500, draft=name)
    flash("草稿已保存。可以随时回来继续填写（在“招标项目”页面的“未完成的草稿”中）。", "ok")
    args: dict[str, Any] = {"draft": name, "_anchor": request.form.get("anchor", "") or None}
    if source_rel:
        args["from"] = source_rel
    return redirect(url_for("tenders.form", **{k: v for k, v in args.items() if v}))


@blueprint.get("/tenders/preview")
def preview():
    tender = _tender_or_404(request.args.get("file"))
    return _render_preview(tender)


def _render_preview(tender: tender_store.TenderFile, refusal: dict | None = None, status: int = 200,
                    options: dict | None = None):
    config = _config()
    result = make_preview(tender.path, config.root)
    existing = bool(result.tender_id) and (config.output_root / result.tender_id / "售后服务方案.docx").exists()
    return render_template(
        "preview.html", tender=tender, preview=result, root=config.root, refusal=refusal,
        error=error_view(result.error, config.root) if result.error else None,
        office=office_available(), existing=existing,
        contradictions=[problem_view(p, config.root) for p in result.contradictions],
        beyond_presence=[problem_view(p, config.root) for p in result.beyond_presence],
        options=options or {}), status


@blueprint.post("/tenders/build")
def build():
    from generator.pipeline.build import BuildOptions
    from generator.pipeline.build import build as run_build

    config = _config()
    tender = _tender_or_404(request.form.get("file"))
    chosen = {name: request.form.get(name) == "yes" for name in ("allow_draft", "allow_deviation", "pdf", "force")}
    options = BuildOptions(output_root=config.output_root, **chosen)
    try:
        with current_app.extensions["build_lock"]:
            result = run_build(tender.path, options)
    except UserError as error:
        return _render_preview(tender, error_view(error, config.root), 422, chosen)
    made = f"Word 文档和 PDF（共 {result.pages} 页）" if result.pdf_path else "Word 文档"
    flash(f"已生成售后服务方案：{made}", "ok")
    return redirect(url_for("outputs.show", tender_id=result.tender_id))
