"""The clause library, checked two ways.

Sources: every clause declares exactly the commitment kinds it uses, writes no commitment number
literally, uses one word for the purchaser and “我公司” for the bidder, full-width punctuation,
and a clause shared by several product types names no product.
Rendering: every clause renders, through the real pipeline pieces, for every product type it
applies to and with every bidder profile: no error, no blank, no leftover Jinja, no “None”,
valid body markup, no vocabulary of another product type. The outline picks exactly one variant
per section for every combination of capabilities.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from generator.core.errors import ProblemCollector
from generator.core.kinds import KINDS
from generator.library.source_scan import literal_numbers
from generator.load.project import load_clauses, load_inputs
from generator.load.yamlio import Loaded, load_model
from generator.models.clause import Clause, Outline
from generator.models.parties import Bidder, ProductType
from generator.models.tender import Tender
from generator.render.blocks import Heading
from generator.render.context import build_context
from generator.render.markup import parse
from generator.render.proposal import ClauseRenderer, render_proposal, select_clauses
from generator.resolve.commitments import Layer, logic_problems, resolve_commitments

ROOT = Path(__file__).resolve().parent.parent
CAPABILITIES = ("installation", "onsite_repair", "software", "consumable", "construction", "training")


# ---------------------------------------------------------------- loading


@cache
def clauses() -> dict[str, Loaded]:
    problems = ProblemCollector()
    found = load_clauses(ROOT, problems)
    assert not problems.problems, [str(p) for p in problems.problems]
    return found


def _load(path: Path, model: type) -> Loaded:
    loaded, problems = load_model(path, model)
    assert loaded is not None and not problems, [str(p) for p in problems]
    return loaded


@cache
def products() -> dict[str, Loaded]:
    return {p.stem: _load(p, ProductType) for p in sorted((ROOT / "profiles" / "products").glob("*.yaml"))}


@cache
def bidders() -> dict[str, Loaded]:
    return {p.stem: _load(p, Bidder) for p in sorted((ROOT / "profiles" / "bidders").glob("*.yaml"))}


@cache
def outline() -> Outline:
    return _load(ROOT / "templates" / "standard" / "outline.yaml", Outline).model  # type: ignore[no-any-return]


def _tender(product: ProductType, bidder: Bidder) -> Tender:
    """A neutral tender for one product type and bidder (no requirements, no overrides)."""
    return Tender.model_validate({
        "id": f"lib-{product.id}-{bidder.id}",
        "project_name": f"某市机关事务管理局2026年{product.name}采购项目",
        "project_number": "LIB-2026-001",
        "purchaser": {"name": "某市机关事务管理局"},
        "delivery_place": "某市人民路1号（采购人指定地点）",
        "bidder": bidder.id,
        "product_type": product.id,
        "products": product.name,
        "date": dt.date(2026, 6, 1),
    })


def _context(product: Loaded, bidder: Loaded) -> tuple[dict[str, Any], set[str]]:
    commitments = resolve_commitments([Layer(product, "commitments"), Layer(bidder, "commitments")])
    assert not logic_problems(commitments), [str(p) for p in logic_problems(commitments)]
    context = build_context(_tender(product.model, bidder.model), bidder.model, product.model, commitments, [])
    return context, set(commitments.kinds)


def _applicable(product: ProductType) -> list[Loaded]:
    return [c for c in clauses().values() if c.model.applies(product.id, list(product.capabilities))]


def _strings(value: Any) -> list[str]:
    """Every string inside a model (bidder data is not clause text)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _foreign_words(product: ProductType) -> set[str]:
    own = set(product.vocabulary)
    return {w for other in products().values() if other.model.id != product.id
            for w in other.model.vocabulary if w not in own and not any(w in o for o in own)}


# ---------------------------------------------------------------- source lint

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_LITERAL = re.compile(r"\"([^\"]*)\"|'([^']*)'")


def prose(body: str) -> str:
    """The clause text a reader could see: Jinja tags replaced by the string literals inside them."""
    def keep_literals(match: re.Match[str]) -> str:
        literals = [a or b for a, b in _LITERAL.findall(match.group())]
        return " " + " ".join(literals) + " "

    return _JINJA.sub(keep_literals, body)


_OTHER_PURCHASER_WORDS = re.compile(r"甲方|乙方|贵方|贵单位|贵公司|招标人|业主|用户|客户|买方|需方|使用单位")
_OTHER_BIDDER_WORDS = re.compile(r"我们|我方|本公司|我单位|投标方")
_HALF_WIDTH = re.compile(r"[\u4e00-\u9fff][,;:!?()]|[,;:!?()][\u4e00-\u9fff]")
_PLACEHOLDERS = re.compile(r"XX|xx|××|某某|20xx|＿|__|\(具体")
_KIND_REF = re.compile(r"\bc\.([a-z_]+)|\bc\[\s*['\"]([a-z_]+)['\"]\s*\]")
_KIND_GUARD = re.compile(r"['\"]([a-z_]+)['\"]\s+in\s+c\b")


