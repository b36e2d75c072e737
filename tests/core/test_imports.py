"""Every module imports on its own, whatever was imported before it: a cycle between two modules
(a model importing another that imports it back) only shows when the second is imported first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
NEEDS_LIBREOFFICE = {"generator.office.uno_worker"}  # runs inside LibreOffice's own Python (import uno)

PROBE = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "generator" or m.startswith("generator.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print("\\n".join(failed))
"""


def modules() -> list[str]:
    names = []
    for path in sorted(GENERATOR.rglob("*.py")):
        parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name not in NEEDS_LIBREOFFICE and parts[-1] != "__main__":
            names.append(name)
    return names


def test_every_module_imports_first() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, *modules()], capture_output=True, text=True,
                            cwd=GENERATOR.parent, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "", result.stdout


def test_the_probe_finds_a_cycle(tmp_path: Path) -> None:
    package = tmp_path / "generator"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from generator.b import B\nA = 1\n", encoding="utf-8")
    (package / "b.py").write_text("from generator.a import A\nB = 2\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE, "generator.a"], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert "generator.a: ImportError" in result.stdout
