"""Lint rules that read a clause file on its own (plus the product vocabularies)."""

from __future__ import annotations

from collections import defaultdict

from generator.core.kinds import KINDS
from generator.errors import display_path
from generator.library.findings import Finding
from generator.library.repository import Library
from generator.library.source_scan import file_line, kind_uses, literal_numbers, raw_body, wording
from generator.models.clause import Clause
from generator.yamlio import Loaded


def duplicate_ids(library: Library) -> list[Finding]:
    seen: dict[str, Loaded] = {}
    out = []
    for loaded in library.clauses:
        clause: Clause = loaded.model
        first = seen.setdefault(clause.id, loaded)
        if first is not loaded:
            out.append(Finding("duplicate-id", loaded.path, loaded.line_of("id"),
                               f"条款编号“{clause.id}”已在 {display_path(first.path)} 中使用",
                               clause.id, "每个条款的编号必须唯一，文件名与编号一致"))
    return out


def metadata(loaded: Loaded, library: Library) -> list[Finding]:
    clause: Clause = loaded.model
    out = []

    def add(message: str, key: str, hint: str = "") -> None:
        out.append(Finding("metadata", loaded.path, loaded.line_of(key) or 1, message, clause.id, hint))

    if loaded.path.stem != clause.id:
        add(f"文件名应与条款编号一致：{clause.id}.yaml", "id")
    if "uses" not in loaded.raw:
        add("缺少 uses（条款使用的承诺；不使用任何承诺时写 uses: []）", "id")
    if clause.status == "approved" and clause.approval is None:
        add("状态为已审定（approved），但没有审定记录（approval）", "status",
            "用 aftersales clauses approve 审定，不要手工改状态")
    scope = clause.applies_to.product_types
    if scope != "all":
        for index, product_id in enumerate(scope):
            if product_id not in library.products:
                out.append(Finding("metadata", loaded.path, loaded.line_of("applies_to", "product_types", index),
                                   f"applies_to 中的产品类型“{product_id}”没有对应的资料 profiles/products/{product_id}.yaml",
                                   clause.id, "现有产品类型：" + "、".join(sorted(library.products))))
    return out


def literal_number_rule(loaded: Loaded) -> list[Finding]:
    clause: Clause = loaded.model
    out = []
    for piece in wording(raw_body(loaded)):
        for span in literal_numbers(piece.text):
            where = "表达式中的字符串" if piece.literal else "正文"
            out.append(Finding("literal-number", loaded.path, file_line(loaded, piece.line),
                               f"{where}直接写了承诺数字“{span}”", clause.id,
                               "承诺的时限、期限和频次一律写成 {{ c.<kind> }}，由承诺数据填入"))
    return out


def uses_rule(loaded: Loaded) -> list[Finding]:
    clause: Clause = loaded.model
    used = kind_uses(raw_body(loaded))
    if used is None:  # does not parse: the render rule reports it
        return []
    declared = list(clause.uses)
    out = []
    for kind, line in used.kinds.items():
        if kind not in declared and kind not in used.optional:
            out.append(Finding("uses-mismatch", loaded.path, file_line(loaded, line),
                               f"正文使用了承诺 c.{kind}（{KINDS[kind].label}），但 uses 中没有声明", clause.id,
                               f"在 uses 中加上 {kind}"))
    if not used.dynamic:
        for index, kind in enumerate(declared):
            if kind not in used.kinds:
                out.append(Finding("uses-mismatch", loaded.path, loaded.line_of("uses", index),
                                   f"uses 声明了 {kind}（{KINDS[kind].label}），但正文没有使用 c.{kind}", clause.id,
                                   f"从 uses 中删去 {kind}，或在正文中使用它"))
    return out


def vocabulary(library: Library) -> dict[str, set[str]]:
    """Product-specific word → the product types whose vocabulary lists it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for product_id, product in library.products.items():
        for word in product.model.vocabulary:
            if word.strip():
                owners[word.strip()].add(product_id)
    return owners


def product_word_rule(loaded: Loaded, owners: dict[str, set[str]], library: Library,
                      rendered: dict[tuple[str, str], str]) -> list[Finding]:
    """A word from a product type's vocabulary may appear only where every product type the clause
    goes into lists that word: otherwise some proposal would carry another trade's wording.

    `rendered` holds the clause rendered per product type: a word inside a branch that product
    type never takes ({% if has.software %}…) does not count for it. Without a rendering (it
    failed) the word counts."""
    clause: Clause = loaded.model
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
            out.append(Finding("product-word", loaded.path, file_line(loaded, piece.line),
                               f"“{word}”是产品类型 {'、'.join(sorted(products))} 的专用词，但本条款{where}",
                               clause.id, "改用 {{ noun }}、{{ unit }}、{{ w }} 或 product.* 中的内容，"
                               "或用 applies_to.product_types 把条款限定为该产品类型"))
    return out


def missing_commitment_rule(loaded: Loaded, library: Library) -> list[Finding]:
    """Per the contract, a product type defines every kind the clauses applying to it use."""
    clause: Clause = loaded.model
    if clause.status == "retired":
        return []
    out = []
    for product_id in library.applicable_products(clause):
        given = library.products[product_id].model.commitments.given()
        for index, kind in enumerate(clause.uses):
            if kind not in given:
                out.append(Finding("missing-commitment", loaded.path, loaded.line_of("uses", index),
                                   f"条款适用于产品类型 {product_id}，但 profiles/products/{product_id}.yaml "
                                   f"没有定义所需的承诺 {kind}（{KINDS[kind].label}）", clause.id,
                                   f"在该产品类型的 commitments 中补充 {kind}，或用 applies_to 排除该产品类型"))
    return out