def clause_ids() -> list[str]:
    return sorted(clauses())


@pytest.mark.parametrize("clause_id", clause_ids())
def test_uses_lists_exactly_the_kinds_the_body_needs(clause_id: str) -> None:
    clause: Clause = clauses()[clause_id].model
    referenced = {a or b for a, b in _KIND_REF.findall(clause.body)}
    guarded = set(_KIND_GUARD.findall(clause.body))
    assert referenced <= set(KINDS), f"unknown kinds: {referenced - set(KINDS)}"
    assert set(clause.uses) == referenced - guarded, (
        f"uses {sorted(clause.uses)}, body needs {sorted(referenced - guarded)} "
        f"(optional, guarded by “'kind' in c”: {sorted(guarded)})")
    assert not set(clause.uses) & guarded, "a kind in uses is always there: drop the guard"


@pytest.mark.parametrize("clause_id", clause_ids())
def test_no_commitment_number_is_written_literally(clause_id: str) -> None:
    text = prose(clauses()[clause_id].model.body)
    found = literal_numbers(text)  # the same scan `aftersales clauses lint` uses
    assert not found, f"literal commitment values in the body (use {{{{ c.<kind> }}}}): {found}"


@pytest.mark.parametrize("clause_id", clause_ids())
def test_wording_rules(clause_id: str) -> None:
    clause: Clause = clauses()[clause_id].model
    text = prose(clause.body)
    assert not _OTHER_PURCHASER_WORDS.findall(text), "the purchaser is always “采购人”"
    assert not _OTHER_BIDDER_WORDS.findall(text), "the bidder writes of itself as “我公司”"
    assert not _PLACEHOLDERS.findall(text), "placeholder left in the clause"
    plain = re.sub(r"^\s*(?:#+|-|\d+\.|>>)\s*", "", text, flags=re.M).replace("|", " ")
    assert not _HALF_WIDTH.findall(plain), f"half-width punctuation in Chinese text: {_HALF_WIDTH.findall(plain)}"
    assert clause.version >= 1 and clause.title


@pytest.mark.parametrize("clause_id", clause_ids())
def test_shared_clauses_name_no_product(clause_id: str) -> None:
    clause: Clause = clauses()[clause_id].model
    users = [p.model for p in products().values() if clause.applies(p.model.id, list(p.model.capabilities))]
    text = prose(clause.body) + clause.title
    if len(users) > 1:
        words = {w for p in products().values() for w in [p.model.noun, *p.model.vocabulary]}
    else:
        words = _foreign_words(users[0]) if users else set()
    found = sorted(w for w in words if w in text)
    assert not found, f"product words in a clause used by {[p.id for p in users]}: {found}"


# ---------------------------------------------------------------- selection


def _select(capabilities: tuple[str, ...]) -> list[tuple[str, list[Loaded]]]:
    chosen, problems = select_clauses(outline(), clauses(), "any-product", list(capabilities))
    assert not problems, [str(p) for p in problems]
    return chosen


EXACTLY_ONE = {"principles", "summary", "deviation", "organisation", "network", "warranty", "response",
               "service_modes", "maintenance", "return_visit", "complaint", "emergency", "confidentiality",
               "commitment_letter"}


@pytest.mark.parametrize("capabilities", [
    combo for n in range(1, len(CAPABILITIES) + 1) for combo in itertools.combinations(CAPABILITIES, n)],
    ids=lambda combo: "+".join(combo))
def test_outline_picks_one_variant_per_section(capabilities: tuple[str, ...]) -> None:
    chosen = _select(capabilities)
    for title, group in chosen:
        assert len(group) == 1, f"section “{title}” gets {[c.model.id for c in group]}"
    categories = [group[0].model.category for _, group in chosen]
    for category in EXACTLY_ONE:
        assert categories.count(category) == 1, f"{category}: {categories.count(category)} clauses"
    assert len(categories) == len(set(categories)), f"a category twice: {categories}"
    assert categories[-1] == "commitment_letter"


def test_every_clause_is_in_the_outline_and_used_by_some_product_type() -> None:
    in_outline = {cid for section in outline().sections for cid in section.clauses}
    assert set(clauses()) == in_outline
    used = {c.model.id for p in products().values() for c in _applicable(p.model)}
    assert set(clauses()) - used == set(), "variants no product type uses"


