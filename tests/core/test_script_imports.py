"""The scripts beside the package (benchmarks/, scripts/) are not imported by any test run: a name they
take from `generator` that a refactoring removed would surface only when someone runs them. Every such
import, including imports inside functions, must name a module or an attribute that exists."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted([*ROOT.glob("benchmarks/*.py"), *ROOT.glob("scripts/*.py")])


def _generator_imports(path: Path) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "generator":
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names if alias.name.split(".")[0] == "generator"]
    return found


def test_there_are_scripts_that_use_the_package():
    assert sum(bool(_generator_imports(path)) for path in SCRIPTS) >= 4


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_name_a_script_imports_from_the_package_exists(path: Path):
    missing = []
    for module_name, name in _generator_imports(path):
        module = importlib.import_module(module_name)
        if name is None or hasattr(module, name):
            continue
        try:
            importlib.import_module(f"{module_name}.{name}")
        except ModuleNotFoundError:
            missing.append(f"from {module_name} import {name}")
    assert not missing, missing
