"""从招标文件提取: upload a 招标文件 (.docx/.pdf/.doc/.wps/.txt/.md), extract its requirements and
project fields, save the draft under tenders/ (never over an existing file) and open it in the
tender form, where the clerk finishes the fields marked 待填写/待核实."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from generator.core.errors import UserError
from generator.web import tender_store
from generator.web.present import error_view
from generator.web.uploads import UploadProblem, read_upload

blueprint = Blueprint("extract", __name__)
TENDER_SUFFIXES = (".docx", ".pdf", ".doc", ".wps", ".txt", ".md")


def _page(status: int = 200, **values):
    config = current_app.config["WEB"]
    return render_template("extract.html", limit_mb=config.max_upload_bytes // (1024 * 1024),
                           suffixes="、".join(TENDER_SUFFIXES), accept=",".join(TENDER_SUFFIXES), **values), status


def _free_target(root: Path) -> Path:
    """tenders/extract-YYYYMMDD-HHMMSS[-N].yaml that does not exist yet."""
    stem = f"extract-{dt.datetime.now():%Y%m%d-%H%M%S}"
    folder = tender_store.tenders_dir(root)
    for n in range(1, 1000):
        target = folder / (f"{stem}.yaml" if n == 1 else f"{stem}-{n}.yaml")
        if not target.exists():
            return target
    raise OSError("no free name")


@blueprint.get("/tenders/extract")
def form():
    return _page()


@blueprint.post("/tenders/extract")
def run():
    from generator.tender_extract import draft_text
    from generator.text.text_blocks import blocks_from_bytes

    config = current_app.config["WEB"]
    try:
        data, name = read_upload(request.files.get("document"), config.max_upload_bytes, TENDER_SUFFIXES)
    except UploadProblem as problem:
        return _page(422, upload_error=str(problem))
    try:
        blocks = blocks_from_bytes(data, name)
    except UserError as error:
        return _page(422, refusal=error_view(error, config.root))
    finally:
        del data
    target = _free_target(config.root)
    text = draft_text(blocks, Path(name), target, config.root).text
    from generator.core.output import write_atomic

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        return _page(500, upload_error=f"草稿无法保存到 {target.name}：{exc.strerror or exc}")
    rel = target.relative_to(tender_store.tenders_dir(config.root)).as_posix()
    return redirect(url_for("tenders.form", file=rel))