def test_capability_variants_by_product_type() -> None:
    """The variant each trade gets, spelled out (a change here is a deliberate decision)."""
    expected = {"onsite_repair": ("warranty-scope", "response-levels", "commitment-letter"),
                "software": ("warranty-software", "software-upgrade", "commitment-letter-software"),
                "construction": ("warranty-works", "inspection-works", "commitment-letter-works"),
                "consumable": ("shelf-life-quality", "quality-returns", "commitment-letter-consumable")}
    for loaded in products().values():
        product: ProductType = loaded.model
        ids = {c.model.id for c in _applicable(product)}
        for capability, variant in expected.items():
            if product.has(capability) and not (capability == "software" and product.has("onsite_repair")):
                assert set(variant) <= ids, f"{product.id}: {set(variant) - ids}"
        if not any(product.has(c) for c in ("onsite_repair", "software", "construction", "consumable")):
            assert {"warranty-goods", "response-goods", "commitment-letter-goods"} <= ids, product.id


# ---------------------------------------------------------------- rendering


_LEAKS = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|None|null|Undefined|XX|某某")


def _combinations() -> list[tuple[str, str]]:
    return [(p, b) for p in products() for b in bidders()]


@pytest.mark.parametrize(("product_id", "bidder_id"), _combinations())
def test_every_clause_renders(product_id: str, bidder_id: str) -> None:
    product, bidder = products()[product_id], bidders()[bidder_id]
    context, kinds = _context(product, bidder)
    renderer = ClauseRenderer(context)
    bidder_text = sorted(set(_strings(bidder.model.model_dump(exclude={"commitments"}))), key=len, reverse=True)
    foreign = _foreign_words(product.model)
    failures = []
    for loaded in _applicable(product.model):
        clause: Clause = loaded.model
        missing = set(clause.uses) - kinds
        if missing:
            failures.append(f"{clause.id}: product type lacks {sorted(missing)}")
            continue
        text = renderer.render(loaded)
        parse(text)  # markup must be valid
        if len(text.strip()) < 30:
            failures.append(f"{clause.id}: (almost) empty text")
        if _LEAKS.search(text):
            failures.append(f"{clause.id}: leftover “{_LEAKS.search(text).group()}”")  # type: ignore[union-attr]
        clause_only = text
        for s in bidder_text:
            clause_only = clause_only.replace(s, " ")
        words = sorted(w for w in foreign if w in clause_only)
        if words:
            failures.append(f"{clause.id}: vocabulary of other product types {words}")
        stem = product.model.warranty_word[:2]
        other_stems = sorted(s for s in ("质保", "保修", "养护", "保质") if s != stem and s in clause_only)
        if other_stems:
            failures.append(f"{clause.id}: warranty word is “{product.model.warranty_word}”, text also says {other_stems}")
        if re.search(r"\n\s*\n\s*\n\s*\n", text):
            failures.append(f"{clause.id}: stray blank lines")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("product_id", sorted(products()))
def test_whole_proposal_renders(product_id: str) -> None:
    """Section titles come out filled in, with this product type's one warranty word (any bidder will do)."""
    product, bidder = products()[product_id], next(iter(bidders().values()))
    context, _ = _context(product, bidder)
    sections, problems = select_clauses(outline(), clauses(), product_id, list(product.model.capabilities))
    assert not problems
    proposal = render_proposal(outline(), sections, context, draft=True)
    headings = [b.title for b in proposal.blocks if isinstance(b, Heading) and b.level == 1]
    w = product.model.warranty_word
    assert headings[-1] == "售后服务承诺书"
    assert not any("{" in h for h in headings)
    other_words = {"质保期", "保修期", "养护期", "保质期"} - {w}
    assert not [h for h in headings if any(o in h for o in other_words)], headings


def _example_tenders() -> list[Path]:
    return sorted((ROOT / "tenders" / "examples").glob("*.yaml"))


@pytest.mark.parametrize("tender_path", _example_tenders(), ids=lambda p: p.stem)
def test_example_tender_renders_with_its_deviations(tender_path: Path) -> None:
    from generator.pipeline.build import check_requirements, resolve

    inputs = load_inputs(tender_path, ROOT)
    commitments = resolve(inputs)
    deviations = check_requirements(inputs, commitments, allow_deviation=True)
    product: ProductType = inputs.product.model
    sections, problems = select_clauses(outline(), inputs.clauses, product.id, list(product.capabilities))
    assert not problems
    context = build_context(inputs.tender.model, inputs.bidder.model, product, commitments, deviations)
    render_proposal(inputs.outline.model, sections, context, draft=True)
