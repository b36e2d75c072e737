"""Product type and bidder profiles, and the example tenders built on them.

Checks the contract between product profiles and clauses (docs/HELPERS.md), that every
vocabulary word marks exactly one product type, and that every tender in tenders/ and
tenders/examples/ resolves to commitments that keep their own logic and meet every requirement.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from generator.core.errors import UserError
from generator.load.yamlio import Loaded, load_model
from generator.models.parties import Bidder, ProductType, credit_code_check_char
from generator.models.tender import Tender
from generator.resolve.commitments import Layer, logic_problems, resolve_commitments

ROOT = Path(__file__).resolve().parent.parent
PRODUCTS_DIR = ROOT / "profiles" / "products"
BIDDERS_DIR = ROOT / "profiles" / "bidders"
TENDERS_DIR = ROOT / "tenders"
EXAMPLES_DIR = TENDERS_DIR / "examples"

# The stable product type ids of /work/shared/DESIGN.md.
PRODUCT_TYPE_IDS = (
    "it-equipment", "software", "medical-equipment", "medical-consumables", "lab-instruments",
    "office-furniture", "textiles", "lighting", "security-systems", "hvac-solar",
    "disinfection-chemicals", "agrochemicals", "doors-windows", "landscaping", "vehicles",
    "office-consumables", "industrial-equipment", "elevators",
)
EVERY_TYPE = ("response", "hotline", "delivery", "complaint_response", "records_retention", "return_visit",
              "satisfaction_survey")
ONSITE_REPAIR = ("onsite_arrival", "resolution", "backup_equipment", "repair_turnaround", "spare_parts",
                 "inspection")
FAULT_LEVELS = ["一级", "二级", "三级", "四级"]
MIN_VOCABULARY = 30

PRODUCT_FILES = sorted(PRODUCTS_DIR.glob("*.yaml"))
BIDDER_FILES = sorted(BIDDERS_DIR.glob("*.yaml"))
TENDER_FILES = sorted(TENDERS_DIR.glob("*.yaml")) + sorted(EXAMPLES_DIR.glob("*.yaml"))


def _load(path: Path, model: type) -> Loaded:
    loaded, problems = load_model(path, model)
    assert loaded is not None, "\n".join(str(p) for p in problems)
    return loaded


@cache
def product(product_id: str) -> Loaded:
    return _load(PRODUCTS_DIR / f"{product_id}.yaml", ProductType)


@cache
def bidder(bidder_id: str) -> Loaded:
    return _load(BIDDERS_DIR / f"{bidder_id}.yaml", Bidder)


@cache
def tender(path: Path) -> Loaded:
    return _load(path, Tender)


def vocabulary_owners() -> dict[str, list[str]]:
    owners: dict[str, list[str]] = {}
    for product_id in PRODUCT_TYPE_IDS:
        for word in product(product_id).model.vocabulary:
            owners.setdefault(word, []).append(product_id)
    return owners


def product_texts(model: ProductType) -> list[str]:
    """Every text of a product profile that can reach a proposal (plus the vocabulary itself)."""
    texts = [model.name, model.noun, model.measure_word, *model.vocabulary, *model.maintenance_items,
             *model.exclusions]
    texts += [text for fault in model.faults for text in (fault.name, fault.examples)]
    texts += [text for topic in model.training_topics for text in (topic.audience, topic.content, topic.method)]
    texts += [q for values in model.commitments.given().values() if isinstance(values, dict)
              for q in values if isinstance(q, str)]
    texts += [model.basis_documents, model.urgent_problems, model.minor_problems, model.first_aid,
              model.inspection_word, model.delivery_word, model.delivery_until]
    for variant in model.variants.values():  # what a tender's products add (an EV's battery checks)
        texts += [*variant.maintenance_items, *variant.exclusions, *variant.visit_topics, *variant.emergencies]
    return [text for text in texts if text]


def bidder_texts(model: Bidder, product: ProductType | None = None) -> list[str]:
    """The bidder's texts a proposal shows: people and certificates declared for some product types
    or capabilities (`serves`) only where `product` wants them, never for product None."""
    def shown(serves: list[str]) -> bool:
        return not serves if product is None else product.wants(serves)

    texts = [model.legal_name, model.short_name, model.address, model.service_center]
    texts += [text for outlet in model.outlets for text in (outlet.city, outlet.address)]
    texts += [text for member in model.team if shown(member.serves)
              for text in (member.role, member.qualification, member.duty)]
    texts += [text for cert in model.certificates if shown(cert.serves) for text in (cert.name, cert.issuer)]
    return texts


def tender_texts(model: Tender) -> list[str]:
    texts = [model.project_name, model.purchaser.name, model.delivery_place, model.products]
    texts += [text for r in model.requirements for text in (r.text, r.qualifier or "", r.source.section)]
    return texts


def foreign_words(texts: list[str], own_type: str | None) -> list[str]:
    """`word (type) in “text”` for every vocabulary word of another product type found in the texts."""
    found = []
    for word, owners in vocabulary_owners().items():
        if own_type in owners:
            continue
        found += [f"{word}（{'、'.join(owners)}）见于“{text}”" for text in texts if word in text]
    return found


# ---- product type profiles -------------------------------------------------------------------

def test_one_profile_per_product_type_id() -> None:
    assert sorted(p.stem for p in PRODUCT_FILES) == sorted(PRODUCT_TYPE_IDS)


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_product_profile_loads_and_keeps_its_id(product_id: str) -> None:
    assert product(product_id).model.id == product_id


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_vocabulary_is_long_enough_and_has_no_repeats(product_id: str) -> None:
    words = [w.strip() for w in product(product_id).model.vocabulary]
    assert len(words) >= MIN_VOCABULARY, f"{product_id} 只有 {len(words)} 个专用词"
    assert len(set(words)) == len(words), f"{product_id} 的专用词有重复"
    assert all(len(w) >= 2 for w in words), "单字专用词会在任何文本中误报"


def test_every_vocabulary_word_belongs_to_exactly_one_product_type() -> None:
    shared = {word: owners for word, owners in vocabulary_owners().items() if len(owners) > 1}
    assert shared == {}


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_profile_texts_use_no_other_product_types_words(product_id: str) -> None:
    """Substring test, as the checker does it: a foreign word inside a longer own word counts too."""
    assert foreign_words(product_texts(product(product_id).model), product_id) == []


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_profile_defines_the_kinds_its_capabilities_require(product_id: str) -> None:
    model: ProductType = product(product_id).model
    given = model.commitments.given()
    required = list(EVERY_TYPE)
    if model.has("onsite_repair"):
        # a lift is not lent nor shipped away, a car is repaired at the service station
        required += [kind for kind in ONSITE_REPAIR
                     if (kind != "backup_equipment" or model.lends_backup)
                     and (kind != "repair_turnaround" or model.ships_for_repair)]
    if model.has("consumable"):  # a mix of supplies may promise only the remaining life on arrival
        assert "shelf_life" in given or "remaining_shelf_life" in given
    else:
        required.append("warranty")
    for capability, kind in (("installation", "installation"), ("training", "training"),
                             ("software", "software_upgrade"), ("construction", "inspection")):
        if model.has(capability):
            required.append(kind)
    assert [kind for kind in required if kind not in given] == []


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_warranty_word_fits_the_capabilities(product_id: str) -> None:
    model: ProductType = product(product_id).model
    if model.has("consumable"):
        assert model.warranty_word in ("保质期", "有效期")  # 有效期: labelled so (医疗器械, 消毒产品)
        assert not ({"onsite_repair", "installation", "construction"} & set(model.capabilities))
    elif model.has("construction"):
        assert model.warranty_word in ("保修期", "养护期")
    else:
        assert model.warranty_word in ("质保期", "保修期")


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_fault_levels_and_faults_match_for_onsite_repair(product_id: str) -> None:
    model: ProductType = product(product_id).model
    levels = list((model.commitments.fault_levels or {}).keys())
    if model.has("onsite_repair") or model.has("software"):  # software faults are fixed remotely, by level
        # three or four levels, in order, each with its own faults and limits that differ from the next
        assert len(levels) >= 3 and levels == FAULT_LEVELS[:len(levels)]
        assert [fault.level for fault in model.faults] == levels
        limits = [model.commitments.fault_levels[name] for name in levels]
        assert all(a != b for a, b in zip(limits, limits[1:], strict=False)), "two fault levels with the same limits add nothing"
    else:
        assert levels == [] and model.faults == []


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_lists_the_clauses_draw_on_are_filled(product_id: str) -> None:
    model: ProductType = product(product_id).model
    # issue 15 (display): as each proposal shows the type, with the default variants or those one word names
    # (a display-only purchase has no lamp's maintenance items: the type holds only what both share)
    for shown in [model.for_products(""), *(model.for_products(v.when[0]) for v in model.variants.values() if v.when)]:
        assert len(shown.maintenance_items) >= 4
        assert shown.exclusions
        if model.has("training"):
            assert len(shown.training_topics) >= 2
        else:
            assert shown.training_topics == []


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_product_defaults_keep_their_own_logic(product_id: str) -> None:
    commitments = resolve_commitments([Layer(product(product_id), "commitments")])
    assert [str(p) for p in logic_problems(commitments)] == []


def level_arrivals_slower_than_a_region(commitments) -> list[str]:  # Commitments
    """A fault level's on-site limit holds in every region, so it may not be slower than the fastest
    regional promise (else 二级4小时 contradicts 市区2小时 for a 二级 fault in the city)."""
    arrival = commitments.get("onsite_arrival")
    if arrival is None:
        return []
    fastest = min(arrival.values.values(), key=lambda v: v.hours or 0)
    return [f"{name} {level.onsite_arrival} > {fastest}" for name, level in commitments.fault_levels.items()
            if level.onsite_arrival is not None and level.onsite_arrival.compare(fastest) == 1]


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_fault_level_arrival_is_never_slower_than_the_fastest_region(product_id: str) -> None:
    commitments = resolve_commitments([Layer(product(product_id), "commitments")])
    assert level_arrivals_slower_than_a_region(commitments) == []


def test_free_texts_state_no_numbers() -> None:
    """Numbers belong in commitments; a number in a fault or maintenance text would be read as a promise."""
    offending = [f"{pid}: {text}" for pid in PRODUCT_TYPE_IDS
                 for text in product_texts(product(pid).model)
                 if text not in product(pid).model.vocabulary and any(ch.isdigit() for ch in text)]
    assert offending == []


# ---- bidder profiles -------------------------------------------------------------------------

def test_at_least_three_bidders_in_different_regions() -> None:
    cities = {bidder(p.stem).model.outlets[0].city for p in BIDDER_FILES}
    assert len(BIDDER_FILES) >= 3 and len(cities) == len(BIDDER_FILES)


@pytest.mark.parametrize("path", BIDDER_FILES, ids=lambda p: p.stem)
def test_bidder_profile_loads_with_a_valid_credit_code(path: Path) -> None:
    model: Bidder = bidder(path.stem).model
    assert model.id == path.stem
    assert credit_code_check_char(model.credit_code[:17]) == model.credit_code[17]
    assert model.team and model.outlets and model.certificates


def test_a_wrong_credit_code_check_digit_is_refused(tmp_path: Path) -> None:
    text = (BIDDERS_DIR / "kangheng.yaml").read_text(encoding="utf-8")
    code = bidder("kangheng").model.credit_code
    wrong = "0" if code[17] != "0" else "1"
    bad = tmp_path / "kangheng.yaml"
    bad.write_text(text.replace(code, code[:17] + wrong), encoding="utf-8")
    loaded, problems = load_model(bad, Bidder)
    assert loaded is None
    assert any("校验位" in p.message for p in problems)


@pytest.mark.parametrize("path", BIDDER_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_bidder_defaults_break_no_logic_rule_with_any_product_type(path: Path, product_id: str) -> None:
    commitments = resolve_commitments([Layer(product(product_id), "commitments"),
                                       Layer(bidder(path.stem), "commitments")])
    assert [str(p) for p in logic_problems(commitments)] == []


@pytest.mark.parametrize("path", BIDDER_FILES, ids=lambda p: p.stem)
def test_bidder_texts_use_no_product_vocabulary(path: Path) -> None:
    """A bidder bids for several product types, so its own texts use none of their special words."""
    assert foreign_words(bidder_texts(bidder(path.stem).model), None) == []


# ---- tenders ---------------------------------------------------------------------------------

def test_one_example_tender_per_product_type() -> None:
    assert sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml")) == sorted(PRODUCT_TYPE_IDS)
    for product_id in PRODUCT_TYPE_IDS:
        assert tender(EXAMPLES_DIR / f"{product_id}.yaml").model.product_type == product_id


def test_every_bidder_has_a_top_level_tender() -> None:
    used = {tender(path).model.bidder for path in sorted(TENDERS_DIR.glob("*.yaml"))}
    assert {p.stem for p in BIDDER_FILES} <= used


def test_tender_ids_are_unique() -> None:
    ids = [tender(path).model.id for path in TENDER_FILES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_example_tender_shape(product_id: str) -> None:
    model: Tender = tender(EXAMPLES_DIR / f"{product_id}.yaml").model
    assert model.date.year == 2026
    assert 2 <= len(model.requirements) <= 5
    assert any(r.mark for r in model.requirements)
    for r in model.requirements:
        assert not r.mark or r.text.startswith(r.mark), f"标记 {r.mark} 应写在要求原文开头：{r.text}"


@pytest.mark.parametrize("path", TENDER_FILES, ids=lambda p: str(p.relative_to(TENDERS_DIR)))
def test_tender_texts_use_no_other_product_types_words(path: Path) -> None:
    model: Tender = tender(path).model
    own_texts = tender_texts(model) + bidder_texts(bidder(model.bidder).model, product(model.product_type).model)
    assert foreign_words(own_texts, model.product_type) == []


@pytest.mark.parametrize("path", TENDER_FILES, ids=lambda p: str(p.relative_to(TENDERS_DIR)))
def test_tender_resolves_without_logic_problems_or_negative_deviations(path: Path) -> None:
    from generator.load.project import load_inputs
    from generator.pipeline.build import check_requirements, resolve

    try:
        inputs = load_inputs(path)
        commitments = resolve(inputs)
        deviations = check_requirements(inputs, commitments, allow_deviation=False)
    except UserError as exc:
        pytest.fail(f"{exc.title}\n" + "\n".join(str(p) for p in exc.problems))
    assert len(deviations) == len(tender(path).model.requirements)
    assert all(d.status in ("正偏离", "无偏离") for d in deviations)
    assert level_arrivals_slower_than_a_region(commitments) == []


@pytest.mark.parametrize("product_id", PRODUCT_TYPE_IDS)
def test_variants_are_chosen_by_words_or_by_default(product_id: str) -> None:
    """A type with variants settles on a default when the tender names none, or (variants that only
    add a sub-trade's matters: office-furniture, agrochemicals) on the type's own wording; each
    variant's words choose it (a site variant's, in the purchaser's name only)."""
    model: ProductType = product(product_id).model
    nothing_named = "所需产品"  # the type's own name may name a variant (电梯及自动扶梯)
    if not model.variants or not any(v.default for v in model.variants.values()):
        assert model.variants_for(nothing_named) == []
        assert model.for_products(nothing_named) is model
        if not model.variants:
            return
    for name, variant in model.variants.items():
        if variant.combines:  # issue 15 (display): a combination comes with its parts, never by words
            assert not variant.when and not variant.default, name
            assert name in model.variants_for("、".join(model.variants[part].when[0] for part in variant.combines))
            continue
        if variant.where:  # a variant for the kind of site: chosen by the purchaser's words, never by the goods'
            assert not variant.when and not variant.default, name
            assert all(name in model.variants_for(nothing_named, word) for word in variant.where), name
            assert name not in model.variants_for("、".join(variant.where)), name
            continue
        assert variant.when or variant.default, name
        for word in variant.when:
            assert name in model.variants_for(word), (name, word)
    if any(v.default for v in model.variants.values()):
        assert model.variants_for(nothing_named)  # nothing named: the default


# Evaluators (security systems, IT equipment): a backup unit promised only after the most urgent level's fix
# limit has passed leaves that level waiting. These types bring theirs within level 1's resolution time; lab
# instruments and production machinery keep a longer one (a backup instrument or machine is a delivery).
BACKUP_WITHIN_LEVEL_ONE = ("security-systems", "it-equipment", "lighting", "hvac-solar", "medical-equipment")


@pytest.mark.parametrize("name", BACKUP_WITHIN_LEVEL_ONE)
def test_backup_comes_within_the_most_urgent_levels_limit(name):
    from ruamel.yaml import YAML

    from generator.core.quantities import Duration

    commitments = YAML(typ="safe").load((PRODUCTS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))["commitments"]
    backup = Duration.parse(commitments["backup_equipment"])
    limits = [Duration.parse(level["resolution"]) for level in commitments["fault_levels"].values()]
    assert all(backup.compare(limit) <= 0 for limit in limits), (name, str(backup), [str(limit) for limit in limits])
