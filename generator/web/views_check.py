"""检查文档: upload any .docx / .txt / .md and see the checker's findings grouped by rule."""

from __future__ import annotations

import secrets
from collections import OrderedDict

from flask import Blueprint, abort, current_app, make_response, render_template, request

from generator.check.findings import RULE_TITLES, RULES
from generator.core.errors import UserError
from generator.web import tender_store
from generator.web.findings_view import report_text
from generator.web.present import error_view, findings_view, summary
from generator.web.uploads import UploadProblem, read_upload

blueprint = Blueprint("check", __name__)


def _page(status: int = 200, **values):
    config = current_app.config["WEB"]
    return render_template("check.html", tenders=tender_store.list_tenders(config.root),
                           choices=tender_store.choices(config.root), rules=[(r, RULE_TITLES[r]) for r in RULES],
                           limit_mb=config.max_upload_bytes // (1024 * 1024), form=request.form, **values), status


@blueprint.get("/check")
def form():
    return _page()


@blueprint.post("/check")
def run():
    from generator.check import check_document
    from generator.readers.errors import DocumentError
    from generator.text.reader import read_bytes

    config = current_app.config["WEB"]
    try:
        data, name = read_upload(request.files.get("document"), config.max_upload_bytes)
    except UploadProblem as problem:
        return _page(422, upload_error=str(problem))
    try:
        expectations = _expectations()
    except UserError as error:
        return _page(422, refusal=error_view(error, config.root))
    try:
        document = read_bytes(data, name)
    except DocumentError as error:
        return _page(422, upload_error=f"无法读取 {name}：{error.message}")
    result = check_document(document, expectations)
    groups, totals = findings_view(result, document), summary(result)
    annotated = _annotated(data, name, result.findings)
    del data
    token = _keep_report(report_text(name, groups, totals), annotated)
    return _page(name=name, groups=groups, summary=totals, report=token, annotated=annotated is not None)


REPORTS_KEPT = 20  # the latest reports stay downloadable while the server runs (memory only)
ANNOTATED_KEPT = 5  # annotated copies are as large as the upload: fewer of them are kept


def _annotated(data: bytes, name: str, findings: list) -> bytes | None:
    """The uploaded .docx with each finding as a Word comment (as `check --annotate`), or None for
    other formats and for a .docx the annotator cannot rewrite (the findings page still stands)."""
    if not name.lower().endswith(".docx") or not findings:
        return None
    from generator.write.annotate import annotate_docx

    try:
        annotated, _ = annotate_docx(data, findings)
    except Exception:  # a document the checker read but python-docx cannot rewrite: no copy, the page stands
        return None
    return annotated


def _keep_report(text: str, annotated: bytes | None) -> str:
    reports = current_app.extensions.setdefault("check_reports", OrderedDict())
    token = secrets.token_urlsafe(16)
    reports[token] = (text, annotated)
    while len(reports) > REPORTS_KEPT:
        reports.popitem(last=False)
    kept = [key for key, (_, docx) in reports.items() if docx is not None]
    for key in kept[:-ANNOTATED_KEPT]:
        reports[key] = (reports[key][0], None)
    return token


# 检查报告.txt / 检查批注.docx, percent-encoded for Content-Disposition
_TXT_NAME = "%E6%A3%80%E6%9F%A5%E6%8A%A5%E5%91%8A.txt"
_DOCX_NAME = "%E6%A3%80%E6%9F%A5%E6%89%B9%E6%B3%A8.docx"
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@blueprint.get("/check/report/<token>")
def report(token: str):
    kept = current_app.extensions.get("check_reports", {}).get(token)
    if kept is None:
        abort(404)
    response = make_response(kept[0].encode("utf-8"))
    response.headers["Content-Type"] = "text/plain; charset=utf-8"
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{_TXT_NAME}"
    return response


@blueprint.get("/check/annotated/<token>")
def annotated(token: str):
    kept = current_app.extensions.get("check_reports", {}).get(token)
    if kept is None or kept[1] is None:
        abort(404)
    response = make_response(kept[1])
    response.headers["Content-Type"] = _DOCX_TYPE
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{_DOCX_NAME}"
    return response


def _expectations():
    """From the tender chosen on the page, else the bidder name and product type typed there."""
    from generator.check.load import from_options

    config = current_app.config["WEB"]
    from generator.core.errors import InputError, Problem

    rel = request.form.get("tender", "")
    tender = tender_store.find_tender(config.root, rel) if rel else None
    if rel and tender is None:
        raise InputError("检查参数有误", [Problem("招标项目", "没有这个招标项目，请从列表中选择")])
    bidder = request.form.get("bidder", "").strip() or None
    product = request.form.get("product_type", "").strip() or None
    offered = tender_store.choices(config.root)
    if bidder is not None and bidder not in dict(offered.bidders):
        raise InputError("检查参数有误", [Problem("投标人", f"没有名为“{bidder}”的投标人资料，请从列表中选择",
                                                hint="新的投标人请先在“资料”页面添加")])
    if product is not None and product not in dict(offered.products):
        raise InputError("检查参数有误", [Problem("产品类型", f"没有名为“{product}”的产品类型，请从列表中选择")])
    profile = config.root / "profiles" / "bidders" / f"{bidder}.yaml" if bidder else None
    if tender is not None:
        return from_options(tender.path, None, profile, product)
    if profile is not None:
        expectations = from_options(None, None, profile, product)
        expectations.vocabularies = _vocabularies(config.root)
        return expectations
    from generator.check.expectations import Expectations

    return Expectations(product_type=product, vocabularies=_vocabularies(config.root))


def _vocabularies(root):
    from generator.check.profiles import load_vocabularies

    return load_vocabularies(root)
