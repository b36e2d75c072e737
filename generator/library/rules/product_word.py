"""product-word: a word from a product type's vocabulary may appear only where every product type
the clause goes into lists that word: otherwise some proposal would carry another trade's wording.

The clause as rendered per product type counts (render rule): a word inside a branch that product
type never takes ({% if has.software %}…) does not count for it. Without a rendering (it failed)
the word counts."""

from __future__ import annotations

from collections import defaultdict

from generator.core.findings import ERROR, Finding, Rule
from generator.library.repository import Library
from generator.library.rules import LintContext
from generator.library.rules.render import matrix
from generator.library.source_scan import file_line, raw_body, wording
from generator.load.yamlio import Loaded

RULE = Rule("product-word", "通用条款中出现某一产品类型的专用词", ERROR, order=80)


def vocabulary(library: Library) -> dict[str, set[str]]:
    """Product-specific word → the product types whose vocabulary lists it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for product_id, product in library.products.items():
        for word in product.model.vocabulary:
            if word.strip():
                owners[word.strip()].add(product_id)
    return owners


def check(context: LintContext) -> list[Finding]:
    owners = vocabulary(context.library)
    rendered = matrix(context).rendered
    return [f for loaded in context.library.clauses for f in _clause(loaded, owners, context.library, rendered)]


def _clause(loaded: Loaded, owners: dict[str, set[str]], library: Library,
            rendered: dict[tuple[str, str], str]) -> list[Finding]:
    clause = loaded.model
    applicable = library.applicable_products(clause)
    scope = "全部产品类型" if clause.applies_to.product_types == "all" else \
        "产品类型 " + "、".join(clause.applies_to.product_types)
    out = []
    for piece in wording(raw_body(loaded)):
        for word, products in owners.items():
            if word not in piece.text:
                continue
            foreign = [p for p in applicable if p not in products
                       and word in rendered.get((str(loaded.path), p), word)]
            if applicable and not foreign:
                continue
            where = f"会进入产品类型 {'、'.join(foreign)} 的方案" if foreign else f"适用于{scope}"
            out.append(Finding.in_file(RULE.id, loaded.path, file_line(loaded, piece.line),
                                       f"“{word}”是产品类型 {'、'.join(sorted(products))} 的专用词，但本条款{where}",
                                       clause.id, "改用 {{ noun }}、{{ unit }}、{{ w }} 或 product.* 中的内容，"
                                       "或用 applies_to.product_types 把条款限定为该产品类型"))
    return out
