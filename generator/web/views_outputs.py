"""Generated proposals: what was built (from manifest.json), the self-check, and downloads.

A download names an output folder (a tender id) and one of three file names; the path is resolved
and must lie inside the output folder, so no URL reaches any other file.
"""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, send_file

from generator.core.errors import UserError
from generator.pipeline.build import DOCX_NAME, MANIFEST_NAME, PDF_NAME
from generator.web import security, tender_store
from generator.web.present import error_view, findings_view, summary

blueprint = Blueprint("outputs", __name__)
DOWNLOADS = {"docx": (DOCX_NAME, "售后服务方案-{id}.docx"), "pdf": (PDF_NAME, "售后服务方案-{id}.pdf"),
             "manifest": (MANIFEST_NAME, "生成记录-{id}.json")}


def output_file(output_root: Path, tender_id: str, what: str) -> Path | None:
    """The file to send, or None when the name is not one we serve or lies outside the output folder."""
    if not security.valid_id(tender_id) or what not in DOWNLOADS:
        return None
    return security.inside(output_root, output_root / tender_id / DOWNLOADS[what][0])


@blueprint.get("/outputs/<tender_id>/download/<what>")
def download(tender_id: str, what: str):
    config = current_app.config["WEB"]
    path = output_file(config.output_root, tender_id, what)
    if path is None or (what == "pdf" and current_pdf(path.parent / DOCX_NAME, path) is None):
        abort(404)
    name = _project_name(config.root, tender_id) or tender_id
    return send_file(path, as_attachment=True, download_name=DOWNLOADS[what][1].format(id=_safe_name(name)),
                     max_age=0)


def _project_name(root: Path, tender_id: str) -> str:
    """The project name of the tender file with this id: what headings and download names show."""
    for tender in tender_store.list_tenders(root):
        if tender.tender_id == tender_id:
            return tender.project_name
    return ""


def _safe_name(text: str) -> str:
    """A file name part: no path separators or characters Windows refuses, at most 60 characters."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in text).strip(" .")
    return cleaned[:60] or "方案"


def _manifest(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def changed_inputs(manifest: dict, root: Path) -> list[str]:
    """Input files (project-relative) whose bytes differ from those the build read: the proposal
    no longer matches them."""
    from generator.pipeline.manifest import sha256_file

    changed = []
    for entry in manifest.get("inputs") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        path = security.inside(root, root / entry["path"])
        try:
            same = path is not None and sha256_file(path) == entry.get("sha256")
        except OSError:
            same = False
        if not same:
            changed.append(entry["path"])
    return changed


def current_pdf(docx: Path, pdf: Path | None) -> Path | None:
    """The PDF only when it was exported from this .docx (not older than it)."""
    if pdf is None or not pdf.is_file():
        return None
    return pdf if pdf.stat().st_mtime_ns >= docx.stat().st_mtime_ns else None


@blueprint.get("/outputs/<tender_id>")
def show(tender_id: str):
    config = current_app.config["WEB"]
    docx = output_file(config.output_root, tender_id, "docx")
    if docx is None:
        abort(404)
    manifest = _manifest(output_file(config.output_root, tender_id, "manifest"))
    pdf = current_pdf(docx, output_file(config.output_root, tender_id, "pdf"))
    tender = _tender_of(manifest, config.root)
    accepted = {d.get("requirement") for d in manifest.get("deviations") or [] if isinstance(d, dict)
                and d.get("status") == "负偏离"}
    check, check_error = _recheck(docx, tender.path if tender else None, accepted)
    return render_template("output.html", tender_id=tender_id, manifest=manifest, docx=docx, pdf=pdf, tender=tender,
                           check=check, check_error=check_error, accepted=sorted(a for a in accepted if a),
                           changed=changed_inputs(manifest, config.root),
                           title=_project_name(config.root, tender_id))



def _tender_of(manifest: dict, root: Path) -> tender_store.TenderFile | None:
    inputs = manifest.get("inputs") or []
    first = inputs[0].get("path", "") if inputs and isinstance(inputs[0], dict) else ""
    if not isinstance(first, str) or not first.startswith("tenders/"):
        return None
    return tender_store.find_tender(root, first.removeprefix("tenders/"))


def _recheck(docx: Path, tender: Path | None, accepted: set) -> tuple[dict | None, dict | None]:
    """The checker run again on the written file, warnings included, against the tender when known.
    Negative deviations the build was told to accept are stated in the 偏离表 and not reported again
    (as in the build's own self-check)."""
    from generator.check import check_document
    from generator.check.load import from_options
    from generator.readers.errors import DocumentError
    from generator.text.reader import read_document

    config = current_app.config["WEB"]
    try:
        expectations = from_options(tender, None, None, None) if tender else None
        document = read_document(docx)
    except UserError as error:
        return None, error_view(error, config.root)
    except DocumentError as error:
        return None, {"title": "无法读取生成的文档", "problems": [], "message": error.message}
    if expectations is not None:
        expectations.requirements = [r for r in expectations.requirements if r.text not in accepted]
    result = check_document(document, expectations)
    return {"groups": findings_view(result, document), "summary": summary(result)}, None
