"""missing-commitment: per the contract, a product type defines every kind the clauses applying to
it use. Retired clauses are not held to it."""

from __future__ import annotations

from generator.core.findings import ERROR, Finding, Rule
from generator.core.kinds import KINDS
from generator.library.rules import LintContext

RULE = Rule("missing-commitment", "适用的产品类型未定义条款所需的承诺", ERROR, order=50)


def check(context: LintContext) -> list[Finding]:
    library = context.library
    out = []
    for loaded in library.clauses:
        clause = loaded.model
        if clause.status == "retired":
            continue
        for product_id in library.applicable_products(clause):
            given = library.products[product_id].model.commitments.given()
            for index, kind in enumerate(clause.uses):
                if kind not in given:
                    out.append(Finding.in_file(
                        RULE.id, loaded.path, loaded.line_of("uses", index),
                        f"条款适用于产品类型 {product_id}，但 profiles/products/{product_id}.yaml "
                        f"没有定义所需的承诺 {kind}（{KINDS[kind].label}）", clause.id,
                        f"在该产品类型的 commitments 中补充 {kind}，或用 applies_to 排除该产品类型"))
    return out
