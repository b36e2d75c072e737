"""Everything the clause tools read: every clause file (broken and duplicated ones included, so
lint can report them), the product and bidder profiles, and the tenders used for sample values."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import InputError, Problem
from generator.core.layout import Layout, project_root
from generator.load.yamlio import Loaded, load_model
from generator.models.clause import Clause
from generator.models.parties import Bidder, ProductType
from generator.models.tender import Tender


@dataclass(frozen=True)
class Library:
    root: Path
    clauses: list[Loaded]  # every clause file that validated, in path order (duplicate ids kept)
    products: dict[str, Loaded]
    bidders: dict[str, Loaded]
    tenders: list[Loaded]
    problems: list[Problem] = field(default_factory=list)  # clause or profile files that did not validate

    def clause_map(self) -> dict[str, Loaded]:
        """id → clause; with duplicate ids the first file (in path order) wins."""
        out: dict[str, Loaded] = {}
        for loaded in self.clauses:
            out.setdefault(loaded.model.id, loaded)
        return out

    def find(self, clause_id: str) -> Loaded:
        found = self.clause_map().get(clause_id)
        if found is None:
            known = "、".join(sorted(self.clause_map())[:12])
            raise InputError(f"条款库中没有编号为“{clause_id}”的条款", [
                Problem(Layout(self.root).clauses, f"找不到条款“{clause_id}”", hint=f"现有条款：{known}…"
                        if len(self.clause_map()) > 12 else f"现有条款：{known}")])
        return found

    def capabilities(self, product_id: str) -> list[str]:
        return list(self.products[product_id].model.capabilities)

    def applicable_products(self, clause: Clause) -> list[str]:
        """Product types (with a profile) this clause would go into."""
        return [pid for pid in sorted(self.products) if clause.applies(pid, self.capabilities(pid))]


def resolve_root(root: Path | None) -> Path:
    base = (root or project_root()).resolve()
    if not Layout(base).clauses.is_dir():
        raise InputError(f"{base} 下没有 clauses/ 目录", [
            Problem(base, "找不到条款库目录 clauses/", hint="在项目根目录下运行，或用 --root 指定项目目录")])
    return base


def _load_dir(directory: Path, model: type, problems: list[Problem], pattern: str = "*.yaml") -> list[Loaded]:
    out: list[Loaded] = []
    if not directory.is_dir():
        return out
    for path in sorted(directory.rglob(pattern)):
        loaded, found = load_model(path, model)
        problems.extend(found)
        if loaded is not None:
            out.append(loaded)
    return out


def load_library(root: Path | None = None) -> Library:
    base = resolve_root(root)
    problems: list[Problem] = []
    layout = Layout(base)
    clauses = _load_dir(layout.clauses, Clause, problems)
    products = {p.model.id: p for p in _load_dir(layout.products, ProductType, problems)}
    bidders = {b.model.id: b for b in _load_dir(layout.bidders, Bidder, problems)}
    ignored: list[Problem] = []  # a broken tender is the tender's business, not the library's
    tenders = _load_dir(layout.tenders, Tender, ignored)
    return Library(base, clauses, products, bidders, tenders, problems)
