"""The folder tree is the data flow: every import of generator/ runs down the stages, never back up.

Imports inside functions count too (they are how a command avoids paying for what it does not use,
not a way around the layering)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

# Lowest first. A package may import its own modules and any package of a lower layer.
LAYERS: list[tuple[str, ...]] = [
    ("core",),                   # facts and utilities every stage shares (stdlib only)
    ("models", "office"),        # input models; LibreOffice
    ("readers", "text"),         # the read-back stack shared by check and tender extract (one stage)
    ("load",),                   # YAML inputs → models, the project's inputs
    ("resolve", "pictures"),     # commitment layers, judgement, presence, scoring; chart drawing
    ("render", "tender_extract"),
    ("write",),
    ("check", "library"),
    ("report", "pipeline"),      # report formats of check and lint; the build, batch and self-check
    ("web",),
    ("commands",),
    ("cli",),
    ("entry",),                  # the console process: collector threshold, direct exit
    ("__main__",),
]
ONE_STAGE = {("readers", "text")}  # layers whose packages may import each other
RANK = {package: rank for rank, layer in enumerate(LAYERS) for package in layer}


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else \
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        found += [(node.lineno, name) for name in names if name.startswith("generator.")]
    return found


def _package(path: Path) -> str:
    return path.relative_to(GENERATOR).with_suffix("").parts[0]


def _wrong_imports(path: Path) -> list[str]:
    source = _package(path)
    wrong = []
    for line, module in _imports(path):
        target = module.split(".")[1]
        if target == source:
            continue
        same_stage = any({source, target} <= set(layer) for layer in ONE_STAGE)
        if RANK[target] >= RANK[source] and not same_stage:
            wrong.append(f"{path.relative_to(GENERATOR)}:{line} imports {module} ({target} is not below {source})")
    return wrong


def test_every_package_has_a_layer() -> None:
    packages = {_package(path) for path in GENERATOR.rglob("*.py")} - {"__init__"}
    assert packages <= set(RANK), f"add to LAYERS: {sorted(packages - set(RANK))}"


def test_no_module_at_the_root_but_the_entry_points() -> None:
    assert sorted(path.name for path in GENERATOR.glob("*.py")) == ["__init__.py", "__main__.py", "cli.py", "entry.py"]


@pytest.mark.parametrize("path", sorted(GENERATOR.rglob("*.py")), ids=lambda p: str(p.relative_to(GENERATOR)))
def test_imports_run_down_the_layers(path: Path) -> None:
    if path.parent == GENERATOR and path.name == "__init__.py":
        return
    wrong = _wrong_imports(path)
    assert not wrong, "\n".join(wrong)


def test_an_import_back_up_is_found_also_inside_a_function(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "generator"
    (fake / "write").mkdir(parents=True)
    module = fake / "write" / "x.py"
    module.write_text("def f():\n    from generator.pipeline.build import build\n", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.GENERATOR", fake)
    assert _wrong_imports(module) == ["write/x.py:2 imports generator.pipeline.build (pipeline is not below write)"]
