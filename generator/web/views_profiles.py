"""资料 pages: the bidder profiles and product types a tender can name, listed, added and edited
with the same checks as their YAML files (generator.web.profile_form)."""

from __future__ import annotations

import re

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from generator.web import profile_form, tender_store

blueprint = Blueprint("profiles", __name__)


def _root():
    return current_app.config["WEB"].root


@blueprint.get("/profiles")
def index():
    offered = tender_store.choices(_root())
    return render_template("profiles.html", bidders=offered.bidders, products=offered.products, edit_available=True)


def _path(what: str, name: str):
    if what not in profile_form.KINDS_OF or (name and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name)):
        abort(404)
    return _root() / "profiles" / what / f"{name}.yaml" if name else None


def _new_name(what: str, state: profile_form.ProfileState) -> str:
    """An id for a new profile: the credit code or a numbered default; never typed by the clerk."""
    folder = _root() / "profiles" / what
    code = state.values.get("credit_code", "").lower()
    base = f"bidder-{code[-6:]}" if what == "bidders" and re.fullmatch(r"[0-9a-z]{18}", code) else (
        "bidder" if what == "bidders" else "product")
    candidate, number = base, 1
    while (folder / f"{candidate}.yaml").exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _render(what: str, name: str, state: profile_form.ProfileState, status: int = 200):
    from generator.core.kinds import KINDS

    return render_template("profile_form.html", what=what, title=profile_form.TITLES[what], name=name,
                           inputs=profile_form.inputs(what), state=state.with_blank_rows(what),
                           kinds=[(k, kind.label) for k, kind in KINDS.items()]), status


@blueprint.get("/profiles/<what>/edit")
def edit(what: str):
    from generator.load.yamlio import read_yaml

    name = request.args.get("name", "")
    path = _path(what, name)
    if path is None:
        return _render(what, "", profile_form.ProfileState())[0]
    if not path.is_file():
        abort(404)
    raw, problems = read_yaml(path)
    state = profile_form.state_from_raw(raw, what)
    state.general += [p.message for p in problems]
    return _render(what, name, state)[0]


@blueprint.post("/profiles/<what>/edit")
def save(what: str):
    from generator.core.output import write_atomic
    from generator.load.yamlio import dump_round_trip, read_yaml

    name = request.form.get("profile_id", "")
    path = _path(what, name)
    state = profile_form.state_from_form(request.form, what)
    base = CommentedMap()
    if path is not None:
        raw, _ = read_yaml(path) if path.is_file() else (None, [])
        base = raw if isinstance(raw, CommentedMap) else base
    name = name or _new_name(what, state)
    state.values["id"] = name
    doc, members = profile_form.to_doc(base, state, what)
    if not base:
        doc.yaml_set_start_comment(f"{profile_form.TITLES[what]}资料：由 aftersales serve 网页填写")
    text = dump_round_trip(doc)
    YAML(typ="rt").load(text)
    profile_form.place(state, profile_form.problems_of(text, what, name), members, what)
    if state.errors or state.general:
        return _render(what, request.form.get("profile_id", ""), state, 422)
    target = _root() / "profiles" / what / f"{name}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))
    shown = state.values.get("short_name") or state.values.get("name") or name
    flash(f"已保存{profile_form.TITLES[what]}资料“{shown}”", "ok")
    return redirect(url_for("profiles.edit", what=what, name=name))
