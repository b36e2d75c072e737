"""资料 pages: the bidder profiles and product types a tender can name, listed, added and edited."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from generator.web import tender_store

blueprint = Blueprint("profiles", __name__)


@blueprint.get("/profiles")
def index():  # noqa: ANN201
    offered = tender_store.choices(current_app.config["WEB"].root)
    return render_template("profiles.html", bidders=offered.bidders, products=offered.products)
