"""JSON Schema files of the YAML inputs, generated from the pydantic models, and the first line
that points an editor at them (`# yaml-language-server: $schema=…`, read by the YAML extension of
VS Code and by other editors using yaml-language-server), so a bid clerk sees a typo or a wrong
field as she types.

Regenerate with `python scripts/schemas.py` (after a model changes); `--check` fails when a schema
file or a YAML file's first line is out of date (a test runs it). YAML comments mean nothing to
the loaders, and a clause's approval hash covers its body only, so the line changes no result.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.core.layout import Layout

MODELINE = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class Input:
    name: str  # schema file: schemas/<name>.schema.json
    title: str  # what the file is, in Chinese (the schema's title)

    def model(self) -> type[BaseModel]:
        from generator.models.clause import Clause, Outline
        from generator.models.parties import Bidder, ProductType
        from generator.models.tender import Tender

        models: dict[str, type[BaseModel]] = {"bidder": Bidder, "product": ProductType, "tender": Tender,
                                              "clause": Clause, "outline": Outline}
        return models[self.name]

    def files(self, layout: Layout) -> list[Path]:
        """The YAML files of this input in a project."""
        if self.name == "bidder":
            return sorted(layout.bidders.glob("*.yaml"))
        if self.name == "product":
            return sorted(layout.products.glob("*.yaml"))
        if self.name == "tender":  # tenders/ and tenders/examples/ (tenders/samples holds answer keys)
            return sorted([*layout.tenders.glob("*.yaml"), *(layout.tenders / "examples").glob("*.yaml")])
        if self.name == "clause":
            return sorted(layout.clauses.rglob("*.yaml"))
        return sorted(layout.templates.glob("*/outline.yaml"))


INPUTS = (Input("bidder", "投标人资料"), Input("product", "产品类型资料"), Input("tender", "招标项目文件"),
          Input("clause", "条款"), Input("outline", "模板大纲"))


def schema_text(spec: Input) -> str:
    schema: dict[str, Any] = spec.model().model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": spec.title}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_path(layout: Layout, spec: Input) -> Path:
    return layout.schemas / f"{spec.name}.schema.json"


def modeline(layout: Layout, spec: Input, yaml_file: Path) -> str:
    """The first line of `yaml_file`: its schema, relative to the file."""
    relative = os.path.relpath(schema_path(layout, spec).resolve(), yaml_file.resolve().parent)
    return MODELINE + Path(relative).as_posix()


def tender_modeline(layout: Layout, tender_file: Path) -> str:
    """The first line of a tender file written by `tender new` (wherever it is written)."""
    return modeline(layout, next(spec for spec in INPUTS if spec.name == "tender"), tender_file)


def with_modeline(text: str, line: str) -> str:
    """The file's text with `line` first: an older modeline is replaced, nothing else changes."""
    first, newline, rest = text.partition("\n")
    if first.startswith(MODELINE):
        return line + newline + rest if newline else line + "\n"
    return line + "\n" + text


def stale(layout: Layout) -> Iterator[tuple[Path, str]]:
    """(file, what it should contain) for every schema file and YAML file that is out of date."""
    for spec in INPUTS:
        path = schema_path(layout, spec)
        wanted = schema_text(spec)
        if not path.is_file() or path.read_text(encoding="utf-8") != wanted:
            yield path, wanted
        for yaml_file in spec.files(layout):
            text = yaml_file.read_text(encoding="utf-8")
            updated = with_modeline(text, modeline(layout, spec, yaml_file))
            if updated != text:
                yield yaml_file, updated


def write(layout: Layout) -> list[Path]:
    """Bring every schema and modeline up to date; the files written."""
    written = []
    for path, text in list(stale(layout)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
