"""招标项目 pages: list, form (new or from a file), live check, save, preview, generate."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for

from generator.errors import UserError
from generator.web import tender_form, tender_store
from generator.web.present import error_view, problem_view
from generator.web.preview import make_preview, relative

blueprint = Blueprint("tenders", __name__)


def _config():  # noqa: ANN202 - WebConfig
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
def index():  # noqa: ANN201
    config = _config()
    tenders = tender_store.list_tenders(config.root)
    built = {t.tender_id for t in tenders if t.tender_id and (config.output_root / t.tender_id / "售后服务方案.docx").is_file()}
    return render_template("tenders.html", tenders=tenders, choices=tender_store.choices(config.root), built=built)


def _render_form(state: tender_form.FormState, source_rel: str, status: int = 200, confirm: str = "",
                 saved_as: str = ""):  # noqa: ANN202
    root = _config().root
    offered = tender_store.choices(root)
    return render_template(
        "tender_form.html", state=state.with_blank_rows(), fields=tender_form.simple_fields(),
        options=tender_form.requirement_options(), labels=tender_form.REQUIREMENT_LABELS,
        choices=offered, template_items=[(t, t) for t in offered.templates], source_rel=source_rel, confirm=confirm, saved_as=saved_as,
        tenders=tender_store.list_tenders(root)), status


@blueprint.get("/tenders/form")
def form():  # noqa: ANN201
    root = _config().root
    rel = request.args.get("file", "")
    if rel:
        tender = _tender_or_404(rel)
        from generator.yamlio import read_yaml

        raw, problems = read_yaml(tender.path)
        state = tender_form.state_from_raw(raw)
        if problems:
            state.general += [problem_view(p, root).message for p in problems]
        else:
            state = tender_store.check(root, state, tender.path).state
        return _render_form(state, rel)[0]
    offered = tender_store.choices(root)
    return _render_form(tender_form.blank_state(dt.date.today(), offered.bidders, offered.products), "")[0]


@blueprint.post("/tenders/check")
def live_check():  # noqa: ANN201
    """Problems of the form as typed, for the page's script (nothing is written)."""
    root = _config().root
    source_rel = request.form.get("source", "")
    checked = tender_store.check(root, tender_form.state_from_form(request.form), _source(source_rel))
    target = relative(checked.target, root) if checked.target else ""
    return jsonify(errors=checked.state.errors, general=checked.state.general, target=target,
                   exists=bool(checked.target and checked.target.exists()))


@blueprint.post("/tenders/save")
def save():  # noqa: ANN201
    root = _config().root
    source_rel = request.form.get("source", "")
    state = tender_form.state_from_form(request.form)
    checked = tender_store.check(root, state, _source(source_rel))
    if not checked.ok:
        return _render_form(checked.state, source_rel, 422)
    assert checked.target is not None
    shown = relative(checked.target, root)
    if checked.target.exists() and request.form.get("overwrite") != "yes":
        return _render_form(checked.state, source_rel, 409, confirm=shown)
    try:
        tender_store.save(checked)
    except OSError as exc:
        from generator.errors import os_reason

        checked.state.general.append(f"无法写入 {shown}：{os_reason(exc)}")
        return _render_form(checked.state, source_rel, 500)
    flash(f"已保存 {shown}", "ok")
    rel = checked.target.relative_to(tender_store.tenders_dir(root)).as_posix()
    return redirect(url_for("tenders.preview", file=rel))


@blueprint.get("/tenders/preview")
def preview():  # noqa: ANN201
    tender = _tender_or_404(request.args.get("file"))
    return _render_preview(tender)


def _render_preview(tender: tender_store.TenderFile, refusal: dict | None = None, status: int = 200,
                    options: dict | None = None):  # noqa: ANN202
    config = _config()
    result = make_preview(tender.path, config.root)
    existing = bool(result.tender_id) and (config.output_root / result.tender_id / "售后服务方案.docx").exists()
    return render_template(
        "preview.html", tender=tender, preview=result, root=config.root, refusal=refusal,
        error=error_view(result.error, config.root) if result.error else None,
        office=office_available(), existing=existing,
        contradictions=[problem_view(p, config.root) for p in result.contradictions],
        options=options or {}), status


@blueprint.post("/tenders/build")
def build():  # noqa: ANN201
    from generator.build import BuildOptions
    from generator.build import build as run_build

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
