"""Fill Expectations from what the user names on the command line (tender, bidder profile,
product type) or from the inputs the build already loaded. Loading YAML models imports pydantic,
so this module is only used when such options are given (and by the build)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.check.expectations import Expectations, ExpectedRequirement
from generator.check.profiles import Vocabularies, find_project_root, load_vocabularies
from generator.core.errors import InputError, Problem, display_path
from generator.core.kinds import FAULT_KINDS
from generator.core.layout import Layout


def _load(path: Path, model: type, what: str) -> Any:
    from generator.load.yamlio import load_model

    if not path.is_file():
        raise InputError(f"找不到{what}文件", [Problem(path, "文件不存在")])
    loaded, problems = load_model(path, model)
    if problems or loaded is None:
        raise InputError(f"{what}文件有误，无法检查", problems)
    return loaded


def _resolved(product: Any, bidder: Any, tender: Any, expectations: Expectations) -> None:
    from generator.resolve.commitments import for_place, proposal_layers, resolve_commitments

    commitments = resolve_commitments(proposal_layers(product, bidder, tender))
    if tender is not None and product is not None:
        # as the build offers them at the tender's site (省内 read as 郊区 in a 直辖市, the tiers a local site keeps,
        # a backup no earlier than the arrival in each region tier): the values the proposal states
        from generator.resolve.presence import for_site, is_municipality

        commitments = for_place(commitments, is_municipality(tender.model.delivery_place))
        commitments = for_site(commitments, tender.model, product.model, bidder.model)
    apply_commitments(commitments, expectations)


def apply_commitments(commitments: Any, expectations: Expectations) -> None:
    """Resolved Commitments (generator.resolve.commitments) → plain values for profile-mismatch."""
    expectations.resolved = {kind: dict(resolved.values) for kind, resolved in commitments.kinds.items()}
    shown: dict[Any, str] = {}  # display_path of the few files that set them, once each (it reads the cwd)

    def source_text(source: Any) -> str:  # str(source)
        if source.path not in shown:
            shown[source.path] = display_path(source.path)
        return source.shown(shown[source.path])

    expectations.resolved_sources = {kind: source_text(resolved.source) for kind, resolved in commitments.kinds.items()}
    expectations.fault_levels = {
        name: {kind: getattr(level, kind) for kind in FAULT_KINDS
               if getattr(level, kind) is not None}
        for name, level in commitments.fault_levels.items()}


def requirements_of(tender: Any) -> list[ExpectedRequirement]:
    return [ExpectedRequirement(r.text, r.kind, r.bound, r.quantity, r.qualifier, r.mark, r.starts)
            for r in tender.requirements]


def required_sections(root: Path, outline: Any, product: Any | None, clauses: dict[str, Any] | None = None) -> list[str]:
    """Titles of the outline's required sections that have a clause for this product type."""
    from generator.models.clause import Clause

    if product is None:
        return [s.title for s in outline.sections if s.required]
    if clauses is None:
        clauses = {}
        folder = Layout(root).clauses
        index = {p.stem: p for p in folder.rglob("*.yaml")} if folder.is_dir() else {}
        for section in outline.sections:
            for clause_id in section.clauses:
                if clause_id in index and clause_id not in clauses:
                    try:
                        clauses[clause_id] = _load(index[clause_id], Clause, "条款")
                    except InputError:
                        continue
    titles = []
    for section in outline.sections:
        if not section.required:
            continue
        models = {c: clauses[c].model for c in section.clauses if c in clauses}
        if not models or section.applicable(models, product.id, list(product.capabilities)):
            titles.append(section.title)
    return titles


def from_options(tender: Path | None, bidder: str | None, bidder_profile: Path | None,
                 product_type: str | None) -> Expectations:
    from generator.models.parties import Bidder, ProductType

    root = find_project_root(tender.resolve().parent if tender else None)
    vocabularies = load_vocabularies(root) if root else Vocabularies({})
    expectations = Expectations(vocabularies=vocabularies)
    problems: list[Problem] = []
    tender_loaded = None
    bidder_loaded = None
    if tender is not None:
        from generator.models.tender import Tender

        tender_loaded = _load(tender, Tender, "招标项目")
        model = tender_loaded.model
        expectations.requirements = requirements_of(model)
        expectations.purchaser = model.purchaser.name
        expectations.product_type = model.product_type
        expectations.product_terms = [model.products]
        expectations.tender_source = str(tender)
        expectations.tender_date = model.date
        profile = Layout(root).bidder(model.bidder) if root else None
        if bidder_profile is None and profile is not None and profile.is_file():
            bidder_loaded = _load(profile, Bidder, "投标人资料")
    if bidder_profile is not None:
        bidder_loaded = _load(bidder_profile, Bidder, "投标人资料")
    if bidder_loaded is not None:
        from generator.render.context import identifying_strings

        expectations.bidder_names = [bidder_loaded.model.legal_name, bidder_loaded.model.short_name]
        expectations.identifying = identifying_strings(bidder_loaded.model)
        # issue 15 (content): the makers whose authorisation the proposal states are named on purpose
        expectations.allowed_names += [a.manufacturer for a in bidder_loaded.model.authorisations]
    if bidder:
        expectations.bidder_names = [bidder.strip(), *expectations.bidder_names]
    if product_type:
        expectations.product_type = product_type
    if expectations.product_type and vocabularies.products and expectations.product_type not in vocabularies.products:
        problems.append(Problem(tender or "--product-type", f"未知的产品类型“{expectations.product_type}”",
                                hint="可用的产品类型：" + "、".join(vocabularies.ids())))
    if problems:
        raise InputError("检查参数有误", problems)
    product_loaded = None
    if expectations.product_type and root:
        path = Layout(root).product(expectations.product_type)
        if path.is_file():
            product_loaded = _load(path, ProductType, "产品类型资料")
    if tender_loaded is not None:
        if root:
            outline_path = Layout(root).outline(tender_loaded.model.template)
            if outline_path.is_file():
                from generator.models.clause import Outline

                outline = _load(outline_path, Outline, "模板大纲")
                expectations.sections = required_sections(
                    root, outline.model, product_loaded.model if product_loaded else None)
    if bidder_loaded is not None:
        _resolved(product_loaded, bidder_loaded, tender_loaded, expectations)
    return expectations


def from_build(inputs: Any, commitments: Any) -> Expectations:
    """Expectations for the document the build is about to write (generator.load.project.Inputs)."""
    tender, bidder, product = inputs.tender.model, inputs.bidder.model, inputs.product.model
    expectations = Expectations(
        bidder_names=[bidder.legal_name, bidder.short_name],
        purchaser=tender.purchaser.name,
        product_type=product.id,
        product_terms=[tender.products, tender.project_name],
        vocabularies=load_vocabularies(inputs.root),
        requirements=requirements_of(tender),
        sections=required_sections(inputs.root, inputs.outline.model, product, inputs.clauses),
        tender_source=str(inputs.tender.path),
        tender_date=tender.date,
    )
    from generator.render.context import identifying_strings

    expectations.identifying = identifying_strings(bidder)
    expectations.allowed_names += [a.manufacturer for a in bidder.authorisations]  # issue 15 (content)
    apply_commitments(commitments, expectations)
    return expectations
