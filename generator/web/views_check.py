"""检查文档: upload any .docx / .txt / .md and see the checker's findings grouped by rule."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from generator.check.findings import RULE_TITLES, RULES
from generator.errors import UserError
from generator.web import tender_store
from generator.web.present import error_view, findings_view, summary
from generator.web.uploads import UploadProblem, read_upload

blueprint = Blueprint("check", __name__)


def _page(status: int = 200, **values):  # noqa: ANN003, ANN202
    config = current_app.config["WEB"]
    return render_template("check.html", tenders=tender_store.list_tenders(config.root),
                           choices=tender_store.choices(config.root), rules=[(r, RULE_TITLES[r]) for r in RULES],
                           limit_mb=config.max_upload_bytes // (1024 * 1024), form=request.form, **values), status


@blueprint.get("/check")
def form():  # noqa: ANN201
    return _page()


@blueprint.post("/check")
def run():  # noqa: ANN201
    from generator.check import check_document
    from generator.check.document import DocumentError
    from generator.check.reader import read_bytes

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
    finally:
        del data
    result = check_document(document, expectations)
    return _page(name=name, groups=findings_view(result, document), summary=summary(result))


def _expectations():  # noqa: ANN202 - Expectations
    """From the tender chosen on the page, else the bidder name and product type typed there."""
    from generator.check.load import from_options

    config = current_app.config["WEB"]
    rel = request.form.get("tender", "")
    tender = tender_store.find_tender(config.root, rel) if rel else None
    bidder = request.form.get("bidder", "").strip() or None
    product = request.form.get("product_type", "").strip() or None
    if tender is not None:
        return from_options(tender.path, bidder, None, product)
    from generator.check.expectations import Expectations
    from generator.check.profiles import load_vocabularies
    from generator.errors import InputError, Problem

    vocabularies = load_vocabularies(config.root)
    if product and product not in vocabularies.products:
        raise InputError("检查参数有误", [Problem("产品类型", f"未知的产品类型“{product}”")])
    return Expectations(bidder_names=[bidder] if bidder else [], product_type=product, vocabularies=vocabularies)
