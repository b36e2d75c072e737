"""The project layout: where each input lives under a project root, and the one way to find the root.

  tenders/<id>.yaml  profiles/bidders/<id>.yaml  profiles/products/<id>.yaml
  clauses/**/<id>.yaml  templates/<name>/outline.yaml + reference.docx  schemas/<input>.schema.json
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def clauses(self) -> Path:
        return self.root / "clauses"

    @property
    def profiles(self) -> Path:
        return self.root / "profiles"

    @property
    def bidders(self) -> Path:
        return self.profiles / "bidders"

    @property
    def products(self) -> Path:
        return self.profiles / "products"

    @property
    def tenders(self) -> Path:
        return self.root / "tenders"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def schemas(self) -> Path:
        return self.root / "schemas"

    def bidder(self, bidder_id: str) -> Path:
        return self.bidders / f"{bidder_id}.yaml"

    def product(self, product_id: str) -> Path:
        return self.products / f"{product_id}.yaml"

    def tender(self, tender_id: str) -> Path:
        return self.tenders / f"{tender_id}.yaml"

    def template(self, name: str) -> Path:
        return self.templates / name

    def outline(self, template: str) -> Path:
        return self.template(template) / "outline.yaml"

    def reference(self, template: str) -> Path:
        return self.template(template) / "reference.docx"

    def template_names(self) -> list[str]:
        return sorted(p.parent.name for p in self.templates.glob("*/outline.yaml"))

    def is_project(self) -> bool:
        return self.clauses.is_dir() and self.profiles.is_dir()

    @classmethod
    def find(cls, start: Path | None = None) -> Layout | None:
        """The nearest project (a directory with clauses/ and profiles/) at or above `start`
        (default: the working directory), else None."""
        here = (start or Path.cwd()).resolve()
        for candidate in [here, *here.parents]:
            if cls(candidate).is_project():
                return cls(candidate)
        return None

    @classmethod
    def installed(cls) -> Layout | None:
        """The tree this package runs from, when it is a project (an editable install)."""
        layout = cls(Path(__file__).resolve().parents[2])
        return layout if layout.is_project() else None


def project_root(start: Path | None = None) -> Path:
    """The root of the nearest project at or above `start`, else the working directory (commands that
    then report “no clauses/ here” themselves)."""
    found = Layout.find(start)
    return found.root if found else Path.cwd()
